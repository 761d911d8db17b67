extension LoadContext {
    /// SPEC §2.3; renewal, reinstatement and overage parts are resolved once the whole feed is read,
    /// repeating until no more parts drop out (§10).
    func loadParts(_ file: FeedFile, chunkSize: Int) throws(FeedError) {
        var pending: [PendingPart] = []
        var seen: Set<String> = []
        var reading = try read(file, chunkSize: chunkSize) { (f) throws(RecordFault) in
            let read = try PendingPart(f)
            guard seen.insert(read.part.number).inserted else {
                throw RecordFault(.DUPLICATE_KEY, "part_number", "part_number \(read.part.number) appears before")
            }
            pending.append(read)
        }
        let alive = PendingPart.resolve(pending) { p, fault in
            reading.rejects.append(reject(file, line: p.line, raw: p.raw, fault))
        }
        for (i, p) in pending.enumerated() where alive[i] {
            partByNumber.insert(p.part.number)
            dataset.parts.append(p.part)
        }
        for (i, p) in pending.enumerated() where alive[i] {
            let k = Int(partByNumber.find(p.part.number)!)
            dataset.parts[k].renewalPart = p.renewal.flatMap { partByNumber.find($0) }
            dataset.parts[k].reinstatementPart = p.reinstatement.flatMap { partByNumber.find($0) }
            dataset.parts[k].overagePart = p.overage.flatMap { partByNumber.find($0) }
        }
        finish(file, reading)
    }
}

/// A part that passed its own checks, with the part numbers it names (resolved after the feed).
private struct PendingPart {
    var part: Part
    var renewal: String?
    var reinstatement: String?
    var overage: String?
    var line: Int
    var raw: [UInt8]

    /// The record's columns in table order, then its cross-field rules (§10).
    init(_ f: FieldChecks) throws(RecordFault) {
        let number = try f.id(0, .partNumber)!
        let description = try f.text(1)!
        let productId = try f.text(2)!
        let productName = try f.text(3)!
        let chargeMetric = try f.text(4)!
        let type = try f.enumeration(5, PartType.self)!
        let term = try f.int(6, 1...60)!
        let renewal = try f.id(7, .partNumber)
        reinstatement = try f.id(8, .partNumber)
        overage = try f.id(9, .partNumber)
        if type.isSubscriptionAndSupport, term != 12 {
            throw RecordFault(.BAD_VALUE, "term_months", "term_months must be 12 for \(type.rawValue)")
        }
        if type.isRenewable, renewal == nil {
            throw RecordFault(.MISSING_FIELD, "renewal_part", "renewal_part is required for \(type.rawValue)")
        }
        if !type.isSubscriptionAndSupport, reinstatement != nil {
            throw RecordFault(.BAD_VALUE, "reinstatement_part", "reinstatement_part is only for S&S parts")
        }
        if type != .SAAS, overage != nil {
            throw RecordFault(.BAD_VALUE, "overage_part", "overage_part is only for SAAS parts")
        }
        part = Part(
            number: number, description: description, productId: productId, productName: productName,
            chargeMetric: chargeMetric, type: type, termMonths: Int8(term))
        self.renewal = type.isRenewable ? renewal : nil
        line = f.record.line
        raw = f.record.raw
    }

    /// Which parts stay: repeatedly drops (through `rejected`) every part naming a part that is not
    /// an accepted part of the right type, until nothing changes (self-references and cycles stay).
    static func resolve(_ pending: [PendingPart], rejected: (PendingPart, RecordFault) -> Void) -> [Bool] {
        let index = Dictionary(uniqueKeysWithValues: pending.enumerated().map { ($0.element.part.number, $0.offset) })
        var alive = [Bool](repeating: true, count: pending.count)
        func target(_ number: String?, _ type: PartType) -> Bool {
            guard let number else { return true }
            guard let j = index[number], alive[j] else { return false }
            return pending[j].part.type == type
        }
        var changed = true
        while changed {
            changed = false
            for (i, p) in pending.enumerated() where alive[i] {
                let renewalType: PartType = p.part.type.isSubscriptionAndSupport ? .SS_RENEWAL : p.part.type
                let fault: RecordFault?
                if !target(p.renewal, renewalType) {
                    fault = RecordFault(
                        .UNKNOWN_REFERENCE, "renewal_part",
                        "renewal_part \(p.renewal!) is not an accepted \(renewalType.rawValue) part")
                } else if !target(p.reinstatement, .SS_REINSTATEMENT) {
                    fault = RecordFault(
                        .UNKNOWN_REFERENCE, "reinstatement_part",
                        "reinstatement_part \(p.reinstatement!) is not an accepted SS_REINSTATEMENT part")
                } else if !target(p.overage, .SAAS_OVERAGE) {
                    fault = RecordFault(
                        .UNKNOWN_REFERENCE, "overage_part",
                        "overage_part \(p.overage!) is not an accepted SAAS_OVERAGE part")
                } else {
                    fault = nil
                }
                if let fault {
                    alive[i] = false
                    changed = true
                    rejected(p, fault)
                }
            }
        }
        return alive
    }
}
