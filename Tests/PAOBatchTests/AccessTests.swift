import Foundation
import Testing
@testable import PAOBatch

/// Group-restricted site folders (SPEC §14) with real groups and users: CI runs as root.
@Suite(.serialized, .enabled(if: getuid() == 0, "creating groups and users needs root"))
struct AccessTests {
    private let prefix = "paot\(getpid() % 10_000)-"
    private var member: String { "paoin\(getpid() % 10_000)" }
    private var outsider: String { "paoout\(getpid() % 10_000)" }

    /// Every folder under `sites/<site>/` as `mode group path`.
    private func folders(_ output: String, _ site: String) -> [String] {
        shell("find '\(output)/sites/\(site)' -type d -printf '%m %g %P\\n'").stdout.split(separator: "\n").map(
            String.init)
    }

    @Test func siteFoldersBelongToTheSiteGroupAndOnlyItsMembersReadThem() throws {
        for group in ["1000001", "1000003"] { #expect(shell("groupadd -f \(prefix)\(group)").status == 0) }
        #expect(shell("useradd -M -N -G \(prefix)1000001 \(member) && useradd -M -N \(outsider)").status == 0)
        defer {
            _ = shell("userdel \(member); userdel \(outsider); groupdel \(prefix)1000001; groupdel \(prefix)1000003")
        }
        let dir = sampleRun(retain: 1)
        var config = try String(contentsOfFile: dir + "/jobs.json", encoding: .utf8)
        config = config.replacingOccurrences(
            of: "\"retain\": 1,",
            with: "\"retain\": 1, \"access\": { \"mode\": \"group\", \"groupPrefix\": \"\(prefix)\" },")
        write(config, to: dir + "/jobs.json")
        let output = dir + "/Output"
        // Staged folders already have their final group and mode; the staging area is the owner's.
        let killed = runProcess(
            "/usr/bin/env",
            ["PAO_BATCH_CRASH_AT=after-staging", binary, "run", "--config", dir + "/jobs.json", "--as-of", "2026-11-22"]
        )
        #expect(killed.status == 9)
        let stage = shell("stat -c '%a %G' '\(output)'/.stage-*").stdout
        #expect(stage == "700 root\n", "\(stage)")
        let staged = shell("stat -c '%a %G' '\(output)'/.stage-*/[0-9]* | sort | uniq -c").stdout
        #expect(staged.contains(" 2750 \(prefix)1000001\n") && staged.contains(" 700 root\n"), "\(staged)")
        #expect(!staged.contains(" 755 "), "\(staged)")
        for asOf in ["2026-11-22", "2026-11-29", "2026-11-29"] {
            let result = paoBatch(["run", "--config", dir + "/jobs.json", "--as-of", asOf, "--quiet"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(shell("stat -c %a '\(output)/sites'").stdout == "711\n")
            for site in ["1000001", "1000003"] {
                let list = folders(output, site)
                #expect(list.count >= 9 && list.allSatisfy { $0.hasPrefix("2750 \(prefix)\(site) ") }, "\(list)")
            }
            let owned = folders(output, "1000004")
            #expect(!owned.isEmpty && owned.allSatisfy { $0.hasPrefix("700 root ") }, "\(owned)")
        }
        // retain 1 left one version per job: 4 jobs, each with its version.
        #expect(folders(output, "1000001").filter { $0.contains("/.v-2026-11-29-") }.count == 4)
        #expect(folders(output, "1000001").filter { $0.contains("/.v-2026-11-22-") }.isEmpty)
        let runs = try FileSystem.names(output + "/runs")
        let record = try String(contentsOfFile: "\(output)/runs/\(runs.last!)/run.json", encoding: .utf8)
        #expect(record.contains("group \(prefix)1000004 does not exist"))
        // The members files: the ACTIVE contacts with REPORTING, sorted, owner-only.
        let members = shell("stat -c '%a' '\(output)/access' '\(output)/access/1000001.members'").stdout
        #expect(members == "700\n600\n")
        let expected = sampleView.contactsByReseller[Int(sampleView.site("1000001"))]
            .map { sampleView.data.contacts[Int($0)] }.filter {
                $0.status == .ACTIVE && $0.privileges.contains(.REPORTING)
            }
            .map(\.userId).sorted(by: textLess)
        let written = try String(contentsOfFile: output + "/access/1000001.members", encoding: .utf8)
        #expect(written == expected.map { $0 + "\n" }.joined() && !expected.isEmpty)
        // Only the group's member lists and reads the site's files; nobody lists `sites/`.
        let file = "\(output)/sites/1000001/daily-renewals/latest/MANIFEST.json"
        #expect(shell("runuser -u \(member) -- ls '\(output)/sites/1000001/daily-renewals/latest/'").status == 0)
        #expect(shell("runuser -u \(member) -- cat '\(file)'").status == 0)
        #expect(shell("runuser -u \(outsider) -- ls '\(output)/sites/1000001'").status != 0)
        #expect(shell("runuser -u \(outsider) -- cat '\(file)'").status != 0)
        #expect(shell("runuser -u \(member) -- ls '\(output)/sites'").status != 0)
        #expect(shell("runuser -u \(member) -- ls '\(output)/sites/1000004'").status != 0)
        #expect(shell("runuser -u \(member) -- cat '\(output)/access/1000001.members'").status != 0)
    }

    @Test func theDataGroupReadsTheRunIndex() throws {
        #expect(shell("groupadd -f \(prefix)data").status == 0)
        defer { _ = shell("groupdel \(prefix)data") }
        let dir = sampleRun()
        var config = try String(contentsOfFile: dir + "/jobs.json", encoding: .utf8)
        config = config.replacingOccurrences(
            of: "\"retain\": 7,", with: "\"retain\": 7, \"access\": { \"dataGroup\": \"\(prefix)data\" },")
        write(config, to: dir + "/jobs.json")
        let args = ["run", "--config", dir + "/jobs.json", "--as-of", "2026-11-29", "--quiet", "--job", "daily-saas"]
        #expect(paoBatch(args).status == 0)
        let modes = shell("stat -c '%a %G' '\(dir)/Output/published' '\(dir)/Output/published/2026-11-29'").stdout
        #expect(modes == "2750 \(prefix)data\n2750 \(prefix)data\n", "\(modes)")
    }
}

@Suite struct AccessConfigTests {
    @Test func accessConfigIsCheckedLikeTheRest() throws {
        for (access, message) in [
            ("{ \"mode\": \"groups\" }", "$.access.mode"), ("{ \"group\": \"x\" }", "$.access.group"),
            ("{ \"mode\": \"group\", \"groupPrefix\": \"Pao \" }", "$.access.groupPrefix")
        ] {
            let json = "{ \"access\": \(access), \"jobs\": [ { \"name\": \"j\", \"reports\": [\"customers\"] } ] }"
            #expect(throws: ConfigError.self) { try JobsConfig.decode(Array(json.utf8), folder: "/tmp") }
            do {
                _ = try JobsConfig.decode(Array(json.utf8), folder: "/tmp")
            } catch {
                #expect(error.path == message)
            }
        }
    }
}
