// swift-tools-version:6.0
import PackageDescription

// The arrow of dependencies runs one way, from the C libraries up to the command line; a module never
// imports one after it:
//
//   CGEOS, CPROJ, CSQLite, CLibPQ → GeoModel → Geodesy, Topology → FileIO, Places → EventModel → Extraction
//     → Queries, Control, Evaluation → Store → Layers → Pipeline → Benchmarks → placemap
//
// GeoModel: pure Swift values (coordinates, geometry, GeoJSON, days). Geodesy/Topology: PROJ and GEOS.
// FileIO: bytes in and out (CSV reader, number parsing, buffered atomic files, output folders).
// Places: the gazetteer. EventModel: the typed event (types, actors, dates, sources) and the one schema
// every event format is written from and read with. Extraction: reports to events. Queries: near, along.
// Evaluation: extraction scored against an analyst's coding (placemap evaluate).
// Control: who holds what, front lines, movements. Store: where analysts keep their events between runs
// (a GeoPackage through SQLite, or PostGIS through libpq), behind one protocol. Layers: every output encoding (GeoJSON layers, CSV,
// SVG, the page). Pipeline: the jobs the CLI runs (map, extract), the library's entry points.
let upper: [Target.Dependency] = ["GeoModel", "Geodesy", "Topology", "FileIO", "Places", "EventModel"]

let package = Package(
    name: "PlaceMap",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "placemap", targets: ["placemap"]),
        .library(name: "PlaceMapKit",
                 targets: ["GeoModel", "Geodesy", "Topology", "FileIO", "Places", "EventModel", "Extraction",
                           "Queries", "Control", "Evaluation", "Store", "Layers", "Pipeline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(name: "CGEOS", pkgConfig: "geos", providers: [.apt(["libgeos-dev"])]),
        .systemLibrary(name: "CPROJ", pkgConfig: "proj", providers: [.apt(["libproj-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .target(name: "GeoModel"),
        .target(name: "Geodesy", dependencies: ["CPROJ", "GeoModel"]),
        .target(name: "Topology", dependencies: ["CGEOS", "GeoModel"]),
        .target(name: "FileIO", dependencies: ["GeoModel"]),
        .target(name: "Places", dependencies: ["GeoModel", "Geodesy"]),
        .target(name: "EventModel", dependencies: ["GeoModel", "Geodesy", "FileIO", "Places"]),
        .target(name: "Extraction", dependencies: ["GeoModel", "Geodesy", "FileIO", "Places", "EventModel"]),
        .target(name: "Queries", dependencies: upper),
        .target(name: "Control", dependencies: upper, exclude: ["README.md"]),
        .target(name: "Evaluation", dependencies: upper + ["Extraction"], exclude: ["README.md"]),
        .target(name: "Store", dependencies: upper + ["CSQLite", "CLibPQ", "Queries", "Control"]),
        .target(name: "Layers", dependencies: upper + ["Control"]),
        .target(name: "Pipeline", dependencies: upper + ["Extraction", "Queries", "Control", "Store", "Layers"]),
        .target(name: "Benchmarks",
                dependencies: upper + ["Extraction", "Queries", "Control", "Store", "Layers", "Pipeline"]),
        .executableTarget(
            name: "placemap",
            dependencies: upper + [
                "Extraction", "Queries", "Control", "Evaluation", "Store", "Layers", "Pipeline", "Benchmarks",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .target(name: "TestSupport", dependencies: ["EventModel", "GeoModel"], path: "Tests/TestSupport"),
        .testTarget(name: "GeoModelTests", dependencies: ["GeoModel", "TestSupport"]),
        .testTarget(name: "GeodesyTests", dependencies: ["Geodesy", "GeoModel", "TestSupport"]),
        .testTarget(name: "TopologyTests", dependencies: ["Topology", "GeoModel", "TestSupport"]),
        .testTarget(name: "PlacesTests", dependencies: ["Places", "GeoModel", "Geodesy", "TestSupport"]),
        .testTarget(name: "EventModelTests",
                    dependencies: ["EventModel", "FileIO", "Places", "GeoModel", "TestSupport"]),
        .testTarget(name: "ExtractionTests",
                    dependencies: ["Extraction", "EventModel", "Places", "GeoModel", "TestSupport"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "QueriesTests",
                    dependencies: ["Queries", "EventModel", "Geodesy", "GeoModel", "TestSupport"]),
        .testTarget(name: "ControlTests",
                    dependencies: ["Control", "EventModel", "GeoModel", "Geodesy", "Topology", "Places", "TestSupport"]),
        .testTarget(name: "LayersTests",
                    dependencies: ["Layers", "Control", "Places", "EventModel", "FileIO", "Geodesy", "GeoModel",
                                   "TestSupport"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "EvaluationTests",
                    dependencies: ["Evaluation", "Extraction", "EventModel", "Places", "GeoModel", "TestSupport"]),
        .testTarget(name: "StoreTests",
                    dependencies: ["Store", "EventModel", "Queries", "Geodesy", "GeoModel", "TestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["placemap", "Layers", "GeoModel", "TestSupport"]),
    ]
)
