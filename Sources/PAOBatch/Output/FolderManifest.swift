/// `MANIFEST.json` and `SHA256SUMS` of one published folder (SPEC §6.5): nothing run-specific.
enum FolderManifest {
    /// Writes both files into `folder`; `files` are the folder's other files, in name order
    /// (the order both list them in). Returns the manifest's SHA-256.
    static func write(
        site: String, job: String, asOf: Day, baseline: Day?, gzipLevel: Int, files: [WrittenFile],
        into folder: String
    ) throws(OutputError) -> String {
        precondition(zip(files, files.dropFirst()).allSatisfy { textLess($0.name, $1.name) }, "files not in name order")
        let manifestFile = try FileSink(path: folder + "/MANIFEST.json")
        let hashing = HashingSink(manifestFile)
        try manifest(site: site, job: job, asOf: asOf, baseline: baseline, gzipLevel: gzipLevel, files: files)
            .withBytes {
                bytes throws(OutputError) in
                try hashing.write(bytes)
            }
        try manifestFile.close()
        var sums = files.map { ($0.name, $0.sha256) } + [("MANIFEST.json", hashing.sha256)]
        sums.sort { textLess($0.0, $1.0) }
        let text = ByteBlock(capacity: 128 * sums.count)
        for (name, sha256) in sums { text.append("\(sha256)  \(name)\n") }
        let sumsFile = try FileSink(path: folder + "/SHA256SUMS")
        try text.withBytes { bytes throws(OutputError) in try sumsFile.write(bytes) }
        try sumsFile.close()
        return hashing.sha256
    }

    /// The manifest as two-space-indented JSON, written straight to bytes: a price-file folder
    /// lists hundreds of files, too many to build a JSON tree for each time.
    static func manifest(site: String, job: String, asOf: Day, baseline: Day?, gzipLevel: Int, files: [WrittenFile])
        -> ByteBlock
    {
        let out = ByteBlock(capacity: 1024 + 256 * files.count)
        out.append(
            "{\n  \"site\": \(JSONValue.quote(site)),\n  \"job\": \(JSONValue.quote(job)),\n"
                + "  \"asOf\": \"\(asOf)\",\n  \"baseline\": \(baseline.map { "\"\($0)\"" } ?? "null"),\n"
                + "  \"schemaVersion\": \(DataContract.schemaVersion),\n"
                + "  \"generator\": \"pao-batch \(toolVersion)\",\n  \"gzipLevel\": \(gzipLevel),\n"
                + "  \"files\": "
        )
        guard !files.isEmpty else {
            out.append("[]\n}\n")
            return out
        }
        out.append("[")
        for (i, f) in files.enumerated() {
            out.append(i > 0 ? ",\n    {\n" : "\n    {\n")
            out.append("      \"name\": \(JSONValue.quote(f.name)),\n      \"report\": \"\(f.reportName)\",\n")
            out.append(
                "      \"format\": \"\(f.format.rawValue)\",\n      \"rows\": \(f.rows),\n"
                    + "      \"bytes\": \(f.bytes),\n"
            )
            out.append("      \"sha256\": \"\(f.sha256)\",\n      \"rawBytes\": \(f.rawBytes),\n")
            out.append("      \"rawSha256\": \"\(f.rawSha256)\"")
            if let c = f.changes {
                out.append(",\n      \"changes\": {\n        \"added\": \(c.added),\n")
                out.append("        \"changed\": \(c.changed),\n        \"deleted\": \(c.deleted)\n      }")
            }
            out.append("\n    }")
        }
        out.append("\n  ]\n}\n")
        return out
    }
}
