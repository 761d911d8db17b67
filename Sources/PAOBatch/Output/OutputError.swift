/// A failure writing output.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable {
        /// mkdir, open, link or rename failed, or a foreign symlink was found: exit 73.
        case cannotCreate
        /// write, fsync or close failed: exit 74.
        case io
    }

    public var kind: Kind
    public var path: String
    public var message: String

    public init(_ kind: Kind, _ path: String, _ message: String) {
        self.kind = kind
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}
