import Foundation
import Testing

/// Runs `pao-batch validate` under Python to get its exit status and peak RSS (KiB), with a timeout
/// that catches a parser blocked on reading a FIFO.
private func validateMeasured(_ configPath: String) -> (status: Int, maxRSSKiB: Int) {
    let script = """
        import resource, subprocess, sys
        try:
            p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60)
            code = p.returncode
        except subprocess.TimeoutExpired:
            code = -1
        print(code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
        """
    let args = ["-c", script, binary, "validate", "--config", configPath]
    let out = runProcess(python, python.hasSuffix("env") ? ["python3"] + args : args).stdout.split(separator: " ")
    return (Int(out[0])!, Int(out[1].trimmingCharacters(in: .whitespacesAndNewlines))!)
}

@Suite struct HostileXMLTests {
    enum Attack: String, CaseIterable {
        case externalEntity, externalDTD, billionLaughs, deepNesting, hugeTextNode, plainDoctype
    }

    @Test(arguments: Attack.allCases)
    func isRefusedWithoutReadingFilesOrMemory(_ attack: Attack) throws {
        let dir = temporaryFolder()
        let input = FeedFixture().writeFolder()
        try FileManager.default.moveItem(atPath: input, toPath: dir + "/Input")
        try FileManager.default.removeItem(atPath: dir + "/Input/customers.csv")
        // A FIFO: a parser that opened it would block until the timeout.
        let fifo = dir + "/secret"
        #expect(mkfifo(fifo, 0o600) == 0)
        let xml: String
        switch attack {
        case .externalEntity:
            xml =
                "<?xml version=\"1.0\"?>\n<!DOCTYPE customers [<!ENTITY x SYSTEM \"file://\(fifo)\">]>\n<customers><customer><site_name>&x;</site_name></customer></customers>\n"
        case .externalDTD:
            xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE customers SYSTEM \"file://\(fifo)\">\n<customers/>\n"
        case .billionLaughs:
            var entities = "<!ENTITY l0 \"lol\">"
            for i in 1...9 { entities += "<!ENTITY l\(i) \"" + String(repeating: "&l\(i - 1);", count: 10) + "\">" }
            xml =
                "<?xml version=\"1.0\"?>\n<!DOCTYPE customers [\(entities)]>\n<customers><customer><site_name>&l9;</site_name></customer></customers>\n"
        case .deepNesting:
            xml =
                "<customers>" + String(repeating: "<a>", count: 10_000) + String(repeating: "</a>", count: 10_000)
                + "</customers>"
        case .hugeTextNode:
            xml =
                "<customers><customer><site_name>" + String(repeating: "x", count: 20 << 20)
                + "</site_name></customer></customers>"
        case .plainDoctype:
            xml = "<!DOCTYPE customers>\n<customers/>\n"
        }
        write(xml, to: dir + "/Input/customers.xml")
        write("{ \"jobs\": [ { \"name\": \"d\", \"reports\": [\"customers\"] } ] }", to: dir + "/jobs.json")
        let (status, rss) = validateMeasured(dir + "/jobs.json")
        #expect(status == 65)
        #expect(rss < 128 * 1024, "peak RSS \(rss) KiB")
    }
}
