// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "treem",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "treem", targets: ["treem"]),
        .library(name: "TreEmCore", targets: ["TreEmCore"]),
        .library(name: "TreEmServer", targets: ["TreEmServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/leaf.git", from: "4.5.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
    ],
    targets: [
        .target(
            name: "TreEmCore",
            dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")],
            resources: [.copy("Resources")]
        ),
        .target(
            name: "TreEmServer",
            dependencies: [
                "TreEmCore",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Leaf", package: "leaf"),
            ],
            resources: [.copy("DemoData")]
        ),
        .executableTarget(
            name: "treem",
            dependencies: ["TreEmServer"]
        ),
        // `swift run -c release treem-bench`: rendering figures for docs/PERFORMANCE.md.
        .executableTarget(
            name: "treem-bench",
            dependencies: ["TreEmCore"],
            path: "Benchmarks/treem-bench"
        ),
        .testTarget(
            name: "TreEmCoreTests",
            dependencies: ["TreEmCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .testTarget(
            name: "TreEmServerTests",
            dependencies: [
                "TreEmServer",
                .product(name: "VaporTesting", package: "vapor"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
