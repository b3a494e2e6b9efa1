// Times are written by the server in UTC ("2026-11-22 10:15 UTC") so that every page reads the same without scripts.
// The reader's browser shows each of them in its own time zone, named ("2026-11-22 11:15 CET"), with the UTC time as
// the title; parts of pages that htmx loads later are shown the same way.
(function () {
  'use strict';

  var UTC_TEXT = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/;
  var lang = document.documentElement.lang || 'en';

  function pad(number) {
    return (number < 10 ? '0' : '') + number;
  }

  function zoneName(at) {
    var parts = new Intl.DateTimeFormat(lang, { timeZoneName: 'short' }).formatToParts(at);
    for (var i = 0; i < parts.length; i++) {
      if (parts[i].type === 'timeZoneName') {
        return parts[i].value;
      }
    }
    return '';
  }

  function local(at) {
    return at.getFullYear() + '-' + pad(at.getMonth() + 1) + '-' + pad(at.getDate()) + ' ' + pad(at.getHours())
      + ':' + pad(at.getMinutes()) + ' ' + zoneName(at);
  }

  function showLocally(root) {
    if (!root || !root.querySelectorAll) {
      return;
    }
    root.querySelectorAll('time[datetime]').forEach(function (time) {
      var utc = time.textContent.trim();
      var at = new Date(time.getAttribute('datetime'));
      if (!UTC_TEXT.test(utc) || isNaN(at.getTime())) {
        return;
      }
      time.setAttribute('title', utc);
      time.textContent = local(at).trim();
    });
  }

  showLocally(document);
  document.addEventListener('htmx:load', function (event) {
    showLocally(event.detail.elt && event.detail.elt.parentNode);
  });
})();
