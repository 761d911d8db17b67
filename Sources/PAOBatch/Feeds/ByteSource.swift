import Crypto
import CZlib

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A stream of bytes read in chunks: a file, optionally through gzip inflate.
public final class ByteSource {
    public let fileName: String
    private let fd: Int32
    private var hasher = SHA256()
    private var inflater: Inflater?
    /// Bytes of the file read so far (before inflating).
    public private(set) var fileBytes = 0
    /// Bytes handed out so far (after inflating).
    public private(set) var streamBytes = 0

    /// Opens `path`; a name ending in `.gz` is inflated.
    public init(path: String) throws(FeedError) {
        fileName = String(path.split(separator: "/").last ?? Substring(path))
        // O_NONBLOCK: opening a FIFO must not wait for a writer; the check below then refuses it.
        fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else {
            throw FeedError(.missing, file: fileName, "cannot open: \(String(cString: strerror(errno)))")
        }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw FeedError(.missing, file: fileName, "not a regular file")
        }
        if path.hasSuffix(".gz") {
            guard let inflater = Inflater() else {
                close(fd)
                throw FeedError(.io, file: fileName, "cannot start inflating: out of memory")
            }
            self.inflater = inflater
        }
    }

    deinit { close(fd) }

    /// Hex SHA-256 of the file bytes read so far (of the whole file once `read` returned 0).
    public var sha256: String { hasher.finalize().map { hex2($0) }.joined() }

    /// gzip members read to their end so far (0 for a file that is not gzipped).
    public var gzipMembers: Int { inflater?.members ?? 0 }

    /// Fills the front of `buffer`; returns 0 at the end of the stream.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(FeedError) -> Int {
        let n: Int
        if let inflater { n = try inflater.read(into: buffer, from: self) } else { n = try readFile(into: buffer) }
        streamBytes += n
        return n
    }

    fileprivate func readFile(into buffer: UnsafeMutableRawBufferPointer) throws(FeedError) -> Int {
        while true {
            let n = Glibc.read(fd, buffer.baseAddress, buffer.count)
            if n < 0 {
                if errno == EINTR { continue }
                throw FeedError(
                    .io, file: fileName, "read failed at byte \(fileBytes): \(String(cString: strerror(errno)))")
            }
            if n > 0 {
                hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
                fileBytes += n
            }
            return n
        }
    }
}

/// zlib inflate over a file, accepting concatenated gzip members.
private final class Inflater {
    private var stream = z_stream()
    private let input = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 18, alignment: 16)
    private var inputStart = 0
    private var inputCount = 0
    private var fileEnded = false
    private var memberEnded = false
    /// gzip members read to their end.
    private(set) var members = 0

    init?() {
        // deinit frees `input` (and inflateEnd accepts a stream whose init failed).
        guard czlib_inflateInit2(&stream, 15 + 16) == Z_OK else { return nil }
    }

    deinit {
        inflateEnd(&stream)
        input.deallocate()
    }

    func read(into buffer: UnsafeMutableRawBufferPointer, from file: ByteSource) throws(FeedError) -> Int {
        while true {
            if inputStart == inputCount && !fileEnded {
                inputCount = try file.readFile(into: input)
                inputStart = 0
                fileEnded = inputCount == 0
            }
            if inputStart == inputCount {
                guard memberEnded else {
                    throw FeedError(
                        .structural, file: file.fileName,
                        "truncated gzip stream: it ends at compressed byte \(file.fileBytes)")
                }
                return 0
            }
            if memberEnded {
                inflateReset(&stream)
                memberEnded = false
            }
            stream.next_in = input.baseAddress!.assumingMemoryBound(to: UInt8.self) + inputStart
            stream.avail_in = UInt32(inputCount - inputStart)
            stream.next_out = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
            stream.avail_out = UInt32(buffer.count)
            let status = inflate(&stream, Z_NO_FLUSH)
            inputStart = inputCount - Int(stream.avail_in)
            let produced = buffer.count - Int(stream.avail_out)
            switch status {
            case Z_OK: break
            case Z_STREAM_END:
                memberEnded = true
                members += 1
            case Z_BUF_ERROR where produced == 0 && inputStart == inputCount: break
            default:
                let at = file.fileBytes - (inputCount - inputStart)
                throw FeedError(.structural, file: file.fileName, "corrupt gzip stream near compressed byte \(at)")
            }
            if produced > 0 { return produced }
        }
    }
}
