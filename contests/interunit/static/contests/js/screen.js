(function () {
  "use strict";
  var V = window.ContestView;
  var root = document.getElementById("contest");
  var countdown = null;
  var DELTA_MS = 2500;  // how long a score change stays on its card
  var reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)");
  var shownScores = null;  // team id -> the score on screen
  var deltas = {};  // team id -> {change, until}

  /* The team cards, best first. When the order changes each card glides from where it was (FLIP:
   * measure the old positions, render, move each card back with a transform, then let the
   * transition play to its new place), and a changed score shows its delta for a moment. */
  function renderBoard(container, state) {
    var before = {};
    Array.prototype.forEach.call(container.children, function (card) {
      before[card.dataset.team] = card.getBoundingClientRect().top;
    });
    var now = Date.now();
    state.teams.forEach(function (team) {
      var old = shownScores ? shownScores[team.id] : undefined;
      if (old !== undefined && old !== team.score) deltas[team.id] = {change: team.score - old, until: now + DELTA_MS};
    });
    shownScores = {};
    state.teams.forEach(function (team) { shownScores[team.id] = team.score; });
    V.renderTeams(container, state, null, true);
    Array.prototype.forEach.call(container.children, function (card) {
      var id = card.dataset.team;
      var delta = deltas[id];
      if (delta && delta.until > now) {
        var badge = V.make("span", "delta " + (delta.change > 0 ? "delta-up" : "delta-down"),
          (delta.change > 0 ? "+" : "") + delta.change);
        badge.style.animationDelay = -(DELTA_MS - (delta.until - now)) / 1000 + "s";  // carry on where it was
        card.appendChild(badge);
        window.setTimeout(function () { badge.remove(); }, delta.until - now);
      }
      if (reduceMotion.matches || before[id] === undefined) return;
      var shift = before[id] - card.getBoundingClientRect().top;
      if (!shift) return;
      card.classList.add("moving");  // no transition while it jumps back to the old place
      card.classList.toggle("rising", shift > 0);  // a climbing card passes over the others
      card.style.transform = "translateY(" + shift + "px)";
      card.getBoundingClientRect();  // apply that before letting go
      card.classList.remove("moving");
      card.style.transform = "";
      card.addEventListener("transitionend", function () { card.classList.remove("rising"); }, {once: true});
    });
  }

  /* The final podium: the teams ranked 1 to 3 (equal scores share a rank). */
  function renderPodium(podium, state) {
    podium.textContent = "";
    var rank = 0;
    var previous = null;
    V.ranked(state.teams).forEach(function (team, position) {
      if (team.score !== previous) rank = position + 1;
      previous = team.score;
      if (rank > 3) return;
      var step = V.make("li", "podium-step rank-" + rank);
      step.appendChild(V.make("span", "rank", V.format(V.labels.rank, {rank: rank})));
      step.appendChild(V.make("span", "name", team.name));
      step.appendChild(V.make("span", "score", team.score));
      step.style.borderColor = team.colour;
      podium.appendChild(step);
    });
  }

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
    if (state.phase === "audience" || state.paused_phase === "audience") highlight = V.labels.audience_call;
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
    renderBoard(root.querySelector("[data-teams]"), state);
    var podium = root.querySelector("[data-podium]");
    podium.hidden = state.phase !== "finished";
    if (state.phase === "finished") renderPodium(podium, state);
  });
})();
