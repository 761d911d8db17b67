import ArgumentParser
import PAOBatch

struct ReportsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reports",
        abstract: "List every report id with what it holds and its typed columns (SPEC §15)."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(help: "text: one report a line, columns as name:type (? = may be empty); json: the catalogue.")
    var format: Format = .text

    func run() {
        switch format {
        case .json: print(DataContract.catalogue().serialized())
        case .text:
            for spec in reportCatalog {
                let columns = spec.contract().map { "\($0.name):\($0.type.rawValue)\($0.nullable ? "?" : "")" }
                print("\(spec.id.rawValue)\t\(spec.description)\t\(columns.joined(separator: ","))")
            }
        }
    }
}
