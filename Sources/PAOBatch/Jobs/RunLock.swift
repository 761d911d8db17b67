#if canImport(Glibc)
    import Glibc
#endif

/// The output folder's `flock` (SPEC §7): held for the life of the process, released by the
/// kernel when it ends, so a killed run leaves no stale lock.
public final class RunLock {
    private let fd: Int32

    public enum Failure: Error {
        case held
        case cannotOpen(OutputError)
    }

    /// Takes `Output/.lock` exclusively, or shared plus `.lock-K-N` for shard K of N; never waits.
    public init(outputRoot: String, shard: (k: Int, n: Int)? = nil) throws(Failure) {
        fd = try RunLock.take(outputRoot + "/.lock", shard == nil ? LOCK_EX : LOCK_SH)
        if let shard {
            do { extra = try RunLock.take("\(outputRoot)/.lock-\(shard.k)-\(shard.n)", LOCK_EX) } catch {
                close(fd)
                throw error
            }
        }
    }

    private var extra: Int32 = -1

    private static func take(_ path: String, _ mode: Int32) throws(Failure) -> Int32 {
        let fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw .cannotOpen(
                OutputError(.cannotCreate, path, "cannot open the lock: \(String(cString: strerror(errno)))"))
        }
        guard flock(fd, mode | LOCK_NB) == 0 else {
            close(fd)
            throw .held
        }
        return fd
    }

    deinit {
        if extra >= 0 { close(extra) }
        close(fd)
    }
}
