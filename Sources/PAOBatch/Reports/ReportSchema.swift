/// The XSD of a report's XML files (SPEC §6.3), generated from the one column table.
public enum ReportSchema {
    enum Kind: String {
        case text, date, month, integer, money, percent
    }

    private static let dates: Set<String> = [
        "renewal_due_date", "first_order_date", "last_order_date", "next_renewal_date", "order_date", "coverage_start",
        "coverage_end", "quote_date", "status_date", "earliest_coverage_end", "latest_coverage_end", "effective_from",
        "effective_to"
    ]
    private static let integers: Set<String> = [
        "anniversary_month", "orders", "active_lines", "year", "lines", "line_number", "term_months", "quantity",
        "days_to_expiry", "previous_quantity", "total_quantity", "active_quantity", "days_in_status",
        "entitled_quantity",
        "used_quantity", "overage_quantity", "quote_line", "quote_lines", "customers", "priced_lines", "missing_prices",
        "ctl_lines", "saas_lines"
    ]
    private static let money: Set<String> = [
        "amount", "unit_price", "renewal_unit_price", "renewal_amount", "action_unit_price", "action_amount",
        "current_unit_price", "current_amount", "overage_unit_price", "overage_amount", "quote_total"
    ]

    static func kind(_ column: String) -> Kind {
        if dates.contains(column) { return .date }
        if integers.contains(column) { return .integer }
        if money.contains(column) { return .money }
        if column == "change_percent" { return .percent }
        if column == "period" || column == "month" { return .month }
        return .text
    }

    /// `Schemas/<report>.xsd`.
    public static func xsd(_ spec: ReportSpec) -> String {
        let attributes =
            spec.id == .priceFiles ? ["family", "view", "country", "currency", "asOf"] : ["site", "job", "asOf"]
        var s = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- Generated from the report column table; ReportSchemaTests keeps it in sync. -->
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" elementFormDefault="qualified">
              <xs:simpleType name="empty">\
            <xs:restriction base="xs:string"><xs:length value="0"/></xs:restriction></xs:simpleType>
              <xs:simpleType name="dateValue"><xs:union memberTypes="xs:date empty"/></xs:simpleType>
              <xs:simpleType name="monthText">\
            <xs:restriction base="xs:string"><xs:pattern value="[0-9]{4}-[0-9]{2}"/></xs:restriction></xs:simpleType>
              <xs:simpleType name="monthValue"><xs:union memberTypes="monthText empty"/></xs:simpleType>
              <xs:simpleType name="integerValue"><xs:union memberTypes="xs:integer empty"/></xs:simpleType>
              <xs:simpleType name="moneyText">\
            <xs:restriction base="xs:string"><xs:pattern value="-?[0-9]+(\\.[0-9]+)?"/></xs:restriction></xs:simpleType>
              <xs:simpleType name="moneyValue"><xs:union memberTypes="moneyText empty"/></xs:simpleType>
              <xs:simpleType name="percentText">\
            <xs:restriction base="xs:string"><xs:pattern value="-?[0-9]+\\.[0-9]{2}"/></xs:restriction></xs:simpleType>
              <xs:simpleType name="percentValue"><xs:union memberTypes="percentText empty"/></xs:simpleType>
              <xs:element name="report">
                <xs:complexType>
                  <xs:sequence>
                    <xs:element name="row" minOccurs="0" maxOccurs="unbounded">
                      <xs:complexType>
                        <xs:sequence>

            """
        for column in spec.columns {
            let type: String
            switch kind(column) {
            case .text: type = "xs:string"
            case .date: type = "dateValue"
            case .month: type = "monthValue"
            case .integer: type = "integerValue"
            case .money: type = "moneyValue"
            case .percent: type = "percentValue"
            }
            s += "                <xs:element name=\"\(column)\" type=\"\(type)\"/>\n"
        }
        s += """
                        </xs:sequence>
                      </xs:complexType>
                    </xs:element>
                  </xs:sequence>
                  <xs:attribute name="name" type="xs:string" use="required" fixed="\(spec.id.rawValue)"/>

            """
        for a in attributes {
            s +=
                "      <xs:attribute name=\"\(a)\" "
                + "type=\"\(a == "asOf" ? "xs:date" : "xs:string")\" use=\"required\"/>\n"
        }
        s += """
                </xs:complexType>
              </xs:element>
            </xs:schema>

            """
        return s
    }
}
