/// Text and links for an HTML page.
enum HTMLText {
    /// `& < > "` escaped: safe as element text and in a double-quoted attribute.
    static func escaped(_ text: String) -> String {
        var out: [UInt8] = []
        escape(text, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func escape(_ text: String, into out: inout [UInt8]) { TextEncoding.appendXMLText(text, to: &out) }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// A relative link: every byte outside the unreserved set and `/` percent-encoded.
    static func href(_ path: String, into out: inout [UInt8]) {
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.append(byte)
            default:
                out += [UInt8(ascii: "%"), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 15)]]
            }
        }
    }
}
