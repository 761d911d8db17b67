import Crypto

/// Publishing a baseline file's compressed bytes again instead of compressing the same raw bytes
/// a second time (SPEC §11 Reuse). Tried only for a file whose rows did not change (the caller
/// knows from its changes); the baseline file must then inflate to exactly today's raw bytes and
/// hash to its manifest's sums, or it is not used.
enum Reuse {
    /// Links the baseline's file of `stem` in `format` to `path` when today's raw bytes, which
    /// `measure` gives, are the same at the same gzip level; returns its manifest entry.
    static func link(
        from baseline: Baseline, stem: String, format: OutputFormat, gzipLevel: Int, to path: String,
        measure: () throws(OutputError) -> RawDigest
    ) throws(OutputError) -> BaselineManifest.Entry? {
        let name = "\(stem)_\(baseline.asOf).\(format.fileSuffix)"
        guard let manifest = baseline.manifest, manifest.gzipLevel == gzipLevel, let entry = manifest.files[name],
            try measure() == entry.raw, verified(baseline.folder + "/" + name, entry)
        else { return nil }
        try FileSystem.linkOrCopy(baseline.folder + "/" + name, path)
        return entry
    }

    /// Whether the file holds what its manifest entry says, compressed and raw.
    private static func verified(_ path: String, _ entry: BaselineManifest.Entry) -> Bool {
        do throws(FeedError) {
            let source = try ByteSource(path: path)
            var raw = SHA256()
            var count = 0
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 18, alignment: 16)
            defer { buffer.deallocate() }
            while case let n = try source.read(into: buffer), n > 0 {
                raw.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer[..<n]))
                count += n
            }
            let rawSha256 = raw.finalize().map { hex2($0) }.joined()
            return source.gzipMembers == 1 && source.fileBytes == entry.bytes && source.sha256 == entry.sha256
                && RawDigest(bytes: count, sha256: rawSha256) == entry.raw
        } catch {
            return false
        }
    }
}
