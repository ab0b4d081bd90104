// swift-tools-version:6.0
import PackageDescription

/// Settings every TextMine target shares: strict existentials, as in swift-log.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "TextMine",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "TextMineYAML", targets: ["TextMineYAML"]),
        .library(name: "TextMineCore", targets: ["TextMineCore"]),
        .library(name: "TextMineStages", targets: ["TextMineStages"]),
        .library(name: "TextMineCLI", targets: ["TextMineCLI"]),
        .library(name: "TextMineTesting", targets: ["TextMineTesting"]),
        .executable(name: "textmine", targets: ["textmine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // System libraries.
        .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),

        // The YAML layer: libyaml wrapped into positioned nodes.
        .target(name: "TextMineYAML", dependencies: ["CYAML"], swiftSettings: strictSettings),
        // The runtime and the public API for stage authors.
        .target(name: "TextMineCore", dependencies: ["TextMineYAML"], swiftSettings: strictSettings),
        // Built-in stages, one folder per family.
        .target(name: "TextMineStages", dependencies: ["TextMineCore"], swiftSettings: strictSettings),
        // The command line, as a library so that other packages can reuse it with their stages.
        .target(
            name: "TextMineCLI",
            dependencies: [
                "TextMineCore", "TextMineStages",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        // Test support for stage authors: run a stage or a pipeline in a unit test.
        .target(name: "TextMineTesting", dependencies: ["TextMineCore"], swiftSettings: strictSettings),
        .executableTarget(name: "textmine", dependencies: ["TextMineCLI"], swiftSettings: strictSettings),

        .testTarget(name: "TextMineYAMLTests", dependencies: ["TextMineYAML"], swiftSettings: strictSettings),
        .testTarget(name: "TextMineCoreTests", dependencies: ["TextMineCore", "TextMineStages"], swiftSettings: strictSettings),
        .testTarget(name: "TextMineStagesTests", dependencies: ["TextMineCore", "TextMineStages", "TextMineTesting"], swiftSettings: strictSettings),
        .testTarget(
            name: "TextMineCLITests",
            dependencies: ["TextMineCLI", "TextMineCore", "TextMineStages"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "TextMinePluginsTests",
            dependencies: ["TextMineCore", "TextMineStages", "TextMineTesting"],
            swiftSettings: strictSettings
        ),
    ]
)
