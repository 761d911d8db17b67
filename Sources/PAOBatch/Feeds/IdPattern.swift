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
    /// `^[a-z0-9._%+-]{1,64}@[a-z0-9.-]{1,189}\.[a-z]{2,24}$`: contacts' user ids and e-mail addresses.
    case email

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
        case .email:
            return isEmail(Array(b))
        }
    }
}

@inline(__always)
private func isAlphanumericOrHyphen(_ c: UInt8) -> Bool {
    c &- 0x30 < 10 || c &- 0x41 < 26 || c &- 0x61 < 26 || c == 0x2D
}

/// The local part, `@`, then a domain of at least one character, a dot and a 2 to 24 letter
/// ending; the local part's and domain's lengths as the pattern bounds them.
private func isEmail(_ b: [UInt8]) -> Bool {
    guard let at = b.firstIndex(of: 0x40), (1...64).contains(at) else { return false }
    let local = b[..<at], domain = b[(at + 1)...]
    let isLower = { (c: UInt8) in c &- 0x61 < 26 }
    guard local.allSatisfy({ isLower($0) || $0 &- 0x30 < 10 || ".%+_-".utf8.contains($0) }),
        let dot = domain.lastIndex(where: { !isLower($0) }), b[dot] == 0x2E
    else { return false }
    let host = b[(at + 1)..<dot], ending = b[(dot + 1)...]
    return (1...189).contains(host.count) && (2...24).contains(ending.count)
        && host.allSatisfy { isLower($0) || $0 &- 0x30 < 10 || $0 == 0x2E || $0 == 0x2D }
}
