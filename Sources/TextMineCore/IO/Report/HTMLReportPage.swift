/// The fixed parts of the HTML report: the head with its CSS and the page skeleton, and the tail
/// with the script that renders the article records (see ``HTMLReportEncoder``).
///
/// The script builds every piece of article text with `textContent` and attributes with
/// `setAttribute`, so the text of an article is never parsed as HTML.
enum HTMLReportPage {
    /// Everything before the article records.
    static func head(title: String) -> String {
        let title = escape(title)
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="TextMine">
            <title>\(title)</title>
            <style>\(css)</style>
            </head>
            <body>
            <header class="top">
            <h1>\(title)</h1>
            <p id="tm-counts" class="counts"></p>
            <details id="tm-failures"><summary>Failures and emptied articles <span id="tm-failure-count"></span></summary><div class="scroll"></div></details>
            <details id="tm-timing"><summary>Stage timing</summary><div class="scroll"></div></details>
            </header>
            <div class="layout">
            <nav class="index" aria-label="Articles">
            <div class="controls">
            <label>Search by id <input id="tm-search" type="search" autocomplete="off" placeholder="id"></label>
            <label>Entity label <select id="tm-label"><option value="">any</option></select></label>
            <label>Removal reason <select id="tm-reason"><option value="">any</option></select></label>
            </div>
            <p id="tm-shown" class="shown" aria-live="polite"></p>
            <ol id="tm-list" class="list"></ol>
            <div class="pager"><button id="tm-prev" type="button">‹ Previous</button><span id="tm-page"></span><button id="tm-next" type="button">Next ›</button></div>
            <p class="keys">Keys: <kbd>j</kbd>/<kbd>k</kbd> next/previous article, <kbd>n</kbd>/<kbd>p</kbd> next/previous page, <kbd>/</kbd> search.</p>
            </nav>
            <main id="tm-article" class="article" tabindex="-1"><noscript>This report renders its articles with JavaScript.</noscript></main>
            </div>

            """
    }

    /// Everything after the records.
    static var tail: String { "<script>\(script)</script>\n</body>\n</html>\n" }

    /// Text escaped for HTML content and attribute values.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }

    static let css = #"""
        :root{--fg:#1d1d1f;--muted:#5f6368;--line:#d7d7db;--bg:#fff;--panel:#f6f6f8;--accent:#1a5fb4;
          --PER:#ffd6a5;--ORG:#a0c4ff;--LOC:#b9fbc0;--MISC:#e4c1f9;--sum:#fff3b0}
        *{box-sizing:border-box}
        body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
        h1{font-size:1.25rem;margin:0 0 .25rem}
        h2{font-size:1.2rem;margin:.2rem 0 .5rem}
        h3{font-size:.95rem;margin:1rem 0 .3rem;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
        .top{padding:.75rem 1rem;border-bottom:1px solid var(--line);background:var(--panel)}
        .counts{margin:0 0 .4rem}
        details{margin:.2rem 0}
        summary{cursor:pointer}
        .scroll{max-height:40vh;overflow:auto}
        table{border-collapse:collapse;font-size:.9rem}
        th,td{text-align:left;padding:.2rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
        td.n{text-align:right;font-variant-numeric:tabular-nums}
        .layout{display:grid;grid-template-columns:minmax(15rem,22rem) minmax(0,1fr)}
        .index{border-right:1px solid var(--line);padding:.75rem;background:var(--panel)}
        .controls label{display:block;font-size:.85rem;color:var(--muted);margin-bottom:.4rem}
        .controls input,.controls select{display:block;width:100%;font:inherit;padding:.3rem;margin-top:.1rem}
        .shown{font-size:.85rem;color:var(--muted);margin:.3rem 0}
        .list{list-style:none;margin:0;padding:0}
        .list li{margin:0}
        .list a{display:block;padding:.35rem .4rem;border-radius:4px;color:inherit;text-decoration:none;overflow-wrap:anywhere}
        .list a:hover{background:#e8eefa}
        .list a[aria-current="true"]{background:var(--accent);color:#fff}
        .list .sub{display:block;font-size:.78rem;opacity:.8}
        .pager{display:flex;gap:.5rem;align-items:center;justify-content:space-between;margin-top:.5rem}
        button{font:inherit;padding:.3rem .6rem}
        .keys{font-size:.78rem;color:var(--muted)}
        kbd{border:1px solid var(--line);border-radius:3px;padding:0 .25rem;background:#fff}
        a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,main:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
        .article{padding:1rem 1.25rem;min-width:0}
        .facts{display:grid;grid-template-columns:max-content 1fr;gap:.1rem .75rem;margin:0;font-size:.9rem}
        .facts dt{color:var(--muted)}
        .facts dd{margin:0;overflow-wrap:anywhere}
        .chips{display:flex;flex-wrap:wrap;gap:.3rem;list-style:none;padding:0;margin:0}
        .chips li{border:1px solid var(--line);border-radius:1rem;padding:0 .55rem;font-size:.85rem;background:var(--panel)}
        .legend{display:flex;flex-wrap:wrap;gap:.5rem;font-size:.85rem;margin:.4rem 0}
        .text{white-space:pre-wrap;overflow-wrap:anywhere;line-height:1.85;max-width:48rem;font-size:1rem}
        .ent{background:var(--c,#e0e0e0);border-radius:3px;padding:.05rem .15rem;color:inherit}
        .ent .el{font-size:.65rem;font-weight:700;margin-left:.2rem;vertical-align:.1rem;letter-spacing:.03em}
        .ent.dim{background:transparent;outline:1px dashed var(--line)}
        .lab-PER{--c:var(--PER)}.lab-ORG{--c:var(--ORG)}.lab-LOC{--c:var(--LOC)}.lab-MISC{--c:var(--MISC)}
        .sum{background:linear-gradient(transparent 62%,var(--sum) 62%);border-bottom:2px solid #d4a800}
        .sum-start::before{content:"Σ ";font-weight:700;color:#8a6d00}
        .rm{color:#80868b;text-decoration:line-through;background:#f1f3f4}
        .why{font-size:.72rem;color:#5f6368;border:1px solid var(--line);border-radius:3px;padding:0 .25rem;margin:0 .2rem;white-space:nowrap;text-decoration:none}
        .hide-removed .rm,.hide-removed .why{display:none}
        .empty{color:var(--muted);font-style:italic}
        @media (max-width:720px){
          .layout{grid-template-columns:1fr}
          .index{border-right:0;border-bottom:1px solid var(--line)}
          .list{max-height:35vh;overflow:auto}
          .article{padding:.75rem}
          .text{font-size:1.02rem}
        }
        """#

    static let script = #"""
        (function () {
          "use strict";
          var started = performance.now();
          var A = JSON.parse(document.getElementById("tm-articles").textContent);
          var R = JSON.parse(document.getElementById("tm-run").textContent);
          var PAGE = 50;
          var byId = {}, labels = {}, reasons = {}, totalEnts = 0, totalRems = 0, emptied = [];
          function $(id) { return document.getElementById(id); }
          function el(tag, cls, text) {
            var e = document.createElement(tag);
            if (cls) e.className = cls;
            if (text !== undefined && text !== null) e.textContent = String(text);
            return e;
          }
          function plural(n, word, many) { return n + " " + (n === 1 ? word : many || word + "s"); }
          A.forEach(function (a, i) {
            a.i = i; a.labels = {}; a.reasons = {};
            byId[a.id] = i;
            a.ents.forEach(function (e) { a.labels[e[2]] = 1; labels[e[2]] = (labels[e[2]] || 0) + 1; });
            a.rem.forEach(function (r) { a.reasons[r[2]] = 1; reasons[r[2]] = (reasons[r[2]] || 0) + 1; });
            totalEnts += a.ents.length; totalRems += a.rem.length;
            if (a.text.length === 0) emptied.push({ id: a.id, stage: "", error: "text emptied by the pipeline", source: a.source || "" });
          });
          R.failures.forEach(function (f) { if (/empty/i.test(f.error)) emptied.push(f); });

          // Overview: counts, failures, timing.
          $("tm-counts").textContent = plural(A.length, "article") + " · " + plural(totalEnts, "entity mention") +
            " · " + plural(totalRems, "removal") + " · " + R.failures.length + " failed · " + emptied.length + " emptied";
          $("tm-failure-count").textContent = "(" + R.failures.length + " failed, " + emptied.length + " emptied)";
          (function () {
            var box = $("tm-failures").querySelector(".scroll");
            var rows = R.failures.concat(emptied.filter(function (e) { return e.stage === ""; }));
            if (!rows.length) { box.appendChild(el("p", "empty", "No article failed or was emptied.")); return; }
            var t = el("table"), head = el("tr");
            ["id", "step", "error", "source"].forEach(function (h) { head.appendChild(el("th", null, h)); });
            t.appendChild(head);
            rows.slice(0, 5000).forEach(function (f) {
              var tr = el("tr");
              [f.id, f.stage || "—", f.error, f.source].forEach(function (v) { tr.appendChild(el("td", null, v)); });
              t.appendChild(tr);
            });
            box.appendChild(t);
            if (rows.length > 5000) box.appendChild(el("p", "empty", (rows.length - 5000) + " more in the dead letters file."));
          })();
          (function () {
            var box = $("tm-timing").querySelector(".scroll"), stages = R.stages;
            if (!stages.length) {
              var sums = {}, order = [];
              A.forEach(function (a) {
                a.trace.forEach(function (t) {
                  if (t.length < 2) return;
                  if (!sums[t[0]]) { sums[t[0]] = { name: t[0], calls: 0, seconds: 0, failures: 0 }; order.push(t[0]); }
                  sums[t[0]].calls += 1; sums[t[0]].seconds += t[1];
                });
              });
              stages = order.map(function (n) { return sums[n]; });
            }
            if (!stages.length) { box.appendChild(el("p", "empty", "No timings recorded (the run had timings off).")); return; }
            var total = stages.reduce(function (s, x) { return s + x.seconds; }, 0) || 1;
            var t = el("table"), head = el("tr");
            ["step", "calls", "total s", "mean ms", "share", "failed"].forEach(function (h) { head.appendChild(el("th", null, h)); });
            t.appendChild(head);
            stages.forEach(function (s) {
              var tr = el("tr");
              tr.appendChild(el("td", null, s.name));
              [s.calls, s.seconds.toFixed(3), (s.calls ? 1000 * s.seconds / s.calls : 0).toFixed(2),
               (100 * s.seconds / total).toFixed(1) + " %", s.failures].forEach(function (v) { tr.appendChild(el("td", "n", v)); });
              t.appendChild(tr);
            });
            box.appendChild(t);
          })();

          // Filters.
          function fill(select, counts) {
            Object.keys(counts).sort().forEach(function (k) {
              var o = el("option", null, k + " (" + counts[k] + ")");
              o.value = k;
              select.appendChild(o);
            });
          }
          fill($("tm-label"), labels);
          fill($("tm-reason"), reasons);
          var state = { q: "", label: "", reason: "", page: 0, list: A, current: -1 };
          function applyFilters() {
            var q = state.q.toLowerCase();
            state.list = A.filter(function (a) {
              return (!q || a.id.toLowerCase().indexOf(q) >= 0) && (!state.label || a.labels[state.label]) &&
                (!state.reason || a.reasons[state.reason]);
            });
            state.page = 0;
            renderList();
            if (state.current >= 0) renderArticle(A[state.current]);
          }
          $("tm-search").addEventListener("input", function (e) { state.q = e.target.value.trim(); applyFilters(); });
          $("tm-label").addEventListener("change", function (e) { state.label = e.target.value; applyFilters(); });
          $("tm-reason").addEventListener("change", function (e) { state.reason = e.target.value; applyFilters(); });

          // The index, a page at a time.
          function pages() { return Math.max(1, Math.ceil(state.list.length / PAGE)); }
          function renderList() {
            var list = $("tm-list");
            list.textContent = "";
            var start = state.page * PAGE;
            state.list.slice(start, start + PAGE).forEach(function (a) {
              var li = el("li"), link = el("a");
              link.href = "#" + encodeURIComponent(a.id);
              link.appendChild(el("span", "id", a.id));
              link.appendChild(el("span", "sub", [a.language || "?", plural(a.ents.length, "entity", "entities"),
                plural(a.rem.length, "removal"), a.text.length ? "" : "emptied"].filter(Boolean).join(" · ")));
              if (a.i === state.current) link.setAttribute("aria-current", "true");
              li.appendChild(link);
              list.appendChild(li);
            });
            $("tm-shown").textContent = state.list.length === A.length ? plural(A.length, "article")
              : state.list.length + " of " + plural(A.length, "article") + " match";
            $("tm-page").textContent = "page " + (state.page + 1) + " of " + pages();
            $("tm-prev").disabled = state.page === 0;
            $("tm-next").disabled = state.page >= pages() - 1;
          }
          function turn(delta) {
            var page = Math.min(pages() - 1, Math.max(0, state.page + delta));
            if (page !== state.page) { state.page = page; renderList(); }
          }
          $("tm-prev").addEventListener("click", function () { turn(-1); });
          $("tm-next").addEventListener("click", function () { turn(1); });

          // One article.
          function labelClass(label) { return "lab-" + String(label).replace(/[^A-Za-z0-9_-]/g, "_"); }
          function hue(label) { var h = 0; for (var i = 0; i < label.length; i++) h = (h * 31 + label.charCodeAt(i)) % 360; return h; }
          function mark(e) {
            var m = el("mark", "ent " + labelClass(e[2]));
            m.setAttribute("data-label", e[2]);
            m.setAttribute("title", e[3] + " · " + e[2] + " · confidence " + e[4]);
            if (["PER", "ORG", "LOC", "MISC"].indexOf(e[2]) < 0) m.style.setProperty("--c", "hsl(" + hue(e[2]) + ",70%,85%)");
            if (state.label && state.label !== e[2]) m.classList.add("dim");
            return m;
          }
          function removal(r) {
            var f = document.createDocumentFragment();
            var d = el("del", "rm", r[1]);
            d.setAttribute("title", "removed by step " + r[3] + " (" + r[2] + ")");
            d.setAttribute("data-reason", r[2]);
            f.appendChild(d);
            f.appendChild(el("span", "why", r[2]));
            return f;
          }
          function renderText(a, box) {
            var cps = Array.from(a.text), n = cps.length, sums = (a.sum || []).slice(), pts = [0, n];
            var ents = a.ents.slice().sort(function (x, y) { return x[0] - y[0] || y[1] - x[1]; });
            var rems = a.rem.slice().sort(function (x, y) { return x[0] - y[0]; });
            sums.sort(function (x, y) { return x[0] - y[0]; });
            ents.forEach(function (e) { pts.push(e[0], e[1]); });
            sums.forEach(function (s) { pts.push(s[0], s[1]); });
            rems.forEach(function (r) { pts.push(r[0]); });
            pts = pts.filter(function (p) { return p >= 0 && p <= n; }).sort(function (x, y) { return x - y; });
            var ri = 0, ei = 0, si = 0, open = null, openEnt = null;
            function close() {
              if (!open) return;
              open.appendChild(el("span", "el", openEnt[2]));
              box.appendChild(open);
              open = null; openEnt = null;
            }
            for (var k = 0; k < pts.length; k++) {
              var p = pts[k];
              if (k > 0 && pts[k - 1] === p) continue;
              while (ri < rems.length && rems[ri][0] <= p) { close(); box.appendChild(removal(rems[ri])); ri++; }
              var q = pts[k + 1];
              while (q === p && k + 1 < pts.length) { k++; q = pts[k + 1]; }
              if (q === undefined) break;
              while (ei < ents.length && ents[ei][1] <= p) ei++;
              var ent = ei < ents.length && ents[ei][0] <= p ? ents[ei] : null;
              if (openEnt && openEnt !== ent) close();
              if (ent && !open) { open = mark(ent); openEnt = ent; }
              while (si < sums.length && sums[si][1] <= p) si++;
              var inSum = si < sums.length && sums[si][0] <= p;
              var piece = cps.slice(p, q).join("");
              (open || box).appendChild(inSum ? el("span", "sum" + (sums[si][0] === p ? " sum-start" : ""), piece) : document.createTextNode(piece));
              if (openEnt && q >= openEnt[1]) close();
            }
            close();
            if (!n && !rems.length) box.appendChild(el("span", "empty", "(empty text)"));
          }
          function value(v) {
            if (typeof v === "string") return v;
            if (Array.isArray(v) && v.every(function (x) { return typeof x === "string"; })) return v.join(", ");
            return JSON.stringify(v);
          }
          function renderArticle(a) {
            var main = $("tm-article");
            main.textContent = "";
            var title = a.meta.filter(function (m) { return m[0] === "title"; })[0];
            main.appendChild(el("h2", null, title ? value(title[1]) : a.id));
            var facts = el("dl", "facts");
            [["id", a.id], ["language", a.language || "unknown"], ["source", a.source || "—"],
             ["entities", a.ents.length], ["removals", a.rem.length], ["summary", a.method ? a.method + ", " + plural((a.sum || []).length, "sentence") : "none"]]
              .forEach(function (f) { facts.appendChild(el("dt", null, f[0])); facts.appendChild(el("dd", null, f[1])); });
            main.appendChild(facts);
            if (a.meta.length) {
              main.appendChild(el("h3", null, "Metadata"));
              var t = el("table", "meta"), head = el("tr");
              ["field", "value", "from"].forEach(function (h) { head.appendChild(el("th", null, h)); });
              t.appendChild(head);
              a.meta.forEach(function (m) {
                var tr = el("tr");
                tr.appendChild(el("td", null, m[0]));
                tr.appendChild(el("td", null, value(m[1])));
                tr.appendChild(el("td", null, m[2] + " · " + m[3]));
                t.appendChild(tr);
              });
              main.appendChild(t);
            }
            if (a.kw.length) {
              main.appendChild(el("h3", null, "Keywords"));
              var chips = el("ul", "chips");
              a.kw.forEach(function (k) { chips.appendChild(el("li", null, k)); });
              main.appendChild(chips);
            }
            main.appendChild(el("h3", null, "Text"));
            var legend = el("div", "legend");
            Object.keys(a.labels).sort().forEach(function (l) {
              var m = mark([0, 0, l, l, 1]);
              m.removeAttribute("title");
              m.textContent = l;
              legend.appendChild(m);
            });
            if ((a.sum || []).length) legend.appendChild(el("span", "sum sum-start", "summary sentence"));
            if (a.rem.length) { legend.appendChild(el("del", "rm", "removed text")); legend.appendChild(el("span", "why", "reason")); }
            main.appendChild(legend);
            var box = el("div", "text");
            renderText(a, box);
            main.appendChild(box);
            if (a.trace.length) {
              main.appendChild(el("h3", null, "Steps"));
              main.appendChild(el("p", null, a.trace.map(function (t) {
                return t.length > 1 ? t[0] + " " + (1000 * t[1]).toFixed(2) + " ms" : t[0];
              }).join(" → ")));
            }
          }
          function show(i, focus) {
            if (i < 0 || i >= A.length) return;
            state.current = i;
            var pos = state.list.indexOf(A[i]);
            if (pos >= 0) state.page = Math.floor(pos / PAGE);
            renderList();
            renderArticle(A[i]);
            document.title = A[i].id + " · " + document.title.split(" · ").pop();
            if (focus) $("tm-article").focus();
          }
          function fromHash(focus) {
            var id = decodeURIComponent(location.hash.slice(1));
            if (id && byId.hasOwnProperty(id)) show(byId[id], focus);
            else if (A.length) show(state.list.length ? state.list[0].i : 0, false);
          }
          function step(delta) {
            if (!state.list.length) return;
            var pos = state.list.indexOf(A[state.current]);
            pos = pos < 0 ? 0 : Math.min(state.list.length - 1, Math.max(0, pos + delta));
            location.hash = "#" + encodeURIComponent(state.list[pos].id);
          }
          window.addEventListener("hashchange", function () { fromHash(true); });
          document.addEventListener("keydown", function (e) {
            var tag = (e.target && e.target.tagName) || "";
            if (e.altKey || e.ctrlKey || e.metaKey || tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA") {
              if (e.key === "Escape" && tag === "INPUT") e.target.blur();
              return;
            }
            if (e.key === "j") step(1);
            else if (e.key === "k") step(-1);
            else if (e.key === "n") turn(1);
            else if (e.key === "p") turn(-1);
            else if (e.key === "/") { e.preventDefault(); $("tm-search").focus(); }
            else return;
          });
          renderList();
          if (A.length) fromHash(false);
          else $("tm-article").appendChild(el("p", "empty", "No article in this report."));
          document.documentElement.setAttribute("data-render-ms", String(Math.round(performance.now() - started)));
        })();
        """#
}
