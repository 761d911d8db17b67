import Foundation
import Testing
@testable import PAOBatch

/// Runs the sample as of `asOf` in `dir`; the run must succeed.
private func run(_ dir: String, _ asOf: String) {
    let result = paoBatch(["run", "--config", dir + "/jobs.json", "--as-of", asOf, "--quiet"])
    #expect(result.status == 0, "\(asOf): \(result.stderr)")
}

/// The manifest of a published folder.
private func manifest(_ folder: String) throws -> [String: Any] {
    let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/MANIFEST.json"))
    return try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
}

/// The newest run record's warnings.
private func lastWarnings(_ output: String) throws -> [String] {
    let runs = try FileSystem.names(output + "/runs")
    let data = try Data(contentsOf: URL(fileURLWithPath: "\(output)/runs/\(runs.last!)/run.json"))
    let record = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
    return record["warnings"] as? [String] ?? []
}

@Suite(.serialized) struct ChangesPublicationTests {
    @Test func consecutiveRunsPublishChangesThatClientsAcceptAndRerunsRepeat() throws {
        let dir = sampleRun()
        let output = dir + "/Output"
        run(dir, "2026-11-22")
        // The scanner for the tool's own XML reads every published report file as libxml2 does.
        for job in ["daily-renewals", "daily-customers", "daily-saas"] {
            let baseline = try #require(
                try Baseline.find(jobFolder: "\(output)/sites/1000001/\(job)", before: GeneratorOptions.anchor))
            for (name, entry) in try #require(baseline.manifest).files where name.hasSuffix(".xml.gz") {
                let report = try #require(ReportID(rawValue: String(name.prefix { $0 != "_" })))
                let path = baseline.folder + "/" + name
                let own = OwnXMLRows.read(path: path, entry: entry, columns: report.spec.columns)
                let general = try BaselineFile.rows(path: path, format: .xml, columns: report.spec.columns)
                #expect(own != nil && own == general, "\(name)")
            }
        }
        run(dir, "2026-11-29")
        let folders = shell("ls -d '\(output)'/sites/*/*/2026-11-29").stdout.split(separator: "\n").map(String.init)
        #expect(folders.count == 19 * 4)
        for folder in folders {
            #expect(try manifest(folder)["baseline"] as? String == "2026-11-22")
            let check = shell("cd '\(folder)' && sha256sum --quiet -c SHA256SUMS && gzip -t *.gz")
            #expect(check.status == 0, "\(folder): \(check.stdout)\(check.stderr)")
        }
        let xmlCheck = shell(
            """
            cd '\(output)/sites' && for f in */*/2026-11-29/*-changes_*.xml.gz; do
              r=$(basename "$f" | sed -E \
                 's/_([0-9]+_)?2026-11-29.xml.gz$//; s/^prices-.*-changes$/price-files-changes/')
              xmllint --noout --schema '\(packageRoot)/Schemas/'"$r".xsd "$f" 2>&1 | grep -v ' validates$' || true
            done
            """)
        #expect(xmlCheck.stdout.isEmpty, "\(xmlCheck.stdout.prefix(2000))")
        // Every report file's change counts are the A, C and D rows of its changes file.
        let script = """
            import csv, gzip, io, json, sys, glob, os, collections
            bad, seen = [], collections.Counter()
            for manifest in glob.glob(sys.argv[1] + '/sites/*/*/2026-11-29/MANIFEST.json'):
                folder = os.path.dirname(manifest)
                files = {f['name']: f for f in json.load(open(manifest))['files']}
                for name, f in files.items():
                    if f['format'] != 'csv' or f['report'].endswith('-changes'): continue
                    stem, rest = name.rsplit('_', 1) if name.startswith('prices-') else name.split('_', 1)
                    changes = stem + '-changes_' + rest
                    if changes not in files: bad.append('no changes file for ' + name); continue
                    if files[changes]['report'] != f['report'] + '-changes': bad.append('report of ' + changes)
                    rows = list(csv.DictReader(io.StringIO(gzip.open(os.path.join(folder, changes)).read().decode())))
                    counts = collections.Counter(r['change'] for r in rows)
                    seen.update(counts)
                    want = {'added': counts['A'], 'changed': counts['C'], 'deleted': counts['D']}
                    if f.get('changes') != want: bad.append(name + ' ' + str(f.get('changes')) + ' ' + str(want))
                    if f['rawBytes'] != len(gzip.open(os.path.join(folder, name)).read()): bad.append('raw ' + name)
            print(bad[:5], min(seen['A'], seen['C'], seen['D']) > 0)
            """
        let counts = runProcess("/usr/bin/python3", ["-c", script, output])
        #expect(counts.stdout == "[] True\n", "\(counts.stdout)\(counts.stderr)")
        let first = publishedTree(output)
        run(dir, "2026-11-29")
        #expect(publishedTree(output) == first, "a rerun has the same baseline and the same bytes")
        // A backfill compares with the newest folder before its own as-of, and leaves `latest`.
        run(dir, "2026-11-25")
        #expect(
            try manifest("\(output)/sites/1000001/daily-renewals/2026-11-25")["baseline"] as? String == "2026-11-22")
        #expect(shell("readlink '\(output)/sites/1000001/daily-renewals/latest'").stdout == "2026-11-29\n")
        // The site's feed, read by a feed parser: every publication, newest first, links that resolve.
        let feed = """
            import feedparser, os, sys
            site = sys.argv[1]
            d = feedparser.parse(site + '/feed.atom')
            assert not d.bozo, d.bozo_exception
            assert d.version == 'atom10' and d.feed.updated == '2026-11-29T00:00:00Z', (d.version, d.feed.updated)
            print(len(d.entries), d.entries[0].id, d.entries[-1].title)
            for e in d.entries:
                job, day = e.title.split(' ')
                assert e.id == 'urn:pao-batch:1000001:%s:%s' % (job, day), e.id
                assert e.updated == day + 'T00:00:00Z' and e.link == job + '/' + day + '/'
                assert os.path.isfile(os.path.join(site, e.link, 'MANIFEST.json')), e.link
                assert ('compared with' in e.summary) == (day != '2026-11-22'), e.summary
            """
        let parsed = runProcess("/usr/bin/python3", ["-c", feed, output + "/sites/1000001"])
        #expect(
            parsed.stdout == "12 urn:pao-batch:1000001:daily-customers:2026-11-29 weekly-price-files 2026-11-22\n",
            "\(parsed.stdout)\(parsed.stderr)")
    }

    @Test func theFeedKeepsTheNewestFiftyAndEscapesNames() throws {
        let dir = temporaryFolder()
        let publications = (0..<60).map { n in
            var p = PublicationSummary(job: "job-\(n % 2)", asOf: Day(year: 2026, month: 1, day: 1) + n / 2)
            p.files = n
            return p
        }
        write(
            SiteFeed.document(site: "42", resellerName: "A&B <\"Ünïcødé\">", publications: publications),
            to: dir + "/feed.atom")
        let script = """
            import feedparser, sys
            d = feedparser.parse(sys.argv[1])
            assert not d.bozo, d.bozo_exception
            print(len(d.entries), d.feed.title, d.entries[0].title, d.entries[-1].title)
            """
        let parsed = runProcess("/usr/bin/python3", ["-c", script, dir + "/feed.atom"])
        #expect(
            parsed.stdout
                == "50 Publications for reseller site 42 (A&B <\"Ünïcødé\">) job-0 2026-01-30 job-1 2026-01-06\n",
            "\(parsed.stdout)\(parsed.stderr)")
    }

    @Test func anUnusableBaselineFileIsAWarningAndNoChangesFile() throws {
        let dir = sampleRun()
        let output = dir + "/Output"
        run(dir, "2026-11-22")
        let old = "\(output)/sites/1000001/daily-renewals/2026-11-22"
        // XML is read first: a broken XML file makes that report's baseline absent, even with a CSV beside it.
        shell(
            "cd '\(old)' && chmod u+w . renewals_1000001_2026-11-22.xml.gz"
                + " && printf 'junk' > renewals_1000001_2026-11-22.xml.gz"
        )
        run(dir, "2026-11-29")
        let folder = "\(output)/sites/1000001/daily-renewals/2026-11-29"
        let names = try FileSystem.names(folder)
        #expect(!names.contains { $0.hasPrefix("renewals-changes_") })
        #expect(names.contains("ctl-renewals-changes_1000001_2026-11-29.csv.gz"))
        let warnings = try lastWarnings(output)
        #expect(warnings.contains { $0.contains("renewals_1000001_2026-11-22.xml.gz not compared") }, "\(warnings)")
    }

    @Test func changesOffAndARetainedOutBaselineWriteNoChanges() throws {
        var config = try String(contentsOfFile: packageRoot + "/jobs.json", encoding: .utf8)
        config = config.replacingOccurrences(of: "\"input\": \"Input\"", with: "\"input\": \"\(packageRoot)/Input\"")
        config = config.replacingOccurrences(of: "\"retain\": 7", with: "\"retain\": 1")
        config = config.replacingOccurrences(
            of: "\"name\": \"daily-customers\",", with: "\"name\": \"daily-customers\", \"changes\": false,")
        let dir = sampleRun(jobs: config)
        let output = dir + "/Output"
        run(dir, "2026-11-22")
        run(dir, "2026-11-29")
        let customers = "\(output)/sites/1000001/daily-customers/2026-11-29"
        #expect(try manifest(customers)["baseline"] is NSNull)
        #expect(try FileSystem.names(customers).allSatisfy { !$0.contains("-changes_") })
        let renewals = "\(output)/sites/1000001/daily-renewals/2026-11-29"
        #expect(try manifest(renewals)["baseline"] as? String == "2026-11-22")
        // retain 1 removed 2026-11-22: a rerun now has no baseline and no changes files.
        run(dir, "2026-11-29")
        #expect(try manifest(renewals)["baseline"] is NSNull)
        #expect(try FileSystem.names(renewals).allSatisfy { !$0.contains("-changes_") })
    }

    @Test func reusedFilesAreTheBytesOfACleanCompressionAndAreCheckedFirst() throws {
        let reusing = sampleRun(), fresh = sampleRun()
        for dir in [reusing, fresh] { run(dir, "2026-11-22") }
        // Without gzipLevel in the baseline's manifests nothing can be reused; a tampered CSV file
        // (changes are read from the XML beside it) must fail the check and be compressed anew.
        shell(
            """
            cd '\(fresh)/Output/sites' && for m in */*/2026-11-22/MANIFEST.json; do
              chmod u+w "$(dirname "$m")" "$m" && sed -i '/"gzipLevel"/d' "$m"; done
            """)
        let folder = "\(reusing)/Output/sites/1000003/daily-customers"
        let tampered = "\(folder)/2026-11-22/order-history-detail_1000003_2026-11-22.csv.gz"
        shell(
            "chmod u+w \"$(dirname '\(tampered)')\" '\(tampered)' && zcat '\(tampered)' | gzip -1 -n > /tmp/t.$$"
                + " && mv /tmp/t.$$ '\(tampered)'")
        for dir in [reusing, fresh] { run(dir, "2026-11-29") }
        func reused(_ dir: String) throws -> Int {
            let runs = try FileSystem.names(dir + "/Output/runs")
            let data = try Data(contentsOf: URL(fileURLWithPath: "\(dir)/Output/runs/\(runs.last!)/run.json"))
            let record = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
            let jobs = try #require(record["jobs"] as? [[String: Any]])
            return jobs.reduce(0) { $0 + ($1["reusedFiles"] as? Int ?? 0) }
        }
        #expect(try reused(reusing) > 100)
        #expect(try reused(fresh) == 0)
        let a = publishedTree(reusing + "/Output").filter { $0.key.contains("/2026-11-29/") }
        let b = publishedTree(fresh + "/Output").filter { $0.key.contains("/2026-11-29/") }
        #expect(a.count == b.count && a == b)
        let check = shell("cd '\(folder)/2026-11-29' && sha256sum --quiet -c SHA256SUMS")
        #expect(check.status == 0)
        // The untouched unchanged report is the baseline's file itself; the tampered one is not.
        func inode(_ path: String) -> String { shell("stat -L -c %i '\(path)'").stdout }
        let summary = "order-history-summary_1000003_2026-11-"
        #expect(inode("\(folder)/2026-11-29/\(summary)29.csv.gz") == inode("\(folder)/2026-11-22/\(summary)22.csv.gz"))
        #expect(inode(tampered) != inode("\(folder)/2026-11-29/order-history-detail_1000003_2026-11-29.csv.gz"))
    }

    /// Every site's feed.atom, by site.
    private func feeds(_ output: String) -> [String: Data] {
        var out: [String: Data] = [:]
        for site in listing(output + "/sites") {
            out[site] = FileManager.default.contents(atPath: "\(output)/sites/\(site)/feed.atom")
        }
        return out
    }

    @Test func shardsTogetherWriteOneRunsChangesAndFeeds() throws {
        let whole = sampleRun(), sharded = sampleRun()
        for day in ["2026-11-22", "2026-11-29"] {
            run(whole, day)
            for k in 1...2 {
                let result = paoBatch([
                    "run", "--config", sharded + "/jobs.json", "--as-of", day, "--shard", "\(k)/2", "--quiet"
                ])
                #expect(result.status == 0, "\(result.stderr)")
            }
        }
        #expect(publishedTree(whole + "/Output") == publishedTree(sharded + "/Output"))
        let wholeFeeds = feeds(whole + "/Output")
        #expect(wholeFeeds.count == 19 && wholeFeeds.values.allSatisfy { !$0.isEmpty })
        #expect(wholeFeeds == feeds(sharded + "/Output"))
    }

    @Test func anXMLOnlyJobAndABaselineInAnotherCSVDialect() throws {
        var config = try String(contentsOfFile: packageRoot + "/jobs.json", encoding: .utf8)
        config = config.replacingOccurrences(of: "\"input\": \"Input\"", with: "\"input\": \"\(packageRoot)/Input\"")
        let plain = sampleRun(jobs: config)
        run(plain, "2026-11-22")
        run(plain, "2026-11-29")
        // Day one wrote CRLF with a BOM and no formula guard; day two an XML-only renewals job.
        let crlf = config.replacingOccurrences(
            of: "\"name\": \"daily-customers\",",
            with:
                "\"name\": \"daily-customers\", \"csv\": {\"bom\": true, \"lineEnding\": \"crlf\", \"formulaGuard\": false},"
        )
        let dir = sampleRun(jobs: crlf)
        run(dir, "2026-11-22")
        let xmlOnly = config.replacingOccurrences(
            of:
                "\"name\": \"daily-renewals\", \"schedule\": \"15 2 * * *\", \"sites\": \"*\", \"formats\": [\"csv\", \"xml\"]",
            with: "\"name\": \"daily-renewals\", \"schedule\": \"15 2 * * *\", \"sites\": \"*\", \"formats\": [\"xml\"]"
        )
        #expect(xmlOnly != config)
        write(xmlOnly, to: dir + "/jobs.json")
        run(dir, "2026-11-29")
        for site in ["1000001", "1000003"] {
            let renewals = try FileSystem.names("\(dir)/Output/sites/\(site)/daily-renewals/2026-11-29")
            #expect(renewals.contains("renewals-changes_\(site)_2026-11-29.xml.gz"))
            #expect(!renewals.contains { $0.hasSuffix(".csv.gz") })
            // The CRLF/BOM/unguarded baseline gives the same changes as the plain one.
            let changes = "customers-changes_\(site)_2026-11-29.csv.gz"
            let a = try Data(
                contentsOf: URL(fileURLWithPath: "\(dir)/Output/sites/\(site)/daily-customers/2026-11-29/\(changes)"))
            let b = try Data(
                contentsOf: URL(fileURLWithPath: "\(plain)/Output/sites/\(site)/daily-customers/2026-11-29/\(changes)"))
            #expect(a == b)
        }
    }

    @Test func aKillBetweenPublishesLeavesEveryFeedReadableAndPointingAtPublishedFolders() throws {
        let dir = sampleRun(retain: 1)
        run(dir, "2026-11-22")
        let killed = runProcess(
            "/usr/bin/env",
            [
                "PAO_BATCH_CRASH_AT=between-publishes", binary, "run", "--config", dir + "/jobs.json",
                "--as-of", "2026-11-29", "--quiet"
            ])
        #expect(killed.status == 9)
        let script = """
            import feedparser, glob, os, sys
            bad = []
            for feed in glob.glob(sys.argv[1] + '/sites/*/feed.atom'):
                d = feedparser.parse(feed)
                if d.bozo: bad.append(feed)
                for e in d.entries:
                    if not os.path.isfile(os.path.join(os.path.dirname(feed), e.link, 'MANIFEST.json')):
                        bad.append(feed + ' ' + e.link)
            print(len(glob.glob(sys.argv[1] + '/sites/*/feed.atom')), bad)
            """
        let check = runProcess("/usr/bin/python3", ["-c", script, dir + "/Output"])
        #expect(check.stdout == "19 []\n", "\(check.stdout)\(check.stderr)")
        run(dir, "2026-11-29")
        let after = runProcess("/usr/bin/python3", ["-c", script, dir + "/Output"])
        #expect(after.stdout == "19 []\n", "\(after.stdout)\(after.stderr)")
    }
}
