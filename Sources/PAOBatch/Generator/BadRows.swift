/// Adds bad records to a generated feed: about `ratio` of the good ones, and at least one of every
/// reject code the feed can produce. Bad records use fresh keys, so no good record refers to them.
struct BadRows {
    enum Variant {
        case row([String])
        /// A record whose shape is broken (CSV: an extra field; XML: an element inside a field).
        case malformed([String])
        case verbatim(String)
    }

    let codes: [RejectCode]
    private let interval: Int
    private let enabled: Bool
    private var good = 0
    private var next = 0
    private var written: Set<RejectCode> = []
    private(set) var count = 0

    init(ratio: Double, codes: [RejectCode]) {
        self.codes = codes
        enabled = ratio > 0
        interval = ratio > 0 ? max(1, Int((1 / ratio).rounded())) : Int.max
    }

    /// After a good record: the code of the bad record to write now, if any.
    mutating func afterGood() -> RejectCode? {
        good += 1
        guard enabled, good % interval == 0 else { return nil }
        return take()
    }

    /// At the end of the feed: the codes not yet written.
    mutating func remaining() -> [RejectCode] {
        guard enabled else { return [] }
        let missing = codes.filter { !written.contains($0) }
        for c in missing { written.insert(c) }
        count += missing.count
        return missing
    }

    private mutating func take() -> RejectCode {
        let c = codes[next % codes.count]
        next += 1
        written.insert(c)
        count += 1
        return c
    }
}

extension FeedTableWriter {
    /// Writes a bad variant in this writer's format.
    func write(_ variant: BadRows.Variant) throws(OutputError) {
        switch variant {
        case .row(let values):
            try row(values)
        case .verbatim(let text):
            try verbatim(text)
        case .malformed(let values):
            if isXML {
                let fields = zip(columns, values).map { "<\($0)>\($1.isEmpty ? "x" : "")<b/></\($0)>" }.joined()
                try verbatim("  <\(xmlRecordName)>\(fields)</\(xmlRecordName)>\n")
            } else {
                try row(values + ["extra"])
            }
        }
    }
}
