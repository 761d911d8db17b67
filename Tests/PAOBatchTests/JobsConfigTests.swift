import Foundation
import Testing
@testable import PAOBatch

private func decode(_ json: String) -> Result<JobsConfig, ConfigError> {
    do throws(ConfigError) { return .success(try JobsConfig.decode(Array(json.utf8), folder: "/cfg")) } catch {
        return .failure(error)
    }
}

private func job(_ body: String) -> String { "{ \"jobs\": [ { \"name\": \"daily\", \(body) } ] }" }

@Suite struct JobsConfigTests {
    @Test func theRootJobsFileIsValid() throws {
        let config = try JobsConfig.load(path: packageRoot + "/jobs.json")
        #expect(config.input == packageRoot + "/Input")
        #expect(!config.jobs.isEmpty)
    }

    @Test func defaultsFollowTheSpec() throws {
        let config = try decode(job("\"reports\": [\"customers\"]")).get()
        #expect(config.input == "/cfg/Input" && config.output == "/cfg/Output")
        #expect(config.timezone == "UTC" && config.gzipLevel == 6 && config.retain == 7)
        #expect(config.rejects.maxRatio == 0.001)
        #expect(config.csv == CSVDialect())
        #expect(config.jobs[0].sites == .all && config.jobs[0].formats == [.csv, .xml])
    }

    @Test func jobCSVOverridesOnlyTheKeysItNames() throws {
        let config = try decode(
            """
            { "csv": { "bom": true, "formulaGuard": false },
              "jobs": [ { "name": "p", "reports": ["price-files"], "csv": { "lineEnding": "crlf" } } ] }
            """
        ).get()
        #expect(config.jobs[0].csv.bom && config.jobs[0].csv.lineEnding == .crlf && !config.jobs[0].csv.formulaGuard)
    }

    @Test(arguments: [
        ("{ \"jobs\": [], \"extra\": 1 }", "$.extra"),
        ("{ \"jobs\": [] }", "$.jobs"),
        ("{ }", "$.jobs"),
        ("{ \"gzipLevel\": 10, \"jobs\": [] }", "$.gzipLevel"),
        ("{ \"gzipLevel\": 6.5, \"jobs\": [] }", "$.gzipLevel"),
        ("{ \"retain\": 0, \"jobs\": [] }", "$.retain"),
        ("{ \"timezone\": \"Mars/Base\", \"jobs\": [] }", "$.timezone"),
        ("{ \"rejects\": { \"maxRatio\": 2 }, \"jobs\": [] }", "$.rejects.maxRatio"),
        ("{ \"rejects\": { \"feeds\": { \"orders\": { \"maxRatio\": 0 } } }, \"jobs\": [] }", "$.rejects.feeds.orders"),
        ("{ \"csv\": { \"lineEnding\": \"cr\" }, \"jobs\": [] }", "$.csv.lineEnding"),
        ("{ \"csv\": { \"bom\": \"yes\" }, \"jobs\": [] }", "$.csv.bom"),
        (
            job("\"reports\": [\"renewals\"], \"params\": { \"renewals\": { \"windowDays\": 3661 } }"),
            "$.jobs[0].params.renewals.windowDays"
        ),
        (
            job("\"reports\": [\"renewals\"], \"params\": { \"renewals\": { \"windowDays\": \"30\" } }"),
            "$.jobs[0].params.renewals.windowDays"
        ),
        (
            job("\"reports\": [\"renewals\"], \"params\": { \"renewals\": { \"days\": 30 } }"),
            "$.jobs[0].params.renewals.days"
        ),
        (job("\"reports\": [\"renewals\"], \"params\": { \"customers\": {} }"), "$.jobs[0].params.customers"),
        (job("\"reports\": [\"renewals\"], \"params\": { \"nope\": {} }"), "$.jobs[0].params.nope"),
        (
            job(
                "\"reports\": [\"renewals\"], \"params\": { \"renewals\": { \"fromDate\": \"2026-02-01\", \"toDate\": \"2026-01-01\" } }"
            ), "$.jobs[0].params.renewals.fromDate"
        ),
        (
            job(
                "\"reports\": [\"order-history-detail\"], \"params\": { \"order-history-detail\": { \"fromDate\": \"2026-02-01\", \"lookbackDays\": 3 } }"
            ), "$.jobs[0].params.order-history-detail.lookbackDays"
        ),
        (
            job("\"reports\": [\"renewals-summary\"], \"params\": { \"renewals-summary\": { \"months\": 0 } }"),
            "$.jobs[0].params.renewals-summary.months"
        ),
        (
            job("\"reports\": [\"price-files\"], \"params\": { \"price-files\": { \"views\": [\"past\"] } }"),
            "$.jobs[0].params.price-files.views[0]"
        ),
        (
            job(
                "\"reports\": [\"saas-provisioning\"], \"params\": { \"saas-provisioning\": { \"requiredElements\": [\"Bad Name\"] } }"
            ), "$.jobs[0].params.saas-provisioning.requiredElements[0]"
        ),
        (
            job(
                "\"reports\": [\"renewal-price-notices\"], \"params\": { \"renewal-price-notices\": { \"changesOnly\": 1 } }"
            ), "$.jobs[0].params.renewal-price-notices.changesOnly"
        ),
        (job("\"reports\": []"), "$.jobs[0].reports"),
        (job("\"reports\": [\"renewal\"]"), "$.jobs[0].reports[0]"),
        (job("\"reports\": [\"customers\"], \"formats\": [\"json\"]"), "$.jobs[0].formats[0]"),
        (job("\"reports\": [\"customers\"], \"formats\": []"), "$.jobs[0].formats"),
        (job("\"reports\": [\"customers\"], \"filters\": { \"region\": [\"EU\"] }"), "$.jobs[0].filters.region"),
        (job("\"reports\": [\"customers\"], \"filters\": { \"country\": [] }"), "$.jobs[0].filters.country"),
        (
            job("\"reports\": [\"customers\"], \"filters\": { \"anniversaryMonth\": [13] }"),
            "$.jobs[0].filters.anniversaryMonth[0]"
        ),
        (
            job("\"reports\": [\"customers\"], \"filters\": { \"customerName\": [\"x\"] }"),
            "$.jobs[0].filters.customerName"
        ),
        (job("\"reports\": [\"customers\"], \"sites\": \"all\""), "$.jobs[0].sites"),
        (job("\"reports\": [\"customers\"], \"sites\": [1000]"), "$.jobs[0].sites[0]"),
        (job("\"reports\": [\"customers\"], \"schedule\": \"61 * * * *\""), "$.jobs[0].schedule"),
        (job("\"reports\": [\"customers\"], \"schedule\": \"* * * *\""), "$.jobs[0].schedule"),
        (job("\"reports\": [\"customers\"], \"when\": 1"), "$.jobs[0].when"),
        ("{ \"jobs\": [ { \"name\": \"Daily\", \"reports\": [\"customers\"] } ] }", "$.jobs[0].name"),
        ("{ \"jobs\": [ { \"reports\": [\"customers\"] } ] }", "$.jobs[0].name"),
        (
            "{ \"jobs\": [ { \"name\": \"a\", \"reports\": [\"customers\"] }, { \"name\": \"a\", \"reports\": [\"inventory\"] } ] }",
            "$.jobs[1].name"
        ),
        ("{ \"jobs\": [], \"jobs\": [] }", "$.jobs"),
        ("{ \"jobs\": [ }", "$")
    ])
    func badConfigNamesThePath(_ json: String, _ path: String) {
        guard case .failure(let error) = decode(json) else {
            Issue.record("accepted: \(json)")
            return
        }
        #expect(error.path == path, "\(error)")
    }

    @Test func validCronForms() {
        for expr in ["15 2 * * *", "0 3 * * 1", "*/5 0-6 1,15 jan-jun mon-fri", "0 0 * * 7"] {
            #expect(CronExpression.problem(expr) == nil, "\(expr)")
        }
    }

    @Test func badConfigExits78() {
        let dir = temporaryFolder()
        write("{ \"jobs\": [ { \"name\": \"x\", \"reports\": [\"nope\"] } ] }", to: dir + "/jobs.json")
        let result = paoBatch(["validate", "--config", dir + "/jobs.json"])
        #expect(result.status == 78)
        #expect(result.stderr.contains("$.jobs[0].reports[0]"))
    }

    @Test func badCommandLineExits64() {
        #expect(paoBatch(["validate", "--as-of", "2026-02-30"]).status == 64)
        #expect(paoBatch(["frobnicate"]).status == 64)
    }
}

@Suite struct ReportParamsTests {
    @Test func jobsJsonGivesTypedParamsWithEachReportsDefaults() throws {
        let config = try JobsConfig.decode(
            Array(
                #"""
                { "jobs": [ { "name": "a", "reports": ["renewals", "renewals-180", "subscription-updates"],
                  "params": { "renewals": { "windowDays": 30, "toDate": "2027-01-31" } } } ] }
                """#.utf8), folder: "/srv")
        let params = config.jobs[0].params
        #expect(params[.renewals]?[.windowDays] == 30 && params[.renewals]?[.toDate] == Day.parse("2027-01-31"))
        #expect(params[.renewals]?[.fromDate] == nil)
        #expect(params[.renewals180]?[.days] == 180 && params[.subscriptionUpdates]?[.days] == 30)
    }

    @Test func readingAParamTheReportDoesNotDeclareStops() async {
        await #expect(processExitsWith: .failure) {
            _ = ReportParams(.renewals)[.quoteDays]
        }
    }
}
