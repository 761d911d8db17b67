/// A cursor over JSON text (RFC 8259): `JSONValue.parse` builds the whole tree with it, and a
/// reader that needs a few fields of a large document walks to them and skips the rest.
struct JSONParser {
    let bytes: [UInt8]
    var i = 0

    mutating func skipSpace() {
        while i < bytes.count, Self.isSpace(bytes[i]) { i += 1 }
    }

    /// JSON's four whitespace bytes.
    private static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }

    /// The byte at the cursor; nil at the end.
    var current: UInt8? { i < bytes.count ? bytes[i] : nil }

    func error(_ m: String) -> JSONSyntaxError { JSONSyntaxError(offset: i, message: m) }

    /// Consumes the `{` of an object; its members follow through `nextKey`.
    mutating func beginObject() throws(JSONSyntaxError) {
        guard i < bytes.count, bytes[i] == UInt8(ascii: "{") else { throw error("expected an object") }
        i += 1
    }

    /// Consumes the `[` of an array; its elements follow through `nextElement`.
    mutating func beginArray() throws(JSONSyntaxError) {
        guard i < bytes.count, bytes[i] == UInt8(ascii: "[") else { throw error("expected an array") }
        i += 1
    }

    /// After `{` or a member's value: the next member's key with the cursor at its value, or nil
    /// once the object's `}` is consumed.
    mutating func nextKey() throws(JSONSyntaxError) -> String? {
        guard try next(closing: UInt8(ascii: "}"), "expected ',' or '}'") else { return nil }
        guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw error("expected a key") }
        let key = try string()
        skipSpace()
        guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw error("expected ':'") }
        i += 1
        skipSpace()
        return key
    }

    /// After `[` or an element: whether another element follows (the cursor then at it); false
    /// once the array's `]` is consumed.
    mutating func nextElement() throws(JSONSyntaxError) -> Bool {
        try next(closing: UInt8(ascii: "]"), "expected ',' or ']'")
    }

    /// Steps over the `,` before the next item, or consumes `closing`. Right after the opening
    /// bracket (the last text before the cursor, a value never ends in one) no comma is wanted.
    private mutating func next(closing: UInt8, _ expected: String) throws(JSONSyntaxError) -> Bool {
        var back = i - 1
        while back >= 0, Self.isSpace(bytes[back]) { back -= 1 }
        skipSpace()
        if back < 0 || bytes[back] == UInt8(ascii: "{") || bytes[back] == UInt8(ascii: "[") {
            guard i < bytes.count, bytes[i] == closing else { return true }
            i += 1
            return false
        }
        guard i < bytes.count else { throw error("unexpected end of input") }
        if bytes[i] == closing {
            i += 1
            return false
        }
        guard bytes[i] == UInt8(ascii: ",") else { throw error(expected) }
        i += 1
        skipSpace()
        return true
    }

    /// Reads `bytes` as one object: `member` gets each key with the cursor at its value, which it
    /// reads or skips.
    static func object(_ bytes: [UInt8], _ member: MemberReader) throws(JSONSyntaxError) {
        var p = JSONParser(bytes: bytes)
        p.skipSpace()
        guard try p.members(member) else { throw p.error("expected an object") }
        try p.finish()
    }

    typealias MemberReader = (String, inout JSONParser) throws(JSONSyntaxError) -> Void

    /// Reads the object at the cursor member by member as `object` does; false, with the value
    /// stepped over, when it is not an object.
    mutating func members(_ member: MemberReader) throws(JSONSyntaxError) -> Bool {
        guard current == UInt8(ascii: "{") else {
            try skipValue()
            return false
        }
        try beginObject()
        while let key = try nextKey() { try member(key, &self) }
        return true
    }

    /// The value at the cursor as a tree.
    mutating func value(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        guard depth < 64 else { throw error("nesting too deep") }
        guard i < bytes.count else { throw error("unexpected end of input") }
        switch bytes[i] {
        case UInt8(ascii: "{"):
            try beginObject()
            var members: [(key: String, value: JSONValue)] = []
            while let key = try nextKey() { members.append((key, try value(depth: depth + 1))) }
            return .object(members)
        case UInt8(ascii: "["):
            try beginArray()
            var items: [JSONValue] = []
            while try nextElement() { items.append(try value(depth: depth + 1)) }
            return .array(items)
        case UInt8(ascii: "\""):
            return .string(try string())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        default:
            return try number()
        }
    }

    /// Checks the value at the cursor and steps over it without building it.
    mutating func skipValue(depth: Int = 0) throws(JSONSyntaxError) {
        guard depth < 64 else { throw error("nesting too deep") }
        guard i < bytes.count else { throw error("unexpected end of input") }
        switch bytes[i] {
        case UInt8(ascii: "{"):
            try beginObject()
            while try nextKey() != nil { try skipValue(depth: depth + 1) }
        case UInt8(ascii: "["):
            try beginArray()
            while try nextElement() { try skipValue(depth: depth + 1) }
        case UInt8(ascii: "\""):
            try skipString()
        default:
            _ = try value(depth: depth)
        }
    }

    /// The string at the cursor; nil (the value stepped over) when it is another kind of value.
    mutating func stringValue() throws(JSONSyntaxError) -> String? {
        guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else {
            try skipValue()
            return nil
        }
        return try string()
    }

    /// The number at the cursor as an Int; nil (the value stepped over) when it is anything else.
    mutating func intValue() throws(JSONSyntaxError) -> Int? {
        guard i < bytes.count, bytes[i] == UInt8(ascii: "-") || bytes[i] &- 0x30 < 10 else {
            try skipValue()
            return nil
        }
        guard case .number(let text) = try number() else { return nil }
        return Int(text)
    }

    /// Ends a whole document: nothing but space may follow.
    mutating func finish() throws(JSONSyntaxError) {
        skipSpace()
        guard i == bytes.count else { throw error("unexpected text after the document") }
    }

    /// Steps over a string; one of plain ASCII without escapes needs no String.
    private mutating func skipString() throws(JSONSyntaxError) {
        let (end, ascii) = plainEnd(from: i + 1)
        if ascii, end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
            i = end + 1
        } else {
            _ = try string()
        }
    }

    /// Inside a string from `start`: where its plain text ends (at a quote, backslash, control
    /// character or the end) and whether that text is all ASCII.
    private func plainEnd(from start: Int) -> (end: Int, ascii: Bool) {
        var end = start
        var seen: UInt8 = 0
        while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"), bytes[end] >= 0x20
        {
            seen |= bytes[end]
            end += 1
        }
        return (end, seen < 0x80)
    }

    mutating func literal(_ word: String, _ v: JSONValue) throws(JSONSyntaxError) -> JSONValue {
        let w = Array(word.utf8)
        guard i + w.count <= bytes.count, Array(bytes[i..<i + w.count]) == w else {
            throw error("unexpected character")
        }
        i += w.count
        return v
    }

    mutating func number() throws(JSONSyntaxError) -> JSONValue {
        let start = i
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") { i += 1 }
        let intStart = i
        while i < bytes.count, bytes[i] &- 0x30 < 10 { i += 1 }
        guard i > intStart, !(bytes[intStart] == 0x30 && i - intStart > 1) else { throw error("invalid number") }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            let f = i
            while i < bytes.count, bytes[i] &- 0x30 < 10 { i += 1 }
            guard i > f else { throw error("invalid number") }
        }
        if i < bytes.count, bytes[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            let e = i
            while i < bytes.count, bytes[i] &- 0x30 < 10 { i += 1 }
            guard i > e else { throw error("invalid number") }
        }
        return .number(String(decoding: bytes[start..<i], as: UTF8.self))
    }

    mutating func string() throws(JSONSyntaxError) -> String {
        i += 1
        // Most strings have no escape: made straight from their bytes, checked only when not ASCII.
        let (end, ascii) = plainEnd(from: i)
        if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
            let text = bytes.withUnsafeBufferPointer {
                ascii
                    ? String(decoding: UnsafeBufferPointer(rebasing: $0[i..<end]), as: UTF8.self)
                    : String(validating: $0[i..<end], as: UTF8.self)
            }
            i = end + 1
            guard let text else { throw error("invalid UTF-8 in string") }
            return text
        }
        var out: [UInt8] = []
        while true {
            guard i < bytes.count else { throw error("unterminated string") }
            let c = bytes[i]
            i += 1
            switch c {
            case UInt8(ascii: "\""):
                guard let s = String(validating: out, as: UTF8.self) else { throw error("invalid UTF-8 in string") }
                return s
            case UInt8(ascii: "\\"):
                guard i < bytes.count else { throw error("unterminated string") }
                let e = bytes[i]
                i += 1
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
                case UInt8(ascii: "b"): out.append(8)
                case UInt8(ascii: "f"): out.append(12)
                case UInt8(ascii: "n"): out.append(10)
                case UInt8(ascii: "r"): out.append(13)
                case UInt8(ascii: "t"): out.append(9)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800...0xDBFF).contains(scalar), i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"),
                        bytes[i + 1] == UInt8(ascii: "u")
                    {
                        i += 2
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw error("invalid surrogate pair") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let u = Unicode.Scalar(scalar) else { throw error("invalid \\u escape") }
                    out.append(contentsOf: Array(String(Character(u)).utf8))
                default: throw error("invalid escape")
                }
            default:
                guard c >= 0x20 else { throw error("control character in string") }
                out.append(c)
            }
        }
    }

    mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        guard i + 4 <= bytes.count else { throw error("invalid \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[i] | 0x20
            let d: UInt8
            if c &- 0x30 < 10 {
                d = c - 0x30
            } else if c &- 0x61 < 6 {
                d = c - 0x61 + 10
            } else {
                throw error("invalid \\u escape")
            }
            v = v << 4 | UInt32(d)
            i += 1
        }
        return v
    }
}
