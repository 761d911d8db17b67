import FuzzSupport
@testable import PAOBatch

/// The hardened XML record reader on a flat feed (customers) and on provisioning: no crash, no
/// hang, no unbounded memory; every record it hands over has in-range field values.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXMLReader(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let input = fuzzInput(start, count)
    let path = ScratchFolder.write(input, as: "customers.xml")
    let reader = FlatFeedReader(
        file: FeedFile(feed: .customers, path: path, format: .xml), columns: FeedName.customers.columns)
    _ = try? reader.forEach { record in
        for column in FeedName.customers.columns.indices {
            guard let (range, length) = record.value(column) else { continue }
            if range.upperBound > record.bytes.count || length < range.count {
                fatalError("value out of the record's bytes")
            }
        }
    }
    let provisioning = ScratchFolder.write(input, as: "saas_provisioning.xml")
    let context = LoadContext()
    _ = context.load(FeedFile(feed: .saas_provisioning, path: provisioning, format: .xml), chunkSize: 1 << 16)
    return 0
}
