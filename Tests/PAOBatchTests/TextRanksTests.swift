import Testing
@testable import PAOBatch

/// Sort ranks must order exactly as the texts' UTF-8 bytes do (SPEC §3 Sorting), ties equal.
@Suite struct TextRanksTests {
    /// Texts with shared prefixes, prefixes of each other, non-ASCII (whose byte order differs
    /// from Swift's String order for some pairs), NUL bytes, texts around 16 bytes (the compared
    /// head), duplicates, empty and missing values.
    static let texts: [String?] = [
        "B", "a", "", nil, "ORD-10", "ORD-9", "ORD-1", "ORD-10", "é", "e\u{301}", "z", "Ω", "😀", "Z", "ab", "a",
        "Straße", "Strasse", "ﬃ", "ffi", "long text that is longer than sixteen bytes 1",
        "long text that is longer than sixteen bytes 2",
        "a\u{0}", "a\u{0}\u{0}", "a\u{0}b", "exactly sixteen!", "exactly sixteen!\u{0}", "exactly sixteen"
    ]

    @Test func ranksOrderAsBytes() {
        let ranks = TextRanks.ranks(Self.texts.count) { Self.texts[$0] }
        for a in Self.texts.indices {
            for b in Self.texts.indices {
                let x = Array((Self.texts[a] ?? "").utf8), y = Array((Self.texts[b] ?? "").utf8)
                #expect(
                    (ranks[a] < ranks[b]) == x.lexicographicallyPrecedes(y),
                    "\(Self.texts[a] ?? "nil") vs \(Self.texts[b] ?? "nil")")
                #expect((ranks[a] == ranks[b]) == (x == y))
            }
        }
    }

    @Test func tiesAreBrokenByTheSecondKey() {
        let orders = ["ORD-2", "ORD-1", "ORD-2", "ORD-1"], lines: [Int32] = [1, 2, 2, 1]
        let ranks = TextRanks.ranks(4, text: { orders[$0] }, tieBreak: { lines[$0] })
        #expect(ranks == [2, 1, 3, 0])
    }

    @Test func textRanksDropTheTieBreak() {
        let texts = Self.texts.map { $0 ?? "" }
        let lines = texts.indices.map { Int32(($0 * 7) % 5) }
        let ranks = TextRanks.ranks(texts.count, text: { texts[$0] }, tieBreak: { lines[$0] })
        let byText = TextRanks.textRanks(of: ranks) { texts[$0] }
        #expect(byText == TextRanks.ranks(texts.count) { texts[$0] })
        #expect(TextRanks.textRanks(of: []) { _ in "" } == [])
    }
}
