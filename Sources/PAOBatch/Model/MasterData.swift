/// An accepted reseller site (SPEC §2.1).
public struct Reseller: Sendable {
    public var site: String
    public var name: String
    public var role: ResellerRole
    /// Index of the distributor in `Dataset.resellers`, for a RESELLER that buys through one.
    public var distributor: Int32?
    public var country: Country
    public var status: ResellerStatus
}

/// An accepted customer site (SPEC §2.2).
public struct Customer: Sendable {
    public var siteNumber: String
    public var siteName: String
    public var customerNumber: String
    public var agreementNumber: String?
    public var customerName: String
    public var country: Country
    public var currency: Currency
    public var enrollmentType: EnrollmentType
    public var siteRole: SiteRole?
    public var priceLevel: PriceLevel
    public var anniversaryMonth: Int8?
}

/// An accepted part (SPEC §2.3); part references are indexes into `Dataset.parts`.
public struct Part: Sendable {
    public var number: String
    public var description: String
    public var productId: String
    public var productName: String
    public var chargeMetric: String
    public var type: PartType
    public var termMonths: Int8
    public var renewalPart: Int32?
    public var reinstatementPart: Int32?
    public var overagePart: Int32?
}

/// An accepted price record (SPEC §2.4). Every shard keeps nearly all of them (price files span
/// countries), so the fields pack into 24 bytes, not 48: the last day is a day number with a
/// sentinel for open-ended, and the currency its table index in one byte.
public struct PriceRecord: Sendable {
    /// An accepted price is never negative and has at most 15 integer and 4 minor digits: below 2⁶⁴.
    private let minorUnits: UInt64
    public let part: Int32
    public let effectiveFrom: Day
    private let lastDay: Int32
    public let country: Country
    private let currencyIndex: UInt8
    public let level: PriceLevel

    private static let openEnded = Int32.min

    public var unitPrice: Money { Money(minorUnits) }
    /// Inclusive; nil = open-ended.
    public var effectiveTo: Day? { lastDay == Self.openEnded ? nil : Day(rawValue: lastDay) }
    public var currency: Currency { Currency(index: UInt16(currencyIndex)) }

    init(
        part: Int32, country: Country, currency: Currency, level: PriceLevel, unitPrice: Money, effectiveFrom: Day,
        effectiveTo: Day?
    ) {
        minorUnits = UInt64(unitPrice)
        self.part = part
        self.effectiveFrom = effectiveFrom
        lastDay = effectiveTo?.rawValue ?? Self.openEnded
        precondition(lastDay != Self.openEnded || effectiveTo == nil, "effective_to out of range")
        self.country = country
        currencyIndex = UInt8(currency.index)
        self.level = level
    }
}

/// An accepted transaction line (SPEC §2.5); references are indexes into the dataset's tables.
/// Fields are ordered to pack into 96 bytes, not 112.
public struct Line: Sendable {
    public var orderNumber: String
    public var quoteNumber: String?
    public var quantity: Int64
    /// An accepted unit price is never negative and below 10¹⁹: it fits 64 bits.
    private var minorUnits: UInt64
    public var lineNumber: Int32
    public var orderDate: Day
    public var reseller: Int32
    public var customer: Int32
    public var part: Int32
    public var coverageStart: Day?
    public var coverageEnd: Day?
    /// Index into `Dataset.subscriptions`.
    public var subscription: Int32?

    public var unitPrice: Money { Money(minorUnits) }

    init(
        orderNumber: String, lineNumber: Int32, orderDate: Day, reseller: Int32, customer: Int32,
        quoteNumber: String?, part: Int32, quantity: Int64, unitPrice: Money, coverageStart: Day?, coverageEnd: Day?,
        subscription: Int32?
    ) {
        self.orderNumber = orderNumber
        self.quoteNumber = quoteNumber
        self.quantity = quantity
        minorUnits = UInt64(unitPrice)
        self.lineNumber = lineNumber
        self.orderDate = orderDate
        self.reseller = reseller
        self.customer = customer
        self.part = part
        self.coverageStart = coverageStart
        self.coverageEnd = coverageEnd
        self.subscription = subscription
    }
}

/// An accepted usage record (SPEC §2.6), packed into 32 bytes, not 40.
public struct UsageRecord: Sendable {
    public var suppressionReason: String?
    public var subscription: Int32
    public var period: Month
    /// At most 1,000,000,000 (SPEC §2.6).
    private var used: Int32
    public var overageSuppressed: Bool

    public var usedQuantity: Int64 { Int64(used) }

    init(subscription: Int32, period: Month, usedQuantity: Int64, overageSuppressed: Bool, suppressionReason: String?) {
        self.suppressionReason = suppressionReason
        self.subscription = subscription
        self.period = period
        used = Int32(usedQuantity)
        self.overageSuppressed = overageSuppressed
    }
}

/// An accepted provisioning record (SPEC §2.7), events and elements in document order.
public struct ProvisioningRecord: Sendable {
    public var subscription: Int32
    public var events: [(status: ProvisioningStatus, date: Day)]
    /// Element name and value; a repeated name keeps the last value, an empty value is "not provided".
    public var elements: [(name: String, value: String)]
}

/// An accepted contact of a reseller site (SPEC §14).
public struct Contact: Sendable {
    /// Index of the site in `Dataset.resellers`.
    public var reseller: Int32
    public var userId: String
    public var name: String
    public var email: String
    public var role: ContactRole
    /// In canonical order, without repeats.
    public var privileges: [Privilege]
    public var status: ContactStatus
    public var requested: Day
    public var decided: Day?
    public var decidedBy: String?
}
