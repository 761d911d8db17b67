import Foundation

extension JobsConfig {
    /// Reads and checks a `jobs.json`; paths in it are resolved against its folder.
    public static func load(path: String) throws(ConfigError) -> JobsConfig {
        guard let data = FileManager.default.contents(atPath: path) else {
            let folder = FileManager.default.currentDirectoryPath
            throw ConfigError("", "cannot read the config \(path) (working folder \(folder)): \(whyUnreadable(path))")
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        return try decode(Array(data), folder: folder)
    }

    /// Checks a configuration document (SPEC §1.1).
    public static func decode(_ bytes: [UInt8], folder: String) throws(ConfigError) -> JobsConfig {
        let root: JSONValue
        do { root = try JSONValue.parse(bytes) } catch {
            throw ConfigError("$", "not valid JSON at byte \(error.offset): \(error.message)")
        }
        let top = try ConfigNode(root, "$").object(allowed: [
            "input", "output", "timezone", "gzipLevel", "csv", "rejects", "retain", "access", "jobs"
        ])
        func resolve(_ p: String) -> String { p.hasPrefix("/") ? p : folder + "/" + p }
        let timezone = try top["timezone"]?.string() ?? "UTC"
        if TimeZone(identifier: timezone) == nil { throw ConfigError("$.timezone", "unknown time zone \(timezone)") }
        let csv = try top["csv"].map { (n) throws(ConfigError) in try n.csvDialect(base: CSVDialect()) } ?? CSVDialect()
        var thresholds = RejectThresholds()
        if let r = try top["rejects"]?.object(allowed: ["maxRatio", "feeds"]) {
            thresholds.maxRatio = try r["maxRatio"]?.ratio() ?? thresholds.maxRatio
            if let feeds = r["feeds"] {
                for (name, node) in try feeds.members() {
                    guard let feed = FeedName(rawValue: name) else {
                        throw ConfigError(node.path, "unknown feed \(name)")
                    }
                    thresholds.perFeed[feed] = try node.object(allowed: ["maxRatio"])["maxRatio"]?.ratio()
                }
            }
        }
        var access = ShareAccess()
        if let a = try top["access"]?.object(allowed: ["mode", "groupPrefix", "dataGroup"]) {
            access.dataGroup = try a["dataGroup"]?.string()
            if let mode = a["mode"] {
                let text = try mode.string()
                guard let parsed = ShareAccess.Mode(rawValue: text) else {
                    throw ConfigError(mode.path, "mode must be none or group, not \(text)")
                }
                access.mode = parsed
            }
            if let prefix = a["groupPrefix"] {
                access.groupPrefix = try prefix.string()
                guard
                    access.groupPrefix.utf8.allSatisfy({
                        $0 &- 0x61 < 26 || $0 &- 0x30 < 10 || $0 == 0x2D || $0 == 0x5F
                    }),
                    access.groupPrefix.utf8.count <= 20
                else {
                    throw ConfigError(prefix.path, "groupPrefix must be at most 20 of a-z 0-9 - _")
                }
            }
        }
        let gzipLevel = try top["gzipLevel"]?.integer(1...9) ?? 6
        let retain = try top["retain"]?.integer(1...Int(Int32.max)) ?? 7
        let input = resolve(try top["input"]?.string() ?? "Input")
        let output = resolve(try top["output"]?.string() ?? "Output")
        try checkOutputRoot(output, input: input, given: top["output"])
        guard let jobsNode = top["jobs"] else { throw ConfigError("$.jobs", "jobs is required") }
        var jobs: [Job] = []
        for node in try jobsNode.array() {
            let job = try node.job(defaultCSV: csv)
            if jobs.contains(where: { $0.name == job.name }) {
                throw ConfigError(node.path + ".name", "job name \(job.name) is used twice")
            }
            jobs.append(job)
        }
        if jobs.isEmpty { throw ConfigError("$.jobs", "at least one job is required") }
        return JobsConfig(
            input: input, output: output, timezone: timezone, gzipLevel: gzipLevel, csv: csv,
            rejects: thresholds, retain: retain, access: access, jobs: jobs)
    }
}

/// The operating system's reason a file cannot be read.
private func whyUnreadable(_ path: String) -> String {
    var st = stat()
    if stat(path, &st) != 0 { return String(cString: strerror(errno)) }
    if (st.st_mode & S_IFMT) == S_IFDIR { return "it is a folder" }
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    if fd < 0 { return String(cString: strerror(errno)) }
    close(fd)
    return "read failed"
}

/// Refuses an output root that would publish over something not the tool's own: an empty path,
/// the file-system root, or the input folder (compared lexically and, when both exist, resolved).
private func checkOutputRoot(_ output: String, input: String, given: ConfigNode?) throws(ConfigError) {
    let path = given?.path ?? "$.output"
    if case .string(let raw)? = given?.value, raw.isEmpty {
        throw ConfigError(path, "output must name a folder, not be empty")
    }
    let lexical = URL(fileURLWithPath: output).standardizedFileURL.path
    let resolved = URL(fileURLWithPath: output).resolvingSymlinksInPath().path
    if lexical == "/" || resolved == "/" { throw ConfigError(path, "output must not be the file-system root") }
    let inputs = [
        URL(fileURLWithPath: input).standardizedFileURL.path, URL(fileURLWithPath: input).resolvingSymlinksInPath().path
    ]
    if inputs.contains(lexical) || inputs.contains(resolved) {
        throw ConfigError(path, "output must not be the input folder \(input)")
    }
}

/// A JSON value with its path, and typed accessors that throw `ConfigError`s naming that path.
struct ConfigNode {
    let value: JSONValue
    let path: String

    init(_ value: JSONValue, _ path: String) {
        self.value = value
        self.path = path
    }

    func fail(_ message: String) -> ConfigError { ConfigError(path, message) }

    /// The members of an object, each with its path; repeated keys are errors.
    func members() throws(ConfigError) -> [(String, ConfigNode)] {
        guard case .object(let members) = value else { throw fail("must be an object") }
        var seen: Set<String> = []
        var out: [(String, ConfigNode)] = []
        for (key, v) in members {
            let child = ConfigNode(v, path + "." + key)
            guard seen.insert(key).inserted else { throw child.fail("key \(key) appears twice") }
            out.append((key, child))
        }
        return out
    }

    /// An object whose keys must all be `allowed`.
    func object(allowed: Set<String>) throws(ConfigError) -> [String: ConfigNode] {
        var out: [String: ConfigNode] = [:]
        for (key, child) in try members() {
            guard allowed.contains(key) else { throw child.fail("unknown key \(key)") }
            out[key] = child
        }
        return out
    }

    func array() throws(ConfigError) -> [ConfigNode] {
        guard case .array(let items) = value else { throw fail("must be an array") }
        return items.enumerated().map { ConfigNode($0.element, "\(path)[\($0.offset)]") }
    }

    func string() throws(ConfigError) -> String {
        guard case .string(let s) = value else { throw fail("must be a string") }
        return s
    }

    func bool() throws(ConfigError) -> Bool {
        guard case .bool(let b) = value else { throw fail("must be true or false") }
        return b
    }

    func integer(_ range: ClosedRange<Int>) throws(ConfigError) -> Int {
        guard case .number(let text) = value, let n = Int(text) else { throw fail("must be an integer") }
        guard range.contains(n) else { throw fail("must be from \(range.lowerBound) to \(range.upperBound)") }
        return n
    }

    func ratio() throws(ConfigError) -> Double {
        guard case .number(let text) = value, let d = Double(text) else { throw fail("must be a number") }
        guard d >= 0, d <= 1 else { throw fail("must be from 0 to 1") }
        return d
    }

    func date() throws(ConfigError) -> Day {
        guard let d = Day.parse(try string()) else { throw fail("must be a date YYYY-MM-DD") }
        return d
    }

    /// A non-empty list of strings without repeats.
    func stringList(allowed: [String]? = nil) throws(ConfigError) -> [String] {
        let items = try array()
        guard !items.isEmpty else { throw fail("must not be empty") }
        var out: [String] = []
        for item in items {
            let s = try item.string()
            if let allowed, !allowed.contains(s) {
                throw item.fail("must be one of \(allowed.joined(separator: ", "))")
            }
            guard !out.contains(s) else { throw item.fail("\(s) is listed twice") }
            out.append(s)
        }
        return out
    }

    func csvDialect(base: CSVDialect) throws(ConfigError) -> CSVDialect {
        let o = try object(allowed: ["bom", "lineEnding", "formulaGuard"])
        var d = base
        if let n = o["bom"] { d.bom = try n.bool() }
        if let n = o["formulaGuard"] { d.formulaGuard = try n.bool() }
        if let n = o["lineEnding"] {
            guard let e = CSVDialect.LineEnding(rawValue: try n.string()) else { throw n.fail("must be lf or crlf") }
            d.lineEnding = e
        }
        return d
    }
}
