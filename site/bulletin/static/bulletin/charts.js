// Draws the bulletin's chart from the JSON the page embeds (#bulletin-chart-data), with the vendored ECharts.
(function () {
  "use strict";
  var holder = document.getElementById("bulletin-chart");
  var source = document.getElementById("bulletin-chart-data");
  if (!holder || !source || !window.echarts) { return; }
  var data = JSON.parse(source.textContent);
  var chart = window.echarts.init(holder, null, { renderer: "svg" });
  chart.setOption({
    animation: false,
    color: ["#b71c1c", "#f57c00", "#2e7d32", "#1565c0"],
    tooltip: { trigger: "axis" },
    legend: { top: 0 },
    grid: { left: 40, right: 16, bottom: 60, top: 48 },
    xAxis: { type: "category", data: data.towns, axisLabel: { interval: 0, rotate: data.towns.length > 6 ? 30 : 0 } },
    yAxis: { type: "value" },
    series: data.series.map(function (series) { return { name: series.name, type: "bar", data: series.data }; })
  });
  window.addEventListener("resize", function () { chart.resize(); });
})();
