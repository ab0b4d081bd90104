/// The variants of a ``PatternSet``'s patterns compiled into flat arrays, so that matching reads
/// plain memory: no token array or enum payload is copied, and reference-counted, per step. It
/// matches exactly as ``TextPattern`` does.
struct PatternProgram: Sendable {
    fileprivate enum Kind: UInt8, Sendable { case literal, anything, number }

    /// A literal (`literals[start..<start + count]`), a wildcard or a number.
    fileprivate struct Step: Sendable {
        var kind: Kind
        var start: Int32
        var count: Int32
    }

    private var steps: [Step] = []
    private var literals: [UInt8] = []
    /// The steps of variant `v` are `steps[variantBounds[v]..<variantBounds[v + 1]]`.
    private var variantBounds: [Int32] = [0]
    /// The variants of pattern `p` are `patternBounds[p]..<patternBounds[p + 1]`.
    private var patternBounds: [Int32] = [0]
    /// Per pattern: bit 0 anchored at the start, bit 1 anchored at the end.
    private var anchors: [UInt8] = []

    /// Adds a pattern; its index is the number of patterns added before it.
    mutating func append(_ pattern: TextPattern) {
        for tokens in pattern.variants {
            for token in tokens {
                switch token {
                case .literal(let bytes):
                    steps.append(Step(kind: .literal, start: Int32(literals.count), count: Int32(bytes.count)))
                    literals += bytes
                case .anything: steps.append(Step(kind: .anything, start: 0, count: 0))
                case .number: steps.append(Step(kind: .number, start: 0, count: 0))
                }
            }
            variantBounds.append(Int32(steps.count))
        }
        patternBounds.append(Int32(variantBounds.count - 1))
        anchors.append((pattern.anchoredAtStart ? 1 : 0) | (pattern.anchoredAtEnd ? 2 : 0))
    }

    /// Runs `body` with a matcher over the compiled patterns.
    func withMatcher<Result>(_ body: (Matcher) -> Result) -> Result {
        steps.withUnsafeBufferPointer { steps in
            literals.withUnsafeBufferPointer { literals in
                variantBounds.withUnsafeBufferPointer { variantBounds in
                    patternBounds.withUnsafeBufferPointer { patternBounds in
                        anchors.withUnsafeBufferPointer { anchors in
                            body(Matcher(steps: steps, literals: literals, variantBounds: variantBounds,
                                         patternBounds: patternBounds, anchors: anchors))
                        }
                    }
                }
            }
        }
    }

    /// Matches the compiled patterns against folded text (valid inside ``withMatcher(_:)`` only).
    struct Matcher {
        fileprivate let steps: UnsafeBufferPointer<Step>
        fileprivate let literals: UnsafeBufferPointer<UInt8>
        fileprivate let variantBounds: UnsafeBufferPointer<Int32>
        fileprivate let patternBounds: UnsafeBufferPointer<Int32>
        fileprivate let anchors: UnsafeBufferPointer<UInt8>

        /// Whether pattern `pattern` matches `text` anywhere it may (``TextPattern/matches(folded:)``).
        func matches(_ pattern: Int, in text: [UInt8]) -> Bool {
            if anchors[pattern] & 1 != 0 { return matches(pattern, in: text, at: TextPattern.contentStart(text)) }
            var position = 0
            while position < text.count {
                if text[position] & 0xC0 != 0x80, TextPattern.isWordStart(text, position), matches(pattern, in: text, at: position) {
                    return true
                }
                position += 1
            }
            return false
        }

        /// Whether pattern `pattern` matches `text` at `position`.
        func matches(_ pattern: Int, in text: [UInt8], at position: Int) -> Bool {
            let anchoredAtEnd = anchors[pattern] & 2 != 0
            for variant in Int(patternBounds[pattern])..<Int(patternBounds[pattern + 1])
            where match(text, Int(variantBounds[variant]), end: Int(variantBounds[variant + 1]), at: position,
                        anchoredAtEnd: anchoredAtEnd)
            {
                return true
            }
            return false
        }

        private func match(_ text: [UInt8], _ step: Int, end: Int, at position: Int, anchoredAtEnd: Bool) -> Bool {
            guard step < end else { return isEnd(text, position, anchoredAtEnd: anchoredAtEnd) }
            let current = steps[step]
            switch current.kind {
            case .literal:
                let count = Int(current.count)
                guard position + count <= text.count else { return false }
                let start = Int(current.start)
                var offset = 0
                while offset < count {
                    if text[position + offset] != literals[start + offset] { return false }
                    offset += 1
                }
                return match(text, step + 1, end: end, at: position + count, anchoredAtEnd: anchoredAtEnd)
            case .number:
                var digitsEnd = position
                while digitsEnd < text.count, text[digitsEnd] >= 0x30, text[digitsEnd] <= 0x39 { digitsEnd += 1 }
                guard digitsEnd > position else { return false }
                return match(text, step + 1, end: end, at: digitsEnd, anchoredAtEnd: anchoredAtEnd)
            case .anything:
                if step + 1 == end { return true }
                var next = position
                while next <= text.count {
                    if match(text, step + 1, end: end, at: next, anchoredAtEnd: anchoredAtEnd) { return true }
                    next += 1
                }
                return false
            }
        }

        /// Whether a match may end here: at a word boundary, and at the end of the text for `$`.
        private func isEnd(_ text: [UInt8], _ position: Int, anchoredAtEnd: Bool) -> Bool {
            if anchoredAtEnd {
                var cursor = position
                while cursor < text.count, TextPattern.isTrailingPunctuation(text[cursor]) { cursor += 1 }
                return cursor == text.count
            }
            guard position < text.count, position > 0 else { return true }
            return !(TextPattern.isWordScalar(text, before: position) && TextPattern.isWordScalar(text, at: position))
        }
    }
}
