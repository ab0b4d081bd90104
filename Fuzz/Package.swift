// swift-tools-version:6.0
import PackageDescription

/// TextMine's fuzz targets under libFuzzer, kept apart from the main package so that its normal
/// `swift build` and `swift test` are unaffected. Build and run with `Fuzz/fuzz.sh` (see
/// docs/reliability.md); every crash input found goes to Tests/FuzzRegressions/TARGET/, which the
/// main package's tests replay.
let package = Package(
    name: "TextMineFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "TextMine", path: "..")],
    targets: [
        // One binary for every target; TEXTMINE_FUZZ_TARGET names the one to run.
        .executableTarget(
            name: "textmine-fuzz",
            dependencies: [.product(name: "TextMineFuzzTargets", package: "TextMine")]),
    ]
)
