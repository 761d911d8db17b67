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

@Suite struct JSONParserTests {
    private static let documents = [
        #"{"a": [1, -2.5e3, true, false, null, {"b": "c\u00e9"}], "d": {}, "e": [], "f": "plain"}"#,
        #"[ {"name": "x", "rows": 3} , [[]], "\ud83d\ude00" ]"#, "  7  ", #""ascii""#,
        #"{"a":1 "b":2}"#, "{,}", "[1,]", #"{"a":1,}"#, "{", "[", #"{"a" 1}"#, "[1 2]", "[01]", "nul",
        #"{"a": [1}"#, "{} x", String(repeating: "[", count: 70) + String(repeating: "]", count: 70)
    ]

    /// Walks a value with the cursor alone, skipping every leaf.
    private static func walk(_ p: inout JSONParser) throws(JSONSyntaxError) {
        switch p.current {
        case UInt8(ascii: "{"):
            try p.beginObject()
            while try p.nextKey() != nil { try p.skipValue(depth: 1) }
        case UInt8(ascii: "["):
            try p.beginArray()
            while try p.nextElement() { try p.skipValue(depth: 1) }
        default:
            try p.skipValue()
        }
    }

    @Test(arguments: documents)
    func skippingChecksAsMuchAsBuilding(_ document: String) {
        let bytes = Array(document.utf8)
        let built = Result { () throws(JSONSyntaxError) in try JSONValue.parse(bytes) }
        let walked = Result { () throws(JSONSyntaxError) in
            var p = JSONParser(bytes: bytes)
            p.skipSpace()
            try JSONParserTests.walk(&p)
            try p.finish()
        }
        switch (built, walked) {
        case (.success, .success): break
        case (.failure(let a), .failure(let b)):
            #expect(a.message == b.message)
            #expect(a.offset == b.offset)
        default: Issue.record("parse \(built), walk \(walked)")
        }
    }

    @Test func typedReadsStepOverOtherKinds() throws {
        var p = JSONParser(bytes: Array(#"{"n": 12, "s": "x", "o": {"k": [1]}, "t": "y", "z": 3}"#.utf8))
        try p.beginObject()
        var seen: [String] = []
        while let key = try p.nextKey() {
            switch key {
            case "n", "o": seen.append("\(key)=\(try p.intValue().map(String.init) ?? "nil")")
            default: seen.append("\(key)=\(try p.stringValue() ?? "nil")")
            }
        }
        try p.finish()
        #expect(seen == ["n=12", "s=x", "o=nil", "t=y", "z=nil"])
    }
}
