#if canImport(Glibc)
    import Glibc
#endif

/// Who may enter a site's folders on the share (SPEC §14): the site's group and the owner
/// (mode 2750, new folders inherit the group), or only the owner (0700) when that group does
/// not exist. Applied to a staged folder before it is renamed into place, so no folder is ever
/// visible with a wider mode than its final one.
public struct FolderAccess: Sendable, Equatable {
    /// nil: owner only.
    public var group: gid_t?

    /// `prefix` + `site` when that group exists, else owner only.
    public static func site(_ site: String, prefix: String) -> FolderAccess {
        FolderAccess(group: groupId(prefix + site))
    }

    var mode: mode_t { group == nil ? 0o700 : 0o2750 }

    /// Gives `folder` the group and mode (the group first: a change of group clears set-group-id).
    func apply(to folder: String) throws(OutputError) {
        if let group, chown(folder, uid_t.max, group) != 0 {
            throw OutputError(.cannotCreate, folder, "cannot give the folder its group: \(FileSystem.errorText())")
        }
        guard chmod(folder, mode) == 0 else {
            throw OutputError(.cannotCreate, folder, "cannot set the folder's mode: \(FileSystem.errorText())")
        }
    }

    /// The id of group `name`, or nil when there is none.
    static func groupId(_ name: String) -> gid_t? {
        var entry = Glibc.group()
        var result: UnsafeMutablePointer<Glibc.group>?
        var buffer = [CChar](repeating: 0, count: 1 << 16)
        let status = getgrnam_r(name, &entry, &buffer, buffer.count, &result)
        guard status == 0, let found = result else { return nil }
        return found.pointee.gr_gid
    }
}
