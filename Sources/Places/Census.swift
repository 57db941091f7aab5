import GeoModel

/// Counts of a gazetteer's places, for `placemap gazetteer stats`.
public struct Census: Sendable, Hashable {
    /// Places counted.
    public var total: Int
    /// Kind → places of that kind.
    public var byKind: [PlaceKind: Int]
    /// Source (`Place.origin`: "geonames", "geonames+osm", "osm", "pm", "pm+osm", ...) → settlements.
    public var settlementsBySource: [String: Int]
    /// Settlements (cities, towns, villages, hamlets, capitals) counted.
    public var settlements: Int
}

extension Place {
    /// Where the place comes from, by the schemes of its ids in order: "geonames" (GeoNames), "osm"
    /// (OpenStreetMap), "pm" (added by hand or computed by the build), joined by "+" ("geonames+osm").
    public var origin: String {
        var schemes: [String] = []
        for id in ids {
            let scheme = id.split(separator: ":", maxSplits: 1).first.map(String.init) ?? id
            if !schemes.contains(scheme) { schemes.append(scheme) }
        }
        return schemes.joined(separator: "+")
    }
}

extension Gazetteer {
    /// The counts of every place, or of the places within `metres` (geodesic) of `centre` when given.
    public func census(near centre: Coordinate? = nil, metres: Double = 0) -> Census {
        let chosen = centre.map { c in places(within: metres, of: c).map(\.place) } ?? places
        var byKind: [PlaceKind: Int] = [:], bySource: [String: Int] = [:]
        var settlements = 0
        for p in chosen {
            byKind[p.kind, default: 0] += 1
            guard p.kind.isSettlement else { continue }
            settlements += 1
            bySource[p.origin, default: 0] += 1
        }
        return Census(total: chosen.count, byKind: byKind, settlementsBySource: bySource, settlements: settlements)
    }
}
