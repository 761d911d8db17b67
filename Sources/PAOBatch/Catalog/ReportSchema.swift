/// The XSD of a report's XML files (SPEC §6.3), generated from the one column table.
public enum ReportSchema {
    /// `A`, `C` or `D`, and the changed column names joined by `|` (empty unless `C`).
    private static let changeTypes = """
          <xs:simpleType name="changeKind">\
        <xs:restriction base="xs:string"><xs:enumeration value="A"/><xs:enumeration value="C"/>\
        <xs:enumeration value="D"/></xs:restriction></xs:simpleType>
          <xs:simpleType name="changedColumns">\
        <xs:restriction base="xs:string"><xs:pattern value="([a-z_0-9]+(\\|[a-z_0-9]+)*)?"/></xs:restriction>\
        </xs:simpleType>

        """

    /// `Schemas/<report>.xsd`, or with `changes` `Schemas/<report>-changes.xsd` (SPEC §11).
    public static func xsd(_ spec: ReportSpec, changes: Bool = false) -> String {
        let attributes =
            spec.id == .priceFiles ? ["family", "view", "country", "currency", "asOf"] : ["site", "job", "asOf"]
        let name = spec.id.name(changes: changes)
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
            \(changes ? changeTypes : "")  <xs:element name="report">
                <xs:complexType>
                  <xs:sequence>
                    <xs:element name="row" minOccurs="0" maxOccurs="unbounded">
                      <xs:complexType>
                        <xs:sequence>

            """
        if changes {
            s += "                <xs:element name=\"change\" type=\"changeKind\"/>\n"
            s += "                <xs:element name=\"changed_columns\" type=\"changedColumns\"/>\n"
        }
        for column in spec.columns {
            let type: String
            switch ColumnKind(column: column) {
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
                  <xs:attribute name="name" type="xs:string" use="required" fixed="\(name)"/>

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
