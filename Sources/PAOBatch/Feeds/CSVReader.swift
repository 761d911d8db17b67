#if canImport(Glibc)
    import Glibc
#endif

/// A streaming RFC 4180 reader over bytes (SPEC §2.0 CSV): BOM, LF or CRLF line ends, quoted
/// commas, quotes and newlines, records spanning chunk boundaries. Never holds more than one chunk
/// and one record.
public final class CSVReader {
    /// Where the byte state machine is between two bytes (it survives chunk boundaries).
    private enum State {
        case recordStart, recordStartCR, fieldStart, unquoted, unquotedCR, quoted, quoteInQuoted, afterQuoteCR
    }

    private let source: ByteSource
    private let chunk: UnsafeMutableRawBufferPointer
    private let chunkSize: Int
    private var chunkCount = 0
    private var position = 0
    private var atStartOfFile = true
    private var ended = false
    private var state = State.recordStart
    private var physicalLine = 1
    /// Where the current record's raw text starts in the chunk, and its length so far.
    private var rawStart = 0
    private var rawTotal = 0
    /// Bytes of the current field dropped over the stored limit.
    private var overflow = 0

    /// A reader over `source`, reading `chunkSize` bytes at a time.
    public init(source: ByteSource, chunkSize: Int = 1 << 20) {
        self.source = source
        self.chunkSize = max(1, chunkSize)
        chunk = .allocate(byteCount: max(4, chunkSize), alignment: 16)
    }

    deinit { chunk.deallocate() }

    /// Reads the header record: trimmed names in file order. Throws when there is none or it is malformed.
    public func readHeader() throws(FeedError) -> [String] {
        var record = FieldRecord(columnField: [])
        guard try next(into: &record), !record.malformed else {
            throw FeedError(
                .structural, file: source.fileName, line: 1, record.malformed ? "malformed header" : "no header")
        }
        // An unquoted CR in the header line means CR-only line ends (old Mac style): every record
        // would run into the header, so say so instead of reading a header and no records. A CR
        // inside a quoted name stays data, an unknown name that is ignored (SPEC §2.0).
        if hasUnquotedCR(record.raw) {
            throw FeedError(
                .structural, file: source.fileName, line: 1,
                "a CR inside the header line: lines must end with LF or CRLF, not CR alone")
        }
        return (0..<record.fieldStart.count).map { f in
            String(decoding: trimmed(record.bytes[record.fieldStart[f]..<record.fieldEnd[f]]), as: UTF8.self)
        }
    }

    /// Reads the next record into `record`, whose `columnField` is kept; false at the end of input.
    /// Throws on an unterminated quote at the end of the file or a read error.
    public func next(into record: inout FieldRecord) throws(FeedError) -> Bool {
        record.reset()
        while true {
            if position == chunkCount {
                if ended { return try finish(&record) }
                try refill(&record)
                continue
            }
            if try scan(&record) { return true }
        }
    }

    private func refill(_ record: inout FieldRecord) throws(FeedError) {
        if state != .recordStart { captureRaw(&record, upTo: chunkCount) }
        chunkCount = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: chunk[0..<chunkSize]))
        position = 0
        rawStart = 0
        if chunkCount == 0 {
            ended = true
            return
        }
        if atStartOfFile {
            atStartOfFile = false
            // Enough bytes to see a byte-order mark, whatever the chunk size.
            while chunkCount < 3 {
                let n = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: chunk[chunkCount..<3]))
                if n == 0 { break }
                chunkCount += n
            }
            let b = chunk.bindMemory(to: UInt8.self)
            if chunkCount >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { position = 3; rawStart = 3 }
        }
    }

    private func finish(_ record: inout FieldRecord) throws(FeedError) -> Bool {
        switch state {
        case .recordStart:
            return false
        case .quoted:
            throw FeedError(.structural, file: source.fileName, line: record.line, "unterminated quote at end of file")
        case .recordStartCR:
            // The record began at the CR (`beginRecord` ran then); the CR is its only data.
            storeByte(&record, 0x0D)
        case .unquotedCR:
            record.bytes.append(0x0D)
        case .afterQuoteCR:
            record.malformed = true
        case .fieldStart, .unquoted, .quoteInQuoted:
            break
        }
        endField(&record)
        state = .recordStart
        return true
    }

    @inline(__always)
    private func beginRecord(_ record: inout FieldRecord) {
        record.line = physicalLine
        rawStart = position
        rawTotal = 0
        record.fieldStart.append(record.bytes.count)
    }

    @inline(__always)
    private func endField(_ record: inout FieldRecord) {
        let start = record.fieldStart[record.fieldStart.count - 1]
        record.fieldEnd.append(record.bytes.count)
        record.fieldLength.append(record.bytes.count - start + overflow)
        overflow = 0
    }

    @inline(__always)
    private func startField(_ record: inout FieldRecord) {
        record.fieldStart.append(record.bytes.count)
    }

    private func captureRaw(_ record: inout FieldRecord, upTo end: Int) {
        rawTotal += end - rawStart
        let room = FieldRecord.rawLimit - record.raw.count
        if room > 0 && end > rawStart {
            let b = UnsafeRawBufferPointer(chunk).bindMemory(to: UInt8.self)
            record.raw.append(contentsOf: UnsafeBufferPointer(rebasing: b[rawStart..<min(end, rawStart + room)]))
        }
        rawStart = end
    }

    /// Ends the record whose line feed is at `position - 1`.
    @inline(__always)
    private func endRecord(_ record: inout FieldRecord, crlf: Bool) {
        captureRaw(&record, upTo: position - 1)
        if crlf {
            rawTotal -= 1
            if record.raw.count > rawTotal { record.raw.removeLast() }
        }
        endField(&record)
        physicalLine += 1
        state = .recordStart
    }

    /// Appends bytes to the current field, keeping at most the stored limit.
    @inline(__always)
    private func store(_ record: inout FieldRecord, _ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) {
        let start = record.fieldStart[record.fieldStart.count - 1]
        let room = FieldRecord.storedValueLimit - (record.bytes.count - start)
        let n = to - from
        if n <= room {
            record.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: b[from..<to]))
        } else {
            if room > 0 { record.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: b[from..<from + room])) }
            overflow += n - max(room, 0)
        }
    }

    @inline(__always)
    private func storeByte(_ record: inout FieldRecord, _ c: UInt8) {
        let start = record.fieldStart[record.fieldStart.count - 1]
        if record.bytes.count - start < FieldRecord.storedValueLimit { record.bytes.append(c) } else { overflow += 1 }
    }

    /// Consumes bytes of the current chunk; true when a record was completed. Each state's
    /// handler consumes from `i` and says whether it ended a record.
    private func scan(_ record: inout FieldRecord) throws(FeedError) -> Bool {
        let b = UnsafeBufferPointer(start: chunk.baseAddress!.assumingMemoryBound(to: UInt8.self), count: chunkCount)
        var i = position
        defer { position = i }
        while i < b.count {
            let ended: Bool
            switch state {
            case .recordStart: ended = atRecordStart(&record, b, &i)
            case .recordStartCR: ended = afterRecordStartCR(&record, b[i], &i)
            case .fieldStart: ended = atFieldStart(&record, b[i], &i)
            case .unquoted: ended = inUnquoted(&record, b, &i)
            case .unquotedCR: ended = afterUnquotedCR(&record, b[i], &i)
            case .quoted: ended = inQuoted(&record, b, &i)
            case .quoteInQuoted: ended = afterQuoteInQuoted(&record, b[i], &i)
            case .afterQuoteCR: ended = afterQuoteCR(&record, b[i], &i)
            }
            if ended { return true }
        }
        return false
    }

    /// Ends the record at the line feed at `i` (moving past it).
    @inline(__always)
    private func endRecord(_ record: inout FieldRecord, atLineFeed i: inout Int, crlf: Bool) -> Bool {
        i += 1
        position = i
        endRecord(&record, crlf: crlf)
        return true
    }

    /// A comma ends the field; the next one starts after it.
    @inline(__always)
    private func commaEndsField(_ record: inout FieldRecord, _ i: inout Int) -> Bool {
        endField(&record)
        startField(&record)
        state = .fieldStart
        i += 1
        return false
    }

    /// Between records: skips empty lines, takes a plain record whole, else starts one byte by byte.
    @inline(__always)
    private func atRecordStart(_ record: inout FieldRecord, _ b: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> Bool {
        let c = b[i]
        if c == 0x0A {
            physicalLine += 1
            i += 1
            return false
        }
        if c != 0x0D, let end = plainRecordEnd(b, from: i) {
            takePlainRecord(&record, b, from: i, lineFeed: end)
            i = end + 1
            return true
        }
        position = i
        beginRecord(&record)
        if c == 0x0D {
            state = .recordStartCR
            i += 1
        } else {
            state = .fieldStart
        }
        return false
    }

    /// After a CR that began a record: CRLF is an empty line; any other byte makes the CR data.
    @inline(__always)
    private func afterRecordStartCR(_ record: inout FieldRecord, _ c: UInt8, _ i: inout Int) -> Bool {
        if c == 0x0A {
            i += 1
            physicalLine += 1
            record.reset()
            state = .recordStart
        } else {
            storeByte(&record, 0x0D)
            state = .unquoted
        }
        return false
    }

    @inline(__always)
    private func atFieldStart(_ record: inout FieldRecord, _ c: UInt8, _ i: inout Int) -> Bool {
        switch c {
        case 0x22:
            state = .quoted
            i += 1
        case 0x2C:
            return commaEndsField(&record, &i)
        case 0x0A:
            return endRecord(&record, atLineFeed: &i, crlf: false)
        case 0x0D:
            state = .unquotedCR
            i += 1
        default:
            state = .unquoted
        }
        return false
    }

    /// Inside an unquoted field: stores the plain run, then handles the byte that ended it.
    @inline(__always)
    private func inUnquoted(_ record: inout FieldRecord, _ b: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> Bool {
        let from = i
        while i < b.count, isPlain(b[i]) { i += 1 }
        if i > from { store(&record, b, from, i) }
        guard i < b.count else { return false }
        switch b[i] {
        case 0x2C:
            return commaEndsField(&record, &i)
        case 0x0A:
            return endRecord(&record, atLineFeed: &i, crlf: false)
        case 0x0D:
            state = .unquotedCR
            i += 1
        default:  // a quote inside an unquoted field
            record.malformed = true
            storeByte(&record, 0x22)
            i += 1
        }
        return false
    }

    @inline(__always)
    private func afterUnquotedCR(_ record: inout FieldRecord, _ c: UInt8, _ i: inout Int) -> Bool {
        if c == 0x0A { return endRecord(&record, atLineFeed: &i, crlf: true) }
        storeByte(&record, 0x0D)
        state = .unquoted
        return false
    }

    /// Inside quotes: stores everything up to the next quote (line feeds included).
    @inline(__always)
    private func inQuoted(_ record: inout FieldRecord, _ b: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> Bool {
        let from = i
        while i < b.count, b[i] != 0x22 {
            if b[i] == 0x0A { physicalLine += 1 }
            i += 1
        }
        if i > from { store(&record, b, from, i) }
        if i < b.count {
            state = .quoteInQuoted
            i += 1
        }
        return false
    }

    /// After a quote inside quotes: a doubled quote, the field's end, or a malformed record.
    @inline(__always)
    private func afterQuoteInQuoted(_ record: inout FieldRecord, _ c: UInt8, _ i: inout Int) -> Bool {
        switch c {
        case 0x22:
            storeByte(&record, 0x22)
            state = .quoted
            i += 1
        case 0x2C:
            return commaEndsField(&record, &i)
        case 0x0A:
            return endRecord(&record, atLineFeed: &i, crlf: false)
        case 0x0D:
            state = .afterQuoteCR
            i += 1
        default:
            record.malformed = true
            state = .unquoted
        }
        return false
    }

    @inline(__always)
    private func afterQuoteCR(_ record: inout FieldRecord, _ c: UInt8, _ i: inout Int) -> Bool {
        if c == 0x0A { return endRecord(&record, atLineFeed: &i, crlf: true) }
        record.malformed = true
        storeByte(&record, 0x0D)
        state = .unquoted
        return false
    }
}

extension CSVReader {
    /// The line feed ending a record that starts at `start` when the whole record is in the chunk,
    /// holds no quote and is short enough that no field can pass the stored limit; else nil.
    @inline(__always)
    fileprivate func plainRecordEnd(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let base = b.baseAddress! + start
        let limit = min(b.count - start, FieldRecord.storedValueLimit + 2)
        guard let lf = memchr(base, 0x0A, limit) else { return nil }
        let length = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(lf))
        guard memchr(base, 0x22, length) == nil else { return nil }
        return start + length
    }

    /// Takes a plain record (see `plainRecordEnd`) with one copy and a comma scan.
    @inline(__always)
    fileprivate func takePlainRecord(
        _ record: inout FieldRecord, _ b: UnsafeBufferPointer<UInt8>, from start: Int, lineFeed: Int
    ) {
        var end = lineFeed
        if end > start, b[end - 1] == 0x0D { end -= 1 }
        record.line = physicalLine
        physicalLine += 1
        let content = UnsafeBufferPointer(rebasing: b[start..<end])
        record.raw.append(contentsOf: content.prefix(FieldRecord.rawLimit))
        let base = record.bytes.count
        record.bytes.append(contentsOf: content)
        var fieldStart = base
        for (k, c) in content.enumerated() where c == 0x2C {
            record.fieldStart.append(fieldStart)
            record.fieldEnd.append(base + k)
            record.fieldLength.append(base + k - fieldStart)
            fieldStart = base + k + 1
        }
        record.fieldStart.append(fieldStart)
        record.fieldEnd.append(base + content.count)
        record.fieldLength.append(base + content.count - fieldStart)
    }
}

/// Whether a record's source text holds a CR outside quotes (its final line end is not in it).
private func hasUnquotedCR(_ raw: [UInt8]) -> Bool {
    var quoted = false
    for c in raw {
        if c == 0x22 { quoted.toggle() } else if c == 0x0D && !quoted { return true }
    }
    return false
}

/// Bytes that continue an unquoted field: all but `,` `"` CR LF.
@inline(__always)
private func isPlain(_ c: UInt8) -> Bool { c > 0x2C || (c != 0x2C && c != 0x22 && c != 0x0D && c != 0x0A) }

/// `bytes` without surrounding ASCII spaces and tabs.
@inline(__always)
func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
    var s = 0
    var e = bytes.count
    while s < e, bytes[s] == 0x20 || bytes[s] == 0x09 { s += 1 }
    while e > s, bytes[e - 1] == 0x20 || bytes[e - 1] == 0x09 { e -= 1 }
    return UnsafeBufferPointer(rebasing: bytes[s..<e])
}

/// `bytes` without surrounding ASCII spaces and tabs.
@inline(__always)
func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
    var s = bytes.startIndex
    var e = bytes.endIndex
    while s < e, bytes[s] == 0x20 || bytes[s] == 0x09 { s += 1 }
    while e > s, bytes[e - 1] == 0x20 || bytes[e - 1] == 0x09 { e -= 1 }
    return bytes[s..<e]
}
