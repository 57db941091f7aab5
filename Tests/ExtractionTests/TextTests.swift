import GeoModel
import XCTest
@testable import Extraction
import EventModel

final class TextTests: XCTestCase {
    func testSentencesKeepOffsetsIntoTheText() {
        let text = "Rebels shelled Saraqib. Then they left.\n\nHeadline without a stop\n\nLast one."
        let s = SentenceSplitter.split(Array(text.unicodeScalars))
        XCTAssertEqual(s.map(\.text), ["Rebels shelled Saraqib.", "Then they left.", "Headline without a stop", "Last one."])
        let scalars = Array(text.unicodeScalars)
        for x in s {
            XCTAssertEqual(String(String.UnicodeScalarView(scalars[x.start..<x.end])), x.text)
        }
    }

    func testAbbreviationsAndQuotes() {
        let text = "Gen. Smith said \"it is over.\" The U.N. Many fled. The U.N. Security Council met. He left."
        let s = SentenceSplitter.split(Array(text.unicodeScalars)).map(\.text)
        XCTAssertEqual(s, ["Gen. Smith said \"it is over.\"", "The U.N.", "Many fled.", "The U.N. Security Council met.", "He left."])
    }

    func testSingleLineBreaksAreSpaces() {
        let s = SentenceSplitter.split(Array("Troops entered\nthe town.".unicodeScalars))
        XCTAssertEqual(s.map(\.text), ["Troops entered the town."])
    }

    func testTokensSplitHyphensAndMarkPossessives() {
        let t = Tokenizer.tokens(of: "Idlib's pro-regime \"specialists\", 520,000 — fled")
        XCTAssertEqual(t.map(\.text), ["idlib", "pro", "regime", "specialists", ",", "520000", "--", "fled"])
        XCTAssertTrue(t[0].possessive)
        XCTAssertTrue(t[0].capitalised)
    }

    func testNumbersInWordsAndDigits() {
        let lexicon = Fixture.lexicon
        func value(_ text: String) -> Int? {
            let tokens = Tokenizer.tokens(of: text)
            var cueAt = CuesByToken(count: tokens.count)
            let words = lexicon.vocabulary.numbers(of: tokens)
            for i in tokens.indices { if let (_, e) = lexicon.cueTrie.longest(in: words, at: i) { cueAt[i] = e } }
            return NumberRules.number(at: 0, tokens: tokens, cueAt: cueAt, allowArticle: true)?.value
        }
        XCTAssertEqual(value("seven soldiers"), 7)
        XCTAssertEqual(value("13 soldiers"), 13)
        XCTAssertEqual(value("at least 15 civilians"), 15)
        XCTAssertEqual(value("more than 520,000 people"), 520_000)
        XCTAssertEqual(value("over 70 personnel"), 70)
        XCTAssertEqual(value("twenty-two fighters"), 22)
        XCTAssertEqual(value("half a million people"), 500_000)
        XCTAssertEqual(value("3 million people"), 3_000_000)
        XCTAssertEqual(value("a civilian"), 1)
        XCTAssertNil(value("several soldiers"))
    }
}
