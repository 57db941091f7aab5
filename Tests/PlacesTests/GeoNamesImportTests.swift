import Foundation
import Places
import TestSupport
import XCTest

final class GeoNamesImportTests: XCTestCase {
    /// Three rows in the GeoNames 19-column layout (values as GeoNames gives them for these places).
    static let dump = [
        ["164816", "Saraqib", "Saraqib", "Saraqeb,Sarāqib", "35.86447", "36.80591", "P", "PPL", "SY", "", "12", "", "", "", "34231", "", "360", "Asia/Damascus", "2020-06-10"],
        ["170654", "Damascus", "Damascus", "Dimashq,Damas", "33.5102", "36.29128", "P", "PPLC", "SY", "", "13", "", "", "", "1569394", "", "695", "Asia/Damascus", "2020-06-10"],
        ["170000", "Some Hill", "Some Hill", "", "35.1", "36.1", "T", "HLL", "SY", "", "12", "", "", "", "0", "", "500", "Asia/Damascus", "2020-06-10"],
        ["323786", "Ankara", "Ankara", "Angora", "39.91987", "32.85427", "P", "PPLC", "TR", "", "68", "", "", "", "3517182", "", "850", "Europe/Istanbul", "2020-06-10"],
    ].map { $0.joined(separator: "\t") }.joined(separator: "\n") + "\n"

    func testImportsPopulatedPlacesOfOneCountryWithAlternateNames() throws {
        let dir = try temporaryDirectory()
        let dump = dir.appendingPathComponent("SY.txt"), alt = dir.appendingPathComponent("alternateNames.txt")
        try Self.dump.write(to: dump, atomically: true, encoding: .utf8)
        try "1\t164816\ten\tSaraqib city\t\t\t\t\t\t\n2\t164816\tlink\thttps://en.wikipedia.org/wiki/Saraqib\t\t\t\t\t\t\n"
            .write(to: alt, atomically: true, encoding: .utf8)
        let imported = try GeoNamesImport(geonames: dump, alternateNames: alt, country: "sy")
        XCTAssertEqual(imported.places.map(\.id), ["geonames:164816", "geonames:170654"])
        XCTAssertEqual(imported.skipped, 2)
        XCTAssertEqual(imported.places[0].alternateNames, ["Saraqeb", "Sarāqib", "Saraqib city"])
        XCTAssertEqual(imported.places[1].kind, .capital)
        XCTAssertEqual(imported.places[0].kind, .town)
        let out = dir.appendingPathComponent("out.tsv")
        try imported.write(to: out)
        let back = try PlaceTable.parse(try String(contentsOf: out, encoding: .utf8), file: out.path)
        XCTAssertEqual(back, imported.places)
    }

    func testAMalformedDumpLineIsNamed() throws {
        let dir = try temporaryDirectory()
        let dump = dir.appendingPathComponent("bad.txt")
        try (Self.dump + "999\tBroken\t35.0\n").write(to: dump, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try GeoNamesImport(geonames: dump)) { e in
            XCTAssertEqual(e as? PlacesError, .malformed(file: dump.path, line: 5,
                                                          message: "expected the 19 tab-separated GeoNames columns, found 3"))
        }
    }
}
