/// Rewrites a site's `feed.atom` from what is published under `sites/<site>/`, after the run
/// published the site's folders and before `retain` removes any: write a temporary file, fsync,
/// rename over the feed. So the feed only ever names folders that exist.
enum SiteFeedWriter {
    /// `keeps(job, as-of)` says which published folders stay once `retain` is applied.
    static func write(
        root: String, site: String, resellerName: String, runId: String, keeps: (String, String) -> Bool
    ) throws(OutputError) {
        let siteFolder = "\(root)/sites/\(site)"
        var publications: [PublicationSummary] = []
        for job in try FileSystem.names(siteFolder) where FileSystem.entry("\(siteFolder)/\(job)") == .folder {
            if job.hasPrefix(".") { continue }
            for name in try FileSystem.names("\(siteFolder)/\(job)") {
                guard let day = Day.parse(name), FileSystem.entry("\(siteFolder)/\(job)/\(name)") == .symlink,
                    keeps(job, name)
                else { continue }
                publications.append(try PublicationSummary(folder: "\(siteFolder)/\(job)/\(name)", job: job, asOf: day))
            }
        }
        for name in try FileSystem.names(siteFolder) where name.hasPrefix(".feed.atom.tmp-") {
            try FileSystem.removeTree("\(siteFolder)/\(name)")
        }
        let temporary = "\(siteFolder)/.feed.atom.tmp-\(runId)"
        let file = try FileSink(path: temporary)
        try file.write(SiteFeed.document(site: site, resellerName: resellerName, publications: publications))
        try file.close(sync: true)
        try FileSystem.move(temporary, "\(siteFolder)/feed.atom")
    }
}
