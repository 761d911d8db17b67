/// The identifier shapes of SPEC §2 (`BAD_ID`).
enum IdPattern {
    /// `^[0-9]{1,10}$`: reseller sites, customer sites, customer and agreement numbers.
    case siteNumber
    /// `^[A-Z0-9]{7}$`
    case partNumber
    /// `^[A-Za-z0-9-]{1,20}$`: order and quote numbers.
    case orderNumber
    /// `^[A-Za-z0-9-]{1,32}$`
    case subscriptionId
    /// `^[a-z][a-z0-9_]{0,63}$`: provisioning element names.
    case elementName

    func matches<C: Collection>(_ b: C) -> Bool where C.Element == UInt8 {
        switch self {
        case .siteNumber:
            return (1...10).contains(b.count) && b.allSatisfy { $0 &- 0x30 < 10 }
        case .partNumber:
            return b.count == 7 && b.allSatisfy { $0 &- 0x30 < 10 || $0 &- 0x41 < 26 }
        case .orderNumber, .subscriptionId:
            return (1...(self == .orderNumber ? 20 : 32)).contains(b.count) && b.allSatisfy(isAlphanumericOrHyphen)
        case .elementName:
            guard let first = b.first, first &- 0x61 < 26, b.count <= 64 else { return false }
            return b.allSatisfy { $0 &- 0x61 < 26 || $0 &- 0x30 < 10 || $0 == 0x5F }
        }
    }
}

@inline(__always)
private func isAlphanumericOrHyphen(_ c: UInt8) -> Bool {
    c &- 0x30 < 10 || c &- 0x41 < 26 || c &- 0x61 < 26 || c == 0x2D
}
