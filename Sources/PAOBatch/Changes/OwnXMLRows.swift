#if canImport(Glibc)
    import Glibc
#endif

/// Reads a report XML file exactly as `ReportFileWriter` lays it out — a declaration line, the
/// root line, then `  <row><column>text</column>…<column/>…</row>` per row and `</report>` — and
/// only when the file's bytes are the ones its manifest lists. Any other layout or a file that
/// is not the listed one gives nil, and the caller uses the general XML reader.
enum OwnXMLRows {
    static func read(path: String, entry: BaselineManifest.Entry, columns: [String]) -> PrintedRows? {
        do throws(FeedError) {
            let source = try ByteSource(path: path)
            var scanner = Scanner(columns: columns)
            var buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 18, alignment: 16)
            defer { buffer.deallocate() }
            // Bytes of a line not yet complete, kept at the front of `buffer` for the next read.
            var held = 0
            while true {
                if held == buffer.count { buffer = doubled(buffer) }
                let n = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[held...]))
                guard n > 0 else { break }
                let bytes = UnsafeRawBufferPointer(rebasing: buffer[..<(held + n)]).bindMemory(to: UInt8.self)
                guard let used = scanner.take(bytes) else { return nil }
                held += n - used
                if used > 0 { memmove(buffer.baseAddress!, buffer.baseAddress! + used, held) }
            }
            guard held == 0, scanner.finished, source.gzipMembers == 1, source.fileBytes == entry.bytes,
                source.sha256 == entry.sha256
            else { return nil }
            return scanner.rows
        } catch {
            return nil
        }
    }

    /// A buffer twice as large holding the same bytes (a line longer than the buffer).
    private static func doubled(_ buffer: UnsafeMutableRawBufferPointer) -> UnsafeMutableRawBufferPointer {
        let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: buffer.count * 2, alignment: 16)
        larger.copyMemory(from: UnsafeRawBufferPointer(buffer))
        buffer.deallocate()
        return larger
    }

    private struct Scanner {
        /// Per column `<name`, which `>` or `/>` follows, and `</name>`.
        let tags: [[UInt8]], closes: [[UInt8]]
        let rowOpen = Array("  <row>".utf8), rowClose = Array("</row>".utf8)
        let reportClose = Array("</report>".utf8)
        /// Lines of the head (declaration and root) still to skip.
        var headLines = 2
        var finished = false
        var rows: PrintedRows

        init(columns: [String]) {
            rows = PrintedRows(columns: columns.count)
            tags = columns.map { Array("<\($0)".utf8) }
            closes = columns.map { Array("</\($0)>".utf8) }
        }

        /// Takes the complete lines at the front of `b`; how many bytes they were, or nil when
        /// they do not follow the layout or anything follows `</report>`.
        mutating func take(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
            var start = 0
            while let end = lineEnd(b, from: start) {
                guard !finished else { return nil }
                if headLines > 0 {
                    headLines -= 1
                } else if end - start == reportClose.count && has(b, start, reportClose, before: end) {
                    finished = true
                } else if !parse(b, start..<end) {
                    return nil
                }
                start = end + 1
            }
            return finished && start < b.count ? nil : start
        }

        /// Whether `bytes` are at `at` in `b`, ending at or before `limit`.
        private func has(_ b: UnsafeBufferPointer<UInt8>, _ at: Int, _ bytes: [UInt8], before limit: Int) -> Bool {
            at + bytes.count <= limit
                && bytes.withUnsafeBufferPointer { memcmp(b.baseAddress! + at, $0.baseAddress!, $0.count) == 0 }
        }

        /// The end of the next line: a row's text may hold line feeds, so a row ends at `</row>\n`.
        private func lineEnd(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
            let isRow = headLines == 0 && has(b, start, rowOpen, before: b.count)
            var i = start
            while i < b.count, let lf = memchr(b.baseAddress! + i, 0x0A, b.count - i) {
                let at = b.baseAddress!.distance(to: lf.assumingMemoryBound(to: UInt8.self))
                if !isRow || (at - start >= 13 && has(b, at - 6, rowClose, before: at)) { return at }
                i = at + 1
            }
            return nil
        }

        /// Adds the row on `line` to `rows`; false when it does not follow the layout.
        private mutating func parse(_ b: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
            let end = line.upperBound
            guard has(b, line.lowerBound, rowOpen, before: end) else { return false }
            var p = line.lowerBound + rowOpen.count
            for c in tags.indices {
                guard has(b, p, tags[c], before: end - 2) else { return false }
                p += tags[c].count
                if b[p] == 0x2F {
                    guard b[p + 1] == 0x3E else { return false }
                    p += 2
                    rows.endValue()
                    continue
                }
                guard b[p] == 0x3E else { return false }
                p += 1
                let lt =
                    memchr(b.baseAddress! + p, 0x3C, end - p).map {
                        b.baseAddress!.distance(to: $0.assumingMemoryBound(to: UInt8.self))
                    } ?? end
                guard decode(UnsafeBufferPointer(rebasing: b[p..<lt])), has(b, lt, closes[c], before: end) else {
                    return false
                }
                p = lt + closes[c].count
            }
            return p + rowClose.count == end && has(b, p, rowClose, before: end)
        }

        /// The references the writer makes, and the byte each stands for.
        static let references: [(text: [UInt8], byte: UInt8)] = [
            (Array("&amp;".utf8), 0x26), (Array("&lt;".utf8), 0x3C), (Array("&gt;".utf8), 0x3E),
            (Array("&quot;".utf8), 0x22)
        ]

        /// Adds text to `rows` with the writer's four references decoded; false on any other `&`.
        private mutating func decode(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
            var i = 0
            while let amp = memchr(text.baseAddress! + i, 0x26, text.count - i) {
                let at = text.baseAddress!.distance(to: amp.assumingMemoryBound(to: UInt8.self))
                rows.append(UnsafeBufferPointer(rebasing: text[i..<at]))
                let rest = UnsafeBufferPointer(rebasing: text[at...])
                guard let reference = Scanner.references.first(where: { rest.starts(with: $0.text) }) else {
                    return false
                }
                rows.append(reference.byte)
                i = at + reference.text.count
            }
            rows.appendValue(UnsafeBufferPointer(rebasing: text[i...]))
            return true
        }
    }
}
