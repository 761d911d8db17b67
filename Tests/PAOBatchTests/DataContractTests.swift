import Crypto
import Foundation
import Testing
@testable import PAOBatch

/// The typed contract for data teams (SPEC §15): catalogue, schemas on the share, manifest
/// version, and the recipes of docs/data-teams.md run with real pandas, DuckDB, polars and
/// frictionless (Tests/DataTeams/tools.sh installs them).
@Suite(.serialized) struct DataContractTests {
    /// The column table's fingerprint per schemaVersion: a change to any report's columns must
    /// raise the version and add its fingerprint here.
    private static let fingerprints = [1: "3ea0b88a"]

    private static var fingerprint: String {
        let text = DataContract.reports.map { report in
            report.spec.id.name(changes: report.changes) + ":"
                + report.spec.contract(changes: report.changes).map {
                    "\($0.name) \($0.type) \($0.nullable) \($0.pattern ?? "")"
                }.joined(separator: ",")
        }.joined(separator: "\n")
        return SHA256.hash(data: Data(text.utf8)).prefix(4).map { String(format: "%02x", $0) }.joined()
    }

    @Test func theSchemaVersionFollowsTheColumnTable() {
        #expect(
            Self.fingerprints[DataContract.schemaVersion] == Self.fingerprint,
            "columns changed: raise DataContract.schemaVersion and record \(Self.fingerprint)")
    }

    @Test func theCatalogueTypesEveryColumnOfEveryReport() throws {
        let result = paoBatch(["reports", "--format", "json"])
        #expect(result.status == 0)
        #expect(result.stdout == DataContract.catalogue().serialized() + "\n")
        let json = try #require(
            JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["schemaVersion"] as? Int == DataContract.schemaVersion)
        let reports = try #require(json["reports"] as? [[String: Any]])
        #expect(reports.count == 2 * ReportID.allCases.count)
        let byId = Dictionary(uniqueKeysWithValues: reports.map { ($0["id"] as! String, $0) })
        let renewals = try #require(byId["renewals"]?["columns"] as? [[String: Any]])
        let types = Dictionary(uniqueKeysWithValues: renewals.map { ($0["name"] as! String, $0["type"] as! String) })
        #expect(types["site_number"] == "id" && types["agreement_number"] == "id" && types["country"] == "code")
        #expect(types["renewal_due_date"] == "date" && types["quantity"] == "integer" && types["unit_price"] == "money")
        #expect(types["site_name"] == "text" && types["price_status"] == "code")
        #expect(byId["renewals-180"]?["volatile"] as? [String] == ["days_to_expiry"])
        #expect(byId["price-files"]?["key"] as? [String] == ["part_number", "price_level", "effective_from"])
        let changes = try #require(byId["renewals-changes"]?["columns"] as? [[String: Any]])
        #expect(changes.prefix(2).map { $0["name"] as! String } == ["change", "changed_columns"])
        #expect(changes.count == renewals.count + 2)
        for spec in reportCatalog {
            for column in spec.contract() {
                #expect((column.pattern != nil) == [.id, .code].contains(column.type), "\(spec.id) \(column.name)")
                let kind = ColumnKind(column: column.name)
                #expect(kind == .text || ColumnContract.ValueType(kind) == column.type, "\(column.name)")
                #expect(!spec.id.identity.key.contains(column.name) || !column.nullable, "\(column.name)")
            }
        }
        let text = paoBatch(["reports"]).stdout
        #expect(text.contains("\trenewal_due_date:date,site_number:id,customer_number:id,site_name:text,"))
        #expect(text.contains(",agreement_number:id?,"))
    }

    @Test func schemasOnTheShareAreRewrittenOnlyWhenTheyDiffer() throws {
        let dir = sampleRun()
        let args = ["run", "--config", dir + "/jobs.json", "--as-of", "2026-11-29", "--quiet", "--job", "daily-saas"]
        #expect(paoBatch(args).status == 0)
        let folder = dir + "/Output/schemas"
        let expected = DataContract.schemaFiles()
        #expect(try FileSystem.names(folder) == expected.map(\.name).sorted(by: textLess))
        for (name, text) in expected {
            #expect(try String(contentsOfFile: folder + "/" + name, encoding: .utf8) == text, "\(name)")
        }
        #expect(shell("stat -c %a '\(folder)' '\(folder)/catalogue.json'").stdout == "755\n644\n")
        let before = shell("stat -c '%i %Y' '\(folder)'/*").stdout
        write("{}", to: folder + "/renewals.schema.json")
        write("killed", to: folder + "/.catalogue.json.tmp-all-20261128T021500Z-77")
        sleep(1)
        #expect(paoBatch(args).status == 0)
        let after = shell("stat -c '%i %Y' '\(folder)'/*").stdout.split(separator: "\n")
        let changed = zip(before.split(separator: "\n"), after).filter { $0 != $1 }.count
        #expect(changed == 1, "only the damaged file is replaced")
        let schema = try String(contentsOfFile: folder + "/renewals.schema.json", encoding: .utf8)
        #expect(schema == DataContract.tableSchema(ReportID.renewals.spec).serialized() + "\n")
        #expect(try FileSystem.names(folder).allSatisfy { !$0.hasPrefix(".") })
        let manifest = try String(
            contentsOfFile: dir + "/Output/sites/1000001/daily-saas/2026-11-29/MANIFEST.json", encoding: .utf8)
        #expect(manifest.contains("\n  \"schemaVersion\": \(DataContract.schemaVersion),\n"))
        #expect(manifest.contains("\n  \"generator\": \"pao-batch \(toolVersion)\",\n"))
    }

    /// Two days of the sample, with one customer's site, customer and agreement numbers given
    /// leading zeros; then Tests/DataTeams/check.py validates every CSV with frictionless and runs
    /// every recipe of docs/data-teams.md.
    @Test func everyFileValidatesAndTheRecipesLoadTypedRows() throws {
        let tools = packageRoot + "/.build/data-tools/bin/python"
        try #require(
            FileManager.default.isExecutableFile(atPath: tools), "run Tests/DataTeams/tools.sh first")
        let dir = temporaryFolder()
        write(try String(contentsOfFile: packageRoot + "/jobs.json", encoding: .utf8), to: dir + "/jobs.json")
        let zeros = """
            cd '\(dir)/Input' && for f in *.gz; do gzip -d "$f"; done && sed -i \
            -e 's/>2000090</>0002000090</g; s/>5000044</>0005000044</g; s/>7000029</>0007000029</g' \
            -e 's/,2000090,/,0002000090,/g; s/^2000090,/0002000090,/; s/,5000044,/,0005000044,/g' \
            -e 's/,7000029,/,0007000029,/g' customers.* transactions.*
            """
        #expect(shell("cp -r '\(packageRoot)/Input' '\(dir)/Input' && \(zeros)").status == 0)
        #expect(paoBatch(["run", "--as-of", "2026-11-29", "--quiet"], cwd: dir).status == 0)
        #expect(shell("rm -r '\(dir)/Input'").status == 0)
        #expect(paoBatch(["generate", "--out", dir + "/Input", "--day", "1"]).status == 0)
        #expect(shell(zeros).status == 0)
        let run = paoBatch(["run", "--as-of", "2026-11-30", "--quiet"], cwd: dir)
        #expect(run.status == 0, "\(run.stderr)")
        let check = runProcess(
            tools, [packageRoot + "/Tests/DataTeams/check.py", packageRoot + "/docs/data-teams.md", dir])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("pandas: ") && check.stdout.contains("duckdb: "))
        #expect(check.stdout.contains("polars: ") && check.stdout.hasSuffix("ok\n"))
    }

    @Test func theGuideListsTheFormulaGuardedColumns() throws {
        let guide = try String(contentsOfFile: packageRoot + "/docs/data-teams.md", encoding: .utf8)
        let listed = guide.components(separatedBy: "guarded columns: ").dropFirst().first?
            .prefix { $0 != "." }.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "`\n ")) }
        #expect(Set(listed ?? []) == ReportSpec.guardedColumns)
    }
}
