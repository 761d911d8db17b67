#if canImport(Glibc)
    import Glibc
#endif

/// The process's peak resident memory so far, in MiB (getrusage): run.json records it after the
/// load, the index and the whole run, so an operator can size a machine or a shard's pod.
enum PeakMemory {
    static var mebibytes: JSONValue {
        var usage = rusage()
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return .null }
        return .int(Int(usage.ru_maxrss) / 1024)
    }
}
