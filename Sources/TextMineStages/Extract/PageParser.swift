import CLibXML2

/// Parses HTML with libxml2's HTML parser in SAX mode into a ``ParsedPage``.
///
/// SAX instead of `htmlReadMemory`'s tree: the same tolerant parser (recover, no errors or
/// warnings printed, no network), but events carry byte offsets into the source, so every
/// extracted block maps back to its bytes; memory stays bounded by the text kept (no libxml2 tree);
/// and nothing walks a tree recursively, so 100,000 nested elements are as safe as ten.
/// The input must be UTF-8 (the html decoder converts other charsets); `<meta charset>` is
/// ignored (`HTML_PARSE_IGNORE_ENC`).
enum PageParser {
    /// The parser options: tolerant, silent, offline, no implied elements, no declared encoding.
    static let options = Int32(
        HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOIMPLIED.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
            | HTML_PARSE_COMPACT.rawValue)

    /// Initialises libxml2 once (its thread-safety setup); called before any concurrent parse.
    static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// Parses UTF-8 HTML; inputs longer than `maxBytes` are cut at the last `<` before the limit.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, maxBytes: Int, hints: HintMatcher, library: PackLibrary) -> ParsedPage {
        _ = initialized
        var length = bytes.count
        var truncated = false
        if length > maxBytes {
            truncated = true
            length = maxBytes
            while length > 0, bytes[length - 1] != UInt8(ascii: "<") { length -= 1 }
            if length > 0 { length -= 1 }
        }
        let page = UnsafeBufferPointer(rebasing: bytes[..<length])
        let input = ParserInput(page, matcher: hints)
        let builder = PageBuilder(hints: hints, library: library, input: input)
        input.withBytes(of: page) { parse($0, into: builder) }
        return builder.finish(truncated: truncated)
    }

    /// Runs libxml2 over the bytes, with the builder's callbacks.
    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, into builder: PageBuilder) {
        guard bytes.count > 0, let base = bytes.baseAddress else { return }
        let pointer = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
        guard let context = htmlCreateMemoryParserCtxt(pointer, Int32(bytes.count)) else { return }
        defer { htmlFreeParserCtxt(context) }
        var handler = htmlSAXHandler()
        handler.startElement = onStartElement
        handler.endElement = onEndElement
        handler.characters = onCharacters
        handler.cdataBlock = onCharacters
        handler.ignorableWhitespace = onCharacters
        context.pointee.sax.pointee = handler
        _ = htmlCtxtUseOptions(context, options)
        // Without a declared encoding libxml2 reads non-ASCII bytes as Latin-1.
        _ = xmlSwitchEncoding(context, XML_CHAR_ENCODING_UTF8)
        context.pointee._private = Unmanaged.passUnretained(builder).toOpaque()
        builder.context = context
        withExtendedLifetime(builder) { _ = htmlParseDocument(context) }
        builder.context = nil
    }
}

/// The builder behind a parser context (the context is the SAX user data).
private func builder(_ context: UnsafeMutableRawPointer?) -> PageBuilder? {
    guard let context else { return nil }
    let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
    guard let raw = parser.pointee._private else { return nil }
    return Unmanaged<PageBuilder>.fromOpaque(raw).takeUnretainedValue()
}

private func onStartElement(
    _ context: UnsafeMutableRawPointer?, _ name: UnsafePointer<xmlChar>?,
    _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
) {
    guard let name, let builder = builder(context) else { return }
    builder.startElement(name: name, attributes: attributes)
}

private func onEndElement(_ context: UnsafeMutableRawPointer?, _ name: UnsafePointer<xmlChar>?) {
    guard let name else { return }
    builder(context)?.endElement(name: name)
}

private func onCharacters(_ context: UnsafeMutableRawPointer?, _ characters: UnsafePointer<xmlChar>?, _ length: Int32) {
    guard let characters, length > 0, let builder = builder(context) else { return }
    builder.characters(UnsafeBufferPointer(start: characters, count: Int(length)))
}
