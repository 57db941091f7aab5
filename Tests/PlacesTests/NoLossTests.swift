import Foundation
import GeoModel
import Places
import TestSupport
import XCTest

/// More candidates must not make the places that resolved before the OpenStreetMap villages resolve worse.
final class NoLossTests: XCTestCase {
    let g = Fixture.gazetteer

    /// The gazetteer as it was before the villages came: the same files without the rows of their own that
    /// OpenStreetMap added (`osm:` ids).
    static let before: Gazetteer = {
        let g = Fixture.gazetteer
        do {
            return try Gazetteer(places: g.places.filter { !$0.id.hasPrefix("osm:") }, directory: g.directory,
                                 countries: g.countries)
        } catch { fatalError("\(error)") }
    }()

    func testEveryNameThatResolvedBeforeResolvesToTheSamePlace() throws {
        var changed: [String] = []
        var checked = 0
        for p in Self.before.places {
            for name in [p.name] + p.alternateNames where !Gazetteer.isMachineTransliteration(name) {
                guard let was = try? Self.before.resolve(name), was.place.id == p.id else { continue }
                checked += 1
                let now = try g.resolve(name)
                if now.place.id != was.place.id { changed.append("\(name): \(was.place.id) → \(now.place.id) \(now.place.name)") }
            }
        }
        XCTAssertGreaterThan(checked, 2000)
        XCTAssertEqual(changed, [], "\(changed.count) of \(checked)")
    }
}
