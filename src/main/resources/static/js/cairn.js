// Cairn's own behaviour on top of htmx. Every page works without it; it only makes things quicker or safer.
(function () {
  "use strict";

  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute("content") : null;
  }

  // A page shown in answer to a form (a refusal next to its field) takes the page's own address, so that reloading
  // it, bookmarking it or going back to it asks for the page, and never sends the form again.
  var pageAddress = meta("page-address");
  if (pageAddress && window.history.replaceState) {
    window.history.replaceState(window.history.state, "", pageAddress + window.location.hash);
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

  // On a phone the filter panel starts closed, unless a filter is set, so the results are in sight.
  if (window.matchMedia("(max-width: 767px)").matches) {
    document.querySelectorAll("details[data-close-on-phone]").forEach(function (panel) {
      if (panel.getAttribute("data-active") !== "true") {
        panel.open = false;
      }
    });
  }

  // A dropdown menu, and the phone's navigation menu, closes when the user clicks elsewhere or presses Escape, as
  // menus do; Escape puts the focus back on the menu's button when it was inside the menu.
  var MENUS = "details.dropdown[open], details.site-menu[open]";
  // The navigation's button is a disclosure whose panel follows it, outside it.
  function owns(menu, element) {
    var panel = menu.classList.contains("site-menu") ? menu.nextElementSibling : null;
    return menu.contains(element) || (panel !== null && panel.contains(element));
  }
  function closeMenus(target) {
    document.querySelectorAll(MENUS).forEach(function (menu) {
      if (!target || !owns(menu, target)) {
        var hadFocus = owns(menu, document.activeElement);
        menu.removeAttribute("open");
        if (hadFocus && !target) {
          menu.querySelector("summary").focus();
        }
      }
    });
  }
  document.addEventListener("click", function (event) {
    closeMenus(event.target);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      closeMenus(null);
    }
  });

  // A link marked data-print prints the page (the content security policy allows no inline handler).
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("[data-print]");
    if (link) {
      event.preventDefault();
      window.print();
    }
  });
})();
