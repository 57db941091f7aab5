import XCTest
@testable import Extraction
import EventModel
import Places

/// Where an attack fell when the text names it as the verb's object, in a short list, or after "the area of";
/// names spelled with or without the Arabic feminine ending; province-level events at the province's capital
/// (sentences written for the test).
final class PlaceObjectTests: XCTestCase {
    func testTheObjectOfAVerbOfAttackIsWhereItFell() throws {
        let r = try Fixture.extract(" date 2019-06-09 BEIRUT -- Rebels overran Kafr Hud on Monday. "
                                    + "On Tuesday the army shelled Hmamiyat.")
        let e = try XCTUnwrap(r.events.first { $0.category.type == .explosions }, "\(r.events.map(\.place))")
        XCTAssertEqual(e.place, "Hamamiyat", "one letter off, in the report's area")
    }

    func testAKillingTakesPeopleNotPlaces() throws {
        let r = try Fixture.extract(" date 2019-06-09 BEIRUT -- Gunmen killed Ahmad Yassin in Saraqib on Monday.")
        XCTAssertFalse(r.events.contains { $0.unresolvedPlace == "Ahmad Yassin" }, "\(r.events.map(\.place))")
        XCTAssertTrue(r.events.contains { $0.place == "Saraqib" })
    }

    func testTwoPlacesAfterInAreTwoEvents() throws {
        let events = try Fixture.events(" date 2019-05-26 BEIRUT -- Army artillery struck rebel positions in Latamneh and Kafr Zita.")
        XCTAssertEqual(Set(events.map(\.place)), ["Al-Lataminah", "Kafr Zayta"])
    }

    func testANameAfterAndThatIsNotTheClausesEndIsNoPlace() throws {
        let r = try Fixture.extract(" date 2019-05-26 BEIRUT -- Jets bombed Kafr Zita and Hassan Omar said ten people died.")
        XCTAssertFalse(r.events.contains { $0.unresolvedPlace == "Hassan Omar" }, "\(r.events.map(\.place))")
    }

    func testTheAreaOfANameIsThatPlace() throws {
        let events = try Fixture.events(" date 2019-06-09 BEIRUT -- Rebels overran Kafr Hud on Monday. "
                                        + "On Tuesday they attacked the area of Hamamiyat.")
        XCTAssertTrue(events.contains { $0.place == "Hamamiyat" }, "\(events.map(\.place))")
    }

    func testTheFeminineEndingWrittenOrNotIsOneName() {
        XCTAssertTrue(NearSpelling.differsByFinalA(NameKey.fold("Kafr Zeit"), NameKey.fold("Kafr Zeita")))
        XCTAssertTrue(NearSpelling.isNearSpelling(NameKey.fold("Kafr Zeit"), NameKey.fold("Kafr Zeita")),
                      "a three-letter word may take the ending")
        XCTAssertFalse(NearSpelling.differsByFinalA(NameKey.fold("Latmin"), NameKey.fold("al-Lataman")))
    }

    func testTheEndingWinsOverALetterChangedInside() throws {
        // "al-Lataman" is one edit from both Latmin and al-Lataminah; only the latter by its ending.
        let events = try Fixture.events(" date 2019-05-26 BEIRUT -- Jets struck Kafr Zita on Sunday. "
                                        + "Artillery also shelled al-Lataman on Sunday.")
        XCTAssertTrue(events.contains { $0.place == "Al-Lataminah" }, "\(events.map(\.place))")
        XCTAssertFalse(events.contains { $0.place == "Latmin" })
    }

    func testAProvinceLevelEventLiesAtTheProvincesCapital() throws {
        let g = Fixture.gazetteer
        for (province, capital) in [("Hama Governorate", "Hama"), ("Idlib Governorate", "Idlib"), ("Raqqa Governorate", "Ar Raqqah")] {
            let p = try XCTUnwrap(g.places(withKey: NameKey.fold(province)).first)
            let c = try XCTUnwrap(g.places(withKey: NameKey.fold(capital)).first { $0.kind != .governorate })
            XCTAssertEqual(p.coordinate, c.coordinate, province)
        }
        let e = try only("Heavy fighting went on in the countryside of Hama on Monday.")
        XCTAssertEqual(e.place, "Hama Governorate")
        XCTAssertEqual(e.coordinate?.lat ?? 0, 35.13179, accuracy: 1e-5)
    }
}

/// Two gazetteer records of one town (sentences written for the test).
final class OwnNameTests: XCTestCase {
    func testTheRecordWhoseOwnNameIsWrittenWinsOverOneThatHasItAmongItsOthers() throws {
        let events = try Fixture.events(" date 2023-11-06 KHARTOUM -- Fighters seized a base in Ardamata on Sunday.\n\n"
                                        + "On Monday shelling hit El Geneina, killing four civilians.", date: "2023-11-06")
        let e = try XCTUnwrap(events.first { $0.fatalities == 4 }, "\(events.map(\.place))")
        XCTAssertEqual(e.placeID, "geonames:379303", "El Geneina, not El Geneina Fort 2.6 km away")
    }
}
