import GeoModel
import XCTest

/// Issue 15, reproducer S5 (`Tests/Fuzz/cases/silent-hex-coordinates`): `--at=0x24,0x23` was read as 36,35
/// because `Double(_:)` reads hexadecimal. LON,LAT takes plain decimals only.
final class CoordinateParsingTests: XCTestCase {
    func testHexadecimalAndSpecialNumbersAreNotPositions() {
        for text in ["0x24,0x23", "0X1p3,35", "nan,35", "inf,35", "36.8,", "1e1,35"] {
            XCTAssertThrowsError(try Coordinate(parsing: text), text)
        }
    }

    func testPlainDecimalsStillParse() throws {
        XCTAssertEqual(try Coordinate(parsing: "36.80591, 35.86447"), Coordinate(lon: 36.80591, lat: 35.86447))
        XCTAssertEqual(try Coordinate(parsing: "-180,-90"), Coordinate(lon: -180, lat: -90))
        XCTAssertEqual(try Coordinate(parsing: "+36,35."), Coordinate(lon: 36, lat: 35))
    }
}
