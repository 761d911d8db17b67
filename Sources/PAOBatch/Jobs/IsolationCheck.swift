/// The isolation check of SPEC §8, built from the feeds on its own (not from the report code):
/// every row of a site's files must name only related customers, in-scope resellers and in-scope
/// lines, and only the site's own contacts (SPEC §14).
final class IsolationCheck: @unchecked Sendable {
    private let data: Dataset
    /// Entries are customer and reseller indexes (site numbers are unique in accepted records).
    private let customerBySite: StringKeyIndex
    private let resellerBySite: StringKeyIndex
    /// The resellers with a visible line of each customer.
    private let sellersOfCustomer: [[Int32]]
    private var lineIndex: KeyIndex
    private let visible: [Bool]
    /// Each reseller site's contacts' user ids.
    private let contactsOfSite: [Set<String>]

    init(_ data: Dataset, asOf: Day) {
        self.data = data
        var customers = StringKeyIndex(), resellers = StringKeyIndex()
        for c in data.customers { customers.insert(c.siteNumber) }
        for r in data.resellers { resellers.insert(r.site) }
        customerBySite = customers
        resellerBySite = resellers
        var sellers = [Set<Int32>](repeating: [], count: data.customers.count)
        var visible = [Bool](repeating: false, count: data.lines.count)
        for (i, line) in data.lines.enumerated() where line.orderDate <= asOf {
            sellers[Int(line.customer)].insert(line.reseller)
            visible[i] = true
        }
        sellersOfCustomer = sellers.map { Array($0) }
        var contacts = [Set<String>](repeating: [], count: data.resellers.count)
        for contact in data.contacts { contacts[Int(contact.reseller)].insert(contact.userId) }
        contactsOfSite = contacts
        self.visible = visible
        // Sized at once: a growing index briefly holds its old and new slots.
        lineIndex = KeyIndex(capacity: data.lines.count)
        for (i, line) in data.lines.enumerated() {
            lineIndex.insert(KeyIndex.hash(line.orderNumber.utf8, seed: UInt64(line.lineNumber)), Int32(i))
        }
    }

    /// Checks rows for one site; `breach` describes the first row that must not be there.
    struct SiteCheck {
        let check: IsolationCheck
        let site: String
        let siteIndex: Int32
        /// Per reseller: whether it is in the site's scope.
        let inScope: [Bool]

        private func scope(_ reseller: Int32) -> Bool { inScope[Int(reseller)] }

        func breach(_ spec: ReportSpec, _ row: [Cell]) -> String? {
            breach(Columns(spec), row)
        }

        /// Where the checked columns are in a report's rows.
        struct Columns {
            let reseller, customer, order, line, user: Int?

            init(_ spec: ReportSpec) {
                reseller = spec.columns.firstIndex(of: "reseller_site")
                customer = spec.columns.firstIndex(of: "site_number")
                order = spec.columns.firstIndex(of: "order_number")
                line = spec.columns.firstIndex(of: "line_number")
                user = spec.columns.firstIndex(of: "user_id")
            }
        }

        func breach(_ columns: Columns, _ row: [Cell]) -> String? {
            let c = check
            func column(_ index: Int?) -> String? { index.map { row[$0].printed } }
            if let s = column(columns.reseller) {
                guard let r = c.resellerBySite.find(s), scope(r) else { return "reseller \(s) is not in scope" }
            }
            if let s = column(columns.customer) {
                guard let customer = c.customerBySite.find(s), c.sellersOfCustomer[Int(customer)].contains(where: scope)
                else {
                    return "customer \(s) is not related"
                }
            }
            if let order = column(columns.order), let lineIndex = columns.line,
                case .integer(let number) = row[lineIndex],
                let n = Int32(exactly: number)
            {
                let found = c.lineIndex.find(KeyIndex.hash(order.utf8, seed: UInt64(n))) { i in
                    c.data.lines[Int(i)].orderNumber == order && c.data.lines[Int(i)].lineNumber == n
                }
                guard let i = found, c.visible[Int(i)], scope(c.data.lines[Int(i)].reseller) else {
                    return "line \(order)/\(n) is not in scope"
                }
            }
            if let user = column(columns.user), !c.contactsOfSite[Int(siteIndex)].contains(user) {
                return "contact \(user) is not the site's own"
            }
            return nil
        }
    }

    func forSite(_ site: Int32) -> SiteCheck {
        var inScope = [Bool](repeating: false, count: data.resellers.count)
        inScope[Int(site)] = true
        for (i, r) in data.resellers.enumerated() where r.distributor == site { inScope[i] = true }
        return SiteCheck(check: self, site: data.resellers[Int(site)].site, siteIndex: site, inScope: inScope)
    }
}
