import Foundation
@testable import PAOBatch

/// The package folder (tests run from anywhere).
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

/// The committed sample as of the anchor, loaded once for the tests that need it.
let sampleView: AsOfView = {
    let result = DatasetLoader.load(inputFolder: packageRoot + "/Input")
    return AsOfView(result.dataset, asOf: GeneratorOptions.anchor)
}()

/// A new empty folder under the system temporary folder.
func temporaryFolder(_ name: String = #function) -> String {
    let clean = name.filter { $0.isLetter || $0.isNumber }
    let path = NSTemporaryDirectory() + "pao-batch-tests/" + clean + "-" + UUID().uuidString.prefix(8)
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

func write(_ text: String, to path: String) {
    try! Data(text.utf8).write(to: URL(fileURLWithPath: path))
}

func write(_ bytes: [UInt8], to path: String) {
    try! Data(bytes).write(to: URL(fileURLWithPath: path))
}

func gzip(_ bytes: [UInt8]) -> [UInt8] {
    let sink = MemorySink()
    let gz = GzipWriter(sink: sink, level: 6)
    try! gz.write(bytes)
    try! gz.finish()
    return sink.bytes
}

/// Collects written bytes in memory.
final class MemorySink: ByteSink {
    var bytes: [UInt8] = []
    func write(_ b: UnsafeRawBufferPointer) throws(OutputError) { bytes.append(contentsOf: b) }
}

struct ProcessResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs a program and waits for it.
@discardableResult
func runProcess(_ executable: String, _ arguments: [String], cwd: String? = nil, input: String? = nil) -> ProcessResult
{
    let p = Process()
    p.executableURL = URL(fileURLWithPath: executable)
    p.arguments = arguments
    if let cwd { p.currentDirectoryURL = URL(fileURLWithPath: cwd) }
    let outPath = NSTemporaryDirectory() + "pao-out-" + UUID().uuidString
    let errPath = NSTemporaryDirectory() + "pao-err-" + UUID().uuidString
    _ = FileManager.default.createFile(atPath: outPath, contents: nil)
    _ = FileManager.default.createFile(atPath: errPath, contents: nil)
    defer {
        try? FileManager.default.removeItem(atPath: outPath)
        try? FileManager.default.removeItem(atPath: errPath)
    }
    p.standardOutput = FileHandle(forWritingAtPath: outPath)
    p.standardError = FileHandle(forWritingAtPath: errPath)
    let inPipe = Pipe()
    p.standardInput = inPipe
    try! p.run()
    if let input { inPipe.fileHandleForWriting.write(Data(input.utf8)) }
    try? inPipe.fileHandleForWriting.close()
    p.waitUntilExit()
    let read = { (path: String) in String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
    }
    return ProcessResult(status: p.terminationStatus, stdout: read(outPath), stderr: read(errPath))
}

/// The `pao-batch` executable of the configuration the tests were built in (`swift test -c release`
/// tests the release build end to end).
let binary: String = {
    #if DEBUG
        let path = packageRoot + "/.build/debug/pao-batch"
    #else
        let path = packageRoot + "/.build/release/pao-batch"
    #endif
    guard FileManager.default.isExecutableFile(atPath: path) else { fatalError("build \(path) first (swift build)") }
    return path
}()

/// Runs `pao-batch` with arguments.
@discardableResult
func paoBatch(_ arguments: [String], cwd: String? = nil) -> ProcessResult {
    runProcess(binary, arguments, cwd: cwd)
}

let python =
    ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }
    ?? "/usr/bin/env"
