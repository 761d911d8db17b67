// swift-tools-version:6.1
import PackageDescription

// Kept out of the main build:
//   swift run -c release --package-path Benchmarks pao-bench …          parse-only and gzip MB/s of files
//   swift package --package-path Benchmarks --disable-sandbox benchmark   micro benchmarks with allocation counts
let package = Package(
    name: "pao-batch-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"])
    ],
    targets: [
        .executableTarget(
            name: "pao-bench",
            dependencies: [.product(name: "PAOBatch", package: "main")],
            swiftSettings: [.unsafeFlags(["-Ounchecked"])]
        ),
        .executableTarget(
            name: "Micro",
            dependencies: [
                .product(name: "PAOBatch", package: "main"), .product(name: "Benchmark", package: "benchmark")
            ],
            path: "Benchmarks/Micro",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        )
    ]
)
