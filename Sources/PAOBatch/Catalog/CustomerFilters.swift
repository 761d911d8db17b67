/// Row filters by customer attributes (SPEC §1.1, §10): every given filter must hold.
public struct CustomerFilters: Sendable, Equatable {
    public var agreementNumber: [String]?
    public var siteNumber: [String]?
    public var country: [String]?
    public var enrollmentType: [String]?
    public var anniversaryMonth: [Int]?
    public var customerName: String?
    public var siteName: String?
    public var quoteNumber: [String]?

    public init() {}

    public var isEmpty: Bool { self == CustomerFilters() }
}
