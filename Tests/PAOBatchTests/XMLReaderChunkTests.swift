import Foundation
import Testing
@testable import PAOBatch

/// A feed with every XML feature the reader must carry across chunk boundaries: declaration,
/// comments, CDATA, entity and character references, multi-byte text, attributes, empty
/// elements, and records long enough to span many chunks.
private let trickyXML: String = {
    var s = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- head -->\n<customers>\n"
    s += "  <customer><site_number>1</site_number><site_name><![CDATA[A <&> B]]></site_name></customer>\n"
    s +=
        "  <customer a=\"x &amp; y\"><site_name>Caf&#233; &amp; &lt;Bar&gt; &quot;q&quot;</site_name><!-- c --><x/></customer>\n"
    s += "  <customer>\n    <site_number>\n 2 \n</site_number>\n    <site_name>日本語</site_name>\n  </customer>\n"
    for i in 3..<300 {
        let long = String(repeating: "é", count: i % 23) + String(repeating: "z", count: i * 7 % 300)
        s += "  <customer><site_number>\(i)</site_number><site_name>\(long)</site_name><customer_name/></customer>\n"
    }
    return s + "</customers>\n"
}()

/// What the builder saw: per record, its element name, children (name, text) in order, line and raw text.
private final class Recorder: XMLRecordBuilder {
    struct Record: Equatable {
        var name = ""
        var children: [[String]] = []
        var line = 0
        var raw = ""
    }

    var records: [Record] = []
    private var current = Record()

    func beginRecord(name: UnsafePointer<UInt8>, attributes: XMLAttributes) {
        current = Record(name: String(cString: name))
    }
    func beginChild(name: UnsafePointer<UInt8>, attributes: XMLAttributes) {
        current.children.append([String(cString: name), ""])
    }
    func childText(_ bytes: UnsafeBufferPointer<UInt8>) {
        current.children[current.children.count - 1][1] += String(decoding: bytes, as: UTF8.self)
    }
    func nestedElement() { current.children[current.children.count - 1].append("nested") }
    func endChild() {}

    func endRecord(line: Int, raw: [UInt8]) {
        current.line = line
        current.raw = String(decoding: raw, as: UTF8.self)
        records.append(current)
    }
}

private func read(_ path: String, chunkSize: Int) throws -> [Recorder.Record] {
    let recorder = Recorder()
    try XMLRecordReader(
        source: try ByteSource(path: path), rootName: "customers", builder: recorder, chunkSize: chunkSize
    ).run()
    return recorder.records
}

/// Records as Python's ElementTree reads them: (element name, [(child name, text)]).
private func oracle(_ path: String) throws -> [[Any]] {
    let script = """
        import json, sys, xml.etree.ElementTree as ET
        root = ET.parse(sys.argv[1]).getroot()
        print(json.dumps([[r.tag, [[c.tag, c.text or ""] for c in r]] for r in root]))
        """
    let result = runProcess(python, python.hasSuffix("env") ? ["python3", "-c", script, path] : ["-c", script, path])
    return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [[Any]]
}

@Suite struct XMLReaderChunkTests {
    @Test(arguments: [1, 2, 3, 5, 7, 13, 64, 4096, 1 << 16, 1 << 20])
    func matchesElementTreeAtEveryChunkSizeGzippedOrNot(chunkSize: Int) throws {
        let dir = temporaryFolder()
        write(trickyXML, to: dir + "/customers.xml")
        write(gzip(Array(trickyXML.utf8)), to: dir + "/customers.xml.gz")
        let expected = try oracle(dir + "/customers.xml")
        let reference = try read(dir + "/customers.xml", chunkSize: 1 << 20)
        for path in [dir + "/customers.xml", dir + "/customers.xml.gz"] {
            let got = try read(path, chunkSize: chunkSize)
            #expect(got == reference, "\(path) at chunk size \(chunkSize)")
            #expect(got.count == expected.count)
            for (record, python) in zip(got, expected) {
                let children = (python[1] as! [[String]])
                #expect(record.name == python[0] as! String && record.children.map { Array($0.prefix(2)) } == children)
            }
        }
        #expect(reference[3].line == 12 && reference[3].raw.hasPrefix("<customer><site_number>3</site_number>"))
        #expect(reference[1].children.last == ["x", ""])
    }
}
