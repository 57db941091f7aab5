import EventModel
import Places
import XCTest
@testable import Extraction

/// With the other theatres bundled, a report places its events in its own country: a small place abroad that
/// shares a name (or only folds like one) with a place of the report does not take its events, a country's name is
/// the country, and a report on another theatre finds its villages without an import. Sentences written for the test.
final class TheatreNamesakeTests: XCTestCase {
    func testAVillageThatOnlyFoldsLikeAFarTownStaysInTheReportsCountry() throws {
        // "Al-Tah" folds like To, a town of Burkina Faso; the report is about Idlib.
        let events = try Fixture.events("Government forces captured the villages of Jarjanaz and Al-Tah in Idlib province on Monday.")
        XCTAssertFalse(events.isEmpty)
        XCTAssertEqual(events.filter { $0.country != "SY" }.map(\.place), [])
        XCTAssertTrue(events.contains { $0.unresolvedPlace == "Al-Tah" }, "\(events.map { ($0.place, $0.unresolvedPlace) })")
    }

    func testASyrianVillageKeepsTheNameOfATurkishBorderTown() throws {
        let events = try Fixture.events("Government troops captured Harran and Abu Sharji in Idlib province on Sunday.")
        let harran = try XCTUnwrap(events.first { $0.place == "Harran" }, "\(events.map(\.place))")
        XCTAssertEqual(harran.country, "SY")
    }

    func testACountryNameIsTheCountryNotAVillageThatFoldsAlike() throws {
        let text = "Troops captured Kafr Nabuda on Monday. The rebels said they would hit a Russian base in Syria."
        let events = try Fixture.events(text)
        XCTAssertFalse(events.contains { $0.place == "Seraa" }, "\(events.map(\.place))")
        XCTAssertTrue(events.contains { $0.place == "Kafr Nabuda" })
    }

    func testAUkrainianVillageIsPlacedWithTheBundledData() throws {
        let events = try Fixture.events("Ukrainian forces recaptured the village of Urozhaine in Donetsk Oblast on Wednesday.",
                                        date: "2023-08-16")
        let e = try XCTUnwrap(events.first, "no event")
        XCTAssertEqual(e.country, "UA")
        XCTAssertEqual(e.place, "Urozhaine")
    }
}
