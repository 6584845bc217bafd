/* The big screen of a public game (1920x1080, read from far away): QR code and join count,
 * question and countdown, answer distribution as bars, a leaderboard that moves between
 * questions, the podium and the lucky draw; sounds unless the host mutes them. Read-only. */
(function () {
  "use strict";
  var root = document.getElementById("game-screen");
  var pin = root.dataset.pin;
  var SHAPES = { A: "▲", B: "◆", C: "●", D: "■" };
  var state = { game: null, question: null, reveal: null, top: [], podium: [], players: 0, answered: 0, names: [] };
  var shown = { view: null, ranks: {}, boardKey: null, lastTick: null };
  var client;

  function $(selector) { return root.querySelector(selector); }

  /* The game's own colours, as CSS variables (set through the CSSOM: CSP allows no inline style). */
  function applyColours() {
    var page = document.documentElement.style;
    if (/^#[0-9a-f]{6}$/i.test(root.dataset.colour)) page.setProperty("--game-colour", root.dataset.colour);
    if (/^#[0-9a-f]{6}$/i.test(root.dataset.accent)) page.setProperty("--game-accent", root.dataset.accent);
  }

  function shape(label) { return SHAPES[label] || "◯"; }

  function optionBadge(label) {
    var badge = Game.el("span", "game-answer-label game-answer-" + label);
    badge.append(Game.el("span", "game-shape", shape(label)), document.createTextNode(label));
    badge.querySelector(".game-shape").setAttribute("aria-hidden", "true");
    return badge;
  }

  function render() {
    var game = state.game;
    if (!game) return;
    GameSound.muted = !game.sound;
    document.querySelector("[data-players]").textContent = Game.t("players", { n: state.players });
    var phase = Game.phaseNow(game, client);
    var view = phase === "reading" || phase === "answering" ? "question" : phase;
    Game.showOnly(root, view);
    if (view !== shown.view) {
      var entering = shown.view !== null;
      shown.view = view;
      if (entering) playFor(view);
    }
    if (view === "lobby") renderLobby();
    if (view === "question") renderQuestion();
    if (view === "revealed" && state.reveal) renderReveal();
    if (view === "leaderboard") renderBoard();
    if (view === "finished") renderPodium();
  }

  function playFor(view) {
    if (view === "question") GameSound.question();
    else if (view === "revealed") GameSound.reveal();
    else if (view === "leaderboard") GameSound.board();
    else if (view === "finished") GameSound.fanfare();
  }

  function renderLobby() {
    $("[data-joined]").textContent = Game.t("screen.joined", { n: state.players });
    var list = $("[data-names]");
    list.textContent = "";
    state.names.slice(-30).forEach(function (name) { list.append(Game.el("li", "", name)); });
  }

  function renderQuestion() {
    var question = state.question;
    if (!question) return;
    $("[data-progress]").textContent = Game.t("question", { n: state.game.index + 1, count: state.game.count });
    $("[data-stem]").textContent = question.stem;
    var list = $("[data-options]");
    if (list.dataset.question !== String(question.id)) {
      list.dataset.question = question.id;
      list.textContent = "";
      list.classList.toggle("screen-options-two", question.options.length <= 2);
      question.options.forEach(function (option) {
        var item = Game.el("li", "screen-option game-answer-" + option.label);
        item.append(optionBadge(option.label), Game.el("span", "screen-option-text", option.text));
        list.append(item);
      });
    }
    tick();
  }

  function votesFor(label, distribution) {
    var votes = 0;
    Object.keys(distribution).forEach(function (choice) {
      if (choice.indexOf(label) >= 0) votes += distribution[choice];
    });
    return votes;
  }

  function renderReveal() {
    var reveal = state.reveal;
    var question = reveal.question;
    $("[data-reveal-progress]").textContent = Game.t("question", { n: reveal.game.index + 1, count: reveal.game.count }) + " · " + Game.t("answersIn", { n: reveal.answered });
    $("[data-reveal-stem]").textContent = question.stem;
    var list = $("[data-distribution]");
    var key = reveal.game.index + ":" + reveal.answered;
    if (list.dataset.key === key) return;
    list.dataset.key = key;
    list.textContent = "";
    var counts = question.options.map(function (option) { return votesFor(option.label, reveal.distribution); });
    var most = Math.max.apply(null, [1].concat(counts));
    question.options.forEach(function (option, position) {
      var right = reveal.correct.indexOf(option.label) >= 0;
      var item = Game.el("li", "screen-result" + (right ? " correct" : ""));
      var bar = Game.el("span", "screen-result-bar game-answer-" + option.label);
      var track = Game.el("span", "screen-result-track");
      track.append(bar);
      item.append(optionBadge(option.label), Game.el("span", "screen-result-text", option.text), track,
        Game.el("strong", "screen-vote-count", String(counts[position])));
      if (right) item.append(Game.el("span", "screen-tick", "✔"));
      list.append(item);
      // Grow the bar from zero once it is on the page.
      window.requestAnimationFrame(function () {
        window.requestAnimationFrame(function () { bar.style.width = Math.round((counts[position] / most) * 100) + "%"; });
      });
    });
    $("[data-explanation]").textContent = reveal.explanation || "";
  }

  /* The top 10: rows slide from their last places to the new ones (FLIP), rising rows glow. */
  function renderBoard() {
    var list = $("[data-top]");
    var key = JSON.stringify(state.top);
    if (shown.boardKey === key) return;
    shown.boardKey = key;
    var before = {};
    list.querySelectorAll("li").forEach(function (row) { before[row.dataset.name] = row.getBoundingClientRect().top; });
    list.textContent = "";
    var rows = [];
    state.top.forEach(function (entry) {
      var previous = shown.ranks[entry.nickname];
      var item = Game.el("li", "screen-row rank-" + entry.rank + (previous && previous > entry.rank ? " rising" : ""));
      item.dataset.name = entry.nickname;
      item.append(Game.el("span", "screen-rank", String(entry.rank)), Game.el("span", "screen-name", entry.nickname),
        Game.el("span", "screen-score", String(entry.score)));
      if (previous && previous > entry.rank) item.append(Game.el("span", "screen-up", "▲" + (previous - entry.rank)));
      list.append(item);
      rows.push(item);
    });
    var rowHeight = rows.length ? rows[0].getBoundingClientRect().height : 0;
    rows.forEach(function (item, position) {
      var old = before[item.dataset.name];
      var now = item.getBoundingClientRect().top;
      var offset = old !== undefined ? old - now : rowHeight * (state.top.length - position + 2);
      if (!offset) return;
      item.style.transform = "translateY(" + offset + "px)";
      item.style.opacity = old !== undefined ? "1" : "0";
      window.requestAnimationFrame(function () {
        window.requestAnimationFrame(function () {
          item.classList.add("moving");
          item.style.transform = "";
          item.style.opacity = "";
        });
      });
    });
    shown.ranks = {};
    state.top.forEach(function (entry) { shown.ranks[entry.nickname] = entry.rank; });
  }

  /* The podium: second, first, third side by side (first highest); more winners below. */
  function renderPodium() {
    var list = $("[data-podium]");
    var more = $("[data-more-winners]");
    list.textContent = "";
    more.textContent = "";
    var winners = state.podium;
    $("[data-no-winners]").hidden = winners.length > 0;
    $("[data-no-winners]").textContent = Game.t("screen.noWinners");
    var steps = winners.filter(function (entry) { return entry.rank <= 3; });
    [2, 1, 3].forEach(function (rank) {
      steps.filter(function (entry) { return entry.rank === rank; }).forEach(function (entry) {
        var step = Game.el("li", "screen-step step-" + rank);
        step.append(Game.el("span", "screen-step-name", entry.nickname), Game.el("span", "screen-step-score", String(entry.score)),
          Game.el("span", "screen-step-block", String(rank)));
        list.append(step);
      });
    });
    winners.filter(function (entry) { return entry.rank > 3; }).forEach(function (entry) {
      var item = Game.el("li", "screen-row");
      item.append(Game.el("span", "screen-rank", String(entry.rank)), Game.el("span", "screen-name", entry.nickname),
        Game.el("span", "screen-score", String(entry.score)));
      more.append(item);
    });
  }

  function showDraw(frame) {
    var box = $("[data-draw]");
    var roll = box.querySelector("[data-roll]");
    var winners = box.querySelector("[data-winners]");
    var pool = state.names.concat(frame.winners);
    box.hidden = false;
    winners.textContent = "";
    box.querySelector("[data-draw-meta]").textContent = Game.t("drawEligible", { eligible: frame.eligible });
    GameSound.drumroll(2);
    var step = 0;
    var timer = window.setInterval(function () {
      roll.textContent = pool.length ? pool[step % pool.length] : "";
      step += 1;
      if (step > 25) {
        window.clearInterval(timer);
        roll.textContent = Game.t("drawWinners");
        frame.winners.forEach(function (name) { winners.append(Game.el("li", "", name)); });
        GameSound.fanfare();
      }
    }, 80);
  }

  function tick() {
    if (!state.game || !state.question) return;
    var phase = Game.phaseNow(state.game, client);
    if (phase !== "reading" && phase !== "answering") return;
    if (shown.view !== "question") { render(); return; }
    $("[data-countdown]").textContent = Game.countdownText(state.game, client);
    var total = state.game.deadline - state.game.opens_at;
    var left = client.remaining(state.game.deadline);
    var seconds = Math.ceil(left / 1000);
    $("[data-clock]").classList.toggle("urgent", phase === "answering" && seconds <= 5);
    $("[data-bar]").style.width = (phase === "reading" ? 100 : Math.round((left / total) * 100)) + "%";
    $("[data-answered]").textContent = Game.t("answersIn", { n: state.answered });
    if (phase === "answering" && seconds <= 5 && seconds !== shown.lastTick) {
      shown.lastTick = seconds;
      if (seconds > 0) GameSound.tick(); else GameSound.timeUp();
    }
  }

  var soundButton = root.querySelector("[data-enable-sound]");
  soundButton.textContent = Game.t("screen.enableSound");
  soundButton.addEventListener("click", function () {
    GameSound.unlock().then(function () { soundButton.hidden = GameSound.needsClick(); });
  });
  document.addEventListener("click", function () { GameSound.unlock(); }, { once: true });

  applyColours();
  client = new LiveClient({
    url: "/ws/games/" + pin + "/screen/",
    statusElement: $("[data-live-status]"),
    errorElement: $("[data-live-error]"),
    onSnapshot: function (snapshot) {
      state.game = snapshot.game;
      state.question = snapshot.question || null;
      state.reveal = snapshot.reveal || null;
      state.top = snapshot.top || [];
      state.podium = snapshot.podium || [];
      state.players = snapshot.players;
      state.answered = snapshot.answered;
      soundButton.hidden = !state.game.sound || !GameSound.needsClick();
      render();
    },
    onFrame: function (frame) {
      if (frame.game) state.game = frame.game;
      if (frame.type === "game.joined") {
        state.players = frame.players;
        state.names.push(frame.nickname);
        GameSound.join();
      } else if (frame.type === "game.kicked") {
        state.players = frame.players;
      } else if (frame.type === "game.question") {
        state.question = frame.question;
        state.answered = 0;
        shown.lastTick = null;
        $("[data-draw]").hidden = true;
      } else if (frame.type === "game.answered") {
        state.answered = frame.answered;
      } else if (frame.type === "game.reveal") {
        state.reveal = frame;
      } else if (frame.type === "game.leaderboard") {
        state.top = frame.top;
      } else if (frame.type === "game.finished") {
        state.top = frame.top;
        state.podium = frame.podium;
      } else if (frame.type === "game.sound") {
        soundButton.hidden = !frame.game.sound || !GameSound.needsClick();
      } else if (frame.type === "game.draw") {
        showDraw(frame);
        return;
      }
      render();
    },
    onError: function (frame) { Game.errorHandler(client)(frame); },
  });
  window.setInterval(tick, 200);
})();
