import Testing
@testable import PAOBatch

@Suite struct JSONValueTests {
    private func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue { try JSONValue.parse(bytes) }

    @Test func stringsWithAndWithoutEscapesReadAsWritten() throws {
        let document = #"{"plain": "Ünïcødé", "escaped": "a\"b\\c\nd\u00e9\ud83d\ude00", "empty": ""}"#
        let value = try parse(Array(document.utf8))
        #expect(
            value
                == .object([
                    ("plain", .string("Ünïcødé")), ("escaped", .string("a\"b\\c\nd\u{e9}\u{1F600}")),
                    ("empty", .string(""))
                ]))
        // What the manifest writer quotes reads back the same.
        let name = "café \"quoted\" \\ tab\t"
        #expect(try parse(Array(JSONValue.quote(name).utf8)) == .string(name))
    }

    @Test func badStringsNameWhatAndWhere() {
        let cases: [([UInt8], String, Int)] = [
            (Array("\"a\u{1}b\"".utf8), "control character in string", 3),
            ([0x22, 0x61, 0xFF, 0x22], "invalid UTF-8 in string", 4),
            (Array("\"abc".utf8), "unterminated string", 4),
            (Array("\"a\\qb\"".utf8), "invalid escape", 4)
        ]
        for (bytes, message, offset) in cases {
            let error = #expect(throws: JSONSyntaxError.self, "\(message)") { try parse(bytes) }
            #expect(error?.message == message)
            #expect(error?.offset == offset, "\(message)")
        }
    }
}
