// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "warren",
    products: [
        .executable(name: "warren", targets: ["warren"]),
        .library(name: "GopherCore", targets: ["GopherCore"]),
    ],
    dependencies: [
        // The command line only; everything else is the toolchain's own.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // Pure gopher model: URLs, item types, menus, documents, decoding, sanitising. No I/O.
        .target(name: "GopherCore"),
        // The only socket and file-system code: the staged fetcher and atomic saving.
        .target(name: "GopherNet", dependencies: ["GopherCore"]),
        // Pure browser state: history, pages, viewport, key map, rendering to a `Screen`. No I/O.
        .target(name: "Browser", dependencies: ["GopherCore"]),
        // ncursesw, wrapped: the module map and a shim header for macros Swift cannot import.
        .systemLibrary(
            name: "CNcursesw",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        // The only code that touches curses: draws a `Screen`, decodes keys.
        .target(name: "TerminalUI", dependencies: ["Browser", "CNcursesw"]),
        .executableTarget(
            name: "warren",
            dependencies: [
                "GopherCore", "GopherNet", "Browser", "TerminalUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Real servers for tests: a misbehaving fixture server, gophernicus, pygopherd, the binary.
        .target(name: "WarrenTestSupport", dependencies: ["GopherCore", "GopherNet", "Browser"]),
        .testTarget(name: "GopherCoreTests", dependencies: ["GopherCore", "WarrenTestSupport"]),
        .testTarget(name: "GopherNetTests", dependencies: ["GopherNet", "WarrenTestSupport"]),
        .testTarget(name: "BrowserTests", dependencies: ["Browser", "GopherCore", "WarrenTestSupport"]),
        .testTarget(name: "WarrenTests", dependencies: ["GopherCore", "WarrenTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
