/* The phone of a public game: join with a nickname, answer, see the result, rank and prize. */
(function () {
  "use strict";
  var root = document.getElementById("game-play");
  var pin = root.dataset.pin;
  var tokenKey = "game-token-" + pin;
  var joinForm = document.getElementById("join-form");
  var view = document.getElementById("game-view");
  var state = { game: null, question: null, me: null, result: null, prizes: [], chosen: "" };
  var token = window.localStorage.getItem(tokenKey);
  var SHAPES = { A: "▲", B: "◆", C: "●", D: "■" };
  var largeKey = "game-large-text";
  var largeButton = document.querySelector("[data-large-text]");
  var client;

  /* Larger text: remembered on this phone for every game. */
  function applyLargeText(on) {
    document.body.classList.toggle("game-large", on);
    largeButton.setAttribute("aria-pressed", on ? "true" : "false");
  }
  largeButton.addEventListener("click", function () {
    var on = !document.body.classList.contains("game-large");
    window.localStorage.setItem(largeKey, on ? "1" : "");
    applyLargeText(on);
  });
  applyLargeText(window.localStorage.getItem(largeKey) === "1");

  function socketUrl() {
    return "/ws/games/" + pin + "/play/" + (token ? "?token=" + encodeURIComponent(token) : "");
  }

  function forgetToken() {
    token = null;
    window.localStorage.removeItem(tokenKey);
    client.options.url = socketUrl();
  }

  function render() {
    if (!state.me) return;
    joinForm.hidden = true;
    view.hidden = false;
    var me = document.querySelector("[data-me]");
    me.hidden = false;
    me.querySelector("[data-me-nickname]").textContent = state.me.nickname;
    me.querySelector("[data-me-score]").textContent = Game.t("score", { score: state.me.score });
    var phase = Game.phaseNow(state.game, client);
    if (phase === "reading" || phase === "answering") {
      Game.showOnly(view, "question");
      renderQuestion(phase);
    } else if (phase === "revealed") {
      Game.showOnly(view, "revealed");
      renderResult();
    } else if (phase === "leaderboard") {
      Game.showOnly(view, "leaderboard");
      renderStanding();
    } else if (phase === "finished") {
      Game.showOnly(view, "finished");
      view.querySelector("[data-final]").textContent = Game.t("rank", { rank: state.me.rank, players: state.me.players || "", score: state.me.score });
      renderPrizes();
    } else {
      Game.showOnly(view, "lobby");
    }
  }

  function renderQuestion(phase) {
    var question = state.question;
    var game = state.game;
    view.querySelector("[data-progress]").textContent = Game.t("question", { n: game.index + 1, count: game.count });
    view.querySelector("[data-stem]").textContent = question.stem;
    view.querySelector("[data-stem]").hidden = !question.stem;
    var receipt = view.querySelector("[data-receipt]");
    receipt.hidden = !state.me.choice;
    view.querySelector("[data-receipt-title]").textContent = state.me.choice ? "✔ " + Game.t("phone.receipt") : "";
    view.querySelector("[data-receipt-choice]").textContent = state.me.choice ? Game.t("phone.yourChoice", { choice: state.me.choice }) : "";
    view.querySelector("[data-receipt-wait]").textContent = state.me.choice ? Game.t("phone.wait") : "";
    view.querySelector("[data-view=question]").classList.toggle("answered", Boolean(state.me.choice));
    var box = view.querySelector("[data-answers]");
    var key = question.id + ":" + phase + ":" + (state.me.choice || "");
    if (box.dataset.key !== key) {
      box.dataset.key = key;
      box.textContent = "";
      box.dataset.count = question.options.length;
      question.options.forEach(function (option) {
        var button = Game.el("button", "game-answer game-answer-" + option.label);
        button.type = "button";
        button.dataset.label = option.label;
        var badge = Game.el("span", "game-answer-label");
        var mark = Game.el("span", "game-shape", SHAPES[option.label] || "◯");
        mark.setAttribute("aria-hidden", "true");
        badge.append(mark, document.createTextNode(option.label));
        button.append(badge, Game.el("span", "game-answer-text", option.text));
        button.setAttribute("aria-label", Game.t("phone.option", { label: option.label, text: option.text }));
        if (question.kind === "multiple") button.setAttribute("aria-pressed", state.chosen.indexOf(option.label) >= 0 ? "true" : "false");
        button.disabled = phase !== "answering" || Boolean(state.me.choice);
        if (state.me.choice && state.me.choice.indexOf(option.label) >= 0) button.classList.add("chosen");
        button.addEventListener("click", function () { choose(option.label); });
        box.append(button);
      });
    }
    view.querySelector("[data-submit-multiple]").hidden = question.kind !== "multiple" || Boolean(state.me.choice) || phase !== "answering";
    tick();
  }

  function choose(label) {
    if (state.question.kind === "multiple") {
      var chosen = state.chosen.indexOf(label) >= 0 ? state.chosen.replace(label, "") : state.chosen + label;
      state.chosen = chosen;
      view.querySelectorAll(".game-answer").forEach(function (button) {
        button.classList.toggle("chosen", chosen.indexOf(button.dataset.label) >= 0);
        button.setAttribute("aria-pressed", chosen.indexOf(button.dataset.label) >= 0 ? "true" : "false");
      });
      return;
    }
    submit(label);
  }

  function submit(choice) {
    if (!choice) return;
    client.send("player.answer", { index: state.game.index, choice: choice });
  }

  /* After the reveal: right or wrong, the points, the rank and the streak, then the explanation. */
  function renderResult() {
    var box = view.querySelector("[data-result]");
    box.textContent = "";
    var reveal = state.reveal;
    var result = state.result;
    var correct = reveal ? reveal.correct : "";
    var verdict;
    if (result && result.correct) verdict = Game.el("div", "game-verdict good", "✔ " + Game.t("phone.right"));
    else if (result && result.choice) verdict = Game.el("div", "game-verdict bad", "✘ " + Game.t("phone.wrongShort"));
    else verdict = Game.el("div", "game-verdict missed", "– " + Game.t("phone.missedShort"));
    box.append(verdict);
    if (result && result.choice) box.append(Game.el("p", "game-points", Game.t("phone.points", { points: result.points })));
    if (!(result && result.correct)) box.append(Game.el("p", "game-correct", Game.t("phone.correctIs", { correct: correct })));
    var facts = Game.el("p", "game-facts");
    facts.append(Game.el("span", "", Game.t("phone.rank", { rank: state.me.rank, players: state.me.players || "" })),
      Game.el("span", "", Game.t("phone.total", { score: state.me.score })));
    if (state.me.streak > 1) facts.append(Game.el("span", "game-streak", Game.t("phone.streak", { n: state.me.streak })));
    box.append(facts);
    if (reveal && reveal.explanation) box.append(Game.el("p", "game-explanation", reveal.explanation));
  }

  function renderStanding() {
    var box = view.querySelector("[data-rank]");
    box.textContent = "";
    box.append(Game.el("p", "game-verdict", Game.t("phone.rank", { rank: state.me.rank, players: state.me.players || "" })),
      Game.el("p", "game-points", Game.t("phone.total", { score: state.me.score })));
    if (state.top && state.top.length) {
      box.append(Game.el("h2", "", Game.t("phone.top3")));
      var list = Game.el("ol", "game-top3");
      state.top.slice(0, 3).forEach(function (row) { list.append(Game.el("li", "", row.rank + ". " + row.nickname + " · " + row.score)); });
      box.append(list);
    }
  }

  function renderPrizes() {
    var box = view.querySelector("[data-prizes]");
    box.textContent = "";
    state.prizes.forEach(function (prize) {
      var line = Game.el("div", "game-prize" + (prize.redeemed ? " redeemed" : ""));
      line.append(Game.el("p", "", Game.t(prize.reason === "draw" ? "prizeDraw" : "prize", { code: prize.code })));
      if (prize.redeemed) line.append(Game.el("p", "game-redeemed", Game.t("phone.redeemedPrize")));
      box.append(line);
    });
  }

  function tick() {
    if (!state.game) return;
    var phase = Game.phaseNow(state.game, client);
    var countdown = view.querySelector("[data-countdown]");
    if (phase === "reading" || phase === "answering") {
      countdown.textContent = Game.countdownText(state.game, client);
      var buttons = view.querySelector("[data-answers]");
      if (buttons.dataset.key && buttons.dataset.key.split(":")[1] !== phase) renderQuestion(phase);
    }
  }

  function onSnapshot(snapshot) {
    if (snapshot.role === "visitor") {
      state.me = null;
      view.hidden = true;
      joinForm.hidden = snapshot.game.phase === "finished";
      if (snapshot.game.phase === "finished") {
        Game.errorHandler(client)({ code: "joining_closed" });
        client.options.errorElement.hidden = false;
      }
      return;
    }
    state.game = snapshot.game;
    state.question = snapshot.question || (snapshot.reveal && snapshot.reveal.question) || null;
    state.reveal = snapshot.reveal || null;
    state.me = snapshot.me;
    state.prizes = snapshot.prizes || [];
    state.top = snapshot.top || [];
    state.result = snapshot.me.points !== undefined ? { correct: snapshot.me.correct, points: snapshot.me.points, choice: snapshot.me.choice } : null;
    render();
  }

  function onFrame(frame) {
    if (frame.type === "player.joined") {
      token = frame.token;
      client.clearError();
      window.localStorage.setItem(tokenKey, token);
      client.options.url = socketUrl();
      return;
    }
    if (!state.me) return;
    if (frame.game) state.game = frame.game;
    if (frame.type === "game.question") {
      state.question = frame.question;
      state.me.choice = null;
      state.chosen = "";
      state.result = null;
      state.reveal = null;
    } else if (frame.type === "answer.accepted") {
      state.me.choice = frame.choice;
    } else if (frame.type === "game.reveal") {
      state.reveal = frame;
    } else if (frame.type === "player.result") {
      state.result = frame;
      state.me.score = frame.score;
      state.me.rank = frame.rank;
      state.me.players = frame.players;
      state.me.streak = frame.streak;
    } else if (frame.type === "game.leaderboard" || frame.type === "game.finished") {
      state.top = frame.top;
    } else if (frame.type === "player.prize") {
      // A prize already shown (same code) is replaced: redeemed now.
      state.prizes = state.prizes.filter(function (prize) { return prize.code !== frame.code; }).concat([frame]);
    } else if (frame.type === "player.kicked") {
      forgetToken();
      Game.showOnly(view, "kicked");
      return;
    }
    render();
  }

  function onError(frame) {
    Game.errorHandler(client)(frame);
    if (frame.code === "kicked" || frame.code === "unknown_player") {
      forgetToken();
      state.me = null;
      view.hidden = true;
      joinForm.hidden = frame.code === "kicked";
      if (frame.code === "unknown_player") window.setTimeout(function () { client.connect(); }, 500);
    }
  }

  joinForm.addEventListener("submit", function (event) {
    event.preventDefault();
    client.send("player.join", { nickname: joinForm.nickname.value, phone: joinForm.phone.value });
  });
  view.querySelector("[data-submit-multiple]").addEventListener("click", function () { submit(state.chosen); });

  client = new LiveClient({
    url: socketUrl(),
    statusElement: root.querySelector("[data-live-status]"),
    errorElement: root.querySelector("[data-live-error]"),
    onSnapshot: onSnapshot,
    onFrame: onFrame,
    onError: onError,
    notConnectedMessage: Game.t("errors.not_connected"),
  });
  window.setInterval(tick, 250);
})();
