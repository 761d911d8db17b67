#if canImport(Glibc)
    import Glibc
#endif

/// An open-addressing hash index from keys to entry numbers, hashed from raw bytes so lookups
/// need no String. Equality is decided by the caller against its own stored keys.
struct KeyIndex {
    /// Per slot: the entry + 1 in the low 32 bits (0 = empty) and the hash's high 32 bits above.
    private var slots: [UInt64]
    private var mask: Int
    private(set) var count = 0
    /// Slots filled, in quarters, before the table doubles: 2 (half, the shortest probes) or 3.
    private let fillQuarters: Int

    /// `fillQuarters` 3 for an index that every shard holds whole, where memory counts more than
    /// a probe or two.
    init(capacity: Int = 1024, fillQuarters: Int = 2) {
        precondition((2...3).contains(fillQuarters), "an index fills half to three quarters of its slots")
        self.fillQuarters = fillQuarters
        var size = 16
        while size * fillQuarters < capacity * 4 { size <<= 1 }
        slots = Array(repeating: 0, count: size)
        mask = size - 1
    }

    /// The entry whose key has `hash` and satisfies `matches`, if any.
    @inline(__always)
    func find(_ hash: UInt64, _ matches: (Int32) -> Bool) -> Int32? {
        let tag = hash & 0xFFFF_FFFF_0000_0000
        var i = Int(truncatingIfNeeded: hash >> 32) & mask
        while true {
            let slot = slots[i]
            if slot == 0 { return nil }
            if slot & 0xFFFF_FFFF_0000_0000 == tag {
                let entry = Int32(truncatingIfNeeded: slot & 0xFFFF_FFFF) - 1
                if matches(entry) { return entry }
            }
            i = (i + 1) & mask
        }
    }

    /// Adds an entry; the caller has checked it is not there yet.
    mutating func insert(_ hash: UInt64, _ entry: Int32) {
        if (count + 1) * 4 > slots.count * fillQuarters { grow() }
        place(hash & 0xFFFF_FFFF_0000_0000 | UInt64(entry + 1))
        count += 1
    }

    /// Stores a slot at the first free place from its home (the tag's low bits).
    private mutating func place(_ slot: UInt64) {
        var i = Int(truncatingIfNeeded: slot >> 32) & mask
        while slots[i] != 0 { i = (i + 1) & mask }
        slots[i] = slot
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: 0, count: old.count * 2)
        mask = slots.count - 1
        for slot in old where slot != 0 { place(slot) }
    }

    /// FNV-1a over the bytes, then a final mix so low bits spread well.
    @inline(__always)
    static func hash<C: Collection>(_ bytes: C, seed: UInt64 = 0) -> UInt64 where C.Element == UInt8 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325 ^ seed
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        return h
    }
}

/// Strings with an index by their UTF-8 bytes: entry numbers are positions in `keys`.
struct StringKeyIndex {
    private(set) var keys: [String] = []
    private var index: KeyIndex

    init(fillQuarters: Int = 2) { index = KeyIndex(fillQuarters: fillQuarters) }

    /// The entry for `key`, if present.
    func find(_ key: String) -> Int32? {
        key.withUTF8Bytes { find($0) }
    }

    /// The entry whose key has these UTF-8 bytes, if present.
    @inline(__always)
    func find(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        keys.withUnsafeBufferPointer { keys in
            index.find(KeyIndex.hash(bytes)) { entry in
                keys[Int(entry)].withUTF8Bytes { k in
                    k.count == bytes.count && (k.count == 0 || memcmp(k.baseAddress!, bytes.baseAddress!, k.count) == 0)
                }
            }
        }
    }

    /// Drops the room `keys` grew beyond its count (up to half of it), with one copy: for a
    /// table held long after its last insert (every subscription id, in every shard).
    mutating func fitKeys() {
        var fitted: [String] = []
        fitted.reserveCapacity(keys.count)
        fitted.append(contentsOf: keys)
        keys = fitted
    }

    /// Adds a key that is not present; returns its entry.
    @discardableResult
    mutating func insert(_ key: String) -> Int32 {
        let entry = Int32(keys.count)
        keys.append(key)
        index.insert(KeyIndex.hash(key.utf8), entry)
        return entry
    }
}
