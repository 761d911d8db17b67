/// Byte-order ranks (SPEC §3 Sorting) of the text keys that reports sort by, computed once per
/// run: two ranks compare as their texts do, equal texts share a rank and a missing text ranks
/// as the empty one, first. Report sorts then compare integers instead of Strings.
public struct TextRanks: Sendable {
    /// Per line: (order_number, line_number), and order_number alone.
    public let orderLine, order: [Int32]
    /// Per line: quote_number.
    public let quote: [Int32]
    /// Per customer: site_number, agreement_number, site_name.
    public let customerSite, agreement, siteName: [Int32]
    /// Per reseller: site.
    public let resellerSite: [Int32]
    /// Per subscription: its id.
    public let subscription: [Int32]
    /// Per part: product_id and part_number.
    public let productId, partNumber: [Int32]

    public init(_ data: Dataset) {
        let lines = data.lines, customers = data.customers, parts = data.parts
        // The two line ranks are the big ones: one on each core, the small ones beside them.
        let (first, second) = inParallel(
            {
                [
                    Self.ranks(lines.count, text: { lines[$0].orderNumber }, tieBreak: { lines[$0].lineNumber }),
                    Self.ranks(customers.count) { customers[$0].siteNumber },
                    Self.ranks(customers.count) { customers[$0].agreementNumber },
                    Self.ranks(customers.count) { customers[$0].siteName }
                ]
            },
            {
                [
                    Self.ranks(lines.count) { lines[$0].quoteNumber },
                    Self.ranks(data.resellers.count) { data.resellers[$0].site },
                    Self.ranks(data.subscriptions.count) { data.subscriptions[$0] },
                    Self.ranks(parts.count) { parts[$0].productId },
                    Self.ranks(parts.count) { parts[$0].number }
                ]
            })
        (orderLine, customerSite, agreement, siteName) = (first[0], first[1], first[2], first[3])
        (quote, resellerSite, subscription, productId, partNumber) = (
            second[0], second[1], second[2], second[3], second[4]
        )
        order = Self.textRanks(of: orderLine) { lines[$0].orderNumber }
    }

    /// Ranks of the text alone, from ranks of (text, tie-break): ranks next to each other share
    /// one while their texts are equal.
    static func textRanks(of ranks: [Int32], text: (Int) -> String) -> [Int32] {
        let distinct = Int(ranks.max() ?? -1) + 1
        var holder = [Int](repeating: 0, count: distinct)
        for (i, r) in ranks.enumerated() { holder[Int(r)] = i }
        var textRank = [Int32](repeating: 0, count: distinct)
        for r in holder.indices.dropFirst() {
            textRank[r] = textRank[r - 1] + (compareBytes(text(holder[r - 1]), text(holder[r])) == 0 ? 0 : 1)
        }
        return ranks.map { textRank[Int($0)] }
    }

    /// Dense ranks of `count` texts in byte order, ties broken by `tieBreak` when given.
    static func ranks(_ count: Int, text: (Int) -> String?, tieBreak: ((Int) -> Int32)? = nil) -> [Int32] {
        let texts = (0..<count).map { text($0) ?? "" }
        let heads = texts.map(Self.head)
        let extra = tieBreak.map { f in (0..<count).map(f) }
        func compare(_ a: Int32, _ b: Int32) -> Int {
            let x = heads[Int(a)], y = heads[Int(b)]
            let byText = x != y ? (x < y ? -1 : 1) : compareBytes(texts[Int(a)], texts[Int(b)])
            if byText != 0 || extra == nil { return byText }
            return compareValues(extra![Int(a)], extra![Int(b)])
        }
        let order = (0..<Int32(count)).sorted { compare($0, $1) < 0 }
        var ranks = [Int32](repeating: 0, count: count)
        var rank: Int32 = 0
        for (n, i) in order.enumerated() {
            if n > 0 && compare(order[n - 1], i) != 0 { rank += 1 }
            ranks[Int(i)] = rank
        }
        return ranks
    }

    /// A text's first 16 bytes as two big-endian words, zero-padded: heads that differ order as
    /// their texts' bytes do; equal heads leave it to the whole texts.
    static func head(_ text: String) -> Head {
        text.withUTF8Bytes { bytes in
            var head = Head(high: 0, low: 0)
            for k in 0..<min(bytes.count, 16) {
                let byte = UInt64(bytes[k])
                if k < 8 {
                    head.high |= byte << UInt64(56 - 8 * k)
                } else {
                    head.low |= byte << UInt64(120 - 8 * k)
                }
            }
            return head
        }
    }

    struct Head: Comparable {
        var high, low: UInt64
        static func < (a: Head, b: Head) -> Bool { (a.high, a.low) < (b.high, b.low) }
    }
}
