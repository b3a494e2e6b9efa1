// Live countdowns of the SLA clocks and the regulatory obligations' stages on the incident page: each running clock
// shows the time left until it is due (or how long ago it was due), ticking every second without a reload. A paused or
// met clock keeps its text. The sections arrive by htmx after the page loaded, so the ticker looks for clocks on every
// tick.
(function () {
  'use strict';

  var nl = (document.documentElement.lang || 'en').indexOf('nl') === 0;
  var words = nl
    ? { left: 'nog', over: 'te laat', d: 'd', h: 'u', m: 'm', s: 's' }
    : { left: 'left', over: 'overdue', d: 'd', h: 'h', m: 'm', s: 's' };

  function span(ms) {
    var total = Math.floor(Math.abs(ms) / 1000);
    var d = Math.floor(total / 86400), h = Math.floor(total % 86400 / 3600);
    var m = Math.floor(total % 3600 / 60), s = total % 60;
    if (d > 0) { return d + words.d + ' ' + h + words.h + ' ' + m + words.m; }
    if (h > 0) { return h + words.h + ' ' + m + words.m + ' ' + s + words.s; }
    return m + words.m + ' ' + s + words.s;
  }

  function tick() {
    var now = Date.now();
    document.querySelectorAll('.sla-clock[data-state="running"]').forEach(function (clock) {
      var due = Date.parse(clock.getAttribute('data-due'));
      var warn = Date.parse(clock.getAttribute('data-warn'));
      var out = clock.querySelector('.sla-countdown');
      if (isNaN(due) || !out) { return; }
      var left = due - now;
      out.textContent = left > 0 ? (nl ? words.left + ' ' + span(left) : span(left) + ' ' + words.left)
        : span(left) + ' ' + words.over;
      var standing = left <= 0 ? 'breached' : (!isNaN(warn) && warn <= now) ? 'warning'
        : clock.getAttribute('data-standing') === 'warning' ? 'warning' : 'on-track';
      if (clock.getAttribute('data-standing') === 'breached') { standing = 'breached'; }
      ['on-track', 'warning', 'breached'].forEach(function (name) {
        clock.classList.toggle(name, name === standing);
      });
      clock.setAttribute('data-live', standing);
    });
    document.querySelectorAll('.obligation-stage[data-due]').forEach(function (stage) {
      var due = Date.parse(stage.getAttribute('data-due'));
      var out = stage.querySelector('.obligation-countdown');
      if (isNaN(due) || !out || ['open', 'due-soon', 'overdue'].indexOf(stage.getAttribute('data-status')) < 0) { return; }
      var left = due - now;
      out.textContent = left > 0 ? (nl ? words.left + ' ' + span(left) : span(left) + ' ' + words.left)
        : span(left) + ' ' + words.over;
    });
  }

  tick();
  setInterval(tick, 1000);
  document.addEventListener('htmx:afterSettle', tick);
})();
