import GeoModel
import Evaluation
import EventModel
import Extraction
import FileIO
import TestSupport
import XCTest

/// Reading the gold files: RFC 4180 quoting, undated rows, errors that name the file and line.
final class GoldFileTests: XCTestCase {
    func testReadsQuotedFieldsUndatedRowsAndBackground() throws {
        let rows = try GoldEvents.read(path: try Hand.file("gold.csv", MatcherTests.goldCSV, in: try temporaryDirectory("gold")))
        XCTAssertEqual(rows.count, 6)
        XCTAssertEqual(rows[1].notes, "a second clash, same day")
        XCTAssertEqual(rows[5].actor1, "Syrian government forces (with Russian forces)")
        XCTAssertNil(rows[5].dates.start)
        XCTAssertEqual(rows[5].dates.end, Day(iso: "2020-02-06"))
        XCTAssertTrue(rows[4].isBackground)
        XCTAssertFalse(rows[0].isBackground)
        XCTAssertNil(rows[2].coordinate)
        XCTAssertEqual(rows[2].toleranceMetres, 3_000, "an empty tol_km takes the precision's convention")
        XCTAssertEqual(rows[3].type, .explosions)
        XCTAssertEqual(rows[0].fatalities, 2)
        XCTAssertTrue(rows[3].claimed)
        XCTAssertEqual(rows[3].line, 5)
    }

    func testErrorsNameTheFileAndLine() throws {
        let dir = try temporaryDirectory("gold")
        let header = GoldEvents.columns.joined(separator: ",")
        func error(_ body: String) throws -> String {
            let path = try Hand.file("bad.csv", header + "\n" + body, in: dir)
            do { _ = try GoldEvents.read(path: path) } catch let e as EvaluationError { return e.description }
            XCTFail("no error for \(body)")
            return ""
        }
        let good = "a.txt,1,2020-02-03,2020-02-03,Saraqib,35.86,36.80,3,1,Battles,Armed clash,Rebels,,,false,\n"
        XCTAssertTrue(try error(good + good.replacingOccurrences(of: "Battles", with: "Fights")).hasSuffix("bad.csv:3: event_type \"Fights\" is not an ACLED event type (Battles, Explosions/Remote violence, Violence against civilians, Protests, Riots, Strategic developments)"))
        XCTAssertTrue(try error(good.replacingOccurrences(of: "2020-02-03,2020-02-03", with: "2020-02-04,2020-02-03")).contains("bad.csv:2: date_start 2020-02-04 is after date_end 2020-02-03"))
        XCTAssertTrue(try error(good.replacingOccurrences(of: ",35.86,", with: ",,")).contains("bad.csv:2: lat and lon must be both given or both empty"))
        XCTAssertTrue(try error(good + good).contains("bad.csv:3: article a.txt row 1 appears twice"))
        XCTAssertTrue(try error("a.txt,1\n").contains("bad.csv:2: expected 16 fields as in the header, found 2"))
        XCTAssertTrue(try error("a.txt,\"1\n").contains("bad.csv:2: a quoted field is never closed"))
        let noColumn = try Hand.file("nocol.csv", "article,row\n", in: dir)
        XCTAssertThrowsError(try GoldEvents.read(path: noColumn)) { e in
            XCTAssertTrue("\(e)".hasPrefix("\(noColumn):1: the header lacks the column(s) date_start"), "\(e)")
        }
        XCTAssertThrowsError(try GoldEvents.read(path: dir.appendingPathComponent("absent.csv").path)) { e in
            XCTAssertTrue("\(e)".hasSuffix("absent.csv: cannot read the file"), "\(e)")
        }
    }

    func testPlaceNamesAreTheHeadAndTheParenthesesWithoutRelativePositions() {
        func names(_ place: String) -> [String] {
            GoldEvent(article: "a.txt", row: 1, dates: GoldDates(start: nil, end: Day(iso: "2020-01-01")!), place: place,
                      coordinate: nil, toleranceMetres: 3_000, geoPrecision: 1, type: .battles, subType: "", actor1: "").placeNames
        }
        XCTAssertEqual(names("Homs (village west of Al Burj)"), ["Homs", "Al Burj"])
        XCTAssertEqual(names("north of Tal Melh"), ["Tal Melh"])
        XCTAssertEqual(names("Kaft Nabuda (Kafr Nabuda)"), ["Kaft Nabuda", "Kafr Nabuda"])
        XCTAssertEqual(names("Hawash (near Kfar Nabuda)"), ["Hawash", "Kfar Nabuda"])
        XCTAssertEqual(names("Al Bustan (northwest of Tal Damm)"), ["Al Bustan", "Tal Damm"])
        XCTAssertEqual(names("M4 highway (Raqqa – al-Hasakah section; not named)"), ["M4 highway", "Raqqa – al-Hasakah section", "not named"])
        let row = GoldEvent(article: "a.txt", row: 1, dates: GoldDates(start: nil, end: Day(iso: "2020-01-01")!),
                            place: "Trinbeh (north of Saraqib)", coordinate: nil, toleranceMetres: 3_000, geoPrecision: 1,
                            type: .battles, subType: "", actor1: "")
        XCTAssertTrue(row.hasPlaceName("Trinbah"), "spellings fold alike")
        XCTAssertTrue(row.hasPlaceName("Saraqeb"))
        XCTAssertFalse(row.hasPlaceName("Sarmin"))
    }

    func testToponymsReadTheirRolesAndKinds() throws {
        let dir = try temporaryDirectory("gold")
        let text = """
            article,mention,char_offset,place_name,lat,lon,coord_source,geonames_id,kind,role
            a.txt,BEIRUT,40,Beirut,33.89332,35.50157,"GeoNames 276781, cities500",276781,city,dateline
            a.txt,Trinbeh,80,Trinbeh,,,not compiled,,village,event_location

            """
        let rows = try GoldToponyms.read(path: try Hand.file("t.csv", text, in: dir))
        XCTAssertEqual(rows.map(\.role), [.dateline, .eventLocation])
        XCTAssertEqual(rows[0].coordinateSource, "GeoNames 276781, cities500")
        XCTAssertEqual(rows[0].range, 40..<46)
        XCTAssertNil(rows[1].coordinate)
        let bad = try Hand.file("b.csv", text.replacingOccurrences(of: "event_location", with: "battlefield"), in: dir)
        XCTAssertThrowsError(try GoldToponyms.read(path: bad)) { e in
            XCTAssertTrue("\(e)".contains("b.csv:3: role \"battlefield\" is not one of"), "\(e)")
        }
    }
}
