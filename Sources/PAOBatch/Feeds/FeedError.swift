/// A problem that stops loading a feed (it is not a per-record reject).
public struct FeedError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable {
        /// The feed's structure is broken (SPEC §2.0): exit 65.
        case structural
        /// A required feed is missing or cannot be opened: exit 66.
        case missing
        /// Reading failed after opening: exit 74.
        case io
    }

    public var kind: Kind
    public var file: String
    /// 1-based line where the problem was seen, when known.
    public var line: Int?
    public var message: String

    public init(_ kind: Kind, file: String, line: Int? = nil, _ message: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        "\(file)\(line.map { ":\($0)" } ?? ""): \(message)"
    }
}
