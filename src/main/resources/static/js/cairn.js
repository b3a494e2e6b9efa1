// Cairn's own behaviour on top of htmx. Every page works without it; it only makes things quicker or safer.
(function () {
  "use strict";

  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute("content") : null;
  }

  // htmx requests that change something carry the CSRF token, as forms do in a hidden field.
  document.addEventListener("htmx:configRequest", function (event) {
    var token = meta("csrf-token");
    var header = meta("csrf-header") || "X-CSRF-TOKEN";
    if (token && event.detail.verb !== "get") {
      event.detail.headers[header] = token;
    }
    // Empty filters only clutter the address that htmx pushes into the history.
    if (event.detail.verb === "get" && event.detail.parameters) {
      Object.keys(event.detail.parameters).forEach(function (name) {
        var value = event.detail.parameters[name];
        if (value === "" || (Array.isArray(value) && value.length === 0)) {
          delete event.detail.parameters[name];
        }
      });
    }
  });

  // A session that ended sends htmx to the sign-in page: show that page whole, not inside a table.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var xhr = event.detail.xhr;
    if (xhr && xhr.responseURL && new URL(xhr.responseURL).pathname.endsWith("/login")) {
      event.detail.shouldSwap = false;
      window.location.assign(xhr.responseURL);
    }
  });

  // Forms that do something hard to undo ask first: <form data-confirm="Really?">.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form && form.getAttribute && form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);

  // Copy buttons for secrets shown once: <button data-copy="#element-with-the-secret">.
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-copy]");
    if (!button) {
      return;
    }
    var source = document.querySelector(button.getAttribute("data-copy"));
    if (!source || !navigator.clipboard) {
      return;
    }
    navigator.clipboard.writeText(source.textContent.trim()).then(function () {
      var label = button.textContent;
      button.textContent = button.getAttribute("data-copied") || label;
      window.setTimeout(function () { button.textContent = label; }, 2000);
    });
  });

  // A dropdown menu closes when the user clicks elsewhere or presses Escape, as menus do.
  function closeDropdowns(except) {
    document.querySelectorAll("details.dropdown[open]").forEach(function (dropdown) {
      if (dropdown !== except) {
        dropdown.removeAttribute("open");
      }
    });
  }
  document.addEventListener("click", function (event) {
    closeDropdowns(event.target.closest ? event.target.closest("details.dropdown") : null);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      closeDropdowns(null);
    }
  });
})();
