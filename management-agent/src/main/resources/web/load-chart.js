// Draws Status › Cloud Bursting's load chart from the JSON in #load-chart's data-history, with uPlot:
// per location, HD calls in use (solid) and capacity (dashed). Drawn again after each refresh.
(function () {
  var COLOURS = ["#0b5cad", "#b3261e", "#2e7d32", "#8e24aa", "#ef6c00", "#00838f", "#5d4037", "#546e7a"];

  function draw() {
    var element = document.getElementById("load-chart");
    if (!element || typeof uPlot === "undefined") {
      return;
    }
    var history = JSON.parse(element.getAttribute("data-history"));
    element.textContent = "";
    if (history.times.length === 0) {
      return;
    }
    var data = [history.times];
    var series = [{}];
    history.locations.forEach(function (location, index) {
      var colour = COLOURS[index % COLOURS.length];
      data.push(location.inUse, location.capacity);
      series.push({label: location.name + " in use", stroke: colour, width: 2});
      series.push({label: location.name + " capacity", stroke: colour, width: 1, dash: [6, 4]});
    });
    var chart = new uPlot({
      // the element's width inside its padding, so the chart never widens the page
      width: Math.max(320, element.getBoundingClientRect().width - 20),
      height: 280,
      series: series,
      axes: [{}, {label: "HD calls"}],
      scales: {
        // at least a minute wide: uPlot pads a narrower span of epoch seconds by years
        x: {time: true, range: function (plot, min, max) { return [Math.min(min, max - 60), max]; }},
        y: {range: function (plot, min, max) { return [0, Math.max(1, max)]; }}
      }
    }, data, element);
    element.uplot = chart;
  }

  document.addEventListener("DOMContentLoaded", draw);
  document.addEventListener("htmx:afterSettle", draw);
})();
