// The dashboards' charts, drawn from the page's JSON block: the metrics' tables as the API gives them. The tables
// under each chart carry the same numbers for those who do not see the charts.
(function () {
  'use strict';

  var palette = ['#1565c0', '#c62828', '#2e7d32', '#f9a825', '#6a1b9a', '#00838f', '#ef6c00', '#4e342e'];

  function column(table, key) {
    return table.rows.map(function (row) { return row[key]; });
  }

  function headings(panel) {
    var texts = {};
    document.querySelectorAll('#panel-' + panel + ' thead th').forEach(function (th, index) {
      var table = window.cairnDashboard[panel];
      if (table) { texts[table.columns[index]] = th.textContent; }
    });
    return texts;
  }

  function chart(panel, config) {
    var canvas = document.getElementById('chart-' + panel);
    if (!canvas) { return; }
    config.options = Object.assign({ maintainAspectRatio: false, animation: false }, config.options || {});
    new Chart(canvas, config);
  }

  function series(panel, keys, type) {
    var table = window.cairnDashboard[panel];
    var names = headings(panel);
    return keys.map(function (key, index) {
      return { label: names[key] || key, data: column(table, key), type: type,
               borderColor: palette[index % palette.length], backgroundColor: palette[index % palette.length] };
    });
  }

  var drawings = {
    'volume': function (table) {
      chart('volume', { type: 'line', data: { labels: column(table, 'period'),
        datasets: series('volume', ['opened', 'closed', 'backlog'], 'line') },
        options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } } });
    },
    'durations': function (table) {
      var whole = table.rows.filter(function (row) { return row.period === 'all'; });
      var names = headings('durations');
      var measures = {};
      document.querySelectorAll('#panel-durations td[data-column="measure"]').forEach(function (td) {
        measures[td.parentElement.querySelector('td[data-column="period"]').dataset.value + td.dataset.value] = td.textContent;
      });
      chart('durations', { type: 'bar', data: {
        labels: whole.map(function (row) { return measures['all' + row.measure] || row.measure; }),
        datasets: ['median', 'p90'].map(function (key, index) {
          return { label: names[key] || key, backgroundColor: palette[index],
                   data: whole.map(function (row) { return row[key] === null ? null : row[key] / 3600; }) };
        }) }, options: { scales: { y: { beginAtZero: true, title: { display: true, text: 'h' } } } } });
    },
    'detection': function (table) {
      var rows = table.rows.filter(function (row) { return row.source.indexOf('-identified') < 0; });
      var labels = [];
      document.querySelectorAll('#panel-detection td[data-column="source"]').forEach(function (td, index) {
        if (index < rows.length) { labels.push(td.textContent); }
      });
      chart('detection', { type: 'doughnut', data: { labels: labels, datasets: [{
        data: rows.map(function (row) { return row.incidents; }), backgroundColor: palette }] } });
    },
    'seriousness': function (table) {
      chart('seriousness', { type: 'line', data: { labels: column(table, 'period'),
        datasets: series('seriousness', ['seriousShare', 'seriousResolvedShare', 'rootCauseShare'], 'line') },
        options: { scales: { y: { beginAtZero: true, max: 100 } } } });
    },
    'impact': function (table) {
      var periods = table.rows.filter(function (row) { return row.period !== 'all'; });
      var names = headings('impact');
      chart('impact', { type: 'bar', data: { labels: periods.map(function (row) { return row.period; }),
        datasets: [{ label: names.totalEur || 'totalEur', backgroundColor: palette[0],
                     data: periods.map(function (row) { return Number(row.totalEur); }) }] },
        options: { scales: { y: { beginAtZero: true, title: { display: true, text: 'EUR' } } } } });
    },
    'costs': function (table) {
      var labels = [];
      document.querySelectorAll('#panel-costs td[data-column="category"]').forEach(function (td) {
        labels.push(td.textContent);
      });
      var names = headings('costs');
      chart('costs', { type: 'bar', data: { labels: labels,
        datasets: [{ label: names.totalEur || 'totalEur', backgroundColor: palette[0],
                     data: table.rows.map(function (row) { return Number(row.totalEur); }) }] },
        options: { indexAxis: 'y', scales: { x: { beginAtZero: true, title: { display: true, text: 'EUR' } } } } });
    },
    'sla': function (table) {
      chart('sla', { type: 'bar', data: { labels: column(table, 'label'),
        datasets: series('sla', ['responseMetShare', 'resolutionMetShare'], 'bar') },
        options: { scales: { y: { beginAtZero: true, max: 100 } } } });
    },
    'backlog-age': function (table) {
      var sets = series('backlog-age', ['under1d', 'd1to7', 'd7to30', 'd30to90', 'over90d'], 'bar');
      chart('backlog-age', { type: 'bar', data: { labels: column(table, 'label'), datasets: sets },
        options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } } });
    },
    'recurrence': function (table) {
      chart('recurrence', { type: 'bar', data: { labels: column(table, 'period'),
        datasets: series('recurrence', ['incidents', 'recurring'], 'bar') },
        options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } } });
    }
  };

  function draw() {
    var block = document.getElementById('dashboard-data');
    if (!block || typeof Chart === 'undefined') { return; }
    window.cairnDashboard = JSON.parse(block.textContent);
    Object.keys(window.cairnDashboard).forEach(function (panel) {
      if (drawings[panel]) { drawings[panel](window.cairnDashboard[panel]); }
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
}());
