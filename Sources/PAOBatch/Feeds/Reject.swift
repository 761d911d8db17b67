/// The reject codes of SPEC §2.0, in no particular order.
public enum RejectCode: String, CaseIterable, Sendable {
    case MALFORMED_RECORD, MISSING_FIELD, BAD_TEXT, FIELD_TOO_LONG, BAD_DATE, BAD_NUMBER, BAD_ENUM, BAD_ID
    case BAD_RANGE, BAD_VALUE, UNKNOWN_REFERENCE, DUPLICATE_KEY, OVERLAP, CURRENCY_MISMATCH, SUBSCRIPTION_CONFLICT
}

/// Why one record was not loaded: the first rule it broke.
struct RecordFault: Error {
    var field: String
    var code: RejectCode
    var message: String

    init(_ code: RejectCode, _ field: String, _ message: String) {
        self.code = code
        self.field = field
        self.message = message
    }
}

/// A record that was not loaded, as written to the rejects file (SPEC §6.5).
public struct Reject: Sendable {
    public var feed: String
    public var file: String
    public var line: Int
    public var field: String
    public var code: RejectCode
    public var message: String
    /// The record's source text as read (at most 1,028 bytes, possibly invalid UTF-8).
    public var raw: [UInt8]
}
