/// Rewrites a site's `feed.atom` (SPEC §11) and `index.html` (§12) from what is published under
/// `sites/<site>/`, after the run published the site's folders and before `retain` removes any:
/// each is written to a temporary file that the caller makes durable and renames over the old
/// one, so they only ever name folders that exist.
enum SiteFrontWriter {
    /// What the page shows beside the published folders.
    struct Page {
        var site: SitePage.Site
        var asOf: Day
        var written: String
        var figures: SiteFigures
    }

    /// A temporary file written, and the name it takes once renamed.
    struct Replacement {
        var temporary: String
        var final: String
    }

    /// Writes the site's feed and page as temporary files beside them (not yet synced);
    /// `keeps(job, as-of)` says which published folders stay once `retain` is applied.
    static func stage(root: String, page: Page, runId: String, keeps: (String, String) -> Bool) throws(OutputError)
        -> [Replacement]
    {
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
        let html = SitePage.document(
            site: page.site, asOf: page.asOf, written: page.written, latest: latest, figures: page.figures)
        return [
            try write(feed, siteFolder, "feed.atom", runId: runId),
            try write(html, siteFolder, "index.html", runId: runId)
        ]
    }

    private static func write(_ bytes: [UInt8], _ folder: String, _ name: String, runId: String) throws(OutputError)
        -> Replacement
    {
        let temporary = "\(folder)/.\(name).tmp-\(runId)"
        let file = try FileSink(path: temporary)
        try file.write(bytes)
        try file.close()
        return Replacement(temporary: temporary, final: "\(folder)/\(name)")
    }
}
