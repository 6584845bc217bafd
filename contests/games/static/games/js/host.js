/* The host console of a public game. The server sends, with every host frame, the actions the
 * rules allow now ({allowed, primary, destructive}); the console shows the natural next step as
 * one large button, the other allowed steps beside it, destructive ones apart and confirmed.
 * Space, → or Page Down (a presenter remote) press the large button. */
(function () {
  "use strict";
  var root = document.getElementById("game-host");
  var soundButton = document.querySelector("[data-sound]");
  var state = { game: null, question: null, correct: "", explanation: "", players: 0, answered: 0, roster: [], actions: null };
  var autoRevealed = null;
  var refreshTimer = null;
  var pendingConfirm = null;
  var client;

  function $(selector) { return root.querySelector(selector); }

  /* The label of an action: the first question is started differently from the next ones. */
  function actionLabel(action) {
    if (action === "next" && state.game && state.game.index < 0) return Game.t("actions.start");
    return Game.t("actions." + action);
  }

  function hint(phase) {
    var game = state.game;
    if (phase === "reading") return Game.t("hints.reading");
    if (phase === "answering") return Game.t("hints.answering");
    if (phase === "revealed") return Game.t(game.index + 1 >= game.count ? "hints.revealedLast" : "hints.revealed");
    if (phase === "leaderboard") return Game.t(game.index + 1 >= game.count ? "hints.leaderboardLast" : "hints.leaderboard", { n: game.index + 2 });
    return Game.t("hints." + phase);
  }

  function render() {
    var game = state.game;
    if (!game) return;
    var phase = Game.phaseNow(game, client);
    root.dataset.currentPhase = phase;
    $("[data-phase]").textContent = Game.t("phases." + phase);
    var facts = [Game.t("players", { n: state.players })];
    if (game.index >= 0) facts.unshift(Game.t("question", { n: game.index + 1, count: game.count }));
    if (phase === "reading" || phase === "answering" || phase === "revealed") facts.push(Game.t("answersIn", { n: state.answered }));
    $("[data-facts]").textContent = facts.join(" · ");
    $("[data-hint]").textContent = hint(phase);
    if (phase !== "reading" && phase !== "answering") $("[data-countdown]").textContent = "";
    renderQuestion(phase);
    renderActions();
    $("[data-draw-form]").hidden = !allowed("draw");
    soundButton.setAttribute("aria-pressed", game.sound ? "true" : "false");
    soundButton.textContent = Game.t(game.sound ? "soundOn" : "soundOff");
    renderRoster();
  }

  function renderQuestion(phase) {
    var question = phase === "lobby" || phase === "finished" ? null : state.question;
    $("[data-question]").textContent = question ? question.stem : "";
    var list = $("[data-options]");
    list.textContent = "";
    if (question) {
      question.options.forEach(function (option) {
        var right = state.correct.indexOf(option.label) >= 0;
        var item = Game.el("li", "host-option" + (right ? " correct" : ""));
        item.append(Game.el("span", "game-answer-label game-answer-" + option.label, option.label), Game.el("span", "", option.text));
        if (right) item.append(Game.el("strong", "host-right", Game.t("rightAnswer")));
        list.append(item);
      });
    }
    $("[data-explanation]").textContent = phase === "revealed" && state.explanation ? state.explanation : "";
  }

  function allowed(action) {
    return Boolean(state.actions && state.actions.allowed.indexOf(action) >= 0);
  }

  function actionButton(action, className) {
    var button = Game.el("button", className, actionLabel(action));
    button.type = "button";
    button.dataset.command = "host." + action;
    button.addEventListener("click", function () { run(action); });
    return button;
  }

  function renderActions() {
    var actions = state.actions || { allowed: [], primary: null, destructive: [] };
    var primary = $("[data-primary]");
    primary.hidden = !actions.primary;
    if (actions.primary) {
      primary.textContent = actionLabel(actions.primary);
      primary.dataset.command = "host." + actions.primary;
      primary.classList.toggle("danger", actions.destructive.indexOf(actions.primary) >= 0);
    }
    var secondary = $("[data-secondary]");
    var destructive = $("[data-destructive]");
    secondary.textContent = "";
    destructive.textContent = "";
    actions.allowed.forEach(function (action) {
      if (action === actions.primary) return;
      if (actions.destructive.indexOf(action) >= 0) destructive.append(actionButton(action, "danger-outline"));
      else secondary.append(actionButton(action, "host-step"));
    });
    $("[data-auto-reveal]").closest("p").hidden = !allowed("reveal");
  }

  /* Run an action; destructive ones ask first (in the page, so a presenter remote cannot end the game by accident). */
  function run(action) {
    if (!allowed(action)) return;
    if (action === "draw") {
      $("[data-draw-form]").scrollIntoView({ behavior: "smooth" });
      $("#draw-count").focus();
      return;
    }
    if (state.actions.destructive.indexOf(action) >= 0) {
      pendingConfirm = action;
      $("[data-confirm-text]").textContent = Game.t("confirm." + action);
      $("[data-confirm-yes]").textContent = actionLabel(action);
      $("[data-confirm]").hidden = false;
      $("[data-confirm-no]").focus();
      return;
    }
    client.send("host." + action);
  }

  function closeConfirm() {
    pendingConfirm = null;
    $("[data-confirm]").hidden = true;
  }

  function renderRoster() {
    var body = $("[data-roster]");
    body.textContent = "";
    state.roster.forEach(function (player) {
      var row = Game.el("tr", player.kicked ? "kicked" : "");
      row.append(Game.el("td", "", player.nickname), Game.el("td", "", String(player.score)), Game.el("td", "", player.phone));
      var cell = Game.el("td");
      if (player.kicked) {
        cell.textContent = Game.t("removed");
      } else {
        var button = Game.el("button", "small", Game.t("kick"));
        button.type = "button";
        button.setAttribute("aria-label", Game.t("kickLabel", { nickname: player.nickname }));
        button.addEventListener("click", function () {
          if (window.confirm(Game.t("confirmKick", { nickname: player.nickname }))) client.send("host.kick", { player: player.id });
        });
        cell.append(button);
      }
      row.append(cell);
      body.append(row);
    });
  }

  function refreshSoon() {
    // Joins can come by the hundred: ask for one fresh snapshot (with the roster) per second at most.
    if (refreshTimer) return;
    refreshTimer = window.setTimeout(function () { refreshTimer = null; client.send("snapshot.request"); }, 1000);
  }

  function tick() {
    var game = state.game;
    if (!game || (game.phase !== "reading" && game.phase !== "answering")) return;
    $("[data-countdown]").textContent = Game.countdownText(game, client);
    var phase = Game.phaseNow(game, client);
    if (root.dataset.currentPhase !== phase) render();
    var auto = $("[data-auto-reveal]").checked;
    if (auto && client.remaining(game.deadline) === 0 && autoRevealed !== game.index && client.serverNow() > game.deadline + 300) {
      autoRevealed = game.index;
      client.send("host.reveal");
    }
  }

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    var tag = event.target.tagName;
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT") return;
    if (event.key === "Escape") { closeConfirm(); return; }
    // On a focused button or link, space keeps its own meaning (it presses that button).
    var onControl = tag === "BUTTON" || tag === "A";
    if ((event.key === " " && !onControl) || event.key === "ArrowRight" || event.key === "PageDown") {
      event.preventDefault();
      if (state.actions && state.actions.primary) run(state.actions.primary);
    }
  });
  $("[data-primary]").addEventListener("click", function () { if (state.actions) run(state.actions.primary); });
  $("[data-confirm-yes]").addEventListener("click", function () {
    var action = pendingConfirm;
    closeConfirm();
    if (action && allowed(action)) client.send("host." + action);
  });
  $("[data-confirm-no]").addEventListener("click", closeConfirm);
  soundButton.addEventListener("click", function () {
    if (state.game) client.send("host.sound", { on: state.game.sound ? 0 : 1 });
  });
  $("[data-draw-form]").addEventListener("submit", function (event) {
    event.preventDefault();
    var form = event.target;
    client.send("host.draw", { count: parseInt(form.count.value, 10), min_correct: parseInt(form.min_correct.value, 10) });
  });
  $("[data-redeem-form]").addEventListener("submit", function (event) {
    event.preventDefault();
    $("[data-redeem-result]").textContent = "";
    client.send("host.redeem", { code: event.target.code.value });
  });

  function showDraw(frame) {
    var list = $("[data-draw-result]");
    list.textContent = "";
    frame.winners.forEach(function (name) { list.append(Game.el("li", "", name)); });
    list.append(Game.el("li", "meta", Game.t("drawSeed", { eligible: frame.eligible, seed: frame.seed })));
  }

  client = new LiveClient({
    url: "/ws/games/" + root.dataset.pin + "/host/",
    statusElement: $("[data-live-status]"),
    errorElement: $("[data-live-error]"),
    onSnapshot: function (snapshot) {
      state.game = snapshot.game;
      state.question = snapshot.question || (snapshot.reveal && snapshot.reveal.question) || null;
      state.correct = snapshot.correct || "";
      state.explanation = snapshot.reveal ? snapshot.reveal.explanation : "";
      state.players = snapshot.players;
      state.answered = snapshot.answered;
      state.roster = snapshot.roster || [];
      state.actions = snapshot.actions;
      if (snapshot.draw) showDraw(snapshot.draw);
      render();
    },
    onFrame: function (frame) {
      if (frame.game) state.game = frame.game;
      if (frame.actions) state.actions = frame.actions;
      if (frame.actions && pendingConfirm && !allowed(pendingConfirm)) closeConfirm();
      if (frame.type === "game.question") {
        state.question = frame.question;
        state.correct = frame.correct;
        state.explanation = "";
        state.answered = 0;
      } else if (frame.type === "game.answered") {
        state.answered = frame.answered;
      } else if (frame.type === "game.joined" || frame.type === "game.kicked") {
        state.players = frame.players;
        refreshSoon();
      } else if (frame.type === "game.reveal") {
        state.explanation = frame.explanation;
        state.answered = frame.answered;
        refreshSoon();
      } else if (frame.type === "game.finished") {
        refreshSoon();
      } else if (frame.type === "game.draw") {
        showDraw(frame);
      } else if (frame.type === "prize.redeemed") {
        $("[data-redeem-result]").textContent = Game.t("redeemedOk", frame);
      }
      render();
    },
    onError: function (frame) { Game.errorHandler(client)(frame); },
  });
  window.setInterval(tick, 250);
})();
