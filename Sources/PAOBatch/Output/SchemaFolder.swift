import Foundation

/// `Output/schemas/` (SPEC §15): the catalogue, the Table Schemas and the XSDs, readable by
/// everyone who reaches `Output/`. A file is replaced, atomically, only when its content differs,
/// so a puller can watch it and reruns touch nothing.
enum SchemaFolder {
    /// Writes what differs; returns the names it replaced. Temporary files are named after the
    /// shard and run, so concurrent shards never share one, and a killed run's are removed by
    /// the next run of its shard.
    @discardableResult
    static func write(root: String, shardTag: String, runId: String) throws(OutputError) -> [String] {
        let folder = root + "/schemas"
        try makeFolder(folder)
        for name in try FileSystem.names(folder) where name.hasPrefix(".") && name.contains(".tmp-\(shardTag)-") {
            try FileSystem.removeTree(folder + "/" + name)
        }
        var replaced: [String] = []
        for (name, text) in DataContract.schemaFiles() {
            let path = folder + "/" + name
            let bytes = Array(text.utf8)
            // A file that cannot be read is simply written again.
            if FileSystem.entry(path) == .other, FileManager.default.contents(atPath: path) == Data(bytes) { continue }
            try FileSystem.replace(path, with: bytes, mode: 0o644, tag: "\(shardTag)-\(runId)")
            replaced.append(name)
        }
        if !replaced.isEmpty { try syncFolder(folder) }
        return replaced
    }
}
