#if canImport(Glibc)
    import Glibc
#endif

/// Where bytes go: a file, or any other consumer.
public protocol ByteSink: AnyObject {
    func write(_ bytes: UnsafeRawBufferPointer) throws(OutputError)
}

/// A new file written through one descriptor, never following a symlink.
public final class FileSink: ByteSink {
    public let path: String
    private var fd: Int32
    public private(set) var bytesWritten = 0

    /// Creates (or truncates) `path` with `mode` (less the umask); refuses to open through a symlink.
    public init(path: String, mode: mode_t = 0o644) throws(OutputError) {
        self.path = path
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, mode)
        guard fd >= 0 else {
            throw OutputError(.cannotCreate, path, "cannot create: \(String(cString: strerror(errno)))")
        }
    }

    deinit { if fd >= 0 { Glibc.close(fd) } }

    public func write(_ bytes: UnsafeRawBufferPointer) throws(OutputError) {
        var offset = 0
        while offset < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw OutputError(.io, path, "write failed: \(String(cString: strerror(errno)))")
            }
            offset += n
        }
        bytesWritten += bytes.count
    }

    /// Closes the file, fsyncing it first when asked (staged outputs are made durable all at
    /// once with `syncFileSystem` instead).
    public func close(sync: Bool = false) throws(OutputError) {
        defer { fd = -1 }
        if sync, fsync(fd) != 0 { throw OutputError(.io, path, "fsync failed: \(String(cString: strerror(errno)))") }
        if Glibc.close(fd) != 0 { throw OutputError(.io, path, "close failed: \(String(cString: strerror(errno)))") }
    }
}

extension ByteSink {
    /// Writes the bytes of an array.
    public func write(_ bytes: [UInt8]) throws(OutputError) {
        var failure: OutputError?
        bytes.withUnsafeBytes { p in
            do throws(OutputError) { try write(p) } catch { failure = error }
        }
        if let failure { throw failure }
    }
}
