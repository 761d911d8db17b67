/// CSV output options (SPEC §6.2).
public struct CSVDialect: Sendable, Equatable {
    public enum LineEnding: String, Sendable { case lf, crlf }
    public var bom = false
    public var lineEnding = LineEnding.lf
    public var formulaGuard = true

    public init() {}
}
