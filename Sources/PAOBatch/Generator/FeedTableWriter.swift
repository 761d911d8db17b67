/// Writes one generated feed as CSV or XML, optionally gzipped, one record at a time.
final class FeedTableWriter {
    let feed: FeedName
    let columns: [String]
    private let xml: Bool
    private let recordName: String
    private let file: FileSink
    private let gzip: GzipWriter?
    private var buffer: [UInt8] = []

    init(folder: String, feed: FeedName, xml: Bool, gzip: Bool, columns: [String]) throws(OutputError) {
        self.feed = feed
        self.columns = columns
        self.xml = xml
        recordName = feed == .saas_usage ? "usage" : String(feed.rawValue.dropLast())
        file = try FileSink(path: "\(folder)/\(feed.rawValue).\(xml ? "xml" : "csv")\(gzip ? ".gz" : "")")
        self.gzip = gzip ? GzipWriter(sink: file, level: 6) : nil
        buffer.reserveCapacity(1 << 17)
        if xml {
            append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<\(feed.rawValue)>\n")
        } else {
            append(columns.joined(separator: ",") + "\n")
        }
    }

    /// One record; empty values are left out of XML records.
    func row(_ values: [String]) throws(OutputError) {
        if xml {
            append("  <\(recordName)>")
            for (name, value) in zip(columns, values) where !value.isEmpty {
                append("<\(name)>")
                TextEncoding.appendXMLText(value, to: &buffer)
                append("</\(name)>")
            }
            append("</\(recordName)>\n")
        } else {
            for (i, value) in values.enumerated() {
                if i > 0 { buffer.append(0x2C) }
                TextEncoding.appendCSVField(value, guarded: false, to: &buffer)
            }
            buffer.append(0x0A)
        }
        if buffer.count >= 1 << 16 { try flush() }
    }

    /// Source text written as is (for records that must break the format on purpose).
    func verbatim(_ text: String) throws(OutputError) {
        append(text)
        if buffer.count >= 1 << 16 { try flush() }
    }

    var isXML: Bool { xml }
    var xmlRecordName: String { recordName }

    func close() throws(OutputError) {
        if xml { append("</\(feed.rawValue)>\n") }
        try flush()
        try gzip?.finish()
        try file.close()
    }

    private func append(_ s: String) { buffer.append(contentsOf: s.utf8) }

    private func flush() throws(OutputError) {
        try (gzip ?? file as ByteSink).write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
