import XCTest
@testable import Extraction
import EventModel
import GeoModel

/// How a report's sentences relate: a capture beats an advance in one clause, a retaliation lands where the
/// attack it answers is placed later, a "since" clause opens a span, a lead's province-level summary gives way
/// to the towns, an aggregate is not folded into one of its days; civilians by their role (sentences written
/// for the test).
final class DiscourseRulesTests: XCTestCase {
    func testACaptureToldBesideAnAdvanceIsTheCapture() throws {
        let events = try Fixture.events(" date 2019-05-10 BEIRUT -- The Friday advance came a day after the capture by "
                                        + "government troops of the village of Kafr Nabuda.")
        XCTAssertTrue(events.contains { $0.place == "Kafr Nabuda" && $0.category == EventCategory(.governmentRegainsTerritory) },
                      "\(events.map { "\($0.subTypeName) at \($0.place)" })")
    }

    func testARetaliationLandsWhereTheAttackItAnswersIsPlacedLater() throws {
        let events = try Fixture.events(" date 2019-06-16 ANKARA -- A Turkish post in northern Syria was shelled by Syrian "
                                        + "government forces on Sunday, the ministry said.\n\nNobody was wounded, and Turkish "
                                        + "troops \"quickly retaliated with heavy weapons\", it said. The shells, fired from ground "
                                        + "held by Syrian government forces, struck the post in the Murak area.")
        let answer = try XCTUnwrap(events.first { $0.actor1?.name == "Turkish military" },
                                   "\(events.map { "\($0.subTypeName) at \($0.place) by \($0.actorNames)" })")
        XCTAssertEqual(answer.place, "Morek", "not the province of the first telling")
        XCTAssertEqual(answer.geoPrecision, 2)
        XCTAssertTrue(events.contains { $0.actor1?.name == "Syrian government forces" && $0.place == "Morek" })
    }

    func testASinceClauseOpensASpanToTheReportDate() throws {
        let r = try Fixture.extract(" date 2019-06-09 BEIRUT -- The monitor has counted 120 deaths in the countryside "
                                    + "of Hama since the rebels opened their attack on Thursday.")
        let e = try XCTUnwrap(r.events.first)
        XCTAssertEqual(e.start, .d("2019-06-06"))
        XCTAssertEqual(e.end, .d("2019-06-09"))
    }

    func testAnAggregateOverSeveralDaysIsNotFoldedIntoOneOfThem() {
        func clash(_ id: String, _ place: String, precision: Int, _ start: String, _ end: String, admin1: String) -> Event {
            Event(id: id, category: EventCategory(.armedClash), start: .d(start), end: .d(end), datePrecision: .span,
                  place: place, placeID: "pm:" + id, coordinate: Coordinate(lon: 36.5, lat: 35.3), geoPrecision: precision,
                  country: "SY", admin1: admin1, actor1: Actor("Rebels", kind: .rebelGroup),
                  sources: [EventSource(report: "r.txt", sentence: id, charStart: id.count, charEnd: 99)])
        }
        let toll = clash("toll", "Hama Governorate", precision: 3, "2019-06-06", "2019-06-09", admin1: "Hama")
        let day = clash("day", "Kafr Hud", precision: 1, "2019-06-07", "2019-06-07", admin1: "Hama")
        XCTAssertEqual(EventMerger.merge([toll, day]).count, 2)
        var sameDay = toll; sameDay.start = .d("2019-06-07"); sameDay.end = .d("2019-06-07")
        XCTAssertEqual(EventMerger.merge([sameDay, day]).count, 1, "a one-day summary is that day's telling")
    }

    func testALeadThatNamesOnlyTheProvinceGivesWayToTheTowns() throws {
        let events = try Fixture.events(" date 2019-05-13 BEIRUT -- Two villages at the edge of Idlib province fell to "
                                        + "government troops on Monday.\n\nThe troops took Kafr Nabuda and Hawash on Monday.")
        XCTAssertFalse(events.contains { $0.place == "Idlib Governorate" },
                       "\(events.map { "\($0.subTypeName) at \($0.place)" })")
        XCTAssertTrue(events.contains { $0.place == "Kafr Nabuda" })
    }

    func testKillingAnOfficialOrFarmersIsViolenceAgainstCivilians() throws {
        for victim in ["the mayor of the town", "two farmers"] {
            let e = try only("Gunmen killed \(victim) in Saraqib on Monday.")
            XCTAssertEqual(e.type, .violenceAgainstCivilians, victim)
        }
    }
}

/// Smaller kinds found on unseen reports: the noun "strike", a count read twice, demonyms and section labels
/// taken for places, two villages a kilometre apart, one side on both ends of a merged event.
final class ReadingDetailsTests: XCTestCase {
    func testTheNounStrikeIsARemoteAttack() throws {
        let e = try only("A strike on Maarrat Misrin killed two fighters on Monday.")
        XCTAssertEqual(e.type, .explosions)
        let v = try only("Rebels struck government troops in Saraqib on Monday.")
        XCTAssertNotEqual(v.subTypeName, "Air/drone strike", "the verb tells no means")
    }

    func testACountBeforeTheVerbIsCountedOnce() throws {
        let e = try only("More than a dozen civilians died in shelling on Saraqib on Monday.")
        XCTAssertEqual(e.fatalities, 12)
    }

    func testADemonymOrASectionLabelIsNoPlace() throws {
        let r = try Fixture.extract(" date 2023-06-01 BEIRUT -- Shelling killed five civilians in Sudanese capital Khartoum on "
                                    + "Wednesday.\n\nQuote: the army wrote that Saraqib was calm.")
        XCTAssertFalse(r.events.contains { $0.unresolvedPlace == "Sudanese" || $0.unresolvedPlace == "Quote" },
                       "\(r.events.map { "\($0.place) for \($0.unresolvedPlace ?? "-")" })")
        XCTAssertFalse(r.warnings.contains { $0.contains("'Quote'") || $0.contains("'Sudanese'") }, "\(r.warnings)")
    }

    func testTwoVillagesAKilometreApartStayTwoEvents() throws {
        let events = try Fixture.events(" date 2023-08-16 KYIV -- Ukrainian troops liberated Urozhaine on Wednesday. "
                                        + "Staromaiorske was liberated by Ukrainian troops on Wednesday too.")
        XCTAssertEqual(Set(events.map(\.place)), ["Urozhaine", "Staromaiorske"])
    }

    func testASideIsNeverBothActorsOfAMergedEvent() {
        func shelling(_ id: String, actor1: Actor?, actor2: Actor?, at offset: Int) -> Event {
            Event(id: id, category: EventCategory(.shelling), start: .d("2019-06-16"), end: .d("2019-06-16"), datePrecision: .day,
                  place: "Morek", placeID: "geonames:166640", coordinate: Coordinate(lon: 36.6897, lat: 35.37615),
                  geoPrecision: 2, country: "SY", admin1: "Hama", actor1: actor1, actor2: actor2,
                  sources: [EventSource(report: "r.txt", sentence: id, charStart: offset, charEnd: offset + 10)])
        }
        let turks = Actor("Turkish military", kind: .external)
        let merged = EventMerger.merge([shelling("a", actor1: .unidentified, actor2: turks, at: 0),
                                        shelling("b", actor1: turks, actor2: nil, at: 20)])
        XCTAssertEqual(merged.count, 1)
        XCTAssertEqual(merged.first?.actor1?.name, "Turkish military")
        XCTAssertNotEqual(merged.first?.actor2?.name, "Turkish military")
    }
}

/// A happening told as going on, a capture whose side comes from the report, a headline's place (sentences
/// written for the test).
final class TellingKindsTests: XCTestCase {
    func testAFightSaidToGoOnAtANamedPlaceIsAHappening() throws {
        let e = try only("The fighting in Marinka is continuing, a spokesman said.")
        XCTAssertEqual(e.place, "Marinka")
        XCTAssertEqual(e.type, .battles)
        let none = try Fixture.events(" date 2023-12-25 KYIV -- Four soldiers were wounded in the fighting.")
        XCTAssertTrue(none.isEmpty, "the fighting told before, named nowhere: no happening of its own")
    }

    func testACaptureWithNoOneNamedIsCodedByTheSideItIsGiven() throws {
        let events = try Fixture.events(" date 2023-12-25 KYIV -- Russian troops took Urozhaine on Sunday. "
                                        + "A blogger wrote that the Russians had often reported capturing Marinka.")
        let m = try XCTUnwrap(events.first { $0.place == "Marinka" }, "\(events.map(\.place))")
        XCTAssertEqual(m.actor1?.name, "Russian military")
        XCTAssertEqual(m.category, EventCategory(.nonStateActorOvertakesTerritory), "not the government's")
    }

    func testAHeadlineJoinsTheSourcesOfTheBodysHappeningAtItsPlace() throws {
        let events = try Fixture.events("Troops free Urozhaine\n\n date 2023-08-16 KYIV -- Ukrainian troops liberated "
                                        + "Urozhaine on Wednesday, the deputy minister said.")
        let e = try XCTUnwrap(events.first { $0.place == "Urozhaine" })
        XCTAssertTrue(e.sources.contains { $0.sentence.hasPrefix("Troops free Urozhaine") }, "\(e.sources.map(\.sentence))")
    }
}

/// Tolls given place by place with no verb of their own (sentences written for the test).
final class TollListTests: XCTestCase {
    func testEachFigureOfATollListGoesToTheHappeningAtItsPlace() throws {
        let events = try Fixture.events(" date 2019-12-17 BEIRUT -- Rescuers counted four dead in the town of Saraqib and "
                                        + "three in Taftanas on Tuesday.\n\nOn Tuesday shelling hit Saraqib and an air strike "
                                        + "hit the town of Taftanaz.")
        let s = try XCTUnwrap(events.first { $0.place == "Saraqib" }, "\(events.map(\.place))")
        XCTAssertEqual(s.fatalities, 4)
        XCTAssertEqual(s.sources.count, 2, "the list's sentence is among the sources")
        let t = try XCTUnwrap(events.first { $0.place == "Taftanaz" })
        XCTAssertEqual(t.fatalities, 3, "a near spelling in the list is the same town")
    }

    func testOneFigureAndAPlaceIsNoList() throws {
        let events = try Fixture.events(" date 2019-12-17 BEIRUT -- Rescuers counted four dead in Saraqib on Tuesday.\n\n"
                                        + "On Tuesday shelling hit Saraqib.")
        let s = try XCTUnwrap(events.first { $0.place == "Saraqib" })
        XCTAssertEqual(s.sources.count, 1)
    }
}
