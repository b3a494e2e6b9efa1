// The report portal reads local date-times in the reporter's own time zone: tell the server which one that is.
document.addEventListener("DOMContentLoaded", () => {
  let zone = "";
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
  } catch (unsupported) {
    zone = "";
  }
  document.querySelectorAll("input[data-time-zone]").forEach((input) => {
    input.value = zone;
  });
});

// A file over the limit is refused before it is sent, next to its field, so the other answers stay as they are.
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("form[data-file-form]").forEach((form) => {
    const inputs = Array.from(form.querySelectorAll("input[type=file][data-max-size]"));
    const check = (input) => {
      const tooLarge = Array.from(input.files || []).some((file) => file.size > Number(input.dataset.maxSize));
      let message = document.getElementById(input.id + "-error");
      if (tooLarge) {
        if (!message) {
          message = document.createElement("small");
          message.id = input.id + "-error";
          message.className = "field-error";
          input.parentElement.appendChild(message);
        }
        message.textContent = form.dataset.tooLarge;
        input.setAttribute("aria-invalid", "true");
      } else if (message && message.dataset.client === "true") {
        message.remove();
        input.removeAttribute("aria-invalid");
      }
      if (message && tooLarge) {
        message.dataset.client = "true";
      }
      return tooLarge;
    };
    inputs.forEach((input) => input.addEventListener("change", () => check(input)));
    form.addEventListener("submit", (event) => {
      const refused = inputs.filter((input) => check(input));
      if (refused.length > 0) {
        event.preventDefault();
        refused[0].focus();
      }
    });
  });
});

// The list's filters change the address without reloading the page (htmx): forms that return to the list, such as
// bulk changes and saving a view, take the address's current query when they are sent.
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-keeps-query")) {
    return;
  }
  const query = window.location.search.replace(/^\?/, "");
  form.querySelectorAll("input[name=back], input[name=query]").forEach((input) => {
    input.value = query;
  });
});
