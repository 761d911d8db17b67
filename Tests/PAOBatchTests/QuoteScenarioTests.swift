import Testing
@testable import PAOBatch

/// Quotes and the summary with hand-computed answers as of 2026-11-29: distributor 100 with
/// resellers 200 and 300, both selling to customer 500.
private let quotes: AsOfView = {
    var f = FeedFixture()
    f.files["resellers.csv"] = """
        reseller_site,reseller_name,role,distributor_site,country,status
        100,Dist,DISTRIBUTOR,,US,ACTIVE
        200,Two,RESELLER,100,US,ACTIVE
        300,Three,RESELLER,100,US,ACTIVE

        """
    f.files["customers.csv"] = """
        site_number,site_name,customer_number,agreement_number,customer_name,country,currency,enrollment_type,site_role,price_level,anniversary_month
        500,Site A,900,700,Cust A,US,USD,PA,ORIGINATING,D,3
        501,Site B,901,,Cust B,JP,JPY,PAE,,BL,

        """
    f.files["parts.csv"] = """
        part_number,description,product_id,product_name,charge_metric,part_type,term_months,renewal_part,reinstatement_part,overage_part
        LIC0001,Lic,P1,Prod,User,LICENSE_SS,12,REN0001,,
        REN0001,Ren,P1,Prod,User,SS_RENEWAL,12,REN0001,,
        LIC0002,Lic2,P2,Prod2,User,LICENSE_SS,12,REN0002,,
        REN0002,Ren2,P2,Prod2,User,SS_RENEWAL,12,REN0002,,
        CTL0001,Ctl,P3,Prod3,VPC,CTL,12,CTL0001,,
        SAS0001,SaaS,P4,Prod4,User,SAAS,12,SAS0001,,

        """
    f.files["prices.csv"] = """
        part_number,country,currency,price_level,unit_price,effective_from,effective_to
        REN0001,US,USD,D,100.00,2020-01-01,
        CTL0001,US,USD,D,40.00,2020-01-01,
        SAS0001,JP,JPY,BL,700,2020-01-01,

        """
    f.files["transactions.csv"] = """
        order_number,line_number,order_date,reseller_site,customer_site,quote_number,part_number,quantity,unit_price,currency,coverage_start,coverage_end,subscription_id
        A-1,1,2026-01-01,200,500,,LIC0001,2,1.00,USD,2026-01-01,2026-12-31,
        A-1,2,2026-01-01,200,500,,LIC0002,3,1.00,USD,2026-01-01,2026-12-31,
        B-1,1,2026-01-01,300,500,,CTL0001,4,1.00,USD,2026-01-01,2026-12-31,CTL-1
        C-1,1,2026-01-15,200,500,,CTL0001,5,1.00,USD,2026-01-15,2027-01-14,CTL-2
        D-1,1,2026-01-15,200,501,,SAS0001,6,1,JPY,2026-01-15,2027-01-14,SUB-1

        """
    f.files["saas_usage.csv"] = "subscription_id,period,used_quantity,overage_suppressed,suppression_reason\n"
    f.files["saas_provisioning.xml"] = "<saas_provisioning>\n"
    return f.view(asOf: "2026-11-29")
}()

private func rows(_ report: ReportID, _ siteId: String) -> [[String: String]] {
    quotes.reportRows(report, site: siteId)
}

@Suite struct QuoteScenarioTests {
    @Test func quotesSplitByResellerAndDueDateAndMixPricedLines() {
        let r = rows(.renewalQuotes, "100")
        #expect(
            r.map {
                "\($0["quote_id"]!) \($0["quote_line"]!) \($0["order_number"]!)/\($0["line_number"]!) \($0["price_status"]!)"
            } == [
                "RQ-200-500-20270101 1 A-1/1 OK", "RQ-200-500-20270101 2 A-1/2 MISSING",
                "RQ-300-500-20270101 1 B-1/1 OK",
                "RQ-200-500-20270115 1 C-1/1 OK", "RQ-200-501-20270115 1 D-1/1 OK"
            ])
        // A quote mixing priced and unpriced lines: the total adds the priced ones only.
        #expect(r[0]["quote_total"] == "200.00" && r[0]["quote_complete"] == "N" && r[1]["renewal_amount"] == "")
        #expect(r[2]["quote_total"] == "160.00" && r[2]["quote_complete"] == "Y")
        #expect(r[4]["quote_total"] == "4200" && r[4]["currency"] == "JPY")
        #expect(rows(.renewalQuotes, "300").map { $0["quote_id"]! } == ["RQ-300-500-20270101"])
    }

    @Test func summaryMonthWithCTLAndSaaSInTwoCurrencies() {
        let r = rows(.renewalsSummary, "100")
        #expect(
            r.map {
                "\($0["month"]!) \($0["currency"]!) c\($0["customers"]!) l\($0["lines"]!) p\($0["priced_lines"]!) \($0["renewal_amount"]!) m\($0["missing_prices"]!) ctl\($0["ctl_lines"]!) saas\($0["saas_lines"]!)"
            } == [
                "2027-01 JPY c1 l1 p1 4200 m0 ctl0 saas1", "2027-01 USD c1 l4 p3 560.00 m1 ctl2 saas0"
            ])
    }
}
