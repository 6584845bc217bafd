/* The big screen's sounds, synthesised with Web Audio (no sound files): a rising call when a
 * question opens, ticks in the last five seconds, a chime at the reveal, a fanfare for the podium,
 * a soft pop when a player joins. Browsers start audio only after a click on the page, so
 * `GameSound.needsClick()` tells the screen to offer a button; `GameSound.muted` follows the
 * host console's switch. */
(function (global) {
  "use strict";
  var context = null;

  function audio() {
    if (!context) {
      var Context = global.AudioContext || global.webkitAudioContext;
      if (!Context) return null;
      context = new Context();
    }
    return context;
  }

  /* One note: frequency (Hz), start offset and length (s), loudness 0..1, waveform. */
  function note(frequency, at, length, volume, type) {
    var ctx = audio();
    if (!ctx || ctx.state !== "running" || GameSound.muted) return;
    var start = ctx.currentTime + at;
    var oscillator = ctx.createOscillator();
    var gain = ctx.createGain();
    oscillator.type = type || "sine";
    oscillator.frequency.setValueAtTime(frequency, start);
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(volume, start + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + length);
    oscillator.connect(gain).connect(ctx.destination);
    oscillator.start(start);
    oscillator.stop(start + length + 0.05);
  }

  var GameSound = {
    muted: false,
    needsClick: function () {
      var ctx = audio();
      return Boolean(ctx) && ctx.state !== "running";
    },
    unlock: function () {
      var ctx = audio();
      return ctx ? ctx.resume() : Promise.resolve();
    },
    question: function () { [523, 659, 784].forEach(function (f, i) { note(f, i * 0.12, 0.3, 0.35, "triangle"); }); },
    tick: function () { note(880, 0, 0.08, 0.25, "square"); },
    timeUp: function () { note(220, 0, 0.5, 0.4, "sawtooth"); },
    reveal: function () { [784, 1047].forEach(function (f, i) { note(f, i * 0.15, 0.6, 0.35, "sine"); }); },
    join: function () { note(1200, 0, 0.07, 0.12, "sine"); },
    board: function () { [392, 494, 587].forEach(function (f, i) { note(f, i * 0.1, 0.25, 0.25, "triangle"); }); },
    fanfare: function () {
      [[523, 0], [659, 0.15], [784, 0.3], [1047, 0.45], [784, 0.75], [1047, 0.9]].forEach(function (n) {
        note(n[0], n[1], 0.35, 0.4, "triangle");
      });
    },
    drumroll: function (seconds) {
      for (var t = 0; t < seconds; t += 0.08) note(150 + Math.random() * 40, t, 0.06, 0.15, "square");
    },
  };
  global.GameSound = GameSound;
})(window);
