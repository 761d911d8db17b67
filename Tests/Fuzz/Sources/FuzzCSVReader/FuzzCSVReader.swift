import FuzzSupport
@testable import PAOBatch

/// The CSV reader at a chunk size drawn from the input's first two bytes, checked against the
/// same bytes read in one chunk: every record (line, fields, lengths, raw text, malformed flag)
/// and the error that ends the file must be the same, and every field range must lie in the record.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSVReader(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let input = fuzzInput(start, count)
    guard input.count >= 2 else { return 0 }
    let chunkSize = 1 + (Int(input[0]) | Int(input[1]) << 8) % 300
    let path = ScratchFolder.write(UnsafeRawBufferPointer(rebasing: input[2...]), as: "feed.csv")
    let small = readAll(path, chunkSize: chunkSize)
    let whole = readAll(path, chunkSize: 1 << 17)
    if small != whole { fatalError("chunk size \(chunkSize) reads differently:\n\(small)\nvs\n\(whole)") }
    return 0
}

private func readAll(_ path: String, chunkSize: Int) -> [String] {
    var out: [String] = []
    do throws(FeedError) {
        let reader = CSVReader(source: try ByteSource(path: path), chunkSize: chunkSize)
        out.append("header \(try reader.readHeader())")
        var record = FieldRecord(columnField: [])
        while try reader.next(into: &record) {
            let n = record.fieldStart.count
            guard n > 0, record.fieldEnd.count == n, record.fieldLength.count == n else {
                fatalError("field starts, ends and lengths disagree: \(record.fieldStart) \(record.fieldEnd)")
            }
            for f in 0..<n
            where !(record.fieldStart[f] <= record.fieldEnd[f] && record.fieldEnd[f] <= record.bytes.count) {
                fatalError("field \(f) out of the record's bytes")
            }
            let fields = (0..<n).map { record.bytes[record.fieldStart[$0]..<record.fieldEnd[$0]] }
            out.append("\(record.line) \(record.malformed) \(fields) \(record.fieldLength) \(record.raw)")
        }
    } catch {
        out.append("error \(error)")
    }
    return out
}
