import CZlib

/// A streaming gzip writer (SPEC §6.4): one member, MTIME 0, no file name, bounded memory.
public final class GzipWriter: ByteSink {
    private var stream = z_stream()
    private let sink: ByteSink
    private let out = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 17, alignment: 16)
    private var finished = false
    /// Uncompressed bytes written so far.
    public private(set) var rawBytes = 0

    public init(sink: ByteSink, level: Int) {
        self.sink = sink
        _ = czlib_deflateInit2(&stream, Int32(level), 15 + 16)
    }

    deinit {
        deflateEnd(&stream)
        out.deallocate()
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws(OutputError) {
        guard bytes.count > 0 else { return }
        rawBytes += bytes.count
        stream.next_in = UnsafeMutablePointer(mutating: bytes.baseAddress!.assumingMemoryBound(to: UInt8.self))
        stream.avail_in = UInt32(bytes.count)
        try pump(Z_NO_FLUSH)
    }

    /// Writes the gzip trailer; the writer takes no more bytes.
    public func finish() throws(OutputError) {
        guard !finished else { return }
        finished = true
        stream.next_in = nil
        stream.avail_in = 0
        try pump(Z_FINISH)
    }

    private func pump(_ flush: Int32) throws(OutputError) {
        repeat {
            stream.next_out = out.baseAddress!.assumingMemoryBound(to: UInt8.self)
            stream.avail_out = UInt32(out.count)
            let status = deflate(&stream, flush)
            let produced = out.count - Int(stream.avail_out)
            if produced > 0 { try sink.write(UnsafeRawBufferPointer(rebasing: out[0..<produced])) }
            if flush == Z_FINISH && status == Z_STREAM_END { return }
        } while stream.avail_out == 0 || (flush == Z_FINISH)
    }
}
