import Foundation
import Testing
import TextMineTesting

/// Every ```swift block of the README and docs/ compiles against this build, so the docs cannot
/// drift from the API.
///
/// The blocks of one Markdown file form one module (a later block may use a type an earlier one
/// declares), with every TextMine module imported. A block of declarations is compiled as it is; a
/// block of statements becomes the body of a function whose parameters give it an `article`, a
/// `span` and a `sentence` to talk about. Blocks that start with `// Package.swift` are manifest
/// fragments, not program code, and are left out.
@Suite("documentation snippets")
struct DocSnippetTests {
    static let modules = ["Foundation", "Testing", "TextMineYAML", "TextMineCore", "TextMineStages", "TextMinePlugins",
                          "TextMineTesting", "TextMineCLI"]

    /// The Markdown files with Swift blocks: the README and everything under docs/.
    static func markdownFiles() -> [String] {
        let docs = TestPaths.repository + "/docs"
        let found = FileManager.default.enumerator(atPath: docs)?.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".md") }.sorted().map { docs + "/" + $0 } ?? []
        return [TestPaths.repository + "/README.md"] + found
    }

    /// The bodies of the ```swift blocks of a Markdown text.
    static func swiftBlocks(_ markdown: String) -> [String] {
        var blocks: [String] = []
        var current: [Substring]?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line.trimmingCharacters(in: .whitespaces) == "```swift" {
                current = []
            } else if current != nil, line.trimmingCharacters(in: .whitespaces) == "```" {
                blocks.append(current!.joined(separator: "\n"))
                current = nil
            } else {
                current?.append(line)
            }
        }
        return blocks
    }

    /// A block as a source file of the snippets module.
    static func source(of block: String, index: Int) -> String {
        let lines = block.split(separator: "\n", omittingEmptySubsequences: false)
        let body = lines.filter { !$0.hasPrefix("import ") }  // every module is imported; others are the block's own
        let declarationStarts = ["public ", "private ", "internal ", "final ", "struct ", "class ", "enum ", "extension ",
                                 "func ", "@", "protocol ", "actor ", "typealias "]
        let declares = body.contains { line in declarationStarts.contains { line.hasPrefix($0) } }
        let imports = modules.map { "import \($0)" }.joined(separator: "\n")
        if declares { return imports + "\n" + body.joined(separator: "\n") + "\n" }
        return imports + "\nfunc snippet\(index)(article: inout Article, span: Span, sentence: Sentence) throws {\n"
            + body.joined(separator: "\n") + "\n}\n"
    }

    @Test("every Swift block of the docs type-checks against this build")
    func snippetsCompile() throws {
        let folder = try TemporaryFolder()
        var checked = 0
        for file in Self.markdownFiles() {
            let blocks = Self.swiftBlocks(try String(contentsOfFile: file, encoding: .utf8))
                .filter { !$0.hasPrefix("// Package.swift") }
            guard !blocks.isEmpty else { continue }
            let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
            var sources: [String] = []
            for (index, block) in blocks.enumerated() {
                let path = folder.path("\(name)-\(index).swift")
                try Self.source(of: block, index: index).write(toFile: path, atomically: true, encoding: .utf8)
                sources.append(path)
            }
            let sourcesFolder = TestPaths.repository + "/Sources"
            let result = try runProgram("/usr/bin/env", [
                "swiftc", "-typecheck", "-parse-as-library", "-module-name", "DocSnippets",
                "-I", TestPaths.products + "/Modules",
                "-Xcc", "-fmodule-map-file=\(sourcesFolder)/CYAML/module.modulemap",
                "-Xcc", "-fmodule-map-file=\(sourcesFolder)/CLibXML2/module.modulemap", "-Xcc", "-I/usr/include/libxml2",
                "-Xcc", "-fmodule-map-file=\(sourcesFolder)/CTextMineCompiler/include/module.modulemap",
            ] + sources)
            let errors = result.output.split(separator: "\n").filter { $0.hasPrefix("/") && $0.contains(": error:") }
            #expect(result.status == 0 && errors.isEmpty,
                    "the Swift blocks of \(file) do not compile:\n\(errors.prefix(10).joined(separator: "\n"))")
            checked += blocks.count
        }
        #expect(checked >= 8, "found \(checked) Swift blocks in the docs")
    }

    @Test("blocks are found, and statements are wrapped in a function")
    func extraction() {
        let markdown = "text\n```swift\nlet x = 1\n```\n```yaml\na: 1\n```\n```swift\nimport Mine\npublic struct S {}\n```\n"
        let blocks = Self.swiftBlocks(markdown)
        #expect(blocks == ["let x = 1", "import Mine\npublic struct S {}"])
        #expect(Self.source(of: blocks[0], index: 0).hasSuffix("func snippet0(article: inout Article, span: Span, sentence: Sentence) throws {\nlet x = 1\n}\n"))
        #expect(Self.source(of: blocks[1], index: 1).hasSuffix("import TextMineCLI\npublic struct S {}\n"))
    }
}
