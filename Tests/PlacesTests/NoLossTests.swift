import Foundation
import GeoModel
import Places
import TestSupport
import XCTest

/// More candidates must not make the places that resolved before resolve worse: neither the OpenStreetMap villages
/// (against the GeoNames and hand rows of Syria's theatre), nor the places of the other theatres (against all of
/// Syria's).
final class NoLossTests: XCTestCase {
    let g = Fixture.gazetteer

    /// The ids of the other theatres' places (`geonames_theatres.tsv`, `theatres_hand_added.tsv`).
    static let theatreIDs: Set<String> = {
        var ids = Set<String>()
        for file in ["geonames_theatres.tsv", "theatres_hand_added.tsv"] {
            let url = Fixture.directory.appendingPathComponent("places").appendingPathComponent(file)
            do {
                let text = try String(contentsOf: url, encoding: .utf8)
                ids.formUnion(try PlaceTable.parse(text, file: url.path).flatMap(\.ids))
            } catch { fatalError("\(url.path): \(error)") }
        }
        return ids
    }()

    /// The gazetteer without the places that `leftOut` picks, with the same countries.
    static func without(_ leftOut: (Place) -> Bool) -> Gazetteer {
        let g = Fixture.gazetteer
        do {
            return try Gazetteer(places: g.places.filter { !leftOut($0) }, directory: g.directory, countries: g.countries)
        } catch { fatalError("\(error)") }
    }

    /// The Syrian theatre as it was before the OpenStreetMap villages: no `osm:` rows, no other theatre.
    static let beforeVillages = without { $0.id.hasPrefix("osm:") || theatreIDs.contains($0.id) }
    /// The Syrian theatre as it was before the other theatres: every file but theirs.
    static let beforeTheatres = without { theatreIDs.contains($0.id) }

    /// Every name of `before`'s places (those `only` keeps) that resolved there to its own place, and where it
    /// resolves in `now` when that is another place that `allowed` does not accept (bare names: the home region is
    /// northwestern Syria).
    func changes(from before: Gazetteer, to now: Gazetteer, only: (Place) -> Bool = { _ in true },
                 allowed: (_ was: Place, _ now: Place) -> Bool = { _, _ in false }) throws -> (checked: Int, changed: [String]) {
        var changed: [String] = []
        var checked = 0
        for p in before.places where only(p) {
            for name in [p.name] + p.alternateNames where !Gazetteer.isMachineTransliteration(name) {
                guard let was = try? before.resolve(name), was.place.id == p.id else { continue }
                checked += 1
                let now = try now.resolve(name)
                if now.place.id != was.place.id, !allowed(was.place, now.place) {
                    changed.append("\(name): \(was.place.id) → \(now.place.id) \(now.place.name)")
                }
            }
        }
        return (checked, changed)
    }

    func testEveryNameThatResolvedBeforeTheVillagesResolvesToTheSamePlace() throws {
        let (checked, changed) = try changes(from: Self.beforeVillages, to: Self.without { Self.theatreIDs.contains($0.id) })
        XCTAssertGreaterThan(checked, 2000)
        XCTAssertEqual(changed, [], "\(changed.count) of \(checked)")
    }

    /// Every name of a Syrian place resolves as before, bare, with the other theatres loaded; but for the rule the
    /// resolver already had (`Place.isListed`): with no other place in the context, a town or city listed in its own
    /// right within two tiers (a neighbour's) comes before a village only OpenStreetMap has, as Jerusalem for
    /// "Al-Quds" and Acre for "Akka". In a report, the extractor still takes the home country's village for a small
    /// place abroad (`Gazetteer.reportPlace`), and the nearest namesake when the report names other places.
    func testEverySyrianNameResolvesToTheSamePlaceWithTheOtherTheatresLoaded() throws {
        let larger: Set<PlaceKind> = [.town, .city, .capital]
        let (checked, changed) = try changes(from: Self.beforeTheatres, to: g, only: { $0.country == "SY" }) { was, now in
            !was.isListed && now.isListed && larger.contains(now.kind) && g.tier(of: now) - g.tier(of: was) < 3
        }
        XCTAssertGreaterThan(checked, 9000)
        XCTAssertEqual(changed, [], "\(changed.count) of \(checked)")
    }

    func testASyrianVillageOfAForeignTownsNameStaysInAReportOnIdlib() throws {
        // The bare name takes the town listed in its own right (the rule above); beside the report's other places,
        // the nearest namesake wins.
        let r = try g.resolve("Harran", context: ResolutionContext(text: "Clashes near Harran, Abu Sharji and Rasm al-Ward"))
        XCTAssertEqual(r.place.country, "SY")
    }
}
