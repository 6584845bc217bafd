(function () {
  "use strict";
  var V = window.ContestView;
  var root = document.getElementById("contest");
  var form = root.querySelector("[data-sheet]");
  var client = null;
  var shownFor = null;
  var me = null;

  V.start(function (state, liveClient) {
    client = liveClient;
    if (state.me !== undefined) me = state.me;  // only snapshots say who we are
    V.setText(root, "[data-phase]", V.phaseText(state));
    V.setText(root, "[data-round]", V.roundText(state));
    V.setText(root, "[data-highlight]", state.team ? V.format(V.labels.turn_of, {team: V.teamName(state, state.team)}) : "");
    var judged = state.round && state.round.kind === "judged";
    var submitted = (state.submitted || []).indexOf(me) >= 0;
    form.hidden = !(judged && state.phase === "judging");
    form.querySelector("button").disabled = submitted;
    var key = state.round ? state.round.number + "-" + state.round.turn : null;
    if (!form.hidden && shownFor !== key) {
      shownFor = key;
      var criteria = form.querySelector("[data-criteria]");
      criteria.textContent = "";
      state.round.criteria.forEach(function (criterion) {
        var label = V.make("label", "criterion", criterion.name + " (0–" + criterion.max + ") ");
        var input = V.make("input");
        input.type = "number"; input.min = 0; input.max = criterion.max; input.step = 1; input.required = true;
        input.name = criterion.name;
        label.appendChild(input);
        criteria.appendChild(label);
      });
    }
    if (submitted) V.setText(root, "[data-highlight]", V.labels.submitted);
    root.querySelector("[data-marking]").hidden = state.phase !== "answering";
    V.setText(root, "[data-judge-status]", status(state, judged));
    V.renderQuestion(root.querySelector("[data-question]"), state, {quiet: true});
    V.renderTeams(root.querySelector("[data-teams]"), state);
  });

  /* What is happening and what comes next for a judge, whatever the phase. */
  function status(state, judged) {
    var S = V.labels.judge_status;
    if (state.phase === "finished") return S.finished;
    if (judged && state.phase === "judging") return "";
    var now = state.round ? state.round.number : 0;
    var more = state.round && state.round.kind === "judged" && (state.phase === "reading" || state.round.turn < state.round.turns);
    var upcoming = (state.rounds || []).filter(function (round) {
      return round.kind === "judged" && (round.number > now || (round.number === now && more));
    })[0];
    var parts = [state.phase === "lobby" ? S.not_started : state.round ? V.format(S.watching, {round: V.roundText(state)}) : S.idle];
    parts.push(upcoming ? V.format(S.next_judged, {number: upcoming.number, title: upcoming.title}) : S.no_more);
    return parts.join(" ");
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var sheet = {};
    Array.prototype.forEach.call(form.querySelectorAll("input"), function (input) { sheet[input.name] = Number(input.value); });
    client.send("judge.score", {sheet: sheet});
  });
})();
