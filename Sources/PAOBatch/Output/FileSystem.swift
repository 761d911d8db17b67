import CSyncFS
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Small file-system steps with the error kinds of SPEC §1 (73 create, 74 I/O).
enum FileSystem {
    static func errorText() -> String { String(cString: strerror(errno)) }

    /// What is at `path`, without following a symlink.
    enum Entry { case missing, folder, symlink, other }

    static func entry(_ path: String) -> Entry {
        var st = stat()
        guard lstat(path, &st) == 0 else { return .missing }
        switch st.st_mode & S_IFMT {
        case S_IFDIR: return .folder
        case S_IFLNK: return .symlink
        default: return .other
        }
    }

    static func readLink(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink(path, &buffer, buffer.count - 1)
        guard n >= 0 else { return nil }
        return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Atomically makes `path` a symlink to `target` (a new link renamed over the old name).
    static func switchLink(_ path: String, to target: String, temporaryName: String) throws(OutputError) {
        unlink(temporaryName)
        guard symlink(target, temporaryName) == 0 else {
            throw OutputError(.cannotCreate, temporaryName, "symlink failed: \(errorText())")
        }
        guard rename(temporaryName, path) == 0 else {
            throw OutputError(.cannotCreate, path, "rename failed: \(errorText())")
        }
    }

    static func move(_ from: String, _ to: String) throws(OutputError) {
        guard rename(from, to) == 0 else { throw OutputError(.cannotCreate, to, "rename failed: \(errorText())") }
    }

    /// Atomically replaces `path` with `bytes`: a durable temporary beside it (its name ends in
    /// `tag`, so concurrent writers never share one) renamed over it.
    static func replace(_ path: String, with bytes: [UInt8], mode: mode_t, tag: String) throws(OutputError) {
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        let temporary = path[..<slash] + "." + path[slash...] + ".tmp-" + tag
        let file = try FileSink(path: temporary, mode: mode)
        try file.write(bytes)
        try file.close(sync: true)
        try move(temporary, path)
    }

    /// Names in a folder (without `.` and `..`), sorted by bytes; a folder that cannot be read is
    /// an I/O error, never an empty list (a walk must not skip what it cannot see).
    static func names(_ folder: String) throws(OutputError) -> [String] {
        guard let dir = opendir(folder) else { throw OutputError(.io, folder, "cannot list folder: \(errorText())") }
        defer { closedir(dir) }
        var names: [String] = []
        errno = 0
        while let item = readdir(dir) {
            let name = withUnsafeBytes(of: item.pointee.d_name) {
                String(cString: $0.bindMemory(to: CChar.self).baseAddress!)
            }
            if name != "." && name != ".." { names.append(name) }
            errno = 0
        }
        guard errno == 0 else { throw OutputError(.io, folder, "cannot list folder: \(errorText())") }
        return names.sorted(by: textLess)
    }

    /// Calls `body` with every entry of `folder` in directory order and its kind as the listing
    /// gives it (`lstat` only where the file system does not say), so walking a tree of files
    /// costs no `stat` and no String per file.
    static func forEachEntry(
        _ folder: String, _ body: (_ name: UnsafeBufferPointer<CChar>, Entry) throws(OutputError) -> Void
    ) throws(OutputError) {
        guard let dir = opendir(folder) else { throw OutputError(.io, folder, "cannot list folder: \(errorText())") }
        defer { closedir(dir) }
        while true {
            errno = 0
            guard let item = readdir(dir) else { break }
            let kind = item.pointee.d_type
            try withUnsafeBytes(of: item.pointee.d_name) { raw throws(OutputError) in
                let name = raw.bindMemory(to: CChar.self)
                let length = strlen(name.baseAddress!)
                if name[0] == 0x2E && (length == 1 || (length == 2 && name[1] == 0x2E)) { return }
                let entry = self.entry(listed: kind, in: folder, name: name.baseAddress!)
                try body(UnsafeBufferPointer(rebasing: name[..<length]), entry)
            }
        }
        guard errno == 0 else { throw OutputError(.io, folder, "cannot list folder: \(errorText())") }
    }

    /// The kind of `folder/name` from its listing's `d_type`, or from `lstat` where the file
    /// system leaves it unknown (`DT_UNKNOWN`: some network and older file systems).
    static func entry(listed type: UInt8, in folder: String, name: UnsafePointer<CChar>) -> Entry {
        switch Int(type) {
        case Int(DT_DIR): .folder
        case Int(DT_LNK): .symlink
        case Int(DT_UNKNOWN): entry(folder + "/" + String(cString: name))
        default: .other
        }
    }

    /// Removes a tree of the tool's own (never following symlinks inside it).
    static func removeTree(_ path: String) throws(OutputError) {
        switch entry(path) {
        case .missing: return
        case .folder:
            for name in try names(path) { try removeTree(path + "/" + name) }
            guard rmdir(path) == 0 || errno == ENOENT else {
                throw OutputError(.io, path, "cannot remove: \(errorText())")
            }
        default:
            guard unlink(path) == 0 || errno == ENOENT else {
                throw OutputError(.io, path, "cannot remove: \(errorText())")
            }
        }
    }

    /// Hard-links `from` to `to`, copying where links fail (another file system, no link support).
    static func linkOrCopy(_ from: String, _ to: String) throws(OutputError) {
        if link(from, to) == 0 { return }
        guard let data = FileManager.default.contents(atPath: from) else {
            throw OutputError(.io, from, "cannot read for copying: \(errorText())")
        }
        let sink = try FileSink(path: to)
        try sink.write(Array(data))
        try sink.close()
    }
}

/// mkdir that accepts an existing folder (but not a symlink or file in its place).
func makeFolder(_ path: String) throws(OutputError) {
    if mkdir(path, 0o755) == 0 { return }
    let err = errno
    var st = stat()
    if err == EEXIST, lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR { return }
    throw OutputError(
        .cannotCreate, path, "cannot create folder: \(String(cString: strerror(err == EEXIST ? ENOTDIR : err)))")
}

/// A folder only its owner can enter, whatever the umask and whatever mode an older run left on
/// it: run records and rejects hold raw feed records.
func makePrivateFolder(_ path: String) throws(OutputError) {
    try makeFolder(path)
    let fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
    guard fd >= 0 else { throw OutputError(.cannotCreate, path, "cannot open folder: \(FileSystem.errorText())") }
    defer { close(fd) }
    guard fchmod(fd, 0o700) == 0 else {
        throw OutputError(.cannotCreate, path, "chmod failed: \(FileSystem.errorText())")
    }
}

/// Flushes every file and folder of the file system holding `path` to disk: one call that makes
/// a whole staging area (or every rename of a publication) durable.
func syncFileSystem(_ path: String) throws(OutputError) {
    let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { throw OutputError(.io, path, "cannot open folder: \(String(cString: strerror(errno)))") }
    defer { close(fd) }
    guard csyncfs_syncfs(fd) == 0 else {
        throw OutputError(.io, path, "syncfs failed: \(String(cString: strerror(errno)))")
    }
}

/// fsyncs a folder so renames and new entries in it are durable.
func syncFolder(_ path: String) throws(OutputError) {
    let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { throw OutputError(.io, path, "cannot open folder: \(String(cString: strerror(errno)))") }
    defer { close(fd) }
    guard fsync(fd) == 0 else { throw OutputError(.io, path, "fsync failed: \(String(cString: strerror(errno)))") }
}
