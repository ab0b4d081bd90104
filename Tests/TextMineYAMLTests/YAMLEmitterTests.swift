import Testing
import TextMineYAML

@Test("the emitter writes block style with two-space indentation")
func blockStyle() {
    let node = YAMLNode.mapping([
        ("name", .string("demo")),
        ("stages", .sequence([
            .mapping([("use", .string("clean")), ("with", .mapping([("sentences", .scalar("3"))]))]),
            .mapping([("use", .string("pass")), ("with", .mapping([]))]),
        ])),
        ("paths", .sequence([.sequence([.string("a")]), .sequence([])])),
    ])
    #expect(YAMLEmitter.emit(node) == """
        name: demo
        stages:
          - use: clean
            with:
              sentences: 3
          - use: pass
            with: {}
        paths:
          - - a
          - []

        """)
}

@Test("strings that would read as something else are quoted")
func quoting() {
    let texts = ["true", "3", "null", "", "yes", "a: b", "#x", "x #y", "- a", "-", "1.5", "2022-01", ".5",
                 " padded", "tail:", "tab\there", "\u{1}", "---", "*star", "&amp", "<<"]
    for text in texts {
        let emitted = YAMLEmitter.emit(.string(text))
        #expect(emitted.hasPrefix("\""), "\(text) → \(emitted)")
    }
    for text in ["hello", "Reuters", "MOSCOU", "l’article", "a-b", "path/to/x.txt", "«guillemets»", "-x", "say \"hi\""] {
        #expect(YAMLEmitter.emit(.string(text)) == text + "\n")
    }
}

@Test("multi-line strings are literal blocks with the right chomping")
func literalBlocks() throws {
    #expect(YAMLEmitter.emit(.mapping([("t", .string("a\nb\n"))])) == "t: |\n  a\n  b\n")
    #expect(YAMLEmitter.emit(.mapping([("t", .string("a\nb"))])) == "t: |-\n  a\n  b\n")
    #expect(YAMLEmitter.emit(.mapping([("t", .string("a\n\n"))])) == "t: |+\n  a\n\n")
    #expect(YAMLEmitter.emit(.mapping([("t", .string("  indented\nx"))])) == "t: \"  indented\\nx\"\n")
}

@Test("emitted YAML parses back to an equal node", arguments: [
    "a: 1\nb: [x, 'true', \"3\", null, ~]\nc: {d: {e: [1, [2, 3], {}]}}\n",
    "text: |\n  Le « chat »\n  l’ami\n\n  fin\nquote: 'it''s: fine'\nctrl: \"\\x01\\t\\u2028\"\n",
    "? [complex, key]\n: value\n!!str 12: !!int '7'\nempty: ''\nkeep: |+\n  x\n\n\nlast: -1\n",
    "- - a\n  - b\n- k: v\n  l: [1]\n- >\n  folded\n  text\n",
])
func roundTrip(text: String) throws {
    let node = try YAMLParser.parse(text, file: "in.yaml")
    let emitted = YAMLEmitter.emit(node)
    let reparsed = try YAMLParser.parse(emitted, file: "out.yaml")
    #expect(reparsed == node, "\(emitted)")
    #expect(YAMLEmitter.emit(reparsed) == emitted)
}

@Test("any string survives emitting as a key, a value and an item, then parsing")
func stringsRoundTrip() throws {
    let alphabet: [String] = [" ", "\n", "\t", ":", "#", "-", "?", "'", "\"", "\\", "a", "b", "1", ".", "é", "«", "{",
                              "}", "[", "]", ",", "&", "*", "!", "|", ">", "%", "@", "`", "~", "\r", "\u{1}",
                              "\u{2028}", "\u{FEFF}", "=", "<", "y", "n", "0x", "e", "+"]
    var seed: UInt64 = 42
    func next(_ bound: Int) -> Int {
        seed = seed &* 6364136223846793005 &+ 1442695040888963407
        return Int((seed >> 33) % UInt64(bound))
    }
    for _ in 0..<600 {
        let text = (0..<next(10)).map { _ in alphabet[next(alphabet.count)] }.joined()
        let node = YAMLNode.mapping([(text, .string(text)), ("list", .sequence([.string(text), .string(text)]))])
        let emitted = YAMLEmitter.emit(node)
        let parsed = try YAMLParser.parse(emitted, file: "fuzz.yaml")
        #expect(parsed == node, "\(String(reflecting: text)) → \(emitted)")
    }
}
