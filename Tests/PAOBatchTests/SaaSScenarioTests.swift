import Foundation
import Testing
@testable import PAOBatch

/// SaaS subscriptions with hand-computed answers as of 2026-11-29.
private let saas: AsOfView = {
    var f = FeedFixture()
    f.files["resellers.csv"] = """
        reseller_site,reseller_name,role,distributor_site,country,status
        200,Two,RESELLER,,US,ACTIVE
        300,Three,RESELLER,,US,ACTIVE

        """
    f.files["customers.csv"] = """
        site_number,site_name,customer_number,agreement_number,customer_name,country,currency,enrollment_type,site_role,price_level,anniversary_month
        500,Site A,900,700,Cust A,US,USD,PA,ORIGINATING,D,3
        501,Site B,901,701,Cust B,CA,CAD,PA,ORIGINATING,D,4

        """
    f.files["parts.csv"] = """
        part_number,description,product_id,product_name,charge_metric,part_type,term_months,renewal_part,reinstatement_part,overage_part
        SAS0001,SaaS,P4,Prod4,User,SAAS,12,SAS0001,,OVR0001
        OVR0001,Over,P4,Prod4,User,SAAS_OVERAGE,1,,,
        SAS0002,SaaS2,P5,Prod5,User,SAAS,12,SAS0002,,
        MON0001,Monthly,P4,Prod4,User,MONTHLY,1,,,

        """
    f.files["prices.csv"] = """
        part_number,country,currency,price_level,unit_price,effective_from,effective_to
        OVR0001,US,USD,D,2.50,2020-01-01,
        SAS0001,US,USD,D,100.00,2020-01-01,2026-11-28
        SAS0001,US,USD,D,120.00,2026-11-29,
        SAS0001,US,USD,BL,130.00,2027-01-01,
        SAS0001,CA,CAD,D,150.00,2020-01-01,
        SAS0001,CA,USD,D,110.00,2020-01-01,

        """
    f.files["transactions.csv"] = """
        order_number,line_number,order_date,reseller_site,customer_site,quote_number,part_number,quantity,unit_price,currency,coverage_start,coverage_end,subscription_id
        S-1,1,2025-11-01,200,500,,SAS0001,100,1.00,USD,2025-11-01,2026-11-15,SUB-A
        S-2,1,2026-11-10,200,500,,SAS0001,80,1.00,USD,2026-11-16,2027-11-15,SUB-A
        S-3,1,2026-11-18,200,500,,SAS0001,10,1.00,USD,2026-11-20,2027-11-15,SUB-A
        S-4,1,2026-11-25,300,501,,SAS0002,5,1.00,CAD,2026-11-25,2027-11-24,SUB-B
        S-5,1,2025-05-20,200,500,,SAS0001,3,1.00,USD,2025-06-01,2026-05-31,SUB-C
        S-6,1,2026-05-20,300,500,,SAS0001,3,1.00,USD,2026-06-01,2027-05-31,SUB-C
        M-1,1,2026-11-01,200,500,,MON0001,7,1.00,USD,2026-11-01,2026-11-30,MON-1

        """
    f.files["saas_usage.csv"] = """
        subscription_id,period,used_quantity,overage_suppressed,suppression_reason
        SUB-A,2026-11,130,Y,cap
        SUB-A,2026-10,150,N,
        SUB-A,2026-12,500,Y,later
        SUB-B,2026-11,9,Y,trial

        """
    f.files["saas_provisioning.xml"] = """
        <saas_provisioning>
          <subscription id="SUB-A">
            <event status="PENDING" date="2025-11-01"/><event status="IN_PROGRESS" date="2025-11-03"/>
            <event status="PROVISIONED" date="2026-12-05"/>
            <element name="admin_email">a@x</element><element name="admin_email">b@x</element>
            <element name="data_center"> </element><element name="tenant_name">t</element>
          </subscription>
          <subscription id="SUB-C"><event status="PROVISIONED" date="2026-06-02"/></subscription>

        """
    return f.view(asOf: "2026-11-29")
}()

private func rows(_ report: ReportID, _ siteId: String, params: [String: ParamValue] = [:]) -> [[String: String]] {
    saas.reportRows(report, site: siteId, params: params)
}

@Suite struct SaaSScenarioTests {
    @Test func subscriptionUpdatesClassifyChanges() {
        let r = rows(.subscriptionUpdates, "200")
        #expect(
            r.map {
                "\($0["order_number"]!) \($0["previous_quantity"]!) \($0["total_quantity"]!) \($0["change_type"]!)"
            }
                == ["M-1  7 NEW", "S-2 100 80 DECREASE", "S-3 80 90 INCREASE"])
        let year = rows(.subscriptionUpdates, "300", params: ["days": .integer(365)])
        // S-6 follows a line sold by reseller 200: RENEWAL of 3.
        #expect(
            year.map { "\($0["order_number"]!) \($0["previous_quantity"]!) \($0["change_type"]!)" } == [
                "S-6 3 RENEWAL", "S-4  NEW"
            ])
    }

    @Test func fulfillmentFollowsTheOwnerLine() {
        #expect(rows(.saasFulfillment, "200").map { $0["subscription_id"]! } == ["SUB-A"])
        let r = rows(.saasFulfillment, "300")
        #expect(r.map { $0["subscription_id"]! } == ["SUB-B", "SUB-C"])
        #expect(
            r[0]["status"] == "PENDING" && r[0]["status_date"] == "2026-11-25" && r[0]["days_in_status"] == "4"
                && r[0]["overdue"] == "N")
        #expect(rows(.saasFulfillment, "300", params: ["overdueDays": .integer(3)])[0]["overdue"] == "Y")
        #expect(rows(.saasFulfillment, "300", params: ["overdueDays": .integer(4)])[0]["overdue"] == "N")
        #expect(r[1]["status"] == "PROVISIONED" && r[1]["overdue"] == "N" && r[1]["order_number"] == "S-6")
        let a = rows(.saasFulfillment, "200")[0]
        // The PROVISIONED event is after the as-of date.
        #expect(a["status"] == "IN_PROGRESS" && a["status_date"] == "2025-11-03" && a["overdue"] == "Y")
        #expect(a["active_quantity"] == "90" && a["order_number"] == "S-1")
    }

    @Test func provisioningListsProvidedAndMissingElements() {
        let r = rows(.saasProvisioning, "200")
        #expect(
            r.map { "\($0["element_name"]!)=\($0["element_value"]!) \($0["element_status"]!) \($0["form_complete"]!)" }
                == ["admin_email=b@x PROVIDED N", "data_center= MISSING N", "tenant_name=t PROVIDED N"])
        let b = rows(.saasProvisioning, "300").filter { $0["subscription_id"] == "SUB-B" }
        #expect(b.map { $0["element_status"]! } == ["MISSING", "MISSING", "MISSING"])
        let custom = rows(.saasProvisioning, "200", params: ["requiredElements": .strings(["tenant_name"])])
        #expect(
            custom.map { $0["element_name"]! } == ["admin_email", "tenant_name"] && custom[0]["form_complete"] == "Y")
    }

    @Test func suppressedOverageUsesTheDailyMaximum() {
        let r = rows(.suppressedOverage, "200")
        #expect(r.count == 1)
        #expect(r[0]["period"] == "2026-11" && r[0]["entitled_quantity"] == "100" && r[0]["overage_quantity"] == "30")
        #expect(
            r[0]["overage_part_number"] == "OVR0001" && r[0]["overage_unit_price"] == "2.50"
                && r[0]["overage_amount"] == "75.00")
        #expect(
            r[0]["reseller_site"] == "200" && r[0]["part_number"] == "SAS0001" && r[0]["suppression_reason"] == "cap")
        let b = rows(.suppressedOverage, "300")
        #expect(
            b.map {
                "\($0["subscription_id"]!) \($0["overage_quantity"]!) \($0["overage_part_number"]!) \($0["price_status"]!)"
            }
                == ["SUB-B 4  MISSING"])
    }

    @Test func priceFilesCoverEveryCountryAndCurrencyASiteNeeds() {
        let currencies = PriceFilesReport.currencies(saas.data)
        let keys = PriceFilesReport.keys(
            saas, site: 1,
            params: ReportParams(.priceFiles, ["families": .strings(["saas"]), "views": .strings(["current"])]),
            currencies: currencies)
        #expect(
            keys.files.map(\.stem) == [
                "prices-saas-current-CA-CAD", "prices-saas-current-CA-USD", "prices-saas-current-US-USD"
            ])
        let site200 = PriceFilesReport.keys(saas, site: 0, params: ReportParams(.priceFiles), currencies: currencies)
        #expect(site200.files.count == 6 && site200.files.allSatisfy { $0.country.code == "US" })
        func stems(_ v: PriceFileKey.View) -> [String] {
            PriceFilesReport.rows(
                saas,
                PriceFileKey(family: .saas, view: v, country: Country(code: "US")!, currency: Currency(code: "USD")!)
            )
            .map { "\($0[0].printed) \($0[7].printed) \($0[10].printed) \($0[11].printed) \($0[12].printed)" }
        }
        #expect(stems(.current) == ["OVR0001 D 2.50 2020-01-01 ", "SAS0001 D 120.00 2026-11-29 "])
        #expect(stems(.future) == ["SAS0001 BL 130.00 2027-01-01 "])
        #expect(
            stems(.currentAndFuture) == [
                "OVR0001 D 2.50 2020-01-01 ", "SAS0001 BL 130.00 2027-01-01 ", "SAS0001 D 120.00 2026-11-29 "
            ])
    }
}
