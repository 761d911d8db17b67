/// Two lowercase hex digits of a byte, for SHA-256 sums.
@inline(__always)
func hex2(_ b: UInt8) -> String {
    let h = Array("0123456789abcdef".utf8)
    return String(decoding: [h[Int(b >> 4)], h[Int(b & 15)]], as: UTF8.self)
}
