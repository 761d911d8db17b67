import Foundation
import Testing
@testable import PAOBatch

/// CSV text with every RFC 4180 feature and edge the reader must handle.
private let trickyCSV: String = {
    var s = "\u{FEFF}a,b,c\r\n"
    s += "1,plain,x\n"
    s += "\n"
    s += "2,\"quoted, comma\",\"with \"\"quotes\"\"\"\r\n"
    s += "3,\"multi\nline\r\nvalue\",\n"
    s += "\r\n"
    s += "4,,\"\"\n"
    s += "5, spaced ,\"  \"\n"
    for i in 6..<400 {
        s += "\(i),\"row \(i) \"\"q\"\" ,\nnext\",\(String(repeating: "é", count: i % 17))\n"
    }
    s += "last,no,newline"
    return s
}()

/// Records as Python's csv module reads them: (first line, fields).
private func oracle(_ path: String) throws -> [(Int, [String])] {
    let script = """
        import csv, json, sys
        out = []
        prev = 0
        with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:
            r = csv.reader(f)
            for row in r:
                if row:
                    out.append([prev + 1, row])
                prev = r.line_num
        print(json.dumps(out))
        """
    let result = runProcess(python, python.hasSuffix("env") ? ["python3", "-c", script, path] : ["-c", script, path])
    let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [[Any]]
    return json.map { ($0[0] as! Int, $0[1] as! [String]) }
}

private func readAll(_ path: String, chunkSize: Int) throws -> [(Int, [String])] {
    let reader = CSVReader(source: try ByteSource(path: path), chunkSize: chunkSize)
    var records: [(Int, [String])] = [(1, try reader.readHeader())]
    var record = FieldRecord(columnField: [])
    while try reader.next(into: &record) {
        #expect(!record.malformed)
        records.append(
            (
                record.line,
                (0..<record.fieldStart.count).map {
                    String(decoding: record.bytes[record.fieldStart[$0]..<record.fieldEnd[$0]], as: UTF8.self)
                }
            ))
    }
    return records
}

@Suite struct CSVReaderTests {
    @Test(arguments: [1, 2, 3, 5, 7, 13, 64, 1000, 1 << 20])
    func matchesPythonAtEveryChunkSize(chunkSize: Int) throws {
        let dir = temporaryFolder()
        write(trickyCSV, to: dir + "/t.csv")
        let expected = try oracle(dir + "/t.csv")
        let got = try readAll(dir + "/t.csv", chunkSize: chunkSize)
        #expect(got.count == expected.count)
        for (g, e) in zip(got, expected) {
            // Python keeps surrounding spaces of the header too; the reader trims header names only.
            let fields = g.0 == 1 ? e.1.map { $0.trimmingCharacters(in: .whitespaces) } : e.1
            #expect(g.0 == e.0 && g.1 == fields, "record at line \(e.0)")
        }
    }

    @Test(arguments: [1, 4, 4096])
    func readsGzippedInputTheSame(chunkSize: Int) throws {
        let dir = temporaryFolder()
        write(trickyCSV, to: dir + "/t.csv")
        write(gzip(Array(trickyCSV.utf8)), to: dir + "/t.csv.gz")
        let plain = try readAll(dir + "/t.csv", chunkSize: chunkSize)
        let zipped = try readAll(dir + "/t.csv.gz", chunkSize: chunkSize)
        #expect(plain.map(\.1) == zipped.map(\.1))
        #expect(plain.map(\.0) == zipped.map(\.0))
    }

    @Test func loneCarriageReturnIsData() throws {
        let dir = temporaryFolder()
        write("a,b\nx\ry,z\r\n\r,w\n", to: dir + "/t.csv")
        for size in [1, 100] {
            let got = try readAll(dir + "/t.csv", chunkSize: size)
            #expect(got.map(\.1) == [["a", "b"], ["x\ry", "z"], ["\r", "w"]])
        }
    }

    @Test func rawTextExcludesTheLineEnd() throws {
        let dir = temporaryFolder()
        write("a,b\n\"q\nr\",s\r\nt,u\n", to: dir + "/t.csv")
        for size in [1, 2, 100] {
            let reader = CSVReader(source: try ByteSource(path: dir + "/t.csv"), chunkSize: size)
            _ = try reader.readHeader()
            var record = FieldRecord(columnField: [])
            #expect(try reader.next(into: &record))
            #expect(String(decoding: record.raw, as: UTF8.self) == "\"q\nr\",s")
            #expect(try reader.next(into: &record))
            #expect(String(decoding: record.raw, as: UTF8.self) == "t,u" && record.line == 4)
        }
    }

    @Test func strayQuotesMakeMalformedRecordsThatEndAtTheLineEnd() throws {
        let dir = temporaryFolder()
        write("a,b\nx\"y,z\n\"q\"w,v\nok,ok\n", to: dir + "/t.csv")
        let reader = CSVReader(source: try ByteSource(path: dir + "/t.csv"), chunkSize: 3)
        _ = try reader.readHeader()
        var record = FieldRecord(columnField: [])
        var malformed: [Bool] = []
        while try reader.next(into: &record) { malformed.append(record.malformed) }
        #expect(malformed == [true, true, false])
    }

    @Test func unterminatedQuoteIsStructural() throws {
        let dir = temporaryFolder()
        write("a,b\n1,\"open\n2,3\n", to: dir + "/t.csv")
        let reader = CSVReader(source: try ByteSource(path: dir + "/t.csv"))
        _ = try reader.readHeader()
        var record = FieldRecord(columnField: [])
        #expect(throws: FeedError.self) { while try reader.next(into: &record) {} }
    }

    @Test func longFieldsKeepTheirTrueLengthButBoundedStorage() throws {
        let dir = temporaryFolder()
        write("a\n" + String(repeating: "x", count: 100_000) + "\n", to: dir + "/t.csv")
        let reader = CSVReader(source: try ByteSource(path: dir + "/t.csv"), chunkSize: 1000)
        _ = try reader.readHeader()
        var record = FieldRecord(columnField: [0])
        #expect(try reader.next(into: &record))
        #expect(record.fieldLength[0] == 100_000)
        #expect(record.bytes.count == FieldRecord.storedValueLimit)
        #expect(record.raw.count == FieldRecord.rawLimit)
    }
}
