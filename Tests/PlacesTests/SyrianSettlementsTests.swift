import Foundation
import GeoModel
import Geodesy
import Places
import TestSupport
import XCTest

/// The Syrian settlements of the shared source data (`../shared/data/syria/`), read independently of the
/// build (Python's sqlite3 over the GeoPackage), against the bundled gazetteer.
final class SyrianSettlementsTests: XCTestCase {
    let g = Fixture.gazetteer

    /// One OpenStreetMap point of the source: its id, point, English and Arabic names.
    struct Source { var id: String; var point: Coordinate; var english: String; var arabic: String }

    /// Reads the GeoPackage's points (GeoPackage header, then WKB) with Python's standard library.
    static func osmSource() throws -> [Source] {
        let gpkg = try ProjectPaths.shared("data/syria/osm_populated_places_matched.gpkg")
        let script = """
            import sqlite3, struct, sys
            con = sqlite3.connect("file:" + sys.stdin.readline().strip() + "?mode=ro", uri=True)
            for hot_id, en, ar, blob in con.execute("SELECT hot_id, hot_name_en, hot_name, geom FROM validated_locations ORDER BY fid"):
                env = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}[(blob[3] >> 1) & 7]
                wkb = blob[8 + env:]
                lon, lat = struct.unpack(("<" if wkb[0] == 1 else ">") + "dd", wkb[5:21])
                print("\\t".join(["osm:" + hot_id, repr(lon), repr(lat), en or "", ar or ""]))
            """
        let out = try Python.run(script, input: gpkg.path + "\n", modules: ["sqlite3"])
        return out.split(separator: "\n").map { line in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return Source(id: f[0], point: Coordinate(lon: Double(f[1])!, lat: Double(f[2])!), english: f[3], arabic: f[4])
        }
    }

    /// The nearest settlement of the gazetteer to `c` whose names do not fold like `name`: the neighbour a
    /// report would name beside the village.
    func neighbour(of c: Coordinate, unlike name: String) -> Place? {
        let key = NameKey.fold(name)
        return g.nearest(to: c, limit: 8, kinds: [.city, .town, .village, .hamlet])
            .first { n in NameKey.fold(n.place.name) != key && !n.place.alternateNames.contains { NameKey.fold($0) == key } }?.place
    }

    /// True when `p` is the source's settlement: within 500 m of its point, or (a town whose GeoNames and
    /// OpenStreetMap points lie up to 1 km apart, merged into one place) carrying its id within 1 km.
    func found(_ p: Place, _ s: Source) -> Bool {
        let m = Geodesic.wgs84.distance(from: p.coordinate, to: s.point)
        return m <= 500 || (m <= 1000 && p.ids.contains(s.id))
    }

    func testEveryVillageOfTheSourceResolvesByItsLatinAndArabicNamesWithinFiveHundredMetres() throws {
        let source = try Self.osmSource()
        XCTAssertEqual(source.count, 2455)
        let geod = Geodesic.wgs84
        var failures: [String] = [], nearTwins: [String] = [], checked = 0, alone = 0
        for s in source {
            for name in [s.english, s.arabic] where !name.isEmpty {
                checked += 1
                // First as a bare name; where other places share it, with a neighbour named in the same report.
                var r = try g.resolve(name)
                if found(r.place, s) { alone += 1; continue }
                r = try g.resolve(name, context: ResolutionContext(nearby: neighbour(of: s.point, unlike: name).map { [$0] } ?? []))
                if found(r.place, s) { continue }
                let m = geod.distance(from: r.place.coordinate, to: s.point)
                // Two places of this exact name within 2.5 km (the two halves of Hasnah, or one town that the two
                // sources place 0.5-2.2 km apart and the 500 m rule keeps apart: Izra', Markada): either will do.
                let twins = g.places(within: 2500, of: s.point).filter { $0.place.names.contains(name) }
                if m <= 2500, twins.count > 1, twins.contains(where: { $0.place.id == r.place.id }) {
                    nearTwins.append(name)
                    continue
                }
                failures.append("\(s.id) '\(name)' → \(r.place.id) \(Int(m)) m away")
            }
        }
        XCTAssertEqual(failures, [], "\(failures.count) of \(checked) names")
        XCTAssertLessThanOrEqual(nearTwins.count, 8, "\(nearTwins)")
        // Most names need no context at all.
        XCTAssertGreaterThan(Double(alone) / Double(checked), 0.85, "\(alone) of \(checked) resolve as bare names")
    }
}

extension Place {
    /// The main name and the alternate names.
    var names: [String] { [name] + alternateNames }
}
