// Charts of the contest dashboard, drawn with the vendored ECharts from the JSON the page carries.
(function () {
  "use strict";
  var source = document.getElementById("contest-charts");
  if (!source || !window.echarts) return;
  var data = JSON.parse(source.textContent);
  var labels = data.labels;

  function chart(id, option) {
    var element = document.getElementById(id);
    if (!element) return;
    var instance = window.echarts.init(element, null, { renderer: "svg" });
    instance.setOption(option);
    window.addEventListener("resize", function () { instance.resize(); });
  }

  var grid = { left: 48, right: 24, top: 48, bottom: 40, containLabel: true };
  chart("chart-days", {
    title: { text: labels.perDay, textStyle: { fontSize: 14 } }, tooltip: { trigger: "axis" }, grid: grid,
    legend: { bottom: 0, data: [labels.attempts, labels.people] },
    xAxis: { type: "category", data: data.days }, yAxis: { type: "value" },
    series: [
      { name: labels.attempts, type: "bar", data: data.dayAttempts },
      { name: labels.people, type: "line", data: data.dayPeople }
    ]
  });
  chart("chart-towns", {
    title: { text: labels.perTown, textStyle: { fontSize: 14 } }, tooltip: { trigger: "axis" }, grid: grid,
    xAxis: { type: "category", data: data.towns, axisLabel: { rotate: 30 } }, yAxis: { type: "value" },
    series: [{ name: labels.perTown, type: "bar", data: data.townRates }]
  });
  chart("chart-scores", {
    title: { text: labels.scores, textStyle: { fontSize: 14 } }, tooltip: { trigger: "axis" }, grid: grid,
    xAxis: { type: "category", data: data.scores }, yAxis: { type: "value" },
    series: [{ name: labels.people, type: "bar", data: data.scorePeople }]
  });
  chart("chart-missed", {
    title: { text: labels.missed, textStyle: { fontSize: 14 } }, tooltip: { trigger: "axis" }, grid: grid,
    xAxis: { type: "value" }, yAxis: { type: "category", data: data.missed },
    series: [{ name: labels.times, type: "bar", data: data.missedTimes }]
  });
})();
