// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "warren",
    products: [
        .executable(name: "warren", targets: ["warren"]),
        .library(name: "GopherCore", targets: ["GopherCore"]),
    ],
    dependencies: [
        // The command line.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // Descriptors, errno, retries on EINTR and paths, instead of hand-written copies.
        .package(url: "https://github.com/apple/swift-system", from: "1.8.0"),
        // config.toml: full TOML 1.0 (toml++ underneath), with the line and column of a mistake.
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // Pure gopher model: URLs, item types, menus, documents, decoding, sanitising. No I/O.
        .target(name: "GopherCore"),
        // Files that are never left half-written: temporary files, atomic replace, folders.
        .target(
            name: "AtomicFiles",
            dependencies: [.product(name: "SystemPackage", package: "swift-system")]
        ),
        // The system's OpenSSL 3, wrapped: the module map and a shim for macros Swift cannot call.
        .systemLibrary(
            name: "CTLS",
            pkgConfig: "openssl",
            providers: [.apt(["libssl-dev"])]
        ),
        // The only socket and TLS code: the staged fetcher, and streaming a response to disk.
        .target(
            name: "GopherNet",
            dependencies: [
                "GopherCore", "AtomicFiles", "CTLS", .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        // Large pages on disk: full blocks of a page written to an unlinked file, read back by pread.
        .target(
            name: "PageSpool",
            dependencies: ["GopherCore", "AtomicFiles", .product(name: "SystemPackage", package: "swift-system")]
        ),
        // The user's programs (handlers), started with literal arguments: posix_spawn, no shell.
        .target(name: "Launch", dependencies: [.product(name: "SystemPackage", package: "swift-system")]),
        // Pure browser state: history, loads, the stack of views, the key table. No I/O.
        .target(name: "Browser", dependencies: ["GopherCore"]),
        // The user's own files: XDG paths, config.toml, bookmarks, history. No sockets.
        .target(
            name: "UserFiles",
            dependencies: [
                "GopherCore", "Browser", "AtomicFiles",
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        // ncursesw, wrapped: the module map and a shim header for macros Swift cannot import.
        .systemLibrary(
            name: "CNcursesw",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        // The only code that touches curses: draws a `Screen`, decodes keys.
        .target(
            name: "TerminalUI",
            dependencies: ["Browser", "CNcursesw", .product(name: "SystemPackage", package: "swift-system")]
        ),
        .executableTarget(
            name: "warren",
            dependencies: [
                "GopherCore", "GopherNet", "Browser", "UserFiles", "TerminalUI", "PageSpool", "Launch",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        // Real servers for tests: a misbehaving fixture server, gophernicus, pygopherd, the binary.
        .target(name: "WarrenTestSupport", dependencies: ["GopherCore", "GopherNet", "Browser"]),
        .testTarget(name: "GopherCoreTests", dependencies: ["GopherCore", "WarrenTestSupport"]),
        .testTarget(
            name: "AtomicFilesTests",
            dependencies: ["AtomicFiles", "WarrenTestSupport", .product(name: "SystemPackage", package: "swift-system")]),
        .testTarget(
            name: "GopherNetTests",
            dependencies: ["GopherNet", "WarrenTestSupport", .product(name: "SystemPackage", package: "swift-system")]),
        .testTarget(name: "BrowserTests", dependencies: ["Browser", "GopherCore", "WarrenTestSupport"]),
        .testTarget(
            name: "UserFilesTests",
            dependencies: [
                "UserFiles", "Browser", "GopherCore", "WarrenTestSupport",
                .product(name: "SystemPackage", package: "swift-system"),
            ]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "Browser"]),
        .testTarget(
            name: "PageSpoolTests",
            dependencies: ["PageSpool", "GopherCore", "WarrenTestSupport", .product(name: "SystemPackage", package: "swift-system")]),
        .testTarget(name: "WarrenTests", dependencies: ["GopherCore", "WarrenTestSupport"]),
        .testTarget(name: "LaunchTests", dependencies: ["Launch", "WarrenTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
