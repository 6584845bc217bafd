/* The big screen of a public game: QR code and PIN, question and countdown, answer distribution,
 * top 10, podium and the lucky-draw animation. Read-only. */
(function () {
  "use strict";
  var root = document.getElementById("game-screen");
  var pin = root.dataset.pin;
  var state = { game: null, question: null, reveal: null, top: [], players: 0, answered: 0, names: [] };
  var client;

  function render() {
    var game = state.game;
    if (!game) return;
    root.querySelector("[data-players]").textContent = Game.t("players", { n: state.players });
    var phase = Game.phaseNow(game, client);
    var view = phase === "reading" || phase === "answering" ? "question" : phase;
    if (phase === "finished" && !state.top.length) view = "lobby";
    Game.showOnly(root, view);
    if (view === "question") renderQuestion();
    if (view === "revealed" && state.reveal) renderReveal();
    if (view === "leaderboard") renderList(root.querySelector("[data-top]"), state.top);
    if (view === "finished") renderList(root.querySelector("[data-podium]"), state.top.filter(function (row) { return row.rank <= game.podium_size; }));
    if (view === "lobby") renderNames();
  }

  function renderNames() {
    var list = root.querySelector("[data-names]");
    list.textContent = "";
    state.names.slice(-24).forEach(function (name) { list.append(Game.el("li", "", name)); });
  }

  function renderQuestion() {
    var question = state.question;
    root.querySelector("[data-progress]").textContent = Game.t("question", { n: state.game.index + 1, count: state.game.count });
    root.querySelector("[data-stem]").textContent = question.stem;
    var list = root.querySelector("[data-options]");
    if (list.dataset.question !== String(question.id)) {
      list.dataset.question = question.id;
      list.textContent = "";
      question.options.forEach(function (option) {
        var item = Game.el("li", "screen-option game-answer-" + option.label);
        item.append(Game.el("span", "game-answer-label", option.label), Game.el("span", "", option.text));
        list.append(item);
      });
    }
    tick();
  }

  function renderReveal() {
    var reveal = state.reveal;
    var question = reveal.question;
    root.querySelector("[data-reveal-progress]").textContent = Game.t("question", { n: reveal.game.index + 1, count: reveal.game.count }) + " · " + Game.t("answersIn", { n: reveal.answered });
    root.querySelector("[data-reveal-stem]").textContent = question.stem;
    var list = root.querySelector("[data-distribution]");
    list.textContent = "";
    var most = Math.max.apply(null, [1].concat(Object.values(reveal.distribution)));
    question.options.forEach(function (option) {
      var votes = 0;
      Object.keys(reveal.distribution).forEach(function (choice) {
        if (choice.indexOf(option.label) >= 0) votes += reveal.distribution[choice];
      });
      var item = Game.el("li", "screen-option" + (reveal.correct.indexOf(option.label) >= 0 ? " correct" : ""));
      var bar = Game.el("span", "screen-votes");
      bar.style.width = Math.round((votes / most) * 100) + "%";
      item.append(Game.el("span", "game-answer-label", option.label), Game.el("span", "", option.text), bar, Game.el("strong", "screen-vote-count", String(votes)));
      list.append(item);
    });
    root.querySelector("[data-explanation]").textContent = reveal.explanation;
  }

  function renderList(list, rows) {
    list.textContent = "";
    rows.forEach(function (row) {
      var item = Game.el("li", "screen-row rank-" + row.rank);
      item.append(Game.el("span", "screen-rank", String(row.rank)), Game.el("span", "screen-name", row.nickname), Game.el("span", "screen-score", String(row.score)));
      list.append(item);
    });
  }

  function showDraw(frame) {
    var box = root.querySelector("[data-draw]");
    var roll = box.querySelector("[data-roll]");
    var winners = box.querySelector("[data-winners]");
    var pool = state.names.concat(frame.winners);
    box.hidden = false;
    winners.textContent = "";
    box.querySelector("[data-draw-meta]").textContent = Game.t("drawSeed", { eligible: frame.eligible, seed: frame.seed });
    var step = 0;
    var timer = window.setInterval(function () {
      roll.textContent = pool.length ? pool[step % pool.length] : "";
      step += 1;
      if (step > 25) {
        window.clearInterval(timer);
        roll.textContent = Game.t("drawWinners");
        frame.winners.forEach(function (name) { winners.append(Game.el("li", "", name)); });
      }
    }, 80);
  }

  function tick() {
    if (!state.game || !state.question) return;
    var phase = Game.phaseNow(state.game, client);
    if (phase !== "reading" && phase !== "answering") return;
    root.querySelector("[data-countdown]").textContent = Game.countdownText(state.game, client);
    var total = state.game.deadline - state.game.opens_at;
    var left = client.remaining(state.game.deadline);
    root.querySelector("[data-bar]").style.width = (phase === "reading" ? 100 : Math.round((left / total) * 100)) + "%";
    root.querySelector("[data-answered]").textContent = Game.t("answersIn", { n: state.answered });
  }

  client = new LiveClient({
    url: "/ws/games/" + pin + "/screen/",
    statusElement: root.querySelector("[data-live-status]"),
    errorElement: root.querySelector("[data-live-error]"),
    onSnapshot: function (snapshot) {
      state.game = snapshot.game;
      state.question = snapshot.question || null;
      state.reveal = snapshot.reveal || null;
      state.top = snapshot.top || [];
      state.players = snapshot.players;
      state.answered = snapshot.answered;
      render();
    },
    onFrame: function (frame) {
      if (frame.game) state.game = frame.game;
      if (frame.type === "game.joined") {
        state.players = frame.players;
        state.names.push(frame.nickname);
      } else if (frame.type === "game.kicked") {
        state.players = frame.players;
      } else if (frame.type === "game.question") {
        state.question = frame.question;
        state.answered = 0;
        root.querySelector("[data-draw]").hidden = true;
      } else if (frame.type === "game.answered") {
        state.answered = frame.answered;
      } else if (frame.type === "game.reveal") {
        state.reveal = frame;
      } else if (frame.type === "game.leaderboard" || frame.type === "game.finished") {
        state.top = frame.top;
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
