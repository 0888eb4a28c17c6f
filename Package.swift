// swift-tools-version:6.2
import PackageDescription

let package = Package(
    name: "crossroads",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "crossroads", targets: ["crossroads"]),
        .library(name: "SiteBuilder", targets: ["SiteBuilder"]),
        .library(name: "Scoring", targets: ["Scoring"]),
        .library(name: "Markdown", targets: ["Markdown"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // Exact: CompiledTemplate reads its parsed tokens and TemplateRenderer follows its rendering rules (2.1.1).
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    ],
    targets: [
        // Debian's libcmark-gfm and its extensions, found through pkg-config.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // Atomic exchange of two folders (renameat2), so a build swaps in a complete site in one step.
        .target(name: "CFileSwap"),
        // libc's memmem, for finding markers in generated HTML.
        .target(name: "CByteSearch"),
        // Byte-level text code (eight-byte ASCII tests, byte search, script-safe JSON strings),
        // each compared on seeded text with the plain code it stands for (ByteTextTests).
        .target(name: "ByteText", dependencies: ["CByteSearch"]),
        .target(name: "Markdown", dependencies: ["CCmarkGFM", "ByteText"]),
        .target(name: "Scoring"),
        .target(name: "Blocks", dependencies: [
            "Markdown", "Scoring",
            .product(name: "Yams", package: "Yams"),
        ]),
        .target(name: "SiteBuilder", dependencies: [
            "Markdown", "Scoring", "Blocks", "CFileSwap", "ByteText", "HostRules",
            .product(name: "Yams", package: "Yams"),
            .product(name: "Mustache", package: "swift-mustache"),
            .product(name: "Crypto", package: "swift-crypto"),
        ], plugins: ["EmbedDefaultSite"]),
        // The default site (site.yml, content/, templates/) generated into SiteBuilder on every
        // build, so `crossroads new` needs no checkout (issue 19).
        .plugin(name: "EmbedDefaultSite", capability: .buildTool(), dependencies: ["DefaultSiteEmbedder"]),
        .executableTarget(name: "DefaultSiteEmbedder"),
        // How a static host serves each file of a built site: Content-Type and Cache-Control by path.
        .target(name: "HostRules"),
        // `crossroads deploy`: the plan (local MD5s against the destination's listing), the executor
        // that drives any destination in the safe order, and the folder and git destinations.
        .target(name: "Deploy", dependencies: [
            "HostRules",
            "S3Storage",
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .target(name: "PreviewServer", dependencies: [
            "SiteBuilder", "HostRules",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "UnixSignals", package: "swift-service-lifecycle"),
        ]),
        // An S3-compatible storage client: Signature Version 4 (swift-crypto) over async-http-client,
        // ListObjectsV2, PutObject, DeleteObjects; the listing's XML read with FoundationXML.
        .target(name: "S3Storage", dependencies: [
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
        ]),
        .executableTarget(name: "crossroads", dependencies: [
            "SiteBuilder", "Scoring", "PreviewServer", "Deploy",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Seeded generators shared by the test targets.
        .target(name: "TestSupport", dependencies: [.product(name: "PropertyBased", package: "swift-property-based")], path: "Tests/TestSupport"),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown", "TestSupport"]),
        .testTarget(name: "ScoringTests", dependencies: ["Scoring"]),
        // AWS's published signature examples; the client, the S3 destination and `crossroads deploy`
        // against a real S3 protocol server (moto, `make moto`).
        .testTarget(name: "S3StorageTests", dependencies: ["S3Storage", "Deploy", "TestSupport"]),
        .testTarget(name: "ByteTextTests", dependencies: ["ByteText", "Scoring", "TestSupport"]),
        .testTarget(name: "BlocksTests", dependencies: ["Blocks", "Scoring", "Markdown"]),
        .testTarget(name: "SiteBuilderTests", dependencies: ["SiteBuilder", "Markdown", "Scoring", "Blocks", "ByteText", "TestSupport"]),
        .testTarget(name: "DeployTests", dependencies: ["Deploy", "HostRules", "SiteBuilder", "TestSupport"]),
        .testTarget(name: "PreviewServerTests", dependencies: ["PreviewServer", "SiteBuilder", "HostRules"]),
        // Drives the built `crossroads` binary, node and headless Chromium against whole sites.
        .testTarget(name: "EndToEndTests", dependencies: ["SiteBuilder", "Scoring", "Markdown", "TestSupport", .product(name: "Yams", package: "Yams")]),
        // Bad input, hostile content, killed builds and property-based fuzzing (issue 8).
        .testTarget(name: "HardeningTests", dependencies: [
            "SiteBuilder", "Scoring", "Markdown", "TestSupport",
            .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        // A build never touches what it does not own, never serves a stale page, stays bounded (issue 14).
        .testTarget(name: "TrustTests", dependencies: [
            "SiteBuilder", "Scoring", "Markdown", "TestSupport",
            .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
