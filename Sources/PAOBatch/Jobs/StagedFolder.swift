import Foundation

/// Writes one (site, job, as-of) folder in the staging area: every report in every format, the
/// shared price files linked in, the manifest — after the isolation check of each row.
struct StagedFolder {
    let view: AsOfView
    let job: Job
    let site: Int32
    let folder: String
    let gzipLevel: Int
    let isolation: IsolationCheck.SiteCheck
    let priceFiles: PriceFileStore

    enum Failure: Error {
        case output(OutputError)
        case isolation(String)
    }

    /// Writes the folder; returns the files written.
    func write() throws(Failure) -> [WrittenFile] {
        do {
            return try writeFiles()
        } catch let error as OutputError {
            throw .output(error)
        } catch {
            throw error as! Failure
        }
    }

    private func writeFiles() throws -> [WrittenFile] {
        let site = view[reseller: self.site].site
        var files: [WrittenFile] = []
        try PreparedRun.makeFolders(folder)
        for report in job.reports {
            let params = job.params[report] ?? ReportParams(report)
            if report == .priceFiles {
                let wanted = priceFiles.keys(site: self.site, params: params).flatMap { key in
                    job.formats.map { (key, $0) }
                }
                for shared in try priceFiles.files(wanted, dialect: job.csv) {
                    try FileSystem.linkOrCopy(shared.path, folder + "/" + shared.file.name)
                    files.append(shared.file)
                }
                continue
            }
            let rows = ReportRegistry.rows(
                report, ReportInput(view: view, site: self.site, params: params, filters: job.filters))
            let columns = IsolationCheck.SiteCheck.Columns(report.spec)
            for i in rows.indices {
                if let breach = isolation.breach(columns, rows[i].values) {
                    throw Failure.isolation("isolation breach in \(report.rawValue) for site \(site): \(breach)")
                }
            }
            for format in job.formats {
                let name = "\(report.rawValue)_\(site)_\(view.asOf).\(format.rawValue).gz"
                let writer = try ReportFileWriter(
                    path: folder + "/" + name, format: format, spec: report.spec,
                    rootAttributes: [("site", site), ("job", job.name), ("asOf", view.asOf.description)],
                    dialect: job.csv, gzipLevel: gzipLevel)
                for i in rows.indices { try writer.write(rows[i].values) }
                files.append(try writer.finish(name: name, report: report))
            }
        }
        try FolderManifest.write(site: site, job: job.name, asOf: view.asOf, files: files, into: folder)
        return files
    }
}
