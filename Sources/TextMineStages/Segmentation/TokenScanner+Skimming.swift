/// Skimming: the tokens the sentence splitter needs, without tokenizing all the text.
///
/// A sentence boundary only depends on the tokens around the bytes that can end a sentence or a
/// quotation: terminal marks (`.` `!` `?` `…`), line breaks and straight double quotes. Skimming
/// tokenizes for real from the start of the white-space-delimited chunk holding such a byte
/// through the first word after it, and stands for each stretch in between with one placeholder
/// token (its first scalar's class, its extent, and whether it holds any word). The splitter
/// groups these tokens exactly as it would group all of them, several times faster.
extension TokenScanner {
    /// Appends the tokens of `bytes[range]` that a sentence boundary can depend on, and
    /// placeholders for the stretches in between, to `tokens`.
    static func skim(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, rules: SegmentationRules,
                     into tokens: inout [RawToken])
    {
        CharacterClass.basicPlane.withUnsafeBufferPointer { classes in
            asciiSkimClasses.withUnsafeBufferPointer { ascii in
                let scanner = TokenScanner(bytes: bytes, rules: rules, end: range.upperBound, classes: classes)
                scanner.skim(from: range.lowerBound, into: &tokens, ascii: ascii)
            }
        }
    }

    /// What skimming needs to know of an ASCII byte.
    private enum SkimClass: UInt8 {
        /// Punctuation or a symbol that cannot end a sentence.
        case other
        /// A letter or digit.
        case word
        /// A space or tab.
        case space
        /// `.` `!` `?` `"` or a line break.
        case matters
    }

    private static let asciiSkimClasses: [SkimClass] = (0..<128).map { byte in
        switch byte {
        case 0x2E, 0x21, 0x3F, 0x22, 0x0A, 0x0B, 0x0C, 0x0D: return .matters
        default:
            let cls = CharacterClass.of(UInt32(byte))
            if cls.contains(.space) { return .space }
            return cls.intersection(.wordCharacter) != [] ? .word : .other
        }
    }

    private func skim(from start: Int, into tokens: inout [RawToken], ascii: UnsafeBufferPointer<SkimClass>) {
        var position = start
        while position < end {
            // Skip to the next byte that matters, remembering where its chunk starts.
            var stretchStart = -1  // first non-white byte of the stretch
            var stretchEnd = position  // end of the last chunk before `chunkStart`
            var stretchHasContent = false
            var chunkStart = position
            var chunkHasContent = false
            var k = position
            scanning: while k < end {
                let byte = bytes[k]
                let isSpace: Bool
                let length: Int
                if byte < 0x80 {
                    switch ascii[Int(byte)] {
                    case .matters: break scanning
                    case .word: chunkHasContent = true
                    case .other: break
                    case .space:
                        if chunkStart < k {
                            if stretchStart < 0 { stretchStart = chunkStart }
                            stretchEnd = k
                            stretchHasContent = stretchHasContent || chunkHasContent
                        }
                        chunkStart = k + 1
                        chunkHasContent = false
                    }
                    k += 1
                    continue scanning
                } else {
                    let cls: CharacterClass
                    (cls, length) = characterClass(at: k)
                    if cls.intersection([.terminal, .newline]) != [] { break scanning }
                    isSpace = cls.contains(.space)
                    if cls.intersection(.wordCharacter) != [] { chunkHasContent = true }
                }
                if isSpace {
                    if chunkStart < k {
                        if stretchStart < 0 { stretchStart = chunkStart }
                        stretchEnd = k
                        stretchHasContent = stretchHasContent || chunkHasContent
                    }
                    chunkStart = k + length
                    chunkHasContent = false
                }
                k += length
            }
            if k == end {  // no byte that matters until the end: the rest is one stretch
                if chunkStart < k {
                    if stretchStart < 0 { stretchStart = chunkStart }
                    stretchEnd = k
                    stretchHasContent = stretchHasContent || chunkHasContent
                }
                chunkStart = end
            }
            if stretchStart >= 0 {
                tokens.append(RawToken(start: stretchStart, end: stretchEnd, kind: stretchHasContent ? .word : .punct,
                                       first: characterClass(at: stretchStart).0))
            }
            // Tokenize for real from the chunk through the first word after the byte that matters.
            position = chunkStart
            var wordEnd = -1
            while true {
                guard let token = nextToken(from: position, wordEnd: wordEnd) else { return }
                tokens.append(token)
                wordEnd = token.kind == .word ? token.end : -1
                position = token.end
                if token.start > k && token.kind.isContent { break }
            }
        }
    }
}
