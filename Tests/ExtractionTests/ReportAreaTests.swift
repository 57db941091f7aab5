import XCTest
@testable import Extraction
import EventModel
import Places

/// Names read with the report's area: spellings one letter off, features named after a village, far
/// namesakes, speakers (sentences written for the test).
final class ReportAreaTests: XCTestCase {
    func testANameOneLetterOffIsThePlaceOfTheAreaSpelledSo() throws {
        let r = try Fixture.extract(" date 2020-02-06 BEIRUT -- Jets bombed Saraqib and the village of Taftanas on Monday.")
        let e = try XCTUnwrap(r.events.first { $0.place != "Saraqib" })
        XCTAssertEqual(e.place, "Taftanaz")
        XCTAssertEqual(e.geoPrecision, 1)
        XCTAssertTrue(r.review.contains { $0.reason == .weakResolution && $0.name == "Taftanas" }, "\(r.review)")
    }

    func testTwoEditsOrTwoWordsOffMakeAnotherName() {
        XCTAssertTrue(NearSpelling.isNearSpelling(NameKey.fold("Kafr Nbuda"), NameKey.fold("Kafr Nabuda")))
        XCTAssertFalse(NearSpelling.isNearSpelling(NameKey.fold("Kafr Blahta"), NameKey.fold("Kafr Battikh")))
        XCTAssertFalse(NearSpelling.isNearSpelling(NameKey.fold("Kfer Nabut"), NameKey.fold("Kafr Nabuda")),
                       "one edit in each of two words")
        XCTAssertFalse(NearSpelling.isNearSpelling(NameKey.fold("Tabka"), NameKey.fold("Dabka")), "another first letter")
    }

    func testAHillNamedAfterAPlaceIsTheTellOfThatName() throws {
        let e = try only("Government forces shelled the rebels dug in on Hawash hill, north of Kafr Nabuda, on Monday.")
        XCTAssertEqual(e.place, "Tell Hawash")
        XCTAssertEqual(e.geoPrecision, 1)
    }

    func testAVillageOnlyFoldedAlikeFarFromTheReportsPlacesIsAnotherOfThatName() throws {
        let r = try Fixture.extract(" date 2020-02-06 BEIRUT -- Jets pounded Kafr Nabuda and Khan Shaykhun on Monday. "
                                    + "Rebels seized Al-Jalmah on Tuesday.")
        let e = try XCTUnwrap(r.events.first { $0.unresolvedPlace != nil })
        XCTAssertEqual(e.unresolvedPlace, "Al-Jalmah")
        XCTAssertNotEqual(e.place, "Jalma", "Jalma lies some 100 km north, in Afrin")
    }

    func testAFarTownNamedLetterForLetterStays() throws {
        let events = try Fixture.events(" date 2020-02-06 BEIRUT -- Jets bombed Kafr Nabuda on Monday. Rebels shelled Khan Shaykhun "
                                        + "on Monday. Turkish troops shelled Tall Abyad on Monday.")
        XCTAssertTrue(events.contains { $0.place == "Tall Abyad" && $0.geoPrecision == 1 }, "\(events.map(\.place))")
    }

    func testTheNameAfterSaidThatEndsInAnAppositionIsTheSpeaker() throws {
        let e = try only("Shelling hit Saraqib on Monday, said Salma Haddad, a nurse from the town.")
        XCTAssertEqual(e.place, "Saraqib")
        XCTAssertNil(e.unresolvedPlace)
        let single = try only("Shelling hit Saraqib on Monday, said Salma, a nurse from the town.")
        XCTAssertEqual(single.place, "Saraqib")
    }

    func testAPlaceAfterSaidThatGoesOnWithAVerbIsAPlace() throws {
        let e = try only("Officials said Saraqib had fallen to government forces on Monday.")
        XCTAssertEqual(e.place, "Saraqib")
    }

    func testOfNamesakesAsFarFromTheAreaTheOneSpelledAsWrittenIsTaken() throws {
        // Two villages of Idlib and Hama are spelled "Ras al-Ain"; the border town of Hasakah "Ra's al 'Ayn".
        let events = try Fixture.events(" date 2019-10-12 BEIRUT -- Turkish troops and allied rebels seized Tall Abyad and "
                                        + "Suluk on Thursday. On Friday they entered Ras al-Ayn.")
        let e = try XCTUnwrap(events.first { $0.sources[0].sentence.hasPrefix("On Friday") })
        XCTAssertEqual(e.placeID, "geonames:165509")
        XCTAssertEqual(e.geoPrecision, 1)
    }
}
