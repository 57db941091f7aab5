import GeoModel
import Foundation
import TestSupport
import XCTest

final class GeoJSONTests: XCTestCase {
    let saraqeb = Coordinate(lon: 36.80591, lat: 35.86447)

    func testPositionsAreLongitudeFirstWithSixDecimals() {
        let g = Geometry.point(Coordinate(lon: 36.805912345, lat: 35.8644749999))
        XCTAssertEqual(GeoJSON.encode(g), #"{"coordinates":[36.805912,35.864475],"type":"Point"}"#)
    }

    func testKeysAreSortedAndForeignMembersKept() throws {
        let text = #"{"attribution":"GeoNames (CC BY 4.0)","bbox":[36.78579,35.86447,36.80591,35.99832],"features":[{"geometry":{"coordinates":[36.80591,35.86447],"type":"Point"},"id":"saraqeb","properties":{"name":"Saraqeb","population":32495},"type":"Feature","when":"2020-02-06"}],"type":"FeatureCollection"}"#
        let fc = try GeoJSON.decodeCollection(text)
        XCTAssertEqual(fc.foreignMembers["attribution"], "GeoNames (CC BY 4.0)")
        XCTAssertEqual(fc.features[0].foreignMembers["when"], "2020-02-06")
        XCTAssertEqual(fc.features[0].id, "saraqeb")
        XCTAssertEqual(GeoJSON.encode(fc), text, "GeoJSON must round-trip byte for byte")
    }

    func testEveryGeometryTypeRoundTripsByteForByte() throws {
        let ring = [Coordinate(lon: 36, lat: 35), Coordinate(lon: 37, lat: 35), Coordinate(lon: 37, lat: 36),
                    Coordinate(lon: 36, lat: 35)]
        let geometries: [Geometry] = [
            .point(saraqeb), .multiPoint([saraqeb, saraqeb]), .lineString(Array(ring.prefix(3))),
            .multiLineString([Array(ring.prefix(2)), Array(ring.suffix(2))]), .polygon([ring]),
            .multiPolygon([[ring], [ring]]), .geometryCollection([.point(saraqeb), .polygon([ring])]),
        ]
        let fc = FeatureCollection(features: geometries.enumerated().map {
            Feature(id: .number(Double($0.offset)), geometry: $0.element, properties: ["k": .number(Double($0.offset) / 3)])
        }).withComputedBoundingBox()
        let text = GeoJSON.encode(fc)
        let again = try GeoJSON.decodeCollection(text)
        XCTAssertEqual(GeoJSON.encode(again), text)
        XCTAssertEqual(again.features.map(\.geometry), geometries)
        XCTAssertEqual(fc.bbox, [36, 35, 37, 36])
    }

    func testPolygonsAreWoundByTheRightHandRule() {
        let clockwise = [Coordinate(lon: 0, lat: 0), Coordinate(lon: 0, lat: 1), Coordinate(lon: 1, lat: 1),
                         Coordinate(lon: 0, lat: 0)]
        guard case .polygon(let rings) = Geometry.polygon([clockwise, clockwise.reversed()]).rightHanded else {
            return XCTFail("not a polygon")
        }
        XCTAssertTrue(Winding.isCounterClockwise(rings[0]), "exterior ring counter-clockwise")
        XCTAssertFalse(Winding.isCounterClockwise(rings[1]), "holes clockwise")
    }

    func testMalformedGeoJSONSaysWhatIsWrong() {
        XCTAssertThrowsError(try GeoJSON.decodeCollection(#"{"type":"Point","coordinates":[36.8]}"#)) { e in
            XCTAssertTrue("\(e)".contains("position"), "\(e)")
        }
        XCTAssertThrowsError(try GeoJSON.decodeCollection(#"{"type":"FeatureCollection","features":[}"#)) { e in
            XCTAssertTrue("\(e)".contains("byte"), "\(e)")
        }
    }
}

final class JSONTests: XCTestCase {
    func testParsesEscapesAndUnicode() throws {
        let v = try JSONParser.parse(#"{"a":"Sar\u0101qib \"x\" \ud83d\ude00","b":[1,2.5,-3e2,true,null]}"#)
        XCTAssertEqual(v["a"], "Sarāqib \"x\" 😀")
        XCTAssertEqual(v["b"], [1, 2.5, -300, true, nil])
    }

    func testWritesSortedKeysAndStableNumbers() {
        let v: JSONValue = ["z": 1, "a": 14962.265463431075, "m": "Ma'arat \"Misrin\"\n", "n": nil]
        XCTAssertEqual(JSONWriter.string(v), #"{"a":14962.265463431075,"m":"Ma'arat \"Misrin\"\n","n":null,"z":1}"#)
    }

    func testFixedDecimalsRoundAndTrim() {
        XCTAssertEqual(FixedDecimal.string(36.8059100), "36.80591")
        XCTAssertEqual(FixedDecimal.string(-0.0000004), "0")
        XCTAssertEqual(FixedDecimal.string(-179.9999996), "-180")
        XCTAssertEqual(FixedDecimal.string(35.0000005), "35.000001")
    }

    func testRejectsTrailingGarbage() {
        XCTAssertThrowsError(try JSONParser.parse("{} x"))
        XCTAssertThrowsError(try JSONParser.parse("[1,]"))
    }
}

final class CoordinateTests: XCTestCase {
    func testParsesLonLatAndRefusesOutOfRange() throws {
        XCTAssertEqual(try Coordinate(parsing: "36.80591, 35.86447"), Coordinate(lon: 36.80591, lat: 35.86447))
        XCTAssertThrowsError(try Coordinate(parsing: "36.8,95")) { XCTAssertEqual($0 as? CoordinateError, .outOfRange(lon: 36.8, lat: 95)) }
        XCTAssertThrowsError(try Coordinate(parsing: "Saraqeb"))
    }
}

final class GDALTests: XCTestCase {
    func testAFileWrittenByPlaceMapOpensInOGRInfo() throws {
        let ogrinfo = try Run.require("ogrinfo", installedBy: "Debian gdal-bin")
        let ring = [Coordinate(lon: 36.7, lat: 35.8), Coordinate(lon: 36.9, lat: 35.8), Coordinate(lon: 36.9, lat: 36.0),
                    Coordinate(lon: 36.7, lat: 35.8)]
        let fc = FeatureCollection(features: [
            Feature(id: "saraqeb", geometry: .point(Coordinate(lon: 36.80591, lat: 35.86447)), properties: ["name": "Saraqeb"]),
            Feature(id: "area", geometry: .polygon([ring]), properties: ["name": "a triangle"]),
        ], foreignMembers: ["attribution": "test"]).withComputedBoundingBox()
        let dir = try temporaryDirectory()
        let file = dir.appendingPathComponent("test.geojson")
        try GeoJSON.encode(fc).write(to: file, atomically: true, encoding: .utf8)
        let r = try Run.program(ogrinfo, ["-ro", "-al", "-so", file.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("Feature Count: 2"), r.stdout)
        XCTAssertTrue(r.stdout.contains("name: String"), r.stdout)
    }
}

final class JSONNumberTests: XCTestCase {
    func testFastNumberParsingAgreesWithSwiftsCorrectlyRoundedConversion() throws {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let x = Double.random(in: -180...180, using: &rng)
            for text in [FixedDecimal.string(x, decimals: 6), "\(x)", String(Int.random(in: -99999...99999)), "0.000\(Int.random(in: 1...999))"] {
                XCTAssertEqual(try JSONParser.parse("[\(text)]"), .array([.number(Double(text)!)]), text)
            }
        }
        XCTAssertEqual(try JSONParser.parse("-0.5e-3"), .number(-0.0005))
        XCTAssertEqual(try JSONParser.parse("123456789012345678901"), .number(123456789012345678901.0))
    }
}
