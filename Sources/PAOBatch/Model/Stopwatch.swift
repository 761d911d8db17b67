#if canImport(Glibc)
    import Glibc
#endif

/// Elapsed wall time from a start, for run figures (never for decisions).
public struct Stopwatch: Sendable {
    private let start: timespec

    public init() {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        start = t
    }

    /// Seconds since the stopwatch was made.
    public var elapsed: Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec - start.tv_sec) + Double(t.tv_nsec - start.tv_nsec) / 1e9
    }
}
