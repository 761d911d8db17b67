// swift-tools-version:6.1
import PackageDescription

// libFuzzer targets over the engine's input edges (feed readers, jobs.json, whole-feed loading).
// Built and run by Tests/Fuzz/run.sh with `--sanitize=fuzzer --sanitize=address` and
// `-enable-testing` (the targets reach internal reader types with `@testable import`).
let package = Package(
    name: "pao-batch-fuzz",
    dependencies: [.package(name: "pao-batch", path: "../..")],
    targets: [
        .target(name: "FuzzSupport", dependencies: [.product(name: "PAOBatch", package: "pao-batch")]),
        .executableTarget(
            name: "FuzzCSVReader", dependencies: ["FuzzSupport", .product(name: "PAOBatch", package: "pao-batch")]),
        .executableTarget(
            name: "FuzzXMLReader", dependencies: ["FuzzSupport", .product(name: "PAOBatch", package: "pao-batch")]),
        .executableTarget(
            name: "FuzzJobsConfig", dependencies: ["FuzzSupport", .product(name: "PAOBatch", package: "pao-batch")]),
        .executableTarget(
            name: "FuzzFeedLoad", dependencies: ["FuzzSupport", .product(name: "PAOBatch", package: "pao-batch")])
    ]
)
