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
            let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 18, alignment: 16)
            defer { chunk.deallocate() }
            while case let n = try source.read(into: chunk), n > 0 {
                guard scanner.take(UnsafeRawBufferPointer(rebasing: chunk[..<n])) else { return nil }
            }
            guard scanner.finished, source.gzipMembers == 1, source.fileBytes == entry.bytes,
                source.sha256 == entry.sha256
            else { return nil }
            return scanner.rows
        } catch {
            return nil
        }
    }

    private struct Scanner {
        let open: [[UInt8]], close: [[UInt8]], empty: [[UInt8]]
        var pending: [UInt8] = []
        /// Lines of the head (declaration and root) still to skip.
        var headLines = 2
        var finished = false
        var rows: PrintedRows

        init(columns: [String]) {
            rows = PrintedRows(columns: columns.count)
            open = columns.map { Array("<\($0)>".utf8) }
            close = columns.map { Array("</\($0)>".utf8) }
            empty = columns.map { Array("<\($0)/>".utf8) }
        }

        /// Takes the next bytes; false when they do not follow the layout.
        mutating func take(_ bytes: UnsafeRawBufferPointer) -> Bool {
            // Moved out while rows are added, so reading it never overlaps changing the scanner.
            var buffer: [UInt8] = []
            swap(&buffer, &pending)
            buffer.append(contentsOf: bytes)
            var start = 0
            var ok = true
            buffer.withUnsafeBufferPointer { b in
                while !finished {
                    guard let end = lineEnd(b, from: start) else { return }
                    let line = start..<end
                    start = end + 1
                    if headLines > 0 {
                        headLines -= 1
                    } else if matches(b, line.lowerBound, "</report>".utf8) && line.count == 9 {
                        finished = true
                    } else if !parse(b, line) {
                        ok = false
                        return
                    }
                }
            }
            buffer.removeFirst(start)
            pending = buffer
            return ok && (!finished || pending.isEmpty)
        }

        /// Whether `bytes` are at `at` in `b`.
        private func matches(_ b: UnsafeBufferPointer<UInt8>, _ at: Int, _ bytes: some Collection<UInt8>) -> Bool {
            guard at + bytes.count <= b.count else { return false }
            var i = at
            for c in bytes {
                if b[i] != c { return false }
                i += 1
            }
            return true
        }

        /// The end of the next line: a row's text may hold line feeds, so a row ends at `</row>\n`.
        private func lineEnd(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
            let isRow = headLines == 0 && matches(b, start, "  <row>".utf8)
            var i = start
            while i < b.count, let lf = memchr(b.baseAddress! + i, 0x0A, b.count - i) {
                let at = b.baseAddress!.distance(to: lf.assumingMemoryBound(to: UInt8.self))
                if !isRow || (at - start >= 13 && matches(b, at - 6, "</row>".utf8)) { return at }
                i = at + 1
            }
            return nil
        }

        /// Adds the row on `line` to `rows`; false when it does not follow the layout.
        private mutating func parse(_ b: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
            var p = line.lowerBound
            func expect(_ bytes: some Collection<UInt8>) -> Bool {
                guard p + bytes.count <= line.upperBound, matches(b, p, bytes) else { return false }
                p += bytes.count
                return true
            }
            guard expect("  <row>".utf8) else { return false }
            for c in open.indices {
                if expect(empty[c]) {
                    rows.endValue()
                    continue
                }
                guard expect(open[c]) else { return false }
                let lt =
                    memchr(b.baseAddress! + p, 0x3C, line.upperBound - p).map {
                        b.baseAddress!.distance(to: $0.assumingMemoryBound(to: UInt8.self))
                    } ?? line.upperBound
                guard decode(UnsafeBufferPointer(rebasing: b[p..<lt])) else { return false }
                p = lt
                guard expect(close[c]) else { return false }
            }
            return expect("</row>".utf8) && p == line.upperBound
        }

        /// Adds text to `rows` with the writer's four references decoded; false on any other `&`.
        private mutating func decode(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
            guard text.contains(0x26) else {
                rows.appendValue(text)
                return true
            }
            var out: [UInt8] = []
            var i = 0
            while i < text.count {
                guard text[i] == 0x26 else {
                    out.append(text[i])
                    i += 1
                    continue
                }
                let rest = UnsafeBufferPointer(rebasing: text[i...])
                if rest.starts(with: "&amp;".utf8) {
                    out.append(0x26)
                    i += 5
                } else if rest.starts(with: "&lt;".utf8) {
                    out.append(0x3C)
                    i += 4
                } else if rest.starts(with: "&gt;".utf8) {
                    out.append(0x3E)
                    i += 4
                } else if rest.starts(with: "&quot;".utf8) {
                    out.append(0x22)
                    i += 6
                } else {
                    return false
                }
            }
            out.withUnsafeBufferPointer { rows.appendValue($0) }
            return true
        }
    }
}
