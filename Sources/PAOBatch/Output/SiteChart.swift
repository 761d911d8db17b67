/// An inline SVG bar chart for the site page (SPEC §12): one bar per month with its value above
/// it, a light grid, and month names below. No script and no external resource, so it renders
/// from `file://`, on a phone (it scales to the width) and on paper.
enum SiteChart {
    struct Bar {
        var month: Month
        var value: Int
    }

    private static let width = 640, height = 250
    private static let left = 44, right = 12, top = 22, bottom = 200

    /// The `<svg>` element; `id` names its `<title>` for screen readers.
    static func svg(id: String, title: String, bars: [Bar], color: String) -> String {
        let top = roundedTop(bars.map(\.value).max() ?? 0)
        let plotWidth = width - left - right, plotHeight = bottom - Self.top
        var out = """
            <svg class="chart" viewBox="0 0 \(width) \(height)" role="img" aria-labelledby="\(id)" \
            xmlns="http://www.w3.org/2000/svg"><title id="\(id)">\(HTMLText.escaped(title))</title>
            """
        for step in 0...4 {
            let value = top * step / 4
            let y = bottom - plotHeight * step / 4
            out += "<line x1=\"\(left)\" y1=\"\(y)\" x2=\"\(width - right)\" y2=\"\(y)\" stroke=\"#d7dde5\"/>"
            out += "<text x=\"\(left - 6)\" y=\"\(y + 4)\" text-anchor=\"end\" class=\"axis\">\(grouped(value))</text>"
        }
        let slot = plotWidth / max(bars.count, 1)
        let barWidth = max(slot * 3 / 5, 4)
        for (k, bar) in bars.enumerated() {
            let x = left + slot * k + (slot - barWidth) / 2
            let h = top == 0 ? 0 : plotHeight * bar.value / top
            let center = x + barWidth / 2
            if h > 0 {
                out += "<rect x=\"\(x)\" y=\"\(bottom - h)\" width=\"\(barWidth)\" height=\"\(h)\""
                out += " rx=\"2\" fill=\"\(color)\">"
                out += "<title>\(monthName(bar.month)) \(bar.month.year): \(grouped(bar.value))</title></rect>"
            }
            out += "<text x=\"\(center)\" y=\"\(bottom - h - 5)\" text-anchor=\"middle\" class=\"value\">"
            out += "\(grouped(bar.value))</text>"
            out += "<text x=\"\(center)\" y=\"\(bottom + 17)\" text-anchor=\"middle\" class=\"axis\">"
            out += "\(monthName(bar.month))</text>"
            if k == 0 || bar.month.number == 1 {
                out += "<text x=\"\(center)\" y=\"\(bottom + 33)\" text-anchor=\"middle\" class=\"axis\">"
                out += "\(bar.month.year)</text>"
            }
        }
        out += "<line x1=\"\(left)\" y1=\"\(bottom)\" x2=\"\(width - right)\" y2=\"\(bottom)\" stroke=\"#8a96a8\"/>"
        return out + "</svg>"
    }

    /// The smallest of 4, 8, 12, 20, 40, 80, 120, 200, … at or above `value`: four even steps.
    static func roundedTop(_ value: Int) -> Int {
        guard value > 0 else { return 4 }
        var scale = 1
        while true {
            for factor in [4, 8, 12, 20] where factor * scale >= value { return factor * scale }
            scale *= 10
        }
    }

    static func monthName(_ month: Month) -> String {
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][month.number - 1]
    }

    /// `1,234,567`.
    static func grouped(_ n: Int) -> String { (n < 0 ? "-" : "") + grouped(digits: String(n.magnitude)) }

    /// A run of digits with a comma every three from the right.
    static func grouped(digits: Substring) -> String {
        var out = ""
        for (k, c) in digits.enumerated() {
            if k > 0, (digits.count - k) % 3 == 0 { out += "," }
            out.append(c)
        }
        return out
    }

    static func grouped(digits: String) -> String { grouped(digits: digits[...]) }
}
