import XCTest
import Control
import EventModel
import GeoModel
import Geodesy
import Topology
import TestSupport

final class FrontlineTests: XCTestCase {
    func twoSettlements() throws -> FrontlineModel {
        let t = try Fixtures.table(Fixtures.header + "t:west,West,government,2020-02-01,a\nt:east,East,opposition,2020-02-01,b\n")
        return try FrontlineModel(table: t, area: Fixtures.box)
    }

    func testTwoSettlementsGiveTheirPerpendicularBisector() throws {
        let day = try twoSettlements().day(Fixtures.day("2020-02-01"))
        let west = Fixtures.places.place(id: "t:west")!.coordinate, east = Fixtures.places.place(id: "t:east")!.coordinate
        let vertices = day.line.coordinates
        XCTAssertGreaterThanOrEqual(vertices.count, 2)
        for v in vertices {
            let a = Geodesic.wgs84.distance(from: v, to: west), b = Geodesic.wgs84.distance(from: v, to: east)
            XCTAssertEqual(a, b, accuracy: 1.0, "vertex \(v) is not equidistant (UTM bisector, ellipsoidal check)")
        }
        // It crosses the whole box from south to north: about 0.1° of latitude, 11.1 km.
        XCTAssertEqual(day.lengthKm, 11.09, accuracy: 0.1)
        XCTAssertEqual(day.line.lines.count, 1)
        // Each side holds half of the box.
        let total = Geodesic.wgs84.area(of: Fixtures.box) / 1e6
        XCTAssertEqual(day.areaKm2["government"]! + day.areaKm2["opposition"]!, total, accuracy: total * 1e-6)
        XCTAssertEqual(day.areaKm2["government"]!, total / 2, accuracy: total * 0.01)
        XCTAssertEqual(day.changedKm2, 0)
        XCTAssertNil(day.contested)
        XCTAssertEqual(day.placeDistances.map(\.distanceKm)[0], day.placeDistances.map(\.distanceKm)[1], accuracy: 0.002)
    }

    func threeInARow() throws -> FrontlineModel {
        let t = try Fixtures.table(Fixtures.header + """
            t:west,West,government,2020-02-01,a
            t:middle,Middle,opposition,2020-02-01,b
            t:middle,Middle,government,2020-02-02,c
            t:east,East,opposition,2020-02-01,d
            *,all three,unchanged,2020-02-03,e
            """)
        return try FrontlineModel(table: t, area: Fixtures.box)
    }

    func testWhenOneSettlementChangesHandsTheChangedAreaIsItsCell() throws {
        let model = try threeInARow()
        let days = try model.range(from: Fixtures.day("2020-02-01"), to: Fixtures.day("2020-02-03"))
        XCTAssertEqual(days.map(\.changedKm2)[0], 0)
        XCTAssertEqual(days[2].changedKm2, 0, accuracy: 1e-9)
        // The middle cell, computed on its own: Voronoi of the three villages in UTM, clipped to the box.
        let utm = try Transformation(from: CRS.wgs84, to: model.crs)
        let sites = try utm.forward(["t:west", "t:middle", "t:east"].map { Fixtures.places.place(id: $0)!.coordinate })
        let cell = try Voronoi.cells(sites: sites)[1]!.intersection(try utm.forward(Fixtures.box))
        let cellKm2 = Geodesic.wgs84.area(of: try utm.inverse(cell)) / 1e6
        XCTAssertEqual(days[1].changedKm2, cellKm2, accuracy: cellKm2 * 1e-6)
        XCTAssertEqual(days[1].areaKm2["government"]! - days[0].areaKm2["government"]!, cellKm2, accuracy: cellKm2 * 1e-6)
    }

    func testTheLineMovesTowardTheSideThatLostTheSettlement() throws {
        let days = try threeInARow().range(from: Fixtures.day("2020-02-01"), to: Fixtures.day("2020-02-02"))
        func meanLon(_ d: FrontlineDay) -> Double { d.line.coordinates.map(\.lon).reduce(0, +) / Double(d.line.coordinates.count) }
        XCTAssertEqual(meanLon(days[0]), 36.625, accuracy: 0.001)
        XCTAssertEqual(meanLon(days[1]), 36.675, accuracy: 0.001)
        // The line moved 0.05° of longitude east, about 4.5 km at 35.9° N.
        let step = Geodesic.wgs84.distance(from: Coordinate(lon: 36.625, lat: 35.9), to: Coordinate(lon: 36.675, lat: 35.9)) / 1000
        XCTAssertEqual(days[1].advanceKm, step, accuracy: 0.05)
        XCTAssertEqual(days[1].movements.count, 1)
        let m = days[1].movements[0]
        XCTAssertEqual(m.placeID, "t:middle")
        XCTAssertEqual(m.fromSide, .opposition)
        XCTAssertEqual(m.toSide, .government)
        XCTAssertEqual(m.lengthKm, step / 2, accuracy: 0.05)
        XCTAssertEqual(m.arrow.coordinates.last, Fixtures.places.place(id: "t:middle")!.coordinate)
        XCTAssertEqual(days[1].movementFeatures.count, 1)
    }

    func testContestedCellsAreTheirOwnPolygonAndFaceTheGovernmentLine() throws {
        let t = try Fixtures.table(Fixtures.header + """
            t:west,West,government,2020-02-01,a
            t:middle,Middle,contested,2020-02-01,b
            t:east,East,opposition,2020-02-01,d
            """)
        let day = try FrontlineModel(table: t, area: Fixtures.box).day(Fixtures.day("2020-02-01"))
        XCTAssertNotNil(day.contested)
        XCTAssertGreaterThan(day.areaKm2["contested"]!, 0)
        XCTAssertEqual(day.line.coordinates.map(\.lon).max()!, 36.625, accuracy: 0.001)
        let kinds = day.features.compactMap { $0[property: "kind"]?.stringValue }
        XCTAssertEqual(kinds, ["front_line", "side", "side", "contested"])
    }

    func testTheLineIsTheBoundaryOfTheSideTheUserNames() throws {
        let t = try Fixtures.table(Fixtures.header + """
            t:west,West,ukraine,2022-09-01,a
            t:middle,Middle,russia,2022-09-01,b
            t:east,East,contested,2022-09-01,c
            """)
        let day = Fixtures.day("2022-09-01")
        // By default the table's first side: the boundary between West and Middle, across the box.
        let ukraine = try FrontlineModel(table: t, area: Fixtures.box).day(day)
        XCTAssertEqual(ukraine.lineSide.rawValue, "ukraine")
        XCTAssertEqual(ukraine.lengthKm, 11.09, accuracy: 0.1)
        XCTAssertEqual(ukraine.sideOrder.map(\.rawValue), ["ukraine", "russia", "contested"])
        // Russia's boundary faces both West and the contested East: two lines across the box.
        let russia = try FrontlineModel(table: t, area: Fixtures.box, lineSide: Side(rawValue: "russia")).day(day)
        XCTAssertEqual(russia.line.lines.count, 2)
        XCTAssertEqual(russia.lengthKm, 2 * 11.09, accuracy: 0.2)
        XCTAssertEqual(Set(russia.areaKm2.keys), ["ukraine", "russia", "contested"])
        XCTAssertThrowsError(try FrontlineModel(table: t, area: Fixtures.box, lineSide: Side(rawValue: "nato"))) { e in
            XCTAssertEqual("\(e)", "the control table has no side \"nato\" (its sides: ukraine, russia, contested)")
        }
    }

    func testADayAfterTheTableIsAClearError() throws {
        XCTAssertThrowsError(try twoSettlements().day(Fixtures.day("2020-03-15"))) { e in
            XCTAssertEqual("\(e)", "no control data for 2020-03-15: the control table ends on 2020-02-01 (--assume-unchanged keeps its last state)")
        }
    }

    func testADayBeforeTheTableIsAClearError() throws {
        XCTAssertThrowsError(try twoSettlements().day(Fixtures.day("2020-01-15"))) { e in
            XCTAssertEqual("\(e)", "no control data for 2020-01-15: the control table starts on 2020-02-01")
        }
    }

    func testOneSideHoldingEverythingGivesNoLine() throws {
        let t = try Fixtures.table(Fixtures.header + "t:west,West,opposition,2020-02-01,a\nt:east,East,opposition,2020-02-01,b\n")
        let day = try FrontlineModel(table: t, area: Fixtures.box).day(Fixtures.day("2020-02-01"))
        XCTAssertTrue(day.line.isEmpty)
        XCTAssertEqual(day.lengthKm, 0)
    }

    func testTheDefaultAreaIsTheBufferedHullCutToTheOutline() throws {
        let sites = ["t:west", "t:middle", "t:east"].map { Fixtures.places.place(id: $0)!.coordinate }
        let open = try FrontlineModel.defaultArea(settlements: sites, outline: nil)
        // A 10 km segment buffered 5 km: 2 × 5 × 9.0 + π 5² ≈ 168.6 km² (the ring is a 32-gon, a little less).
        XCTAssertEqual(Geodesic.wgs84.area(of: open) / 1e6, 168.5, accuracy: 1.5)
        XCTAssertEqual(open.boundingBox!.north, 35.945, accuracy: 0.001)
        let outline = Geometry.polygon([[
            Coordinate(lon: 36.0, lat: 35.0), Coordinate(lon: 37.0, lat: 35.0), Coordinate(lon: 37.0, lat: 35.92),
            Coordinate(lon: 36.0, lat: 35.92), Coordinate(lon: 36.0, lat: 35.0),
        ]])
        let cut = try FrontlineModel.defaultArea(settlements: sites, outline: outline)
        XCTAssertLessThan(Geodesic.wgs84.area(of: cut), Geodesic.wgs84.area(of: open))
        XCTAssertEqual(cut.boundingBox!.north, 35.92, accuracy: 1e-6)
    }

    func testAnAreaFigureAgreesWithPyproj() throws {
        let day = try twoSettlements().day(Fixtures.day("2020-02-01"))
        let polygon = day.sides[.government]!
        let out = try Python.run("""
            import sys, json
            from pyproj import Geod
            from shapely.geometry import shape
            g = shape(json.load(sys.stdin))
            area, _ = Geod(ellps="WGS84").geometry_area_perimeter(g)
            print(repr(abs(area) / 1e6))
            """, input: GeoJSON.encode(polygon), modules: ["pyproj", "shapely"])
        let expected = try XCTUnwrap(Double(out.trimmingCharacters(in: .whitespacesAndNewlines)))
        // GeoJSON has 6 decimals (about 0.1 m): compare to 1e-4 relative.
        XCTAssertEqual(day.areaKm2["government"]!, expected, accuracy: expected * 1e-4)
    }

    func testJSONOfADayHasTheDocumentedKeys() throws {
        let day = try threeInARow().day(Fixtures.day("2020-02-02"))
        let o = try XCTUnwrap(day.json.objectValue)
        XCTAssertEqual(Set(o.keys), ["date", "line_side", "length_km", "area_km2", "changed_km2", "advance_km", "control", "movements"])
        XCTAssertEqual(o["date"], "2020-02-02")
        XCTAssertEqual(o["line_side"], "government")
        // Every side of the table, and contested.
        XCTAssertEqual(o["area_km2"]?.objectValue?.keys.sorted(), ["contested", "government", "opposition"])
        let control = try XCTUnwrap(o["control"]?.arrayValue)
        XCTAssertEqual(control.map { $0["side"]?.stringValue }, ["government", "government", "opposition"])
        XCTAssertEqual(day.placeDistances[1].sentence, "Middle 2.3 km behind the government side of the line")
    }
}
