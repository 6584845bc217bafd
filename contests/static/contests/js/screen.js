(function () {
  "use strict";
  var V = window.ContestView;
  var root = document.getElementById("contest");
  var countdown = null;

  V.start(function (state, client) {
    if (!countdown) {
      countdown = new V.Countdown(client, root.querySelector("[data-countdown]"), root.querySelector("[data-ring-bar]"));
    }
    countdown.update(state);
    root.dataset.currentPhase = state.phase;
    V.setText(root, "[data-phase]", V.phaseText(state));
    V.setText(root, "[data-round]", V.roundText(state));
    var highlight = "";
    if (state.team && state.round && (state.round.kind === "buzzer" || state.round.kind === "tiebreak")) {
      highlight = V.format(V.labels.buzz_winner, {team: V.teamName(state, state.team)});
    } else if (state.team && state.phase !== "finished") {
      highlight = V.format(V.labels.turn_of, {team: V.teamName(state, state.team)});
      if (state.risk_value) highlight += " · " + V.format(V.labels.risk_value, {value: state.risk_value});
    }
    V.setText(root, "[data-highlight]", highlight);
    V.renderQuestion(root.querySelector("[data-question]"), state, {quiet: true});
    V.renderVerdict(root.querySelector("[data-outcome]"), state);
    var sheets = root.querySelector("[data-sheets]");
    sheets.textContent = "";
    if (state.round && state.round.kind === "judged") {
      if (state.sheets) {
        var list = V.make("ol", "sheets");
        state.sheets.forEach(function (sheet, index) {
          var item = V.make("li", "sheet-reveal", sheet.judge + ": " + sheet.total);
          item.style.animationDelay = (index * 0.8) + "s";
          list.appendChild(item);
        });
        sheets.appendChild(list);
        if (state.judged_score !== null && state.judged_score !== undefined) {
          sheets.appendChild(V.make("p", "judge-total", V.labels.judge_total + ": " + state.judged_score));
        }
      } else {
        sheets.appendChild(V.make("p", "meta", V.format(V.labels.judges_done, {done: state.sheets_count, all: state.judges_count})));
      }
    }
    V.renderTeams(root.querySelector("[data-teams]"), state);
    var podium = root.querySelector("[data-podium]");
    podium.hidden = state.phase !== "finished";
    podium.textContent = "";
    if (state.phase === "finished") {
      state.teams.slice().sort(function (a, b) { return b.score - a.score; }).slice(0, 3).forEach(function (team) {
        var step = V.make("li", "podium-step");
        step.appendChild(V.make("span", "name", team.name));
        step.appendChild(V.make("span", "score", team.score));
        step.style.borderColor = team.colour;
        podium.appendChild(step);
      });
    }
  });
})();
