extension LoadContext {
    /// SPEC §2.7: `<subscription id>` records of `<event status date/>` and `<element name>value</element>`.
    func loadProvisioning(_ file: FeedFile) throws(FeedError) {
        let clock = Stopwatch()
        var seen: Set<Int32> = []
        var read = 0
        var feedRejects: [Reject] = []
        let source = try ByteSource(path: file.path)
        let builder = ProvisioningBuilder { draft in
            read += 1
            do throws(RecordFault) {
                let record = try draft.check()
                guard let subscription = self.subscriptionById.find(record.id),
                    self.saasSubscriptions.contains(subscription)
                else {
                    throw RecordFault(
                        .UNKNOWN_REFERENCE, "id",
                        "subscription \(record.id) is not a subscription of an accepted SAAS line")
                }
                guard seen.insert(subscription).inserted else {
                    throw RecordFault(.DUPLICATE_KEY, "id", "subscription \(record.id) appears before")
                }
                if let needs = self.needs, !needs.keptSubscriptions.contains(subscription) { return }
                self.dataset.provisioning.append(
                    ProvisioningRecord(subscription: subscription, events: record.events, elements: record.elements))
            } catch {
                feedRejects.append(self.reject(file, line: draft.line, raw: draft.raw, error))
            }
        }
        try XMLRecordReader(source: source, rootName: file.feed.rawValue, builder: builder).run()
        finish(file, FeedReading(clock: clock, source: source, read: read, rejects: feedRejects))
    }
}

/// One `<subscription>` as read, before its checks.
struct ProvisioningDraft {
    enum Child {
        case event(status: [UInt8]?, date: [UInt8]?, nested: Bool)
        case element(name: [UInt8]?, text: [UInt8], length: Int, nested: Bool)
    }

    var isSubscription = false
    var id: [UInt8]?
    var children: [Child] = []
    var line = 0
    var raw: [UInt8] = []

    /// The checks of SPEC §2.7 up to (not including) the reference and uniqueness.
    func check() throws(RecordFault) -> (
        id: String, events: [(status: ProvisioningStatus, date: Day)], elements: [(name: String, value: String)]
    ) {
        guard isSubscription else { throw RecordFault(.MALFORMED_RECORD, "", "a record must be <subscription>") }
        guard let id = id.map({ trimmed($0[...]) }), !id.isEmpty else {
            throw RecordFault(.MISSING_FIELD, "id", "id is required")
        }
        guard IdPattern.subscriptionId.matches(id) else {
            throw RecordFault(
                .BAD_ID, "id", "id '\(String(decoding: id.prefix(64), as: UTF8.self))' is not a valid subscription_id")
        }
        var events: [(status: ProvisioningStatus, date: Day)] = []
        var elements: [(name: String, value: String)] = []
        for child in children {
            switch child {
            case .event(let status, let date, let nested):
                guard let s = status.map({ trimmed($0[...]) }), !s.isEmpty else {
                    throw RecordFault(.MISSING_FIELD, "event@status", "event status is required")
                }
                guard let st = ProvisioningStatus(rawValue: String(decoding: s, as: UTF8.self)) else {
                    throw RecordFault(
                        .BAD_ENUM, "event@status",
                        "event status '\(String(decoding: s.prefix(64), as: UTF8.self))' is not one of "
                            + ProvisioningStatus.allCases.map(\.rawValue).joined(separator: " ")
                    )
                }
                guard let d = date.map({ trimmed($0[...]) }), !d.isEmpty else {
                    throw RecordFault(.MISSING_FIELD, "event@date", "event date is required")
                }
                guard let day = d.withUnsafeBufferPointer({ Day.parse($0) }) else {
                    throw RecordFault(
                        .BAD_DATE, "event@date",
                        "event date '\(String(decoding: d.prefix(64), as: UTF8.self))' is not a date YYYY-MM-DD")
                }
                if nested { throw RecordFault(.MALFORMED_RECORD, "", "an <event> holds an element") }
                events.append((st, day))
            case .element(let name, let text, let length, let nested):
                guard let n = name.map({ trimmed($0[...]) }), !n.isEmpty else {
                    throw RecordFault(.MISSING_FIELD, "element@name", "element name is required")
                }
                guard IdPattern.elementName.matches(n) else {
                    throw RecordFault(
                        .BAD_ID, "element@name",
                        "element name '\(String(decoding: n.prefix(64), as: UTF8.self))' is not a valid name")
                }
                let nameString = String(decoding: n, as: UTF8.self)
                if let code = text.withUnsafeBufferPointer({ TextRules.fault($0, decodedLength: length) }) {
                    throw RecordFault(
                        code, "element[\(nameString)]",
                        code == .FIELD_TOO_LONG
                            ? "value longer than \(TextRules.maxFieldLength) bytes"
                            : "not valid UTF-8 text or holds a control character")
                }
                if nested { throw RecordFault(.MALFORMED_RECORD, "", "an <element> holds an element") }
                let value = String(decoding: trimmed(text[...]), as: UTF8.self)
                if let i = elements.firstIndex(where: { $0.name == nameString }) {
                    elements[i].value = value
                } else {
                    elements.append((nameString, value))
                }
            }
        }
        return (String(decoding: id, as: UTF8.self), events, elements)
    }
}

/// Collects `ProvisioningDraft`s from the XML reader.
private final class ProvisioningBuilder: XMLRecordBuilder {
    private var draft = ProvisioningDraft()
    private var child: ProvisioningDraft.Child?
    private let body: (ProvisioningDraft) -> Void

    init(body: @escaping (ProvisioningDraft) -> Void) { self.body = body }

    func beginRecord(name: UnsafePointer<UInt8>, attributes: XMLAttributes) {
        draft = ProvisioningDraft()
        draft.isSubscription = String(cString: name) == "subscription"
        draft.id = attributes.value(of: "id")
    }

    func beginChild(name: UnsafePointer<UInt8>, attributes: XMLAttributes) {
        switch String(cString: name) {
        case "event":
            child = .event(status: attributes.value(of: "status"), date: attributes.value(of: "date"), nested: false)
        case "element": child = .element(name: attributes.value(of: "name"), text: [], length: 0, nested: false)
        default: child = nil
        }
    }

    func childText(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard case .element(let name, var text, let length, let nested) = child else { return }
        text.append(contentsOf: bytes.prefix(max(0, FieldRecord.storedValueLimit - text.count)))
        child = .element(name: name, text: text, length: length + bytes.count, nested: nested)
    }

    func nestedElement() {
        switch child {
        case .event(let s, let d, _): child = .event(status: s, date: d, nested: true)
        case .element(let n, let t, let l, _): child = .element(name: n, text: t, length: l, nested: true)
        case nil: break
        }
    }

    func endChild() {
        if let child { draft.children.append(child) }
        child = nil
    }

    func endRecord(line: Int, raw: [UInt8]) {
        draft.line = line
        draft.raw = raw
        body(draft)
    }
}
