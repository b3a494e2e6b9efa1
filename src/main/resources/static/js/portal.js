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
