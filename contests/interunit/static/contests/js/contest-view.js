/* Rendering shared by the contest pages (host, screen, team pad, judge). Text only through
 * textContent: names and questions are never parsed as HTML. */
(function (global) {
  "use strict";
  var doc = global.document;
  var labels = JSON.parse(doc.getElementById("contest-labels").textContent);

  function format(template, values) {
    return template.replace(/%\((\w+)\)s/g, function (match, key) { return values[key]; });
  }

  function make(tag, className, text) {
    var element = doc.createElement(tag);
    if (className) element.className = className;
    if (text !== undefined && text !== null) element.textContent = text;
    return element;
  }

  function teamName(state, id) {
    for (var i = 0; i < state.teams.length; i++) if (state.teams[i].id === id) return state.teams[i].name;
    return "";
  }

  function phaseText(state) {
    return labels.phases[state.phase] || state.phase;
  }

  function roundText(state) {
    if (!state.round) return "";
    return format(labels.round, {
      number: state.round.number, kind: labels.kinds[state.round.kind] || state.round.kind,
      turn: state.round.turn, turns: state.round.turns,
    });
  }

  function renderQuestion(container, state, options) {
    options = options || {};
    container.textContent = "";
    if (!state.question) {
      if (!options.quiet) container.appendChild(make("p", "meta", labels.no_question));
      return;
    }
    container.appendChild(make("h2", "stem", state.question.stem));
    var list = make("ol", "options");
    var correct = state.reveal ? state.reveal.correct : "";
    state.question.options.forEach(function (option) {
      var item = make("li", correct.indexOf(option.label) >= 0 ? "correct" : "");
      var button = options.onPick ? make("button", "option big") : make("span", "option");
      if (options.onPick) {
        button.type = "button";
        button.dataset.label = option.label;
        button.addEventListener("click", function () { options.onPick(option.label, button); });
      }
      button.appendChild(make("b", "label", option.label));
      button.appendChild(doc.createTextNode(" " + option.text));
      item.appendChild(button);
      list.appendChild(item);
    });
    container.appendChild(list);
    if (state.reveal && state.reveal.explanation) container.appendChild(make("p", "explanation", state.reveal.explanation));
  }

  /* The judged answer: team, its choice (none for a spoken answer), verdict and points; before the
   * reveal the others see only that an answer is in, or that the time ran out. */
  function renderVerdict(element, state) {
    element.textContent = "";
    element.className = "verdict";
    if (state.verdict) {
      var delta = state.verdict.delta > 0 ? "+" + state.verdict.delta : String(state.verdict.delta);
      var parts = [teamName(state, state.team)];
      if (state.verdict.choice) parts.push(state.verdict.choice);
      parts.push(labels.verdicts[state.verdict.verdict] + " (" + delta + ")");
      element.textContent = parts.join(" · ");
      element.classList.add("verdict-" + state.verdict.verdict);
    } else if (state.timed_out) {
      element.textContent = teamName(state, state.team) + " · " + labels.time_up;
      element.classList.add("verdict-timeout");
    } else if (state.answered) {
      element.textContent = labels.answered;
    }
  }

  /* Teams best first, equal scores in their team order. */
  function ranked(teams) {
    return teams.map(function (team, index) { return {team: team, index: index}; })
      .sort(function (a, b) { return b.team.score - a.team.score || a.index - b.index; })
      .map(function (entry) { return entry.team; });
  }

  /* The team cards; `alwaysRanked` (the big screen) orders them by score in every phase, the
   * other pages only on the scoreboard and at the end. */
  function renderTeams(container, state, me, alwaysRanked) {
    container.textContent = "";
    var teams = alwaysRanked || state.phase === "scoreboard" || state.phase === "finished" ? ranked(state.teams) : state.teams;
    teams.forEach(function (team) {
      var item = make("li", "team-card");
      item.dataset.team = team.id;
      item.style.borderColor = team.colour;
      if (team.id === state.team) item.classList.add("active");
      if (state.locked_out.indexOf(team.id) >= 0) item.classList.add("locked");
      if (team.id === me) item.classList.add("me");
      var swatch = make("span", "swatch");
      swatch.style.background = team.colour;
      item.appendChild(swatch);
      item.appendChild(make("span", "name", team.name));
      if (team.unit) item.appendChild(make("span", "unit", team.unit));
      item.appendChild(make("span", "score", team.score));
      if (state.locked_out.indexOf(team.id) >= 0) item.appendChild(make("span", "tag", labels.locked));
      container.appendChild(item);
    });
  }

  /* The countdown to the state's deadline (or reading pause), by the server clock. */
  function Countdown(client, element, ringBar) {
    var self = this;
    self.state = null;
    global.setInterval(function () { self.tick(); }, 100);
    self.tick = function () {
      var state = self.state;
      var until = state && (state.deadline || state.reading_until);
      if (ringBar) ringBar.closest(".ring").hidden = !until || state.phase === "paused";
      if (!until || state.phase === "paused") {
        element.textContent = "";
        if (ringBar) ringBar.style.strokeDashoffset = "0";
        return;
      }
      var left = client.remaining(until);
      if (!state.deadline && left === 0) { element.textContent = ""; return; }  // reading pause over
      element.textContent = Math.ceil(left / 1000) + labels.seconds;
      element.classList.toggle("urgent", left < 5000);
      if (ringBar) {
        var total = Math.max(1, until - self.startedAt);
        ringBar.style.strokeDashoffset = String(283 * (1 - left / total));
      }
    };
    self.update = function (state) {
      var until = state.deadline || state.reading_until;
      if (until !== self.until) { self.until = until; self.startedAt = client.serverNow(); }
      self.state = state;
      self.tick();
    };
  }

  /* Connect the page's socket and call render(state) with every snapshot and state frame. */
  function start(render) {
    var root = doc.getElementById("contest");
    var client = new global.LiveClient({
      url: root.dataset.socket,
      statusElement: root.querySelector("[data-live-status]"),
      errorElement: root.querySelector("[data-live-error]"),
      notConnectedMessage: labels.errors.not_connected,
      errorText: function (frame) { return labels.errors[frame.code] || frame.message; },
      onStatus: function (status) {
        var badge = doc.querySelector("[data-connection]");
        if (!badge) return;
        badge.dataset.state = status;
        badge.textContent = labels.connection[status] || status;
      },
      onSnapshot: function (snapshot) { render(snapshot, client); },
      onFrame: function (frame) { if (frame.type === "state") render(frame, client); },
    });
    root.addEventListener("click", function (event) {
      var button = event.target.closest("[data-command]");
      if (!button || button.disabled) return;
      if (button.dataset.confirm && !global.confirm(labels[button.dataset.confirm])) return;
      var payload = {};
      if (button.dataset.verdict) payload.verdict = button.dataset.verdict;
      if (button.dataset.value) payload.value = Number(button.dataset.value);
      client.send(button.dataset.command, payload);
    });
    global.ContestView.client = client;  // for the console and the browser tests
    return client;
  }

  function setText(root, selector, text) {
    var element = root.querySelector(selector);
    if (element) element.textContent = text;
  }

  global.ContestView = {
    labels: labels, format: format, make: make, teamName: teamName, phaseText: phaseText, roundText: roundText,
    renderQuestion: renderQuestion, renderVerdict: renderVerdict, renderTeams: renderTeams, ranked: ranked, Countdown: Countdown,
    start: start, setText: setText,
  };
})(window);
