// Draws Cloud Bursting › Plan's chart from the JSON in #plan-chart's data-plan, with uPlot: for the policy chosen
// in #chart-policy, HD calls offered, in use and capacity (left axis), starts and rejected calls (right axis).
(function () {
  function draw() {
    var element = document.getElementById("plan-chart");
    var choice = document.getElementById("chart-policy");
    if (!element || !choice || typeof uPlot === "undefined") {
      return;
    }
    var plan = JSON.parse(element.getAttribute("data-plan"));
    if (choice.options.length === 0) {
      plan.policies.forEach(function (policy, index) {
        var option = document.createElement("option");
        option.value = String(index);
        option.textContent = policy.name;
        choice.appendChild(option);
      });
      choice.addEventListener("change", draw);
    }
    var policy = plan.policies[Number(choice.value || 0)];
    element.textContent = "";
    var chart = new uPlot({
      width: Math.max(320, element.getBoundingClientRect().width - 20),
      height: 320,
      series: [
        {},
        {label: "HD calls offered", stroke: "#9aa5b1", width: 1},
        {label: "HD calls in use", stroke: "#0b5cad", width: 2},
        {label: "HD calls capacity", stroke: "#2e7d32", width: 1, dash: [6, 4]},
        {label: "Starts", stroke: "#ef6c00", scale: "count", width: 0, points: {show: true, size: 6}},
        {label: "Rejected calls", stroke: "#b3261e", scale: "count", width: 0, points: {show: true, size: 6}}
      ],
      axes: [{}, {label: "HD calls"}, {side: 1, scale: "count", label: "per " + Math.round(plan.interval / 60)
          + " min", grid: {show: false}}],
      scales: {
        x: {time: true},
        y: {range: function (plot, min, max) { return [0, Math.max(1, max)]; }},
        count: {range: function (plot, min, max) { return [0, Math.max(1, max)]; }}
      }
    }, [plan.times, plan.offered, policy.inUse, policy.capacity, nullWhereZero(policy.starts),
        nullWhereZero(policy.rejected)], element);
    element.uplot = chart;
  }

  // only the intervals with a start or a rejected call get a point
  function nullWhereZero(values) {
    return values.map(function (value) { return value === 0 ? null : value; });
  }

  document.addEventListener("DOMContentLoaded", draw);
  document.addEventListener("htmx:afterSettle", draw);
})();
