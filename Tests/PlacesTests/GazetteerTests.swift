import Foundation
import GeoModel
import Places
import TestSupport
import XCTest

final class GazetteerTests: XCTestCase {
    let g = Fixture.gazetteer

    func testTheDataFilesParse() throws {
        XCTAssertGreaterThan(g.places.count, 350)
        XCTAssertEqual(Set(g.places.map(\.id)).count, g.places.count)
        XCTAssertTrue(g.places.allSatisfy { $0.coordinate.isValidGeographic && !$0.name.isEmpty })
        XCTAssertEqual(Set(g.highways.map(\.id)), ["M4", "M5"])
        XCTAssertEqual(g.regions.count, 14)
        XCTAssertEqual(Set(g.borders.features.compactMap { $0[property: "id"]?.stringValue }), ["SY", "SY-TR"])
        for h in g.highways { XCTAssertEqual(h.via.count, h.line.count, h.id); XCTAssertNotNil(h.knownErrorKm) }
    }

    func testHighwaysByTheirUsualNames() {
        XCTAssertEqual(g.highway(named: "M4")?.id, "M4")
        XCTAssertEqual(g.highway(named: "m5")?.id, "M5")
        XCTAssertEqual(g.highway(named: "M5 highway")?.id, "M5")
        XCTAssertEqual(g.highway(named: "M-4")?.id, "M4")
        XCTAssertNil(g.highway(named: "M45"))
        XCTAssertEqual(g.highway(named: "M5")?.via.first, "Damascus")
    }

    func testRegionsHoldTheirPlaces() throws {
        XCTAssertEqual(g.region(containing: g.place(id: "geonames:164816")!.coordinate)?.id, "pm:gov-idlib")
        XCTAssertEqual(g.region(containing: g.place(id: "geonames:170063")!.coordinate)?.id, "pm:gov-aleppo")
        XCTAssertNil(g.region(containing: Coordinate(lon: 4.35, lat: 50.85)))
        XCTAssertEqual(g.region(id: "pm:gov-idlib")?.name, "Idlib Governorate")
    }

    func testNearestAndWithinAreGeodesicAndSorted() throws {
        let saraqeb = g.place(id: "geonames:164816")!.coordinate
        let near = g.nearest(to: saraqeb, limit: 3, kinds: [.city, .town, .village])
        // Saraqib, Afis (GeoNames), Jobas (OpenStreetMap node 571192898, OCHA C3909).
        XCTAssertEqual(near.map(\.place.id), ["geonames:164816", "geonames:174191", "osm:node/571192898"])
        XCTAssertEqual(near[1].metres, 4714, accuracy: 5) // Afis, 4.71 km (Gazetteer/README.md, geographiclib)
        XCTAssertEqual(near[2].metres, 5120, accuracy: 5) // Jobas, 5.12 km (Gazetteer/stats.json, geographiclib)
        let within = g.places(within: 15_000, of: saraqeb)
        XCTAssertTrue(within.contains { $0.place.id == "geonames:163799" })  // Taftanaz, 14.96 km
        XCTAssertFalse(within.contains { $0.place.id == "geonames:169389" }) // Idlib, 17.2 km
        XCTAssertEqual(within.map(\.metres), within.map(\.metres).sorted())
        XCTAssertEqual(g.places(within: 25_000, of: saraqeb, kinds: [.airbase]).map(\.place.id), ["pm:taftanaz-airbase"])
    }

    func testAMalformedRowIsReportedWithItsFileAndLine() throws {
        let dir = try Fixture.copy()
        let file = dir.appendingPathComponent("places/world.tsv")
        var text = try String(contentsOf: file, encoding: .utf8)
        let lines = text.split(separator: "\n").count
        text += "pm:broken\tBroken\tvillage\t36.8\n"
        try text.write(to: file, atomically: true, encoding: .utf8)
        // world.tsv has the ten required columns and the five optional ones.
        XCTAssertThrowsError(try Gazetteer.load(from: dir)) { e in
            XCTAssertEqual(e as? PlacesError, .malformed(file: file.path, line: lines + 1,
                                                          message: "expected 15 tab-separated columns, found 4"))
            XCTAssertTrue("\(e)".hasPrefix("\(file.path):\(lines + 1): "), "\(e)")
        }
    }

    func testABadCoordinateOrKindIsReportedWithItsLine() throws {
        let dir = try Fixture.copy()
        let file = dir.appendingPathComponent("places/front_hand_added.tsv")
        var rows = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var cells = rows[3].split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        cells[4] = "95.5"
        rows[3] = cells.joined(separator: "\t")
        try rows.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try Gazetteer.load(from: dir)) { e in
            guard case PlacesError.malformed(let f, let line, let message)? = e as? PlacesError else { return XCTFail("\(e)") }
            XCTAssertEqual(f, file.path); XCTAssertEqual(line, 4); XCTAssertTrue(message.contains("out of range"), message)
        }
    }

    func testABrokenGeoJSONFileIsReportedWithItsLine() throws {
        let dir = try Fixture.copy()
        let file = dir.appendingPathComponent("highways.geojson")
        try "{\"type\":\"FeatureCollection\",\n\"features\":[\n{oops}]}".write(to: file, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try Gazetteer.load(from: dir)) { e in
            guard case PlacesError.malformed(let f, let line, _)? = e as? PlacesError else { return XCTFail("\(e)") }
            XCTAssertEqual(f, file.path); XCTAssertEqual(line, 3)
        }
        XCTAssertNoThrow(try Gazetteer.load(from: dir, shapes: false))
    }

    func testTheDefaultDirectoryFollowsTheEnvironmentOrTheFolders() throws {
        let url = try Gazetteer.defaultDirectory()
        XCTAssertTrue(FileManager.default.fileExists(atPath: url.appendingPathComponent("places").path))
    }

    func testFoldingCollisionsAreFewAndNoneAmongTheSeedNames() {
        let collisions = g.keyCollisions()
        let artefacts = collisions.filter { !$0.sameName }
        XCTAssertLessThan(artefacts.count, g.places.count / 8, artefacts.map(\.key).description)
        // Within Syria the seed names are unique; a namesake abroad (Surman, Libya, folds like Sarmin) gives way
        // to the Syrian place in a bare name and in a report on Syria.
        for name in ["Saraqeb", "Taftanaz", "Binnish", "Nairab", "Maaret Musreen", "Afis", "Sarmin", "Ariha"] {
            XCTAssertEqual(g.places(withKey: NameKey.fold(name)).filter { $0.country == "SY" }.count, 1, name)
            XCTAssertEqual(try g.resolve(name).place.country, "SY", name)
        }
    }

    func testCountriesAndCapitalsDoNotShareAKeyWithAVillage() {
        // German "Syrien" folded like the village Suran, French "Damas" like Ad Dimas.
        let collisions = g.keyCollisions()
        for (country, village) in [("Syria", "Suran"), ("Damascus", "Ad Dimas"), ("Amman", "Rabi'ah")] {
            XCTAssertFalse(collisions.contains { c in c.places.contains { $0.name == country } && c.places.contains { $0.name == village } },
                           "\(country) and \(village) share a key")
        }
        XCTAssertEqual(try g.resolve("Syria").place.kind, .country)
        XCTAssertEqual(try g.resolve("Damascus").place.id, "geonames:170654")
    }

    func testLowerCaseTransliterationsAreNotIndexed() {
        // GeoNames' letter-for-letter forms ("bbyla", "alkrymt") folded like other places' names.
        XCTAssertTrue(Gazetteer.isMachineTransliteration("bbyla"))
        XCTAssertTrue(Gazetteer.isMachineTransliteration("tl klkh"))
        XCTAssertFalse(Gazetteer.isMachineTransliteration("al-Nayrab"))
        XCTAssertFalse(Gazetteer.isMachineTransliteration("Sarāqib"))
        XCTAssertFalse(Gazetteer.isMachineTransliteration("النيرب"))
        // Babila is no longer reachable through "bbyla"; the skeletons of Al Karimah and Al Karamah are gone.
        XCTAssertFalse(g.places(withKey: NameKey.fold("Bala")).contains { $0.name == "Babila" })
        XCTAssertTrue(g.places(withKey: NameKey.fold("alkrymt")).isEmpty)
        XCTAssertTrue(g.places(withKey: NameKey.fold("Babila")).contains { $0.name == "Babila" })
    }
}
