// The charts of the risk heat-map page: the open risks as bubbles on likelihood x impact, and the open risks per
// severity at each month's end. The data comes from the page's JSON block; the tables below the charts carry the
// same numbers for those who do not see the charts.
(function () {
  'use strict';

  var colours = ['#2e7d32', '#f9a825', '#ef6c00', '#c62828', '#6a1b9a', '#4e342e', '#37474f', '#1565c0', '#00838f', '#ad1457'];

  function colour(rank, levels) {
    if (levels <= 1) { return colours[0]; }
    var index = Math.round((rank - 1) * 3 / (levels - 1));
    return colours[Math.min(index, colours.length - 1)];
  }

  function draw() {
    var block = document.getElementById('risk-chart-data');
    if (!block || typeof Chart === 'undefined') { return; }
    var data = JSON.parse(block.textContent);
    var most = data.cells.reduce(function (max, cell) { return Math.max(max, cell.count); }, 1);
    var heat = document.getElementById('risk-heat-chart');
    if (heat) {
      new Chart(heat, {
        type: 'bubble',
        data: { datasets: [{
          data: data.cells.map(function (cell) {
            return { x: cell.x, y: cell.y, r: 6 + 18 * cell.count / most, count: cell.count };
          }),
          backgroundColor: data.cells.map(function (cell) { return colour(cell.rank, data.levels); })
        }] },
        options: {
          maintainAspectRatio: false, animation: false,
          plugins: { legend: { display: false },
            tooltip: { callbacks: { label: function (item) { return item.raw.y + ' / ' + item.raw.x + ': ' + item.raw.count; } } } },
          scales: { x: { type: 'category', labels: data.impacts, offset: true },
                    y: { type: 'category', labels: data.likelihoods.slice().reverse(), offset: true } }
        }
      });
    }
    var trend = document.getElementById('risk-trend-chart');
    if (trend) {
      new Chart(trend, {
        type: 'bar',
        data: { labels: data.months, datasets: data.severities.map(function (severity) {
          return { label: severity.label, data: severity.counts, backgroundColor: colour(severity.rank, data.levels) };
        }) },
        options: { maintainAspectRatio: false, animation: false, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } }
      });
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
}());
