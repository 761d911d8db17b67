import CZlib
import Foundation

/// A streaming gzip writer (SPEC §6.4): one member, MTIME 0, no file name, bounded memory.
/// Compressed bytes reach the sink in whole 128 KiB blocks (the last one excepted).
public final class GzipWriter: ByteSink {
    private let state: DeflateState
    private let sink: ByteSink
    /// Compressed bytes waiting in `state.out`.
    private var pending = 0
    private var finished = false
    /// Uncompressed bytes written so far.
    public private(set) var rawBytes = 0

    public init(sink: ByteSink, level: Int) {
        self.sink = sink
        state = DeflateState.take(level: level)
    }

    deinit { DeflateState.give(state) }

    public func write(_ bytes: UnsafeRawBufferPointer) throws(OutputError) {
        guard bytes.count > 0 else { return }
        rawBytes += bytes.count
        state.stream.pointee.next_in = UnsafeMutablePointer(
            mutating: bytes.baseAddress!.assumingMemoryBound(to: UInt8.self))
        state.stream.pointee.avail_in = UInt32(bytes.count)
        try pump(Z_NO_FLUSH)
    }

    /// Writes the gzip trailer; the writer takes no more bytes.
    public func finish() throws(OutputError) {
        guard !finished else { return }
        finished = true
        state.stream.pointee.next_in = nil
        state.stream.pointee.avail_in = 0
        try pump(Z_FINISH)
    }

    private func pump(_ flush: Int32) throws(OutputError) {
        let out = state.out
        while true {
            state.stream.pointee.next_out = out.baseAddress! + pending
            state.stream.pointee.avail_out = UInt32(out.count - pending)
            let status = deflate(state.stream, flush)
            // Only a stream state that was never initialised or was overwritten gives this: a bug, not input.
            precondition(status != Z_STREAM_ERROR, "deflate stream state is inconsistent")
            pending = out.count - Int(state.stream.pointee.avail_out)
            if pending == out.count {
                try sink.write(UnsafeRawBufferPointer(out))
                pending = 0
            } else if flush != Z_FINISH {
                return
            } else if status == Z_STREAM_END {
                if pending > 0 {
                    try sink.write(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(out)[0..<pending]))
                }
                pending = 0
                return
            }
        }
    }
}

/// A deflate stream and its output block, kept for reuse: a new stream takes about 270 KB of
/// fresh memory that the kernel must zero, a reset one only clears its hash table.
private final class DeflateState: @unchecked Sendable {
    let level: Int
    let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    let out = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 1 << 17)

    private init(level: Int) {
        self.level = level
        stream.initialize(to: z_stream())
        // Fails only without memory (the level is checked when jobs.json is read): stop, never write.
        let status = czlib_deflateInit2(stream, Int32(level), 15 + 16)
        precondition(status == Z_OK, "deflateInit2 failed (\(status)): out of memory")
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var idle: [DeflateState] = []

    /// A reset stream at `level`: an idle one when there is one, else a new one.
    static func take(level: Int) -> DeflateState {
        lock.lock()
        let reused = idle.firstIndex { $0.level == level }.map { idle.remove(at: $0) }
        lock.unlock()
        guard let reused else { return DeflateState(level: level) }
        deflateReset(reused.stream)
        return reused
    }

    /// Hands a stream back, whatever state it was left in (`take` resets it).
    static func give(_ state: DeflateState) {
        lock.lock()
        idle.append(state)
        lock.unlock()
    }
}
