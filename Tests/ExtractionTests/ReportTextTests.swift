import Foundation
import GeoModel
import TestSupport
import XCTest
@testable import Extraction

/// Issue 15, reproducers S4 (`Tests/Fuzz/cases/silent-nul-report`, `silent-utf16-no-bom`): a report of NUL
/// bytes or of UTF-16 without a byte-order mark gave no events and no word. Now each is one error line
/// naming the file, as for event files.
final class ReportTextTests: XCTestCase {
    func load(_ bytes: [UInt8], named name: String) throws -> (path: String, error: Error?) {
        let path = try temporaryDirectory().appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        do { _ = try Report.load(path: path, fallbackDate: Day(iso: "2020-02-06")); return (path, nil) } catch { return (path, error) }
    }

    func testNulBytesAndUTF16AreOneErrorNamingTheReport() throws {
        let sentence = "Warplanes struck Saraqeb on Tuesday."
        let utf16 = Array(sentence.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        for (name, bytes) in [("nul.txt", [UInt8](repeating: 0, count: 64)), ("utf16.txt", utf16),
                              ("utf16-bom.txt", [0xFF, 0xFE] + utf16), ("latin1.txt", Array("Ma\u{E9}arrat".utf8.map { $0 == 0xC3 ? 0xE9 : $0 }))] {
            let (path, error) = try load(bytes, named: name)
            guard case ReportError.unreadable(let file, let message)? = error else { XCTFail("\(name): \(String(describing: error))"); continue }
            XCTAssertEqual(file, path)
            XCTAssertFalse("\(error!)".contains("\n"), "\(error!)")
            XCTAssertFalse(message.isEmpty)
        }
    }

    func testAUTF8ReportWithAByteOrderMarkStillReads() throws {
        let (_, error) = try load([0xEF, 0xBB, 0xBF] + Array("Warplanes struck Saraqeb on Tuesday.\r\n".utf8), named: "ok.txt")
        XCTAssertNil(error)
    }
}
