import Foundation
import Testing
@testable import PAOBatch

private let minimalJobs = """
    { "input": "Input", "output": "Output", "jobs": [ { "name": "daily", "reports": ["customers"] } ] }
    """

/// Writes the fixture as `Input/` next to a jobs.json and runs `pao-batch validate`.
private func validate(
    _ fixture: FeedFixture, extraFiles: [String: String] = [:], remove: [String] = [],
    jobs: String = minimalJobs
) -> (ProcessResult, String) {
    let input = fixture.writeFolder()
    for name in remove { try? FileManager.default.removeItem(atPath: input + "/" + name) }
    for (name, text) in extraFiles { write(text, to: input + "/" + name) }
    let dir = temporaryFolder("run")
    try! FileManager.default.moveItem(atPath: input, toPath: dir + "/Input")
    write(jobs, to: dir + "/jobs.json")
    return (paoBatch(["validate", "--config", dir + "/jobs.json", "--as-of", "2026-11-29"]), dir)
}

@Suite struct StructuralErrorTests {
    @Test func validSampleExitsZeroAndWritesTheRunRecord() throws {
        let (result, dir) = validate(FeedFixture())
        #expect(result.status == 0, "\(result.stderr)")
        let runs = try FileManager.default.contentsOfDirectory(atPath: dir + "/Output/runs").filter {
            !$0.hasPrefix(".")
        }
        #expect(runs.count == 1)
        let record =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: "\(dir)/Output/runs/\(runs[0])/run.json")))
            as! [String: Any]
        #expect(record["asOf"] as? String == "2026-11-29")
        #expect((record["feeds"] as? [[String: Any]])?.count == 8)
        #expect(FileManager.default.fileExists(atPath: "\(dir)/Output/runs/\(runs[0])/rejects.csv.gz"))
    }

    @Test(arguments: ["resellers.csv", "customers.csv", "parts.csv", "prices.csv", "transactions.csv"])
    func missingRequiredFeedExits66(_ file: String) {
        #expect(validate(FeedFixture(), remove: [file]).0.status == 66)
    }

    @Test func missingOptionalFeedsAreEmpty() {
        #expect(validate(FeedFixture(), remove: ["saas_usage.csv", "saas_provisioning.xml"]).0.status == 0)
    }

    @Test func missingFeedWinsOverBrokenFeed() {
        var fixture = FeedFixture()
        fixture.files["resellers.csv"] = "reseller_site,reseller_site\n"
        #expect(validate(fixture, remove: ["transactions.csv"]).0.status == 66)
    }

    @Test(arguments: [
        ("resellers.csv", "reseller_site,reseller_name,role,country\n"),
        ("resellers.csv", "reseller_site,reseller_name,role,distributor_site,country,status,role\n"),
        ("resellers.csv", ""),
        (
            "resellers.csv",
            "reseller_site,reseller_name,role,distributor_site,country,status\n1,\"open,RESELLER,,US,ACTIVE\n"
        ),
        ("customers.csv", "\"site_number,x\n")
    ])
    func brokenCSVStructureExits65(_ file: String, _ text: String) {
        var fixture = FeedFixture()
        fixture.files[file] = text
        #expect(validate(fixture).0.status == 65)
    }

    @Test func unknownAndEmptyHeaderColumnsAreIgnored() {
        var fixture = FeedFixture()
        fixture.files["resellers.csv"] =
            " reseller_site ,reseller_name,role,distributor_site,country,status,,notes\n100,D,DISTRIBUTOR,,US,ACTIVE,,\u{1}\n200,R,RESELLER,100,US,ACTIVE,x,y\n"
        let (result, _) = validate(fixture)
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func aMissingFeedWinsOverAnOutputThatCannotBeCreated() {
        let jobs =
            "{ \"output\": \"/proc/pao-batch-out\", \"jobs\": [ { \"name\": \"daily\", \"reports\": [\"customers\"] } ] }"
        #expect(validate(FeedFixture(), remove: ["parts.csv"], jobs: jobs).0.status == 66)
        #expect(validate(FeedFixture(), jobs: jobs).0.status == 73)
    }

    @Test func twoFilesForOneFeedExit65() {
        #expect(validate(FeedFixture(), extraFiles: ["resellers.xml": "<resellers/>"]).0.status == 65)
    }

    @Test func provisioningAsCSVExits65() {
        #expect(
            validate(FeedFixture(), extraFiles: ["saas_provisioning.csv": "id\n"], remove: ["saas_provisioning.xml"]).0
                .status == 65)
    }

    @Test(arguments: [
        "<customers><customer><site_number>1</site_number></customer>",
        "<clients><customer/></clients>",
        "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><customers/>",
        "<customers><customer><site_number>&unknown;</site_number></customer></customers>",
        "<customers><customer></customers>",
        "not xml at all"
    ])
    func brokenXMLStructureExits65(_ xml: String) {
        let (result, _) = validate(FeedFixture(), extraFiles: ["customers.xml": xml], remove: ["customers.csv"])
        #expect(result.status == 65, "\(result.stderr)")
    }

    @Test func xmlFeedsLoadLikeCSVFeeds() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <customers>
              <!-- comments are ignored -->
              <customer><site_number>500</site_number><site_name><![CDATA[Site & A]]></site_name><customer_number>900</customer_number>
                <agreement_number>700</agreement_number><customer_name>Cust &amp; A</customer_name><country>US</country>
                <currency>USD</currency><enrollment_type>PA</enrollment_type><site_role>ORIGINATING</site_role>
                <price_level>D</price_level><anniversary_month>3</anniversary_month><unknown><x/></unknown></customer>
              <customer><site_number>501</site_number><site_name>Site B</site_name><site_name>Site B2</site_name><customer_number>901</customer_number>
                <customer_name>Cust B</customer_name><country>JP</country><currency>JPY</currency>
                <enrollment_type>PAE</enrollment_type><price_level>BL</price_level></customer>
              <customer><site_number>502<b/></site_number></customer>
            </customers>
            """
        var fixture = FeedFixture()
        fixture.files.removeValue(forKey: "customers.csv")
        let dir = fixture.writeFolder()
        write(gzip(Array(xml.utf8)), to: dir + "/customers.xml.gz")
        let result = DatasetLoader.load(inputFolder: dir)
        #expect(result.failure == nil)
        #expect(result.dataset.customers.map(\.siteName) == ["Site & A", "Site B2"])
        #expect(result.dataset.customers[0].customerName == "Cust & A")
        #expect(result.rejects.map(\.code) == [.MALFORMED_RECORD])
        #expect(result.rejects.first?.line == 11)
    }

    @Test func feedsLoadedSideBySideReportAsInSPECOrder() {
        // prices and transactions load at once: the earlier feed's error wins and the later one is not reported.
        var broken = FeedFixture()
        broken.files["prices.csv"] = "part_number,country\n"
        broken.files["transactions.csv"] = "nonsense\n"
        let failed = broken.load()
        #expect(failed.failure?.file == "prices.csv")
        #expect(!failed.feeds.contains { $0.feed == .transactions })
        // A later feed's error still stops the run after the earlier one is read.
        var laterBroken = FeedFixture()
        laterBroken.files["transactions.csv"] = "nonsense\n"
        let later = laterBroken.load()
        #expect(later.failure?.file == "transactions.csv")
        #expect(later.feeds.map(\.feed) == [.resellers, .contacts, .customers, .parts, .prices])
        // Rejects come in feed order, whichever feed finished first.
        var rejected = FeedFixture()
        rejected.append("prices.csv", "NOPE,US,USD,D,1.00,2026-01-01,")
        rejected.append("saas_usage.csv", "NOPE,2026-01,1,N,")
        rejected.append("transactions.csv", "x")
        let loaded = rejected.load()
        #expect(loaded.failure == nil)
        #expect(loaded.rejects.map(\.feed) == ["prices", "transactions", "saas_usage"])
    }

    @Test func rejectsOverTheThresholdExit65ButStillWriteTheRecord() throws {
        var fixture = FeedFixture()
        fixture.append("customers.csv", "502,,902,702,C,US,USD,PA,ORIGINATING,D,3")
        let (result, dir) = validate(fixture)
        #expect(result.status == 65)
        let runs = try FileManager.default.contentsOfDirectory(atPath: dir + "/Output/runs").filter {
            !$0.hasPrefix(".")
        }
        let csv = runProcess("/bin/sh", ["-c", "zcat '\(dir)/Output/runs/\(runs[0])/rejects.csv.gz'"]).stdout
        #expect(
            csv
                == "feed,file,line,field,code,message,raw\ncustomers,customers.csv,4,site_name,MISSING_FIELD,site_name is required,\"502,,902,702,C,US,USD,PA,ORIGINATING,D,3\"\n"
        )
    }

    @Test func rejectsWithinAPerFeedThresholdPass() {
        var fixture = FeedFixture()
        fixture.append("customers.csv", "502,,902,702,C,US,USD,PA,ORIGINATING,D,3")
        let jobs = """
            { "rejects": { "maxRatio": 0, "feeds": { "customers": { "maxRatio": 0.5 } } },
              "jobs": [ { "name": "daily", "reports": ["customers"] } ] }
            """
        #expect(validate(fixture, jobs: jobs).0.status == 0)
    }

    @Test func rawIsFormulaGuardedAndCleanedInTheRejectsFile() {
        let raw: [UInt8] = Array("=cmd".utf8) + [0xFF] + Array(repeating: 0x61, count: 2000)
        let text = RejectsFile.displayRaw(raw)
        #expect(text.hasPrefix("=cmd\u{FFFD}a"))
        #expect(text.utf8.count == 1024)
        let sink = MemorySink()
        let csv = CSVRowWriter(sink: sink, dialect: CSVDialect())
        try! csv.row([(text, true)])
        try! csv.flush()
        #expect(sink.bytes.starts(with: Array("'=cmd".utf8)))
    }

    @Test func secondRunWhileLockedExits75() throws {
        let dir = temporaryFolder()
        let input = FeedFixture().writeFolder()
        try FileManager.default.moveItem(atPath: input, toPath: dir + "/Input")
        write(minimalJobs, to: dir + "/jobs.json")
        try FileManager.default.createDirectory(atPath: dir + "/Output", withIntermediateDirectories: true)
        func whileHeld() throws -> Int32 {
            let holder = try RunLock(outputRoot: dir + "/Output")
            defer { withExtendedLifetime(holder) {} }
            return paoBatch(["validate", "--config", dir + "/jobs.json"]).status
        }
        #expect(try whileHeld() == 75)
        #expect(paoBatch(["validate", "--config", dir + "/jobs.json"]).status == 0)
    }
}
