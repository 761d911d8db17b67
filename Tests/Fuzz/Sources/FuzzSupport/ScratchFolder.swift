import Foundation

/// A folder of this fuzzing process's own (on tmpfs when there is one) where each input is
/// written as a feed file: the readers under test read files, as they do in a run.
public enum ScratchFolder {
    public static let path: String = {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        let path = "\(base)/pao-fuzz-\(getpid())"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: ScratchFolder.path) }
        return path
    }()

    /// Writes `bytes` to `name` in the folder (replacing it) and returns the path.
    @discardableResult
    public static func write(_ bytes: UnsafeRawBufferPointer, as name: String, in folder: String = path) -> String {
        let file = folder + "/" + name
        guard FileManager.default.createFile(atPath: file, contents: Data(bytes)) else {
            fatalError("cannot write \(file)")
        }
        return file
    }
}

/// The fuzzer's input as a buffer.
public func fuzzInput(_ start: UnsafeRawPointer?, _ count: Int) -> UnsafeRawBufferPointer {
    UnsafeRawBufferPointer(start: count > 0 ? start : nil, count: count)
}
