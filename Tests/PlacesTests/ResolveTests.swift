import Foundation
import GeoModel
import Geodesy
import Places
import XCTest

final class ResolveTests: XCTestCase {
    let g = Fixture.gazetteer

    func testEverySpellingResolvesToTheSamePlace() throws {
        for group in NameKeyTests.spellings {
            let ids = try Set(group.map { try g.resolve($0).place.id })
            XCTAssertEqual(ids.count, 1, "\(group) resolve to \(ids)")
        }
        XCTAssertEqual(try g.resolve("Sarakeb").place.id, "geonames:164816")
        XCTAssertEqual(try g.resolve("Neyrab").place.id, "pm:nairab")
        XCTAssertEqual(try g.resolve("Teftanaz").place.id, "geonames:163799")
        XCTAssertEqual(try g.resolve("Idleb").place.id, "geonames:169389")
    }

    /// Coordinates from GeoNames (geonameid in the comment) and, for the hand rows, from the source the
    /// row names (Wikipedia's infobox, converted from degrees-minutes-seconds here).
    static let known: [(name: String, lon: Double, lat: Double)] = [
        ("Saraqeb", 36.80591, 35.86447),            // GeoNames 164816
        ("Taftanaz", 36.78579, 35.99832),           // GeoNames 163799
        ("Binnish", 36.7138, 35.95664),             // GeoNames 171451
        ("Maaret Musreen", 36.67183, 36.01152),     // GeoNames 167605
        ("Idlib city", 36.63393, 35.93062),         // GeoNames 169389
        ("Aleppo", 37.16117, 36.20124),             // GeoNames 170063
        ("Damascus", 36.29128, 33.5102),            // GeoNames 170654
        ("Moscow", 37.61556, 55.75222),             // GeoNames 524901
        ("Ankara", 32.85427, 39.91987),             // GeoNames 323786
        ("Baku", 49.89201, 40.37767),               // GeoNames 587084
        ("Beirut", 35.50157, 33.89332),             // GeoNames 276781
        ("Brussels", 4.34878, 50.85045),            // GeoNames 2800866
        ("Taftanaz air base", 36.0 + 46.0 / 60 + 59.0 / 3600, 35.0 + 58.0 / 60 + 20.0 / 3600), // Wikipedia 35°58′20″N 36°46′59″E
        ("Nairab village", 36.7183, 35.8697),       // Wikimapia place 24140040 (al-Nayrab, Idlib)
    ]

    func testSeedPlacesResolveWithinTwoKilometresOfTheirSource() throws {
        for k in Self.known {
            let r = try g.resolve(k.name)
            let m = Geodesic.wgs84.distance(from: r.place.coordinate, to: Coordinate(lon: k.lon, lat: k.lat))
            XCTAssertLessThan(m, 2000, "\(k.name) → \(r.place.name) \(r.place.coordinate) is \(m) m off")
            XCTAssertEqual(r.geoPrecision, 1, k.name)
        }
    }

    func testCountriesResolveToCountriesInsideTheirBounds() throws {
        let bounds: [(String, String, ClosedRange<Double>, ClosedRange<Double>)] = [
            ("Turkey", "TR", 26...45, 36...42.2), ("Syria", "SY", 35.7...42.4, 32.3...37.4),
            ("Russia", "RU", 19...180, 41...82), ("Azerbaijan", "AZ", 44.7...50.7, 38.3...41.95),
        ]
        for (name, cc, lons, lats) in bounds {
            let r = try g.resolve(name)
            XCTAssertEqual(r.place.kind, .country, name)
            XCTAssertEqual(r.place.country, cc, name)
            XCTAssertEqual(r.geoPrecision, 3, name)
            XCTAssertTrue(lons.contains(r.place.coordinate.lon) && lats.contains(r.place.coordinate.lat), "\(name) \(r.place.coordinate)")
        }
    }

    func testIdlibProvinceAndIdlibCityCentreAreDifferentPlaces() throws {
        let province = try g.resolve("Idlib province")
        XCTAssertEqual(province.place.kind, .governorate)
        XCTAssertEqual(province.geoPrecision, 3)
        XCTAssertEqual(g.region(containing: try g.resolve("Saraqeb").place.coordinate)?.id, province.place.id)
        let centre = try g.resolve("Idlib's city centre")
        XCTAssertEqual(centre.place.id, "geonames:169389")
        XCTAssertTrue(centre.ambiguous)
        XCTAssertEqual(centre.candidates.map(\.place.id), [province.place.id])
        // The cue can come from the text around the name, or be given.
        let fromText = try g.resolve("Idleb", context: .init(text: "Artillery struck Idleb governorate overnight."))
        XCTAssertEqual(fromText.place.id, province.place.id)
        XCTAssertTrue(fromText.ambiguous)
        XCTAssertEqual(try g.resolve("Idlib", context: .init(cue: "province")).place.id, province.place.id)
        XCTAssertEqual(try g.resolve("Idlib", context: .init(text: "Crowds filled the centre of Idleb.")).place.id, "geonames:169389")
        // With no cue a bare name is the city.
        XCTAssertEqual(try g.resolve("Idlib").place.id, "geonames:169389")
    }

    func testDamascusIsSyriasCapitalUnlessTheTextSaysMaryland() throws {
        let plain = try g.resolve("Damascus")
        XCTAssertEqual(plain.place.id, "geonames:170654")
        XCTAssertTrue(plain.ambiguous)
        XCTAssertTrue(plain.candidates.contains { $0.place.country == "US" })
        XCTAssertEqual(try g.resolve("Damascus", context: .init(text: "A fair opened in Damascus, Maryland, on Sunday.")).place.id,
                       "geonames:4352728")
        XCTAssertEqual(try g.resolve("Damascus, Oregon").place.id, "geonames:5722088")
    }

    func testNairabOfATextAboutSaraqebIsTheVillageOnTheM4() throws {
        let r = try g.resolve("al-Nayrab", context: .init(text: "Clashes continued around Sarakeb and the villages west of it."))
        XCTAssertEqual(r.place.id, "pm:nairab")
        XCTAssertEqual(r.place.kind, .village)
        let m4 = try XCTUnwrap(g.highway(named: "M4"))
        XCTAssertTrue(m4.viaIDs.contains(r.place.id))
    }

    /// With a second al-Nayrab (the Aleppo suburb by the airport), the text decides which one is meant.
    func testContextDecidesBetweenTwoNairabs() throws {
        let dir = try Fixture.copy()
        let extra = PlaceTable.columns.joined(separator: "\t") + "\n" + [
            "pm:test-nayrab-aleppo", "Al-Nayrab", "town", "37.2200", "36.1800", "SY", "Aleppo", "", "Nayrab|Nerab",
            "test fixture: the Aleppo suburb of that name by Aleppo airport (approximate)",
        ].joined(separator: "\t") + "\n"
        try extra.write(to: dir.appendingPathComponent("places/test_extra.tsv"), atomically: true, encoding: .utf8)
        let two = try Gazetteer.load(from: dir)
        let nearSaraqeb = try two.resolve("Nairab", context: .init(text: "Shelling on Saraqib and Afis."))
        XCTAssertEqual(nearSaraqeb.place.id, "pm:nairab")
        XCTAssertTrue(nearSaraqeb.ambiguous)
        XCTAssertEqual(nearSaraqeb.candidates.map(\.place.id), ["pm:test-nayrab-aleppo"])
        let nearAleppo = try two.resolve("Nairab", context: .init(text: "Jets took off from the airport east of Aleppo city."))
        XCTAssertEqual(nearAleppo.place.id, "pm:test-nayrab-aleppo")
        let byNeighbour = try two.resolve("Nayrab", context: .init(nearby: [try two.resolve("Taftanaz").place]))
        XCTAssertEqual(byNeighbour.place.id, "pm:nairab")
        XCTAssertGreaterThan(nearSaraqeb.score, nearSaraqeb.candidates[0].score)
    }

    func testNearAndOutskirtsGivePrecisionTwo() throws {
        XCTAssertEqual(try g.resolve("near Saraqeb").geoPrecision, 2)
        XCTAssertEqual(try g.resolve("Saraqeb", context: .init(text: "Fighting on the outskirts of Saraqeb.")).geoPrecision, 2)
        XCTAssertEqual(try g.resolve("Saraqeb", context: .init(text: "Fighting inside Saraqeb.")).geoPrecision, 1)
    }

    func testUnknownNamesThrowWithSuggestionsAndNeverResolve() {
        XCTAssertThrowsError(try g.resolve("Saraqb")) { e in
            guard case PlacesError.unknownPlace(let name, let suggestions) = e else { return XCTFail("\(e)") }
            XCTAssertEqual(name, "Saraqb")
            XCTAssertEqual(suggestions.first, "Saraqib")
            XCTAssertTrue("\(e)".contains("Saraqib"))
        }
        XCTAssertThrowsError(try g.resolve("Qwertyuiopville"))
        XCTAssertThrowsError(try g.resolve("Idlib Saraqeb Binnish"))
        XCTAssertThrowsError(try g.resolve(""))
        XCTAssertEqual(g.suggestions(for: "Taftanas", limit: 1), ["Taftanaz"])
    }

    /// Near a report's area the suggestions for an unknown village are places of that area, shown by their own
    /// names; without an area the nearest spellings may lie in any theatre.
    func testSuggestionsNearTheReportsAreaAreItsPlaces() {
        let saraqib = Coordinate(lon: 36.80591, lat: 35.86447)
        func nearby(_ spelling: String) -> Bool {
            g.places(within: 160_000, of: saraqib).contains { $0.place.name == spelling }
        }
        let near = g.suggestions(for: "Trunbah", near: saraqib)
        XCTAssertEqual(near.count, 3)
        XCTAssertTrue(near.allSatisfy(nearby), "\(near)")
        XCTAssertFalse(g.suggestions(for: "Trunbah").allSatisfy(nearby), "without an area the test shows nothing")
        XCTAssertEqual(g.suggestions(for: "Taftanas", limit: 1, near: saraqib), ["Taftanaz"])
    }

    func testTheHomeRegionOrdersTiers() {
        let idlib = g.place(id: "geonames:169389")!, damascus = g.place(id: "geonames:170654")!
        XCTAssertEqual(g.tier(of: idlib), 0)
        XCTAssertEqual(g.tier(of: damascus), 1)
        XCTAssertEqual(g.tier(of: g.place(id: "geonames:323786")!), 2)  // Ankara: Turkey borders Syria
        XCTAssertEqual(g.tier(of: g.place(id: "geonames:4352728")!), 3) // Damascus, Maryland
    }
}
