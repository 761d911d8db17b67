/// Rewrites a site's `feed.atom` from what is published under `sites/<site>/`, after the run
/// published the site's folders: write a temporary file, fsync, rename over the feed.
enum SiteFeedWriter {
    static func write(root: String, site: String, resellerName: String, runId: String) throws(OutputError) {
        let siteFolder = "\(root)/sites/\(site)"
        var publications: [PublicationSummary] = []
        for job in try FileSystem.names(siteFolder) where FileSystem.entry("\(siteFolder)/\(job)") == .folder {
            if job.hasPrefix(".") { continue }
            for name in try FileSystem.names("\(siteFolder)/\(job)") {
                guard let day = Day.parse(name), FileSystem.entry("\(siteFolder)/\(job)/\(name)") == .symlink else {
                    continue
                }
                publications.append(try PublicationSummary(folder: "\(siteFolder)/\(job)/\(name)", job: job, asOf: day))
            }
        }
        for name in try FileSystem.names(siteFolder) where name.hasPrefix(".feed.atom.tmp-") {
            try FileSystem.removeTree("\(siteFolder)/\(name)")
        }
        let temporary = "\(siteFolder)/.feed.atom.tmp-\(runId)"
        let file = try FileSink(path: temporary)
        try file.write(SiteFeed.document(site: site, resellerName: resellerName, publications: publications))
        try file.close()
        try FileSystem.move(temporary, "\(siteFolder)/feed.atom")
    }
}
