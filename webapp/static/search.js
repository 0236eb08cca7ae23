// Search as you type: ask the server for the results list as the query changes, and keep
// the address bar in step so every state of the page can be linked to. The form still
// works without this script.
(function () {
  "use strict";
  const form = document.getElementById("search-form");
  const input = document.getElementById("q");
  const results = document.getElementById("results");
  if (!form || !input || !results) return;
  let timer = null;
  let controller = null;
  let shown = null;

  function params() {
    const p = new URLSearchParams(new FormData(form));
    for (const [k, v] of [...p]) if (!v) p.delete(k);
    return p;
  }

  async function update() {
    const p = params();
    const key = p.toString();
    if (key === shown) return;
    if (controller) controller.abort();
    controller = new AbortController();
    const url = form.action + (key ? "?" + key + "&partial=1" : "?partial=1");
    try {
      const resp = await fetch(url, { signal: controller.signal, headers: { Accept: "text/html" } });
      // 400 (a query too long, say) and 503 (a lookup out of time) carry their message.
      if (!resp.ok && resp.status !== 400 && resp.status !== 503) return;
      results.innerHTML = await resp.text();
      shown = key;
      history.replaceState(null, "", form.action + (key ? "?" + key : ""));
    } catch (err) {
      if (err.name !== "AbortError") throw err;
    }
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(update, 120);
  });
  form.addEventListener("change", update);
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    clearTimeout(timer);
    update();
  });
  // Down arrow from the search box moves to the first result.
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "ArrowDown") {
      const first = results.querySelector("a.title");
      if (first) { ev.preventDefault(); first.focus(); }
    }
  });
  shown = params().toString();
})();
