import Foundation

/// `Output/schemas/` (SPEC §15): the catalogue, the Table Schemas and the XSDs, readable by
/// everyone who reaches `Output/`. A file is replaced, atomically, only when its content differs,
/// so a puller can watch it and reruns touch nothing.
enum SchemaFolder {
    /// Writes what differs; returns the names it replaced.
    @discardableResult
    static func write(root: String, tag: String) throws(OutputError) -> [String] {
        let folder = root + "/schemas"
        try makeFolder(folder)
        var replaced: [String] = []
        for (name, text) in DataContract.schemaFiles() {
            let path = folder + "/" + name
            let bytes = Array(text.utf8)
            // A file that cannot be read is simply written again.
            if FileSystem.entry(path) == .other, FileManager.default.contents(atPath: path) == Data(bytes) { continue }
            try FileSystem.replace(path, with: bytes, mode: 0o644, tag: tag)
            replaced.append(name)
        }
        if !replaced.isEmpty { try syncFolder(folder) }
        return replaced
    }
}
