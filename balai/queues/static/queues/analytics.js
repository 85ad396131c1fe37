// Queue analytics chart: average waiting and service times per group (data from json_script).
(function () {
  "use strict";
  var canvas = document.getElementById("queue-chart");
  var source = document.getElementById("queue-chart-data");
  if (!canvas || !source || !window.Chart) { return; }
  var data = JSON.parse(source.textContent);
  new window.Chart(canvas, {
    type: "bar",
    data: {
      labels: data.labels,
      datasets: [
        { label: canvas.getAttribute("data-t-wait"), data: data.avg_wait, backgroundColor: "#f0b429" },
        { label: canvas.getAttribute("data-t-service"), data: data.avg_service, backgroundColor: "#0b5d4b" }
      ]
    },
    options: { responsive: true, maintainAspectRatio: false, scales: { y: { beginAtZero: true } } }
  });
})();
