import Foundation
import Testing
@testable import PAOBatch

/// A folder with a jobs.json over the committed sample, publishing into its own Output/.
func sampleRun(retain: Int = 7, jobs: String? = nil) -> String {
    let dir = temporaryFolder("publish")
    var config = try! String(contentsOfFile: packageRoot + "/jobs.json", encoding: .utf8)
    config = config.replacingOccurrences(of: "\"input\": \"Input\"", with: "\"input\": \"\(packageRoot)/Input\"")
    config = config.replacingOccurrences(of: "\"retain\": 7", with: "\"retain\": \(retain)")
    write(jobs ?? config, to: dir + "/jobs.json")
    return dir
}

/// Every file under the published `<as-of>` folders, by relative path, with its bytes.
func publishedTree(_ output: String) -> [String: Data] {
    var tree: [String: Data] = [:]
    let sites = output + "/sites"
    for site in listing(sites) {
        for job in listing(sites + "/" + site) {
            let jobPath = "\(sites)/\(site)/\(job)"
            for name in listing(jobPath) where !name.hasPrefix(".") {
                for file in listing(jobPath + "/" + name) {
                    tree["\(site)/\(job)/\(name)/\(file)"] = FileManager.default.contents(
                        atPath: "\(jobPath)/\(name)/\(file)")
                }
            }
        }
    }
    return tree
}

/// Names in a folder (through symlinks), sorted; none when `path` is not a folder (a test may
/// plant files anywhere).
func listing(_ path: String) -> [String] {
    var folder: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &folder) && folder.boolValue
        ? try! FileSystem.names(path) : []
}

@discardableResult
func shell(_ command: String) -> ProcessResult { runProcess("/bin/sh", ["-c", command]) }

@Suite(.serialized) struct PublicationTests {
    @Test func sampleRunPublishesFilesThatRealClientsAccept() throws {
        let dir = sampleRun()
        let result = paoBatch(["run", "--config", dir + "/jobs.json", "--as-of", "2026-11-29", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty && result.stderr.isEmpty)
        let output = dir + "/Output"
        let folders = shell("ls -d '\(output)'/sites/*/*/2026-11-29").stdout.split(separator: "\n")
        #expect(folders.count == 19 * 4)
        for folder in folders {
            let check = shell("cd '\(folder)' && sha256sum --quiet -c SHA256SUMS && gzip -t *.gz")
            #expect(check.status == 0, "\(folder): \(check.stdout)\(check.stderr)")
        }
        // Every XML file validates against its schema; every CSV reads back with Python with the manifest's row count.
        let xmlCheck = shell(
            """
            cd '\(output)/sites' && for f in */*/2026-11-29/*.xml.gz; do
              r=$(basename "$f" | sed -E 's/_[0-9]+_2026-11-29.xml.gz$//; s/^prices-.*/price-files/')
              xmllint --noout --schema '\(packageRoot)/Schemas/'"$r".xsd "$f" 2>&1 | grep -v ' validates$' || true
            done
            """)
        #expect(xmlCheck.stdout.isEmpty, "\(xmlCheck.stdout.prefix(2000))")
        let script = """
            import csv, gzip, io, json, sys, glob, os
            bad = []
            for manifest in glob.glob(sys.argv[1] + '/sites/*/*/2026-11-29/MANIFEST.json'):
                folder = os.path.dirname(manifest)
                m = json.load(open(manifest))
                for f in m['files']:
                    if f['format'] != 'csv': continue
                    raw = gzip.open(os.path.join(folder, f['name'])).read()
                    text = raw.decode('utf-8-sig')
                    rows = list(csv.reader(io.StringIO(text, newline='')))
                    if len(rows) - 1 != f['rows']: bad.append(f['name'])
                    if len({len(r) for r in rows}) != 1: bad.append(f['name'] + ' ragged')
                    with open(os.path.join(folder, f['name']), 'rb') as g:
                        head = g.read(10)
                    if head[3] & 0x08 or head[4:8] != b'\\0\\0\\0\\0': bad.append(f['name'] + ' header')
            print(json.dumps(bad))
            """
        let py = runProcess(
            python, python.hasSuffix("env") ? ["python3", "-c", script, output] : ["-c", script, output])
        #expect(py.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[]", "\(py.stdout)\(py.stderr)")
    }

    @Test func rerunsAreByteIdenticalWhateverTheThreadCount() throws {
        let dir = sampleRun()
        let args = ["run", "--config", dir + "/jobs.json", "--as-of", "2026-11-29", "--quiet"]
        #expect(runProcess("/usr/bin/env", ["PAO_BATCH_THREADS=2", binary] + args).status == 0)
        let first = publishedTree(dir + "/Output")
        #expect(runProcess("/usr/bin/env", ["PAO_BATCH_THREADS=1", binary] + args).status == 0)
        let second = publishedTree(dir + "/Output")
        #expect(first.count > 100)
        let identical = first == second
        #expect(identical)
        let versions = shell("ls -a '\(dir)/Output/sites/1000003/daily-renewals' | grep -c '^.v-'").stdout
        #expect(versions.trimmingCharacters(in: .whitespacesAndNewlines) == "1")
    }

    @Test func priceFilesAreSharedByHardLinks() throws {
        let dir = sampleRun()
        #expect(
            paoBatch(["run", "--config", dir + "/jobs.json", "--as-of", "2026-11-29", "--job", "weekly-price-files"])
                .status == 0)
        let links = shell(
            "find '\(dir)/Output/sites' -name 'prices-software-current-US-USD_2026-11-29.csv.gz' -links +1 | wc -l"
        ).stdout
        #expect(Int(links.trimmingCharacters(in: .whitespacesAndNewlines))! > 1)
        let inodes = shell(
            "find '\(dir)/Output/sites' -name 'prices-software-current-US-USD_2026-11-29.csv.gz' -exec stat -L -c %i {} + | sort -u | wc -l"
        ).stdout
        #expect(inodes.trimmingCharacters(in: .whitespacesAndNewlines) == "1")
        let head = shell(
            "zcat '\(dir)'/Output/sites/*/weekly-price-files/latest/prices-software-current-US-USD_2026-11-29.csv.gz | head -c 40 | od -c | head -1"
        ).stdout
        #expect(head.contains("357 273 277"), "BOM from the job's csv override: \(head)")
    }

    @Test func retainKeepsTheNewestAndLatestNeverMovesBack() throws {
        let dir = sampleRun(retain: 2)
        for day in ["2026-11-27", "2026-11-28", "2026-11-29", "2026-11-20"] {
            #expect(
                paoBatch(["run", "--config", dir + "/jobs.json", "--as-of", day, "--job", "daily-customers", "--quiet"])
                    .status == 0)
        }
        let folder = dir + "/Output/sites/1000003/daily-customers"
        let visible = try! FileSystem.names(folder).filter { !$0.hasPrefix(".") }
        #expect(visible == ["2026-11-20", "2026-11-28", "2026-11-29", "latest"])
        #expect(FileSystem.readLink(folder + "/latest") == "2026-11-29")
        #expect(try! FileSystem.names(folder).filter { $0.hasPrefix(".v-") }.count == 3)
    }

    @Test(arguments: ["after-staging", "between-publishes", "before-latest", "during-retain"])
    func aKilledRunLeavesEveryFolderWholeAndTheNextRunConverges(_ point: String) throws {
        // retain 2 removes 2026-11-27 but keeps 2026-11-28, the baseline of 2026-11-29 (SPEC §11), for the
        // run after the kill.
        let clean = sampleRun(retain: 2)
        let dir = sampleRun(retain: 2)
        for day in ["2026-11-27", "2026-11-28", "2026-11-29"] {
            #expect(paoBatch(["run", "--config", clean + "/jobs.json", "--as-of", day, "--quiet"]).status == 0)
        }
        for day in ["2026-11-27", "2026-11-28"] {
            #expect(paoBatch(["run", "--config", dir + "/jobs.json", "--as-of", day, "--quiet"]).status == 0)
        }
        let killed = runProcess(
            "/usr/bin/env",
            [
                "PAO_BATCH_CRASH_AT=\(point)", binary, "run", "--config", dir + "/jobs.json",
                "--as-of", "2026-11-29", "--quiet"
            ])
        #expect(killed.status == 9)
        // Whatever is published reads whole: every folder a link names verifies.
        let check = shell(
            "cd '\(dir)/Output/sites' && for d in */*/20*; do (cd \"$d\" && sha256sum --quiet -c SHA256SUMS) || echo \"BROKEN $d\"; done"
        )
        #expect(!check.stdout.contains("BROKEN"), "\(check.stdout)")
        #expect(paoBatch(["run", "--config", dir + "/jobs.json", "--as-of", "2026-11-29", "--quiet"]).status == 0)
        let converged = publishedTree(dir + "/Output") == publishedTree(clean + "/Output")
        #expect(converged)
        let leftovers = shell("find '\(dir)/Output' -maxdepth 1 -name '.stage-*' | wc -l").stdout
        #expect(leftovers.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
    }

    @Test(arguments: [
        "sites/1000003/daily-customers/evil", "sites/1000003/daily-customers/latest/evil", "sites/1000003/evil",
        "runs/evil", "sites/1000003/daily-customers/2026-11-27"
    ])
    func aPlantedSymlinkStopsPublication(_ place: String) throws {
        let dir = sampleRun()
        #expect(paoBatch(["run", "--config", dir + "/jobs.json", "--as-of", "2026-11-28", "--quiet"]).status == 0)
        let before = publishedTree(dir + "/Output")
        symlink("/etc", dir + "/Output/" + place)
        let result = paoBatch(["run", "--config", dir + "/jobs.json", "--as-of", "2026-11-29", "--quiet"])
        #expect(result.status == 73)
        let planted = "/" + place.split(separator: "/").last! + "/"
        let after = publishedTree(dir + "/Output").filter { !$0.key.contains(planted) }
        let unchanged = after == before
        #expect(unchanged)
    }

    @Test(arguments: ["2026-11-28", ".v-2026-11-28-20261128T000000Z-1"])
    func aTemporaryLinkLeftByAKilledSwitchIsRemovedByTheNextRun(_ target: String) throws {
        let dir = sampleRun()
        #expect(paoBatch(["run", "--config", dir + "/jobs.json", "--as-of", "2026-11-28", "--quiet"]).status == 0)
        let leftover = dir + "/Output/sites/1000003/daily-customers/.tmp-20261128T000000Z-1"
        #expect(symlink(target, leftover) == 0)
        let result = paoBatch(["run", "--config", dir + "/jobs.json", "--as-of", "2026-11-29", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileSystem.entry(leftover) == .missing)
    }

    @Test func aTemporaryNamedLinkOutOfTheFolderStopsPublication() throws {
        let dir = sampleRun()
        #expect(paoBatch(["run", "--config", dir + "/jobs.json", "--as-of", "2026-11-28", "--quiet"]).status == 0)
        symlink("/etc", dir + "/Output/sites/1000003/daily-customers/.tmp-evil")
        #expect(paoBatch(["run", "--config", dir + "/jobs.json", "--as-of", "2026-11-29", "--quiet"]).status == 73)
    }

    /// ext4 and tmpfs always fill in `d_type`; a file system that does not must still be walked
    /// with each entry's true kind, or a planted symlink would pass the foreign-link check.
    @Test func anEntryTheListingLeavesUnknownIsLookedUp() throws {
        let dir = temporaryFolder()
        #expect(mkdir(dir + "/folder", 0o755) == 0)
        write("x", to: dir + "/file")
        #expect(symlink("/etc", dir + "/link") == 0)
        let unknown = UInt8(DT_UNKNOWN)
        #expect(FileSystem.entry(listed: unknown, in: dir, name: "folder") == .folder)
        #expect(FileSystem.entry(listed: unknown, in: dir, name: "link") == .symlink)
        #expect(FileSystem.entry(listed: unknown, in: dir, name: "file") == .other)
        #expect(FileSystem.entry(listed: unknown, in: dir, name: "gone") == .missing)
        #expect(FileSystem.entry(listed: UInt8(DT_LNK), in: dir, name: "folder") == .symlink)
        #expect(FileSystem.entry(listed: UInt8(DT_REG), in: dir, name: "link") == .other)
    }

    @Test func aSecondConcurrentRunExits75() throws {
        let dir = sampleRun()
        try FileManager.default.createDirectory(atPath: dir + "/Output", withIntermediateDirectories: true)
        func whileHeld() throws -> Int32 {
            let lock = try RunLock(outputRoot: dir + "/Output")
            defer { withExtendedLifetime(lock) {} }
            return paoBatch(["run", "--config", dir + "/jobs.json", "--quiet"]).status
        }
        #expect(try whileHeld() == 75)
    }

    @Test func fullDiskAndReadOnlyOutputPublishNothing() throws {
        guard shell("unshare -m true").status == 0 else {
            print("skipped: unshare -m is refused here")
            return
        }
        let dir = sampleRun()
        try FileManager.default.createDirectory(atPath: dir + "/Output", withIntermediateDirectories: true)
        let run = "'\(binary)' run --config '\(dir)/jobs.json' --as-of 2026-11-29 --quiet"
        let full = shell(
            "unshare -m sh -c \"mount -t tmpfs -o size=256k tmpfs '\(dir)/Output' && \(run); echo \\$?; ls '\(dir)/Output/sites' 2>/dev/null | wc -l\""
        )
        let fullLines = full.stdout.split(separator: "\n")
        #expect(fullLines.first == "74", "\(full.stdout)\(full.stderr)")
        #expect(fullLines.last == "0")
        let readOnly = shell(
            "unshare -m sh -c \"mount --bind '\(dir)/Output' '\(dir)/Output' && mount -o remount,ro,bind '\(dir)/Output' && \(run); echo \\$?\""
        )
        #expect(readOnly.stdout.split(separator: "\n").last == "73", "\(readOnly.stdout)\(readOnly.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/Output/sites"))
    }
}

@Suite struct OutputFormatTests {
    @Test(arguments: ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
    func formulaGuardPrefixesTextColumnsOnly(_ value: String) {
        var out: [UInt8] = []
        TextEncoding.appendCSVField(value, guarded: true, to: &out)
        let text = String(decoding: out, as: UTF8.self)
        #expect(text.hasPrefix("'") || text.hasPrefix("\"'"))
        var plain: [UInt8] = []
        TextEncoding.appendCSVField(value, guarded: false, to: &plain)
        #expect(!String(decoding: plain, as: UTF8.self).contains("'"))
    }

    @Test func csvQuotesOnlyWhatNeedsIt() {
        for (value, expected) in [
            ("plain", "plain"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("x\ny", "\"x\ny\""), ("", "")
        ] {
            var out: [UInt8] = []
            TextEncoding.appendCSVField(value, guarded: true, to: &out)
            #expect(String(decoding: out, as: UTF8.self) == expected)
        }
    }

    /// Word-at-a-time scanning and the small-string stores must agree with the plain rules at
    /// every length around the 8- and 16-byte boundaries and every position of a special byte.
    @Test func fieldEncodingFollowsThePlainRulesAtEveryLengthAndPosition() {
        func csv(_ value: String) -> String {
            let scalars = value.unicodeScalars
            let mark = scalars.first.map { "=+-@\t\r".unicodeScalars.contains($0) } == true ? "'" : ""
            guard scalars.contains(where: { ",\"\r\n".unicodeScalars.contains($0) }) else { return mark + value }
            return "\"" + mark + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        func xml(_ value: String) -> String {
            value.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
        func written(_ value: String, _ write: (String, inout UnsafeMutablePointer<UInt8>) -> Void) -> String {
            var block = [UInt8](repeating: 0, count: 256)
            let count = block.withUnsafeMutableBufferPointer { b in
                var p = b.baseAddress!
                write(value, &p)
                return p - b.baseAddress!
            }
            return String(decoding: block[..<count], as: UTF8.self)
        }
        for length in 0...20 {
            for position in 0..<max(length, 1) {
                for special in [",", "\"", "\r", "\n", "&", "<", ">", "=", "é", "x"] {
                    var characters = Array(repeating: "a", count: length)
                    if length > 0 { characters[position] = special }
                    let value = characters.joined()
                    var out: [UInt8] = []
                    TextEncoding.appendCSVField(value, guarded: true, to: &out)
                    #expect(String(decoding: out, as: UTF8.self) == csv(value))
                    #expect(written(value) { TextEncoding.writeCSVField($0, guarded: true, at: &$1) } == csv(value))
                    out = []
                    TextEncoding.appendXMLText(value, to: &out)
                    #expect(String(decoding: out, as: UTF8.self) == xml(value))
                    #expect(written(value) { TextEncoding.writeXMLText($0, at: &$1) } == xml(value))
                }
            }
        }
    }

    @Test(arguments: [0, 1, 3])
    func manifestIsTheIndentedJSONOfItsFiles(_ count: Int) throws {
        let files = (0..<count).map { i in
            WrittenFile(
                name: "renewals_\"\(i)\"_2026-11-29.csv.gz", report: .renewals, isChanges: i == 1,
                format: i % 2 == 0 ? .csv : .xml, rows: 10 * i, bytes: 1000 + i,
                sha256: String(repeating: "ab", count: 32), rawBytes: 3000 + i,
                rawSha256: String(repeating: "cd", count: 32),
                changes: i == 2 ? ChangeCounts(added: 1, changed: 22, deleted: 333) : nil)
        }
        let baseline = count == 3 ? Day.parse("2026-11-28") : nil
        let asOf = try #require(Day.parse("2026-11-29"))
        let tree = JSONValue.object([
            ("site", .string("S-\\1")), ("job", .string("daily")), ("asOf", .string("2026-11-29")),
            ("baseline", baseline.map { .string($0.description) } ?? .null),
            ("schemaVersion", .int(DataContract.schemaVersion)), ("generator", .string("pao-batch \(toolVersion)")),
            ("gzipLevel", .int(6)),
            (
                "files",
                .array(
                    files.map { f in
                        .object(
                            [
                                ("name", .string(f.name)), ("report", .string(f.reportName)),
                                ("format", .string(f.format.rawValue)), ("rows", .int(f.rows)),
                                ("bytes", .int(f.bytes)), ("sha256", .string(f.sha256)),
                                ("rawBytes", .int(f.rawBytes)), ("rawSha256", .string(f.rawSha256))
                            ]
                                + (f.changes.map { c in
                                    [
                                        (
                                            "changes",
                                            .object([
                                                ("added", .int(c.added)), ("changed", .int(c.changed)),
                                                ("deleted", .int(c.deleted))
                                            ])
                                        )
                                    ]
                                } ?? []))
                    })
            )
        ])
        let text = FolderManifest.manifest(
            site: "S-\\1", job: "daily", asOf: asOf, baseline: baseline, gzipLevel: 6, files: files
        ).withBytes {
            String(decoding: $0, as: UTF8.self)
        }
        #expect(text == tree.serialized() + "\n")
    }

    @Test func utf8BytesAreTheStringsOwn() {
        let large = String(repeating: "ab,", count: 30)
        var grown = "prefix"
        grown += "-é-" + large
        let strings = [
            "", "a", "fifteen bytes!!", "sixteen bytes!!!", "é", "日本語のテキスト", large, grown,
            String(large.dropFirst(3)), String(decoding: Array(repeating: UInt8(0x43), count: 40), as: UTF8.self)
        ]
        for value in strings {
            #expect(value.withUTF8Bytes { Array($0) } == Array(value.utf8), "\(value)")
        }
    }

    @Test func gzipIsOneMemberWithMTimeZeroAndNoName() throws {
        let bytes = gzip(Array(repeating: 0x41, count: 300_000))
        #expect(bytes[0] == 0x1F && bytes[1] == 0x8B && bytes[3] == 0 && bytes[4..<8].allSatisfy { $0 == 0 })
        let dir = temporaryFolder()
        write(bytes, to: dir + "/a.gz")
        #expect(
            shell("gzip -t '\(dir)/a.gz' && zcat '\(dir)/a.gz' | wc -c").stdout.trimmingCharacters(
                in: .whitespacesAndNewlines) == "300000")
    }

    @Test func schemasAreInSyncWithTheColumnTable() throws {
        for spec in reportCatalog {
            for changes in [false, true] {
                let path = "\(packageRoot)/Schemas/\(spec.id.rawValue)\(changes ? "-changes" : "").xsd"
                let xsd = ReportSchema.xsd(spec, changes: changes)
                if ProcessInfo.processInfo.environment["PAO_BATCH_UPDATE_SCHEMAS"] == "1" { write(xsd, to: path) }
                #expect(
                    (try? String(contentsOfFile: path, encoding: .utf8)) == xsd,
                    "\(path) is stale: run PAO_BATCH_UPDATE_SCHEMAS=1 swift test")
            }
        }
    }

    @Test func changePercentRoundsHalfAwayFromZero() {
        #expect(Format.changePercent(old: 300, new: 301).printed == "0.33")
        #expect(Format.changePercent(old: 200, new: 201).printed == "0.50")
        #expect(Format.changePercent(old: 800, new: 801).printed == "0.13")
        #expect(Format.changePercent(old: 800, new: 799).printed == "-0.13")
        #expect(Format.changePercent(old: 100_000, new: 99_999).printed == "0.00")
        #expect(Format.changePercent(old: 0, new: 5).printed == "")
        #expect(Format.changePercent(old: nil, new: 5).printed == "")
        #expect(Format.changePercent(old: 3, new: 2).printed == "-33.33")
    }
}
