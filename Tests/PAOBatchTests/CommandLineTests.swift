import Foundation
import Testing
@testable import PAOBatch

@Suite struct CommandLineTests {
    @Test func jsonLogsAreOneObjectPerLine() throws {
        let dir = sampleRun()
        let result = paoBatch([
            "run", "--config", dir + "/jobs.json", "--as-of", "2026-11-29", "--job", "daily-saas", "--log-format",
            "json"
        ])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 8 + 1 + 1)
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["level"] != nil && object?["event"] != nil && object?["runId"] != nil)
            let time = object?["time"] as? String ?? ""
            #expect(time.count == 20 && time.hasSuffix("Z") && time.dropFirst(10).hasPrefix("T"), "\(time)")
        }
        let end = try JSONSerialization.jsonObject(with: Data(lines.last!.utf8)) as! [String: Any]
        #expect(end["event"] as? String == "end" && end["exitCode"] as? Int == 0)
    }

    @Test func quietFailureIsOneLineOnStderr() {
        let dir = temporaryFolder()
        write(
            "{ \"input\": \"nowhere\", \"jobs\": [ { \"name\": \"x\", \"reports\": [\"customers\"] } ] }",
            to: dir + "/jobs.json")
        let result = paoBatch(["run", "--config", dir + "/jobs.json", "--quiet"])
        #expect(result.status == 66)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func unknownJobExits64AndNamesTheJobsThereAre() {
        let dir = sampleRun()
        let result = paoBatch(["run", "--config", dir + "/jobs.json", "--job", "nope"])
        #expect(result.status == 64)
        #expect(
            result.stderr.contains(
                "unknown job nope: \(dir)/jobs.json has jobs daily-renewals, daily-customers, "
                    + "daily-saas, weekly-price-files"), "\(result.stderr)")
    }

    @Test func anUnreadableConfigSaysWhichFileWhereAndWhy() {
        let dir = temporaryFolder()
        let missing = runProcess(binary, ["validate", "--config", "none.json"], cwd: dir)
        #expect(missing.status == 78)
        #expect(
            missing.stderr
                == "pao-batch validate: cannot read the config none.json (working folder \(dir)): "
                + "No such file or directory\n", "\(missing.stderr)")
        let folder = paoBatch(["run", "--config", dir])
        #expect(folder.status == 78 && folder.stderr.hasSuffix("it is a folder\n") && !folder.stderr.contains("$:"))
    }

    @Test func versionIsPrinted() {
        let result = paoBatch(["--version"])
        #expect(result.status == 0 && result.stdout == "pao-batch \(toolVersion)\n")
    }

    @Test func scheduleprintsCrontabLines() {
        let result = paoBatch(["schedule", "--config", packageRoot + "/jobs.json"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("# cron runs these in the system time zone") == true)
        #expect(lines.count == 5)
        let resolved = URL(fileURLWithPath: binary).resolvingSymlinksInPath().path
        #expect(
            lines[1] == "15 2 * * * '\(resolved)' run --config '\(packageRoot)/jobs.json' --job daily-renewals --quiet")
    }

    @Test func shardsTogetherWriteTheFilesOfOneRun() throws {
        let whole = sampleRun(), sharded = sampleRun()
        #expect(
            paoBatch([
                "run", "--config", whole + "/jobs.json", "--as-of", "2026-11-29", "--job", "daily-customers", "--quiet"
            ]).status == 0)
        for k in 1...3 {
            #expect(
                paoBatch([
                    "run", "--config", sharded + "/jobs.json", "--as-of", "2026-11-29", "--job", "daily-customers",
                    "--shard", "\(k)/3", "--quiet"
                ]).status == 0)
        }
        let same = publishedTree(whole + "/Output") == publishedTree(sharded + "/Output")
        #expect(same)
        #expect(paoBatch(["run", "--config", sharded + "/jobs.json", "--shard", "4/3"]).status == 64)
    }

    @Test func siteNarrowsEveryJob() {
        let dir = sampleRun()
        #expect(
            paoBatch(["run", "--config", dir + "/jobs.json", "--as-of", "2026-11-29", "--site", "1000003", "--quiet"])
                .status == 0)
        #expect(try! FileSystem.names(dir + "/Output/sites") == ["1000003"])
    }
}

@Suite struct ProgressTests {
    @Test func progressShowsRecordsReadAndSitesDone() {
        let dir = sampleRun()
        let result = paoBatch([
            "run", "--config", dir + "/jobs.json", "--as-of", "2026-11-29", "--job", "daily-saas", "--progress",
            "always"
        ])
        #expect(result.status == 0)
        #expect(result.stderr.contains("read transactions: 2000 records, 0 rejected"))
        #expect(result.stderr.contains("site-jobs 19/19"))
        // The first estimate waits for a few finished site-jobs; the last one is an estimate.
        let shown = result.stderr.split(whereSeparator: { $0 == "\r" || $0 == "\n" }).filter {
            $0.hasPrefix("site-jobs ")
        }
        let early = shown.filter { Int($0.dropFirst(10).prefix { $0 != "/" })! <= 5 }
        #expect(!early.isEmpty && early.allSatisfy { $0.contains("ETA …") }, "\(shown)")
        #expect(shown.last?.contains("site-jobs 19/19") == true && shown.last?.contains("ETA 0s") == true)
        let quiet = paoBatch([
            "run", "--config", dir + "/jobs.json", "--as-of", "2026-11-29", "--job", "daily-saas", "--progress", "never"
        ])
        #expect(quiet.stderr.isEmpty)
    }
}

@Suite struct OperationsDocTests {
    /// The systemd units of docs/operations.md, as an operator would copy them, pass
    /// `systemd-analyze verify` (with the built binary in place of /opt/pao/pao-batch).
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/systemd-analyze")))
    func systemdUnitsVerify() throws {
        let doc = try String(contentsOfFile: packageRoot + "/docs/operations.md", encoding: .utf8)
        let dir = temporaryFolder()
        var units: [String] = []
        for block in doc.components(separatedBy: "```ini\n").dropFirst() {
            let text = String(block.prefix { $0 != "`" })
            guard text.hasPrefix("# /etc/systemd/system/") else { continue }
            let name = String(text.dropFirst(22).prefix { $0 != "\n" })
            write(text.replacingOccurrences(of: "/opt/pao/pao-batch", with: binary), to: dir + "/" + name)
            units.append("./" + name)
        }
        #expect(units.count == 2)
        let result = runProcess("/usr/bin/systemd-analyze", ["verify", "--man=no"] + units.reversed(), cwd: dir)
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result.stderr)")
    }
}
