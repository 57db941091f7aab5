// swift-tools-version:6.0
import PackageDescription

// The arrow of dependencies runs one way:
// CGEOS/CPROJ → GeoModel → Geodesy/Topology → Places → Events → Queries/Control/Evaluation → Layers → Benchmarks → placemap
let package = Package(
    name: "PlaceMap",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "placemap", targets: ["placemap"]),
        .library(name: "PlaceMapKit", targets: ["GeoModel", "Geodesy", "Topology"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(name: "CGEOS", pkgConfig: "geos", providers: [.apt(["libgeos-dev"])]),
        .systemLibrary(name: "CPROJ", pkgConfig: "proj", providers: [.apt(["libproj-dev"])]),
        .target(name: "GeoModel"),
        .target(name: "Geodesy", dependencies: ["CPROJ", "GeoModel"]),
        .target(name: "Topology", dependencies: ["CGEOS", "GeoModel"]),
        .target(name: "Places", dependencies: ["GeoModel", "Geodesy", "Topology"]),
        .target(name: "Events", dependencies: ["GeoModel", "Places"]),
        .target(name: "Queries", dependencies: ["GeoModel", "Geodesy", "Topology", "Events", "Places"]),
        .target(name: "Control", dependencies: ["GeoModel", "Geodesy", "Topology", "Places", "Events"],
                exclude: ["README.md"]),
        .target(name: "Evaluation", dependencies: ["GeoModel", "Geodesy", "Places", "Events"], exclude: ["README.md"]),
        .target(name: "Layers", dependencies: ["GeoModel", "Geodesy", "Topology", "Places", "Events", "Control"]),
        .target(name: "Benchmarks",
                dependencies: ["GeoModel", "Geodesy", "Topology", "Places", "Events", "Queries", "Control", "Layers"]),
        .executableTarget(
            name: "placemap",
            dependencies: [
                "GeoModel", "Geodesy", "Topology", "Places", "Events", "Queries", "Control", "Layers", "Benchmarks",
                "Evaluation",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "GeoModelTests", dependencies: ["GeoModel", "TestSupport"]),
        .testTarget(name: "GeodesyTests", dependencies: ["Geodesy", "GeoModel", "TestSupport"]),
        .testTarget(name: "TopologyTests", dependencies: ["Topology", "GeoModel", "TestSupport"]),
        .testTarget(name: "EventsTests", dependencies: ["Events", "Places", "GeoModel", "TestSupport"]),
        .testTarget(name: "PlacesTests", dependencies: ["Places", "GeoModel", "Geodesy", "TestSupport"]),
        .testTarget(name: "QueriesTests", dependencies: ["Queries", "Events", "Geodesy", "GeoModel", "TestSupport"]),
        .testTarget(name: "LayersTests",
                    dependencies: ["Layers", "Control", "Places", "Events", "Geodesy", "GeoModel", "TestSupport"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "CLITests", dependencies: ["TestSupport"]),
        .testTarget(name: "EvaluationTests",
                    dependencies: ["Evaluation", "Events", "Places", "Geodesy", "GeoModel", "TestSupport"]),
        .testTarget(name: "ControlTests",
                    dependencies: ["Control", "GeoModel", "Geodesy", "Topology", "Places", "Events", "TestSupport"]),
    ]
)
