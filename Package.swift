// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "pao-batch",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "pao-batch", targets: ["pao-batch"]),
        .library(name: "PAOBatch", targets: ["PAOBatch"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2")
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CXlsxWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        .target(
            name: "CZlib",
            linkerSettings: [.linkedLibrary("z")]
        ),
        .target(name: "CSyncFS"),
        .target(
            name: "PAOBatch",
            dependencies: [
                "CLibXML2",
                "CZlib",
                "CSyncFS",
                "CXlsxWriter",
                .product(name: "Crypto", package: "swift-crypto")
            ]
        ),
        .executableTarget(
            name: "pao-batch",
            dependencies: [
                "PAOBatch",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log")
            ]
        ),
        .testTarget(
            name: "PAOBatchTests",
            dependencies: ["PAOBatch"],
            exclude: ["Fixtures"]
        )
    ]
)
