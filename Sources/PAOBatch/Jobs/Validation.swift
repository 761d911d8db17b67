/// `pao-batch validate`: reads the config and every feed, writes the run record and rejects,
/// publishes nothing.
public enum Validation {
    public static func run(configPath: String, asOf: Day?, clock: RunClock = RunClock()) -> RunOutcome {
        switch PreparedRun.prepare(
            configPath: configPath, asOf: asOf, command: "validate", shard: nil, jobNames: [], clock: clock)
        {
        case .failure(let box): return box.outcome
        case .success(let prepared): return prepared.finish(.ok, nil)
        }
    }
}
