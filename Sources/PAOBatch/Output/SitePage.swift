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
        for publication in latest.sorted(by: { textLess($0.job, $1.job) }) {
            html += SitePageFiles.section(publication)
        }
        html += """
            </main>
            <footer class="wrap"><p>New publications are announced in the site's Atom feed, \
            <a href="feed.atom">feed.atom</a>. Each folder's SHA256SUMS checks its files \
            (<code>sha256sum -c SHA256SUMS</code>); MANIFEST.json lists them with their rows.</p></footer>
            </body>
            </html>

            """
        return Array(html.utf8)
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
        var table = "<table><caption>Renewal lines due by month</caption><thead><tr><th scope=\"col\">Month</th>"
        table += "<th scope=\"col\" class=\"num\">Lines</th>"
        for c in currencies { table += "<th scope=\"col\" class=\"num\">Priced \(c.code)</th>" }
        table += "</tr></thead><tbody>"
        for m in figures.pipeline {
            table += "<tr><th scope=\"row\">\(m.month)</th><td class=\"num\">\(SiteChart.grouped(m.lines))</td>"
            for c in currencies { table += "<td class=\"num\">\(m.amounts[c].map { amount($0, c) } ?? "")</td>" }
            table += "</tr>"
        }
        table += "</tbody></table>"
        let chart = SiteChart.svg(
            id: "pipeline-title", title: "Renewal lines due per month, next 12 months",
            bars: figures.pipeline.map { SiteChart.Bar(month: $0.month, value: $0.lines) }, color: SitePageStyle.due)
        return figure(
            "Renewal pipeline",
            "Active renewal lines by month of their renewal due date, with the renewal amount of the lines "
                + "that have a price, per currency.", chart, table)
    }

    private static func lapsed(_ figures: SiteFigures) -> String {
        var table = "<table><caption>Lapsed lines by month</caption><thead><tr><th scope=\"col\">Month</th>"
        table += "<th scope=\"col\" class=\"num\">Lines</th></tr></thead><tbody>"
        for m in figures.lapsed {
            table += "<tr><th scope=\"row\">\(m.month)</th><td class=\"num\">\(SiteChart.grouped(m.lines))</td></tr>"
        }
        table += "</tbody></table>"
        let chart = SiteChart.svg(
            id: "lapsed-title", title: "Lines lapsed per month, last 180 days",
            bars: figures.lapsed.map { SiteChart.Bar(month: $0.month, value: $0.lines) }, color: SitePageStyle.lapsed)
        return figure(
            "Lapsed in the last 180 days",
            "Latest lines whose coverage ended in the last 180 days without a renewal: candidates for reinstatement.",
            chart, table)
    }

    private static func figure(_ heading: String, _ note: String, _ chart: String, _ table: String) -> String {
        """
        <section><h2>\(heading)</h2><p class="note">\(note)</p>
        <figure class="chart-row"><div class="plot">\(chart)</div><div class="scroll">\(table)</div></figure>
        </section>

        """
    }

    /// `12,345.67` with the currency's minor digits.
    static func amount(_ value: Money, _ currency: Currency) -> String {
        let text = MoneyText.format(value, minorDigits: currency.minorDigits)
        let negative = text.hasPrefix("-")
        let parts = text.dropFirst(negative ? 1 : 0).split(separator: ".", maxSplits: 1)
        var whole = ""
        for (k, c) in parts[0].enumerated() {
            if k > 0, (parts[0].count - k) % 3 == 0 { whole += "," }
            whole.append(c)
        }
        return (negative ? "-" : "") + whole + (parts.count > 1 ? "." + parts[1] : "")
    }
}
