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
    init?(folder: String) {
        guard let data = FileManager.default.contents(atPath: folder + "/MANIFEST.json"),
            case .object(let top)? = try? JSONValue.parse(Array(data)),
            let level = BaselineManifest.int(top, "gzipLevel"),
            case .array(let list)? = top.first(where: { $0.key == "files" })?.value
        else { return nil }
        var files: [String: Entry] = [:]
        for item in list {
            guard case .object(let f) = item, case .string(let name)? = BaselineManifest.value(f, "name"),
                case .string(let sha256)? = BaselineManifest.value(f, "sha256"),
                case .string(let rawSha256)? = BaselineManifest.value(f, "rawSha256"),
                let bytes = BaselineManifest.int(f, "bytes"), let rawBytes = BaselineManifest.int(f, "rawBytes")
            else { return nil }
            files[name] = Entry(bytes: bytes, sha256: sha256, raw: RawDigest(bytes: rawBytes, sha256: rawSha256))
        }
        gzipLevel = level
        self.files = files
    }

    private static func value(_ object: [(key: String, value: JSONValue)], _ key: String) -> JSONValue? {
        object.first { $0.key == key }?.value
    }

    private static func int(_ object: [(key: String, value: JSONValue)], _ key: String) -> Int? {
        guard case .number(let text)? = value(object, key) else { return nil }
        return Int(text)
    }
}
