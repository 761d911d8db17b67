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
            try JSONParser.object(Array(data)) { key, p throws(JSONSyntaxError) in
                switch key {
                case "gzipLevel": level = try p.intValue()
                case "files": files = try BaselineManifest.entries(&p)
                default: try p.skipValue()
                }
            }
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
        var files: [String: Entry]? = [:]
        while try p.nextElement() {
            var name: String?, sha256: String?, rawSha256: String?, bytes: Int?, rawBytes: Int?
            let isObject = try p.members { key, p throws(JSONSyntaxError) in
                switch key {
                case "name": name = try p.stringValue()
                case "sha256": sha256 = try p.stringValue()
                case "rawSha256": rawSha256 = try p.stringValue()
                case "bytes": bytes = try p.intValue()
                case "rawBytes": rawBytes = try p.intValue()
                default: try p.skipValue()
                }
            }
            guard isObject, let name, let sha256, let rawSha256, let bytes, let rawBytes else {
                files = nil
                continue
            }
            files?[name] = Entry(bytes: bytes, sha256: sha256, raw: RawDigest(bytes: rawBytes, sha256: rawSha256))
        }
        return files
    }
}
