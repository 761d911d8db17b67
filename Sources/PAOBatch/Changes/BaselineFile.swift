/// Reads a published report file back for comparison (SPEC §11): every row's values as printed,
/// with the CSV formula guard removed. Anything unexpected makes the file unusable as a baseline.
enum BaselineFile {
    struct Unusable: Error {
        let reason: String
    }

    /// Rows of a baseline's report file. An XML file that is the one its manifest lists was
    /// written by this tool: it is read with a scanner for exactly that layout, several times
    /// faster than a general XML parser; anything else goes through libxml2.
    static func rows(path: String, format: OutputFormat, entry: BaselineManifest.Entry?, columns: [String])
        throws(Unusable) -> PrintedRows
    {
        if format == .xml, let entry, let rows = OwnXMLRows.read(path: path, entry: entry, columns: columns) {
            return rows
        }
        return try rows(path: path, format: format, columns: columns)
    }

    /// Rows of `path`, a `.csv.gz` or `.xml.gz` report file that must have exactly `columns`.
    static func rows(path: String, format: OutputFormat, columns: [String]) throws(Unusable) -> PrintedRows {
        do {
            let source = try ByteSource(path: path)
            let rows: PrintedRows
            switch format {
            case .csv: rows = try csvRows(source, columns)
            case .xml: rows = try xmlRows(source, columns)
            case .xlsx: throw Unusable(reason: "a workbook is not read as a baseline")
            }
            guard source.gzipMembers == 1 else { throw Unusable(reason: "not one gzip member") }
            return rows
        } catch let error as Unusable {
            throw error
        } catch let error as FeedError {
            throw Unusable(reason: error.message)
        } catch {
            throw Unusable(reason: "\(error)")
        }
    }

    private static func csvRows(_ source: ByteSource, _ columns: [String]) throws -> PrintedRows {
        let reader = CSVReader(source: source)
        guard try reader.readHeader() == columns else { throw Unusable(reason: "its columns differ from today's") }
        let guarded = columns.map { ReportSpec.guardedColumns.contains($0) }
        var record = FieldRecord(columnField: Array(columns.indices))
        var rows = PrintedRows(columns: columns.count)
        while try reader.next(into: &record) {
            guard record.fieldStart.count == columns.count else {
                throw Unusable(reason: "line \(record.line) does not have \(columns.count) fields")
            }
            for i in columns.indices {
                guard let (range, length) = record.value(i), range.count == length else {
                    throw Unusable(reason: "a value on line \(record.line) is too long to compare")
                }
                record.bytes.withUnsafeBufferPointer { bytes in
                    let value = UnsafeBufferPointer(rebasing: bytes[range])
                    rows.appendValue(guarded[i] ? unguarded(value) : value)
                }
            }
        }
        return rows
    }

    private static func xmlRows(_ source: ByteSource, _ columns: [String]) throws -> PrintedRows {
        let builder = RowBuilder(columns: columns)
        try XMLRecordReader(source: source, rootName: "report", builder: builder).run()
        if let problem = builder.problem { throw Unusable(reason: problem) }
        return builder.rows
    }

    /// The raw value of a guarded CSV field: `'` dropped when what follows starts a formula.
    private static func unguarded(_ value: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        guard value.first == 0x27, TextEncoding.startsFormula(value.dropFirst().first) else { return value }
        return UnsafeBufferPointer(rebasing: value.dropFirst())
    }
}

/// `<report><row><column>value</column>…</row></report>` with exactly the expected columns in order.
private final class RowBuilder: XMLRecordBuilder {
    let columns: [String]
    private(set) var rows: PrintedRows
    private(set) var problem: String?
    /// Values of the row being read.
    private var values = 0

    init(columns: [String]) {
        self.columns = columns
        rows = PrintedRows(columns: columns.count)
    }

    func beginRecord(name: UnsafePointer<UInt8>, attributes: XMLAttributes) {
        values = 0
        if String(cString: name) != "row" { problem = problem ?? "an element other than <row> under <report>" }
    }

    func beginChild(name: UnsafePointer<UInt8>, attributes: XMLAttributes) {
        let i = values
        if i >= columns.count || String(cString: name) != columns[i] {
            problem = problem ?? "its columns differ from today's"
        }
    }

    func childText(_ bytes: UnsafeBufferPointer<UInt8>) { rows.append(bytes) }

    func nestedElement() { problem = problem ?? "an element inside a column" }

    func endChild() {
        rows.endValue()
        values += 1
    }

    /// A row with a problem is still read; the problem makes the whole file unusable.
    func endRecord(line: Int, raw: [UInt8]) {
        if values != columns.count { problem = problem ?? "a row on line \(line) lacks columns" }
    }
}
