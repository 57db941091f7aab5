import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
@testable import Layers

/// Issue 15, reproducer I2 (`Tests/Fuzz/cases/xml-forbidden-chars`): a place named "Sara\u{FFFE}qeb\u{FFFF}"
/// made map.svg and the page not well-formed. `xml()` is the one escaping of the SVG and HTML writers.
final class MarkupTextTests: XCTestCase {
    static let hostile = "Sara\u{FFFE}qeb\u{FFFF} <b>&amp;\"'\u{0}\u{1}\u{8}\u{B}\u{C}\u{1B}[2J\u{7F}\t\n\r\u{10FFFF}\u{1FFFE}"

    func testCharactersXMLForbidsAreReplacedAndMarkupEscaped() {
        let out = xml(Self.hostile)
        for forbidden: Unicode.Scalar in ["\u{FFFE}", "\u{FFFF}", "\u{0}", "\u{1}", "\u{8}", "\u{B}", "\u{C}", "\u{1B}", "<", ">"] {
            XCTAssertFalse(out.unicodeScalars.contains(forbidden), "U+\(String(forbidden.value, radix: 16)) in \(out)")
        }
        XCTAssertTrue(out.hasPrefix("Sara\u{FFFD}qeb\u{FFFD} &lt;b&gt;&amp;amp;&quot;&#39;"), out)
    }

    func testEscapedTextParsesAsWellFormedXMLInTextAndAttributes() {
        let doc = "<svg xmlns=\"http://www.w3.org/2000/svg\"><text title=\"\(xml(Self.hostile))\">\(xml(Self.hostile))</text></svg>"
        let parser = XMLParser(data: Data(doc.utf8))
        XCTAssertTrue(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
    }
}
