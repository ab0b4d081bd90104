import Foundation

/// The files of a new stage package, as `textmine new-stage` writes them: a stage with an option,
/// a test, a pipeline using the stage, and a command line that registers it.
public struct StageScaffold: Sendable {
    /// The stage id (`word-count`); also the package's name.
    public let id: String
    /// Where the TextMine package is (the dependency's path).
    public let textminePath: String
    /// TextMine's git repository, when the package should depend on it instead of the path.
    public let textmineURL: String?

    /// Checks the id: lowercase letters, digits and `-`, starting with a letter, and not the id of
    /// a stage in `taken` (a new stage with a built-in id would silently replace it).
    public init(id: String, textminePath: String, textmineURL: String? = nil, taken: Set<String> = []) throws {
        let valid = id.first?.isLowercase == true && id.last != "-"
            && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        guard valid else {
            throw ScaffoldError("'\(id)' is not a valid stage id: use lowercase words joined by '-', such as 'word-count'")
        }
        guard !taken.contains(id) else {
            throw ScaffoldError("'\(id)' is the id of a built-in stage: a new stage with it would replace the built-in one; "
                                + "choose another id, such as 'my-\(id)'")
        }
        self.id = id
        self.textminePath = textminePath
        self.textmineURL = textmineURL
    }

    /// `word-count` → `WordCount`.
    public var typeName: String {
        id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// The module of the stage.
    public var stagesModule: String { typeName + "Stages" }
    /// The command line that registers the stage.
    public var executable: String { id + "-textmine" }

    /// The files, by path relative to the package folder.
    public var files: [(path: String, contents: String)] {
        [
            ("Package.swift", packageManifest),
            ("Sources/\(stagesModule)/\(typeName).swift", stageSource),
            ("Sources/\(executable)/main.swift", mainSource),
            ("Tests/\(stagesModule)Tests/\(typeName)Tests.swift", testSource),
            ("pipeline.yaml", pipeline),
            ("article.txt", "Avant [Publicité] après.\n"),
            (".gitignore", ".build/\nPackage.resolved\n"),
            ("README.md", readme),
        ]
    }

    /// The package identity SwiftPM gives the dependency: the last component of its path or URL
    /// (without `.git`), lowercased.
    private var textmineIdentity: String {
        let last = textmineURL.map { URL(string: $0)?.lastPathComponent ?? $0 } ?? URL(fileURLWithPath: textminePath).lastPathComponent
        return (last.hasSuffix(".git") ? String(last.dropLast(4)) : last).lowercased()
    }

    /// The two ways to depend on TextMine, the chosen one first and the other commented out.
    private var dependencyLines: String {
        let path = ".package(path: \"\(textminePath)\"),"
        let url = ".package(url: \"\(textmineURL ?? "https://github.com/OWNER/TextMine.git")\", branch: \"main\"),"
        return textmineURL == nil ? "\(path)\n        // \(url)" : "\(url)\n        // \(path)"
    }

    private var packageManifest: String {
        """
        // swift-tools-version:6.0
        import PackageDescription

        let package = Package(
            name: "\(id)",
            platforms: [.macOS(.v15)],
            products: [
                .library(name: "\(stagesModule)", targets: ["\(stagesModule)"]),
                .executable(name: "\(executable)", targets: ["\(executable)"]),
            ],
            dependencies: [
                // TextMine from a local checkout or from its git repository: keep one line. The
                // `package:` names below are the last component of the path or URL, lowercased.
                \(dependencyLines)
            ],
            targets: [
                .target(
                    name: "\(stagesModule)",
                    dependencies: [.product(name: "TextMineCore", package: "\(textmineIdentity)")]),
                .executableTarget(
                    name: "\(executable)",
                    dependencies: ["\(stagesModule)", .product(name: "TextMineCLI", package: "\(textmineIdentity)")]),
                .testTarget(
                    name: "\(stagesModule)Tests",
                    dependencies: ["\(stagesModule)", .product(name: "TextMineTesting", package: "\(textmineIdentity)")]),
            ]
        )

        """
    }

    private var stageSource: String {
        """
        import TextMineCore

        /// Removes a marker (such as `[Publicité]`) wherever it appears, recording each removal.
        ///
        /// Contract (docs/writing-stages.md): `process` runs concurrently on many articles, so the
        /// stage keeps no mutable state; it changes the text only through `applyEdits`.
        public struct \(typeName): Stage {
            static let marker = StageOption<String>("marker", default: "[Publicité]", doc: "The text to remove.")

            public static let description = StageDescription(
                id: "\(id)",
                abstract: "Removes a marker text wherever it appears.",
                documentation: \"\"\"
                    Removes every occurrence of `marker` from the text. Each removal is recorded with the \\
                    reason `\(id): marker`.
                    \"\"\",
                options: [marker])

            private let marker: [Unicode.Scalar]

            public init(options: StageOptions) throws {
                marker = Array(options[Self.marker].unicodeScalars)
                guard !marker.isEmpty else { throw StageError("the marker must not be empty", option: Self.marker.name) }
            }

            public func process(_ article: inout Article, context: StageContext) throws {
                let text = Array(article.text.unicodeScalars)
                var edits: [TextEdit] = []
                var start = 0
                while start + marker.count <= text.count {
                    if text[start..<start + marker.count].elementsEqual(marker) {
                        edits.append(.remove(Span(start: start, end: start + marker.count), reason: "\(id): marker"))
                        start += marker.count
                    } else {
                        start += 1
                    }
                }
                try article.applyEdits(edits, step: context.step)
            }
        }

        """
    }

    private var mainSource: String {
        """
        // The textmine command line with \(typeName) registered next to the built-in stages:
        //   swift run \(executable) run pipeline.yaml article.txt
        import TextMineCLI
        import \(stagesModule)

        TextMineCommand.main(registering: [\(typeName).self])

        """
    }

    private var testSource: String {
        """
        import Testing
        import TextMineTesting
        import \(stagesModule)

        @Test("removes the marker and records the removal")
        func removesMarker() throws {
            let harness = try StageHarness(\(typeName).self, options: ["marker": "[Pub]"])
            let article = try harness.run("Avant [Pub] après [Pub].")
            #expect(article.text == "Avant  après .")
            #expect(article.removedTexts == ["[Pub]", "[Pub]"])
            #expect(article.removals.map(\\.reason) == ["\(id): marker", "\(id): marker"])
        }

        @Test("an empty marker is refused")
        func emptyMarker() {
            #expect(throws: (any Error).self) { try StageHarness(\(typeName).self, options: ["marker": ""]) }
        }

        """
    }

    private var pipeline: String {
        """
        # swift run \(executable) run pipeline.yaml article.txt
        name: \(id) example
        stages:
          - use: \(id)
            with:
              marker: "[Publicité]"

        """
    }

    private var readme: String {
        """
        # \(id)

        A TextMine stage package (see TextMine's docs/writing-stages.md).

        - `swift test` runs the stage's tests.
        - `swift run \(executable) run pipeline.yaml article.txt` runs the example pipeline.
        - `swift run \(executable) stages \(id)` shows the stage's documentation.

        ## Make it yours

        `textmine new-stage` writes the same working example whatever the name: `\(typeName)` removes
        a marker text (`[Publicité]`) and records each removal. To make it the `\(id)` stage you want:

        1. In `Sources/\(stagesModule)/\(typeName).swift`, rewrite `process(_:context:)` to do your
           stage's work. Change the text only through `article.applyEdits` (with a `reason` for what
           you drop); add annotations to the article's fields (`metadata`, `entities`, `keywords`) or
           to `article.layers["\(id)"]` for data of your own (a count, a score).
        2. Update `description`: the `abstract` and `documentation`, the options (replace `marker`),
           and `requires` / `produces` (the capabilities your stage needs before it and gives after
           it, such as `.sentences`; lint checks them).
        3. Rewrite the tests in `Tests/\(stagesModule)Tests/` with `StageHarness`, and the example
           `pipeline.yaml` and `article.txt`.

        ## Depending on TextMine

        `Package.swift` depends on TextMine by path (the checkout that generated this package). To build
        the package elsewhere, switch to the git repository line (commented out next to it), or create
        it with `textmine new-stage \(id) --textmine-url URL`.

        """
    }
}

/// A problem creating a stage package.
public struct ScaffoldError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
