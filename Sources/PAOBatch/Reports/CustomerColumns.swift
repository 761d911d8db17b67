/// Column values that come from the customers, parts and resellers feeds.
extension AsOfView {
    func resellerName(_ i: Int32) -> String { data.resellers[Int(i)].name }
    func resellerSite(_ i: Int32) -> String { data.resellers[Int(i)].site }
    func partNumber(_ i: Int32?) -> String { i.map { data.parts[Int($0)].number } ?? "" }
    func partDescription(_ i: Int32?) -> String { i.map { data.parts[Int($0)].description } ?? "" }
    func subscriptionId(_ i: Int32?) -> String { i.map { data.subscriptions[Int($0)] } ?? "" }
    /// The amount paid for a line: quantity × unit price.
    func amount(_ l: Line) -> Money { Money(l.quantity) * l.unitPrice }
}
