import Foundation
import Testing
@testable import PAOBatch

/// Hand-computed site-contacts and access-requests (SPEC §14) as of 2026-03-10.
@Suite struct ContactReportTests {
    private func rows(_ report: ReportID, _ view: AsOfView, site: String, params: [String: ParamValue] = [:])
        -> [String]
    {
        ReportRegistry.rows(
            report,
            ReportInput(
                view: view, site: view.site(site), params: ReportParams(report, params), filters: CustomerFilters())
        ).map { $0.values.map(\.printed).joined(separator: ",") }
    }

    private var fixture: FeedFixture {
        var f = FeedFixture()
        f.append("resellers.csv", "300,No Contacts,RESELLER,,US,ACTIVE")
        f.append("contacts.csv", FeedFixture.admin)
        for record in [
            "100,zed@d1.example.com,Zed,zed@d1.example.com,USER,PGS|REPORTING,REMOVED,2026-01-05,2026-02-01,admin@d1.example.com",
            "100,bob@d1.example.com,Bob,bob@d1.example.com,SECONDARY,ORDERING,ACTIVE,2026-01-02,2026-01-03,admin@d1.example.com",
            "100,cat@d1.example.com,=Cat,cat@x.example.org,USER,,REJECTED,2026-01-04,2026-01-06,bob@d1.example.com",
            "100,dan@d1.example.com,Dan,dan@d1.example.com,USER,PQO|ORDERING,PENDING,2026-03-05,,",
            "100,eve@d1.example.com,Eve,eve@d1.example.com,USER,,PENDING,2026-03-04,,",
            "100,amy@d1.example.com,Amy,amy@d1.example.com,USER,REPORTING,ACTIVE,2026-01-02,2026-01-02,bob@d1.example.com",
            "100,fay@d1.example.com,Fay,fay@d1.example.com,USER,,PENDING,2026-03-11,,",
            "200,gus@r2.example.com,Gus,gus@r2.example.com,PRIMARY,REPORTING,PENDING,2026-03-01,,",
            "200,hal@r2.example.com,Hal,hal@r2.example.com,USER,,REJECTED,2026-02-01,2026-02-02,hal@r2.example.com"
        ] {
            f.append("contacts.csv", record)
        }
        return f
    }

    @Test func siteContactsListEveryStatusAndRoleInOrder() {
        let view = fixture.view(asOf: "2026-03-10")
        #expect(
            rows(.siteContacts, view, site: "100") == [
                "admin@d1.example.com,Ann Admin,admin@d1.example.com,PRIMARY,REPORTING,ACTIVE,2026-01-01,2026-01-01,"
                    + "admin@d1.example.com",
                "bob@d1.example.com,Bob,bob@d1.example.com,SECONDARY,ORDERING,ACTIVE,2026-01-02,2026-01-03,"
                    + "admin@d1.example.com",
                "amy@d1.example.com,Amy,amy@d1.example.com,USER,REPORTING,ACTIVE,2026-01-02,2026-01-02,bob@d1.example.com",
                "dan@d1.example.com,Dan,dan@d1.example.com,USER,ORDERING|PQO,PENDING,2026-03-05,,",
                "eve@d1.example.com,Eve,eve@d1.example.com,USER,,PENDING,2026-03-04,,",
                "cat@d1.example.com,=Cat,cat@x.example.org,USER,,REJECTED,2026-01-04,2026-01-06,bob@d1.example.com",
                "zed@d1.example.com,Zed,zed@d1.example.com,USER,REPORTING|PGS,REMOVED,2026-01-05,2026-02-01,"
                    + "admin@d1.example.com"
            ])
        // Not the distributor's resellers' contacts; nothing for a site without contacts.
        #expect(rows(.siteContacts, view, site: "200").count == 2)
        #expect(rows(.siteContacts, view, site: "300").isEmpty)
        #expect(rows(.accessRequests, view, site: "300").isEmpty)
    }

    @Test func accessRequestsAreOldestFirstWithApproversAndTheOverdueBoundary() {
        let view = fixture.view(asOf: "2026-03-10")
        // eve waits 6 days (> 5: overdue), dan 5 (not yet); fay asked after the as-of date.
        #expect(
            rows(.accessRequests, view, site: "100") == [
                "eve@d1.example.com,Eve,eve@d1.example.com,2026-03-04,6,admin@d1.example.com|bob@d1.example.com,Y",
                "dan@d1.example.com,Dan,dan@d1.example.com,2026-03-05,5,admin@d1.example.com|bob@d1.example.com,N"
            ])
        #expect(
            rows(.accessRequests, view, site: "100", params: ["overdueDays": .integer(6)]).map { $0.suffix(1) }
                == ["N", "N"])
        // Only pending requests and nobody to approve them.
        #expect(
            rows(.accessRequests, view, site: "200") == ["gus@r2.example.com,Gus,gus@r2.example.com,2026-03-01,9,,Y"])
    }

    @Test func aMissingContactsFeedGivesEmptyReports() {
        var f = FeedFixture()
        f.files["contacts.csv"] = nil
        let result = f.load()
        #expect(result.failure == nil && result.rejects.isEmpty && result.dataset.contacts.isEmpty)
        let view = AsOfView(result.dataset, asOf: Day(year: 2026, month: 3, day: 10))
        #expect(rows(.siteContacts, view, site: "100").isEmpty && rows(.accessRequests, view, site: "100").isEmpty)
        #expect(result.feeds.first { $0.feed == .contacts }?.file == nil)
    }

    @Test func theIsolationCheckRefusesAnotherSitesContact() {
        let result = fixture.load()
        let check = IsolationCheck(result.dataset, asOf: Day(year: 2026, month: 3, day: 10))
        let row: [Cell] = [
            .text("gus@r2.example.com"), .text("Gus"), .text("g@x.example.com"), .day(Day.max), .integer(1), .empty,
            .text("N")
        ]
        #expect(check.forSite(0).breach(ReportID.accessRequests.spec, row) != nil)
        #expect(check.forSite(1).breach(ReportID.accessRequests.spec, row) == nil)
    }
}
