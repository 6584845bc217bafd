(function () {
  "use strict";
  var V = window.ContestView;
  var root = document.getElementById("contest");
  var title = root.querySelector("[data-team-colour]");
  title.style.borderColor = title.dataset.teamColour;
  var buzz = root.querySelector("[data-command='team.buzz']");
  var risk = root.querySelector("[data-risk]");
  var countdown = null;
  var client = null;
  var picked = "";
  var me = null;

  function render(state, liveClient) {
    client = liveClient;
    if (!countdown) countdown = new V.Countdown(client, root.querySelector("[data-countdown]"));
    countdown.update(state);
    if (state.me !== undefined) me = state.me;  // only snapshots say who we are
    var kind = state.round ? state.round.kind : "";
    var mine = state.team === me;
    root.dataset.currentPhase = state.phase;
    V.setText(root, "[data-phase]", V.phaseText(state) + (state.round ? " · " + V.labels.kinds[kind] : ""));
    state.teams.forEach(function (team) { if (team.id === me) V.setText(root, "[data-my-score]", team.score); });
    var highlight = "";
    if (mine && state.phase !== "finished") highlight = V.labels.your_turn;
    else if (state.team && state.phase !== "finished") highlight = V.format(V.labels.turn_of, {team: V.teamName(state, state.team)});
    V.setText(root, "[data-highlight]", highlight);

    var buzzRound = kind === "buzzer" || kind === "tiebreak";
    var eligible = !state.eligible.length || state.eligible.indexOf(me) >= 0;
    buzz.hidden = !(buzzRound && eligible && (state.phase === "reading" || state.phase === "buzzer_open"));
    buzz.disabled = state.locked_out.indexOf(me) >= 0;
    buzz.classList.toggle("armed", state.phase === "buzzer_open");

    risk.hidden = !(kind === "risk" && mine && state.phase === "reading");
    if (!risk.hidden) {
      V.setText(risk, "[data-risk-label]", state.risk_value ? V.format(V.labels.risk_value, {value: state.risk_value}) : V.labels.choose_risk);
      var values = risk.querySelector("[data-risk-values]");
      values.textContent = "";
      state.round.risk_values.forEach(function (value) {
        var button = V.make("button", "big" + (value === state.risk_value ? " primary" : ""), value);
        button.type = "button";
        button.dataset.command = "team.risk";
        button.dataset.value = value;
        values.appendChild(button);
      });
    }

    var canAnswer = mine && state.phase === "answering" && !state.answered;
    var multiple = state.question && state.question.kind === "multiple";
    picked = canAnswer ? picked : "";
    V.renderQuestion(root.querySelector("[data-question]"), state, canAnswer ? {onPick: function (label, button) {
      if (!multiple) { client.send("team.answer", {choice: label}); return; }
      picked = picked.indexOf(label) >= 0 ? picked.replace(label, "") : picked + label;
      button.classList.toggle("picked", picked.indexOf(label) >= 0);
    }} : {});
    if (canAnswer && multiple) {
      var submit = V.make("button", "big primary", "✔");
      submit.type = "button";
      submit.addEventListener("click", function () { if (picked) client.send("team.answer", {choice: picked}); });
      root.querySelector("[data-question]").appendChild(submit);
    }
    V.renderVerdict(root.querySelector("[data-outcome]"), state);
  }

  V.start(render);
})();
