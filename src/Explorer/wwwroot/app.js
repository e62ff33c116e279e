// The Stateright Explorer page: plain JavaScript, no dependencies. The address holds the index path of the
// current state (#/0/1/2, a lasso's cycle as #/0/1/2?cycle=1); every state is fetched from /api/v1/states/….
(function () {
  "use strict";
  const $ = (id) => document.getElementById(id);
  const el = (tag, attrs, ...children) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === "class") e.className = v; else if (k === "text") e.textContent = v; else e.setAttribute(k, v === true ? "" : v);
    }
    for (const c of children) if (c !== null && c !== undefined) e.append(c);
    return e;
  };
  let current = null;      // the last state response shown
  let forwardTrail = null; // the deeper path Back left, for Forward
  let statusTimer = null;

  // ---- the address ----
  function parseHash() {
    const raw = decodeURIComponent(location.hash.replace(/^#\/?/, ""));
    const [pathPart, query] = raw.split("?");
    const indices = pathPart.split("/").filter((s) => s.length > 0);
    const cycle = new URLSearchParams(query || "").get("cycle");
    return { indices, cycle: cycle === null ? null : cycle };
  }
  const hashOf = (indexPath, cycle) => "#/" + indexPath + (cycle !== null && cycle !== undefined ? "?cycle=" + cycle : "");
  const go = (indexPath, cycle) => { location.hash = hashOf(indexPath, cycle); };

  async function getJson(url) {
    const response = await fetch(url, { cache: "no-store" });
    let body = null;
    try { body = await response.json(); } catch (_) { /* not JSON */ }
    if (!response.ok) throw new Error((body && body.error) || (response.status + " " + response.statusText));
    return body;
  }

  // ---- status, polled while the checker runs ----
  async function refreshStatus() {
    clearTimeout(statusTimer);
    try {
      const s = await getJson("api/v1/status");
      renderStatus(s);
      if (!s.done) statusTimer = setTimeout(refreshStatus, 1000);
    } catch (e) {
      showError("The status could not be read: " + e.message);
      statusTimer = setTimeout(refreshStatus, 3000);
    }
  }

  function renderStatus(s) {
    $("model-name").textContent = "— " + s.model;
    document.title = "Stateright Explorer — " + s.model;
    const dl = $("status");
    dl.replaceChildren();
    const add = (k, v) => dl.append(el("dt", { text: k }), el("dd", { text: String(v) }));
    add("Model", s.model);
    add("Engine", s.engine + " (" + s.threads + (s.threads === 1 ? " thread)" : " threads)"));
    add("Checking", s.done ? "done: " + s.status : "running…");
    add("States", s.stateCount.toLocaleString() + " generated, " + s.uniqueStateCount.toLocaleString() + " unique");
    add("Depth", s.maxDepth);
    add("Elapsed", s.elapsedSeconds.toFixed(1) + " s");
    if (s.error) add("Error", s.error);
    const body = $("properties").tBodies[0];
    body.replaceChildren();
    for (const p of s.properties) {
      let link = el("span", { class: "note", text: "—" });
      if (p.discovery) {
        const d = p.discovery;
        const text = d.classification + " (" + d.length + " steps" + (d.cycleStart !== null ? ", lasso" : "") + ")";
        link = el("a", { href: hashOf(d.indexPath, d.cycleStart), "data-property": p.name, text });
      }
      body.append(el("tr", {},
        el("td", { text: p.name }), el("td", { text: p.expectation }),
        el("td", { class: "verdict-" + p.verdict, text: p.verdict + ": " + p.summary }), el("td", {}, link)));
    }
  }

  // ---- a state ----
  async function load() {
    const { indices, cycle } = parseHash();
    const indexPath = indices.join("/");
    try {
      const url = "api/v1/states" + (indexPath ? "/" + indexPath : "") + (cycle !== null ? "?cycle=" + encodeURIComponent(cycle) : "");
      const state = await getJson(url);
      hideError();
      render(state);
    } catch (e) {
      showError(e.message + (indexPath ? "\nGo back, or start again from the initial states." : ""));
    }
  }

  function render(r) {
    current = r;
    if (forwardTrail && !(forwardTrail + "/").startsWith(r.indexPath + "/")) forwardTrail = null;
    if (forwardTrail === r.indexPath) forwardTrail = null;
    renderPath(r);
    renderState(r);
    renderNext(r);
    renderDiagram(r);
    $("back").disabled = r.path.length === 0;
    $("forward").disabled = !forwardTarget();
  }

  function renderPath(r) {
    const ol = $("path");
    ol.replaceChildren();
    if (r.path.length === 0) ol.append(el("li", { class: "note", text: "No state chosen yet: pick an initial state." }));
    r.path.forEach((step, i) => {
      const label = i === 0 ? "initial state " + step.index : step.action;
      const li = el("li", { class: (i === r.path.length - 1 ? "current " : "") + (step.inCycle ? "cycle" : "") },
        el("a", { href: hashOf(step.indexPath, r.cycleStart !== null && i > r.cycleStart ? r.cycleStart : null), text: label }));
      ol.append(li);
    });
    const note = $("cycle-note");
    note.hidden = r.cycleStart === null;
    if (r.cycleStart !== null)
      note.textContent = "A lasso: the marked steps " + (r.cycleStart + 1) + "–" + (r.path.length - 1) +
        " repeat forever (the last state is the state after step " + r.cycleStart + " again).";
  }

  function renderState(r) {
    const pre = $("state");
    pre.replaceChildren();
    const meta = $("state-meta");
    if (!r.state) {
      meta.textContent = "The model has " + r.nextTotal + " initial state" + (r.nextTotal === 1 ? "" : "s") + ".";
      $("step-outputs").hidden = true;
      $("state-properties").replaceChildren();
      return;
    }
    const s = r.state;
    meta.textContent = "Index path " + r.indexPath + (s.withinBoundary ? "" : " — outside the model's boundary") +
      (s.previousText !== null ? " — changes since the previous state are highlighted" : "");
    for (const line of lineDiff(s.previousText, s.text)) pre.append(el("span", { class: line.kind, text: line.text + "\n" }));
    // FormatTransition (outputs, state change, network delta) when the model has it, else FormatStep.
    const outputs = s.transition || s.step;
    $("step-outputs").hidden = !outputs;
    $("step-text").textContent = outputs || "";
    const ul = $("state-properties");
    ul.replaceChildren();
    for (const p of s.properties) {
      const value = p.error ? "threw " + p.error : p.holds ? "condition holds" : "condition does not hold";
      // Only an Always condition that does not hold is a violation here; the others are met or not yet.
      const cls = p.error || (p.expectation === "Always" && !p.holds) ? "fails" : p.holds ? "holds" : "";
      ul.append(el("li", { class: cls, "data-property": p.name }, p.name + " (" + p.expectation + "): " + value));
    }
  }

  // A line diff (longest common subsequence) of the previous state's text and this one's.
  function lineDiff(before, after) {
    const b = after.split("\n");
    if (before === null || before === undefined) return b.map((text) => ({ kind: "line", text }));
    const a = before.split("\n");
    if (a.length * b.length > 4000000) return b.map((text) => ({ kind: "line", text }));
    const n = a.length, m = b.length;
    const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--)
      for (let j = m - 1; j >= 0; j--)
        lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    const out = [];
    let i = 0, j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[i] === b[j]) { out.push({ kind: "line", text: b[j] }); i++; j++; }
      else if (i < n && (j >= m || lcs[i + 1][j] >= lcs[i][j + 1])) { out.push({ kind: "removed", text: a[i] }); i++; }
      else { out.push({ kind: "added", text: b[j] }); j++; }
    }
    return out;
  }

  function renderNext(r) {
    const ol = $("next");
    ol.replaceChildren();
    if (r.next.length === 0) ol.append(el("li", { class: "note", text: "No action is enabled: a terminal state." }));
    r.next.forEach((n, i) => {
      const key = i < 9 ? "[" + (i + 1) + "]" : i === 9 ? "[0]" : "";
      const label = n.action === null ? "initial state " + n.index : n.action;
      const target = n.changesState ? el("a", { href: hashOf(n.indexPath, null), "data-index": n.index, text: label }) : el("span", { text: label });
      const li = el("li", {}, el("span", { class: "key", text: key }), target);
      if (!n.changesState) li.append(el("span", { class: "nochange", text: " — changes nothing" }));
      if (n.changesState && !n.withinBoundary) li.append(el("span", { class: "outside", text: " — outside the boundary (the checker does not explore it)" }));
      const detail = n.transition || n.step;
      if (n.state !== null || detail) {
        const d = el("details", {}, el("summary", { text: n.state !== null ? "the state it leads to" : "what it does" }));
        if (detail) d.append(el("pre", { class: "state", text: detail }));
        if (n.state !== null) d.append(el("pre", { class: "state", text: n.state }));
        li.append(d);
      }
      ol.append(li);
    });
    const more = $("next-more");
    more.hidden = r.nextTotal <= r.next.length;
    more.textContent = (r.nextTotal - r.next.length) + " more not shown.";
  }

  // ---- the sequence diagram: the model's Mermaid text, drawn here as SVG (no Mermaid library) ----
  function renderDiagram(r) {
    const panel = $("diagram-panel");
    panel.hidden = !r.sequenceDiagram;
    if (!r.sequenceDiagram) return;
    $("diagram-text").textContent = r.sequenceDiagram;
    $("diagram").replaceChildren(drawSequence(r.sequenceDiagram));
  }

  function drawSequence(text) {
    const unescape = (s) => s.replace(/#(\d+);/g, (_, code) => String.fromCharCode(Number(code)));
    const participants = [], rows = [];
    for (const raw of text.split("\n")) {
      const line = raw.trim();
      let m;
      if ((m = /^participant (\S+) as (.*)$/.exec(line))) participants.push({ id: m[1], label: unescape(m[2]) });
      else if ((m = /^(\S+?)(->>|--x)(\S+?): (.*)$/.exec(line))) rows.push({ kind: "arrow", from: m[1], to: m[3], lost: m[2] === "--x", text: unescape(m[4]) });
      else if ((m = /^Note over (\S+): (.*)$/.exec(line))) rows.push({ kind: "note", at: m[1], text: unescape(m[2]) });
      else if ((m = /^loop (.*)$/.exec(line))) rows.push({ kind: "loop", text: unescape(m[1]) });
    }
    const col = 220, rowH = 30, top = 40;
    const x = (id) => { const i = participants.findIndex((p) => p.id === id); return 20 + (i < 0 ? 0 : i) * col + col / 2; };
    const width = 40 + Math.max(1, participants.length) * col, height = top + rows.length * rowH + 30;
    const NS = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(NS, "svg");
    svg.setAttribute("width", width); svg.setAttribute("height", height); svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", "Sequence diagram of the path");
    const add = (tag, attrs, content) => {
      const e = document.createElementNS(NS, tag);
      for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
      if (content !== undefined) e.textContent = content;
      svg.append(e);
      return e;
    };
    const defs = add("defs", {});
    const marker = document.createElementNS(NS, "marker");
    for (const [k, v] of Object.entries({ id: "arrow", markerWidth: 8, markerHeight: 8, refX: 7, refY: 4, orient: "auto" })) marker.setAttribute(k, v);
    const head = document.createElementNS(NS, "path");
    head.setAttribute("d", "M0,0 L8,4 L0,8 z"); head.setAttribute("fill", "#1d2330");
    marker.append(head); defs.append(marker);
    const clip = (s, n) => (s.length > n ? s.slice(0, n - 1) + "…" : s);
    for (const p of participants) {
      add("rect", { x: x(p.id) - col / 2 + 8, y: 6, width: col - 16, height: 22, rx: 4, fill: "#e8eef9", stroke: "#1f5fbf" });
      add("text", { x: x(p.id), y: 21, "text-anchor": "middle" }, clip(p.label, Math.floor((col - 24) / 7.5)));
      add("line", { x1: x(p.id), y1: 28, x2: x(p.id), y2: height - 6, stroke: "#b8c0cc", "stroke-dasharray": "4 3" });
    }
    rows.forEach((row, i) => {
      const y = top + i * rowH + 14;
      if (row.kind === "arrow") {
        const x1 = x(row.from), x2 = x(row.to);
        const self = x1 === x2;
        add("line", { x1, y1: y, x2: self ? x1 + 30 : x2 + (x2 > x1 ? -2 : 2), y2: self ? y + 8 : y, stroke: row.lost ? "#b3261e" : "#1d2330",
          "stroke-dasharray": row.lost ? "5 3" : "none", "marker-end": row.lost ? "" : "url(#arrow)" });
        add("text", { x: (x1 + x2) / 2 + (self ? 40 : 0), y: y - 4, "text-anchor": "middle", fill: row.lost ? "#b3261e" : "#1d2330" }, clip(row.text, Math.max(12, Math.floor((Math.abs(x2 - x1) || col) / 7.5) - 2)));
      } else if (row.kind === "note") {
        add("rect", { x: x(row.at) - col / 2 + 14, y: y - 12, width: col - 28, height: 20, fill: "#fff7d6", stroke: "#c9a400" });
        const t = add("text", { x: x(row.at), y: y + 2, "text-anchor": "middle" }, clip(row.text, Math.floor((col - 36) / 7.5)));
        const title = document.createElementNS(NS, "title");
        title.textContent = row.text;
        t.append(title);
      } else if (row.kind === "loop") {
        add("text", { x: 8, y: y + 2, fill: "#8a5a00" }, "⟳ " + row.text);
      }
    });
    return svg;
  }

  // ---- errors ----
  function showError(message) { const e = $("error"); e.textContent = message; e.hidden = false; }
  function hideError() { $("error").hidden = true; }

  // ---- navigation: back / forward / keys ----
  function back() {
    if (!current || current.path.length === 0) return;
    forwardTrail = forwardTrail && (forwardTrail + "/").startsWith(current.indexPath + "/") ? forwardTrail : current.indexPath;
    const parent = current.path.length >= 2 ? current.path[current.path.length - 2].indexPath : "";
    go(parent, current.cycleStart !== null && current.path.length - 2 > current.cycleStart ? current.cycleStart : null);
  }
  function forwardTarget() {
    if (!current) return null;
    if (forwardTrail && (forwardTrail + "/").startsWith(current.indexPath + "/") && forwardTrail !== current.indexPath) {
      const depth = current.path.length + 1;
      return forwardTrail.split("/").slice(0, depth).join("/");
    }
    const first = current.next.find((n) => n.changesState);
    return first ? first.indexPath : null;
  }
  function forward() { const t = forwardTarget(); if (t !== null) go(t, null); }
  function take(i) { if (current && i < current.next.length && current.next[i].changesState) go(current.next[i].indexPath, null); }

  document.addEventListener("keydown", (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey || /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName)) return;
    if (e.key === "ArrowLeft") { back(); e.preventDefault(); }
    else if (e.key === "ArrowRight") { forward(); e.preventDefault(); }
    else if (/^[0-9]$/.test(e.key)) { take(e.key === "0" ? 9 : Number(e.key) - 1); e.preventDefault(); }
  });
  $("back").addEventListener("click", back);
  $("forward").addEventListener("click", forward);
  window.addEventListener("hashchange", load);
  refreshStatus();
  load();
})();
