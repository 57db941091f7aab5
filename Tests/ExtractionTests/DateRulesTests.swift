import GeoModel
import XCTest
@testable import Extraction
import EventModel

/// The date rules on sentences written for the test, against Thursday 6 February 2020.
final class DateRulesTests: XCTestCase {
    let thursday = Day.d("2020-02-06")

    func finding(_ text: String, date: Day? = nil) -> DateFinding? {
        let tokens = Tokenizer.tokens(of: text)
        var cues: [CueMatch] = []
        let words = Fixture.lexicon.vocabulary.numbers(of: tokens)
        for i in tokens.indices {
            if let (len, entries) = Fixture.lexicon.cueTrie.longest(in: words, at: i) {
                for e in entries { cues.append(CueMatch(range: i..<(i + len), entry: e)) }
            }
        }
        return DateRules.find(in: 0..<tokens.count, tokens: tokens, cues: cues, reportDate: date ?? thursday)
    }

    func span(_ text: String, date: Day? = nil) -> String? {
        guard case .dated(let s, let e, _)? = finding(text, date: date) else { return nil }
        return s == e ? "\(s)" : "\(s)..\(e)"
    }

    func testWeekdaysAreTheLatestOnOrBeforeTheReport() {
        XCTAssertEqual(span("Shelling hit the town on Monday."), "2020-02-03")
        XCTAssertEqual(span("Jets struck on Thursday."), "2020-02-06")
        XCTAssertEqual(span("Rebels attacked later Thursday."), "2020-02-06")
        XCTAssertEqual(span("Fighting broke out on Friday."), "2020-01-31")
        XCTAssertEqual(span("Troops left last Thursday."), "2020-01-30")
    }

    func testRelativeDays() {
        XCTAssertEqual(span("A convoy arrived yesterday."), "2020-02-05")
        XCTAssertEqual(span("Clashes erupted today."), "2020-02-06")
        XCTAssertEqual(span("Reinforcements arrived overnight."), "2020-02-05..2020-02-06")
        XCTAssertEqual(span("Troops took the village earlier this week."), "2020-02-03..2020-02-05")
        XCTAssertEqual(span("Troops took the village earlier this week.", date: .d("2020-02-03")), "2020-02-03")
        XCTAssertEqual(span("Fighting went on later in the day."), "2020-02-06")
    }

    func testMonthsAndSince() {
        XCTAssertEqual(span("The attacks intensified in January."), "2020-01-01..2020-01-31")
        XCTAssertEqual(span("Troops have advanced since December."), "2019-12-01..2020-02-06")
        XCTAssertEqual(span("People fled since the beginning of December."), "2019-12-01..2020-02-06")
        XCTAssertEqual(span("People fled since the offensive began in December."), "2019-12-01..2020-02-06")
        XCTAssertEqual(span("Strikes rose in late January."), "2020-01-21..2020-01-31")
        XCTAssertEqual(span("Strikes rose in February."), "2020-02-01..2020-02-06")
        XCTAssertEqual(span("The town fell on 3 February."), "2020-02-03")
        XCTAssertEqual(span("The town fell on February 3."), "2020-02-03")
    }

    func testUndatedAndVague() {
        guard case .undated? = finding("Soldiers were killed, without saying when.") else { return XCTFail("undated") }
        guard case .vague? = finding("Troops deployed recently.") else { return XCTFail("vague") }
        XCTAssertNil(finding("Troops deployed in the village."))
        XCTAssertNil(finding("The ceasefire may hold."), "a lower-case modal is no month")
    }

    func testMostRecentWeekday() {
        XCTAssertEqual(DateRules.mostRecent(weekday: 4, onOrBefore: thursday), thursday)
        XCTAssertEqual(DateRules.mostRecent(weekday: 1, onOrBefore: thursday), .d("2020-02-03"))
        XCTAssertEqual(DateRules.latestStart(of: 12, onOrBefore: thursday), .d("2019-12-01"))
    }
}

extension DateRulesTests {
    func testOrdinalDaysAndAMonthWithItsYear() throws {
        let e = try XCTUnwrap(try Fixture.events(" date 2020-02-06 BEIRUT -- Rebels seized Sarmin on the 3rd of February.").first)
        XCTAssertEqual(e.start, Day(iso: "2020-02-03"))
        let y = try XCTUnwrap(try Fixture.events(" date 2020-02-06 BEIRUT -- Rebels seized Sarmin in September 2017.").first)
        XCTAssertEqual(y.start, Day(iso: "2017-09-01")); XCTAssertEqual(y.end, Day(iso: "2017-09-30"))
    }
}
