// swift-tools-version:6.1
import PackageDescription

import class Foundation.ProcessInfo

/// Settings every Kezek target shares: Swift 6 language mode plus the stricter upcoming features.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

/// Benchmarks pull in ordo-one/benchmark and GRDB; they are built only when asked for, so that
/// `swift build` and `swift test` stay fast.
let benchmarksEnabled = ProcessInfo.processInfo.environment["KEZEK_BENCHMARKS"] == "1"

var dependencies: [Package.Dependency] = [
    .package(url: "https://github.com/apple/swift-crypto.git", "3.0.0"..<"5.0.0"),
    .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
]

var targets: [Target] = [
    .systemLibrary(
        name: "CLMDB",
        pkgConfig: "lmdb",
        providers: [.apt(["liblmdb-dev"])]
    ),
    .target(
        name: "LMDB",
        dependencies: ["CLMDB"],
        swiftSettings: strictSettings
    ),
    .target(
        name: "EventLog",
        dependencies: [
            "LMDB",
            .product(name: "Crypto", package: "swift-crypto"),
        ],
        swiftSettings: strictSettings
    ),
    .target(
        name: "Kezek",
        swiftSettings: strictSettings
    ),
    .target(
        name: "Projections",
        dependencies: ["Kezek"],
        swiftSettings: strictSettings
    ),
    .target(
        name: "Engine",
        dependencies: [
            "EventLog",
            "Kezek",
            "Projections",
            .product(name: "Crypto", package: "swift-crypto"),
        ],
        swiftSettings: strictSettings
    ),
    // The whole national cycle on the simulated country, its summary and its report page.
    .target(
        name: "KezekDemo",
        dependencies: ["Engine", "EventLog", "Kezek", "KezekSimulation", "Projections"],
        swiftSettings: strictSettings
    ),
    .executableTarget(
        name: "kezek",
        dependencies: [
            "Engine",
            "EventLog",
            "Kezek",
            "KezekDemo",
            "KezekSimulation",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ],
        swiftSettings: strictSettings
    ),
    // A seeded, realistic national data set as commands: the demo's and the benchmarks' data.
    .target(
        name: "KezekSimulation",
        dependencies: ["Kezek"],
        swiftSettings: strictSettings
    ),
    .target(
        name: "KezekDomainTestSupport",
        dependencies: ["Kezek", "KezekSimulation"],
        swiftSettings: strictSettings
    ),
    .target(
        name: "KezekTestSupport",
        dependencies: ["EventLog", "Kezek", "KezekDomainTestSupport"],
        swiftSettings: strictSettings
    ),
    .executableTarget(
        name: "kezek-log-torture",
        dependencies: [
            "EventLog",
            "KezekTestSupport",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ],
        swiftSettings: strictSettings
    ),
    // The proofs under crashes, tampering, bad input and a full disk, run against the built `kezek`.
    .target(
        name: "KezekProofs",
        dependencies: ["EventLog", "Kezek", "KezekTestSupport"],
        swiftSettings: strictSettings
    ),
    .executableTarget(
        name: "kezek-proofs",
        dependencies: [
            "KezekProofs",
            "KezekTestSupport",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ],
        swiftSettings: strictSettings
    ),
    .testTarget(
        name: "KezekProofsTests",
        dependencies: ["KezekProofs", "KezekTestSupport", "kezek", "kezek-proofs"],
        swiftSettings: strictSettings
    ),
    .testTarget(
        name: "LMDBTests",
        dependencies: ["LMDB", "KezekTestSupport"],
        swiftSettings: strictSettings
    ),
    .testTarget(
        name: "EventLogTests",
        dependencies: ["EventLog", "KezekTestSupport", "kezek-log-torture"],
        swiftSettings: strictSettings
    ),
    .testTarget(
        name: "EngineTests",
        dependencies: ["Engine", "EventLog", "Kezek", "KezekSimulation", "KezekTestSupport", "Projections"],
        swiftSettings: strictSettings
    ),
    .testTarget(
        name: "KezekCLITests",
        dependencies: ["kezek", "Kezek", "KezekTestSupport", "LMDB"],
        swiftSettings: strictSettings
    ),
    .testTarget(
        name: "KezekTests",
        dependencies: ["Kezek", "KezekDomainTestSupport"],
        swiftSettings: strictSettings
    ),
    .testTarget(
        name: "KezekDemoTests",
        dependencies: ["KezekDemo", "KezekSimulation", "Kezek", "KezekTestSupport"],
        swiftSettings: strictSettings
    ),
    .testTarget(
        name: "KezekSimulationTests",
        dependencies: ["KezekSimulation", "Kezek"],
        swiftSettings: strictSettings
    ),
    .testTarget(
        name: "ProjectionsTests",
        dependencies: ["Projections", "Kezek", "KezekDomainTestSupport"],
        swiftSettings: strictSettings
    ),
]

if benchmarksEnabled {
    dependencies += [
        .package(url: "https://github.com/ordo-one/benchmark.git", from: "1.38.0", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.0.0"),
    ]
    targets += [
        // The workloads, shared by the benchmarks and the side-by-side comparison.
        .target(
            name: "EventLogBenchmarkSupport",
            dependencies: [
                "EventLog",
                "KezekTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Benchmarks/EventLogBenchmarkSupport",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "EventLogBenchmarks",
            dependencies: [
                "EventLog",
                "EventLogBenchmarkSupport",
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/EventLogBenchmarks",
            swiftSettings: strictSettings,
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // Not directly under Benchmarks/, so that the benchmark plugin does not take it for a suite.
        .executableTarget(
            name: "kezek-bench-compare",
            dependencies: [
                "EventLog",
                "EventLogBenchmarkSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Benchmarks/Tools/kezek-bench-compare",
            swiftSettings: strictSettings
        ),
    ]
    // The audit on a large log of the national simulation: verify and replay --until the middle.
    targets.append(
        .executableTarget(
            name: "kezek-audit-bench",
            dependencies: [
                "Engine",
                "EventLog",
                "Kezek",
                "KezekSimulation",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Benchmarks/Tools/kezek-audit-bench",
            swiftSettings: strictSettings
        )
    )
    // glibc's allocator statistics, for the heap figures of the engine benchmark.
    targets.append(.systemLibrary(name: "CMalloc", path: "Benchmarks/CMalloc"))
    // The engine at national scale: queue numbers against SQLite, apply, replay, checkpoints, memory.
    targets.append(
        .executableTarget(
            name: "kezek-bench-engine",
            dependencies: [
                "CMalloc",
                "Engine",
                "EventLog",
                "Kezek",
                "KezekSimulation",
                "Projections",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Benchmarks/Tools/kezek-bench-engine",
            swiftSettings: strictSettings
        )
    )
    // The domain's event codec and command decoding: needs nothing but the domain module.
    targets.append(
        .executableTarget(
            name: "DomainBenchmarks",
            dependencies: [
                "Kezek",
                "KezekDomainTestSupport",
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/DomainBenchmarks",
            swiftSettings: strictSettings,
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        )
    )
}

let package = Package(
    name: "Kezek",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "LMDB", targets: ["LMDB"]),
        .library(name: "EventLog", targets: ["EventLog"]),
        .library(name: "Kezek", targets: ["Kezek"]),
        .library(name: "Projections", targets: ["Projections"]),
        .library(name: "Engine", targets: ["Engine"]),
        .library(name: "KezekSimulation", targets: ["KezekSimulation"]),
        .library(name: "KezekDemo", targets: ["KezekDemo"]),
        .executable(name: "kezek", targets: ["kezek"]),
        .executable(name: "kezek-log-torture", targets: ["kezek-log-torture"]),
        .executable(name: "kezek-proofs", targets: ["kezek-proofs"]),
    ],
    dependencies: dependencies,
    targets: targets,
    swiftLanguageModes: [.v6]
)
