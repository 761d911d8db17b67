/// `MANIFEST.json` and `SHA256SUMS` of one published folder (SPEC §6.5): nothing run-specific.
enum FolderManifest {
    /// Writes both files into `folder`; `files` are the folder's other files.
    static func write(site: String, job: String, asOf: Day, files: [WrittenFile], into folder: String) throws(OutputError) {
        let sorted = files.sorted { textLess($0.name, $1.name) }
        let manifest = JSONValue.object([
            ("site", .string(site)), ("job", .string(job)), ("asOf", .string(asOf.description)),
            ("files", .array(sorted.map { f in
                .object([("name", .string(f.name)), ("report", .string(f.report.rawValue)), ("format", .string(f.format.rawValue)),
                         ("rows", .int(f.rows)), ("bytes", .int(f.bytes)), ("sha256", .string(f.sha256))])
            })),
        ])
        let manifestBytes = Array((manifest.serialized() + "\n").utf8)
        let manifestFile = try FileSink(path: folder + "/MANIFEST.json")
        let hashing = HashingSink(manifestFile)
        try hashing.write(manifestBytes)
        try manifestFile.close()
        var sums = sorted.map { ($0.name, $0.sha256) } + [("MANIFEST.json", hashing.sha256)]
        sums.sort { textLess($0.0, $1.0) }
        let sumsFile = try FileSink(path: folder + "/SHA256SUMS")
        try sumsFile.write(Array(sums.map { "\($0.1)  \($0.0)\n" }.joined().utf8))
        try sumsFile.close()
    }
}
