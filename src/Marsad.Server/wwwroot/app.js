// Shared helpers of the Marsad web UI. Every piece of archive text reaches the page through
// textContent / createTextNode (el() below), never innerHTML: article text is attacker-controlled.
"use strict";

const Marsad = (() => {
  const SVG_NS = "http://www.w3.org/2000/svg";

  function append(parent, children) {
    for (const c of children) {
      if (c === null || c === undefined || c === false) continue;
      if (Array.isArray(c)) append(parent, c);
      else if (c instanceof Node) parent.appendChild(c);
      else parent.appendChild(document.createTextNode(String(c)));
    }
  }

  /** An HTML element: el("a", {href: "/x", class: "y"}, "text", child…). Attributes are set as attributes, never as HTML. */
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    setAttrs(e, attrs);
    append(e, children);
    return e;
  }

  /** An SVG element, the same way. */
  function svg(tag, attrs, ...children) {
    const e = document.createElementNS(SVG_NS, tag);
    setAttrs(e, attrs);
    append(e, children);
    return e;
  }

  function setAttrs(e, attrs) {
    if (!attrs) return;
    for (const [k, v] of Object.entries(attrs)) {
      if (v === null || v === undefined || v === false) continue;
      if (k.startsWith("on")) throw new Error("event handlers are attached with addEventListener");
      if (k === "href" && !safeHref(String(v))) continue;
      e.setAttribute(k, String(v));
    }
  }

  /** Only same-site links and http(s) URLs become hrefs (no javascript: from archive data). */
  function safeHref(h) {
    if (h.startsWith("/") || h.startsWith("?") || h.startsWith("#")) return true;
    try {
      const u = new URL(h);
      return u.protocol === "http:" || u.protocol === "https:";
    } catch {
      return false;
    }
  }

  async function api(path, params) {
    const url = new URL(path, location.origin);
    if (params) {
      for (const [k, v] of Object.entries(params)) {
        if (v !== null && v !== undefined && v !== "") url.searchParams.set(k, v);
      }
    }
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    if (!response.ok) {
      let message = response.status + " " + response.statusText;
      try {
        const problem = await response.json();
        message = problem.title || message;
        if (problem.detail) message += " " + problem.detail;
        if (problem.errors) message += " " + Object.values(problem.errors).flat().join(" ");
      } catch { /* not JSON */ }
      const error = new Error(message);
      error.status = response.status;
      throw error;
    }
    return response.json();
  }

  /** Replaces the children of a container (null/false children are left out, strings become text nodes). */
  function fill(container, ...children) {
    container.replaceChildren();
    append(container, children);
    return container;
  }

  function param(name) {
    return new URLSearchParams(location.search).get(name);
  }

  const articleUrl = (id) => "/article?id=" + encodeURIComponent(id);
  const entityUrl = (key) => "/entity?key=" + encodeURIComponent(key);

  const typeNames = { PER: "شخص", ORG: "منظمة", LOC: "مكان", MISC: "أخرى" };

  const cameoRoots = {
    "01": "تصريح علني", "02": "مناشدة", "03": "إبداء نية التعاون", "04": "تشاور", "05": "تعاون دبلوماسي",
    "06": "تعاون مادي", "07": "تقديم مساعدة", "08": "تجاوب", "09": "تحقيق", "10": "مطالبة",
    "11": "إبداء رفض", "12": "رفض", "13": "تهديد", "14": "احتجاج", "15": "استعراض قوة",
    "16": "تقليص العلاقات", "17": "إكراه", "18": "اعتداء", "19": "قتال", "20": "عنف جماعي",
  };

  function fmtDate(s) {
    return s ? String(s).slice(0, 16).replace("T", " ") : "";
  }

  function showError(container, error) {
    fill(container, el("p", { class: "error", role: "alert" }, "خطأ: ", error.message || String(error)));
  }

  function entityChip(key, name, type) {
    return el("a", { class: "chip ent-" + (type || "MISC"), href: entityUrl(key) }, name);
  }

  return { el, svg, fill, api, param, articleUrl, entityUrl, typeNames, cameoRoots, fmtDate, showError, entityChip };
})();
