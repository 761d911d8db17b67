import Foundation
import Testing
@testable import PAOBatch

/// Every record the reader yields, header first, as strings; a thrown error ends the list.
private func records(_ text: [UInt8], chunkSize: Int) -> Result<[[String]], FeedError> {
    let dir = temporaryFolder("records")
    write(text, to: dir + "/t.csv")
    do throws(FeedError) {
        let reader = CSVReader(source: try ByteSource(path: dir + "/t.csv"), chunkSize: chunkSize)
        var out = [try reader.readHeader()]
        var record = FieldRecord(columnField: [])
        while try reader.next(into: &record) {
            // Every field start has its end: the reader's invariant the lone-CR case broke.
            #expect(
                record.fieldStart.count == record.fieldEnd.count && record.fieldEnd.count == record.fieldLength.count)
            out.append(
                (0..<record.fieldStart.count).map {
                    String(decoding: record.bytes[record.fieldStart[$0]..<record.fieldEnd[$0]], as: UTF8.self)
                })
        }
        return .success(out)
    } catch {
        return .failure(error)
    }
}

/// The folder of a minimal valid run (`FeedFixture` as `Input/`) with `jobs` as its config.
private func fixtureRun(_ fixture: FeedFixture = FeedFixture(), jobs: String? = nil) -> String {
    let dir = temporaryFolder("hostile")
    try! FileManager.default.moveItem(atPath: fixture.writeFolder(), toPath: dir + "/Input")
    write(jobs ?? #"{ "jobs": [ { "name": "daily", "reports": ["customers"] } ] }"#, to: dir + "/jobs.json")
    return dir
}

@Suite struct HostileInputTests {
    static let chunkSizes = [1, 2, 3, 4, 5, 7, 64, 1 << 20]

    @Test(arguments: chunkSizes)
    func aLoneCarriageReturnAtTheEndIsOneFieldOfData(chunkSize: Int) {
        let cases: [(String, [[String]])] = [
            ("a,b\n1,2\n\r", [["a", "b"], ["1", "2"], ["\r"]]),
            ("a\n\r", [["a"], ["\r"]]),
            ("a\n\r\r", [["a"], ["\r\r"]]),
            ("a\n\r\n\r", [["a"], ["\r"]]),
            ("a,b\n1,\r", [["a", "b"], ["1", "\r"]])
        ]
        for (text, expected) in cases {
            switch records(Array(text.utf8), chunkSize: chunkSize) {
            case .success(let got): #expect(got == expected, "\(text.debugDescription)")
            case .failure(let error): Issue.record("\(text.debugDescription): \(error)")
            }
        }
    }

    @Test(arguments: chunkSizes)
    func aFileOfCarriageReturnsOnlyIsAStructuralError(chunkSize: Int) {
        for text in ["\r", "\r\r", "a,b\r1,2\r", "\u{FEFF}\r"] {
            guard case .failure(let error) = records(Array(text.utf8), chunkSize: chunkSize) else {
                Issue.record("\(text.debugDescription) was read")
                continue
            }
            #expect(error.kind == .structural && error.line == 1 && error.message.contains("CR"))
        }
    }

    @Test(arguments: chunkSizes)
    func aCarriageReturnInsideAQuotedHeaderNameIsData(chunkSize: Int) {
        // SPEC §2.0: any CR but the one before LF is data; such a name is unknown and ignored.
        guard case .success(let got) = records(Array("a,\"x\ry\",b\r\n1,2,3\r\n".utf8), chunkSize: chunkSize) else {
            Issue.record("a quoted CR in a header name was refused")
            return
        }
        #expect(got == [["a", "x\ry", "b"], ["1", "2", "3"]])
    }

    @Test func aLoneCarriageReturnFeedExits65WithoutReadingOutOfBounds() {
        for text in ["\r", "reseller_site\n\r"] {
            var fixture = FeedFixture()
            fixture.files["resellers.csv"] = text
            let result = paoBatch(["validate", "--config", fixtureRun(fixture) + "/jobs.json", "--as-of", "2026-11-29"])
            #expect(result.status == 65, "\(text.debugDescription): \(result.stderr)")
        }
    }

    @Test func crOnlyLineEndsAreNamedNotBlamedOnAnotherFeed() {
        var fixture = FeedFixture()
        fixture.files["transactions.csv"] = fixture.files["transactions.csv"]!.replacingOccurrences(
            of: "\n", with: "\r")
        let result = paoBatch(["validate", "--config", fixtureRun(fixture) + "/jobs.json", "--as-of", "2026-11-29"])
        #expect(result.status == 65)
        #expect(
            result.stderr.contains("transactions.csv:1") && result.stderr.contains("LF or CRLF"), "\(result.stderr)")
    }

    @Test func aFIFOAsAFeedExits66AtOnce() throws {
        let dir = fixtureRun()
        try FileManager.default.removeItem(atPath: dir + "/Input/transactions.csv")
        #expect(mkfifo(dir + "/Input/transactions.csv", 0o644) == 0)
        let result = paoBatch(["run", "--config", dir + "/jobs.json", "--as-of", "2026-11-29"])
        #expect(result.status == 66 && result.stderr.contains("not a regular file"), "\(result.stderr)")
        // The lock is free again: the next run gets past it.
        try FileManager.default.removeItem(atPath: dir + "/Input/transactions.csv")
        #expect(paoBatch(["run", "--config", dir + "/jobs.json", "--as-of", "2026-11-29"]).status == 66)
    }

    @Test(arguments: ["transactions.csv", "saas_usage.csv"])
    func aFolderAsAFeedExits66(_ feed: String) throws {
        let dir = fixtureRun()
        try FileManager.default.removeItem(atPath: dir + "/Input/" + feed)
        try FileManager.default.createDirectory(atPath: dir + "/Input/" + feed, withIntermediateDirectories: false)
        let result = paoBatch(["validate", "--config", dir + "/jobs.json", "--as-of", "2026-11-29"])
        #expect(result.status == 66 && result.stderr.contains(feed), "\(result.stderr)")
    }

    @Test func anEmptyXMLFeedSaysSo() {
        var fixture = FeedFixture()
        fixture.files.removeValue(forKey: "resellers.csv")
        let dir = fixtureRun(fixture)
        write("", to: dir + "/Input/resellers.xml")
        let result = paoBatch(["validate", "--config", dir + "/jobs.json", "--as-of", "2026-11-29"])
        #expect(result.status == 65 && result.stderr.contains("empty file"), "\(result.stderr)")
    }

    @Test func aTruncatedGzipFeedNamesTheOffsetWhereItEnds() throws {
        let dir = fixtureRun()
        let text = try String(contentsOfFile: dir + "/Input/transactions.csv", encoding: .utf8)
        let zipped = gzip(Array(text.utf8))
        try FileManager.default.removeItem(atPath: dir + "/Input/transactions.csv")
        write(Array(zipped.prefix(zipped.count - 12)), to: dir + "/Input/transactions.csv.gz")
        let result = paoBatch(["validate", "--config", dir + "/jobs.json", "--as-of", "2026-11-29"])
        #expect(result.status == 65)
        #expect(
            result.stderr.contains("truncated gzip stream: it ends at compressed byte \(zipped.count - 12)"),
            "\(result.stderr)")
    }

    @Test(arguments: [["--site", "999"], ["--site", "200", "--job", "daily"], ["--shard", "3/3"]])
    func anEmptySiteSelectionIsAWarningNotAnError(_ narrowing: [String]) throws {
        // Shard 3/3 holds neither of the fixture's two sites (100 hashes to shard 2, 200 to shard 1).
        let jobs = #"{ "jobs": [ { "name": "daily", "sites": ["100", "404"], "reports": ["customers"] } ] }"#
        let dir = fixtureRun(jobs: narrowing.contains("--job") ? jobs : nil)
        let result = paoBatch(
            ["run", "--config", dir + "/jobs.json", "--as-of", "2026-11-29", "--log-format", "json"] + narrowing)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("no site selected"), "\(result.stdout)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/Output/sites/200"))
    }

    @Test(arguments: ["../../etc", "", "12345678901", "1a", "٣"])
    func anInvalidSiteIsABadCommandLine(_ site: String) {
        let result = paoBatch(["run", "--config", fixtureRun() + "/jobs.json", "--site", site])
        #expect(result.status == 64, "\(result.stderr)")
    }

    @Test(arguments: [#""/""#, #""""#, #""/.""#, #""Input""#, #""./Input/""#, #""//""#])
    func anOutputRootThatIsNotTheToolsOwnIsRefused(_ output: String) {
        let dir = fixtureRun(
            jobs: #"{ "output": \#(output), "jobs": [ { "name": "daily", "reports": ["customers"] } ] }"#)
        let result = paoBatch(["run", "--config", dir + "/jobs.json", "--as-of", "2026-11-29"])
        #expect(result.status == 78 && result.stderr.contains("$.output"), "\(output): \(result.stderr)")
    }

    @Test func runRecordsAreOwnerOnlyWhateverTheUmask() throws {
        let dir = fixtureRun()
        try FileManager.default.createDirectory(
            atPath: dir + "/Output/runs", withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o755])
        let result = shell("umask 000 && '\(binary)' run --config '\(dir)/jobs.json' --as-of 2026-11-29 --quiet")
        #expect(result.status == 0, "\(result.stderr)")
        func mode(_ path: String) throws -> Int {
            try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as! Int
        }
        let runs = dir + "/Output/runs"
        #expect(try mode(runs) == 0o700)
        let run = try! FileSystem.names(runs).first { !$0.hasPrefix(".") }!
        #expect(try mode("\(runs)/\(run)") == 0o700)
        #expect(try mode("\(runs)/\(run)/run.json") == 0o600)
        #expect(try mode("\(runs)/\(run)/rejects.csv.gz") == 0o600)
    }
}
