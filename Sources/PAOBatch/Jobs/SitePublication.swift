#if canImport(Glibc)
    import Glibc
#endif

/// Publication of a run's staged folders (SPEC §6.6, §11, §12): every folder moved into place;
/// then each site's feed and page written beside them on every core, made durable with one sync
/// and renamed into place; then `retain`. A run killed at any point leaves every feed and page
/// whole and naming only folders that exist, as `retain` runs last. With access restricted
/// (SPEC §14), each site's folders are secured and its members file written before its folders
/// are published.
struct SitePublication {
    let publisher: Publisher
    let view: AsOfView
    /// When the pages say they were written.
    let written: String
    /// Per site, who may enter its folders; empty when access is not restricted (SPEC §14).
    let access: [Int32: FolderAccess]

    /// Publishes `items` (`afterFirst` runs once the first folder is in place); returns the
    /// seconds spent writing feeds and pages.
    func run(_ items: [BatchRun.PlannedFolder], afterFirst: () -> Void) throws(OutputError) -> Double {
        try Publisher.checkNoForeignLinks(root: publisher.root)
        let sites = Dictionary(grouping: items, by: \.site).sorted { $0.key < $1.key }.map(\.value)
        var kept: [[String: Set<String>]] = []
        var first = true
        for siteItems in sites {
            let site = view[reseller: siteItems[0].site].site
            if let access = access[siteItems[0].site] {
                try secure(site, jobs: siteItems.map(\.job.name), access)
                try writeMembers(siteItems[0].site)
            }
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

    /// Restricts the site's folder, its job folders (made now if new, still empty) and every
    /// versioned folder already in them, before this run publishes into them; `sites/` is 0711
    /// (no listing). The folders this run publishes got their access in staging.
    private func secure(_ site: String, jobs: [String], _ access: FolderAccess) throws(OutputError) {
        let sites = publisher.root + "/sites"
        try makeFolder(sites)
        guard chmod(sites, 0o711) == 0 else {
            throw OutputError(.cannotCreate, sites, "cannot set the folder's mode: \(FileSystem.errorText())")
        }
        let siteFolder = sites + "/" + site
        try makeFolder(siteFolder)
        try access.apply(to: siteFolder)
        for job in jobs { try makeFolder(siteFolder + "/" + job) }
        for job in try FileSystem.names(siteFolder) where FileSystem.entry(siteFolder + "/" + job) == .folder {
            try access.apply(to: siteFolder + "/" + job)
            for name in try FileSystem.names(siteFolder + "/" + job) where name.hasPrefix(".v-") {
                if FileSystem.entry(siteFolder + "/" + job + "/" + name) == .folder {
                    try access.apply(to: siteFolder + "/" + job + "/" + name)
                }
            }
        }
    }

    /// `access/<site>.members` (0600, replaced atomically): the user ids of the site's ACTIVE
    /// contacts with the REPORTING privilege, sorted, one a line: who the directory should put in
    /// the site's group.
    private func writeMembers(_ site: Int32) throws(OutputError) {
        let folder = publisher.root + "/access"
        try makePrivateFolder(folder)
        let members = view.contactsByReseller[Int(site)].map { view.data.contacts[Int($0)] }
            .filter { $0.status == .ACTIVE && $0.privileges.contains(.REPORTING) }.map(\.userId).sorted(by: textLess)
        try FileSystem.replace(
            "\(folder)/\(view[reseller: site].site).members", with: Array(members.map { $0 + "\n" }.joined().utf8),
            mode: 0o600, tag: publisher.runId)
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
