/// Writes `runs/<run-id>/rejects.csv.gz` (SPEC §6.5).
enum RejectsFile {
    static let header = ["feed", "file", "line", "field", "code", "message", "raw"]

    static func write(_ rejects: [Reject], to path: String, dialect: CSVDialect, gzipLevel: Int) throws(OutputError) {
        let file = try FileSink(path: path, mode: 0o600)
        let gzip = GzipWriter(sink: file, level: gzipLevel)
        let csv = CSVRowWriter(sink: gzip, dialect: dialect)
        try csv.row(header.map { ($0, false) })
        for r in rejects {
            try csv.row([
                (r.feed, false), (r.file, false), (String(r.line), false), (r.field, false), (r.code.rawValue, false),
                (r.message, true), (displayRaw(r.raw), true)
            ])
        }
        try csv.flush()
        try gzip.finish()
        try file.close()
    }

    /// Invalid UTF-8 as U+FFFD, cut at 1,024 bytes on a character boundary.
    static func displayRaw(_ raw: [UInt8]) -> String {
        let text = String(decoding: raw, as: UTF8.self)
        guard text.utf8.count > 1024 else { return text }
        var out = ""
        var bytes = 0
        for scalar in text.unicodeScalars {
            let n = String(scalar).utf8.count
            if bytes + n > 1024 { break }
            out.unicodeScalars.append(scalar)
            bytes += n
        }
        return out
    }
}
