/// The value rules of SPEC §2.0 that apply to every known field before its type.
enum TextRules {
    static let maxFieldLength = 4_096

    /// The first broken text rule of a decoded (untrimmed) value, if any.
    static func fault(_ value: UnsafeBufferPointer<UInt8>, decodedLength: Int) -> RejectCode? {
        if decodedLength > maxFieldLength { return .FIELD_TOO_LONG }
        // Fast path: printable ASCII and tab only.
        var plain = true
        for c in value where c &- 0x20 >= 0x5F && c != 0x09 {
            plain = false
            break
        }
        return plain || isCleanUTF8(value) ? nil : .BAD_TEXT
    }

    /// Valid UTF-8 without control characters (tab allowed), U+007F, U+FFFE or U+FFFF.
    static func isCleanUTF8<C: Collection>(_ value: C) -> Bool where C.Element == UInt8 {
        var i = value.startIndex
        while i != value.endIndex {
            let c = value[i]
            if c < 0x80 {
                if (c < 0x20 && c != 0x09) || c == 0x7F { return false }
                i = value.index(after: i)
                continue
            }
            let need: Int
            var scalar: UInt32
            switch c {
            case 0xC2...0xDF: need = 1; scalar = UInt32(c & 0x1F)
            case 0xE0...0xEF: need = 2; scalar = UInt32(c & 0x0F)
            case 0xF0...0xF4: need = 3; scalar = UInt32(c & 0x07)
            default: return false
            }
            i = value.index(after: i)
            for _ in 0..<need {
                guard i != value.endIndex, value[i] & 0xC0 == 0x80 else { return false }
                scalar = scalar << 6 | UInt32(value[i] & 0x3F)
                i = value.index(after: i)
            }
            switch need {
            case 2 where scalar < 0x800 || (0xD800...0xDFFF).contains(scalar) || scalar == 0xFFFE || scalar == 0xFFFF:
                return false
            case 3 where scalar < 0x10000 || scalar > 0x10FFFF:
                return false
            default:
                break
            }
        }
        return true
    }
}
