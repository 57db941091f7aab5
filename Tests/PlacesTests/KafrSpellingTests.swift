import XCTest
@testable import Places

/// "Kfar" and "Kfr" (the Levantine spellings of كفر, "village") fold like "Kafr" and "Kefr".
final class KafrSpellingTests: XCTestCase {
    func testKfarFoldsLikeKafr() {
        XCTAssertEqual(NameKey.fold("Kfar Nabl"), NameKey.fold("Kafr Nabl"))
        XCTAssertEqual(NameKey.fold("Kfr Nabl"), NameKey.fold("Kefr Nabl"))
        XCTAssertNotEqual(NameKey.fold("Kfar"), NameKey.fold("Kafar Zita"))
    }
}
