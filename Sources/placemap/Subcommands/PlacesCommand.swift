import ArgumentParser
import GeoModel
import Places
import Queries

extension PlaceKind: ExpressibleByArgument {}

/// `placemap places`: list gazetteer places, optionally within a distance of a place.
struct PlacesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "places",
        abstract: "List gazetteer places, all or those within --km of --near, nearest first.")

    @Option(help: "A place name or LON,LAT to measure from (geodesic, WGS84).") var near: String?
    @Option(parsing: .unconditional, help: "The radius around --near in kilometres.") var km: Kilometres?
    @Option(help: "Only this kind: \(PlaceKind.allCases.map(\.rawValue).joined(separator: ", ")).") var kind: [PlaceKind] = []
    @Option(help: "Output: table, json or geojson.") var format: PlaceFormat = .table

    func validate() throws {
        if km != nil, near == nil { throw ValidationError("--km needs --near") }
        // The radius `near` accepts (0 to 20,000 km), one error line otherwise.
        if let km = km?.value, !(km >= 0 && km <= QueriesError.maxRadiusKm) { throw ValidationError(QueriesError.badRadius(km: km).description) }
    }

    func run() throws {
        let g = try CLI.gazetteer(shapes: false)
        let kinds = kind.isEmpty ? nil : Set(kind)
        let rows: [(place: Place, metres: Double?)]
        if let near {
            let from = try CLI.position(near) { g }
            let found = km.map { g.places(within: $0.value * 1000, of: from, kinds: kinds) }
                ?? g.nearest(to: from, limit: g.places.count, kinds: kinds)
            rows = found.map { ($0.place, $0.metres) }
        } else {
            rows = g.places.filter { kinds?.contains($0.kind) ?? true }.sorted { $0.id < $1.id }.map { ($0, nil) }
        }
        switch format {
        case .table:
            var t = [["id", "name", "kind", "lon", "lat", "country", "admin1"] + (near == nil ? [] : ["km"])]
            for (p, m) in rows {
                t.append([p.id, p.name, p.kind.rawValue, Format.fixed(p.coordinate.lon, 6), Format.fixed(p.coordinate.lat, 6),
                          p.country, p.admin1] + (m.map { [Format.fixed($0 / 1000, 2)] } ?? []))
            }
            print(Format.table(t))
        case .json:
            print(JSONWriter.string(.array(rows.map { PlaceJSON.object($0.place, metres: $0.metres) })))
        case .geojson:
            print(GeoJSON.encode(FeatureCollection(features: rows.map { PlaceJSON.feature($0.place, metres: $0.metres) })))
        }
    }
}
