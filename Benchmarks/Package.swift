// swift-tools-version:6.1
import PackageDescription

// Kept out of the main build: `swift run -c release --package-path Benchmarks pao-bench …`.
let package = Package(
    name: "pao-batch-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [.package(path: "..")],
    targets: [
        .executableTarget(
            name: "pao-bench",
            dependencies: [.product(name: "PAOBatch", package: "main")],
            swiftSettings: [.unsafeFlags(["-Ounchecked"])]
        )
    ]
)
