/* The host console: the server's frame says which actions the rules allow now (`actions`); the
 * console shows the natural next step as one big button, the other allowed actions beside it, and
 * the destructive ones apart, each confirmed. Space, → or PageDown (a presenter remote) press the
 * big button. */
(function () {
  "use strict";
  var V = window.ContestView;
  var L = V.labels;
  var root = document.getElementById("contest");
  var primary = root.querySelector("[data-primary]");
  var countdown = null;
  var client = null;
  var last = null;
  var wakeTimer = null;
  var DANGER = ["undo", "end", "reset"];
  var CONFIRM = {undo: "confirm_undo", end: "confirm_end", reset: "confirm_reset"};

  function kind(state) { return state.round ? state.round.kind : ""; }

  /* The label of `command` in this state, and the verdict it carries (mark). */
  function label(command, state) {
    var k = kind(state);
    var buzz = k === "buzzer" || k === "tiebreak";
    if (command === "open") return buzz ? L.actions.open_buzzer : k === "judged" ? L.actions.open_judged : L.actions.open;
    if (command === "lock") {
      if (state.phase === "buzzer_open") return L.actions.lock_buzzer;
      return state.phase === "judging" ? L.actions.lock_judged : L.actions.lock;
    }
    if (command === "reveal") {
      if (state.phase === "reading") return L.actions.reveal_skip;
      return state.phase === "audience" ? L.actions.reveal_audience : L.actions.reveal;
    }
    if (command === "next") {
      var leads = state.actions.next;
      return leads === "round" ? L.actions.next_round : leads === "finish" ? L.actions.next_finish : L.actions.next;
    }
    return L.actions[command] || command;
  }

  function button(command, text, className, verdict) {
    var element = V.make("button", className, text);
    element.type = "button";
    element.dataset.command = "host." + command;
    if (verdict) element.dataset.verdict = verdict;
    if (CONFIRM[command]) element.dataset.confirm = CONFIRM[command];
    return element;
  }

  function waitingSeconds(state, command) {
    var code = state.actions.waiting[command];
    if (code !== "too_early" || !state.reading_until) return code ? -1 : 0;
    return Math.ceil(client.remaining(state.reading_until) / 1000);
  }

  function renderActions(state) {
    var actions = state.actions || {allowed: [], waiting: {}, primary: null};
    var allowed = actions.allowed;
    var main = actions.primary;
    var box = root.querySelector("[data-actions]");
    var danger = root.querySelector("[data-danger]");
    box.textContent = "";
    danger.textContent = "";
    primary.hidden = !main;
    if (main) {
      var wait = waitingSeconds(state, main);
      primary.dataset.command = "host." + main;
      primary.textContent = label(main, state) + (wait > 0 ? " (" + V.format(L.after_seconds, {seconds: wait}) + ")" : "");
      primary.disabled = wait !== 0;
      if (wait > 0) {  // the reading pause ends by itself: enable the button then
        window.clearTimeout(wakeTimer);
        wakeTimer = window.setTimeout(function () { render(last); }, 1000);
      }
    }
    if (allowed.indexOf("mark") >= 0) {
      var marks = V.make("div", main ? "marks" : "marks marks-large");
      marks.appendChild(button("mark", L.actions.mark_correct, "big ok", "correct"));
      marks.appendChild(button("mark", L.actions.mark_wrong, "big bad", "wrong"));
      box.appendChild(marks);
    }
    allowed.forEach(function (command) {
      if (command === main || command === "mark" || command === "adjust") return;
      if (DANGER.indexOf(command) >= 0) danger.appendChild(button(command, label(command, state), "danger"));
      else box.appendChild(button(command, label(command, state), "secondary"));
    });
    root.querySelector("[data-adjust] button").disabled = allowed.indexOf("adjust") < 0;
  }

  function hint(state) {
    var H = L.hints;
    var team = V.teamName(state, state.team);
    var k = kind(state);
    var phase = state.phase;
    if (phase === "reading") {
      if (k === "judged") return H.reading_judged;
      if ((state.actions.waiting || {}).open === "no_risk_value") return V.format(H.reading_risk, {team: team});
      var wait = waitingSeconds(state, "open");
      if (wait > 0) return V.format(H.reading_wait, {seconds: wait});
      var buzz = k === "buzzer" || k === "tiebreak";
      return V.format(H.reading_ready, {action: label("open", state),
                                        seconds: buzz ? state.round.buzz_seconds : state.round.answer_seconds});
    }
    if (phase === "answering") return V.format(H.answering, {team: team});
    if (phase === "judging" && k === "judged") return V.format(H.judging_judged, {done: state.sheets_count, all: state.judges_count});
    if (phase === "revealed") return H["revealed_" + (state.actions.next || "question")];
    return H[phase] || "";
  }

  function render(state) {
    if (!state) return;
    last = state;
    if (!countdown) countdown = new V.Countdown(client, root.querySelector("[data-countdown]"));
    countdown.update(state);
    root.dataset.currentPhase = state.phase;
    V.setText(root, "[data-phase]", V.phaseText(state));
    V.setText(root, "[data-round]", V.roundText(state) + (state.risk_value ? " · " + V.format(L.risk_value, {value: state.risk_value}) : ""));
    V.setText(root, "[data-next-hint]", hint(state));
    V.renderQuestion(root.querySelector("[data-question]"), state);
    V.renderVerdict(root.querySelector("[data-outcome]"), state);
    V.renderTeams(root.querySelector("[data-teams]"), state);
    renderActions(state);
    document.querySelector("[data-sound-switch]").checked = state.contest.sound;
    var audit = root.querySelector("[data-audit]");
    audit.textContent = "";
    (state.audit || []).forEach(function (event) {
      var delta = event.delta > 0 ? "+" + event.delta : String(event.delta);
      var parts = event.reason.split(": ");
      var reason = (L.reasons[parts[0]] || parts[0]) + (parts.length > 1 ? "：" + parts.slice(1).join(": ") : "");
      audit.appendChild(V.make("li", "", new Date(event.at).toLocaleTimeString() + " · " +
        V.teamName(state, event.team) + " " + delta + " · " + reason + " · " + event.actor));
    });
  }

  client = V.start(function (state, liveClient) { client = liveClient; render(state); });

  /* A pressed button keeps no focus: the space bar is the big button's, not the last one clicked. */
  root.addEventListener("click", function (event) {
    var pressed = event.target.closest("button[data-command]");
    if (pressed) pressed.blur();
  });
  function typing(target) { return target.closest("input, select, textarea"); }
  document.addEventListener("keydown", function (event) {
    if (typing(event.target) || event.altKey || event.ctrlKey || event.metaKey) return;
    if ([" ", "ArrowRight", "PageDown"].indexOf(event.key) < 0) return;
    event.preventDefault();
    if (!event.repeat && !primary.hidden && !primary.disabled) primary.click();
  });
  document.addEventListener("keyup", function (event) {
    if (event.key === " " && !typing(event.target)) event.preventDefault();
  });

  document.querySelector("[data-sound-switch]").addEventListener("change", function (event) {
    client.send("host.sound", {on: event.target.checked ? 1 : 0});
  });

  root.querySelector("[data-adjust]").addEventListener("submit", function (event) {
    event.preventDefault();
    var form = event.target;
    client.send("host.adjust", {
      team: Number(form.team.value), delta: Number(form.delta.value), reason: form.reason.value,
    });
    form.reset();
  });
})();
