import Foundation

/// Character encodings of input files: byte-order marks, UTF-8 and UTF-16, Windows-1252 (which
/// also reads Latin-1, as browsers do), and whatever else the system's iconv knows. Shared by the
/// text decoder and the HTML decoder.
public enum Charset {
    /// The canonical name of an encoding label (`latin1`, `ISO-8859-1`, `cp1252` → `windows-1252`;
    /// `utf8` → `utf-8`); nil when neither TextMine nor iconv knows it.
    public static func canonicalName(_ label: String) -> String? {
        let name = label.lowercased()
        switch name {
        case "utf-8", "utf8": return "utf-8"
        case "utf-16", "utf16": return "utf-16"
        case "utf-16le", "utf-16be": return name
        case "windows-1252", "cp1252", "latin1", "latin-1", "iso-8859-1", "iso8859-1", "l1", "us-ascii", "ascii":
            return "windows-1252"
        default:
            let converter = iconv_open("UTF-8", name)
            guard converter != iconv_t(bitPattern: -1) else { return nil }
            iconv_close(converter)
            return name
        }
    }

    /// The encoding a byte-order mark at the start of `bytes` announces, and the mark's length.
    public static func byteOrderMark<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> (charset: String, length: Int)? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return ("utf-8", 3) }
        if bytes.starts(with: [0xFF, 0xFE]) { return ("utf-16le", 2) }
        if bytes.starts(with: [0xFE, 0xFF]) { return ("utf-16be", 2) }
        return nil
    }

    /// Bytes that cannot be read in an encoding: the offset of the first bad byte (from the start
    /// of the bytes given) and why.
    public struct DecodingError: Error, Sendable, Equatable {
        public var offset: Int
        public var message: String
    }

    /// Decodes bytes of a known encoding (a canonical name), without a byte-order mark.
    public static func decode(_ bytes: ArraySlice<UInt8>, as charset: String) -> Result<String, DecodingError> {
        switch charset {
        case "utf-8":
            if let text = String(validating: bytes, as: UTF8.self) { return .success(text) }
            let offset = UTF8Validation.firstInvalidByte(in: bytes).map { $0 - bytes.startIndex } ?? 0
            return .failure(DecodingError(offset: offset, message: "invalid UTF-8"))
        case "utf-16le", "utf-16be", "utf-16":
            return utf16(bytes, bigEndian: charset != "utf-16le")
        case "windows-1252":
            return .success(windows1252(bytes))
        default:
            return transcode(Array(bytes), from: charset)
        }
    }

    /// Windows-1252: bytes 0x80–0x9F are typographic characters (`’`, `€`, `…`), the others the
    /// code point of the same value (so Latin-1 text reads the same). Every byte decodes.
    public static func windows1252<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.underestimatedCount)
        for byte in bytes {
            if byte >= 0x80 && byte <= 0x9F, let scalar = Unicode.Scalar(cp1252High[Int(byte - 0x80)]) {
                scalars.append(scalar)
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        return String(scalars)
    }

    private static let cp1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
        0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0x9D, 0x017E, 0x0178,
    ]

    /// UTF-16 code units of either byte order.
    private static func utf16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> Result<String, DecodingError> {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let (first, second) = (UInt16(bytes[index]), UInt16(bytes[index + 1]))
            units.append(bigEndian ? first << 8 | second : second << 8 | first)
            index += 2
        }
        var scalars = String.UnicodeScalarView()
        var iterator = units.makeIterator()
        var decoder = UTF16()
        var unit = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                scalars.append(scalar)
                unit += scalar.value > 0xFFFF ? 2 : 1
            case .emptyInput:
                guard bytes.count % 2 == 0 else {
                    return .failure(DecodingError(offset: bytes.count - 1, message: "invalid UTF-16 (an odd number of bytes)"))
                }
                return .success(String(scalars))
            case .error:
                return .failure(DecodingError(offset: unit * 2, message: "invalid UTF-16 (an unpaired surrogate)"))
            }
        }
    }

    /// Converts bytes of another encoding with the system's iconv.
    public static func transcode(_ bytes: [UInt8], from charset: String) -> Result<String, DecodingError> {
        let converter = iconv_open("UTF-8", charset)
        guard converter != iconv_t(bitPattern: -1) else {
            return .failure(DecodingError(offset: 0, message: "unknown encoding '\(charset)'"))
        }
        defer { iconv_close(converter) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 4 + 16)
        let outcome: (converted: Int, failedAt: Int?) = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer = UnsafeMutableRawPointer(inBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                var outPointer = UnsafeMutableRawPointer(outBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var outLeft = outBuffer.count
                let failed = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) == -1
                return (outBuffer.count - outLeft, failed ? inBuffer.count - inLeft : nil)
            }
        }
        if let failedAt = outcome.failedAt {
            return .failure(DecodingError(offset: failedAt, message: "invalid \(charset)"))
        }
        guard let text = String(validating: output[..<outcome.converted], as: UTF8.self) else {
            return .failure(DecodingError(offset: 0, message: "invalid \(charset)"))
        }
        return .success(text)
    }

    // MARK: - Sniffing

    /// What bytes that are not valid UTF-8 look like, for the hint of an error.
    public enum Guess: Sendable, Equatable {
        /// Windows-1252 (or Latin-1) text: high bytes stand alone between ASCII, no control bytes.
        case windows1252
        /// Mostly UTF-8, with some Windows-1252 bytes (two files pasted together, say).
        case mixed
        /// UTF-16 without a byte-order mark (many NUL bytes, all on even or all on odd offsets).
        case utf16(bigEndian: Bool)
        /// Control bytes: not text.
        case binary
        /// Nothing in particular.
        case unknown
    }

    /// Looks at bytes (the first 64 KB) to tell what they are, when they are not clean UTF-8.
    public static func guess<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Guess {
        let head = Array(bytes.prefix(1 << 16))
        var nulEven = 0, nulOdd = 0, controls = 0
        for (offset, byte) in head.enumerated() {
            if byte == 0 {
                if offset % 2 == 0 { nulEven += 1 } else { nulOdd += 1 }
            } else if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C {
                controls += 1
            }
        }
        let nuls = nulEven + nulOdd
        if nuls * 4 > head.count, min(nulEven, nulOdd) * 20 < nuls { return .utf16(bigEndian: nulEven > nulOdd) }
        if nuls + controls > 0 && (nuls + controls) * 100 > head.count { return .binary }
        var scalarsAbove7F = 0
        var invalid = 0
        var undefinedIn1252 = 0
        var iterator = head.makeIterator()
        var decoder = UTF8()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): if scalar.value > 0x7F { scalarsAbove7F += 1 }
            case .emptyInput: break loop
            case .error: invalid += 1
            }
        }
        for byte in head where byte == 0x81 || byte == 0x8D || byte == 0x8F || byte == 0x90 || byte == 0x9D {
            undefinedIn1252 += 1
        }
        guard invalid > 0, undefinedIn1252 == 0 else { return .unknown }
        return scalarsAbove7F == 0 ? .windows1252 : .mixed
    }

    /// A hint for bytes that are not valid in the encoding they were read as.
    public static func hint(for guess: Guess) -> String? {
        switch guess {
        case .windows1252: return "looks like Windows-1252; use --input-encoding cp1252"
        case .mixed:
            return "looks like UTF-8 mixed with Windows-1252; use --input-encoding cp1252 to read all of it as Windows-1252"
        case .utf16(let bigEndian):
            return "looks like UTF-16 without a byte-order mark; use --input-encoding utf-16\(bigEndian ? "be" : "le")"
        case .binary: return "looks like binary data, not text"
        case .unknown: return nil
        }
    }
}

/// Locates invalid UTF-8, for messages that say where a file is broken.
enum UTF8Validation {
    /// The index of the first byte of the first ill-formed UTF-8 sequence, or nil if there is none.
    static func firstInvalidByte<C: Collection<UInt8>>(in bytes: C) -> C.Index? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var index = bytes.startIndex
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): index = bytes.index(index, offsetBy: UTF8.width(scalar))
            case .emptyInput: return nil
            case .error: return index
            }
        }
    }
}
