// Population pyramid and welfare deciles for the registry statistics page (data via json_script).
(function () {
  var node = document.getElementById("stats-data");
  if (!node || typeof Chart === "undefined") { return; }
  var data = JSON.parse(node.textContent);
  var pyramid = document.getElementById("pyramid");
  if (pyramid) {
    var labels = data.labels.slice().reverse();
    var male = data.male.slice().reverse().map(function (v) { return -v; });
    var female = data.female.slice().reverse();
    new Chart(pyramid, {
      type: "bar",
      data: { labels: labels, datasets: [
        { label: pyramid.dataset.male || "Laki-laki", data: male, backgroundColor: "#2f6db5" },
        { label: pyramid.dataset.female || "Perempuan", data: female, backgroundColor: "#d2527f" }
      ] },
      options: {
        indexAxis: "y", responsive: true,
        scales: { x: { stacked: true, ticks: { callback: function (v) { return Math.abs(v); } } }, y: { stacked: true } },
        plugins: { tooltip: { callbacks: { label: function (c) { return c.dataset.label + ": " + Math.abs(c.raw); } } } }
      }
    });
  }
  var welfare = document.getElementById("welfare-chart");
  if (welfare && data.welfare.length) {
    new Chart(welfare, {
      type: "bar",
      data: { labels: data.welfare_labels.map(function (d) { return "Desil " + d; }),
              datasets: [{ label: welfare.dataset.label || "Keluarga", data: data.welfare, backgroundColor: "#3a8f5c" }] },
      options: { responsive: true, plugins: { legend: { display: false } } }
    });
  }
})();
