// swift-tools-version:6.0
// libFuzzer targets for GopherCore. A separate package because a fuzz target has no `main` and
// would break the main package's ordinary `swift build` and `swift test`. Run with `scripts/fuzz`.
import PackageDescription

let package = Package(
    name: "WarrenFuzz",
    dependencies: [
        .package(name: "warren", path: ".."),
    ],
    targets: [
        .target(name: "FuzzSupport"),
        .executableTarget(name: "FuzzURL", dependencies: ["FuzzSupport", .product(name: "GopherCore", package: "warren")]),
        .executableTarget(name: "FuzzMenu", dependencies: ["FuzzSupport", .product(name: "GopherCore", package: "warren")]),
        .executableTarget(name: "FuzzText", dependencies: ["FuzzSupport", .product(name: "GopherCore", package: "warren")]),
    ],
    swiftLanguageModes: [.v6]
)
