/// Reads the records of a flat feed (CSV or XML) into `FieldRecord`s addressed by schema column.
struct FlatFeedReader {
    let file: FeedFile
    let columns: [FeedColumn]
    var chunkSize = 1 << 20

    /// Calls `body` for each record; CSV records with the wrong number of fields come marked malformed.
    func forEach(_ body: (inout FieldRecord) -> Void) throws(FeedError) -> ByteSource {
        let source = try ByteSource(path: file.path)
        switch file.format {
        case .csv: try readCSV(source, body)
        case .xml: try readXML(source, body)
        }
        return source
    }

    private func readCSV(_ source: ByteSource, _ body: (inout FieldRecord) -> Void) throws(FeedError) {
        let reader = CSVReader(source: source, chunkSize: chunkSize)
        let header = try reader.readHeader()
        var columnField = [Int](repeating: -1, count: columns.count)
        for (position, name) in header.enumerated() {
            guard let c = columns.firstIndex(where: { $0.name == name }) else { continue }
            guard columnField[c] < 0 else {
                throw FeedError(
                    .structural, file: source.fileName, line: 1, "column \(name) appears twice in the header")
            }
            columnField[c] = position
        }
        if let missing = columns.indices.first(where: { columns[$0].required && columnField[$0] < 0 }) {
            throw FeedError(
                .structural, file: source.fileName, line: 1, "required column \(columns[missing].name) is missing")
        }
        var record = FieldRecord(columnField: columnField)
        while try reader.next(into: &record) {
            if record.fieldStart.count != header.count { record.malformed = true }
            body(&record)
        }
    }

    private func readXML(_ source: ByteSource, _ body: (inout FieldRecord) -> Void) throws(FeedError) {
        try withoutActuallyEscaping(body) { (body) throws(FeedError) in
            let builder = FlatXMLBuilder(columns: columns, body: body)
            try XMLRecordReader(source: source, rootName: file.feed.rawValue, builder: builder).run()
        }
    }
}

/// Turns `<record><column>value</column>…</record>` into `FieldRecord`s.
private final class FlatXMLBuilder: XMLRecordBuilder {
    private let columnOfName: [String: Int]
    private var columnOfPointer: [UnsafeRawPointer: Int] = [:]
    private var record: FieldRecord
    private var current = -1
    private var textStart = 0
    private var textLength = 0
    private let body: (inout FieldRecord) -> Void

    init(columns: [FeedColumn], body: @escaping (inout FieldRecord) -> Void) {
        columnOfName = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($0.element.name, $0.offset) })
        record = FieldRecord(columnField: Array(columns.indices))
        self.body = body
    }

    func beginRecord(name: UnsafePointer<UInt8>, attributes: XMLAttributes) {
        record.reset()
        let n = record.columnField.count
        record.fieldStart = Array(repeating: -1, count: n)
        record.fieldEnd = Array(repeating: -1, count: n)
        record.fieldLength = Array(repeating: 0, count: n)
    }

    func beginChild(name: UnsafePointer<UInt8>, attributes: XMLAttributes) {
        let key = UnsafeRawPointer(name)
        if let c = columnOfPointer[key] {
            current = c
        } else {
            current = columnOfName[String(cString: name)] ?? -1
            columnOfPointer[key] = current
        }
        textStart = record.bytes.count
        textLength = 0
    }

    func childText(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard current >= 0 else { return }
        let room = FieldRecord.storedValueLimit - (record.bytes.count - textStart)
        if room > 0 { record.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes.prefix(room))) }
        textLength += bytes.count
    }

    func nestedElement() {
        if current >= 0 { record.malformed = true }
    }

    func endChild() {
        guard current >= 0 else { return }
        record.fieldStart[current] = textStart
        record.fieldEnd[current] = record.bytes.count
        record.fieldLength[current] = textLength
        current = -1
    }

    func endRecord(line: Int, raw: [UInt8]) {
        record.line = line
        record.raw = raw
        body(&record)
    }
}
