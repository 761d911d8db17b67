/// A format a job writes its report files in (SPEC §1.1, §6.2, §6.3, §13).
public enum OutputFormat: String, Sendable, CaseIterable {
    case csv, xml, xlsx

    /// How a file of this format ends: gzipped CSV and XML, workbooks as they are (already zipped).
    public var fileSuffix: String {
        switch self {
        case .csv: "csv.gz"
        case .xml: "xml.gz"
        case .xlsx: "xlsx"
        }
    }
}
