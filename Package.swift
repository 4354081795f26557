// swift-tools-version: 6.0
import PackageDescription

// Module graph (dependencies point one way; each target lists every module it imports):
//   AuditCore (diagnostics, messages, labels, JSON, SHA-256, atomic files)
//   AuditYAML → Core (the only importer of libyaml; YAML with source positions, the input walker)
//   AuditCalendar → YAML (business days, deadlines, the calendar file)
//   AuditReport → Calendar (report schema and validation)
//   AuditRules → Report (rule packs; the expression language: parse, type-check, compile)
//   AuditEngine → Rules (evaluate, waive, score)
//   AuditFormatters → Engine (every output format)
//   AuditTesting → Formatters (rule examples, fixture expectations)
//   AuditBatch → Formatters (parallel batch scoring)
//   AuditApp → Testing, Batch (the application layer: options in, loaded rules and a run's outcome out)
//   audit → App (the only importer of ArgumentParser: commands that declare, validate, call, map)
//   AuditFuzzing → Formatters (what the fuzz targets run); fuzz-report, fuzz-expression, fuzz-rulefiles, fuzz-previous → AuditFuzzing
// `make fuzz` sets AUDIT_FUZZ=1 (and a build path of its own): every library is then built
// with libFuzzer's coverage instrumentation and AddressSanitizer, and the fuzz targets link
// libFuzzer and hand it control. Ordinary builds are untouched (the fuzz targets are replayers).
let fuzzing = Context.environment["AUDIT_FUZZ"] == "1"
let instrumented: [SwiftSetting] = fuzzing ? [.unsafeFlags(["-sanitize=fuzzer,address"])] : []
let fuzzTarget: [SwiftSetting] = fuzzing ? [.unsafeFlags(["-sanitize=fuzzer,address"]), .define("FUZZING")] : []
let fuzzLink: [LinkerSetting] = fuzzing ? [.unsafeFlags(["-sanitize=fuzzer,address", "-use-ld=lld"])] : []

let package = Package(
    name: "audit",
    products: [
        .executable(name: "audit", targets: ["audit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .target(name: "AuditCore", swiftSettings: instrumented),
        .target(name: "AuditYAML", dependencies: ["AuditCore", "CYAML"], swiftSettings: instrumented),
        .target(name: "AuditCalendar", dependencies: ["AuditCore", "AuditYAML"], swiftSettings: instrumented),
        .target(name: "AuditReport", dependencies: ["AuditCore", "AuditYAML", "AuditCalendar"], swiftSettings: instrumented),
        // The shipped rules/ are embedded at build time (BundledRules.swift, generated).
        .target(name: "AuditRules", dependencies: ["AuditCore", "AuditYAML", "AuditCalendar", "AuditReport"], swiftSettings: instrumented,
                plugins: ["EmbedRules"]),
        // Links AuditCore, which `make fuzz` instruments: then the tool needs the AddressSanitizer runtime.
        .executableTarget(name: "audit-embed", dependencies: ["AuditCore"],
                          linkerSettings: fuzzing ? [.unsafeFlags(["-sanitize=address"])] : []),
        .plugin(name: "EmbedRules", capability: .buildTool(), dependencies: ["audit-embed"]),
        .target(name: "AuditEngine", dependencies: ["AuditCore", "AuditYAML", "AuditCalendar", "AuditReport", "AuditRules"], swiftSettings: instrumented),
        .target(name: "AuditFormatters", dependencies: ["AuditCore", "AuditYAML", "AuditReport", "AuditRules", "AuditEngine"], swiftSettings: instrumented),
        // Rule examples and fixture expectations, for `audit test` and the test suites.
        .target(name: "AuditTesting", dependencies: ["AuditCore", "AuditYAML", "AuditCalendar", "AuditReport", "AuditRules", "AuditEngine", "AuditFormatters"]),
        .target(
            name: "AuditBatch",
            dependencies: ["AuditCore", "AuditYAML", "AuditReport", "AuditRules", "AuditEngine", "AuditFormatters"]
        ),
        // The application layer: options in, a loaded rule set and a run's outcome out.
        .target(
            name: "AuditApp",
            dependencies: ["AuditCore", "AuditYAML", "AuditCalendar", "AuditReport", "AuditRules", "AuditEngine", "AuditFormatters", "AuditTesting", "AuditBatch"]
        ),
        .executableTarget(
            name: "audit",
            dependencies: [
                "AuditApp", "AuditCore", "AuditYAML", "AuditCalendar", "AuditReport", "AuditRules", "AuditEngine", "AuditFormatters", "AuditBatch",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `make fuzz`: libFuzzer targets over the paths a user's file takes (FuzzHarness), and
        // in ordinary builds their replayers (the tests replay fixtures/fuzz/ through them).
        .target(
            name: "AuditFuzzing",
            dependencies: ["AuditCore", "AuditYAML", "AuditCalendar", "AuditReport", "AuditRules", "AuditEngine", "AuditFormatters",
                           "AuditBatch"],
            swiftSettings: instrumented + (fuzzing ? [.define("FUZZING")] : [])
        ),
        .executableTarget(name: "fuzz-report", dependencies: ["AuditFuzzing"], swiftSettings: fuzzTarget, linkerSettings: fuzzLink),
        .executableTarget(name: "fuzz-expression", dependencies: ["AuditFuzzing"], swiftSettings: fuzzTarget, linkerSettings: fuzzLink),
        .executableTarget(name: "fuzz-rulefiles", dependencies: ["AuditFuzzing"], swiftSettings: fuzzTarget, linkerSettings: fuzzLink),
        .executableTarget(name: "fuzz-previous", dependencies: ["AuditFuzzing"], swiftSettings: fuzzTarget, linkerSettings: fuzzLink),
        // `make bench`: one report audited N times against libyaml parsing it N times.
        .executableTarget(
            name: "audit-bench",
            dependencies: ["AuditCore", "AuditYAML", "AuditReport", "AuditRules", "AuditEngine", "AuditFormatters"]
        ),
        // Test helpers shared by the test targets.
        .target(name: "AuditTestSupport", dependencies: ["AuditCore", "AuditYAML", "AuditCalendar", "AuditReport", "AuditRules", "AuditEngine"], path: "Sources/AuditTestSupport"),
        .testTarget(name: "AuditYAMLTests", dependencies: ["AuditCore", "AuditYAML"]),
        .testTarget(name: "AuditCalendarTests", dependencies: ["AuditCalendar", "AuditYAML"]),
        .testTarget(name: "AuditCoreTests", dependencies: ["AuditCore"]),
        .testTarget(name: "AuditReportTests", dependencies: ["AuditTestSupport", "AuditCore", "AuditReport", "AuditYAML"]),
        .testTarget(name: "AuditRulesTests", dependencies: ["AuditTestSupport", "AuditCore", "AuditRules", "AuditReport", "AuditYAML"]),
        .testTarget(name: "AuditEngineTests", dependencies: ["AuditTestSupport", "AuditCore", "AuditEngine", "AuditFormatters", "AuditRules", "AuditReport", "AuditCalendar", "AuditYAML"]),
        .testTarget(name: "AuditBatchTests", dependencies: ["AuditTestSupport", "AuditCore", "AuditFormatters", "AuditBatch", "AuditEngine", "AuditRules", "AuditReport", "AuditYAML"]),
        .testTarget(name: "AuditTestingTests", dependencies: ["AuditTestSupport", "AuditTesting", "AuditEngine", "AuditRules"]),
        .testTarget(name: "AuditAppTests", dependencies: ["AuditTestSupport", "AuditApp", "AuditCalendar", "AuditCore"]),
        .testTarget(name: "AuditFuzzingTests", dependencies: ["AuditFuzzing", "AuditTestSupport"]),
        .testTarget(name: "AuditFormattersTests", dependencies: ["AuditFormatters", "AuditCore", "AuditReport", "AuditRules"]),
        // `audit` is not imported: the tests run the built binary, so it must be built first.
        .testTarget(name: "AuditCLITests", dependencies: ["AuditTestSupport", "AuditCore", "AuditFormatters", "audit"], exclude: ["Snapshots", "Schemas"]),
    ],
    swiftLanguageModes: [.v6]
)
