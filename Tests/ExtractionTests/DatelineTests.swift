import Foundation
import GeoModel
import XCTest
@testable import Extraction
import EventModel

/// Wire datelines of every usual style (sentences written for the test): the city is where the report was
/// filed, never read as text; the day comes from the dateline when it gives one.
final class DatelineTests: XCTestCase {
    func dateline(_ text: String) -> Dateline? { DatelineReader.find(in: Array(text.unicodeScalars), from: 0) }

    func testWireStylesGiveTheCityAndLeaveTheBody() throws {
        let cases: [(String, String, String)] = [
            ("BEIRUT (AP) — Jets bombed Sarmin.", "BEIRUT", "Jets"),
            ("DAMASCUS, Feb. 3 (Xinhua) -- Army units shelled Ariha.", "DAMASCUS", "Army"),
            ("AMMAN, Jordan (Reuters) - Rebels shelled Ariha.", "AMMAN", "Rebels"),
            ("Idleb, SANA- Army units entered Ariha.", "Idleb", "Army"),
            ("MOSCOW, February 6. /TASS/. Troops entered Ariha.", "MOSCOW", "Troops"),
            ("Kafr Nabl, Syria: Jets struck the town.", "Kafr Nabl", "Jets"),
            ("ISTANBUL (AP) - Turkey says a post was hit.", "ISTANBUL", "Turkey"),
            ("BEIRUT: Jets bombed Sarmin.", "BEIRUT", "Jets"),
            ("GAZIANTEP (Wire News / Agency - 3rd March, 2020) Rebels shelled Ariha.", "GAZIANTEP", "Rebels"),
        ]
        for (text, city, next) in cases {
            let d = try XCTUnwrap(dateline(text), text)
            XCTAssertEqual(d.city, city, text)
            let rest = String(String.UnicodeScalarView(Array(text.unicodeScalars)[d.range.upperBound...]))
            XCTAssertTrue(rest.trimmingCharacters(in: .whitespaces).hasPrefix(next), "\(text) → '\(rest)'")
        }
        XCTAssertEqual(dateline("DAMASCUS, Feb. 3 (Xinhua) -- x")?.month, 2)
        XCTAssertEqual(dateline("DAMASCUS, Feb. 3 (Xinhua) -- x")?.day, 3)
        XCTAssertEqual(dateline("GAZIANTEP (Wire News / Agency - 3rd March, 2020) Rebels")?.year, 2020)
        XCTAssertEqual(dateline("AKCAKALE, Turkey (AP) — x")?.region, "Turkey")
    }

    func testHeadlinesLabelsAndOrdinarySentencesAreNoDateline() {
        for text in ["Photo: Smoke over a town.", "Source: the ministry's channel", "Heavy fighting went on in Ariha.",
                     "Rebels, backed by drones: a new tactic.", "ARMY PRESSES ITS PUSH ON THE TOWN OF ARIHA TODAY",
                     "On October 2 the army entered Ariha.", "Monday, March 2, 2020", "Fast News"] {
            XCTAssertNil(dateline(text), text)
        }
    }

    func testADatelineAfterAHeadlineOrOnItsOwnLineIsFound() throws {
        let d = try XCTUnwrap(dateline("Army pushes on in the south\n\nREYHANLI, Turkey (AP) — Jets bombed Sarmin."))
        XCTAssertEqual(d.city, "REYHANLI")
        XCTAssertEqual(try XCTUnwrap(dateline("Strike on a market\n\nBEIRUT\nThe Wire Service\n\nJets bombed Sarmin.")).city, "BEIRUT")
    }

    func testTheDatelineCityIsNeverAnEventPlaceButTheBodyMayNameIt() throws {
        let r = try Fixture.extract("Headline about the war\n\nARIHA, Syria (Wire) — Government jets bombed Sarmin on Monday.")
        XCTAssertEqual(r.events.map(\.place), ["Sarmin"])
        let own = try Fixture.extract("Ariha, Syria: Government jets bombed Ariha on Monday.")
        XCTAssertEqual(own.events.map(\.place), ["Ariha"], "the body tells a happening in the dateline's city")
    }

    func testTheDayOfADatelineDatesTheReport() throws {
        let r = try Report(name: "d.txt", text: "ANKARA, Feb. 3 (Wire) -- Troops shelled Ariha.", date: .d("2020-02-06"))
        XCTAssertEqual(r.date, .d("2020-02-03"))
        XCTAssertEqual(r.dateSource, .dateline)
        let y = try Report(name: "y.txt", text: "ANKARA (Wire News - 3rd March, 2020) Troops shelled Ariha.", date: nil)
        XCTAssertEqual(y.date, .d("2020-03-03"))
    }
}

extension DatelineTests {
    func testAReportWhosePlacesAreOnlyItsDatelineSaysItHasNoLocatedEvents() throws {
        let r = try Fixture.extract("ARIHA, Syria (Wire) — Government jets bombed rebel positions on Monday.")
        XCTAssertTrue(r.events.isEmpty)
        XCTAssertTrue(r.warnings.contains { $0.contains("no located events") && $0.contains("ARIHA") || $0.contains("Ariha") },
                      "\(r.warnings)")
    }
}
