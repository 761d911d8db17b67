/// An enum whose cases are spelled exactly as their upper-case feed values.
public protocol FeedEnum: RawRepresentable, CaseIterable, Hashable, Sendable where RawValue == String {}

extension FeedEnum {
    /// The case spelled exactly by `bytes`.
    static func parse<C: Collection>(_ bytes: C) -> Self? where C.Element == UInt8 {
        for c in allCases where c.rawValue.utf8.elementsEqual(bytes) { return c }
        return nil
    }
}

public enum ResellerRole: String, FeedEnum { case DISTRIBUTOR, RESELLER }
public enum ResellerStatus: String, FeedEnum { case ACTIVE, SUSPENDED }
public enum EnrollmentType: String, FeedEnum { case PA, PAE }
public enum SiteRole: String, FeedEnum { case ORIGINATING, ADDITIONAL }
public enum YesNo: String, FeedEnum { case Y, N }

/// Price levels in their canonical order (the order used for sorting).
public enum PriceLevel: String, FeedEnum, Comparable {
    case BL, D, E, F, G, H, I, J, ED, GV

    public static func < (a: PriceLevel, b: PriceLevel) -> Bool { a.ordinal < b.ordinal }

    /// The place in the canonical order, 0 for BL.
    public var ordinal: Int {
        switch self {
        case .BL: 0
        case .D: 1
        case .E: 2
        case .F: 3
        case .G: 4
        case .H: 5
        case .I: 6
        case .J: 7
        case .ED: 8
        case .GV: 9
        }
    }
}

public enum PartType: String, FeedEnum {
    case LICENSE_SS, SS_RENEWAL, SS_REINSTATEMENT, CTL, MONTHLY, SAAS, SAAS_OVERAGE

    /// LICENSE_SS, SS_RENEWAL and SS_REINSTATEMENT.
    public var isSubscriptionAndSupport: Bool {
        self == .LICENSE_SS || self == .SS_RENEWAL || self == .SS_REINSTATEMENT
    }
    /// The types a renewal key and a renewal part apply to.
    public var isRenewable: Bool { isSubscriptionAndSupport || self == .CTL || self == .SAAS }
    /// Types whose transaction lines must carry a subscription id.
    public var needsSubscription: Bool { self == .CTL || self == .MONTHLY || self == .SAAS || self == .SAAS_OVERAGE }
    public var family: PartFamily { isSubscriptionAndSupport || self == .CTL ? .software : .saas }
}

public enum PartFamily: String, FeedEnum { case software, saas }

public enum ProvisioningStatus: String, FeedEnum { case PENDING, IN_PROGRESS, PROVISIONED, FAILED, CANCELLED }

/// A contact's role at its site (SPEC §14), in sort order.
public enum ContactRole: String, FeedEnum { case PRIMARY, SECONDARY, USER }
/// Where a contact's access stands (SPEC §14), in sort order.
public enum ContactStatus: String, FeedEnum { case ACTIVE, PENDING, REJECTED, REMOVED }
/// A portal privilege (SPEC §14), in canonical order.
public enum Privilege: String, FeedEnum { case REPORTING, ORDERING, PQO, PGS }
