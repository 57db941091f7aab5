import Evaluation
import EventModel
import Extraction
import FileIO
import Foundation
import GeoModel
import Places
import XCTest

/// Toponyms in context, and the theatre of an article.
final class ToponymAndTheatreTests: XCTestCase {
    /// A report written for the test, as offsets: sentence 1 (0..<60) tells a strike on Saraqib and names
    /// Idlib province as description; sentence 2 (61..<120) tells a clash whose event was put at Idlib
    /// Governorate; sentence 3 names Taftanaz as an event place but no event was drawn from it.
    func mentions() -> [GoldToponym] {
        [
            GoldToponym(article: "a.txt", mention: "Saraqib", charOffset: 20, placeName: "Saraqib", coordinate: Hand.saraqib,
                        kind: .city, role: .eventLocation),
            GoldToponym(article: "a.txt", mention: "Idlib province", charOffset: 40, placeName: "Idlib Governorate",
                        coordinate: Coordinate(lon: 36.7, lat: 35.7), kind: .region, role: .description),
            GoldToponym(article: "a.txt", mention: "Idlib", charOffset: 90, placeName: "Idlib Governorate",
                        coordinate: Coordinate(lon: 36.7, lat: 35.7), kind: .region, role: .description),
            GoldToponym(article: "a.txt", mention: "Taftanaz", charOffset: 130, placeName: "Taftanaz", coordinate: Hand.taftanaz,
                        kind: .town, role: .eventLocation),
            GoldToponym(article: "a.txt", mention: "Trinbeh", charOffset: 150, placeName: "Trinbeh", coordinate: nil,
                        kind: .village, role: .eventLocation),
        ]
    }

    func events() -> [Event] {
        [
            Hand.event("s", "2020-02-03", at: Hand.east(of: Hand.saraqib, metres: 1_500), place: "Saraqib",
                       type: "Explosions/Remote violence", sub: "Air/drone strike", actors: [], sentence: ("one", 0, 60)),
            Hand.event("c", "2020-02-03", at: Hand.idlibGovernorate, place: "Idlib Governorate", type: "Battles",
                       sub: "Armed clash", actors: [], precision: 3, sentence: ("two", 61, 120)),
        ]
    }

    func testEventLocationsPlacedWithin2kmAndDescriptionsTakenAsEventPlaces() {
        let r = ToponymScoring.score(toponyms: mentions(), events: events())
        XCTAssertEqual(r.tally.eventLocations, 2, "mentions without a compiled coordinate are not counted")
        XCTAssertEqual(r.tally.placed, 1)
        XCTAssertEqual(r.unplaced.map(\.mention), ["Taftanaz"])
        XCTAssertEqual(r.tally.misused, 1, "'Idlib' became the clash's place; 'Idlib province' beside Saraqib did not")
        XCTAssertEqual(r.misused.map(\.toponym.charOffset), [90])
    }

    func testTheSamePlaceNamedAsEventLocationInTheSentenceIsNoMisuse() {
        var m = mentions()
        m.append(GoldToponym(article: "a.txt", mention: "Idlib", charOffset: 100, placeName: "Idlib Governorate",
                             coordinate: Coordinate(lon: 36.7, lat: 35.7), kind: .region, role: .eventLocation))
        XCTAssertEqual(ToponymScoring.score(toponyms: m, events: events()).tally.misused, 0)
    }

    func testTheatreFromTheGazetteerElseTheMentionedCountryElseUnplaced() throws {
        let places = [
            Place(id: "t:saraqib", name: "Saraqib", kind: .city, coordinate: Hand.saraqib, country: "SY", admin1: "Idlib",
                  population: nil, alternateNames: [], source: "test"),
            Place(id: "t:syria", name: "Syria", kind: .country, coordinate: Coordinate(lon: 38.28, lat: 35.0), country: "SY",
                  admin1: "", population: nil, alternateNames: [], source: "test"),
        ]
        let gazetteer = try Gazetteer(places: places, directory: FileManager.default.temporaryDirectory)
        let near = [GoldEvent(article: "a.txt", row: 1,
            dates: GoldDates(start: nil, end: Day(iso: "2020-02-06")!), place: "Sarmin", coordinate: Hand.sarmin,
            toleranceMetres: 3_000, geoPrecision: 1, type: .battles, subType: "", actor1: "")]
        XCTAssertEqual(Theatre.of(gold: near, toponyms: [], gazetteer: gazetteer), "Syria")
        var far = near
        far[0].coordinate = Coordinate(lon: 35.82611, lat: 47.44306)
        let ukraine = GoldToponym(article: "b.txt", mention: "Ukraine", charOffset: 3, placeName: "Ukraine", coordinate: nil,
                                  kind: .country, role: .other)
        XCTAssertEqual(Theatre.of(gold: far, toponyms: [ukraine, ukraine], gazetteer: gazetteer), "Ukraine")
        XCTAssertEqual(Theatre.of(gold: far, toponyms: [], gazetteer: gazetteer), Theatre.unplaced)
    }
}
