import Crypto
import Foundation
import Testing
@testable import PAOBatch

/// `Output/published/<as-of>/<run-id>.json` (SPEC §15): the completion marker of a run.
@Suite(.serialized) struct RunIndexTests {
    private func index(_ output: String, _ asOf: String) throws -> [String: Any] {
        let folder = "\(output)/published/\(asOf)"
        let newest = try #require(try FileSystem.names(folder).filter { $0.hasSuffix(".json") }.sorted().last)
        let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + newest))
        return try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func theIndexNamesEveryFolderWithItsManifestAndCounts() throws {
        let dir = sampleRun()
        let output = dir + "/Output"
        for asOf in ["2026-11-22", "2026-11-29"] {
            #expect(paoBatch(["run", "--config", dir + "/jobs.json", "--as-of", asOf, "--quiet"]).status == 0)
        }
        let run = try index(output, "2026-11-29")
        #expect(run["asOf"] as? String == "2026-11-29" && run["exitCode"] as? Int == 0)
        #expect(run["shard"] is NSNull && (run["started"] as? String)?.hasSuffix("Z") == true)
        let folders = try #require(run["folders"] as? [[String: Any]])
        #expect(folders.count == 19 * 4)
        for folder in folders {
            let path = output + "/" + (folder["path"] as! String)
            let manifestData = try Data(contentsOf: URL(fileURLWithPath: path + "/MANIFEST.json"))
            let sha = SHA256.hash(data: manifestData).map { String(format: "%02x", $0) }.joined()
            #expect(folder["manifestSha256"] as? String == sha)
            let manifest = try #require(JSONSerialization.jsonObject(with: manifestData) as? [String: Any])
            let files = try #require(manifest["files"] as? [[String: Any]])
            #expect(folder["files"] as? Int == files.count)
            let changes = try #require(folder["changes"] as? [String: Int])
            let added = files.compactMap { ($0["changes"] as? [String: Int])?["added"] }
            #expect(changes["added"]! >= 0 && (added.isEmpty || changes["added"]! <= added.reduce(0, +)))
        }
        let mode = shell("stat -c %a '\(output)'/published/2026-11-29/*.json").stdout
        #expect(mode == "640\n")
        // The run record times the index and says how much memory the run needed, stage by stage.
        let recordPath = shell("ls '\(output)'/runs/*/run.json | sort | tail -1").stdout.dropLast()
        let record = try #require(
            JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: String(recordPath))))
                as? [String: Any])
        #expect((record["stages"] as? [String: Double])?["runIndex"].map { $0 >= 0 } == true)
        let memory = try #require(record["peakMemoryMiB"] as? [String: Int])
        #expect(memory["load"]! > 0 && memory["load"]! <= memory["index"]! && memory["index"]! <= memory["run"]!)
    }

    @Test func theNewest50PerAsOfAreKept() throws {
        let dir = sampleRun()
        let folder = dir + "/Output/published/2026-11-29"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for n in 0..<55 { write("{}", to: folder + "/20000101T000000Z-\(1000 + n).json") }
        let args = ["run", "--config", dir + "/jobs.json", "--as-of", "2026-11-29", "--quiet", "--job", "daily-saas"]
        #expect(paoBatch(args).status == 0)
        let names = try FileSystem.names(folder).sorted()
        #expect(names.count == 50 && !names.contains("20000101T000000Z-1005.json"))
        #expect(names.contains("20000101T000000Z-1006.json") && names.last!.hasPrefix("2026"))
    }
}
