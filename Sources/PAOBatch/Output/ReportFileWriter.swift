import Crypto

/// What a written report file holds, for the manifest.
public struct WrittenFile: Sendable {
    public var name: String
    public var report: ReportID
    /// A changes file of `report` (SPEC §11).
    public var isChanges = false
    public var format: OutputFormat
    public var rows: Int
    public var bytes: Int
    public var sha256: String
    /// The uncompressed bytes: size and SHA-256.
    public var rawBytes: Int
    public var rawSha256: String
    /// For a report file that has a changes file: its A, C and D counts.
    public var changes: ChangeCounts?
    /// The baseline's compressed bytes published again, not compressed anew (SPEC §11 Reuse).
    public var reused = false

    /// The manifest's `report`: the report id, or `<report>-changes`.
    public var reportName: String { report.name(changes: isChanges) }
}

/// How many rows a changes file lists of each kind.
public struct ChangeCounts: Sendable, Equatable {
    public var added = 0, changed = 0, deleted = 0

    /// The counts of two files or folders together.
    static func + (a: ChangeCounts, b: ChangeCounts) -> ChangeCounts {
        ChangeCounts(added: a.added + b.added, changed: a.changed + b.changed, deleted: a.deleted + b.deleted)
    }
}

/// What a report file is called inside (the XML root's `name`) and which columns it has.
struct FileLayout {
    var report: ReportID
    var isChanges = false
    var columns: [String]

    init(_ report: ReportID) {
        self.report = report
        columns = report.spec.columns
    }

    /// The XML root's `name`: the report id, or `<report>-changes`.
    var rootName: String { report.name(changes: isChanges) }

    /// The layout of `report`'s changes files.
    static func changes(_ report: ReportID, columns: [String]) -> FileLayout {
        var layout = FileLayout(report)
        layout.isChanges = true
        layout.columns = columns
        return layout
    }
}

/// The uncompressed bytes of a file: how many, and their SHA-256.
struct RawDigest: Equatable {
    var bytes: Int
    var sha256: String
}

/// Streams one report file as gzipped CSV (SPEC §6.2) or XML (§6.3), one row at a time (workbooks:
/// `WorkbookWriter`); or,
/// without a path, only measures the raw bytes the file would have (to reuse a baseline file).
final class ReportFileWriter {
    private struct Compressed {
        let file: FileSink
        let hashing: HashingSink
        let gzip: GzipWriter
    }
    private let compressed: Compressed?
    private var rawHasher = SHA256()
    private var rawCount = 0
    private let layout: FileLayout
    private let format: OutputFormat
    private let guarded: [Bool]
    /// `<column>`, `</column>` and `<column/>` of each column, one after another.
    private let tags: ByteBlock
    /// Where each tag starts in `tags`, and where the last one ends.
    private let tagStarts: [Int]
    private let dialect: CSVDialect
    private let block = ByteBlock(capacity: 1 << 17)
    private var rows = 0

    /// `rootAttributes` name the XML root's attributes after `name`.
    init(
        path: String?, format: OutputFormat, layout: FileLayout, rootAttributes: [(String, String)],
        dialect: CSVDialect, gzipLevel: Int
    ) throws(OutputError) {
        self.layout = layout
        if let path {
            let file = try FileSink(path: path)
            let hashing = HashingSink(file)
            compressed = Compressed(file: file, hashing: hashing, gzip: GzipWriter(sink: hashing, level: gzipLevel))
        } else {
            compressed = nil
        }
        self.format = format
        guarded = layout.columns.map { ReportSpec.guardedColumns.contains($0) }
        tags = ByteBlock(capacity: 1 << 10)
        var starts: [Int] = []
        if format == .xml {
            for column in layout.columns {
                for tag in ["<\(column)>", "</\(column)>", "<\(column)/>"] {
                    starts.append(tags.count)
                    tags.append(tag)
                }
            }
        }
        starts.append(tags.count)
        tags.append("        ")  // read past by `putPadded`
        tagStarts = starts
        self.dialect = dialect
        switch format {
        case .csv:
            if dialect.bom { block.append("\u{FEFF}") }
            layout.columns.map(Cell.text).withUnsafeBufferPointer { writeCSV($0, guard: false) }
        case .xml:
            block.append(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<report name=\"\(layout.rootName)\""
            )
            for (name, value) in rootAttributes {
                block.append(" \(name)=\"")
                value.withUTF8Bytes { bytes in
                    block.write(upTo: TextEncoding.xmlBound(bytes.count)) { TextEncoding.writeXMLText(bytes, at: &$0) }
                }
                block.append("\"")
            }
            block.append(">\n")
        case .xlsx: preconditionFailure("a workbook is written by WorkbookWriter")
        }
    }

    func write(_ row: [Cell]) throws(OutputError) {
        rows += 1
        row.withUnsafeBufferPointer { values in
            switch format {
            case .csv: writeCSV(values, guard: dialect.formulaGuard)
            case .xml: writeXML(values)
            case .xlsx: preconditionFailure("a workbook is written by WorkbookWriter")
            }
        }
        if block.count >= 1 << 16 { try flush() }
    }

    /// Ends the document, the gzip member and the file (fsynced).
    func finish(name: String) throws(OutputError) -> WrittenFile {
        let raw = try end()
        guard let compressed else { preconditionFailure("a measuring writer has no file to finish") }
        try compressed.gzip.finish()
        try compressed.file.close()
        return WrittenFile(
            name: name, report: layout.report, isChanges: layout.isChanges, format: format, rows: rows,
            bytes: compressed.hashing.count, sha256: compressed.hashing.sha256, rawBytes: raw.bytes,
            rawSha256: raw.sha256)
    }

    /// Ends the document: the raw bytes written.
    func end() throws(OutputError) -> RawDigest {
        if format == .xml { block.append("</report>\n") }
        try flush()
        return RawDigest(bytes: rawCount, sha256: rawHasher.finalize().map { hex2($0) }.joined())
    }

    private func writeCSV(_ fields: UnsafeBufferPointer<Cell>, guard enabled: Bool) {
        var bound = 2 + TextEncoding.padding
        for i in fields.indices { bound += TextEncoding.csvBound(fields[i]) + 1 }
        let crlf = dialect.lineEnding == .crlf
        block.write(upTo: bound) { p in
            for i in fields.indices {
                if i > 0 { TextEncoding.put(0x2C, at: &p) }
                let guardField = enabled && guarded[i]
                TextEncoding.writeCSVField(fields[i], guarded: guardField, at: &p)
            }
            if crlf { TextEncoding.put(0x0D, at: &p) }
            TextEncoding.put(0x0A, at: &p)
        }
    }

    private func writeXML(_ values: UnsafeBufferPointer<Cell>) {
        var bound = 16 + TextEncoding.padding
        for i in values.indices {
            bound += TextEncoding.xmlBound(values[i]) + tagStarts[3 * i + 3] - tagStarts[3 * i]
        }
        block.write(upTo: bound) { p in
            TextEncoding.put("  <row>", at: &p)
            for i in values.indices {
                let value = values[i]
                if value.isEmpty {
                    putTag(3 * i + 2, at: &p)
                } else {
                    putTag(3 * i, at: &p)
                    TextEncoding.writeXMLText(value, at: &p)
                    putTag(3 * i + 1, at: &p)
                }
            }
            TextEncoding.put("</row>\n", at: &p)
        }
    }

    @inline(__always)
    private func putTag(_ k: Int, at p: inout UnsafeMutablePointer<UInt8>) {
        TextEncoding.putPadded(tags.base + tagStarts[k], tagStarts[k + 1] - tagStarts[k], at: &p)
    }

    private func flush() throws(OutputError) {
        try block.withBytes { bytes throws(OutputError) in
            rawHasher.update(bufferPointer: bytes)
            rawCount += bytes.count
            try compressed?.gzip.write(bytes)
        }
        block.removeAll()
    }
}

extension RawDigest {
    /// The size and SHA-256 of the file at `path` as it is on disk (a workbook, which is not gzipped).
    init(file path: String) throws(OutputError) {
        do throws(FeedError) {
            let source = try ByteSource(path: path)
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 18, alignment: 16)
            defer { buffer.deallocate() }
            while try source.read(into: buffer) > 0 {}
            self.init(bytes: source.fileBytes, sha256: source.sha256)
        } catch {
            throw OutputError(.io, path, "cannot read back: \(error)")
        }
    }
}
