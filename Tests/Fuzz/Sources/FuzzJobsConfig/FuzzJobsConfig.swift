import FuzzSupport
import PAOBatch

/// The jobs.json decoder: any bytes give a config or a `ConfigError` naming a JSON path, never a
/// crash; an accepted config keeps the invariants the runner relies on.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJobsConfig(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let input = fuzzInput(start, count)
    do throws(ConfigError) {
        let config = try JobsConfig.decode(Array(input), folder: "/srv/pao")
        guard !config.jobs.isEmpty, (1...9).contains(config.gzipLevel), config.retain >= 1,
            Set(config.jobs.map(\.name)).count == config.jobs.count,
            config.jobs.allSatisfy({ !$0.reports.isEmpty })
        else {
            fatalError("an accepted config breaks an invariant")
        }
    } catch {
        if !error.description.hasPrefix("$") { fatalError("a config error without a JSON path: \(error)") }
    }
    return 0
}
