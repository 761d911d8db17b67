/// Publication of a run's staged folders (SPEC §6.6, §11, §12): every folder moved into place;
/// then each site's feed and page written beside them on every core, made durable with one sync
/// and renamed into place; then `retain`. A run killed at any point leaves every feed and page
/// whole and naming only folders that exist, as `retain` runs last.
struct SitePublication {
    let publisher: Publisher
    let view: AsOfView
    /// When the pages say they were written.
    let written: String

    /// Publishes `items` (`afterFirst` runs once the first folder is in place); returns the
    /// seconds spent writing feeds and pages.
    func run(_ items: [BatchRun.PlannedFolder], afterFirst: () -> Void) throws(OutputError) -> Double {
        try Publisher.checkNoForeignLinks(root: publisher.root)
        let sites = Dictionary(grouping: items, by: \.site).sorted { $0.key < $1.key }.map(\.value)
        var kept: [[String: Set<String>]] = []
        var first = true
        for siteItems in sites {
            let site = view[reseller: siteItems[0].site].site
            var dates: [String: Set<String>] = [:]
            for item in siteItems {
                try publisher.publish(staged: item.folder, site: site, job: item.job.name)
                if first { afterFirst() }
                first = false
                dates[item.job.name] = try publisher.keptDates(site: site, job: item.job.name)
            }
            kept.append(dates)
        }
        let clock = Stopwatch()
        let replacements = try concurrentMap(sites.count) { n throws(OutputError) in
            let site = sites[n][0].site
            let page = SiteFrontWriter.Page(
                site: pageSite(site), asOf: view.asOf, written: written, figures: SiteFigures(view, site: site))
            return try SiteFrontWriter.stage(root: publisher.root, page: page, runId: publisher.runId) { job, day in
                kept[n][job].map { $0.contains(day) } ?? true
            }
        }
        try syncFileSystem(publisher.root)
        for replacement in replacements.joined() { try FileSystem.move(replacement.temporary, replacement.final) }
        let seconds = clock.elapsed
        for siteItems in sites {
            for item in siteItems {
                try publisher.applyRetain(site: view[reseller: item.site].site, job: item.job.name)
            }
        }
        try syncFileSystem(publisher.root)
        return seconds
    }

    /// Who a site is, for its page.
    private func pageSite(_ site: Int32) -> SitePage.Site {
        let reseller = view[reseller: site]
        let resellers = view.scope.members[Int(site)].count - 1
        return SitePage.Site(
            id: reseller.site, name: reseller.name,
            role: reseller.role == .DISTRIBUTOR
                ? "Distributor for \(resellers) reseller\(resellers == 1 ? "" : "s")" : "Reseller",
            distributor: reseller.distributor.map { "\(view[reseller: $0].site) \(view[reseller: $0].name)" })
    }
}
