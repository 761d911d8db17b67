import Foundation
@testable import PAOBatch

/// A tiny valid set of feeds that tests change one record at a time.
struct FeedFixture {
    var files: [String: String] = [
        "resellers.csv": """
        reseller_site,reseller_name,role,distributor_site,country,status
        100,Dist One,DISTRIBUTOR,,US,ACTIVE
        200,Reseller Two,RESELLER,100,US,ACTIVE

        """,
        "contacts.csv": """
        reseller_site,user_id,name,email,role,privileges,status,requested_date,decided_date,decided_by

        """,
        "customers.csv": """
        site_number,site_name,customer_number,agreement_number,customer_name,country,currency,enrollment_type,site_role,price_level,anniversary_month
        500,Site A,900,700,Cust A,US,USD,PA,ORIGINATING,D,3
        501,Site B,901,,Cust B,JP,JPY,PAE,,BL,

        """,
        "parts.csv": """
        part_number,description,product_id,product_name,charge_metric,part_type,term_months,renewal_part,reinstatement_part,overage_part
        LIC0001,Lic,P1,Prod,User,LICENSE_SS,12,REN0001,RNS0001,
        REN0001,Ren,P1,Prod,User,SS_RENEWAL,12,REN0001,RNS0001,
        RNS0001,Rein,P1,Prod,User,SS_REINSTATEMENT,12,REN0001,,
        SAS0001,SaaS,P2,Prod2,User,SAAS,12,SAS0001,,OVR0001
        OVR0001,Over,P2,Prod2,User,SAAS_OVERAGE,1,,,

        """,
        "prices.csv": """
        part_number,country,currency,price_level,unit_price,effective_from,effective_to
        LIC0001,US,USD,D,100.00,2026-01-01,2026-06-30

        """,
        "transactions.csv": """
        order_number,line_number,order_date,reseller_site,customer_site,quote_number,part_number,quantity,unit_price,currency,coverage_start,coverage_end,subscription_id
        O-1,1,2026-01-01,200,500,,LIC0001,5,100.00,USD,2026-01-01,2026-12-31,
        O-2,1,2026-01-01,200,500,,SAS0001,5,10.00,USD,2026-01-01,2026-12-31,SUB-1

        """,
        "saas_usage.csv": """
        subscription_id,period,used_quantity,overage_suppressed,suppression_reason
        SUB-1,2026-05,7,Y,cap

        """,
        "saas_provisioning.xml": """
        <saas_provisioning>
          <subscription id="SUB-1"><event status="PENDING" date="2026-01-01"/><element name="admin_email">a@b.c</element></subscription>

        """
    ]

    /// The primary contact of site 100 that the contact tests' records name as decider.
    static let admin =
        "100,admin@d1.example.com,Ann Admin,admin@d1.example.com,PRIMARY,REPORTING,ACTIVE,2026-01-01,2026-01-01,"
        + "admin@d1.example.com"

    /// Adds a record at the end of a feed (for saas_provisioning: a `<subscription>` element).
    mutating func append(_ file: String, _ record: String) {
        files[file]! += record + "\n"
    }

    /// Writes the feeds into a new folder and returns it.
    func writeFolder() -> String {
        let dir = temporaryFolder("fixture")
        for (name, text) in files {
            let body = name == "saas_provisioning.xml" ? text + "</saas_provisioning>\n" : text
            write(body, to: dir + "/" + name)
        }
        return dir
    }

    func load() -> LoadResult { DatasetLoader.load(inputFolder: writeFolder()) }

    /// The as-of view of feeds that must load without a reject.
    func view(asOf: String) -> AsOfView {
        let result = load()
        precondition(result.failure == nil && result.rejects.isEmpty, "\(result.rejects.map(\.message))")
        return AsOfView(result.dataset, asOf: Day.parse(asOf)!)
    }

    /// Lines in the feed so far (the next appended record's line number is this plus one).
    func lineCount(_ file: String) -> Int {
        files[file]!.split(separator: "\n", omittingEmptySubsequences: false).count - 1
    }
}

extension AsOfView {
    /// The reseller index of a reseller site number.
    func site(_ id: String) -> Int32 { Int32(data.resellers.firstIndex { $0.site == id }!) }

    /// A report's rows for a site, each as column name → value.
    func reportRows(
        _ report: ReportID, site id: String, params: [String: ParamValue] = [:],
        filters: CustomerFilters = CustomerFilters()
    ) -> [[String: String]] {
        ReportRegistry.rows(
            report, ReportInput(view: self, site: site(id), params: ReportParams(report, params), filters: filters)
        )
        .map { Dictionary(uniqueKeysWithValues: zip(report.spec.columns, $0.values.map(\.printed))) }
    }
}
