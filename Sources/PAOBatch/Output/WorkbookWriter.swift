import CXlsxWriter

/// Writes one report file as an Excel workbook (SPEC §13) through libxlsxwriter in its
/// constant-memory mode: rows go to a temporary file as they come, so memory stays flat. Ids and
/// text are text cells (leading zeros survive), dates are date cells, integers and money numbers.
final class WorkbookWriter {
    /// Data rows on one sheet: Excel's 1,048,576 rows less the header.
    static let sheetRows = 1_048_575
    /// Rows per sheet whose printed width sizes the columns.
    private static let widthSample = 1_000

    private let path: String
    private let layout: FileLayout
    private let rowsPerSheet: Int
    private let workbook: UnsafeMutablePointer<lxw_workbook>
    private let styles: WorkbookStyles
    private var closed = false
    private var sheet: UnsafeMutablePointer<lxw_worksheet>?
    private var sheets = 0
    /// Data rows written on the current sheet, and in all.
    private var sheetRow = 0
    private var rows = 0
    /// Widest printed value per column in the current sheet's sample.
    private var widths: [Int]

    /// `asOf` is the workbook's fixed creation time, so the same rows give the same bytes.
    init(path: String, layout: FileLayout, asOf: Day, rowsPerSheet: Int = sheetRows) throws(OutputError) {
        self.path = path
        self.layout = layout
        self.rowsPerSheet = rowsPerSheet
        let folder = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
        let opened = folder.withCString { tmpdir in
            var options = lxw_workbook_options(
                constant_memory: UInt8(LXW_TRUE.rawValue), tmpdir: UnsafeMutablePointer(mutating: tmpdir),
                use_zip64: UInt8(LXW_TRUE.rawValue))
            return workbook_new_opt(path, &options)
        }
        guard let opened else { throw OutputError(.cannotCreate, path, "cannot create the workbook") }
        workbook = opened
        var properties = lxw_doc_properties()
        properties.created = time_t(Int(asOf.rawValue) * 86_400)
        styles = WorkbookStyles(opened)
        widths = layout.columns.map(\.count)
        try check(workbook_set_properties(opened, &properties))
        guard styles.header != nil else { throw OutputError(.io, path, "cannot add the header format") }
        try startSheet()
    }

    /// A workbook given up on (a failed run) is freed without being written.
    deinit { if !closed { lxw_workbook_free(workbook) } }

    func write(_ row: [Cell]) throws(OutputError) {
        if sheetRow == rowsPerSheet {
            try endSheet()
            try startSheet()
        }
        sheetRow += 1
        rows += 1
        if sheetRow <= Self.widthSample { Self.widen(&widths, to: row) }
        let r = lxw_row_t(sheetRow)
        for (c, cell) in row.enumerated() { try write(cell, row: r, column: lxw_col_t(c)) }
    }

    /// Widens each column to its value's printed length (measured in place, no String made).
    private static func widen(_ widths: inout [Int], to row: [Cell]) {
        for (c, cell) in row.enumerated() { widths[c] = max(widths[c], TextEncoding.withPrinted(cell) { $0.count }) }
    }

    /// Closes the workbook (libxlsxwriter zips it now) and reads back its size and SHA-256.
    func finish(name: String) throws(OutputError) -> WrittenFile {
        try endSheet()
        closed = true
        try check(workbook_close(workbook))
        let digest = try RawDigest(file: path)
        return WrittenFile(
            name: name, report: layout.report, isChanges: layout.isChanges, format: .xlsx, rows: rows,
            bytes: digest.bytes, sha256: digest.sha256, rawBytes: digest.bytes, rawSha256: digest.sha256)
    }

    private func write(_ cell: Cell, row: lxw_row_t, column: lxw_col_t) throws(OutputError) {
        switch WorkbookCell(cell) {
        case .blank: return
        case .text(let text): try check(worksheet_write_string(sheet, row, column, text, nil))
        case .number(let value, let style):
            try check(worksheet_write_number(sheet, row, column, value, try styles.format(style, path: path)))
        }
    }

    /// A new sheet: `<report>`, then `<report> (2)`, …, with the bold header row.
    private func startSheet() throws(OutputError) {
        sheets += 1
        let base = layout.rootName
        let suffix = sheets == 1 ? "" : " (\(sheets))"
        let name = String(base.prefix(31 - suffix.count)) + suffix
        guard let added = workbook_add_worksheet(workbook, name) else {
            throw OutputError(.io, path, "cannot add sheet \(name)")
        }
        sheet = added
        sheetRow = 0
        widths = layout.columns.map(\.count)
        for (c, column) in layout.columns.enumerated() {
            try check(worksheet_write_string(added, 0, lxw_col_t(c), column, styles.header))
        }
    }

    /// Freezes the header, filters on it and sizes the columns of the sheet just filled.
    private func endSheet() throws(OutputError) {
        let last = lxw_col_t(max(layout.columns.count - 1, 0))
        worksheet_freeze_panes(sheet, 1, 0)
        try check(worksheet_autofilter(sheet, 0, 0, lxw_row_t(sheetRow), last))
        for (c, width) in widths.enumerated() {
            // Room for the filter button beside the header; no column wider than a screen's half.
            let chars = min(max(width, layout.columns[c].count + 3), 60) + 1
            try check(worksheet_set_column(sheet, lxw_col_t(c), lxw_col_t(c), Double(chars), nil))
        }
    }

    private func check(_ error: lxw_error) throws(OutputError) {
        guard error != LXW_NO_ERROR else { return }
        throw OutputError(.io, path, "workbook: \(String(cString: lxw_strerror(error)))")
    }
}

/// How one cell is stored in a workbook (SPEC §13).
enum WorkbookCell: Equatable {
    case blank
    case text(String)
    case number(Double, WorkbookStyles.Style)

    /// The first day Excel's serial numbers hold faithfully (its 1900 calendar has a 29 February).
    static let firstDate = Day(year: 1900, month: 3, day: 1)
    /// Excel's day 0 is 1899-12-30.
    private static let serialOffset = Double(-Day(year: 1899, month: 12, day: 30).rawValue)
    /// Integers and minor units below this have at most 15 digits: exact as a double, and shown
    /// by Excel digit for digit.
    private static let exactLimit: UInt64 = 1_000_000_000_000_000

    init(_ cell: Cell) {
        switch cell {
        case .empty: self = .blank
        case .text(let s): self = s.isEmpty ? .blank : .text(s)
        case .month: self = .text(cell.printed)
        case .day(let d):
            self = d >= Self.firstDate ? .number(Double(d.rawValue) + Self.serialOffset, .date) : .text(cell.printed)
        case .integer(let n):
            self = n.magnitude < Self.exactLimit ? .number(Double(n), .integer) : .text(cell.printed)
        case .money(let v, let digits):
            self = Self.decimal(v, digits: digits).map { .number($0, .decimals(digits)) } ?? .text(cell.printed)
        case .percent(let v):
            self = Self.decimal(v, digits: 2).map { .number($0, .decimals(2)) } ?? .text(cell.printed)
        }
    }

    /// `v` minor units with `digits` decimals as the double nearest the decimal text (one exact
    /// integer divided by an exact power of ten), when that text has at most 15 significant digits.
    private static func decimal(_ v: Money, digits: Int) -> Double? {
        guard v.magnitude < UInt128(exactLimit) else { return nil }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        return Double(Int64(v)) / scale
    }
}

/// The workbook's cell formats, each made the first time a cell needs it.
final class WorkbookStyles {
    enum Style: Equatable {
        case date, integer
        case decimals(Int)

        /// A distinct small index per style.
        var slot: Int {
            switch self {
            case .date: 0
            case .integer: 1
            case .decimals(let n): 2 + n
            }
        }

        var code: String {
            switch self {
            case .date: "yyyy-mm-dd"
            case .integer, .decimals(0): "0"
            case .decimals(let n): "0." + String(repeating: "0", count: n)
            }
        }
    }

    private let workbook: UnsafeMutablePointer<lxw_workbook>
    let header: UnsafeMutablePointer<lxw_format>?
    /// By `slot`: looked up for every number cell, so an array rather than a hashed dictionary.
    private var formats: [UnsafeMutablePointer<lxw_format>?] = []

    init(_ workbook: UnsafeMutablePointer<lxw_workbook>) {
        self.workbook = workbook
        header = workbook_add_format(workbook)
        format_set_bold(header)
    }

    func format(_ style: Style, path: String) throws(OutputError) -> UnsafeMutablePointer<lxw_format> {
        let slot = style.slot
        if slot < formats.count, let format = formats[slot] { return format }
        guard let format = workbook_add_format(workbook) else {
            throw OutputError(.io, path, "cannot add the number format \(style.code)")
        }
        format_set_num_format(format, style.code)
        if slot >= formats.count { formats += Array(repeating: nil, count: slot + 1 - formats.count) }
        formats[slot] = format
        return format
    }
}
