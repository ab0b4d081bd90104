import Testing
import TextMineYAML

private func parse(_ text: String) throws -> YAMLNode { try YAMLParser.parse(text, file: "p.yaml") }

private func error(_ text: String) -> YAMLError? {
    do {
        _ = try YAMLParser.parse(text, file: "p.yaml")
        return nil
    } catch {
        return error
    }
}

@Test("every node carries its 1-based start line and column")
func nestedPositions() throws {
    let root = try parse("""
        name: demo
        stages:
          - use: clean
            with:
              lowercase: true
          - use: 'sentences'
        """)
    #expect(root.mark == YAMLMark(line: 1, column: 1))
    #expect(root["name"]?.mark == YAMLMark(line: 1, column: 7))
    let stages = try #require(root["stages"]?.sequence)
    #expect(stages.count == 2)
    #expect(stages[0].mark == YAMLMark(line: 3, column: 5))
    #expect(stages[0]["use"]?.mark == YAMLMark(line: 3, column: 10))
    #expect(stages[0]["with"]?["lowercase"]?.mark == YAMLMark(line: 5, column: 18))
    #expect(stages[0]["with"]?["lowercase"]?.scalar == "true")
    let keys = try #require(stages[0]["with"]?.mapping)
    #expect(keys[0].key.mark == YAMLMark(line: 5, column: 7))
    #expect(stages[1]["use"]?.mark == YAMLMark(line: 6, column: 10))
    #expect(stages[1]["use"]?.kind == .scalar("sentences", style: .singleQuoted, tag: nil))
    #expect(stages[1]["use"]?.isPlainScalar == false)
}

@Test("columns count Unicode scalars, not bytes")
func columnsInScalars() throws {
    let root = try parse("é: « x »\nb: [1, 2]")
    #expect(root["é"]?.mark == YAMLMark(line: 1, column: 4))
    #expect(root["b"]?.sequence?[1].mark == YAMLMark(line: 2, column: 8))
}

@Test("scalars keep their style and explicit tags; conveniences")
func stylesAndTags() throws {
    let root = try parse("""
        a: plain
        b: "double"
        c: |
          line 1
          line 2
        d: >-
          folded
          text
        e: !!str 12
        f: ~
        g:
        h: null
        """)
    #expect(root["a"]?.kind == .scalar("plain", style: .plain, tag: nil))
    #expect(root["b"]?.kind == .scalar("double", style: .doubleQuoted, tag: nil))
    #expect(root["c"]?.kind == .scalar("line 1\nline 2\n", style: .literal, tag: nil))
    #expect(root["d"]?.kind == .scalar("folded text", style: .folded, tag: nil))
    #expect(root["e"]?.kind == .scalar("12", style: .plain, tag: YAMLTag.str))
    #expect(root["e"]?.isPlainScalar == false)
    #expect(root["e"]?.kindDescription == "a string")
    #expect(root["f"]?.isNull == true)
    #expect(root["g"]?.isNull == true)
    #expect(root["h"]?.isNull == true)
    #expect(root["b"]?.isNull == false)
    #expect(root["a"]?.sequence == nil)
    #expect(root["missing"] == nil)
}

@Test("an empty document is a null node at 1:1")
func emptyDocument() throws {
    let root = try parse("# only a comment\n")
    #expect(root.isNull)
    #expect(root.mark == YAMLMark(line: 1, column: 1))
}

@Test("aliases copy their anchored node; merge keys fill missing entries")
func anchorsAliasesAndMerge() throws {
    let root = try parse("""
        base: &base
          lang: fr
          size: 3
        list: &l [a, b]
        copy: *l
        step:
          <<: *base
          size: 5
        multi:
          <<: [{x: 1}, {x: 2, y: 2}]
        """)
    #expect(root["copy"]?.sequence?.compactMap(\.scalar) == ["a", "b"])
    #expect(root["copy"]?.mark == YAMLMark(line: 4, column: 7))
    let step = try #require(root["step"]?.mapping)
    #expect(step.compactMap(\.key.scalar) == ["lang", "size"])
    #expect(root["step"]?["size"]?.scalar == "5")
    #expect(root["step"]?["lang"]?.scalar == "fr")
    #expect(root["multi"]?["x"]?.scalar == "1")
    #expect(root["multi"]?["y"]?.scalar == "2")
}

@Test("a second document is an error for parse, fine for parseAll")
func multipleDocuments() throws {
    let text = "a: 1\n---\nb: 2\n"
    let e = error(text)
    #expect(e?.description == "p.yaml:2:1: error: expected one document, found another\n    hint: remove the '---' line and what follows, or split the file")
    let all = try YAMLParser.parseAll(text, file: "p.yaml")
    #expect(all.count == 2)
    #expect(all[1]["b"]?.mark == YAMLMark(line: 3, column: 4))
}

@Test("syntax errors carry libyaml's wording and position")
func syntaxErrors() {
    let unclosed = error("a: [1, 2\nb: 3\n")
    #expect(unclosed?.message == "did not find expected ',' or ']' (while parsing a flow sequence at 1:4)")
    #expect(unclosed?.mark == YAMLMark(line: 2, column: 2))

    let colon = error("a: b: c\n")
    #expect(colon?.description == """
        p.yaml:1:5: error: mapping values are not allowed in this context
            hint: quote a value that contains ': ', or check the indentation of this line
        """)

    let indent = error("a:\n  b: 1\n c: 2\n")
    #expect(indent?.mark == YAMLMark(line: 3, column: 2))
    #expect(indent?.message == "did not find expected key (while parsing a block mapping at 1:1)")
    #expect(indent?.hint == "check the indentation of this line against the lines above")
}

@Test("tabs used for indentation are named in the hint")
func tabIndentation() {
    let e = error("a:\n\tb: 1\n")
    #expect(e?.mark == YAMLMark(line: 2, column: 1))
    #expect(e?.message == "found character that cannot start any token (while scanning for the next token at 2:1)")
    #expect(e?.hint == "YAML does not allow tabs for indentation; use spaces")
}

@Test("invalid UTF-8 is reported at its line and column")
func invalidUTF8() {
    var bytes = Array("a: ok\nb: x".utf8)
    bytes.append(0xFF)
    #expect(throws: YAMLError(file: "p.yaml", mark: YAMLMark(line: 2, column: 5),
                              message: "invalid UTF-8: invalid leading UTF-8 octet", hint: "save the file as UTF-8")) {
        try YAMLParser.parse(bytes: bytes, file: "p.yaml")
    }
}

@Test("a repeated key is an error at the second occurrence")
func duplicateKeys() {
    let e = error("a: 1\nnested:\n  x: 1\n  x: 2\n")
    #expect(e?.description == """
        p.yaml:4:3: error: duplicate key 'x' (first defined at 3:3)
            hint: a key may appear only once in a mapping; remove or rename one of them
        """)
}

@Test("parseRecovering collects every repeated key, keeps the first value and goes on")
func duplicateKeysRecovered() throws {
    let (node, problems) = try YAMLParser.parseRecovering(bytes: Array("a: 1\nb: 2\na: 3\nc:\n  x: 1\n  x: 2\n".utf8),
                                                          file: "p.yaml")
    #expect(problems.map(\.description) == [
        "p.yaml:3:1: error: duplicate key 'a' (first defined at 1:1)\n"
            + "    hint: a key may appear only once in a mapping; remove or rename one of them",
        "p.yaml:6:3: error: duplicate key 'x' (first defined at 5:3)\n"
            + "    hint: a key may appear only once in a mapping; remove or rename one of them",
    ])
    #expect(node.mapping?.map { $0.key.scalar } == ["a", "b", "c"])
    #expect(node.mapping?.first?.value.scalar == "1")
}

@Test("undefined and recursive aliases are errors")
func badAliases() {
    let undefined = error("a: *nowhere\n")
    #expect(undefined?.description == """
        p.yaml:1:4: error: undefined alias '*nowhere'
            hint: define the anchor '&nowhere' before this alias
        """)
    let recursive = error("a: &x\n  b: *x\n")
    #expect(recursive?.mark == YAMLMark(line: 2, column: 6))
    #expect(recursive?.message == "alias '*x' refers to a node that contains it")
}

@Test("merge keys must name mappings")
func badMerge() {
    let e = error("a: &s text\nb:\n  <<: *s\n")
    #expect(e?.mark == YAMLMark(line: 1, column: 4))
    #expect(e?.message == "merge key '<<' expects a mapping or a list of mappings")
}

@Test("a billion-laughs document fails fast at the alias crossing the node limit")
func billionLaughs() {
    var text = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    var previous = "a"
    for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
        text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
        previous = name
    }
    let e = error(text)
    #expect(e?.message == "aliases expand to more than 100000 nodes")
    #expect(e?.mark.line == 6)
    #expect(e?.hint?.contains("billion laughs") == true)
}

@Test("the alias limit counts copied nodes, not the nodes written, and is configurable")
func aliasNodeLimit() throws {
    #expect(try YAMLParser.parse("[1, 2, 3, 4, 5]", file: "p.yaml", aliasNodeLimit: 2).sequence?.count == 5)
    let aliased = "a: &a [1, 2]\nb: *a\nc: *a\n"
    #expect(throws: YAMLError.self) { try YAMLParser.parse(aliased, file: "p.yaml", aliasNodeLimit: 5) }
    #expect(try YAMLParser.parse(aliased, file: "p.yaml", aliasNodeLimit: 6)["c"]?.sequence?.count == 2)
}

@Test("the core schema types plain scalars")
func coreSchema() {
    #expect(YAMLCoreSchema.resolve("") == .null)
    #expect(YAMLCoreSchema.resolve("~") == .null)
    #expect(YAMLCoreSchema.resolve("True") == .bool(true))
    #expect(YAMLCoreSchema.resolve("yes") == .string)
    #expect(YAMLCoreSchema.resolve("-12") == .int(-12))
    #expect(YAMLCoreSchema.resolve("0x1F") == .int(31))
    #expect(YAMLCoreSchema.resolve("0o17") == .int(15))
    #expect(YAMLCoreSchema.resolve("1.5e3") == .float(1500))
    #expect(YAMLCoreSchema.resolve(".5") == .float(0.5))
    #expect(YAMLCoreSchema.resolve("-.inf") == .float(-.infinity))
    #expect(YAMLCoreSchema.resolve("1.2.3") == .string)
    #expect(YAMLCoreSchema.resolve("e3") == .string)
    #expect(YAMLCoreSchema.resolve("99999999999999999999") == .float(1e20))
}
