import Foundation
import Testing
@testable import PAOBatch

/// A small world with hand-computed answers (as of 2026-11-29):
/// distributor 100 with resellers 200 and 400 (SUSPENDED), direct reseller 300.
private let scenario: AsOfView = {
    var f = FeedFixture()
    f.files["resellers.csv"] = """
        reseller_site,reseller_name,role,distributor_site,country,status
        100,Dist,DISTRIBUTOR,,US,ACTIVE
        200,Two,RESELLER,100,US,ACTIVE
        300,Three,RESELLER,,JP,ACTIVE
        400,Four,RESELLER,100,DE,SUSPENDED

        """
    f.files["customers.csv"] = """
        site_number,site_name,customer_number,agreement_number,customer_name,country,currency,enrollment_type,site_role,price_level,anniversary_month
        500,Site A,900,700,Cust A,US,USD,PA,ORIGINATING,D,3
        501,Site B,901,,Cust B,JP,JPY,PAE,,BL,
        502,=Site C,902,702,Cust C,KW,KWD,PA,ADDITIONAL,E,2

        """
    f.files["parts.csv"] = """
        part_number,description,product_id,product_name,charge_metric,part_type,term_months,renewal_part,reinstatement_part,overage_part
        LIC0001,Lic,P1,Prod,User,LICENSE_SS,12,REN0001,RNS0001,
        REN0001,Ren,P1,Prod,User,SS_RENEWAL,12,REN0001,RNS0001,
        RNS0001,Rein,P1,Prod,User,SS_REINSTATEMENT,12,REN0001,,
        LIC0002,Lic2,P2,Prod2,User,LICENSE_SS,12,REN0002,RNS0002,
        REN0002,Ren2,P2,Prod2,User,SS_RENEWAL,12,REN0002,,
        RNS0002,Rein2,P2,Prod2,User,SS_REINSTATEMENT,12,REN0002,,
        CTL0001,Ctl,P3,Prod3,VPC,CTL,36,CTL0001,,
        SAS0001,SaaS,P4,Prod4,User,SAAS,12,SAS0001,,OVR0001
        OVR0001,Over,P4,Prod4,User,SAAS_OVERAGE,1,,,

        """
    f.files["prices.csv"] = """
        part_number,country,currency,price_level,unit_price,effective_from,effective_to
        REN0001,US,USD,D,100.00,2026-01-01,2026-12-31
        REN0001,US,USD,D,110.00,2027-01-01,
        REN0001,JP,JPY,BL,10000,2020-01-01,
        REN0001,KW,KWD,E,12.345,2020-01-01,
        RNS0002,US,USD,D,150.00,2020-01-01,
        CTL0001,US,USD,D,500.00,2020-01-01,

        """
    f.files["transactions.csv"] = """
        order_number,line_number,order_date,reseller_site,customer_site,quote_number,part_number,quantity,unit_price,currency,coverage_start,coverage_end,subscription_id
        O-1,1,2025-12-15,200,500,Q-1,LIC0001,10,1000.00,USD,2026-01-01,2026-12-31,
        O-2,1,2026-06-01,200,500,,LIC0001,5,500.00,USD,2026-06-01,2026-12-31,
        O-3,1,2024-12-20,300,500,,LIC0001,2,900.00,USD,2025-01-01,2025-12-31,
        O-4,1,2026-02-20,300,501,,LIC0001,3,50000,JPY,2026-03-01,2027-02-28,
        O-5,1,2025-06-20,200,500,,LIC0002,4,300.00,USD,2025-07-01,2026-06-30,
        O-6,1,2026-12-01,200,500,,LIC0001,7,1000.00,USD,2027-01-01,2027-12-31,
        O-7,1,2026-11-20,400,502,,SAS0001,10,5.000,KWD,2026-11-20,2027-11-19,SUB-1
        O-8,1,2024-02-20,300,500,,CTL0001,1,4000.00,USD,2024-02-29,2027-02-28,CTL-1
        O-9,1,2026-01-05,200,502,,LIC0001,2,1.234,KWD,2026-01-10,2027-01-09,

        """
    f.files["saas_usage.csv"] = "subscription_id,period,used_quantity,overage_suppressed,suppression_reason\n"
    f.files["saas_provisioning.xml"] = "<saas_provisioning>\n"
    return f.view(asOf: "2026-11-29")
}()

private func rows(
    _ report: ReportID, _ siteId: String, params: [String: ParamValue] = [:],
    filters: CustomerFilters = CustomerFilters()
) -> [[String: String]] {
    scenario.reportRows(report, site: siteId, params: params, filters: filters)
}

@Suite struct ReportScenarioTests {
    @Test func renewalsKeepLatestLinesOfTheReseller() {
        let r = rows(.renewals, "200")
        #expect(r.map { $0["order_number"]! } == ["O-2", "O-1", "O-9"])
        #expect(r.map { $0["renewal_due_date"]! } == ["2027-01-01", "2027-01-01", "2027-01-10"])
        // Price change effective exactly on the due date: the new price.
        #expect(
            r[1]["renewal_unit_price"] == "110.00" && r[1]["renewal_amount"] == "1100.00"
                && r[1]["price_status"] == "OK")
        #expect(r[0]["renewal_amount"] == "550.00")
        #expect(
            r[2]["renewal_unit_price"] == "12.345" && r[2]["renewal_amount"] == "24.690"
                && r[2]["unit_price"] == "1.234")
        #expect(r[1]["term_months"] == "12" && r[1]["renewal_part_number"] == "REN0001")
    }

    @Test func aLineRenewedByAnotherResellerLeavesTheFirstOne() {
        // O-3 (reseller 300) was renewed by O-1 (reseller 200): 300 sees only its own latest line O-4.
        #expect(rows(.renewals, "300").map { $0["order_number"]! } == ["O-4"])
        #expect(rows(.renewals, "300")[0]["renewal_amount"] == "30000")
    }

    @Test func aDistributorSeesItsResellersLinesIncludingSuspendedOnes() {
        let r = rows(.renewals, "100")
        #expect(r.map { $0["order_number"]! } == ["O-2", "O-1", "O-9", "O-7"])
        #expect(r[3]["price_status"] == "MISSING" && r[3]["renewal_unit_price"] == "" && r[3]["unit_price"] == "5.000")
        #expect(
            rows(.endUsers, "100").map { "\($0["reseller_site"]!)/\($0["site_number"]!)" } == [
                "200/500", "200/502", "400/502"
            ])
    }

    @Test func ctlRenewalsCrossALeapDay() {
        let r = rows(.ctlRenewals, "300")
        #expect(r.map { $0["renewal_due_date"]! } == ["2027-03-01"])
        #expect(
            r[0]["coverage_start"] == "2024-02-29" && r[0]["term_months"] == "36" && r[0]["renewal_amount"] == "500.00")
        #expect(rows(.renewals, "300").allSatisfy { $0["part_type"] != "CTL" })
    }

    @Test func renewals180PricesLapsedLinesWithTheReinstatementPart() {
        let r = rows(.renewals180, "200")
        #expect(r.map { $0["order_number"]! } == ["O-5", "O-1", "O-2", "O-9"])
        #expect(r[0]["status"] == "LAPSED" && r[0]["days_to_expiry"] == "-152")
        #expect(
            r[0]["action_part_number"] == "RNS0002" && r[0]["action_unit_price"] == "150.00"
                && r[0]["action_amount"] == "600.00")
        #expect(r[1]["status"] == "DUE" && r[1]["days_to_expiry"] == "32" && r[1]["action_part_number"] == "REN0001")
        #expect(r[1]["action_unit_price"] == "110.00")
        #expect(
            rows(.renewals180, "200", params: ["days": .integer(100)]).map { $0["order_number"]! } == [
                "O-1", "O-2", "O-9"
            ])
    }

    @Test func priceNoticesCompareTodayWithTheDueDate() {
        let r = rows(.renewalPriceNotices, "200")
        #expect(r.map { $0["order_number"]! } == ["O-1", "O-2"])
        #expect(r[0]["current_unit_price"] == "100.00" && r[0]["renewal_unit_price"] == "110.00")
        #expect(
            r[0]["change_percent"] == "10.00" && r[0]["notice"] == "INCREASE" && r[0]["current_amount"] == "1000.00")
        let all = rows(.renewalPriceNotices, "200", params: ["changesOnly": .boolean(false)])
        #expect(all.map { $0["order_number"]! } == ["O-1", "O-2", "O-9"])
        #expect(all[2]["notice"] == "UNCHANGED" && all[2]["change_percent"] == "0.00")
    }

    @Test func linesAfterTheAsOfDateAreInvisible() {
        #expect(!rows(.orderHistoryDetail, "200").contains { $0["order_number"] == "O-6" })
        let customers = rows(.customers, "200")
        #expect(customers.map { $0["site_number"]! } == ["500", "502"])
        #expect(customers[0]["last_order_date"] == "2026-06-01" && customers[0]["orders"] == "3")
        #expect(customers[0]["active_lines"] == "2" && customers[0]["next_renewal_date"] == "2027-01-01")
    }

    @Test func paeCustomersAndMoneyInTheirCurrency() {
        let r = rows(.customers, "300")
        #expect(r.map { $0["site_number"]! } == ["500", "501"])
        #expect(r[1]["enrollment_type"] == "PAE" && r[1]["agreement_number"] == "" && r[1]["anniversary_month"] == "")
        let summary = rows(.orderHistorySummary, "300")
        #expect(
            summary.map { "\($0["site_number"]!) \($0["year"]!) \($0["amount"]!) \($0["currency"]!)" }
                == ["500 2024 5800.00 USD", "501 2026 150000 JPY"])
    }

    @Test func everyCustomerFilter() {
        var f = CustomerFilters()
        f.country = ["JP"]
        #expect(rows(.customers, "300", filters: f).map { $0["site_number"]! } == ["501"])
        f = CustomerFilters()
        f.customerName = "CUST a"
        #expect(rows(.customers, "300", filters: f).map { $0["site_number"]! } == ["500"])
        f = CustomerFilters()
        f.siteName = "site b"
        #expect(rows(.customers, "300", filters: f).map { $0["site_number"]! } == ["501"])
        f = CustomerFilters()
        f.enrollmentType = ["PAE"]
        #expect(rows(.customers, "300", filters: f).map { $0["site_number"]! } == ["501"])
        f = CustomerFilters()
        f.anniversaryMonth = [3]
        f.agreementNumber = ["700"]
        f.siteNumber = ["500", "501"]
        #expect(rows(.customers, "300", filters: f).map { $0["site_number"]! } == ["500"])
        f = CustomerFilters()
        f.quoteNumber = ["Q-1"]
        #expect(rows(.renewals, "200", filters: f).map { $0["order_number"]! } == ["O-1"])
        #expect(rows(.customers, "200", filters: f).count == 2, "quoteNumber is ignored by customers")
    }

    @Test func renewalQuotesGroupByResellerCustomerAndDueDate() {
        let r = rows(.renewalQuotes, "100", params: ["quoteDays": .integer(365)])
        #expect(
            r.map { $0["quote_id"]! } == [
                "RQ-200-500-20270101", "RQ-200-500-20270101", "RQ-200-502-20270110", "RQ-400-502-20271120"
            ])
        #expect(r[0]["quote_line"] == "1" && r[0]["order_number"] == "O-1" && r[1]["order_number"] == "O-2")
        #expect(r[0]["quote_total"] == "1650.00" && r[0]["quote_lines"] == "2" && r[0]["quote_complete"] == "Y")
        #expect(r[3]["quote_complete"] == "N" && r[3]["quote_total"] == "0.000" && r[3]["quote_date"] == "2026-11-29")
    }

    @Test func renewalsSummaryPerMonthAndCurrency() {
        #expect(rows(.renewalsSummary, "100").count == 2, "2027-11 is after the 12 months from 2026-11")
        let r = rows(.renewalsSummary, "100", params: ["months": .integer(13)])
        #expect(
            r.map {
                "\($0["month"]!) \($0["currency"]!) \($0["lines"]!) \($0["priced_lines"]!) \($0["renewal_amount"]!) \($0["missing_prices"]!) \($0["saas_lines"]!)"
            }
                == ["2027-01 KWD 1 1 24.690 0 0", "2027-01 USD 2 2 1650.00 0 0", "2027-11 KWD 1 0 0.000 1 1"])
        var f = CustomerFilters()
        f.country = ["US"]
        #expect(rows(.renewalsSummary, "100", filters: f).map { $0["month"]! } == ["2027-01"])
    }

    @Test func inventorySumsActiveLinesPerPart() {
        let r = rows(.inventory, "200")
        #expect(
            r.map {
                "\($0["site_number"]!) \($0["part_number"]!) \($0["quantity"]!) \($0["lines"]!) \($0["earliest_coverage_end"]!)"
            }
                == ["500 LIC0001 15 2 2026-12-31", "502 LIC0001 2 1 2027-01-09"])
    }

    @Test func isolationCheckCatchesAForeignRow() {
        let check = IsolationCheck(scenario.data, asOf: scenario.asOf).forSite(scenario.site("300"))
        let spec = ReportID.orderHistoryDetail.spec
        let own = ReportRegistry.rows(
            .orderHistoryDetail,
            ReportInput(
                view: scenario, site: scenario.site("300"), params: ReportParams(.orderHistoryDetail),
                filters: CustomerFilters()))
        #expect(own.allSatisfy { check.breach(spec, $0.values) == nil })
        let foreign = ReportRegistry.rows(
            .orderHistoryDetail,
            ReportInput(
                view: scenario, site: scenario.site("200"), params: ReportParams(.orderHistoryDetail),
                filters: CustomerFilters()))
        #expect(foreign.contains { check.breach(spec, $0.values) != nil })
    }
}
