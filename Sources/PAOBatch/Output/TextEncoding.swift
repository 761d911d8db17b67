/// Field and text encoding rules of the CSV and XML outputs (SPEC §6.2, §6.3).
public enum TextEncoding {
    /// Appends one CSV field: quoted only when it holds `,` `"` CR or LF; with `formulaGuard`
    /// a value starting with `=` `+` `-` `@` TAB or CR gets a leading `'`.
    public static func appendCSVField(_ value: String, guarded: Bool, to out: inout [UInt8]) {
        var value = value
        value.withUTF8 { bytes in
            let guardMark = guarded && startsFormula(bytes.first)
            guard bytes.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }) else {
                if guardMark { out.append(0x27) }
                out.append(contentsOf: bytes)
                return
            }
            out.append(0x22)
            if guardMark { out.append(0x27) }
            for c in bytes {
                if c == 0x22 { out.append(0x22) }
                out.append(c)
            }
            out.append(0x22)
        }
    }

    /// Whether a spreadsheet would read `value` as a formula (SPEC §6.2).
    public static func startsFormula(_ value: String) -> Bool { startsFormula(value.utf8.first) }

    @inline(__always)
    static func startsFormula(_ first: UInt8?) -> Bool {
        guard let c = first else { return false }
        return c == 0x3D || c == 0x2B || c == 0x2D || c == 0x40 || c == 0x09 || c == 0x0D
    }

    /// Appends `value` with `& < > "` escaped for XML text.
    public static func appendXMLText(_ value: String, to out: inout [UInt8]) {
        var value = value
        value.withUTF8 { bytes in
            guard bytes.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 }) else {
                out.append(contentsOf: bytes)
                return
            }
            for c in bytes {
                switch c {
                case 0x26: out.append(contentsOf: "&amp;".utf8)
                case 0x3C: out.append(contentsOf: "&lt;".utf8)
                case 0x3E: out.append(contentsOf: "&gt;".utf8)
                case 0x22: out.append(contentsOf: "&quot;".utf8)
                default: out.append(c)
                }
            }
        }
    }
}
