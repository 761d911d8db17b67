extension AsOfView {
    /// The line's place in (order_number, line_number) order.
    @inline(__always)
    func orderRank(_ i: Int32) -> Int32 { ranks.orderLine[Int(i)] }

    /// The customer's place in site_number order.
    @inline(__always)
    func siteRank(_ customer: Int32) -> Int32 { ranks.customerSite[Int(customer)] }

    /// Lines in (order_date, order_number, line_number) order: "first" lines.
    func orderedFirst(_ a: Int32, _ b: Int32) -> Bool {
        (data.lines[Int(a)].orderDate, orderRank(a)) < (data.lines[Int(b)].orderDate, orderRank(b))
    }

    /// Lines in (coverage_end, site_number, order_number, line_number) order.
    func orderedByEndAndSite(_ a: Int32, _ b: Int32) -> Bool {
        func key(_ i: Int32) -> (Day, Int32, Int32) {
            let l = data.lines[Int(i)]
            return (l.coverageEnd!, siteRank(l.customer), orderRank(i))
        }
        return key(a) < key(b)
    }
}
