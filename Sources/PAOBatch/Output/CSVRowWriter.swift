/// Writes CSV rows in a dialect (SPEC §6.2) to a sink, buffering into large blocks.
public final class CSVRowWriter {
    private let sink: ByteSink
    private let dialect: CSVDialect
    private var buffer: [UInt8] = []
    public private(set) var rows = 0

    public init(sink: ByteSink, dialect: CSVDialect) {
        self.sink = sink
        self.dialect = dialect
        buffer.reserveCapacity(1 << 17)
        if dialect.bom { buffer.append(contentsOf: [0xEF, 0xBB, 0xBF]) }
    }

    /// One row of (value, is a guarded text column) pairs.
    public func row(_ fields: [(String, Bool)]) throws(OutputError) {
        for (i, field) in fields.enumerated() {
            if i > 0 { buffer.append(0x2C) }
            TextEncoding.appendCSVField(field.0, guarded: field.1 && dialect.formulaGuard, to: &buffer)
        }
        if dialect.lineEnding == .crlf { buffer.append(0x0D) }
        buffer.append(0x0A)
        rows += 1
        if buffer.count >= 1 << 16 { try flush() }
    }

    public func flush() throws(OutputError) {
        try sink.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
