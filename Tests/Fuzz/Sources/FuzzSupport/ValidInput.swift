import Foundation

/// A small input folder whose seven feeds load without a reject (`Tests/Fuzz/ValidInput`), copied
/// afresh for each input so the fuzzed feed meets real references in the feeds before and after it.
public enum ValidInput {
    static let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("ValidInput").path
    static let files: [(String, Data)] = (try! FileManager.default.contentsOfDirectory(atPath: source)).sorted().map {
        ($0, FileManager.default.contents(atPath: source + "/" + $0)!)
    }

    /// The scratch input folder holding exactly the valid feeds again.
    public static func fresh() -> String {
        let folder = ScratchFolder.path + "/Input"
        try? FileManager.default.removeItem(atPath: folder)
        try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (name, data) in files {
            guard FileManager.default.createFile(atPath: folder + "/" + name, contents: data) else {
                fatalError("cannot copy \(name)")
            }
        }
        return folder
    }

    /// The file name suffix a feed has in the valid folder.
    public static func suffix(_ feed: String) -> String { feed == "saas_provisioning" ? "xml" : "csv" }
}
