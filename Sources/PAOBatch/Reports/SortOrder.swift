/// Orders by the first of several comparisons (-1, 0, 1) that is not 0.
@inline(__always)
func ordered(_ comparisons: Int...) -> Bool {
    for c in comparisons where c != 0 { return c < 0 }
    return false
}

extension AsOfView {
    /// Lines in (order_number, line_number) order: -1, 0 or 1.
    func compareOrderLine(_ a: Int32, _ b: Int32) -> Int {
        let x = line(a), y = line(b)
        let byOrder = compareText(x.orderNumber, y.orderNumber)
        return byOrder != 0 ? byOrder : compareValues(x.lineNumber, y.lineNumber)
    }

    /// Lines in (order_date, order_number, line_number) order: "first" lines.
    func orderedFirst(_ a: Int32, _ b: Int32) -> Bool {
        ordered(compareValues(line(a).orderDate, line(b).orderDate), compareOrderLine(a, b))
    }

    /// Lines in (coverage_end, site_number, order_number, line_number) order.
    func orderedByEndAndSite(_ a: Int32, _ b: Int32) -> Bool {
        let x = line(a), y = line(b)
        return ordered(compareValues(x.coverageEnd!, y.coverageEnd!),
                       compareText(customer(x.customer).siteNumber, customer(y.customer).siteNumber), compareOrderLine(a, b))
    }
}
