// The forecast page's chart: the last 26 weeks of a series, then the forecast with its interval as a band. The table
// under it gives the forecast's numbers.
(function () {
  'use strict';

  function draw() {
    var block = document.getElementById('forecast-data');
    var canvas = document.getElementById('chart-forecast');
    if (!block || !canvas || typeof Chart === 'undefined') { return; }
    var data = JSON.parse(block.textContent);
    if (!data.history) { return; }
    var first = new Date(data.firstWeek + 'T00:00:00Z');
    var shown = Math.min(26, data.history.length);
    var skip = data.history.length - shown;
    var labels = [];
    var counts = [];
    for (var i = skip; i < data.history.length; i++) {
      var week = new Date(first.getTime() + i * 7 * 86400000);
      labels.push(week.toISOString().substring(0, 10));
      counts.push(data.history[i]);
    }
    var pad = counts.map(function () { return null; });
    data.forecast.forEach(function (point) { labels.push(point.week); counts.push(null); });
    var expected = pad.concat(data.forecast.map(function (p) { return p.expected; }));
    var lower = pad.concat(data.forecast.map(function (p) { return p.lower; }));
    var upper = pad.concat(data.forecast.map(function (p) { return p.upper; }));
    var names = document.querySelectorAll('.forecast-table thead th');
    new Chart(canvas, {
      type: 'line',
      data: { labels: labels, datasets: [
        { label: document.getElementById('title-forecast').textContent, data: counts, borderColor: '#1565c0' },
        { label: names[1] ? names[1].textContent : 'expected', data: expected, borderColor: '#ef6c00', borderDash: [6, 4] },
        { label: names[2] ? names[2].textContent : 'interval', data: upper, borderColor: 'transparent',
          backgroundColor: 'rgba(239,108,0,0.15)', fill: '+1', pointRadius: 0 },
        { label: '', data: lower, borderColor: 'transparent', pointRadius: 0 }
      ] },
      options: { maintainAspectRatio: false, animation: false,
        plugins: { legend: { labels: { filter: function (item) { return item.text !== ''; } } } },
        scales: { y: { beginAtZero: true } } }
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
}());
