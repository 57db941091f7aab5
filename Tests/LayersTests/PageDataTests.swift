import EventModel
import GeoModel
@testable import Layers
import XCTest

/// The page's data: JSON that is safe inside a script, grids whose counts add up.
final class PageDataTests: XCTestCase {
    func testScriptJSONEscapesWhatCouldEndAScriptAndDropsForbiddenCharacters() throws {
        var w = ScriptJSON()
        let hostile = "a</script><!-- & \"q\" \\ \n\t line\u{2028}para\u{2029}bell\u{7}nul\u{0}c1\u{85}non\u{FFFE}x Ḥamā"
        w.string(hostile)
        let text = w.text
        for forbidden in ["<", ">", "&", "\u{2028}", "\u{2029}", "\u{7}", "\u{0}", "\u{85}", "\u{FFFE}"] {
            XCTAssertFalse(text.contains(forbidden), "\(forbidden.unicodeScalars.first!.value) in \(text)")
        }
        let back = try JSONSerialization.jsonObject(with: Data("[\(text)]".utf8)) as? [String]
        XCTAssertEqual(back, ["a</script><!-- & \"q\" \\ \n\t line\u{2028}para\u{2029}bellnulc1nonx Ḥamā"])
    }

    func testScriptJSONValuesAreByteStableWithSortedKeys() {
        var a = ScriptJSON(), b = ScriptJSON()
        a.value(["b": 1, "a": [0.1234567, "x"], "c": .null])
        b.value(["c": .null, "a": [0.1234567, "x"], "b": 1])
        XCTAssertEqual(a.text, #"{"a":[0.123457,"x"],"b":1,"c":null}"#)
        XCTAssertEqual(a.text, b.text)
    }

    func testBinsCountEveryEventOnceAndCoarseningKeepsTheTotal() {
        var bins = EventBins()
        for i in 0..<1000 {
            let c = Coordinate(lon: 36 + Double(i % 40) * 0.013, lat: 35 + Double(i / 40) * 0.011)
            bins.add(x: Int((c.lon / 0.01).rounded(.down)), y: Int((c.lat / 0.01).rounded(.down)), at: c,
                     symbol: i % 3 == 0 ? .airStrike : .clash)
        }
        XCTAssertEqual(bins.total, 1000)
        XCTAssertEqual(bins.sorted.reduce(0) { $0 + $1.bin.count }, 1000)
        XCTAssertEqual(bins.sorted.reduce(0) { $0 + $1.bin.bySymbol[EventSymbol.airStrike.index] }, 334)
        var coarse = bins
        while coarse.cells.count > 50 { coarse = coarse.coarsened(by: 2) }
        XCTAssertEqual(coarse.sorted.reduce(0) { $0 + $1.bin.count }, 1000)
        XCTAssertLessThan(coarse.cells.count, bins.cells.count)
        // a cell's point is the mean of its events, inside the grid's extent
        for (_, bin) in coarse.sorted {
            XCTAssertTrue((36...36.6).contains(bin.centre.lon) && (35...35.3).contains(bin.centre.lat), "\(bin.centre)")
        }
    }

    func testTheGridOfAViewFitsItsCellLimit() {
        var bins = EventBins()
        for i in 0..<20_000 {
            let c = Coordinate(lon: 35.7 + Double(i % 200) * 0.0115, lat: 34.8 + Double(i / 200) * 0.02)
            bins.add(x: Int((c.lon / PageWriter.finestCellDegrees).rounded(.down)),
                     y: Int((c.lat / PageWriter.finestCellDegrees).rounded(.down)), at: c, symbol: .other)
        }
        let grid = PageWriter.grid(bins)
        XCTAssertLessThanOrEqual(grid.bins.cells.count, PageWriter.gridCellLimit)
        XCTAssertEqual(grid.bins.total, 20_000)
        XCTAssertGreaterThan(grid.cellDegrees, PageWriter.finestCellDegrees)
    }

    func testDetailsFilesAreNamedBySixDigits() {
        XCTAssertEqual(PageWriter.detailsPath(0), "page/events/000000.js")
        XCTAssertEqual(PageWriter.detailsPath(1234), "page/events/001234.js")
    }

    func testLeafletMissingIsOneLineNamingThePackage() {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("no-leaflet-\(UUID().uuidString)").path
        XCTAssertThrowsError(try LeafletFiles.locate(environment: [LeafletFiles.environmentVariable: dir])) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("leaflet.min.js") && text.contains(dir), text)
            XCTAssertFalse(text.contains("\n"))
        }
        XCTAssertEqual(PageError.missingLibrary(path: "/x/leaflet.min.js", package: "libjs-leaflet", custom: false).description,
                       "the page needs /x/leaflet.min.js, which is missing: install Debian's libjs-leaflet "
                       + "(apt-get install libjs-leaflet), or set PLACEMAP_LEAFLET to a folder holding its files")
    }
}
