/// Process exit codes (SPEC §1, sysexits). When several apply, `precedence` decides.
public enum ExitStatus: Int32, Sendable, CaseIterable {
    case ok = 0
    case usage = 64
    case dataError = 65
    case noInput = 66
    case software = 70
    case cannotCreate = 73
    case ioError = 74
    case locked = 75
    case config = 78

    /// The first of 64, 78, 75, 66, 65, 73, 74, 70 wins.
    public static let precedence: [ExitStatus] = [
        .usage, .config, .locked, .noInput, .dataError, .cannotCreate, .ioError, .software
    ]

    init(_ error: FeedError) {
        switch error.kind {
        case .structural: self = .dataError
        case .missing: self = .noInput
        case .io: self = .ioError
        }
    }

    public init(outputError error: OutputError) {
        self = error.kind == .cannotCreate ? .cannotCreate : .ioError
    }
}
