import AuditCore
import AuditEngine
import AuditReport
import AuditRules

/// `dashboard.html` of `audit batch` (`cli.md`, Batch outputs): one self-contained page for
/// head office — totals, the grade distribution (red lines marked inside the red-line grade),
/// the branch ranking (a table on a zoomed axis, with 不合格 share and red lines), the clauses
/// by outlets affected, with `--previous` the trends (arrows, most improved / declined, new and
/// gone outlets), the unreadable inputs, a filterable, sortable table of every outlet and each
/// outlet's findings (`#o<anchor>`, shown as the page's `:target`).
///
/// Nothing is fetched: styles, charts (inline SVG) and the table's sort script are in the page,
/// and a Content-Security-Policy forbids any load and any script but that one (by its hash),
/// so even a string that escaped escaping could not run. Every string a report provides is
/// HTML-escaped wherever it is written; no report string is ever placed in the script.
/// The output depends on the summary alone (no clock, no locale), byte for byte.
public enum Dashboard {
    public static func html(_ summary: BatchSummary, language: Language) -> String {
        var page = ""
        write(summary, language: language) { page += $0 }
        return page
    }

    /// The same page, handed to `sink` in pieces (the outlet table a few rows at a time), so
    /// a batch of 10,000 reports never holds the whole page in memory.
    /// `details` writes the outlets' detail sections (`outletDetail`, in table order) into the
    /// page: the batch streams them from a scratch file, never holding them all.
    public static func write(
        _ summary: BatchSummary, language: Language, details: ((String) -> Void) -> Void = { _ in }, to sink: (String) -> Void
    ) {
        DashboardPage(summary: summary, zh: language == .zh).render(sink, details: details)
    }

    /// One outlet's detail section (`id="o<anchor>"`): who and when, the score, grade and red
    /// line, then its findings that are not a pass, per section, as the outlet report lists
    /// them but compact (the clause by reference, no quote). Hidden unless it is the page's
    /// `:target`, so it opens from the outlet table's link without any script.
    /// Made by the worker that scored the report.
    public static func outletDetail(_ result: AuditResult, anchor: Int, language: Language) -> String {
        DashboardDetail(result: result, anchor: anchor, language: language).render()
    }

    /// What the detail sections of one batch share, made once: each rule's markup (id, title,
    /// clause) escaped, and the severity and status labels. The same bytes as `outletDetail`,
    /// at a fraction of the cost — a batch writes tens of findings for each of its outlets.
    public struct OutletDetails: Sendable {
        /// A finding's markup before the severity (`<li>`, id, title) and after the evidence
        /// (the clause, `</li>`).
        struct Fragment: Sendable {
            var head: String
            var tail: String
        }

        let language: Language
        let fragments: [ObjectIdentifier: Fragment]
        /// The schema's label of each field path (`staff.badge`: without indices), in the language.
        let labels: [String: String]

        /// `rules`: the definitions findings will point at (those of the run's auditor);
        /// `schema`: the reports' schema (its labels name the evidence).
        public init(rules: [RuleDefinition], schema: ObjectSchema? = nil, language: Language) {
            self.language = language
            var fragments: [ObjectIdentifier: Fragment] = [:]
            for rule in rules { fragments[ObjectIdentifier(rule)] = Self.fragment(rule, language) }
            self.fragments = fragments
            var labels: [String: String] = [:]
            func walk(_ object: ObjectSchema, _ prefix: String, depth: Int) {
                guard depth < 16 else { return }
                for field in object.fields {
                    let path = prefix.isEmpty ? field.name : prefix + "." + field.name
                    labels[path] = field.label.text(language)
                    var type = field.type
                    while case .list(let element) = type { type = element }
                    if case .object(let child) = type { walk(child, path, depth: depth + 1) }
                }
            }
            if let schema { walk(schema, "", depth: 0) }
            self.labels = labels
        }

        public func section(_ result: AuditResult, anchor: Int) -> String {
            DashboardDetail(result: result, anchor: anchor, language: language, shared: self).render()
        }

        static func fragment(_ rule: RuleDefinition, _ language: Language) -> Fragment {
            let title = rule.title.text(language).isEmpty ? rule.title.text(language == .zh ? .en : .zh) : rule.title.text(language)
            return Fragment(
                head: "<li class=\"f\"><code>\(HTMLFormatter.escape(rule.id))</code> \(HTMLFormatter.escape(title))",
                tail: " · [\(HTMLFormatter.escape(rule.cite.source))] \(HTMLFormatter.escape(rule.cite.clause))</span></li>\n")
        }

        static let severities: [Severity: Label] = Dictionary(uniqueKeysWithValues: Severity.allCases.map { s in
            (s, Label(zh: " · <span class=\"sev-\(s.rawValue)\">\(HTMLFormatter.escape(s.label.zh))</span>",
                      en: " · <span class=\"sev-\(s.rawValue)\">\(HTMLFormatter.escape(s.label.en))</span>"))
        })

        static let statuses: [Status: Label] = Dictionary(uniqueKeysWithValues: Status.allCases.map { s in
            (s, Label(zh: " · <span class=\"st st-\(s.rawValue)\">\(HTMLFormatter.escape(s.label.zh))</span>",
                      en: " · <span class=\"st st-\(s.rawValue)\">\(HTMLFormatter.escape(s.label.en))</span>"))
        })
    }

    /// The branch ranking's bar axis for these means (`DashboardPage.zoomedAxis`).
    static func zoomedAxis(_ means: [Double]) -> (lower: Double, upper: Double) { DashboardPage.zoomedAxis(means) }

    /// Text for element content and for attribute values in double or single quotes.
    static func escape(_ text: String) -> String { MarkupEscaping.escape(text, for: .html) }

    /// The 10-point bin of a score: 0 for [0, 10) … 9 for [90, 100] (100 is in the last bin).
    static func bin(_ score: Double) -> Int {
        guard score.isFinite else { return 0 }
        return min(9, max(0, Int((score / 10).rounded(.down))))
    }

    /// The page's one script: sorts every `table.sortable` (click, Enter or Space on a header),
    /// filters the outlet table (the `#filters` form, the URL fragment `#branch=…&grade=…`) and
    /// drills down from a branch. It reads only the DOM; it holds no data.
    static let script = #"""
    (function () {
      var collator = window.Intl && Intl.Collator
        ? new Intl.Collator(document.documentElement.lang || undefined, { numeric: true }) : null;
      function compareText(a, b) {
        return collator ? collator.compare(a, b) : (a < b ? -1 : a > b ? 1 : 0);
      }
      function sortable(table) {
        if (!table.tHead || !table.tBodies.length) return;
        var body = table.tBodies[0];
        var heads = table.tHead.rows[0].cells;
        function sortBy(index) {
          var th = heads[index];
          var numeric = th.getAttribute("data-type") === "num";
          var ascending = th.getAttribute("aria-sort") !== "ascending";
          for (var i = 0; i < heads.length; i++) heads[i].setAttribute("aria-sort", "none");
          th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
          var items = [];
          for (var r = 0; r < body.rows.length; r++) {
            var row = body.rows[r], cell = row.cells[index];
            var raw = cell ? cell.getAttribute("data-v") : null, key;
            if (numeric) {
              key = raw === null || raw === "" ? null : Number(raw);
              if (key !== null && isNaN(key)) key = null;
            } else {
              key = raw !== null ? raw : (cell ? cell.textContent.trim() : "");
              if (key === "") key = null;
            }
            items.push({ row: row, key: key, order: r });
          }
          items.sort(function (a, b) {
            if (a.key === null || b.key === null) {
              if (a.key === b.key) return a.order - b.order;
              return a.key === null ? 1 : -1;
            }
            var c = numeric ? a.key - b.key : compareText(a.key, b.key);
            if (!ascending) c = -c;
            return c !== 0 ? c : a.order - b.order;
          });
          var fragment = document.createDocumentFragment();
          for (var k = 0; k < items.length; k++) fragment.appendChild(items[k].row);
          body.appendChild(fragment);
        }
        for (var h = 0; h < heads.length; h++) {
          (function (index) {
            var th = heads[index];
            th.addEventListener("click", function () { sortBy(index); });
            th.addEventListener("keydown", function (event) {
              if (event.key === "Enter" || event.key === " " || event.key === "Spacebar") {
                event.preventDefault();
                sortBy(index);
              }
            });
          })(h);
        }
      }
      var tables = document.querySelectorAll("table.sortable");
      for (var t = 0; t < tables.length; t++) sortable(tables[t]);

      var outlets = document.getElementById("outlets");
      var controls = document.getElementById("filters");
      if (!outlets || !controls || !outlets.tBodies.length) return;
      controls.hidden = false;
      var rows = outlets.tBodies[0].rows;
      var fields = ["branch", "type", "grade", "red"];
      function control(name) { return document.getElementById("f-" + name); }
      function apply() {
        var want = [];
        for (var f = 0; f < fields.length; f++) {
          var c = control(fields[f]);
          want.push(c ? c.value : "");
        }
        var search = control("q");
        var q = search ? search.value.trim().toLowerCase() : "";
        var shown = 0;
        for (var i = 0; i < rows.length; i++) {
          var row = rows[i], ok = true;
          for (var k = 0; k < fields.length && ok; k++) {
            if (want[k] !== "" && row.getAttribute("data-" + fields[k]) !== want[k]) ok = false;
          }
          if (ok && q !== "" && (row.getAttribute("data-q") || "").toLowerCase().indexOf(q) < 0) ok = false;
          row.hidden = !ok;
          if (ok) shown++;
        }
        var count = document.getElementById("f-shown");
        if (count) count.textContent = String(shown);
      }
      controls.addEventListener("input", apply);
      controls.addEventListener("change", apply);
      controls.addEventListener("submit", function (event) { event.preventDefault(); });
      controls.addEventListener("reset", function () { setTimeout(apply, 0); });
      function decode(s) {
        try { return decodeURIComponent(s.replace(/\+/g, " ")); } catch (e) { return s; }
      }
      function fromHash() {
        var hash = location.hash.slice(1);
        if (hash.indexOf("=") < 0) return false;
        var parts = hash.split("&");
        for (var p = 0; p < parts.length; p++) {
          var eq = parts[p].indexOf("=");
          if (eq < 0) continue;
          var c = control(decode(parts[p].slice(0, eq)));
          if (c) c.value = decode(parts[p].slice(eq + 1));
        }
        apply();
        return true;
      }
      window.addEventListener("hashchange", fromHash);
      var links = document.querySelectorAll("a.drill");
      for (var d = 0; d < links.length; d++) {
        links[d].addEventListener("click", function (event) {
          var c = control("branch");
          if (!c) return;
          event.preventDefault();
          c.value = this.getAttribute("data-branch") || "";
          apply();
          var target = document.getElementById("table");
          if (target) target.scrollIntoView();
        });
      }
      if (!fromHash()) apply();
    })();
    """#

    /// The exact content of the `<script>` element: the hash covers every byte of it.
    static let scriptElement = "\n" + script + "\n"

    /// `'sha256-…'` of the script element's content, for the Content-Security-Policy.
    static let scriptHash = cspHash(scriptElement)

    /// A CSP hash source: `'sha256-` + base64 of the SHA-256 of the UTF-8 text + `'`.
    static func cspHash(_ text: String) -> String {
        let hex = Array(SHA256.hex(Array(text.utf8)).utf8)
        var bytes: [UInt8] = []
        func nibble(_ c: UInt8) -> UInt8 { c >= 97 ? c - 87 : c - 48 }
        for i in stride(from: 0, to: hex.count - 1, by: 2) { bytes.append(nibble(hex[i]) << 4 | nibble(hex[i + 1])) }
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out: [UInt8] = []
        for i in stride(from: 0, to: bytes.count, by: 3) {
            let b0 = UInt32(bytes[i])
            let b1 = i + 1 < bytes.count ? UInt32(bytes[i + 1]) : 0
            let b2 = i + 2 < bytes.count ? UInt32(bytes[i + 2]) : 0
            let n = b0 << 16 | b1 << 8 | b2
            out.append(alphabet[Int(n >> 18 & 63)])
            out.append(alphabet[Int(n >> 12 & 63)])
            out.append(i + 1 < bytes.count ? alphabet[Int(n >> 6 & 63)] : UInt8(ascii: "="))
            out.append(i + 2 < bytes.count ? alphabet[Int(n & 63)] : UInt8(ascii: "="))
        }
        return "'sha256-" + String(decoding: out, as: UTF8.self) + "'"
    }
}
