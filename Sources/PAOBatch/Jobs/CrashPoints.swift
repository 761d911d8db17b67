#if canImport(Glibc)
    import Glibc
#endif

/// Fault injection for the publication tests: `PAO_BATCH_CRASH_AT=<point>` kills the process
/// with SIGKILL when the run reaches that point (documented in docs/operations.md).
public struct CrashPoints: Sendable {
    public enum Point: String, Sendable {
        case afterStaging = "after-staging"
        case betweenPublishes = "between-publishes"
        case beforeLatest = "before-latest"
        case duringRetain = "during-retain"
    }

    let armed: Point?

    public init(environment: [String: String]) {
        armed = environment["PAO_BATCH_CRASH_AT"].flatMap(Point.init(rawValue:))
    }

    func reached(_ point: Point) {
        if armed == point { kill(getpid(), SIGKILL) }
    }

    /// A point inside the publisher.
    func reached(_ point: Publisher.Point) {
        switch point {
        case .beforeLatest: reached(Point.beforeLatest)
        case .duringRetain: reached(Point.duringRetain)
        }
    }
}
