import XCTest
@testable import Extraction
import EventModel

/// Issue 15, reproducers H2b and H2c (`Tests/Fuzz/cases/long-sentence-dashes`, `long-sentence-place-names`):
/// the clause rules look across the whole sentence for each clause, so a sentence's cost grows with its
/// length squared; a line of 50,000 dashes ran past a minute. No sentence handed to them is now longer than
/// a bound, so reading stays linear in the text. The tests check sizes, not time.
final class LongTextTests: XCTestCase {
    static let bound = SentenceSplitter.longestSentence * 3 / 2

    /// 10^5 generated sentences in the project's own words, a line of 50,000 dashes and one of 20,000 names.
    static func longText() -> String {
        let places = ["Saraqeb", "Afis", "Nayrab", "Taftanaz", "Kafr Nabl"], days = ["Monday", "Tuesday", "Friday"]
        var text = ""
        for i in 0..<100_000 {
            text += "Troops shelled \(places[i % places.count]) on \(days[i % days.count]), killing \(i % 9 + 1) people. "
            if i % 20_000 == 0 { text += "\n\n" }
        }
        return text + "\n\nTroops took Saraqeb on Monday, " + String(repeating: "-", count: 50_000) + " and 3 people died.\n\n"
            + "Troops took " + String(repeating: "Saraqeb ", count: 20_000) + "on Monday.\n"
    }

    func testNoSentenceOfTenToTheFiveIsLongerThanTheBound() {
        let text = Self.longText()
        let sentences = SentenceSplitter.split(Array(text.unicodeScalars))
        XCTAssertGreaterThanOrEqual(sentences.count, 100_000)
        XCTAssertLessThanOrEqual(sentences.map { $0.end - $0.start }.max()!, Self.bound)
        let cut = sentences.filter(\.cut)
        XCTAssertGreaterThanOrEqual(cut.count, 50_000 / Self.bound + 160_000 / Self.bound - 2, "the two long lines in pieces")
        XCTAssertEqual(sentences.count - cut.count, 100_002, "ordinary sentences are not cut")
    }

    func testAnOverlongLineIsReadInPiecesWithAWarning() throws {
        let r = try Fixture.extract("Troops took Saraqeb on Monday, " + String(repeating: "-", count: 50_000) + " and 3 people died.")
        XCTAssertTrue(r.warnings.contains { $0.contains("without a sentence end were read as separate sentences") }, "\(r.warnings)")
        XCTAssertFalse(r.events.isEmpty, "the first piece is still read")
    }
}
