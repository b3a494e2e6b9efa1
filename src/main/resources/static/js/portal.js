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
