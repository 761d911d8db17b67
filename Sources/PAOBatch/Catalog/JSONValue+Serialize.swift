extension JSONValue {
    /// Compact or two-space-indented JSON text, keys in their given order.
    public func serialized(pretty: Bool = true) -> String {
        var out = ""
        write(into: &out, indent: pretty ? 0 : nil)
        return out
    }

    private func write(into out: inout String, indent: Int?) {
        var newline: String { indent.map { "\n" + String(repeating: "  ", count: $0 + 1) } ?? "" }
        var closing: String { indent.map { "\n" + String(repeating: "  ", count: $0) } ?? "" }
        let inner = indent.map { $0 + 1 }
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += n
        case .string(let s): out += JSONValue.quote(s)
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "["
            let newline = newline
            for (i, item) in items.enumerated() {
                out += (i > 0 ? "," : "") + newline
                item.write(into: &out, indent: inner)
            }
            out += closing + "]"
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            out += "{"
            let newline = newline
            for (i, m) in members.enumerated() {
                out += (i > 0 ? "," : "") + newline + JSONValue.quote(m.key) + (indent == nil ? ":" : ": ")
                m.value.write(into: &out, indent: inner)
            }
            out += closing + "}"
        }
    }

    static func quote(_ s: String) -> String {
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) { return "\"" + s + "\"" }
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 {
                    out += "\\u00" + hex2(UInt8(u.value))
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    /// An integer value.
    public static func int(_ n: Int) -> JSONValue { .number(String(n)) }
}
