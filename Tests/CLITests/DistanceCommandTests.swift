import TestSupport
import XCTest

final class DistanceCommandTests: XCTestCase {
    func testSaraqebToTaftanazOnTheCommandLine() throws {
        let r = try Run.placemap(["distance", "36.80591,35.86447", "36.78579,35.99832"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.hasPrefix("14,962.27 m"), r.stdout)
        // Taftanaz lies a little west of north: 360 - 6.9641 degrees clockwise from north.
        XCTAssertTrue(r.stdout.contains("azimuth 353.0359°"), r.stdout)
    }

    func testOutOfRangeCoordinatesAreRefusedWithOneClearLine() throws {
        let r = try Run.placemap(["distance", "36.8,95", "36.78579,35.99832"])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("out of range"), r.stderr)
    }
}
