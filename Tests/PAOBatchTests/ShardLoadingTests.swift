import Foundation
import Testing
@testable import PAOBatch

/// Shards load only what their sites can see (SubsetNeeds) and still write, together, exactly the
/// files of one unsharded run: on the sample, and on a world built so that every rule of SPEC §3
/// that looks past a site's own lines crosses a shard boundary.
@Suite(.serialized) struct ShardLoadingTests {
    /// Resellers 100 and 300 fall in shard 1 of 2, 200 and 400 in shard 2; with 3 shards 100 is in
    /// shard 2, 200 and 300 in shard 1, 400 in shard 3.
    private static let feeds: [String: String] = [
        "resellers.csv": """
        reseller_site,reseller_name,role,distributor_site,country,status
        100,Alpha,RESELLER,,US,ACTIVE
        200,Beta,RESELLER,,DE,ACTIVE
        300,Dist,DISTRIBUTOR,,US,ACTIVE
        400,Under Dist,RESELLER,300,JP,ACTIVE

        """,
        "contacts.csv": """
        reseller_site,user_id,name,email,role,privileges,status,requested_date,decided_date,decided_by
        100,ann@alpha.example.com,Ann,ann@alpha.example.com,PRIMARY,REPORTING,ACTIVE,2026-01-01,2026-01-01,ann@alpha.example.com
        200,bob@beta.example.com,Bob,bob@beta.example.com,PRIMARY,REPORTING,ACTIVE,2026-01-01,2026-01-01,bob@beta.example.com
        300,dee@dist.example.com,Dee,dee@dist.example.com,USER,,PENDING,2026-06-01,,

        """,
        "customers.csv": """
        site_number,site_name,customer_number,agreement_number,customer_name,country,currency,enrollment_type,site_role,price_level,anniversary_month
        500,Site US,900,700,Cust US,US,USD,PA,ORIGINATING,D,3
        501,Site DE,901,701,Cust DE,DE,EUR,PA,ORIGINATING,D,4
        502,Site JP,902,,Cust JP,JP,JPY,PAE,,BL,

        """,
        "parts.csv": FeedFixture().files["parts.csv"]!,
        "prices.csv": """
        part_number,country,currency,price_level,unit_price,effective_from,effective_to
        REN0001,US,USD,D,110.00,2026-01-01,
        RNS0001,US,USD,D,150.00,2026-01-01,
        SAS0001,DE,EUR,D,12.00,2026-01-01,
        OVR0001,DE,EUR,D,1.50,2026-01-01,
        REN0001,JP,JPY,BL,12000,2026-01-01,
        REN0001,FR,EUR,D,99.00,2026-01-01,

        """,
        // O-1 (100) is renewed by O-2 (200): superseded across shards. SUB-1 starts with 100 and
        // gains an add-on from 200 that ends later: 200 owns it, and quantities add across shards.
        // O-5 and O-6 of 400 are the distributor 300's too.
        "transactions.csv": """
        order_number,line_number,order_date,reseller_site,customer_site,quote_number,part_number,quantity,unit_price,currency,coverage_start,coverage_end,subscription_id
        O-1,1,2025-07-01,100,500,,LIC0001,5,100.00,USD,2025-07-01,2026-06-30,
        O-2,1,2026-06-01,200,500,,REN0001,5,100.00,USD,2026-07-01,2027-06-30,
        O-3,1,2026-01-01,100,501,,SAS0001,10,10.00,EUR,2026-01-01,2026-12-31,SUB-1
        O-4,1,2026-03-01,200,501,Q-4,SAS0001,5,10.00,EUR,2026-03-01,2027-02-28,SUB-1
        O-5,1,2026-02-01,400,500,,LIC0001,3,100.00,USD,2026-02-01,2027-01-31,
        O-6,1,2026-02-01,400,502,,LIC0001,2,10000,JPY,2026-02-01,2026-09-30,
        O-7,1,2026-02-01,100,500,,LIC0001,1,100.00,USD,2026-02-01,2026-02-01,SUB-X
        O-2,01,2026-06-02,100,500,,REN0001,1,100.00,USD,2026-07-01,2027-06-30,

        """,
        "saas_usage.csv": """
        subscription_id,period,used_quantity,overage_suppressed,suppression_reason
        SUB-1,2026-05,20,Y,cap

        """,
        "saas_provisioning.xml": """
        <saas_provisioning>
          <subscription id="SUB-1"><event status="PENDING" date="2026-01-01"/><element name="admin_email">a@b.c</element></subscription>
        </saas_provisioning>

        """
    ]

    private static let jobs = """
        { "input": "Input", "output": "Output", "rejects": { "maxRatio": 0.5 }, "jobs": [
          { "name": "all", "formats": ["csv", "xml"],
            "reports": ["customers", "order-history-summary", "order-history-detail", "end-users", "renewals",
              "ctl-renewals", "renewals-180", "renewal-price-notices", "subscription-updates", "saas-fulfillment",
              "saas-provisioning", "suppressed-overage", "renewal-quotes", "renewals-summary", "inventory",
              "site-contacts", "access-requests", "price-files"],
            "params": { "subscription-updates": { "days": 365 }, "renewal-price-notices": { "changesOnly": false } } }
        ] }
        """

    private func world() -> String {
        let dir = temporaryFolder("shards")
        try! FileManager.default.createDirectory(atPath: dir + "/Input", withIntermediateDirectories: true)
        for (name, text) in Self.feeds { write(text, to: dir + "/Input/" + name) }
        write(Self.jobs, to: dir + "/jobs.json")
        return dir
    }

    private func csv(_ output: String, _ site: String, _ report: String) -> String {
        let path = "\(output)/sites/\(site)/all/2026-06-15/\(report)_\(site)_2026-06-15.csv.gz"
        return shell("gzip -dc '\(path)'").stdout
    }

    @Test func everyRuleThatCrossesAShardGivesTheUnshardedFiles() throws {
        let whole = world()
        let run = paoBatch(["run", "--as-of", "2026-06-15", "--quiet"], cwd: whole)
        #expect(run.status == 0, "\(run.stderr)")
        let output = whole + "/Output"
        // The world does what it is built for (O-7 is rejected: a subscription on an S&S line).
        #expect(!csv(output, "100", "renewals-180").contains("O-1,"), "O-1 is superseded by 200's O-2")
        #expect(csv(output, "200", "subscription-updates").contains("O-4,1,200,Beta,501,Cust DE,SAS0001,SAAS,10,5,15"))
        #expect(
            !csv(output, "100", "saas-fulfillment").contains("SUB-1")
                && csv(output, "200", "saas-fulfillment")
                    .contains("SUB-1")
        )
        #expect(csv(output, "100", "suppressed-overage").contains("2026-05,SUB-1,501,Cust DE,100,Alpha,SAS0001"))
        #expect(csv(output, "300", "order-history-detail").contains("O-5,1,400,Under Dist"))
        #expect(csv(output, "300", "renewals").contains("O-6,1"))
        #expect(shell("ls '\(output)'/sites/300/all/2026-06-15 | grep -c JP-JPY").stdout == "12\n")
        #expect(!csv(output, "300", "site-contacts").isEmpty)
        let reference = publishedTree(output)
        for n in [2, 3] {
            let sharded = world()
            for k in 1...n {
                let result = paoBatch(["run", "--as-of", "2026-06-15", "--quiet", "--shard", "\(k)/\(n)"], cwd: sharded)
                #expect(result.status == 0, "\(result.stderr)")
                let records = shell("ls '\(sharded)'/Output/runs/*/rejects.csv.gz | tail -1").stdout
                let rejects = shell("gzip -dc \(records)").stdout
                #expect(rejects.contains("transactions.csv,8,subscription_id,BAD_VALUE"))
                #expect(rejects.contains("transactions.csv,9,order_number,DUPLICATE_KEY"))
            }
            let tree = publishedTree(sharded + "/Output")
            #expect(tree.count == reference.count && tree == reference, "\(n) shards")
        }
    }

    @Test(arguments: [2, 3, 8]) func shardsOfTheSampleWriteTheFilesOfOneRun(n: Int) throws {
        let whole = sampleRun(), sharded = sampleRun()
        let args = ["--as-of", "2026-11-29", "--job", "daily-renewals", "--job", "daily-saas", "--quiet"]
        #expect(paoBatch(["run", "--config", whole + "/jobs.json"] + args).status == 0)
        for k in 1...n {
            let result = paoBatch(["run", "--config", sharded + "/jobs.json", "--shard", "\(k)/\(n)"] + args)
            #expect(result.status == 0, "\(result.stderr)")
        }
        #expect(publishedTree(whole + "/Output") == publishedTree(sharded + "/Output"))
    }

    /// Every reject code, the same records rejected by every shard as by one run.
    @Test func everyShardRejectsWhatOneRunRejects() {
        let input = temporaryFolder() + "/Input"
        #expect(paoBatch(["generate", "--out", input, "--bad-rows", "0.05"]).status == 0)
        let whole = DatasetLoader.load(inputFolder: input)
        let codes = Set(whole.rejects.map(\.code))
        #expect(codes.contains(.DUPLICATE_KEY) && codes.contains(.OVERLAP) && codes.contains(.SUBSCRIPTION_CONFLICT))
        let described = whole.rejects.map { "\($0.feed) \($0.line) \($0.field) \($0.code)" }
        for k in 1...3 {
            let shard = DatasetLoader.load(inputFolder: input, subset: SiteSubset(shard: (k, 3), sites: []))
            #expect(shard.rejects.map { "\($0.feed) \($0.line) \($0.field) \($0.code)" } == described)
            #expect(shard.feeds.map(\.read) == whole.feeds.map(\.read))
        }
    }

    @Test func aShardKeepsOnlyWhatItsSitesSee() {
        let whole = DatasetLoader.load(inputFolder: packageRoot + "/Input")
        let subset = SiteSubset(shard: (1, 8), sites: [])
        let shard = DatasetLoader.load(inputFolder: packageRoot + "/Input", subset: subset)
        #expect(shard.rejects.count == whole.rejects.count)
        #expect(shard.feeds.map(\.rejected) == whole.feeds.map(\.rejected))
        #expect(shard.dataset.lines.count < whole.dataset.lines.count / 2)
        #expect(shard.dataset.lines.count > 0)
        // Only the customers its lines name, in the whole run's order.
        let customers = shard.dataset.customers.map(\.siteNumber)
        #expect(Set(shard.dataset.lines.map(\.customer)).count == customers.count)
        #expect(customers.count < whole.dataset.customers.count / 2)
        #expect(customers == whole.dataset.customers.map(\.siteNumber).filter(Set(customers).contains))
        // Only the subscriptions its records name, in the whole run's order.
        let named = Set(shard.dataset.lines.compactMap(\.subscription))
        #expect(named.count == shard.dataset.subscriptions.count)
        #expect(shard.dataset.subscriptions.count < whole.dataset.subscriptions.count / 2)
        #expect(
            shard.dataset.subscriptions == whole.dataset.subscriptions.filter(Set(shard.dataset.subscriptions).contains)
        )
    }
}
