// The curation queue from the keyboard: j/k move, a/r accept/reject, e/m/s edit, merge,
// split, x ticks, A/R act on the ticked ones, u undoes, ? shows the keys. Accepting and
// rejecting happen in place (the next candidate takes the focus); without this script
// the same buttons post the form and the page comes back.
(function () {
  "use strict";
  // Choosing a kind shows its candidates (the page allows no inline handlers).
  const kindFilter = document.getElementById("kind-filter");
  if (kindFilter) kindFilter.addEventListener("change", () => kindFilter.form.submit());
  const form = document.getElementById("queue-form");
  const status = document.getElementById("curate-status");
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  const items = () => Array.from(document.querySelectorAll("li.candidate"));
  let current = null;

  function focusItem(li) {
    if (!li) return;
    if (current) current.classList.remove("current");
    current = li;
    li.classList.add("current");
    li.focus();
    li.scrollIntoView({ block: "nearest" });
  }

  function move(step) {
    const list = items();
    if (!list.length) return;
    const i = current ? list.indexOf(current) : -1;
    focusItem(list[Math.max(0, Math.min(list.length - 1, i + step))] || list[0]);
  }

  function say(message, change) {
    // Older messages (and their Undo buttons) are about earlier changes: drop them.
    document.querySelectorAll(".flashes").forEach(function (el) { el.remove(); });
    status.hidden = false;
    status.textContent = message + " ";
    if (change) {
      const undo = document.createElement("form");
      undo.method = "post";
      undo.action = "/changes/" + change + "/undo";
      undo.className = "inline";
      undo.innerHTML = '<input type="hidden" name="csrf_token"><input type="hidden" name="next">' +
        '<button type="submit" class="small secondary" data-shortcut="u">Undo</button>';
      undo.elements.csrf_token.value = csrf;
      undo.elements.next.value = location.pathname + location.search;
      status.appendChild(undo);
    }
  }

  async function decide(li, action) {
    const button = li.querySelector('button[data-action="' + action + '"]');
    const data = new FormData();
    data.append("csrf_token", csrf);
    const version = li.querySelector('input[name^="version-"]');
    data.append(version.name, version.value);
    const resp = await fetch(button.formAction, {
      method: "POST", body: data, headers: { Accept: "application/json" },
    });
    const body = await resp.json();
    if (!resp.ok) { say(body.error ? body.error.message : "That did not work."); return; }
    const list = items();
    const next = list[list.indexOf(li) + 1] || list[list.indexOf(li) - 1];
    li.remove();
    say(body.message, body.change);
    if (next) focusItem(next); else location.reload();
  }

  if (form) {
    form.addEventListener("click", function (ev) {
      const button = ev.target.closest("button[data-action]");
      if (!button) return;
      ev.preventDefault();
      decide(button.closest("li.candidate"), button.dataset.action);
    });
    form.addEventListener("focusin", function (ev) {
      const li = ev.target.closest("li.candidate");
      if (li && li !== current) { if (current) current.classList.remove("current"); current = li; li.classList.add("current"); }
    });
    const all = document.getElementById("select-all");
    if (all) all.addEventListener("change", function () {
      form.querySelectorAll('input[name="ids"]').forEach(function (box) { box.checked = all.checked; });
    });
  }

  function bulk(action) {
    const button = form && form.querySelector('.bulkbar button[value="' + action + '"]');
    if (button) button.click();
  }

  document.addEventListener("keydown", function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    const t = ev.target;
    if (t.matches && t.matches("input:not([type=checkbox]), textarea, select")) return;
    const li = current;
    const go = function (action) {
      const link = li && li.querySelector('a[data-action="' + action + '"]');
      if (link) location.href = link.href;
    };
    switch (ev.key) {
      case "j": move(1); break;
      case "k": move(-1); break;
      case "a": if (li) decide(li, "approve"); break;
      case "r": if (li) decide(li, "reject"); break;
      case "e": go("edit"); break;
      case "m": go("merge"); break;
      case "s": go("split"); break;
      case "x": if (li) { const box = li.querySelector('input[name="ids"]'); box.checked = !box.checked; } break;
      case "A": bulk("approve"); break;
      case "R": bulk("reject"); break;
      case "u": {
        const undos = document.querySelectorAll('[data-shortcut="u"]');
        if (undos.length) undos[undos.length - 1].click();
        break;
      }
      case "?": { const help = document.getElementById("shortcuts"); help.open = !help.open; break; }
      default: return;
    }
    ev.preventDefault();
  });
  if (items().length) focusItem(items()[0]);
})();
