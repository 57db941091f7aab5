import Foundation
import TestSupport
import GeoModel
import XCTest
@testable import Extraction
import EventModel

/// The project's own example reports (`Examples/`) against a golden JSON Lines file. Regenerate after a
/// deliberate change with `UPDATE_GOLDEN=1 swift test --filter GoldenTests` and review the diff.
final class GoldenTests: XCTestCase {
    func testExampleReportsGiveTheGoldenEvents() throws {
        let dir = ProjectPaths.root.appendingPathComponent("Examples")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".txt") }.sorted()
        XCTAssertFalse(files.isEmpty)
        let r = try extractAll(from: files.map { dir.appendingPathComponent($0).path }, fallbackDate: nil,
                               gazetteer: Fixture.gazetteer, lexicon: Fixture.lexicon)
        let text = EventJSONLines.encode(r.events + r.statements)
        let golden = ProjectPaths.root.appendingPathComponent("Tests/ExtractionTests/Fixtures/examples.jsonl")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try text.write(to: golden, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        XCTAssertEqual(text, expected, "Examples/ no longer give Tests/ExtractionTests/Fixtures/examples.jsonl")
        // Twice in one run: the same bytes.
        let again = try extractAll(from: files.map { dir.appendingPathComponent($0).path }, fallbackDate: nil,
                                   gazetteer: Fixture.gazetteer, lexicon: Fixture.lexicon)
        XCTAssertEqual(EventJSONLines.encode(again.events + again.statements), text)
        XCTAssertTrue(r.warnings.contains { $0.contains("Trunbah") }, "the example's unknown village is reported")
    }
}
