// The entry editor: a suggestion button copies its value into its field.
(function () {
  "use strict";
  document.addEventListener("click", function (ev) {
    const button = ev.target.closest("button.suggest");
    if (!button) return;
    const field = document.getElementById(button.dataset.fill);
    if (!field) return;
    field.value = button.dataset.value;
    field.dispatchEvent(new Event("input", { bubbles: true }));
    button.setAttribute("aria-pressed", "true");
    field.focus();
  });
})();
