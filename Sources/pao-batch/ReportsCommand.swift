import ArgumentParser
import PAOBatch

struct ReportsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reports",
        abstract: "List every report id with what it holds and its columns."
    )

    func run() {
        for spec in reportCatalog {
            print("\(spec.id.rawValue)\t\(spec.description)\t\(spec.columns.joined(separator: ","))")
        }
    }
}
