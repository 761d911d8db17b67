/// Rewrites a site's `feed.atom` (SPEC §11) and `index.html` (§12) from what is published under
/// `sites/<site>/`, after the run published the site's folders and before `retain` removes any:
/// each is written to a temporary file, fsynced and renamed over the old one, so they only ever
/// name folders that exist.
enum SiteFrontWriter {
    /// What the page shows beside the published folders.
    struct Page {
        var site: SitePage.Site
        var asOf: Day
        var written: String
        var figures: SiteFigures
    }

    /// `keeps(job, as-of)` says which published folders stay once `retain` is applied.
    static func write(root: String, page: Page, runId: String, keeps: (String, String) -> Bool) throws(OutputError) {
        let siteFolder = "\(root)/sites/\(page.site.id)"
        var publications: [PublicationSummary] = []
        var latest: [PublicationSummary] = []
        for job in try FileSystem.names(siteFolder) where FileSystem.entry("\(siteFolder)/\(job)") == .folder {
            if job.hasPrefix(".") { continue }
            let newest = FileSystem.readLink("\(siteFolder)/\(job)/latest")
            for name in try FileSystem.names("\(siteFolder)/\(job)") {
                guard let day = Day.parse(name), FileSystem.entry("\(siteFolder)/\(job)/\(name)") == .symlink,
                    keeps(job, name)
                else { continue }
                publications.append(try PublicationSummary(folder: "\(siteFolder)/\(job)/\(name)", job: job, asOf: day))
                if name == newest { latest.append(publications.last!) }
            }
        }
        for name in try FileSystem.names(siteFolder)
        where name.hasPrefix(".feed.atom.tmp-") || name.hasPrefix(".index.html.tmp-") {
            try FileSystem.removeTree("\(siteFolder)/\(name)")
        }
        let feed = SiteFeed.document(site: page.site.id, resellerName: page.site.name, publications: publications)
        try replace("\(siteFolder)/feed.atom", with: feed, runId: runId)
        let html = SitePage.document(
            site: page.site, asOf: page.asOf, written: page.written, latest: latest, figures: page.figures)
        try replace("\(siteFolder)/index.html", with: html, runId: runId)
    }

    private static func replace(_ path: String, with bytes: [UInt8], runId: String) throws(OutputError) {
        let slash = path.lastIndex(of: "/")!
        let temporary = "\(path[..<slash])/.\(path[path.index(after: slash)...]).tmp-\(runId)"
        let file = try FileSink(path: temporary)
        try file.write(bytes)
        try file.close(sync: true)
        try FileSystem.move(temporary, path)
    }
}
