/* The host console of a public game: drive the phases, remove players, draw, redeem prize codes. */
(function () {
  "use strict";
  var root = document.getElementById("game-host");
  var state = { game: null, question: null, correct: "", players: 0, answered: 0, roster: [] };
  var autoRevealed = null;
  var refreshTimer = null;
  var client;

  function render() {
    var game = state.game;
    if (!game) return;
    var phase = Game.phaseNow(game, client);
    root.querySelector("[data-phase]").textContent = Game.t("phases." + phase);
    root.querySelector("[data-progress]").textContent = game.index >= 0 ? Game.t("question", { n: game.index + 1, count: game.count }) : "";
    root.querySelector("[data-players]").textContent = Game.t("players", { n: state.players });
    root.querySelector("[data-answered]").textContent = Game.t("answersIn", { n: state.answered });
    root.querySelector("[data-question]").textContent = state.question ? state.question.stem : "";
    root.querySelector("[data-correct]").textContent = state.correct ? "✔ " + state.correct : "";
    renderRoster();
  }

  function renderRoster() {
    var body = root.querySelector("[data-roster]");
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
    root.querySelector("[data-countdown]").textContent = Game.countdownText(game, client);
    root.querySelector("[data-phase]").textContent = Game.t("phases." + Game.phaseNow(game, client));
    var auto = root.querySelector("[data-auto-reveal]").checked;
    if (auto && client.remaining(game.deadline) === 0 && autoRevealed !== game.index && client.serverNow() > game.deadline + 300) {
      autoRevealed = game.index;
      client.send("host.reveal");
    }
  }

  root.querySelectorAll("[data-command]").forEach(function (button) {
    button.addEventListener("click", function () { client.send(button.dataset.command); });
  });
  root.querySelector("[data-draw-form]").addEventListener("submit", function (event) {
    event.preventDefault();
    var form = event.target;
    client.send("host.draw", { count: parseInt(form.count.value, 10), min_correct: parseInt(form.min_correct.value, 10) });
  });
  root.querySelector("[data-redeem-form]").addEventListener("submit", function (event) {
    event.preventDefault();
    root.querySelector("[data-redeem-result]").textContent = "";
    client.send("host.redeem", { code: event.target.code.value });
  });

  client = new LiveClient({
    url: "/ws/games/" + root.dataset.pin + "/host/",
    statusElement: root.querySelector("[data-live-status]"),
    errorElement: root.querySelector("[data-live-error]"),
    onSnapshot: function (snapshot) {
      state.game = snapshot.game;
      state.question = snapshot.question || (snapshot.reveal && snapshot.reveal.question) || null;
      state.correct = snapshot.correct || "";
      state.players = snapshot.players;
      state.answered = snapshot.answered;
      state.roster = snapshot.roster || [];
      render();
    },
    onFrame: function (frame) {
      if (frame.game) state.game = frame.game;
      if (frame.type === "game.question") {
        state.question = frame.question;
        state.correct = frame.correct;
        state.answered = 0;
      } else if (frame.type === "game.answered") {
        state.answered = frame.answered;
      } else if (frame.type === "game.joined" || frame.type === "game.kicked") {
        state.players = frame.players;
        refreshSoon();
      } else if (frame.type === "game.reveal" || frame.type === "game.finished") {
        refreshSoon();
      } else if (frame.type === "game.draw") {
        var list = root.querySelector("[data-draw-result]");
        list.textContent = "";
        frame.winners.forEach(function (name) { list.append(Game.el("li", "", name)); });
        list.append(Game.el("li", "meta", Game.t("drawSeed", { eligible: frame.eligible, seed: frame.seed })));
      } else if (frame.type === "prize.redeemed") {
        root.querySelector("[data-redeem-result]").textContent = Game.t("redeemedOk", frame);
      }
      render();
    },
    onError: function (frame) { Game.errorHandler(client)(frame); },
  });
  window.setInterval(tick, 250);
})();
