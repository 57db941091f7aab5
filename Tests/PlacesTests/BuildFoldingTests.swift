import Foundation
import Places
import TestSupport
import XCTest

/// The build merges OpenStreetMap and GeoNames records whose names fold alike, with a Python reading of the
/// folding (Gazetteer/scripts/namekey.py): it must agree with `NameKey.fold` on the names it merges by.
final class BuildFoldingTests: XCTestCase {
    func testThePythonFoldingOfTheBuildAgreesWithNameKeyOnEveryLatinAndArabicName() throws {
        let g = Fixture.gazetteer
        // Latin and Arabic script names of the Syrian settlements (other scripts are not used to merge).
        let names = Array(Set(g.places.filter { $0.country == "SY" && $0.kind.isSettlement }
            .flatMap { [$0.name] + $0.alternateNames }
            .filter { n in n.unicodeScalars.allSatisfy { $0.value < 0x0250 || (0x0600...0x06FF).contains($0.value) || (0x1E00...0x1EFF).contains($0.value)
                || (0x2000...0x206F).contains($0.value) || $0.value == 0x02BB || (0x02BC...0x02BF).contains($0.value) } }
            .filter { !$0.contains("\n") && !$0.contains("\t") })).sorted()
        XCTAssertGreaterThan(names.count, 9_000)
        let scripts = ProjectPaths.root.appendingPathComponent("Gazetteer/scripts").path
        let out = try Python.run("""
            import sys
            sys.path.insert(0, \(String(reflecting: scripts)))
            from namekey import fold
            for line in sys.stdin.read().split("\\n"):
                if line:
                    print(fold(line))
            """, input: names.joined(separator: "\n") + "\n", modules: ["unicodedata"])
        let python = out.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        XCTAssertEqual(python.count, names.count)
        let differ = zip(names, python).filter { NameKey.fold($0.0) != $0.1 }.map { "\($0.0): \(NameKey.fold($0.0)) ≠ \($0.1)" }
        XCTAssertEqual(differ, [], "\(differ.count) of \(names.count)")
    }
}
