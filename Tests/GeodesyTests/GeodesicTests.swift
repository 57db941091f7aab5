import GeoModel
import Geodesy
import TestSupport
import XCTest

final class GeodesicTests: XCTestCase {
    let saraqeb = Coordinate(lon: 36.80591, lat: 35.86447)
    let taftanaz = Coordinate(lon: 36.78579, lat: 35.99832)

    /// Published test cases of GeographicLib (Karney's geodtest: lat1, lon1, azi1, lat2, lon2, azi2, s12).
    let published: [[Double]] = [
        [35.60777, -139.44815, 111.098748429560326, -11.17491, -69.95921, 129.289270889708762, 8935244.5604818305],
        [55.52454, 106.05087, 22.020059880982801, 77.03196, 197.18234, 109.112041110671519, 4105086.1713924406],
        [-21.97856, 142.59065, -32.44456876433189, 41.84138, 98.56635, -41.84359951440466, 8394328.894657671],
        [-66.99028, 112.2363, 173.73491240878403, -12.70631, 285.90344, 2.512956620913668, 11150344.2312080241],
    ]

    func testInverseReproducesGeographicLibPublishedAnswersToAMicrometre() {
        for t in published {
            let line = Geodesic.wgs84.inverse(from: Coordinate(lon: t[1], lat: t[0]), to: Coordinate(lon: t[4], lat: t[3]))
            XCTAssertEqual(line.distance, t[6], accuracy: 1e-6)
            XCTAssertEqual(line.initialAzimuth, t[2], accuracy: 1e-9)
            XCTAssertEqual(line.finalAzimuth, t[5], accuracy: 1e-9)
        }
    }

    func testDirectReproducesPublishedAnswers() {
        for t in published {
            let (p, azi2) = Geodesic.wgs84.destination(from: Coordinate(lon: t[1], lat: t[0]), azimuth: t[2], distance: t[6])
            XCTAssertEqual(p.lat, t[3], accuracy: 1e-12)
            XCTAssertEqual(remainder(p.lon - t[4], 360), 0, accuracy: 1e-12)
            XCTAssertEqual(azi2, t[5], accuracy: 1e-9)
        }
    }

    func testSaraqebToTaftanaz() {
        XCTAssertEqual(Geodesic.wgs84.distance(from: saraqeb, to: taftanaz), 14_962.27, accuracy: 0.005)
    }

    func testRandomPairsAcrossSyriaAgreeWithPythonGeographicLibToTheMillimetre() throws {
        var rng = SystemRandomNumberGenerator()
        let pairs = (0..<300).map { _ in
            (Coordinate(lon: .random(in: 35.6...42.4, using: &rng), lat: .random(in: 32.3...37.3, using: &rng)),
             Coordinate(lon: .random(in: 35.6...42.4, using: &rng), lat: .random(in: 32.3...37.3, using: &rng)))
        }
        let input = pairs.map { "\($0.0.lat) \($0.0.lon) \($0.1.lat) \($0.1.lon)" }.joined(separator: "\n")
        let out = try Python.run("""
            import sys
            from geographiclib.geodesic import Geodesic
            g = Geodesic.WGS84
            for line in sys.stdin:
                a, b, c, d = map(float, line.split())
                r = g.Inverse(a, b, c, d)
                print(repr(r['s12']), repr(r['azi1']))
            """, input: input, modules: ["geographiclib"])
        let rows = out.split(separator: "\n")
        XCTAssertEqual(rows.count, pairs.count)
        for (row, pair) in zip(rows, pairs) {
            let v = row.split(separator: " ").map { Double($0)! }
            let line = Geodesic.wgs84.inverse(from: pair.0, to: pair.1)
            XCTAssertEqual(line.distance, v[0], accuracy: 1e-3)
            XCTAssertEqual(line.initialAzimuth, v[1], accuracy: 1e-8)
        }
    }

    func testPolygonAreaAndLineLengthAgreeWithGeographicLib() throws {
        let ring = [saraqeb, Coordinate(lon: 36.9, lat: 35.9), taftanaz, saraqeb]
        let out = try Python.run("""
            from geographiclib.geodesic import Geodesic
            p = Geodesic.WGS84.Polygon()
            for lat, lon in [(35.86447, 36.80591), (35.9, 36.9), (35.99832, 36.78579)]:
                p.AddPoint(lat, lon)
            n, perim, area = p.Compute(False, True)
            print(repr(abs(area)), repr(perim))
            """, modules: ["geographiclib"])
        let v = out.split(separator: " ").map { Double($0.trimmingCharacters(in: .whitespacesAndNewlines))! }
        XCTAssertEqual(Geodesic.wgs84.area(ofRing: ring), v[0], accuracy: 1e-3)
        XCTAssertEqual(Geodesic.wgs84.length(of: ring), v[1], accuracy: 1e-6)
    }

    func testCirclePointsLieExactlyAtTheRadius() {
        guard case .polygon(let rings) = Geodesic.wgs84.circle(center: saraqeb, radius: 10_000, segments: 72) else {
            return XCTFail("not a polygon")
        }
        XCTAssertEqual(rings[0].count, 73)
        XCTAssertTrue(Winding.isCounterClockwise(rings[0]))
        for p in rings[0] { XCTAssertEqual(Geodesic.wgs84.distance(from: saraqeb, to: p), 10_000, accuracy: 1e-6) }
        // A 72-gon inscribed in a 10 km circle: area within 0.2 % of π r².
        XCTAssertEqual(Geodesic.wgs84.area(of: .polygon(rings)), Double.pi * 1e8, accuracy: Double.pi * 1e8 * 0.002)
    }
}

final class TransformationTests: XCTestCase {
    let saraqeb = Coordinate(lon: 36.80591, lat: 35.86447)

    func testSaraqebLandsInUTM37NLongitudeFirst() throws {
        XCTAssertEqual(CRS.utm(for: saraqeb), "EPSG:32637")
        let t = try Transformation.toUTM(of: saraqeb)
        let p = try t.forward(saraqeb)
        XCTAssertEqual(p.x, 301_898.8, accuracy: 0.05)
        XCTAssertEqual(p.y, 3_971_139.2, accuracy: 0.05)
    }

    func testUTMRoundTripWithinANanodegree() throws {
        let t = try Transformation(from: CRS.wgs84, to: "EPSG:32637")
        var rng = SystemRandomNumberGenerator()
        let pts = (0..<500).map { _ in Coordinate(lon: .random(in: 35.6...42.4, using: &rng), lat: .random(in: 32.3...37.3, using: &rng)) }
        let back = try t.inverse(try t.forward(pts))
        for (a, b) in zip(pts, back) {
            XCTAssertEqual(a.lon, b.lon, accuracy: 1e-9)
            XCTAssertEqual(a.lat, b.lat, accuracy: 1e-9)
        }
    }

    func testUTMAgreesWithPyproj() throws {
        let out = try Python.run("""
            from pyproj import Transformer
            t = Transformer.from_crs('EPSG:4326', 'EPSG:32637', always_xy=True)
            print(*map(repr, t.transform(36.80591, 35.86447)))
            """, modules: ["pyproj"])
        let v = out.split(separator: " ").map { Double($0.trimmingCharacters(in: .whitespacesAndNewlines))! }
        let p = try Transformation(from: CRS.wgs84, to: "EPSG:32637").forward(saraqeb)
        XCTAssertEqual(p.x, v[0], accuracy: 1e-6)
        XCTAssertEqual(p.y, v[1], accuracy: 1e-6)
    }

    func testWebMercatorIsLongitudeFirst() throws {
        let p = try Transformation(from: CRS.wgs84, to: CRS.webMercator).forward(Coordinate(lon: 180, lat: 0))
        XCTAssertEqual(p.x, 20_037_508.342789244, accuracy: 1e-6)
        XCTAssertEqual(p.y, 0, accuracy: 1e-6)
    }

    func testUnknownCRSCarriesPROJsOwnMessage() {
        XCTAssertThrowsError(try Transformation(from: CRS.wgs84, to: "EPSG:999999")) { error in
            guard case .transformation(let m) = error as? GeodesyError else { return XCTFail("\(error)") }
            XCTAssertTrue(m.contains("999999"), m)
            XCTAssertTrue(m.lowercased().contains("crs") || m.lowercased().contains("not found") || m.contains("proj_create"), m)
        }
    }
}
