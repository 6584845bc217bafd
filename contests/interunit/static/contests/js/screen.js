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

  /* Colours of the contest's settings. */
  document.body.style.setProperty("--screen-bg", root.dataset.background);
  document.body.style.setProperty("--screen-accent", root.dataset.accent);

  /* Sound by Web Audio (no files): a browser starts it only after a click on the page, so the
   * screen asks for one click when it is blocked; the host console's switch mutes it. */
  var audio = null;
  var soundOn = true;
  var enable = document.querySelector("[data-sound-enable]");
  function audioContext() {
    var Context = window.AudioContext || window.webkitAudioContext;
    if (!audio && Context) audio = new Context();
    return audio;
  }
  function checkSound() {
    var context = audioContext();
    enable.hidden = !soundOn || !context || context.state === "running";
  }
  enable.addEventListener("click", function () { audioContext().resume().then(checkSound); });
  document.addEventListener("click", function () { if (audio && audio.state !== "running") audio.resume().then(checkSound); });
  function play(notes) {
    var context = audioContext();
    if (!soundOn || !context || context.state !== "running") return;
    var at = context.currentTime;
    notes.forEach(function (note) {
      var oscillator = context.createOscillator();
      var gain = context.createGain();
      oscillator.type = note.wave || "square";
      oscillator.frequency.value = note.hz;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.25, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + note.s);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(at);
      oscillator.stop(at + note.s);
      at += note.s;
    });
  }
  var SOUNDS = {
    buzz: [{hz: 880, s: 0.12}, {hz: 1320, s: 0.35}],
    foul: [{hz: 220, s: 0.5, wave: "sawtooth"}],
    timeout: [{hz: 330, s: 0.25, wave: "sawtooth"}, {hz: 220, s: 0.5, wave: "sawtooth"}],
    correct: [{hz: 660, s: 0.12, wave: "sine"}, {hz: 880, s: 0.12, wave: "sine"}, {hz: 1320, s: 0.4, wave: "sine"}],
    wrong: [{hz: 200, s: 0.6, wave: "square"}],
  };

  /* A full-screen flash in the team's colour (buzz), or red (a foul, the time running out). */
  var flash = root.querySelector("[data-flash]");
  var flashTimer = null;
  function showFlash(text, colour) {
    V.setText(flash, "[data-flash-text]", text);
    flash.style.background = colour;
    flash.hidden = false;
    window.clearTimeout(flashTimer);
    flashTimer = window.setTimeout(function () { flash.hidden = true; }, 1800);
  }
  function team(state, id) {
    return state.teams.filter(function (t) { return t.id === id; })[0];
  }

  /* The title card of a round: shown when the round's first question comes up, for a few seconds. */
  var card = root.querySelector("[data-title-card]");
  var cardTimer = null;
  function rulesLine(round) {
    var criteria = (round.criteria || []).map(function (c) { return c.name + " " + c.max; }).join("、");
    return V.format(V.labels.rules[round.kind] || "", {
      points: round.points, wrong: round.wrong_penalty, seconds: round.kind === "buzzer" ? round.buzz_seconds : round.answer_seconds,
      values: (round.risk_values || []).join(" / "), criteria: criteria,
    });
  }
  function showTitleCard(state) {
    var round = state.round;
    V.setText(card, "[data-card-number]", V.format(V.labels.round_number, {number: round.number}));
    V.setText(card, "[data-card-name]", round.title);
    V.setText(card, "[data-card-kind]", V.labels.kinds[round.kind] || round.kind);
    V.setText(card, "[data-card-rules]", rulesLine(round));
    card.hidden = false;
    window.clearTimeout(cardTimer);
    cardTimer = window.setTimeout(function () { card.hidden = true; }, 5000);
  }

  /* What the frame's event means for the hall: a flash, a sound, a title card. */
  function announce(state) {
    var event = state.event;
    if (!event) return;
    var who = event.team ? team(state, event.team) : null;
    if (event.command === "buzz" && who && state.phase === "answering") {
      showFlash(who.name + " " + V.labels.buzzed, who.colour);
      play(SOUNDS.buzz);
    } else if (event.command === "buzz" && who) {
      var penalty = state.round ? state.round.early_buzz_penalty : 0;
      showFlash(who.name + " " + V.labels.foul + (penalty ? " −" + penalty : ""), "#8e0000");
      play(SOUNDS.foul);
    } else if (event.command === "expire" || (state.timed_out && event.command === "lock")) {
      if (state.phase === "judging" || state.phase === "revealed" || state.phase === "audience") play(SOUNDS.timeout);
    } else if (event.command === "reveal" && state.verdict) {
      play(state.verdict.verdict === "correct" ? SOUNDS.correct : SOUNDS.wrong);
    }
    if ((event.command === "start" || event.command === "next") && state.round && state.round.turn === 1 && state.phase === "reading") {
      showTitleCard(state);
    }
    if (state.phase !== "reading") card.hidden = true;
  }

  V.start(function (state, client) {
    soundOn = state.contest.sound;
    checkSound();
    announce(state);
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
    if (state.timed_out && !state.verdict) highlight = V.labels.time_up;
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
