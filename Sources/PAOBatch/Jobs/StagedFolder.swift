import Foundation

/// Writes one (site, job, as-of) folder in the staging area: every report in every format, the
/// shared price files linked in, the changes files against the baseline (SPEC §11), the
/// manifest — after the isolation check of each row.
struct StagedFolder {
    let view: AsOfView
    let job: Job
    let site: Int32
    let folder: String
    /// `sites/<site>/<job>` on the share, where the baseline is looked for.
    let publishedFolder: String
    let gzipLevel: Int
    let isolation: IsolationCheck.SiteCheck
    let priceFiles: PriceFileStore
    /// Who may enter the folder once published (SPEC §14); nil: as the umask makes it.
    let access: FolderAccess?

    enum Failure: Error {
        case output(OutputError)
        case isolation(String)
    }

    /// What the folder holds, and what the run record should hear about it.
    struct Staged {
        var files: [WrittenFile] = []
        var warnings: [String] = []
        /// What the run index says of the folder once published.
        var figures = RunIndex.Folder()
    }

    /// Writes the folder.
    func write() throws(Failure) -> Staged {
        do {
            return try writeFiles()
        } catch let error as OutputError {
            throw .output(error)
        } catch {
            throw error as! Failure
        }
    }

    private var siteId: String { view[reseller: site].site }

    private func writeFiles() throws -> Staged {
        var staged = Staged()
        try PreparedRun.makeFolders(folder)
        var baseline: Baseline?
        if job.changes {
            do {
                baseline = try Baseline.find(jobFolder: publishedFolder, before: view.asOf)
            } catch {
                staged.warnings.append("no changes for \(siteId)/\(job.name): \(error.description)")
            }
        }
        for report in job.reports {
            let params = job.params[report] ?? ReportParams(report)
            if report == .priceFiles {
                try linkPriceFiles(params, baseline: baseline, into: &staged)
                continue
            }
            let rows = ReportRegistry.rows(
                report, ReportInput(view: view, site: site, params: params, filters: job.filters)
            ).map(\.values)
            let columns = IsolationCheck.SiteCheck.Columns(report.spec)
            for row in rows {
                if let breach = isolation.breach(columns, row) {
                    throw Failure.isolation("isolation breach in \(report.rawValue) for site \(siteId): \(breach)")
                }
            }
            let stem = "\(report.rawValue)_\(siteId)"
            let changes = baseline.flatMap { compare(rows, report, with: $0, stem: stem, warnings: &staged.warnings) }
            // Unchanged rows with no volatile column print the same bytes: worth trying the baseline's.
            let unchanged = changes?.counts == ChangeCounts() && (report.identity.volatile.isEmpty || rows.isEmpty)
            for format in job.formats {
                var file = try writeFile(
                    stem, format, FileLayout(report), rows, reusing: unchanged ? baseline : nil)
                file.changes = changes?.counts
                staged.files.append(file)
            }
            if let changes {
                let layout = FileLayout.changes(report, columns: ChangeSet.columns(report.spec.columns))
                for format in job.formats {
                    staged.files.append(
                        try writeFile("\(report.rawValue)-changes_\(siteId)", format, layout, changes.rows))
                }
            }
        }
        // Once, in the order the manifest, SHA256SUMS and the run index's figures take them.
        staged.files.sort { textLess($0.name, $1.name) }
        let manifestSha256 = try FolderManifest.write(
            site: siteId, job: job.name, asOf: view.asOf, baseline: baseline?.asOf, gzipLevel: gzipLevel,
            files: staged.files, into: folder)
        staged.figures = RunIndex.Folder(
            PublicationSummary(job: job.name, asOf: view.asOf, baseline: baseline?.asOf, written: staged.files),
            manifestSha256: manifestSha256)
        try access?.apply(to: folder)
        return staged
    }

    /// Today's rows against the baseline's file of the same report; nil when it has none or it
    /// cannot be used (a warning, never a failed run).
    private func compare(
        _ rows: [[Cell]], _ report: ReportID, with baseline: Baseline, stem: String, warnings: inout [String]
    ) -> ChangeSet? {
        guard let (path, format, entry) = baseline.file(stem: stem) else { return nil }
        do throws(BaselineFile.Unusable) {
            let old = try BaselineFile.rows(path: path, format: format, entry: entry, columns: report.spec.columns)
            return ChangeSet(columns: report.spec.columns, identity: report.identity, today: rows, baseline: old)
        } catch {
            warnings.append("baseline file \(path) not compared: \(error.reason)")
            return nil
        }
    }

    /// Writes one file; with `reusing`, links the baseline's file instead when the raw bytes match.
    private func writeFile(
        _ stem: String, _ format: OutputFormat, _ layout: FileLayout, _ rows: [[Cell]], reusing: Baseline? = nil
    ) throws -> WrittenFile {
        let output = ReportFileOutput(
            format: format, layout: layout,
            rootAttributes: [("site", siteId), ("job", job.name), ("asOf", view.asOf.description)],
            dialect: job.csv, gzipLevel: gzipLevel, asOf: view.asOf)
        return try output.write(rows, stem: stem, into: folder, reusing: reusing)
    }

    /// Links in the site's shared price files, and their shared changes files against the
    /// baseline's price files.
    private func linkPriceFiles(_ params: ReportParams, baseline: Baseline?, into staged: inout Staged) throws {
        let keys = priceFiles.keys(site: site, params: params)
        var counts: [PriceFileKey: ChangeCounts] = [:]
        var changesFiles: [PriceFileStore.Shared] = []
        for key in keys {
            guard let baseline, let old = baseline.file(stem: key.stem) else { continue }
            switch try priceFiles.changes(key, formats: job.formats, dialect: job.csv, baseline: old) {
            case .success(let changes):
                counts[key] = changes.counts
                changesFiles += changes.files
            case .failure(let problem):
                staged.warnings.append("baseline file \(old.path) not compared: \(problem.reason)")
            }
        }
        let wanted = keys.flatMap { key in job.formats.map { (key, $0) } }
        var linked = try priceFiles.files(
            wanted, dialect: job.csv, baseline: baseline, unchanged: Set(keys.filter { counts[$0] == ChangeCounts() }))
        for i in linked.indices { linked[i].file.changes = counts[wanted[i].0] }
        for shared in linked + changesFiles {
            try FileSystem.linkOrCopy(shared.path, folder + "/" + shared.file.name)
            staged.files.append(shared.file)
        }
    }
}
