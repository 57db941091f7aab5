import GeoModel
import Places
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

extension TextTests {
    func testMarksInsideAWordAreDroppedAsTheGazetteerFoldsThem() {
        let t = Tokenizer.tokens(of: "Hay'at fighters took al-Dab'a and Ma‘arat, the army's posts")
        XCTAssertEqual(t.map(\.text), ["hayat", "fighters", "took", "al", "daba", "and", "maarat", ",", "the", "army", "posts"])
        XCTAssertTrue(t[4].hyphenBefore)
        XCTAssertTrue(t[9].possessive)
    }

    func testTheNameMatcherOverTheSentencesOwnWordsFindsWhatItFindsAlone() {
        let matcher = NameMatcher(gazetteer: Fixture.gazetteer)
        for text in ["Jets bombed Saraqeb, al-Nayrab and Maaret Musreen on Monday.",
                     "Rebels near Idlib's city centre shelled Ta'um and the Taftanaz air base.",
                     "In Ankara, officials said Turkish troops in Sarmin – near Binnish – were hit."] {
            let a = SentenceAnalysis(sentence: Sentence(text: text, start: 0, end: text.unicodeScalars.count),
                                     reportScalars: Array(text.unicodeScalars), lexicon: Fixture.lexicon, matcher: matcher,
                                     conflict: nil)
            let alone = matcher.matches(in: text)
            XCTAssertEqual(a.names.map(\.match.text), alone.map(\.text), text)
            XCTAssertEqual(a.names.map(\.match.key), alone.map(\.key), text)
            for n in a.names { XCTAssertEqual(a.original(n.range), n.match.text, text) }
        }
    }
}
