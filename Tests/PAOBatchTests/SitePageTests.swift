import Foundation
import Testing
@testable import PAOBatch

/// A reseller name that must reach the page as text, never as markup.
private let hostileName = #"Partner <b>"Q&A"</b> 'Müller' 3"#

/// Parses every page with html5lib in strict mode and checks what a static page must be: no
/// script, no external resource, every relative link resolving, and the hostile name as text.
private let checkPages = #"""
    import html5lib, json, os, sys, urllib.parse
    root, hostile = sys.argv[1], sys.argv[2]
    problems, pages = [], 0
    for site in sorted(os.listdir(root)):
        path = os.path.join(root, site, "index.html")
        if not os.path.exists(path): problems.append((site, "no page")); continue
        pages += 1
        raw = open(path, "rb").read()
        try:
            doc = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(raw)
        except Exception as e:
            problems.append((site, "not strict HTML5", str(e))); continue
        for el in doc.iter():
            tag = el.tag if isinstance(el.tag, str) else ""
            if tag.endswith("script") or tag.endswith("iframe") or tag.endswith("object"):
                problems.append((site, "element", tag))
            for name in ("src", "href", "xlink:href", "{http://www.w3.org/1999/xlink}href"):
                value = el.get(name)
                if value is None or tag.endswith("}svg"): continue
                parsed = urllib.parse.urlsplit(value)
                if parsed.scheme or parsed.netloc or value.startswith("//"):
                    problems.append((site, "external", value))
                elif name in ("href", "src"):
                    target = os.path.join(root, site, urllib.parse.unquote(parsed.path))
                    if not os.path.exists(target): problems.append((site, "broken link", value))
            if tag == "style" and ("url(" in (el.text or "") or "@import" in (el.text or "")):
                problems.append((site, "style loads something"))
        if b"<script" in raw.lower(): problems.append((site, "script"))
        h1 = "".join(doc.find(".//h1").itertext())
        if site == "1000001" and (h1 != hostile or b"<b>" in raw):
            problems.append((site, "name not escaped", h1))
        # Every file of each job's latest folder is linked from the page.
        for job in os.listdir(os.path.join(root, site)):
            latest = os.path.join(root, site, job, "latest")
            if not os.path.islink(latest): continue
            manifest = json.load(open(os.path.join(latest, "MANIFEST.json")))
            for f in manifest["files"]:
                href = urllib.parse.quote(f"{job}/{manifest['asOf']}/{f['name']}")
                if f'href="{href}"'.encode() not in raw: problems.append((site, "file not linked", f["name"]))
    print(json.dumps({"pages": pages, "problems": problems[:20]}))
    """#

/// Renders a page in headless Chromium at a width and counts the pixels of each chart's colour.
private let countChartPixels = #"""
    import subprocess, sys, tempfile, os
    from PIL import Image
    page, width, due, lapsed = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    shot = tempfile.mktemp(suffix=".png")
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    f"--window-size={width},3000", f"--screenshot={shot}", "file://" + page],
                   check=True, capture_output=True, timeout=120)
    image = Image.open(shot).convert("RGB")
    colours = {tuple(int(c[i:i + 2], 16) for i in (1, 3, 5)): 0 for c in (due, lapsed)}
    for pixel in image.getdata():
        if pixel in colours: colours[pixel] += 1
    os.remove(shot)
    print(" ".join(str(n) for n in colours.values()))
    """#

@Suite(.serialized) struct SitePageTests {
    @Test func pagesAreStrictHTML5WithLocalLinksEscapedNamesAndDrawnCharts() throws {
        let dir = sampleRun()
        try FileManager.default.copyItem(atPath: packageRoot + "/Input", toPath: dir + "/Input")
        let resellers = dir + "/Input/resellers.xml"
        var text = try String(contentsOfFile: resellers, encoding: .utf8)
        var escaped: [UInt8] = []
        TextEncoding.appendXMLText(hostileName, to: &escaped)
        text = text.replacingOccurrences(
            of: "Partner Umbrella Industries 3", with: String(decoding: escaped, as: UTF8.self))
        write(text, to: resellers)
        var config = try String(contentsOfFile: dir + "/jobs.json", encoding: .utf8)
        config = config.replacingOccurrences(of: "\"input\": \"\(packageRoot)/Input\"", with: "\"input\": \"Input\"")
        write(config, to: dir + "/jobs.json")
        for asOf in ["2026-11-22", "2026-11-29"] {
            let result = paoBatch(["run", "--config", dir + "/jobs.json", "--as-of", asOf, "--quiet"])
            #expect(result.status == 0, "\(result.stderr)")
        }
        let sites = dir + "/Output/sites"
        let check = runProcess("/usr/bin/python3", ["-c", checkPages, sites, hostileName])
        let report = try #require(
            JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any], "\(check.stderr)")
        #expect(report["pages"] as? Int == 19)
        #expect((report["problems"] as? [Any])?.isEmpty == true, "\(report["problems"] ?? "")")
        #expect(
            shell("ls -a '\(sites)'/*/ | grep -c tmp-").stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
        for width in [1280, 390] {
            let pixels = runProcess(
                "/usr/bin/python3",
                [
                    "-c", countChartPixels, sites + "/1000001/index.html", String(width), SitePageStyle.due,
                    SitePageStyle.lapsed
                ])
            let counts = pixels.stdout.split(separator: " ").compactMap {
                Int($0.trimmingCharacters(in: .whitespacesAndNewlines))
            }
            #expect(
                counts.count == 2 && counts.allSatisfy { $0 > 1000 }, "at \(width) px: \(pixels.stdout)\(pixels.stderr)"
            )
        }
    }

    /// The pipeline is the renewals-summary of the next 12 months; lapsed months are the LAPSED
    /// rows of renewals-180, by month of coverage_end.
    @Test(arguments: ["1000001", "1000003"])
    func figuresAgreeWithTheRenewalReports(_ siteId: String) {
        let site = sampleView.site(siteId)
        let figures = SiteFigures(sampleView, site: site)
        #expect(figures.pipeline.count == 12 && figures.pipeline[0].month == sampleView.asOf.month)
        #expect(figures.lapsed.first?.month == (sampleView.asOf - 180).month)
        func rows(_ report: ReportID) -> [[Cell]] {
            ReportRegistry.rows(
                report,
                ReportInput(view: sampleView, site: site, params: ReportParams(report), filters: CustomerFilters())
            ).map(\.values)
        }
        var lines: [Month: Int] = [:]
        var amounts: [Month: [String: Money]] = [:]
        for row in rows(.renewalsSummary) {
            guard case .month(let month) = row[0], case .text(let currency) = row[1], case .integer(let n) = row[3],
                case .money(let amount, _) = row[5]
            else { Issue.record("unexpected renewals-summary row \(row)"); continue }
            lines[month, default: 0] += Int(n)
            if n > 0, case .integer(let priced) = row[4], priced > 0 { amounts[month, default: [:]][currency] = amount }
        }
        for m in figures.pipeline {
            #expect(m.lines == lines[m.month] ?? 0, "\(m.month)")
            #expect(
                Dictionary(uniqueKeysWithValues: m.amounts.map { ($0.key.code, $0.value) }) == amounts[m.month] ?? [:],
                "\(m.month)")
        }
        var lapsed: [Month: Int] = [:]
        for row in rows(.renewals180) where row[0] == .text("LAPSED") {
            guard case .day(let end) = row[2] else { continue }
            lapsed[end.month, default: 0] += 1
        }
        #expect(figures.lapsed.reduce(0) { $0 + $1.lines } > 0 || siteId != "1000001")
        for m in figures.lapsed { #expect(m.lines == lapsed[m.month] ?? 0, "\(m.month)") }
    }

    @Test func chartsScaleToRoundTopsAndPagesFormatSizesAndAmounts() {
        #expect([0, 1, 4, 5, 9, 13, 27, 200, 201].map(SiteChart.roundedTop) == [4, 4, 4, 8, 12, 20, 40, 200, 400])
        #expect(SiteChart.grouped(1_234_567) == "1,234,567" && SiteChart.grouped(-1000) == "-1,000")
        #expect(SitePageFiles.size(812) == "812 B" && SitePageFiles.size(12_595) == "12.3 KB")
        #expect(SitePage.amount(-123_456_789, Currency(code: "EUR")!) == "-1,234,567.89")
        #expect(SitePage.amount(1235, Currency(code: "JPY")!) == "1,235")
        var link: [UInt8] = []
        HTMLText.href("daily-renewals/2026-11-29/a b#ü.csv.gz", into: &link)
        #expect(String(decoding: link, as: UTF8.self) == "daily-renewals/2026-11-29/a%20b%23%C3%BC.csv.gz")
    }
}
