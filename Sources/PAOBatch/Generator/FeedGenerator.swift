#if canImport(Glibc)
    import Glibc
#endif

/// Writes a deterministic set of the eight feeds (SPEC §9): the same options give the same bytes.
public final class FeedGenerator {
    let options: GeneratorOptions
    var rng: SplitMix64
    let world: World
    let anchor = GeneratorOptions.anchor
    let changes: DayChanges
    /// Records written per feed, bad ones included.
    public private(set) var records: [FeedName: Int] = [:]
    public private(set) var badRecords: [FeedName: Int] = [:]
    /// Counter for fresh keys of bad records.
    var badSeq = 0
    lazy var partInfo = makePartInfo()

    public init(options: GeneratorOptions) {
        self.options = options
        var rng = SplitMix64(seed: options.seed)
        world = World(size: options.size, rng: &rng)
        changes = DayChanges(seed: options.seed, days: options.day)
        self.rng = rng
    }

    /// Writes the feeds into `folder` (created if needed), replacing earlier generated feeds there.
    public func write(to folder: String) throws(OutputError) {
        mkdir(folder, 0o755)
        for feed in FeedName.allCases {
            for suffix in [".csv", ".csv.gz", ".xml", ".xml.gz"] { unlink("\(folder)/\(feed.rawValue)\(suffix)") }
        }
        try writeResellers(folder)
        try writeContacts(folder)
        try writeCustomers(folder)
        try writeParts(folder)
        try writePrices(folder)
        let saas = try writeTransactions(folder)
        try writeUsage(folder, saas)
        try writeProvisioning(folder, saas)
    }

    /// An emitter for `feed` that adds bad records made by `bad` from the good record before them.
    func emitter(
        _ folder: String, _ feed: FeedName, codes: [RejectCode],
        bad: @escaping (RejectCode, [String]) -> BadRows.Variant
    ) throws(OutputError) -> FeedEmitter {
        let layout = options.layout(feed)
        let writer = try FeedTableWriter(
            folder: folder, feed: feed, xml: layout.xml, gzip: layout.gzip,
            columns: feed.columns.map(\.name))
        return FeedEmitter(writer: writer, badRows: BadRows(ratio: options.badRows, codes: codes), bad: bad) {
            [unowned self] in
            records[feed] = $0
            badRecords[feed] = $1
        }
    }

    /// A fresh number for a bad record's key.
    func fresh() -> Int {
        badSeq += 1
        return badSeq
    }
}

/// Writes good records of one feed, with bad ones in between when asked.
final class FeedEmitter {
    private let writer: FeedTableWriter
    private var badRows: BadRows
    private let bad: (RejectCode, [String]) -> BadRows.Variant
    private let done: (Int, Int) -> Void
    private var last: [String] = []
    private var good = 0

    init(
        writer: FeedTableWriter, badRows: BadRows, bad: @escaping (RejectCode, [String]) -> BadRows.Variant,
        done: @escaping (Int, Int) -> Void
    ) {
        self.writer = writer
        self.badRows = badRows
        self.bad = bad
        self.done = done
    }

    func row(_ values: [String]) throws(OutputError) {
        try record(.row(values), values: values)
    }

    /// Writes a good record; `values` are what bad records made after it start from.
    func record(_ variant: BadRows.Variant, values: [String]) throws(OutputError) {
        try writer.write(variant)
        good += 1
        last = values
        if let code = badRows.afterGood() { try writer.write(bad(code, values)) }
    }

    /// Tops up the reject codes not yet written, then closes the file.
    func close() throws(OutputError) {
        for code in badRows.remaining() { try writer.write(bad(code, last)) }
        try writer.close()
        done(good + badRows.count, badRows.count)
    }
}

/// Adds `years` to a day, keeping month and day (29 Feb becomes 28 Feb).
func addingYears(_ day: Day, _ years: Int) -> Day {
    let c = day.components
    return Day(year: c.year + years, month: c.month, day: min(c.day, Day.daysIn(month: c.month, year: c.year + years)))
}

/// Adds `months` to a day, clamping the day of month.
func addingMonths(_ day: Day, _ months: Int) -> Day {
    let c = day.components
    let m = Month(year: c.year, month: c.month) + months
    return Day(year: m.year, month: m.number, day: min(c.day, Day.daysIn(month: m.number, year: m.year)))
}
