import Testing
@testable import PAOBatch

/// One bad record, the reject it must give.
struct RejectCase: CustomTestStringConvertible, Sendable {
    var file: String
    var record: String
    var code: RejectCode?
    var field: String

    var testDescription: String { "\(file): \(record.prefix(60)) -> \(code?.rawValue ?? "accepted") \(field)" }
}

private func r(_ file: String, _ record: String, _ code: RejectCode?, _ field: String = "") -> RejectCase {
    RejectCase(file: file, record: record, code: code, field: field)
}

private let long = String(repeating: "x", count: 4097)

/// A contacts record of site 100 with `changes` (column index: value) applied.
private func contact(_ changes: [Int: String] = [:]) -> String {
    var fields = [
        "100", "u1@d1.example.com", "Una User", "u1@d1.example.com", "USER", "REPORTING|PGS", "ACTIVE", "2026-02-01",
        "2026-02-03", "admin@d1.example.com"
    ]
    for (i, v) in changes { fields[i] = v }
    return fields.joined(separator: ",")
}

private let cases: [RejectCase] = [
    // contacts (SPEC §14)
    r("contacts.csv", contact(), nil),
    r("contacts.csv", contact([5: "PGS|REPORTING", 4: "SECONDARY"]), nil),
    r("contacts.csv", contact([0: "200", 9: "u1@d1.example.com"]), nil),
    r("contacts.csv", contact([6: "PENDING", 8: "", 9: ""]), nil),
    r("contacts.csv", "100,u1@d1.example.com,Una", .MALFORMED_RECORD),
    r("contacts.csv", contact([2: ""]), .MISSING_FIELD, "name"),
    r("contacts.csv", contact([2: "Una\u{7}"]), .BAD_TEXT, "name"),
    r("contacts.csv", contact([2: String(repeating: "n", count: 4097)]), .FIELD_TOO_LONG, "name"),
    r("contacts.csv", contact([0: "1O0"]), .BAD_ID, "reseller_site"),
    r("contacts.csv", contact([1: "U1@d1.example.com"]), .BAD_ID, "user_id"),
    r("contacts.csv", contact([3: "u1@localhost"]), .BAD_ID, "email"),
    r("contacts.csv", contact([4: "ADMIN"]), .BAD_ENUM, "role"),
    r("contacts.csv", contact([5: "REPORTING|ADMIN"]), .BAD_ENUM, "privileges"),
    r("contacts.csv", contact([5: "REPORTING|"]), .BAD_ENUM, "privileges"),
    r("contacts.csv", contact([6: "OPEN"]), .BAD_ENUM, "status"),
    r("contacts.csv", contact([7: "2026-02-30"]), .BAD_DATE, "requested_date"),
    r("contacts.csv", contact([8: "", 9: ""]), .MISSING_FIELD, "decided_date"),
    r("contacts.csv", contact([9: ""]), .MISSING_FIELD, "decided_by"),
    r("contacts.csv", contact([5: "PQO|PGS|PQO"]), .BAD_VALUE, "privileges"),
    r("contacts.csv", contact([6: "PENDING"]), .BAD_VALUE, "decided_date"),
    r("contacts.csv", contact([6: "PENDING", 8: ""]), .BAD_VALUE, "decided_by"),
    r("contacts.csv", contact([8: "2026-01-31"]), .BAD_RANGE, "decided_date"),
    r("contacts.csv", contact([0: "999"]), .UNKNOWN_REFERENCE, "reseller_site"),
    r("contacts.csv", contact([9: "nobody@d1.example.com"]), .UNKNOWN_REFERENCE, "decided_by"),
    r("contacts.csv", contact([0: "200"]), .UNKNOWN_REFERENCE, "decided_by"),
    r("contacts.csv", contact([1: "admin@d1.example.com"]), .DUPLICATE_KEY, "reseller_site"),
    // resellers
    r("resellers.csv", "300,X,RESELLER,,US", .MALFORMED_RECORD),
    r("resellers.csv", "300,X,RESELLER,,US,ACTIVE,extra", .MALFORMED_RECORD),
    r("resellers.csv", "300,\"X\"y,RESELLER,,US,ACTIVE", .MALFORMED_RECORD),
    r("resellers.csv", "300,,RESELLER,,US,ACTIVE", .MISSING_FIELD, "reseller_name"),
    r("resellers.csv", "300,  \t ,RESELLER,,US,ACTIVE", .MISSING_FIELD, "reseller_name"),
    r("resellers.csv", "300,A\u{1}B,RESELLER,,US,ACTIVE", .BAD_TEXT, "reseller_name"),
    r("resellers.csv", "300,A\u{7F}B,RESELLER,,US,ACTIVE", .BAD_TEXT, "reseller_name"),
    r("resellers.csv", "300,\"A\nB\",RESELLER,,US,ACTIVE", .BAD_TEXT, "reseller_name"),
    r("resellers.csv", "300,A\u{FFFE},RESELLER,,US,ACTIVE", .BAD_TEXT, "reseller_name"),
    r("resellers.csv", "300,\(long),RESELLER,,US,ACTIVE", .FIELD_TOO_LONG, "reseller_name"),
    r("resellers.csv", "300,\(long.dropLast()),RESELLER,,US,ACTIVE", nil),
    r("resellers.csv", "3a0,,RESELLER,,US,ACTIVE", .BAD_ID, "reseller_site"),
    r("resellers.csv", "12345678901,X,RESELLER,,US,ACTIVE", .BAD_ID, "reseller_site"),
    r("resellers.csv", "300,X,VENDOR,,US,ACTIVE", .BAD_ENUM, "role"),
    r("resellers.csv", "300,X,RESELLER,,XX,ACTIVE", .BAD_ENUM, "country"),
    r("resellers.csv", "300,X,RESELLER,,US,active", .BAD_ENUM, "status"),
    r("resellers.csv", "300,X,DISTRIBUTOR,100,US,ACTIVE", .BAD_VALUE, "distributor_site"),
    r("resellers.csv", "300,X,RESELLER,200,US,ACTIVE", .UNKNOWN_REFERENCE, "distributor_site"),
    r("resellers.csv", "300,X,RESELLER,999,US,ACTIVE", .UNKNOWN_REFERENCE, "distributor_site"),
    r("resellers.csv", "200,X,RESELLER,,US,ACTIVE", .DUPLICATE_KEY, "reseller_site"),
    r("resellers.csv", " 300 , X ,RESELLER,,US,SUSPENDED", nil),
    // customers
    r("customers.csv", "502,S,902,,C,US,USD,PA,ORIGINATING,D,3", .MISSING_FIELD, "agreement_number"),
    r("customers.csv", "502,S,902,702,C,US,USD,PA,,D,3", .MISSING_FIELD, "site_role"),
    r("customers.csv", "502,S,902,,C,US,USD,PAE,ADDITIONAL,BL,", .BAD_VALUE, "site_role"),
    r("customers.csv", "502,S,902,,C,US,USD,PAE,,D,", .BAD_VALUE, "price_level"),
    r("customers.csv", "502,S,902,,C,US,USD,PAE,,BL,4", .BAD_VALUE, "anniversary_month"),
    r("customers.csv", "502,S,902,702,C,US,USD,PA,ORIGINATING,D,", .MISSING_FIELD, "anniversary_month"),
    r("customers.csv", "502,S,902,702,C,US,USD,PA,ORIGINATING,D,13", .BAD_RANGE, "anniversary_month"),
    r("customers.csv", "502,S,902,702,C,US,USD,PA,ORIGINATING,D,0", .BAD_RANGE, "anniversary_month"),
    r("customers.csv", "502,S,902,702,C,US,USD,PA,ORIGINATING,D,+3", .BAD_NUMBER, "anniversary_month"),
    r("customers.csv", "502,S,902,702,C,US,usd,PA,ORIGINATING,D,3", .BAD_ENUM, "currency"),
    r("customers.csv", "502,S,902,702,C,US,USD,PA,ORIGINATING,X,3", .BAD_ENUM, "price_level"),
    r("customers.csv", "500,S,902,702,C,US,USD,PA,ORIGINATING,D,3", .DUPLICATE_KEY, "site_number"),
    r("customers.csv", "502,S,902,702,C,US,USD,PA,ORIGINATING,D,03", nil),
    // parts
    r("parts.csv", "LIC0002,L,P,N,M,LICENSE_SS,24,REN0001,,", .BAD_VALUE, "term_months"),
    r("parts.csv", "LIC0002,L,P,N,M,LICENSE_SS,61,REN0001,,", .BAD_RANGE, "term_months"),
    r("parts.csv", "LIC0002,L,P,N,M,LICENSE_SS,x,REN0001,,", .BAD_NUMBER, "term_months"),
    r("parts.csv", "CTL0001,C,P,N,M,CTL,36,,,", .MISSING_FIELD, "renewal_part"),
    r("parts.csv", "MON0001,C,P,N,M,MONTHLY,1,,RNS0001,", .BAD_VALUE, "reinstatement_part"),
    r("parts.csv", "LIC0002,L,P,N,M,LICENSE_SS,12,REN0001,,OVR0001", .BAD_VALUE, "overage_part"),
    r("parts.csv", "LIC0002,L,P,N,M,LICENSE_SS,12,LIC0001,,", .UNKNOWN_REFERENCE, "renewal_part"),
    r("parts.csv", "LIC0002,L,P,N,M,LICENSE_SS,12,REN0001,LIC0001,", .UNKNOWN_REFERENCE, "reinstatement_part"),
    r("parts.csv", "SAS0002,L,P,N,M,SAAS,12,SAS0002,,LIC0001", .UNKNOWN_REFERENCE, "overage_part"),
    r("parts.csv", "lic0002,L,P,N,M,LICENSE_SS,12,REN0001,,", .BAD_ID, "part_number"),
    r("parts.csv", "LIC0002,L,P,N,M,LICENSE,12,REN0001,,", .BAD_ENUM, "part_type"),
    r("parts.csv", "LIC0001,L,P,N,M,LICENSE_SS,12,REN0001,,", .DUPLICATE_KEY, "part_number"),
    r("parts.csv", "MON0001,C,P,N,M,MONTHLY,1,NOPART1,,", nil),
    // prices
    r("prices.csv", "NOPART1,US,USD,D,1.00,2026-01-01,", .UNKNOWN_REFERENCE, "part_number"),
    r("prices.csv", "not a part,US,USD,D,1.00,2026-01-01,", .UNKNOWN_REFERENCE, "part_number"),
    r("prices.csv", "LIC0001,JP,JPY,D,100.0,2026-01-01,", .BAD_NUMBER, "unit_price"),
    r("prices.csv", "LIC0001,JP,JPY,D,100,2026-01-01,", nil),
    r("prices.csv", "LIC0001,KW,KWD,D,1.2345,2026-01-01,", .BAD_NUMBER, "unit_price"),
    r("prices.csv", "LIC0001,KW,KWD,D,1.234,2026-01-01,", nil),
    r("prices.csv", "LIC0001,US,USD,D,1.,2026-07-01,", .BAD_NUMBER, "unit_price"),
    r("prices.csv", "LIC0001,US,USD,D,1e3,2026-07-01,", .BAD_NUMBER, "unit_price"),
    r("prices.csv", "LIC0001,US,USD,D,-1,2026-07-01,", .BAD_RANGE, "unit_price"),
    r("prices.csv", "LIC0001,US,USD,D,1234567890123456,2026-07-01,", .BAD_RANGE, "unit_price"),
    r("prices.csv", "LIC0001,US,USD,D,123456789012345.12,2026-07-01,", nil),
    r("prices.csv", "LIC0001,US,USD,D,1.00,2026-07-01,2026-06-30", .BAD_RANGE, "effective_to"),
    r("prices.csv", "LIC0001,US,USD,D,1.00,2026-02-29,", .BAD_DATE, "effective_from"),
    r("prices.csv", "LIC0001,US,USD,D,1.00,2026-7-01,", .BAD_DATE, "effective_from"),
    r("prices.csv", "LIC0001,US,USD,D,1.00,0000-01-01,", .BAD_DATE, "effective_from"),
    r("prices.csv", "LIC0001,US,USD,D,1.00,2026-06-30,", .OVERLAP, "effective_from"),
    r("prices.csv", "LIC0001,US,USD,D,1.00,2025-01-01,2026-01-01", .OVERLAP, "effective_from"),
    r("prices.csv", "LIC0001,US,USD,D,1.00,2026-07-01,", nil),
    r("prices.csv", "LIC0001,US,USD,E,1.00,2026-06-30,", nil),
    // transactions
    r(
        "transactions.csv", "O-3,1,2026-01-01,200,500,,LIC0001,5,100.00,EUR,2026-01-01,2026-12-31,", .CURRENCY_MISMATCH,
        "currency"),
    r(
        "transactions.csv", "O-3,1,2026-01-01,200,500,,LIC0001,5,100.00,USD,2026-01-01,2026-12-31,SUB-9", .BAD_VALUE,
        "subscription_id"),
    r(
        "transactions.csv", "O-3,1,2026-01-01,200,500,,SAS0001,5,100.00,USD,2026-01-01,2026-12-31,", .MISSING_FIELD,
        "subscription_id"),
    r(
        "transactions.csv", "O-3,1,2026-01-01,200,500,,LIC0001,5,100.00,USD,,2026-12-31,", .MISSING_FIELD,
        "coverage_start"),
    r(
        "transactions.csv", "O-3,1,2026-01-01,200,500,,LIC0001,5,100.00,USD,2026-01-01,,", .MISSING_FIELD,
        "coverage_end"),
    r("transactions.csv", "O-3,1,2026-01-01,200,500,,OVR0001,5,1.00,USD,,,SUB-1", nil),
    r(
        "transactions.csv", "O-3,1,2026-01-01,200,500,,LIC0001,5,100.00,USD,2026-01-01,2025-12-31,", .BAD_RANGE,
        "coverage_end"),
    r(
        "transactions.csv", "O-3,1,2026-01-01,999,500,,LIC0001,5,100.00,USD,2026-01-01,2026-12-31,", .UNKNOWN_REFERENCE,
        "reseller_site"),
    r(
        "transactions.csv", "O-3,1,2026-01-01,a b,500,,LIC0001,5,100.00,USD,2026-01-01,2026-12-31,", .UNKNOWN_REFERENCE,
        "reseller_site"),
    r(
        "transactions.csv", "O-3,1,2026-01-01,200,599,,LIC0001,5,100.00,USD,2026-01-01,2026-12-31,", .UNKNOWN_REFERENCE,
        "customer_site"),
    r(
        "transactions.csv", "O-3,1,2026-01-01,200,500,,NOPART1,5,100.00,USD,2026-01-01,2026-12-31,", .UNKNOWN_REFERENCE,
        "part_number"),
    r(
        "transactions.csv", "O-1,1,2026-01-01,200,500,,LIC0001,5,100.00,USD,2026-01-01,2026-12-31,", .DUPLICATE_KEY,
        "order_number"),
    r("transactions.csv", "O-1,2,2026-01-01,200,500,,LIC0001,5,100.00,USD,2026-01-01,2026-12-31,", nil),
    r(
        "transactions.csv", "O-3,1,2026-01-01,200,501,,SAS0001,5,100,JPY,2026-01-01,2026-12-31,SUB-1",
        .SUBSCRIPTION_CONFLICT, "subscription_id"),
    r(
        "transactions.csv", "O-3,1,2026-01-01,200,501,,LIC0001,5,1.5,JPY,2026-01-01,2026-12-31,", .BAD_NUMBER,
        "unit_price"),
    r(
        "transactions.csv", "O-3,1,2026-01-01,200,501,,LIC0001,5,1.555,ZZZ,2026-01-01,2026-12-31,", .BAD_ENUM,
        "currency"),
    r(
        "transactions.csv", "O-3,1,2026-01-01,200,500,,LIC0001,0,100.00,USD,2026-01-01,2026-12-31,", .BAD_RANGE,
        "quantity"),
    r(
        "transactions.csv", "O-3,1,2026-01-01,200,500,,LIC0001,1000000001,100.00,USD,2026-01-01,2026-12-31,",
        .BAD_RANGE, "quantity"),
    r(
        "transactions.csv", "O-3,1.5,2026-01-01,200,500,,LIC0001,5,100.00,USD,2026-01-01,2026-12-31,", .BAD_NUMBER,
        "line_number"),
    r(
        "transactions.csv", "O-3,100000,2026-01-01,200,500,,LIC0001,5,100.00,USD,2026-01-01,2026-12-31,", .BAD_RANGE,
        "line_number"),
    r(
        "transactions.csv", "O_3,1,2026-01-01,200,500,,LIC0001,5,100.00,USD,2026-01-01,2026-12-31,", .BAD_ID,
        "order_number"),
    r(
        "transactions.csv", "O-3,1,2026-01-01,200,500,Q 1,LIC0001,5,100.00,USD,2026-01-01,2026-12-31,", .BAD_ID,
        "quote_number"),
    r(
        "transactions.csv", "O-3,1,2026-01-01,200,500,,SAS0001,5,1.00,USD,2026-01-01,2026-12-31,SUB_2", .BAD_ID,
        "subscription_id"),
    r("transactions.csv", "O-3,1,,200,500,,LIC0001,5,100.00,USD,2026-01-01,2026-12-31,", .MISSING_FIELD, "order_date"),
    // saas_usage
    r("saas_usage.csv", "SUB-9,2026-05,7,N,", .UNKNOWN_REFERENCE, "subscription_id"),
    r("saas_usage.csv", "SUB-1,2026-06,7,Y,", .MISSING_FIELD, "suppression_reason"),
    r("saas_usage.csv", "SUB-1,2026-13,7,N,", .BAD_DATE, "period"),
    r("saas_usage.csv", "SUB-1,2026-06-01,7,N,", .BAD_DATE, "period"),
    r("saas_usage.csv", "SUB-1,2026-06,-7,N,", .BAD_NUMBER, "used_quantity"),
    r("saas_usage.csv", "SUB-1,2026-06,7,y,", .BAD_ENUM, "overage_suppressed"),
    r("saas_usage.csv", "SUB-1,2026-05,8,N,", .DUPLICATE_KEY, "subscription_id"),
    r("saas_usage.csv", "SUB-1,2026-06,0,N,", nil),
    // saas_provisioning
    r("saas_provisioning.xml", "<form id=\"SUB-1\"/>", .MALFORMED_RECORD),
    r("saas_provisioning.xml", "<subscription><event status=\"DONE\"/></subscription>", .MISSING_FIELD, "id"),
    r("saas_provisioning.xml", "<subscription id=\"SUB 1\"/>", .BAD_ID, "id"),
    r(
        "saas_provisioning.xml", "<subscription id=\"SUB-2\"><event date=\"2026-01-01\"/></subscription>",
        .MISSING_FIELD, "event@status"),
    r(
        "saas_provisioning.xml",
        "<subscription id=\"SUB-2\"><event status=\"DONE\" date=\"2026-01-01\"/></subscription>", .BAD_ENUM,
        "event@status"),
    r(
        "saas_provisioning.xml", "<subscription id=\"SUB-2\"><event status=\"PENDING\"/></subscription>",
        .MISSING_FIELD, "event@date"),
    r(
        "saas_provisioning.xml",
        "<subscription id=\"SUB-2\"><event status=\"PENDING\" date=\"2026-02-30\"/></subscription>", .BAD_DATE,
        "event@date"),
    r(
        "saas_provisioning.xml", "<subscription id=\"SUB-2\"><element>v</element></subscription>", .MISSING_FIELD,
        "element@name"),
    r(
        "saas_provisioning.xml", "<subscription id=\"SUB-2\"><element name=\"Admin\">v</element></subscription>",
        .BAD_ID, "element@name"),
    r(
        "saas_provisioning.xml", "<subscription id=\"SUB-2\"><element name=\"a\">x&#10;y</element></subscription>",
        .BAD_TEXT, "element[a]"),
    r(
        "saas_provisioning.xml", "<subscription id=\"SUB-2\"><element name=\"a\">\(long)</element></subscription>",
        .FIELD_TOO_LONG, "element[a]"),
    r(
        "saas_provisioning.xml", "<subscription id=\"SUB-2\"><element name=\"a\"><b/></element></subscription>",
        .MALFORMED_RECORD),
    r(
        "saas_provisioning.xml", "<subscription id=\"SUB-2\"><element name=\"a\">v</element></subscription>",
        .UNKNOWN_REFERENCE, "id"),
    r("saas_provisioning.xml", "<subscription id=\"SUB-1\"/>", .DUPLICATE_KEY, "id")
]

@Suite struct RejectCodeTests {
    @Test(arguments: cases)
    func recordGivesItsReject(_ c: RejectCase) {
        var fixture = FeedFixture()
        if c.file == "contacts.csv" { fixture.append(c.file, FeedFixture.admin) }
        let line = fixture.lineCount(c.file) + 1
        fixture.append(c.file, c.record)
        let result = fixture.load()
        #expect(result.failure == nil)
        if let code = c.code {
            #expect(result.rejects.count == 1)
            let reject = result.rejects.first
            #expect(reject?.code == code)
            #expect(reject?.field == c.field)
            #expect(reject?.line == line)
            #expect(reject?.feed == String(c.file.split(separator: ".")[0]))
            #expect(reject?.file == c.file)
            #expect(!(reject?.raw.isEmpty ?? true))
        } else {
            #expect(result.rejects.isEmpty, "\(result.rejects.map { "\($0.code) \($0.field) \($0.message)" })")
        }
    }

    @Test func everyCodeIsCovered() {
        let covered = Set(cases.compactMap(\.code))
        #expect(covered == Set(RejectCode.allCases))
    }

    @Test func decidersAreResolvedAfterTheFeedUntilNothingChanges() {
        var fixture = FeedFixture()
        fixture.append("contacts.csv", FeedFixture.admin)
        // Decided by a later record (fine), and a chain whose last decider does not exist.
        fixture.append("contacts.csv", contact([1: "early@d1.example.com", 9: "late@d1.example.com"]))
        fixture.append("contacts.csv", contact([1: "late@d1.example.com"]))
        fixture.append("contacts.csv", contact([1: "a@d1.example.com", 9: "b@d1.example.com"]))
        fixture.append("contacts.csv", contact([1: "b@d1.example.com", 9: "ghost@d1.example.com"]))
        let result = fixture.load()
        #expect(result.rejects.map(\.line) == [5, 6])
        #expect(result.rejects.allSatisfy { $0.code == .UNKNOWN_REFERENCE && $0.field == "decided_by" })
        #expect(
            result.dataset.contacts.map(\.userId) == [
                "admin@d1.example.com", "early@d1.example.com", "late@d1.example.com"
            ])
    }

    /// A price overlapping several accepted ones names the first of them in feed order.
    @Test func anOverlapNamesTheFirstAcceptedPrice() {
        var fixture = FeedFixture()
        for range in [
            "2026-01-01,2026-03-31", "2026-05-01,2026-06-30", "2026-02-01,2026-05-15", "2026-04-01,2026-04-30",
            "2026-04-15,2026-06-01"
        ] {
            fixture.append("prices.csv", "LIC0001,US,USD,E,1.00,\(range)")
        }
        let result = fixture.load()
        #expect(result.rejects.map(\.code) == [.OVERLAP, .OVERLAP])
        #expect(result.rejects.first?.message.contains("from 2026-01-01") == true)
        #expect(result.rejects.last?.message.contains("from 2026-05-01") == true)
    }

    @Test func partReferencesAreResolvedUntilNothingChanges() {
        var fixture = FeedFixture()
        fixture.append("parts.csv", "LIC0009,L,P,N,M,LICENSE_SS,12,REN0009,,")
        fixture.append("parts.csv", "REN0009,R,P,N,M,SS_RENEWAL,12,REN0009,RNS0009,")
        let result = fixture.load()
        #expect(result.rejects.map(\.field) == ["renewal_part", "reinstatement_part"])
        #expect(result.rejects.allSatisfy { $0.code == .UNKNOWN_REFERENCE })
        #expect(result.dataset.parts.count == 5)
    }

    @Test func rawTextOfAnXMLRecordIsItsSource() {
        var fixture = FeedFixture()
        fixture.append(
            "saas_provisioning.xml",
            "  <subscription id=\"SUB-9\">\n    <event status=\"PENDING\" date=\"2026-01-01\"/>\n  </subscription>")
        let result = fixture.load()
        #expect(result.rejects.count == 1)
        #expect(
            String(decoding: result.rejects[0].raw, as: UTF8.self)
                == "<subscription id=\"SUB-9\">\n    <event status=\"PENDING\" date=\"2026-01-01\"/>\n  </subscription>"
        )
        #expect(result.rejects[0].line == 3)
    }

    @Test func rejectsComeInLineOrderPerFeed() {
        var fixture = FeedFixture()
        fixture.append("resellers.csv", "300,X,RESELLER,999,US,ACTIVE")
        fixture.append("resellers.csv", "300,X,RESELLER,,US,ACTIVE")
        fixture.append("resellers.csv", "301,,RESELLER,,US,ACTIVE")
        let result = fixture.load()
        #expect(result.rejects.map(\.line) == [4, 5, 6])
        #expect(result.rejects.map(\.code) == [.UNKNOWN_REFERENCE, .DUPLICATE_KEY, .MISSING_FIELD])
    }
}
