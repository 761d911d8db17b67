/// `site-contacts` and `access-requests` (SPEC §14): a site's own contacts, not its resellers'.
/// Customer filters do not apply (no row is about a customer).
enum ContactReports {
    /// Every contact of the site, sorted by status, role, then user_id.
    static func siteContacts(_ input: ReportInput) -> [ReportRow] {
        let view = input.view
        let contacts = view.contactsByReseller[Int(input.site)].map { view.data.contacts[Int($0)] }.sorted {
            ($0.status.order, $0.role.order) != ($1.status.order, $1.role.order)
                ? ($0.status.order, $0.role.order) < ($1.status.order, $1.role.order)
                : textLess($0.userId, $1.userId)
        }
        return contacts.map { c in
            row([
                .text(c.userId), .text(c.name), .text(c.email), .text(c.role.rawValue),
                .text(c.privileges.map(\.rawValue).joined(separator: "|")), .text(c.status.rawValue),
                .day(c.requested), .date(c.decided), .text(c.decidedBy ?? "")
            ])
        }
    }

    /// The site's pending requests, oldest first, with who may approve them and whether they are overdue.
    static func accessRequests(_ input: ReportInput) -> [ReportRow] {
        let view = input.view
        let overdueDays = input.params[.overdueDays]
        let contacts = view.contactsByReseller[Int(input.site)].map { view.data.contacts[Int($0)] }
        let approvers = contacts.filter { $0.status == .ACTIVE && $0.role != .USER }.map(\.userId).sorted(by: textLess)
            .joined(separator: "|")
        let pending = contacts.filter { $0.status == .PENDING }.sorted {
            $0.requested != $1.requested ? $0.requested < $1.requested : textLess($0.userId, $1.userId)
        }
        return pending.map { c in
            let days = view.asOf - c.requested
            return row([
                .text(c.userId), .text(c.name), .text(c.email), .day(c.requested), .number(days), .text(approvers),
                .yesNo(days > overdueDays)
            ])
        }
    }

    private static func row(_ values: [Cell]) -> ReportRow { ReportRow(customer: nil, quote: nil, values: values) }
}

extension ContactStatus {
    /// The place in the sort order: ACTIVE, PENDING, REJECTED, REMOVED.
    var order: Int { Self.allCases.firstIndex(of: self)! }
}

extension ContactRole {
    /// The place in the sort order: PRIMARY, SECONDARY, USER.
    var order: Int { Self.allCases.firstIndex(of: self)! }
}
