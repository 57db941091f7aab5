import XCTest
@testable import Extraction
import EventModel

/// Issue 15, reproducer C1: a report telling a count beyond `Int` ("killing 99999999999999999999 civilians",
/// "1e309", "1e300") crashed extract and map in `Int(Double)`. Such a count is now not read, with a warning.
final class HugeCountsTests: XCTestCase {
    func testCountsBeyondIntAreRefusedWithAWarningNotATrap() throws {
        for figure in ["99999999999999999999", "1e300", "1e309", String(repeating: "9", count: 400),
                       "9223372036854775807", "500000000"] {
            let r = try Fixture.extract("Warplanes struck Saraqeb on Tuesday, killing \(figure) civilians.")
            XCTAssertTrue(r.warnings.contains { $0.contains("beyond any plausible count") }, "\(figure): \(r.warnings)")
            for e in r.events { XCTAssertLessThanOrEqual(e.fatalities ?? 0, NumberRules.plausibleMaximum, figure) }
        }
    }

    func testHugeNumberWordsAndMultipliersDoNotOverflow() throws {
        let r = try Fixture.extract("Warplanes struck Saraqeb on Tuesday, killing "
            + Array(repeating: "million", count: 30).joined(separator: " ") + " people and 9e18 million more.")
        XCTAssertFalse(r.warnings.filter { $0.contains("beyond any plausible count") }.isEmpty, "\(r.warnings)")
    }

    func testPlausibleCountsAreStillRead() throws {
        let r = try Fixture.extract("Warplanes struck Saraqeb on Tuesday, killing 15 civilians.")
        XCTAssertEqual(r.events.compactMap(\.fatalities).max(), 15)
        XCTAssertFalse(r.warnings.contains { $0.contains("plausible") })
    }
}
