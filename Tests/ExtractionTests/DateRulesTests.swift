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
        let y = try XCTUnwrap(try Fixture.events(" date 2020-02-06 BEIRUT -- Rebels seized Sarmin in December 2019.").first)
        XCTAssertEqual(y.start, Day(iso: "2019-12-01")); XCTAssertEqual(y.end, Day(iso: "2019-12-31"))
        XCTAssertTrue(try Fixture.events(" date 2020-02-06 BEIRUT -- Rebels seized Sarmin in September 2017.").isEmpty,
                      "history, over a year before the report, is no event")
        XCTAssertTrue(try Fixture.events(" date 2020-02-06 BEIRUT -- The war began in 2011, when troops shelled Sarmin.").isEmpty)
    }

    func testAThenInASentenceOfOldHistoryGivesItsHappeningNoDateOfToday() throws {
        let text = " date 2020-02-06 BEIRUT -- The conflict started in 2012, when rebels seized Ariha and the army pulled out, first to Sarmin and then to the coast."
        XCTAssertTrue(try Fixture.events(text).isEmpty, "history told with a 'then' is still history")
        let today = try Fixture.events(" date 2020-02-06 BEIRUT -- The conflict started in 2012, and on Monday rebels seized Ariha.")
        XCTAssertEqual(today.map(\.place), ["Ariha"], "a clause with a day of its own is news")
    }
}

extension DateRulesTests {
    /// The first event at `place` of a report filed on Monday 2019-12-02 (written for the test).
    func dated(_ text: String, at place: String = "Sarmin", date: String = "2019-12-02") throws -> (Day?, Day?, DatePrecision) {
        let e = try XCTUnwrap(try Fixture.events(" date \(date) BEIRUT -- " + text, date: date).first { $0.place == place }, text)
        return (e.start, e.end, e.datePrecision)
    }

    func testWeekendsWeeksAndDaysBeforeTheReport() throws {
        XCTAssertEqual(try dated("Rebels shelled Sarmin over the weekend.").0, Day(iso: "2019-11-30"))
        XCTAssertEqual(try dated("Rebels shelled Sarmin over the weekend.").1, Day(iso: "2019-12-01"))
        XCTAssertEqual(try dated("Rebels shelled Sarmin the previous week.").0, Day(iso: "2019-11-25"))
        XCTAssertEqual(try dated("Rebels shelled Sarmin the previous week.").1, Day(iso: "2019-12-01"))
        let days = try dated("Rebels shelled Sarmin for days.")
        XCTAssertEqual(days.1, Day(iso: "2019-12-01"), "a span ending before the report date")
        let two = try dated("Clashes in Sarmin killed 20 fighters over the last two days.", date: "2019-12-05")
        XCTAssertEqual(two.0, Day(iso: "2019-12-04")); XCTAssertEqual(two.1, Day(iso: "2019-12-05"))
    }

    func testDatesAgainstTheDayLastNamed() throws {
        let r = try Fixture.events(" date 2019-12-02 BEIRUT -- On Thursday the army pulled out of Ariha. Rebels then took "
                                   + "Sarmin. A day earlier, jets had bombed Binnish.", date: "2019-12-02")
        XCTAssertEqual(r.first { $0.place == "Sarmin" }?.start, Day(iso: "2019-11-28"))
        XCTAssertEqual(r.first { $0.place == "Binnish" }?.start, Day(iso: "2019-11-27"))
    }

    func testAHappeningWithNoDateCueTakesTheReportDateNotTheDateToldBefore() throws {
        let r = try Fixture.events(" date 2019-12-02 BEIRUT -- Jets bombed Ariha on Thursday. Rebels shelled Sarmin.",
                                   date: "2019-12-02")
        let s = try XCTUnwrap(r.first { $0.place == "Sarmin" })
        XCTAssertEqual(s.start, Day(iso: "2019-12-02")); XCTAssertEqual(s.datePrecision, .report)
    }
}

extension DateRulesTests {
    func testARunningTotalSinceAStartIsNoHappening() throws {
        XCTAssertTrue(try Fixture.events(" date 2020-02-06 BEIRUT -- Since the offensive began in December, at least 300 civilians have been killed in Sarmin.").isEmpty)
        XCTAssertTrue(try Fixture.events(" date 2020-02-06 BEIRUT -- Some 90 fighters have died in Ariha since the truce collapsed.").isEmpty)
        let one = try Fixture.events(" date 2020-02-06 BEIRUT -- Jets bombed Sarmin on Monday, killing five people, the deadliest raid since December.")
        XCTAssertEqual(one.map(\.place), ["Sarmin"], "a toll of one happening stays an event")
    }
}
