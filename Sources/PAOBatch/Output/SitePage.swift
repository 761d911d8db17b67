/// `sites/<site>/index.html` (SPEC §12): the page a reseller opens on the share. Who the site is,
/// the two charts with their tables, and per job the latest folder with every file linked.
/// Self-contained: inline CSS and SVG, no script, no external resource.
enum SitePage {
    /// The site the page is for.
    struct Site {
        var id: String
        var name: String
        /// `Reseller`, or `Distributor` with how many resellers buy through it.
        var role: String
        /// The distributor the site buys through: `<site> <name>`.
        var distributor: String?
    }

    /// The page; `latest` is each job's latest publication, `written` when it was written.
    static func document(
        site: Site, asOf: Day, written: String, latest: [PublicationSummary], figures: SiteFigures
    ) -> [UInt8] {
        let name = HTMLText.escaped(site.name)
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(name) · site \(HTMLText.escaped(site.id)) · reports</title>
            <style>\(SitePageStyle.css)</style>
            </head>
            <body>
            <header class="top"><div class="wrap">
            <p class="eyebrow">Passport Advantage · reseller reports</p>
            <h1>\(name)</h1>
            <dl class="facts">
            """
        var facts = [("Site", site.id), ("Role", site.role)]
        if let distributor = site.distributor { facts.append(("Distributor", distributor)) }
        facts += [("Figures as of", asOf.description), ("Page written", written)]
        for (term, value) in facts {
            html += "<div><dt>\(term)</dt><dd>\(HTMLText.escaped(value))</dd></div>"
        }
        html += "</dl>\n</div></header>\n<main class=\"wrap\">\n"
        html += cards(figures, latest: latest)
        html += pipeline(figures)
        html += lapsed(figures)
        if latest.isEmpty {
            html += "<section><h2>Reports</h2><p>Nothing is published for this site yet.</p></section>\n"
        }
        var out = Array(html.utf8)
        for publication in latest.sorted(by: { textLess($0.job, $1.job) }) {
            SitePageFiles.section(publication, into: &out)
        }
        out +=
            """
            </main>
            <footer class="wrap"><p>New publications are announced in the site's Atom feed, \
            <a href="feed.atom">feed.atom</a>. Each folder's SHA256SUMS checks its files \
            (<code>sha256sum -c SHA256SUMS</code>); MANIFEST.json lists them with their rows.</p></footer>
            </body>
            </html>

            """.utf8
        return out
    }

    private static func cards(_ figures: SiteFigures, latest: [PublicationSummary]) -> String {
        let due = figures.pipeline.reduce(0) { $0 + $1.lines }
        let lapsed = figures.lapsed.reduce(0) { $0 + $1.lines }
        let files = latest.reduce(0) { $0 + $1.files }
        let amounts = figures.currencies.map { c in
            amount(figures.pipeline.reduce(0) { $0 + ($1.amounts[c] ?? 0) }, c) + " " + c.code
        }
        let cards = [
            (SiteChart.grouped(due), "renewal lines due in the next 12 months", "due"),
            (amounts.isEmpty ? "none" : amounts.joined(separator: "<br>"), "priced renewals, next 12 months", "amount"),
            (SiteChart.grouped(lapsed), "lines lapsed in the last 180 days", "lapsed"),
            (SiteChart.grouped(files), "files in \(latest.count) latest folders", "files")
        ]
        return "<section class=\"cards\">"
            + cards.map { value, text, kind in
                "<div class=\"card \(kind)\"><p class=\"\(kind == "amount" ? "amounts" : "big")\">\(value)</p>"
                    + "<p>\(text)</p></div>"
            }.joined()
            + "</section>\n"
    }

    private static func pipeline(_ figures: SiteFigures) -> String {
        let currencies = figures.currencies
        return figure(
            "Renewal pipeline",
            note: "Active renewal lines by month of their renewal due date, with the renewal amount of the lines "
                + "that have a price, per currency.",
            chart: ("pipeline-title", "Renewal lines due per month, next 12 months", SitePageStyle.due),
            caption: "Renewal lines due by month", extraColumns: currencies.map { "Priced \($0.code)" },
            rows: figures.pipeline.map { m in
                (m.month, m.lines, currencies.map { c in m.amounts[c].map { amount($0, c) } ?? "" })
            })
    }

    private static func lapsed(_ figures: SiteFigures) -> String {
        figure(
            "Lapsed in the last 180 days",
            note: "Latest lines whose coverage ended in the last 180 days without a renewal: candidates for "
                + "reinstatement.",
            chart: ("lapsed-title", "Lines lapsed per month, last 180 days", SitePageStyle.lapsed),
            caption: "Lapsed lines by month", extraColumns: [], rows: figures.lapsed.map { ($0.month, $0.lines, []) })
    }

    /// A chart of lines per month and, beside it, its table: month, lines and `extraColumns`.
    private static func figure(
        _ heading: String, note: String, chart: (id: String, title: String, color: String), caption: String,
        extraColumns: [String], rows: [(month: Month, lines: Int, extra: [String])]
    ) -> String {
        var table = "<table><caption>\(caption)</caption><thead><tr><th scope=\"col\">Month</th>"
        for column in ["Lines"] + extraColumns { table += "<th scope=\"col\" class=\"num\">\(column)</th>" }
        table += "</tr></thead><tbody>"
        for row in rows {
            table += "<tr><th scope=\"row\">\(row.month)</th>"
            for cell in [SiteChart.grouped(row.lines)] + row.extra { table += "<td class=\"num\">\(cell)</td>" }
            table += "</tr>"
        }
        table += "</tbody></table>"
        let svg = SiteChart.svg(
            id: chart.id, title: chart.title, bars: rows.map { SiteChart.Bar(month: $0.month, value: $0.lines) },
            color: chart.color)
        return """
            <section><h2>\(heading)</h2><p class="note">\(note)</p>
            <figure class="chart-row"><div class="plot">\(svg)</div><div class="scroll">\(table)</div></figure>
            </section>

            """
    }

    /// `12,345.67` with the currency's minor digits.
    static func amount(_ value: Money, _ currency: Currency) -> String {
        let text = MoneyText.format(value, minorDigits: currency.minorDigits)
        let negative = text.hasPrefix("-")
        let parts = text.dropFirst(negative ? 1 : 0).split(separator: ".", maxSplits: 1)
        return (negative ? "-" : "") + SiteChart.grouped(digits: parts[0]) + (parts.count > 1 ? "." + parts[1] : "")
    }
}
