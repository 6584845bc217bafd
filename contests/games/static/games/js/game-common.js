/* Helpers shared by the phone, the big screen and the host console of a public game. */
(function (global) {
  "use strict";
  var texts = JSON.parse(document.getElementById("game-texts").textContent);

  /* A translated text with %(name)s placeholders filled in (values are inserted as text). */
  function t(key, values) {
    var text = key.split(".").reduce(function (node, part) { return node && node[part]; }, texts) || key;
    return String(text).replace(/%\((\w+)\)s/g, function (_, name) {
      return values && values[name] !== undefined && values[name] !== null ? values[name] : "";
    });
  }

  /* Create an element with text content only: nicknames and questions are never parsed as HTML. */
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function showOnly(root, name) {
    root.querySelectorAll("[data-view]").forEach(function (view) {
      view.hidden = view.dataset.view !== name;
    });
  }

  /* The phase by the server clock: a started question is reading, then answering. */
  function phaseNow(game, client) {
    if (game.phase !== "reading" && game.phase !== "answering") return game.phase;
    return client.serverNow() < game.opens_at ? "reading" : "answering";
  }

  /* Errors in the reader's language: the code picks the translation, the server text is a fallback. */
  function errorHandler(client) {
    return function (frame) {
      var element = client.options.errorElement;
      if (element && texts.errors[frame.code]) element.textContent = texts.errors[frame.code];
    };
  }

  function countdownText(game, client) {
    if (client.serverNow() < game.opens_at) return t("reading");
    var left = client.remaining(game.deadline);
    return left > 0 ? t("seconds", { s: Math.ceil(left / 1000) }) : t("timeUp");
  }

  global.Game = { t: t, el: el, showOnly: showOnly, phaseNow: phaseNow, errorHandler: errorHandler, countdownText: countdownText };
})(window);
