// swift-tools-version:6.0
import PackageDescription

/// Settings every TextMine target shares: strict existentials, as in swift-log.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "TextMine",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "TextMineYAML", targets: ["TextMineYAML"]),
        .library(name: "TextMineCore", targets: ["TextMineCore"]),
        .library(name: "TextMineStages", targets: ["TextMineStages"]),
        .library(name: "TextMineCLI", targets: ["TextMineCLI"]),
        .library(name: "TextMinePlugins", targets: ["TextMinePlugins"]),
        .library(name: "TextMineTesting", targets: ["TextMineTesting"]),
        .executable(name: "textmine", targets: ["textmine"]),
        .executable(name: "textmine-bench", targets: ["TextMineBench"]),
        // Examples of extending TextMine: a command line with a package's stage compiled in, and the
        // same stage as a dynamic plugin library.
        .executable(name: "textmine-example", targets: ["textmine-example"]),
        .library(name: "TextMineExamplePlugin", type: .dynamic, targets: ["TextMineExamplePlugin"]),
        // The fuzz targets, for the Fuzz/ package (libFuzzer) and the regression tests.
        .library(name: "TextMineFuzzTargets", targets: ["TextMineFuzzTargets"]),
    ],
    dependencies: [
        // Pinned exactly, with Package.resolved committed, so that every build uses the same code.
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    ],
    targets: [
        // System libraries.
        .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),

        // The compiler's identity, read by the Swift compiler from a header (plugin ABI fingerprint).
        .target(name: "CTextMineCompiler"),

        // The YAML layer: libyaml wrapped into positioned nodes.
        .target(name: "TextMineYAML", dependencies: ["CYAML"], swiftSettings: strictSettings),
        // The runtime and the public API for stage authors.
        .target(name: "TextMineCore", dependencies: ["TextMineYAML", "CTextMineCompiler"], swiftSettings: strictSettings),
        // Built-in stages, one folder per family.
        .target(
            name: "TextMineStages",
            dependencies: ["TextMineCore", "TextMineYAML", "CLibXML2"],
            resources: [
                .copy("Entities/Resources/fr-ner.tmner"),
                .copy("Entities/Resources/en-ner.tmner"),
                .copy("Entities/Resources/gazetteers"),
                .copy("Summarize/Resources/fr-news-ranker.json"),
                .copy("Language/Resources/langid.tmlid"),
            ],
            swiftSettings: strictSettings
        ),
        // The command line, as a library so that other packages can reuse it with their stages.
        .target(
            name: "TextMineCLI",
            dependencies: [
                "TextMineCore", "TextMineStages", "TextMinePlugins",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        // Plugins: out-of-process stages and dynamic libraries of stages.
        .target(
            name: "TextMinePlugins", dependencies: ["TextMineCore", "TextMineYAML"],
            swiftSettings: strictSettings),
        // Test support for stage authors: run a stage or a pipeline in a unit test. It needs neither
        // the built-in stages nor libxml2 and the NER model.
        .target(
            name: "TextMineTesting", dependencies: ["TextMineCore", "TextMinePlugins"],
            swiftSettings: strictSettings),
        .executableTarget(name: "textmine", dependencies: ["TextMineCLI"], swiftSettings: strictSettings),
        // The throughput benchmark (swift run -c release textmine-bench), not a test.
        .executableTarget(
            name: "TextMineBench",
            dependencies: [
                "TextMineCore", "TextMineStages", "TextMinePlugins",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),

        // Examples of extending TextMine (see docs/writing-stages.md).
        .target(name: "TextMineExampleStages", dependencies: ["TextMineCore"], swiftSettings: strictSettings),
        .executableTarget(
            name: "textmine-example", dependencies: ["TextMineCLI", "TextMineExampleStages"], swiftSettings: strictSettings),
        .target(
            name: "TextMineExamplePlugin", dependencies: ["TextMineCore", "TextMineExampleStages"],
            swiftSettings: strictSettings),

        // Fuzz targets: arbitrary bytes into each parser and a whole pipeline (see Fuzz/).
        .target(
            name: "TextMineFuzzTargets", dependencies: ["TextMineCore", "TextMineStages", "TextMinePlugins", "TextMineYAML"],
            swiftSettings: strictSettings),

        .testTarget(name: "TextMineYAMLTests", dependencies: ["TextMineYAML"], swiftSettings: strictSettings),
        .testTarget(name: "TextMineCoreTests", dependencies: ["TextMineCore", "TextMineStages", "TextMineTesting"], swiftSettings: strictSettings),
        .testTarget(name: "TextMineStagesTests", dependencies: ["TextMineCore", "TextMineStages", "TextMineTesting", "TextMineYAML"], swiftSettings: strictSettings),
        .testTarget(
            name: "TextMineCLITests",
            dependencies: ["TextMineCLI", "TextMineCore", "TextMineStages", "TextMineTesting"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "TextMinePluginsTests",
            dependencies: ["TextMineCore", "TextMineStages", "TextMinePlugins", "TextMineTesting", "TextMineExampleStages",
                           "TextMineFuzzTargets", "TextMineYAML"],
            exclude: ["Fixtures"],
            swiftSettings: strictSettings
        ),
    ]
)
