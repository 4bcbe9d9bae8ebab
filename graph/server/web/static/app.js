// newsgraph explorer: search an actor, draw its neighbourhood, expand nodes,
// read an edge's sources, run Gizmo and ready-made queries, see a timeline,
// export the view. Plain JavaScript over newsgraph serve's JSON API.
"use strict";

(function () {
  const $ = (sel) => document.querySelector(sel);
  const el = (tag, attrs, ...children) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "class") e.className = v;
      else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v);
    }
    for (const c of children) {
      if (c === null || c === undefined) continue;
      e.append(c instanceof Node ? c : String(c));
    }
    return e;
  };

  // api calls the JSON API and throws the server's error message.
  async function api(path, options) {
    const resp = await fetch(path, options);
    let body;
    try {
      body = await resp.json();
    } catch (e) {
      throw new Error(`${resp.status} ${resp.statusText}`);
    }
    if (!resp.ok || (body && body.error)) throw new Error(body.error || `${resp.status} ${resp.statusText}`);
    return body;
  }
  const q = (params) => new URLSearchParams(params).toString();

  const colours = {
    Person: "#d1495b", Organization: "#2e4a7d", Place: "#139a94", Thing: "#8a8a8a",
    Event: "#c98b00", CommunicateAction: "#c98b00", Quotation: "#5b8c2a", NewsArticle: "#555555",
    Statement: "#7a5195", Relation: "#7a5195", Literal: "#d9d9d9",
  };
  const style = [
    { selector: "node", style: {
      "background-color": (n) => colours[n.data("type")] || "#9aa5b1",
      label: "data(label)", "font-size": 11, "text-valign": "bottom", "text-margin-y": 3,
      "text-wrap": "ellipsis", "text-max-width": 140, width: 22, height: 22,
      "text-outline-color": "#fff", "text-outline-width": 2, color: "#1d2330",
    } },
    { selector: 'node[type = "Literal"]', style: { shape: "round-rectangle", width: 16, height: 12, "border-width": 1, "border-color": "#999" } },
    { selector: 'node[type = "NewsArticle"]', style: { shape: "rectangle" } },
    { selector: 'node[type = "CommunicateAction"], node[type = "Event"]', style: { shape: "diamond" } },
    { selector: 'node[type = "Quotation"]', style: { shape: "round-tag" } },
    { selector: "node.expanded", style: { "border-width": 3, "border-color": "#1d2330" } },
    { selector: "node:selected", style: { "border-width": 4, "border-color": "#f0a202" } },
    { selector: "edge", style: {
      width: 1.5, "line-color": "#aab4c3", "target-arrow-color": "#aab4c3", "target-arrow-shape": "triangle",
      "curve-style": "bezier", label: "data(label)", "font-size": 9, color: "#445",
      "text-rotation": "autorotate", "text-background-color": "#fff", "text-background-opacity": 0.8, "text-background-padding": 1,
    } },
    { selector: "edge:selected", style: { "line-color": "#f0a202", "target-arrow-color": "#f0a202", width: 3 } },
  ];

  // state is what the page shows.
  const state = { selected: null, pages: {} };

  const cy = cytoscape({ container: $("#graph"), style, wheelSensitivity: 0.3, minZoom: 0.1, maxZoom: 4 });
  let gcy = null; // the Gizmo results graph, made when first shown

  function setStatus(msg) { $("#status").textContent = msg; }

  // ---- tabs
  function showTab(name) {
    for (const b of document.querySelectorAll("nav button")) b.setAttribute("aria-selected", b.dataset.tab === name);
    for (const s of document.querySelectorAll(".tab")) s.hidden = s.id !== "tab-" + name;
    if (name === "explore") cy.resize();
    if (name === "timeline") loadTimeline();
    if (name === "library") loadLibrary();
    if (name === "gizmo" && gcy && !$("#gizmo-graph").hidden) gcy.resize();
  }
  for (const b of document.querySelectorAll("nav button")) b.addEventListener("click", () => showTab(b.dataset.tab));

  // ---- search with suggestions
  const input = $("#search"), list = $("#suggestions");
  let searchSeq = 0, active = -1, results = [];
  function renderSuggestions() {
    list.replaceChildren(...results.map((m, i) => el("li", {
      role: "option", "aria-selected": i === active, "data-id": m.id,
      onmousedown: (ev) => { ev.preventDefault(); choose(i); },
    }, el("span", { class: "label" }, m.label), el("span", { class: "type type-" + m.type }, m.type || "?"),
      m.matched !== m.label ? el("span", { class: "alias" }, "“" + m.matched + "”") : null,
      el("span", { class: "alias" }, m.articles + " article" + (m.articles === 1 ? "" : "s")))));
    list.hidden = results.length === 0;
  }
  async function suggest() {
    const text = input.value.trim();
    const seq = ++searchSeq;
    if (!text) { results = []; renderSuggestions(); return; }
    try {
      const ans = await api("/api/v1/search?" + q({ q: text, limit: 10 }));
      if (seq !== searchSeq) return; // a newer search is under way
      results = ans.results; active = results.length ? 0 : -1;
      renderSuggestions();
    } catch (e) { setStatus(e.message); }
  }
  let timer = null;
  input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(suggest, 120); });
  input.addEventListener("keydown", (ev) => {
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      if (!results.length) return;
      active = (active + (ev.key === "ArrowDown" ? 1 : results.length - 1)) % results.length;
      renderSuggestions(); ev.preventDefault();
    } else if (ev.key === "Enter") {
      if (active >= 0) choose(active);
    } else if (ev.key === "Escape") {
      list.hidden = true;
    }
  });
  input.addEventListener("blur", () => { list.hidden = true; });
  input.addEventListener("focus", () => { list.hidden = results.length === 0; });
  function choose(i) {
    const m = results[i];
    list.hidden = true;
    input.value = m.label;
    showTab("explore");
    select(m.id, true);
  }

  // ---- the neighbourhood graph
  function addNode(n) {
    const existing = cy.getElementById(n.id);
    if (existing.nonempty()) return existing;
    return cy.add({ group: "nodes", data: { id: n.id, label: n.label, type: n.type || "", kind: n.kind } });
  }
  function edgeID(e) { return e.subject + " " + e.predicate + " " + e.object; }
  function addEdge(e) {
    const id = edgeID(e);
    if (cy.getElementById(id).nonempty()) return;
    cy.add({ group: "edges", data: { id, source: e.subject, target: e.object, label: e.label, predicate: e.predicate, graphs: e.graphs } });
  }

  // expand adds a page of a node's neighbourhood to the graph.
  async function expand(id, offset) {
    setStatus("Loading…");
    const ans = await api("/api/v1/neighbourhood?" + q({ id, offset: offset || 0, limit: 60 }));
    cy.batch(() => {
      addNode(ans.node).addClass("expanded");
      for (const n of ans.nodes) addNode(n);
      for (const e of ans.edges) addEdge(e);
    });
    state.pages[id] = ans;
    cy.layout({ name: "cose", animate: false, randomize: false, nodeRepulsion: () => 60000, idealEdgeLength: () => 110, nodeOverlap: 20, fit: true, padding: 30 }).run();
    setStatus(`${cy.nodes().length} nodes, ${cy.edges().length} edges`);
    return ans;
  }

  // select shows a node: expands it (when asked) and describes it.
  async function select(id, doExpand) {
    try {
      const ans = doExpand || !state.pages[id] ? await expand(id) : state.pages[id];
      state.selected = ans.node;
      cy.elements().unselect();
      cy.getElementById(id).select();
      showNode(ans);
      if (!$("#tab-timeline").hidden) loadTimeline();
    } catch (e) { setStatus(e.message); }
  }

  function showNode(ans) {
    const n = ans.node, d = $("#details");
    const rows = [el("dt", {}, "type"), el("dd", {}, n.type || "—")];
    if (n.aliases && n.aliases.length) rows.push(el("dt", {}, "also"), el("dd", {}, n.aliases.join(", ")));
    for (const p of n.properties || []) rows.push(el("dt", {}, p.label), el("dd", {}, p.value));
    rows.push(el("dt", {}, "id"), el("dd", { class: "meta" }, n.id));
    const counts = el("ul", { class: "edges counts" }, ...ans.counts.map((c) =>
      el("li", { title: c.predicate }, c.direction === "out" ? "→ " : "← ", el("span", { class: "pred" }, c.label), " ", c.count)));
    const edges = el("ul", { class: "edges", id: "edge-list" }, ...ans.edges.map((e) => {
      const other = e.direction === "out" ? e.object : e.subject;
      const on = cy.getElementById(other);
      const label = on.nonempty() ? on.data("label") : other;
      return el("li", { "data-edge": edgeID(e), onclick: () => showEdge(e) },
        e.direction === "out" ? "→ " : "← ", el("span", { class: "pred" }, e.label), " ", label);
    }));
    const more = ans.offset + ans.edges.length < ans.total
      ? el("button", { onclick: () => expand(n.id, ans.offset + ans.edges.length).then((a) => showNode(a)) },
        `Load ${Math.min(60, ans.total - ans.offset - ans.edges.length)} more of ${ans.total}`)
      : null;
    d.replaceChildren(
      el("h2", {}, n.label, " ", el("span", { class: "type type-" + n.type }, n.type || "?")),
      el("dl", {}, ...rows),
      el("h3", {}, "Edges by predicate"), counts,
      el("h3", {}, `Edges (${ans.offset + 1}–${ans.offset + ans.edges.length} of ${ans.total}); click one to read its sources`), edges, more,
      ans.truncated ? el("p", { class: "meta" }, "This node has more quads than one request reads; counts are lower bounds.") : null);
  }

  // showEdge reads where a fact comes from.
  async function showEdge(e) {
    const d = $("#details");
    d.replaceChildren(el("p", { class: "hint" }, "Loading sources…"));
    cy.elements().unselect();
    cy.getElementById(edgeID(e)).select();
    try {
      const ans = await api("/api/v1/provenance?" + q({ subject: e.subject, predicate: e.predicate, object: e.object }));
      const name = (id) => { const n = cy.getElementById(id); return n.nonempty() ? n.data("label") : id; };
      d.replaceChildren(
        el("h2", { class: "edge-title" }, name(e.subject), " ", el("span", { class: "pred" }, e.label), " ", name(e.object)),
        el("h3", {}, "Sources"),
        ...(ans.sources.length ? ans.sources.map(sourceBox) : [el("p", { class: "hint" }, "No sentence recorded for this edge.")]),
        el("h3", {}, "Articles"),
        el("ul", { class: "articles" }, ...ans.articles.map((a) => el("li", {}, articleText(a)))));
    } catch (err) {
      d.replaceChildren(el("div", { class: "error" }, err.message));
    }
  }

  function articleText(a) {
    return el("span", { class: "article" }, el("strong", {}, a.headline || a.id),
      a.published ? " · " + a.published : "", a.publisher ? " · " + a.publisher : "",
      a.url ? el("span", {}, " · ", el("span", { class: "meta" }, a.url)) : "",
      a.source ? el("span", { class: "meta" }, " · " + a.source) : "");
  }

  function sourceBox(s) {
    const sentence = el("p", { class: "sentence" });
    const at = s.wording ? s.sentence.indexOf(s.wording) : -1;
    if (at >= 0) sentence.append(s.sentence.slice(0, at), el("mark", {}, s.wording), s.sentence.slice(at + s.wording.length));
    else sentence.append(s.sentence || "(no sentence)");
    const meta = [s.kind];
    if (s.confidence !== undefined) meta.push("confidence " + s.confidence);
    if (s.start !== undefined) meta.push(`characters ${s.start}–${s.end}`);
    if (s.date) meta.push("dated " + s.date);
    if (s.modality) meta.push("modality " + s.modality);
    return el("div", { class: "source" }, sentence,
      s.negated ? el("p", { class: "negated" }, "negated") : null,
      el("p", { class: "meta" }, meta.join(" · ")),
      s.article ? el("p", { class: "meta" }, "from ", articleText(s.article)) : null);
  }

  cy.on("tap", "node", (ev) => select(ev.target.id(), !ev.target.hasClass("expanded")));
  cy.on("tap", "edge", (ev) => {
    const d = ev.target.data();
    showEdge({ subject: d.source, predicate: d.predicate, object: d.target, label: d.label });
  });

  $("#relayout").addEventListener("click", () => cy.layout({ name: "cose", animate: false, fit: true, padding: 30 }).run());
  $("#clear").addEventListener("click", () => { cy.elements().remove(); state.pages = {}; setStatus(""); });

  // ---- export
  function download(name, blob) {
    const a = el("a", { href: URL.createObjectURL(blob), download: name });
    document.body.append(a);
    a.click();
    setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }
  // nquads writes the facts in view, one line per article graph holding each.
  function nquads() {
    const lines = [];
    cy.edges().forEach((e) => {
      const d = e.data();
      const graphs = d.graphs && d.graphs.length ? d.graphs : [""];
      for (const g of graphs) lines.push(`${d.source} ${d.predicate} ${d.target}${g ? " " + g : ""} .`);
    });
    return lines.sort().join("\n") + (lines.length ? "\n" : "");
  }
  $("#export-nq").addEventListener("click", () => download("newsgraph-view.nq", new Blob([nquads()], { type: "application/n-quads" })));
  $("#export-png").addEventListener("click", () => download("newsgraph-view.png", cy.png({ output: "blob", full: true, scale: 2, bg: "#ffffff" })));

  // ---- timeline
  async function loadTimeline() {
    const ol = $("#timeline");
    if (!state.selected) { ol.replaceChildren(el("li", { class: "hint" }, "Select an actor first.")); return; }
    $("#timeline-title").textContent = "Timeline of " + state.selected.label;
    try {
      const ans = await api("/api/v1/timeline?" + q({ id: state.selected.id }));
      const items = ans.items.map((it) => el("li", { class: it.dateOf === "article" ? "article-date" : "" },
        el("span", { class: "date" }, it.date), el("span", { class: "type type-" + (it.kind === "event" ? "Event" : "Thing") }, it.kind),
        " ", el("strong", {}, it.label), " ",
        it.others.length ? (it.role === "object" ? "by " : "with ") + it.others.map((o) => o.label).join(", ") : "",
        it.sentence ? el("p", { class: "sentence" }, it.sentence) : null,
        it.article ? el("p", { class: "meta" }, (it.dateOf === "article" ? "article date · " : ""), articleText(it.article)) : null));
      if (!items.length) items.push(el("li", { class: "hint" }, "No dated events or facts."));
      if (ans.undated) items.push(el("li", { class: "hint" }, `${ans.undated} more without a date.`));
      ol.replaceChildren(...items);
    } catch (e) { ol.replaceChildren(el("li", { class: "error" }, e.message)); }
  }

  // ---- Gizmo editor and results
  let lastResult = [];
  async function runGizmo(src, title, path, body) {
    showTab("gizmo");
    const status = $("#gizmo-status"), errBox = $("#gizmo-error");
    status.textContent = "Running…"; errBox.hidden = true;
    try {
      const limit = $("#gizmo-limit").value || 100;
      const ans = path
        ? await api(path + "?" + q({ limit }), { method: "POST", body: JSON.stringify(body), headers: { "Content-Type": "application/json" } })
        : await api("/api/v1/query/gizmo?" + q({ limit }), { method: "POST", body: src });
      lastResult = ans.result || [];
      status.textContent = `${title ? title + ": " : ""}${lastResult.length} result${lastResult.length === 1 ? "" : "s"}`;
      renderTable(lastResult);
      if (!$("#gizmo-graph").hidden) renderResultGraph(lastResult);
    } catch (e) {
      status.textContent = "";
      errBox.textContent = e.message; errBox.hidden = false;
      lastResult = []; renderTable([]);
    }
  }
  const isIRI = (v) => typeof v === "string" && /^<[^>]*>$/.test(v);
  const short = (v) => isIRI(v) ? decodeURIComponent(v.slice(1, -1).replace(/^.*[/#]/, "")) : v;
  function cell(v) {
    if (isIRI(v)) return el("a", { title: v, onclick: () => { showTab("explore"); select(v, true); } }, short(v));
    if (v === null || v === undefined) return "";
    if (typeof v === "object") return JSON.stringify(v);
    return String(v);
  }
  function renderTable(rows) {
    const cols = [];
    for (const r of rows) {
      if (r === null || typeof r !== "object") { if (!cols.includes("value")) cols.push("value"); continue; }
      for (const k of Object.keys(r)) if (!cols.includes(k)) cols.push(k);
    }
    const table = $("#gizmo-table");
    table.replaceChildren(
      el("thead", {}, el("tr", {}, ...cols.map((c) => el("th", {}, c)))),
      el("tbody", {}, ...rows.map((r) => el("tr", {}, ...cols.map((c) =>
        el("td", {}, cell(r !== null && typeof r === "object" ? r[c] : (c === "value" ? r : undefined))))))));
  }
  // renderResultGraph draws results: a row with "source" and "target" IRIs
  // (or a "subject" IRI and any "object") as one edge, named by its "label" (or
  // "relation"); any other row's "id" (or first IRI) linked to its other
  // IRIs, each edge named by its tag.
  function renderResultGraph(rows) {
    if (!gcy) gcy = cytoscape({ container: $("#gizmo-graph"), style, wheelSensitivity: 0.3, maxZoom: 1.5 });
    gcy.elements().remove();
    const node = (id) => { if (gcy.getElementById(id).empty()) gcy.add({ data: { id, label: short(id) } }); };
    const edge = (s, t, label) => { const id = s + " " + label + " " + t; if (gcy.getElementById(id).empty()) gcy.add({ data: { id, source: s, target: t, label } }); };
    for (const r of rows) {
      if (!r || typeof r !== "object") continue;
      if (isIRI(r.source) && isIRI(r.target)) { node(r.source); node(r.target); edge(r.source, r.target, r.label || ""); continue; }
      if (isIRI(r.subject) && r.object !== undefined && r.object !== null) {
        const o = String(r.object);
        node(r.subject); node(o);
        edge(r.subject, o, isIRI(r.relation) ? short(r.relation) : (r.relation || r.predicate || ""));
        continue;
      }
      const keys = Object.keys(r).filter((k) => isIRI(r[k]));
      if (!keys.length) continue;
      const hub = keys.includes("id") ? "id" : keys[0];
      node(r[hub]);
      for (const k of keys) if (k !== hub && r[k] !== r[hub]) { node(r[k]); edge(r[hub], r[k], k); }
    }
    gcy.resize();
    gcy.layout({ name: "cose", animate: false, fit: true, padding: 30 }).run();
  }
  function viewAs(graph) {
    $("#gizmo-as-table").setAttribute("aria-pressed", !graph);
    $("#gizmo-as-graph").setAttribute("aria-pressed", graph);
    $("#gizmo-table-wrap").hidden = graph;
    $("#gizmo-graph").hidden = !graph;
    if (graph) renderResultGraph(lastResult);
  }
  $("#gizmo-as-table").addEventListener("click", () => viewAs(false));
  $("#gizmo-as-graph").addEventListener("click", () => viewAs(true));
  $("#gizmo-run").addEventListener("click", () => runGizmo($("#gizmo-src").value));
  $("#gizmo-src").addEventListener("keydown", (ev) => {
    if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); runGizmo($("#gizmo-src").value); }
  });

  // ---- the query library
  let library = null;
  async function loadLibrary() {
    if (library) {
      // Offer the selected actor to the queries that take a name.
      for (const i of document.querySelectorAll('#library input[data-arg="name"]')) if (!i.value && state.selected) i.value = state.selected.label;
      return;
    }
    const ul = $("#library");
    try {
      library = (await api("/api/v1/queries")).queries;
    } catch (e) { ul.replaceChildren(el("li", { class: "error" }, e.message)); return; }
    ul.replaceChildren(...library.map((lq) => {
      const inputs = lq.args.map((a) => el("label", {}, a, el("input", {
        "data-arg": a, value: a === "name" && state.selected ? state.selected.label : "", placeholder: a,
      })));
      const args = (li) => {
        const out = {};
        for (const i of li.querySelectorAll("input[data-arg]")) if (i.value.trim()) out[i.dataset.arg] = i.value.trim();
        return out;
      };
      const li = el("li", { "data-query": lq.name },
        el("div", { class: "question" }, lq.question), el("div", { class: "name" }, lq.name),
        el("div", { class: "toolbar" }, ...inputs,
          el("button", { class: "run", onclick: () => runGizmo(null, lq.name, "/api/v1/queries/" + encodeURIComponent(lq.name), { args: args(li) }) }, "Run"),
          el("button", { class: "edit", onclick: () => {
            $("#gizmo-src").value = "var args = " + JSON.stringify(args(li)) + ";\n" + lq.source;
            showTab("gizmo");
          } }, "Open in editor")));
      return li;
    }));
  }

  // For tests and the console: the page's state and graph.
  window.explorer = { cy, state, select, showEdge, nquads, runGizmo, get lastResult() { return lastResult; }, get resultGraph() { return gcy; } };
})();
