import Foundation
import GeoModel
import Geodesy
import Places
import TestSupport
import XCTest

/// Places a user imports or adds, read on top of the bundled gazetteer, and where a text is at home.
final class UserPlacesTests: XCTestCase {
    let g = Fixture.gazetteer

    /// GeoNames rows (19 columns) written for the test: Kutaisi and Batumi of Georgia, which the bundled gazetteer
    /// lacks (ids 613607 and 615532), Kharkiv and Izium (706483 and 707292, in geonames_theatres.tsv), Beirut
    /// and Saraqib again (276781 in world.tsv, 164816 in syria_settlements.tsv), each with spellings of its own
    /// (coordinates, names and populations as GeoNames gives them), and a hill (skipped).
    static let dump = [
        ["706483", "Kharkiv", "Kharkiv", "Charkiw,Kharkov,Харків", "49.98177", "36.25475", "P", "PPLA", "UA", "", "07", "", "", "", "1421125", "", "152", "Europe/Kyiv", "2022-09-01"],
        ["707292", "Izyum", "Izyum", "Izium,Ізюм", "49.20697", "37.27679", "P", "PPL", "UA", "", "07", "", "", "", "45884", "", "100", "Europe/Kyiv", "2022-09-01"],
        ["613607", "Kutaisi", "Kutaisi", "Koutaissi", "42.26791", "42.69459", "P", "PPLA", "GE", "", "66", "", "", "", "135201", "", "150", "Asia/Tbilisi", "2022-09-01"],
        ["615532", "Batumi", "Batumi", "Batoemi", "41.64077", "41.6306", "P", "PPLA", "GE", "", "04", "", "", "", "186949", "", "5", "Asia/Tbilisi", "2022-09-01"],
        ["276781", "Beirut", "Beirut", "Bayrut-test-spelling", "33.89332", "35.50157", "P", "PPLC", "LB", "", "04", "", "", "", "1916100", "", "40", "Asia/Beirut", "2022-09-01"],
        ["164816", "Saraqib", "Saraqib", "Saraqib-test-spelling", "35.86447", "36.80591", "P", "PPL", "SY", "", "12", "", "", "", "34231", "", "360", "Asia/Damascus", "2020-06-10"],
        ["700000", "Some Hill", "Some Hill", "", "49.5", "36.5", "T", "HLL", "UA", "", "07", "", "", "", "0", "", "200", "Europe/Kyiv", "2022-09-01"],
    ].map { $0.joined(separator: "\t") }.joined(separator: "\n") + "\n"

    /// The dump imported into a fresh user folder, and the gazetteer read with it.
    func imported() throws -> (folder: URL, gazetteer: Gazetteer) {
        let dir = try temporaryDirectory()
        let dumpFile = dir.appendingPathComponent("sample.txt")
        try Self.dump.write(to: dumpFile, atomically: true, encoding: .utf8)
        let folder = dir.appendingPathComponent("my-places")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try GeoNamesImport(geonames: dumpFile).write(to: folder.appendingPathComponent("geonames_sample.tsv"))
        return (folder, try Gazetteer.load(from: Fixture.directory, adding: [folder], shapes: false))
    }

    func testAnImportThatRepeatsBundledIdsMergesIntoThemInsteadOfFailing() throws {
        let (folder, withUser) = try imported()
        XCTAssertEqual(withUser.places.count, g.places.count + 2, "Kutaisi and Batumi are new; Kharkiv, Izium, Beirut and Saraqib merge")
        XCTAssertEqual(withUser.layers.map(\.added), [2])
        XCTAssertEqual(withUser.layers.map(\.merged), [4])
        XCTAssertEqual(try withUser.resolve("Koutaissi").place.id, "geonames:613607")
        XCTAssertEqual(withUser.layers.first?.directory, folder)
        // One place each, keeping the bundled row, with the imported spellings added.
        XCTAssertEqual(try withUser.resolve("Saraqib-test-spelling").place.id, "geonames:164816")
        XCTAssertEqual(try withUser.resolve("Bayrut-test-spelling").place.id, "geonames:276781")
        XCTAssertEqual(withUser.place(id: "geonames:164816")?.source, g.place(id: "geonames:164816")?.source)
        XCTAssertEqual(try withUser.resolve("Charkiw").place.id, "geonames:706483")
    }

    func testImportingSyriasOwnRowsOnTopOfTheBundledDataWorks() throws {
        // Every bundled GeoNames row of Syria written back as an import: all merge, none is added.
        let syrian = g.places.filter { $0.country == "SY" && $0.id.hasPrefix("geonames:") && $0.kind.isSettlement }
        XCTAssertGreaterThan(syrian.count, 300)
        let folder = try temporaryDirectory()
        try PlaceTable.text(syrian.map { p in
            Place(id: p.id, name: p.name, kind: p.kind, coordinate: p.coordinate, country: "SY", admin1: p.admin1,
                  population: p.population, alternateNames: ["\(p.name) (import)"], source: "GeoNames")
        }).write(to: folder.appendingPathComponent("geonames_SY.tsv"), atomically: true, encoding: .utf8)
        let again = try Gazetteer.load(from: Fixture.directory, adding: [folder], shapes: false)
        XCTAssertEqual(again.places.count, g.places.count)
        XCTAssertEqual(again.layers.first?.merged, syrian.count)
        XCTAssertEqual(try again.resolve("Saraqib (import)").place.id, "geonames:164816")
    }

    func testASettlementOfTheSameNameWithinFiveHundredMetresIsTheSamePlace() throws {
        let folder = try temporaryDirectory()
        // Jobas (OpenStreetMap node 571192898) again under an id of the user's, 100 m away.
        let jobas = try XCTUnwrap(g.place(id: "osm:node/571192898"))
        let moved = Geodesic.wgs84.destination(from: jobas.coordinate, azimuth: 90, distance: 100).point
        let copy = try PlaceFile.handPlace(name: "Jobas", coordinate: moved, kind: .village, country: "SY",
                                           alternateNames: ["Joubas-test"], source: "test")
        XCTAssertThrowsError(try PlaceFile.add(copy, to: folder, checkingAgainst: g)) { e in
            XCTAssertTrue("\(e)".contains("already has Jobas (osm:node/571192898) 100 m away"), "\(e)")
        }
        try PlaceTable.text([copy]).write(to: folder.appendingPathComponent("mine.tsv"), atomically: true, encoding: .utf8)
        let merged = try Gazetteer.load(from: Fixture.directory, adding: [folder], shapes: false)
        XCTAssertEqual(merged.places.count, g.places.count)
        XCTAssertEqual(try merged.resolve("Joubas-test").place.id, "osm:node/571192898")
        XCTAssertNotNil(merged.place(id: "pm:jobas"), "the user's id finds the place too")
    }

    func testAddingAPlaceWritesTheUserFolderAndRefusesBadInput() throws {
        let folder = try temporaryDirectory().appendingPathComponent("new-folder")
        let ozurgeti = try PlaceFile.handPlace(name: "Ozurget'i", coordinate: Coordinate(lon: 42.00525, lat: 41.92336),
                                               kind: .town, country: "GE", source: "GeoNames 612536")
        XCTAssertEqual(ozurgeti.id, "pm:ozurgeti")
        let file = try PlaceFile.add(ozurgeti, to: folder, checkingAgainst: g)
        XCTAssertEqual(file.lastPathComponent, "added.tsv")
        XCTAssertEqual(try PlaceTable.parse(try String(contentsOf: file, encoding: .utf8), file: file.path), [ozurgeti])
        XCTAssertThrowsError(try PlaceFile.add(ozurgeti, to: folder, checkingAgainst: g))
        XCTAssertThrowsError(try PlaceFile.handPlace(name: "X", coordinate: Coordinate(lon: 200, lat: 1), kind: .village,
                                                     country: "UA", source: "s"))
        XCTAssertThrowsError(try PlaceFile.handPlace(name: "X", coordinate: Coordinate(lon: 20, lat: 1), kind: .village,
                                                     country: "Ukraine", source: "s"))
        XCTAssertThrowsError(try PlaceFile.handPlace(name: "X", coordinate: Coordinate(lon: 20, lat: 1), kind: .village,
                                                     country: "UA", source: " "))
        let withIt = try Gazetteer.load(from: Fixture.directory, adding: [folder], shapes: false)
        XCTAssertEqual(try withIt.resolve("Ozurget'i").place.id, "pm:ozurgeti")
    }

    func testTheEnvironmentNamesUserFolders() throws {
        let a = try temporaryDirectory(), b = try temporaryDirectory()
        XCTAssertEqual(try PlaceLayers.fromEnvironment(["PLACEMAP_GAZETTEER_PATH": "\(a.path)::\(b.path)"]).map(\.path), [a.path, b.path])
        XCTAssertEqual(try PlaceLayers.fromEnvironment([:]), [])
        XCTAssertThrowsError(try PlaceLayers.fromEnvironment(["PLACEMAP_GAZETTEER_PATH": "/nonexistent/places"])) { e in
            XCTAssertEqual("\(e)", "PLACEMAP_GAZETTEER_PATH: /nonexistent/places is not a folder")
        }
    }

    func testATextIsAtHomeWhereTheplacesItNamesWithoutDoubtLie() throws {
        let (_, withUser) = try imported()
        let ukraine = withUser.homeRegion(of: "Shelling hit Kharkiv and Izium; Russia said it had regrouped.")
        XCTAssertEqual(ukraine.country, "UA")
        XCTAssertEqual(ukraine.admin1, ["Kharkiv"], "the bundled rows keep their English division names")
        let georgia = withUser.homeRegion(of: "Storms closed the port of Batumi.")
        XCTAssertEqual(georgia, HomeRegion(country: "GE", admin1: ["04"]), "admin1 codes stay codes without an admin1 codes file")
        let syria = withUser.homeRegion(of: "Troops entered Saraqeb as Turkey sent convoys toward Idlib province.")
        XCTAssertEqual(syria.country, "SY")
        XCTAssertTrue(syria.admin1.isSuperset(of: HomeRegion.northwesternSyria.admin1))
        // Names of several countries (Damascus) give no clue; no clue at all: northwestern Syria.
        XCTAssertEqual(withUser.homeRegion(of: "Damascus said nothing."), .northwesternSyria)
        // A name that is one city's own and only an old name of a city elsewhere is a clue for the first.
        XCTAssertEqual(withUser.homeRegion(of: "Missiles struck Odesa.").country, "UA")
        XCTAssertEqual(withUser.homeRegion(of: "Nothing named here."), .northwesternSyria)
        // Countries named only count when no place decides.
        XCTAssertEqual(withUser.homeRegion(of: "Talks on Ukraine went on.").country, "UA")
        // Tiers seen from Ukraine: Kharkiv oblast, Ukraine, its neighbours (Russia), the world (Syria).
        let home = HomeRegion(country: "UA", admin1: ["Kharkiv"])
        XCTAssertEqual(withUser.tier(of: withUser.place(id: "geonames:706483")!, home: home), 0)
        XCTAssertEqual(withUser.tier(of: withUser.place(id: "geonames:524901")!, home: home), 2)
        XCTAssertEqual(withUser.tier(of: withUser.place(id: "geonames:164816")!, home: home), 3)
    }

    func testVillagesMissingFromEverySourceStayUnknown() {
        // Named in reports of February 2020, absent from OpenStreetMap's matched subset, GeoNames cities500 and
        // the hand rows: never given a guessed point (Khan al-Asal has a hand row with its source).
        for name in ["Trunbah", "Talhiyah", "Tell Tuqan", "Rashidin", "Kafr Halab", "Mizanaz", "Zardana", "Mastumah",
                     "Nayrab air base", "Nayrab military airport"] {
            XCTAssertThrowsError(try g.resolve(name), name) { e in
                guard case PlacesError.unknownPlace = e else { return XCTFail("\(name): \(e)") }
            }
        }
        XCTAssertEqual(try g.resolve("Khan al-Asal").place.id, "pm:khan-al-asal")
    }

    func testTheAttributionCreditsTheSourcesOfThePlacesLoaded() throws {
        XCTAssertTrue(g.attribution.contains("© OpenStreetMap contributors, ODbL 1.0"), g.attribution)
        XCTAssertTrue(g.attribution.contains("GeoNames"), g.attribution)
        XCTAssertTrue(g.attribution.contains("Natural Earth"), g.attribution)
        let onlyHand = try Gazetteer(places: g.places.filter { $0.id.hasPrefix("pm:") && $0.otherIDs.isEmpty },
                                     directory: g.directory, credits: Credits(file: g.directory.appendingPathComponent("attribution.tsv")))
        XCTAssertFalse(onlyHand.attribution.contains("OpenStreetMap"), onlyHand.attribution)
        let other = Credits().text(licences: ["CC-BY-SA-4.0"], files: [])
        XCTAssertEqual(other, "Places under CC-BY-SA-4.0")
    }

    func testOptionalColumnsRoundTrip() throws {
        let saraqib = try XCTUnwrap(g.place(id: "geonames:164816"))
        XCTAssertEqual(saraqib.pcode, "C3916")
        XCTAssertEqual(saraqib.otherIDs, ["osm:node/572539075"])
        XCTAssertEqual(saraqib.admin3, "Saraqab")
        XCTAssertEqual(saraqib.licences, ["CC-BY-4.0", "ODbL-1.0"])
        XCTAssertEqual(g.place(id: "osm:node/572539075")?.id, "geonames:164816")
        let text = PlaceTable.text([saraqib])
        XCTAssertTrue(text.hasPrefix(PlaceTable.columns.joined(separator: "\t") + "\tother_ids\tpcode\tadmin2\tadmin3\tlicence\n"))
        XCTAssertEqual(try PlaceTable.parse(text, file: "-"), [saraqib])
        XCTAssertThrowsError(try PlaceTable.parse(PlaceTable.columns.joined(separator: "\t") + "\tcolour\n", file: "f.tsv")) { e in
            XCTAssertTrue("\(e)".hasPrefix("f.tsv:1: unknown column 'colour'"), "\(e)")
        }
    }
}
