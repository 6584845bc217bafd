(function () {
  "use strict";
  var V = window.ContestView;
  var root = document.getElementById("contest");
  var swatch = document.querySelector("[data-team-colour]");
  swatch.style.background = swatch.dataset.teamColour;
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
    state.teams.forEach(function (team) { if (team.id === me) V.setText(document, "[data-my-score]", team.score); });
    var highlight = "";
    if (mine && state.phase !== "finished" && !state.answered) highlight = V.labels.your_turn;
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
    }} : {quiet: state.phase === "lobby" || state.phase === "finished"});
    if (canAnswer && multiple) {
      var submit = V.make("button", "big primary", "✔");
      submit.type = "button";
      submit.addEventListener("click", function () { if (picked) client.send("team.answer", {choice: picked}); });
      root.querySelector("[data-question]").appendChild(submit);
    }
    var outcome = root.querySelector("[data-outcome]");
    V.renderVerdict(outcome, state);
    outcome.hidden = mine;  // our own verdict is in the news below, with its points
    var news = root.querySelector("[data-news]");
    var text = newsFor(state);
    news.hidden = !text.text;
    news.textContent = text.text;
    news.className = "team-news" + (text.tone ? " news-" + text.tone : "");
  }

  function rankOf(state) {
    var rank = 0;
    var previous = null;
    var mine = null;
    V.ranked(state.teams).forEach(function (team, position) {
      if (team.score !== previous) rank = position + 1;
      previous = team.score;
      if (team.id === me) mine = {rank: rank, score: team.score};
    });
    return mine;
  }

  /* The message for whatever touches this team now: a foul, sitting out, the buzz lost, the time
   * running out, the verdict at the reveal, the final rank. */
  function newsFor(state) {
    var N = V.labels.team_news;
    var round = state.round || {};
    var event = state.event || {};
    var mine = state.team === me;
    if (state.phase === "finished") {
      var place = rankOf(state);
      return place ? {text: V.format(N.final_rank, place), tone: place.rank === 1 ? "good" : ""} : {text: ""};
    }
    if (state.locked_out.indexOf(me) >= 0) {
      var fouled = event.command === "buzz" && event.team === me && state.phase === "reading";
      return {text: fouled ? V.format(N.foul, {points: round.early_buzz_penalty}) : N.locked_out, tone: "bad"};
    }
    if (state.verdict && mine) {
      var delta = state.verdict.delta;
      return {text: V.format(N[state.verdict.verdict], {points: delta > 0 ? delta : String(delta)}),
              tone: state.verdict.verdict === "correct" ? "good" : "bad"};
    }
    if (state.timed_out && mine) return {text: N.time_up, tone: "bad"};
    if (state.answered && mine) return {text: N.received, tone: ""};
    if ((round.kind === "buzzer" || round.kind === "tiebreak") && state.team && !mine &&
        ["answering", "judging", "revealed"].indexOf(state.phase) >= 0) {
      return {text: V.format(N.lost_buzz, {team: V.teamName(state, state.team)}), tone: ""};
    }
    return {text: ""};
  }

  V.start(render);
})();
