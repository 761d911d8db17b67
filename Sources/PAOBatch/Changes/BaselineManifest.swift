import Foundation

/// What a baseline folder's MANIFEST.json says about its files, for reuse (SPEC §11).
struct BaselineManifest {
    struct Entry {
        var bytes: Int
        var sha256: String
        var raw: RawDigest
    }

    let gzipLevel: Int
    let files: [String: Entry]

    /// The manifest of `folder`; nil when it cannot be read or predates raw hashes (no reuse then).
    /// Of a key given twice, the last counts.
    init?(folder: String) {
        guard let data = FileManager.default.contents(atPath: folder + "/MANIFEST.json") else { return nil }
        var level: Int?
        var files: [String: Entry]?
        do throws(JSONSyntaxError) {
            var p = JSONParser(bytes: Array(data))
            p.skipSpace()
            try p.beginObject()
            while let key = try p.nextKey() {
                switch key {
                case "gzipLevel": level = try p.intValue()
                case "files": files = try BaselineManifest.entries(&p)
                default: try p.skipValue()
                }
            }
            try p.finish()
        } catch {
            return nil
        }
        guard let level, let files else { return nil }
        gzipLevel = level
        self.files = files
    }

    /// The files array at the cursor by name; nil when it is not one or an entry lacks a field.
    private static func entries(_ p: inout JSONParser) throws(JSONSyntaxError) -> [String: Entry]? {
        guard p.current == UInt8(ascii: "[") else {
            try p.skipValue()
            return nil
        }
        try p.beginArray()
        var files: [String: Entry] = [:]
        while try p.nextElement() {
            guard p.current == UInt8(ascii: "{") else { return nil }
            try p.beginObject()
            var name: String?, sha256: String?, rawSha256: String?, bytes: Int?, rawBytes: Int?
            while let key = try p.nextKey() {
                switch key {
                case "name": name = try p.stringValue()
                case "sha256": sha256 = try p.stringValue()
                case "rawSha256": rawSha256 = try p.stringValue()
                case "bytes": bytes = try p.intValue()
                case "rawBytes": rawBytes = try p.intValue()
                default: try p.skipValue()
                }
            }
            guard let name, let sha256, let rawSha256, let bytes, let rawBytes else { return nil }
            files[name] = Entry(bytes: bytes, sha256: sha256, raw: RawDigest(bytes: rawBytes, sha256: rawSha256))
        }
        return files
    }
}
