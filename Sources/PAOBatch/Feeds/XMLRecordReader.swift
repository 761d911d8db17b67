import CLibXML2

#if canImport(Glibc)
    import Glibc
#endif

/// Receives the records of an XML feed: root (depth 1) > record (2) > child (3) > nested (4+).
protocol XMLRecordBuilder: AnyObject {
    func beginRecord(name: UnsafePointer<UInt8>, attributes: XMLAttributes)
    func beginChild(name: UnsafePointer<UInt8>, attributes: XMLAttributes)
    /// Character data directly inside the current child, references decoded.
    func childText(_ bytes: UnsafeBufferPointer<UInt8>)
    /// An element inside a child.
    func nestedElement()
    func endChild()
    func endRecord(line: Int, raw: [UInt8])
}

/// The attributes of a start tag as libxml2's SAX2 hands them over.
struct XMLAttributes {
    let count: Int
    let pointers: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?

    /// The value of the attribute `name` with references decoded, or nil when it is not there.
    func value(of name: String) -> [UInt8]? {
        guard let pointers else { return nil }
        for i in 0..<count {
            let base = pointers + 5 * i
            guard let local = base[0], let start = base[3], let end = base[4] else { continue }
            if strcmp(UnsafeRawPointer(local).assumingMemoryBound(to: CChar.self), name) == 0 {
                return decodeAmpersands(UnsafeBufferPointer(start: start, count: start.distance(to: end)))
            }
        }
        return nil
    }

    /// Without entity replacement libxml2 hands `&` in attribute values back as `&#38;`.
    private func decodeAmpersands(_ b: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(b.count)
        var i = 0
        let ref = Array("&#38;".utf8)
        while i < b.count {
            if b[i] == 0x26, i + 5 <= b.count, Array(b[i..<i + 5]) == ref {
                out.append(0x26)
                i += 5
            } else {
                out.append(b[i])
                i += 1
            }
        }
        return out
    }
}

/// A hardened streaming XML reader on libxml2's SAX2 push parser (SPEC §2.0, §8): no DTD (any
/// DOCTYPE is refused before its subset is read), no entity expansion, no network or file access,
/// depth at most 32, text nodes at most 1 MiB, UTF-8 only. Keeps each record's source text.
final class XMLRecordReader {
    static let maxDepth = 32
    static let maxTextNode = 1 << 20
    static let defaultChunkSize = 1 << 16

    private let source: ByteSource
    private let chunkSize: Int
    private let rootName: String
    private let builder: XMLRecordBuilder
    private var ctxt: xmlParserCtxtPtr?
    private var failure: FeedError?
    private var depth = 0
    private var textNodeBytes = 0
    private var nestedUnderChild = false

    // The source bytes from `windowBase` on, to cut out each record's raw text.
    private var window: [UInt8] = []
    private var windowBase = 0
    private var recordStart = -1
    private var recordLine = 0
    private var recordHead: [UInt8]?

    init(source: ByteSource, rootName: String, builder: XMLRecordBuilder, chunkSize: Int = defaultChunkSize) {
        self.source = source
        self.chunkSize = max(1, chunkSize)
        self.rootName = rootName
        self.builder = builder
    }

    /// Reads the whole feed, calling the builder for each record; throws on a structural error.
    func run() throws(FeedError) {
        XMLRecordReader.installSecurityHooks
        var sax = XMLRecordReader.makeHandler()
        let me = Unmanaged.passUnretained(self).toOpaque()
        guard let ctxt = xmlCreatePushParserCtxt(&sax, me, nil, 0, source.fileName) else {
            throw FeedError(.io, file: source.fileName, "cannot create the XML parser")
        }
        self.ctxt = ctxt
        defer {
            xmlFreeParserCtxt(ctxt)
            self.ctxt = nil
        }
        guard xmlCtxtUseOptions(ctxt, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue)) == 0 else {
            throw FeedError(.io, file: source.fileName, "cannot set the XML parser's options")
        }
        ctxt.pointee.replaceEntities = 0

        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { chunk.deallocate() }
        var first = true
        while true {
            let n = try source.read(into: chunk)
            let bytes = UnsafeBufferPointer(start: chunk.baseAddress!.assumingMemoryBound(to: UInt8.self), count: n)
            if first {
                first = false
                if n == 0 {
                    throw FeedError(
                        .structural, file: source.fileName, line: 1, "empty file: no <\(rootName)> root element")
                }
                try checkEncoding(bytes)
            }
            trimWindow()
            window.append(contentsOf: bytes)
            let status = xmlParseChunk(
                ctxt, UnsafeRawPointer(bytes.baseAddress!).assumingMemoryBound(to: CChar.self), Int32(n), n == 0 ? 1 : 0
            )
            if let failure { throw failure }
            if status != 0 || ctxt.pointee.wellFormed == 0 {
                throw fail("not well-formed XML")
            }
            if n == 0 { break }
        }
        if depth != 0 { throw fail("document ends inside an element") }
    }

    /// Refuses a byte-order mark or declaration of any encoding but UTF-8.
    private func checkEncoding(_ b: UnsafeBufferPointer<UInt8>) throws(FeedError) {
        if b.count >= 2, (b[0] == 0xFE && b[1] == 0xFF) || (b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0 || b[1] == 0) {
            throw FeedError(.structural, file: source.fileName, line: 1, "XML feeds must be UTF-8")
        }
        var start = 0
        if b.count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { start = 3 }
        let head = String(decoding: b[start..<min(b.count, start + 200)], as: UTF8.self)
        guard head.hasPrefix("<?xml"), let close = head.range(of: "?>") else { return }
        let decl = head[..<close.lowerBound]
        guard let enc = decl.range(of: "encoding") else { return }
        let rest = decl[enc.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return }
        let name = rest.dropFirst().prefix { $0 != quote }
        if name.lowercased() != "utf-8" {
            throw FeedError(.structural, file: source.fileName, line: 1, "XML feeds must be UTF-8, not \(name)")
        }
    }

    private func fail(_ message: String) -> FeedError {
        if let failure { return failure }
        var line: Int?
        var text = message
        if let error = xmlCtxtGetLastError(ctxt), error.pointee.code != 0 {
            line = Int(error.pointee.line)
            if let m = error.pointee.message {
                text += ": " + String(cString: m).trimmingTrailingNewlines
            }
        }
        return FeedError(.structural, file: source.fileName, line: line, text)
    }

    /// Stops parsing with a structural error.
    fileprivate func stop(_ message: String) {
        if failure == nil {
            failure = FeedError(.structural, file: source.fileName, line: currentLine, message)
        }
        xmlStopParser(ctxt)
    }

    private var currentLine: Int { Int(ctxt?.pointee.input?.pointee.line ?? 0) }

    /// Absolute offset of the parser's read position in the stream.
    private var currentOffset: Int {
        guard let input = ctxt?.pointee.input?.pointee, let base = input.base, let cur = input.cur else {
            return windowBase
        }
        return Int(input.consumed) + base.distance(to: cur)
    }

    /// Keeps the window to the open record (or the last chunk), saving the head of a huge record.
    private func trimWindow() {
        // Bytes libxml2 has not parsed yet stay too: a start tag split over many small chunks is
        // reported only once complete, and its record's raw text starts at its `<`.
        var keepFrom = min(windowBase + max(0, window.count - chunkSize), currentOffset)
        if recordStart >= 0 {
            if recordStart - windowBase < window.count && window.count - (recordStart - windowBase) > 8 << 20 {
                if recordHead == nil {
                    recordHead = Array(window[(recordStart - windowBase)...].prefix(FieldRecord.rawLimit))
                }
            } else {
                keepFrom = min(keepFrom, recordStart)
            }
        }
        let drop = keepFrom - windowBase
        if drop > 0 {
            window.removeFirst(drop)
            windowBase = keepFrom
        }
    }

    // MARK: SAX events

    fileprivate func startElement(_ name: UnsafePointer<xmlChar>, _ attributes: XMLAttributes) {
        depth += 1
        textNodeBytes = 0
        if depth > XMLRecordReader.maxDepth { return stop("element depth over \(XMLRecordReader.maxDepth)") }
        switch depth {
        case 1:
            if strcmp(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self), rootName) != 0 {
                stop("root element must be <\(rootName)>, not <\(String(cString: name))>")
            }
        case 2:
            let end = currentOffset
            var start = end - 1
            while start > windowBase, window[start - windowBase] != 0x3C { start -= 1 }
            recordStart = max(start, windowBase)
            recordHead = nil
            let newlines = window[(recordStart - windowBase)..<min(window.count, end - windowBase)].reduce(0) {
                $0 + ($1 == 0x0A ? 1 : 0)
            }
            recordLine = currentLine - newlines
            builder.beginRecord(name: name, attributes: attributes)
        case 3:
            nestedUnderChild = false
            builder.beginChild(name: name, attributes: attributes)
        default:
            if !nestedUnderChild {
                nestedUnderChild = true
                builder.nestedElement()
            }
        }
    }

    fileprivate func endElement() {
        textNodeBytes = 0
        switch depth {
        case 2:
            var end = currentOffset
            while end - windowBase < window.count, end > windowBase, window[end - 1 - windowBase] != 0x3E { end += 1 }
            let raw: [UInt8]
            if let head = recordHead {
                raw = head
            } else {
                let s = recordStart - windowBase
                raw = Array(window[s..<min(end - windowBase, s + FieldRecord.rawLimit, window.count)])
            }
            recordStart = -1
            builder.endRecord(line: recordLine, raw: raw)
        case 3:
            builder.endChild()
        default:
            break
        }
        depth -= 1
    }

    fileprivate func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        textNodeBytes += bytes.count
        if textNodeBytes > XMLRecordReader.maxTextNode { return stop("text node over 1 MiB") }
        if depth == 3 { builder.childText(bytes) }
    }

    // MARK: libxml2 wiring

    private static let installSecurityHooks: Void = {
        xmlInitParser()
        xmlSetExternalEntityLoader { _, _, _ in nil }
    }()

    private static func makeHandler() -> xmlSAXHandler {
        var sax = xmlSAXHandler()
        sax.initialized = UInt32(XML_SAX2_MAGIC)
        sax.startElementNs = { ctx, localname, _, _, _, _, nbAttributes, _, attributes in
            guard let ctx, let localname else { return }
            reader(ctx).startElement(localname, XMLAttributes(count: Int(nbAttributes), pointers: attributes))
        }
        sax.endElementNs = { ctx, _, _, _ in
            guard let ctx else { return }
            reader(ctx).endElement()
        }
        sax.characters = { ctx, ch, len in
            guard let ctx, let ch else { return }
            reader(ctx).characters(UnsafeBufferPointer(start: ch, count: Int(len)))
        }
        sax.ignorableWhitespace = sax.characters
        sax.cdataBlock = sax.characters
        sax.internalSubset = { ctx, _, _, _ in
            guard let ctx else { return }
            reader(ctx).stop("DOCTYPE is not allowed")
        }
        sax.externalSubset = { ctx, _, _, _ in
            guard let ctx else { return }
            reader(ctx).stop("DOCTYPE is not allowed")
        }
        sax.getEntity = { _, _ in nil }
        sax.getParameterEntity = { _, _ in nil }
        sax.entityDecl = { ctx, _, _, _, _, _ in
            guard let ctx else { return }
            reader(ctx).stop("entity declarations are not allowed")
        }
        sax.serror = { _, _ in }
        return sax
    }
}

private func reader(_ ctx: UnsafeMutableRawPointer) -> XMLRecordReader {
    Unmanaged<XMLRecordReader>.fromOpaque(ctx).takeUnretainedValue()
}

extension String {
    var trimmingTrailingNewlines: String {
        var s = self
        while s.last == "\n" { s.removeLast() }
        return s
    }
}
