import Foundation
import Layers
import TestSupport
import XCTest

/// Every GeoJSON layer `placemap map` writes converts with Debian's `ogr2ogr` (GDAL 3.6) to GeoPackage,
/// ESRI Shapefile, FlatGeobuf and KML (the LIBKML driver) with no error and no warning, keeping every
/// property (under its documented 10-character name in a Shapefile) and every feature. The command lines
/// are the README's.
final class ConversionMatrixTests: XCTestCase {
    /// A target format: its GDAL driver, file extension, and the README's options.
    struct Target {
        let driver: String, ext: String, options: [String]
        /// Shapefile names: long properties are renamed by `-sql` (`ShapefileNames`).
        var renames: Bool { driver == "ESRI Shapefile" }
    }

    static let targets = [
        Target(driver: "GPKG", ext: "gpkg", options: []),
        Target(driver: "ESRI Shapefile", ext: "shp", options: ["-oo", "DATE_AS_STRING=YES", "-lco", "ENCODING=UTF-8"]),
        Target(driver: "FlatGeobuf", ext: "fgb", options: []),
        Target(driver: "LIBKML", ext: "kml", options: ["-oo", "DATE_AS_STRING=YES", "-mapFieldType", "Integer64=Real"]),
    ]

    func testEveryLayerConvertsToEveryFormatWithoutLossOrWarning() throws {
        let ogr2ogr = try Run.require("ogr2ogr", installedBy: "Debian gdal-bin")
        let ogrinfo = try Run.require("ogrinfo", installedBy: "Debian gdal-bin")
        let work = try temporaryDirectory("placemap-matrix")
        addTeardownBlock { try? FileManager.default.removeItem(at: work) }
        let out = work.appendingPathComponent("out")
        let map = try Run.placemap(["map", ProjectPaths.root.appendingPathComponent("Examples").path, "--out", out.path])
        XCTAssertEqual(map.status, 0, map.stderr)
        let layers = try FileManager.default.subpathsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".geojson") }.sorted()
        XCTAssertTrue(layers.contains("days/2020-02-06/frontline.geojson") && layers.contains("days/2020-02-06/events.geojson"))
        var converted: [String] = []
        for layer in layers {
            let source = out.appendingPathComponent(layer)
            let doc = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: source)) as? [String: Any])
            let features = doc["features"] as? [[String: Any]] ?? []
            let types = Set(features.compactMap { ($0["geometry"] as? [String: Any])?["type"] as? String })
            XCTAssertLessThanOrEqual(types.count, 1, "\(layer) holds one geometry type, not \(types.sorted())")
            let keys = Set(features.flatMap { ($0["properties"] as? [String: Any] ?? [:]).keys }).sorted()
            let layerName = doc["name"] as? String ?? ""
            for t in Self.targets {
                let target = work.appendingPathComponent("\(layer.replacingOccurrences(of: "/", with: "_")).\(t.ext)")
                var args = ["-f", t.driver] + t.options + [target.path, source.path]
                if t.renames, !keys.isEmpty {
                    let columns = try keys.map { k -> String in
                        let short = try XCTUnwrap(ShapefileNames.name(k), "\(k) has no documented Shapefile name")
                        return "\"\(k)\" AS \"\(short)\""
                    }
                    args += ["-sql", "SELECT \(columns.joined(separator: ", ")) FROM \"\(layerName)\""]
                }
                let r = try Run.program(ogr2ogr, args)
                XCTAssertEqual(r.status, 0, "\(layer) → \(t.driver): \(r.stderr)")
                XCTAssertEqual(r.stderr, "", "\(layer) → \(t.driver): no warning")
                let info = try Self.describe(target, ogrinfo: ogrinfo)
                XCTAssertEqual(info.count, features.count, "\(layer) → \(t.driver): every feature")
                let fields = Set(info.fields.map { $0.lowercased() })
                for k in keys {
                    let expected = (t.renames ? ShapefileNames.name(k) ?? k : k).lowercased()
                    XCTAssertTrue(fields.contains(expected), "\(layer) → \(t.driver): \(k) is missing from \(fields.sorted())")
                }
                converted.append("\(layer) → \(t.driver): \(features.count) features, \(keys.count) fields")
            }
        }
        XCTAssertEqual(converted.count, layers.count * Self.targets.count)
    }

    /// The feature count and field names of a file's first layer, from `ogrinfo -so -al`.
    static func describe(_ file: URL, ogrinfo: URL) throws -> (count: Int, fields: [String]) {
        let r = try Run.program(ogrinfo, ["-ro", "-so", "-al", file.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        var count = -1, fields: [String] = []
        let field = try NSRegularExpression(pattern: #"^([^:\s][^:]*): (\w+)(\([^)]*\))? \(\d+\.\d+\)$"#)
        for line in r.stdout.split(separator: "\n").map(String.init) {
            if line.hasPrefix("Feature Count: ") { count = Int(line.dropFirst(15)) ?? -1; continue }
            let range = NSRange(line.startIndex..., in: line)
            if let m = field.firstMatch(in: line, range: range), let name = Range(m.range(at: 1), in: line) {
                fields.append(String(line[name]))
            }
        }
        return (count, fields)
    }

    /// KML placemarks carry a name (type and place) and a time span (begin, end), so Google Earth's time
    /// slider works.
    func testKMLPlacemarksAreNamedAndTimed() throws {
        let ogr2ogr = try Run.require("ogr2ogr", installedBy: "Debian gdal-bin")
        let work = try temporaryDirectory("placemap-kml")
        addTeardownBlock { try? FileManager.default.removeItem(at: work) }
        let out = work.appendingPathComponent("out")
        XCTAssertEqual(try Run.placemap(["map", ProjectPaths.root.appendingPathComponent("Examples").path, "--out", out.path]).status, 0)
        let kml = work.appendingPathComponent("events.kml")
        let r = try Run.program(ogr2ogr, ["-f", "LIBKML", "-oo", "DATE_AS_STRING=YES", "-mapFieldType", "Integer64=Real", kml.path,
                                          out.appendingPathComponent("events.geojson").path])
        XCTAssertEqual(r.status, 0, r.stderr)
        let text = try String(contentsOf: kml, encoding: .utf8)
        let placemarks = text.components(separatedBy: "<Placemark").dropFirst()
        XCTAssertEqual(placemarks.count, 18, "every event of the example")
        for p in placemarks {
            XCTAssertNotNil(p.range(of: #"<name>(<!\[CDATA\[)?[^<\]]+ at [^<\]]+(\]\]>)?</name>"#, options: .regularExpression),
                            String(p.prefix(300)))
        }
        XCTAssertEqual(text.components(separatedBy: "<TimeSpan>").count - 1, 17, "all but the undated one")
        XCTAssertTrue(text.contains("<begin>2020-02-06</begin>"))
    }
}
