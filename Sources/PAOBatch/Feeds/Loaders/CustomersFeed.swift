extension LoadContext {
    /// SPEC §2.2.
    func loadCustomers(_ file: FeedFile, chunkSize: Int) throws(FeedError) {
        try load(file, chunkSize: chunkSize) { (f) throws(RecordFault) in
            let site = try f.id(0, .siteNumber)!
            let siteName = try f.text(1)!
            let customerNumber = try f.id(2, .siteNumber)!
            let agreement = try f.id(3, .siteNumber)
            let customerName = try f.text(4)!
            let country = try f.country(5)!
            let currency = try f.currency(6)!
            let enrollment = try f.enumeration(7, EnrollmentType.self)!
            let siteRole = try f.enumeration(8, SiteRole.self)
            let level = try f.enumeration(9, PriceLevel.self)!
            let anniversary = try f.int(10, 1...12)
            let pa = enrollment == .PA
            if pa, agreement == nil {
                throw RecordFault(.MISSING_FIELD, "agreement_number", "agreement_number is required for PA")
            }
            if pa, siteRole == nil { throw RecordFault(.MISSING_FIELD, "site_role", "site_role is required for PA") }
            if !pa, siteRole != nil { throw RecordFault(.BAD_VALUE, "site_role", "site_role must be empty for PAE") }
            if !pa, level != .BL { throw RecordFault(.BAD_VALUE, "price_level", "price_level must be BL for PAE") }
            if pa, anniversary == nil {
                throw RecordFault(.MISSING_FIELD, "anniversary_month", "anniversary_month is required for PA")
            }
            if !pa, anniversary != nil {
                throw RecordFault(.BAD_VALUE, "anniversary_month", "anniversary_month must be empty for PAE")
            }
            guard customerBySite.find(site) == nil else {
                throw RecordFault(.DUPLICATE_KEY, "site_number", "site_number \(site) appears before")
            }
            customerBySite.insert(site)
            dataset.customers.append(
                Customer(
                    siteNumber: site, siteName: siteName, customerNumber: customerNumber, agreementNumber: agreement,
                    customerName: customerName, country: country, currency: currency, enrollmentType: enrollment,
                    siteRole: siteRole, priceLevel: level, anniversaryMonth: anniversary.map { Int8($0) }))
        }
    }
}
