import GeoModel

/// A highway drawn as a line through the places it passes, in road order.
public struct Highway: Sendable, Hashable {
    /// Short id: "M4", "M5".
    public var id: String
    /// Display name: "M4 highway".
    public var name: String
    /// Other names the news uses ("M-4", "Latakia-Aleppo highway").
    public var alternateNames: [String]
    /// The line, longitude first, through the `via` places.
    public var line: [Coordinate]
    /// The names of the places the line passes through, in road order.
    public var via: [String]
    /// The gazetteer ids of the `via` places, in the same order.
    public var viaIDs: [String]
    /// The largest measured distance (kilometres) between the drawn line and a place known to lie on
    /// the road; nil when not measured.
    public var knownErrorKm: Double?
    /// Where the line comes from.
    public var source: String

    /// A highway from its parts.
    public init(id: String, name: String, alternateNames: [String] = [], line: [Coordinate], via: [String],
                viaIDs: [String] = [], knownErrorKm: Double?, source: String) {
        self.id = id; self.name = name; self.alternateNames = alternateNames; self.line = line; self.via = via
        self.viaIDs = viaIDs; self.knownErrorKm = knownErrorKm; self.source = source
    }

    /// The key a highway name folds to: letters and digits only, lower case, without a trailing
    /// "highway", "motorway", "road" or "international highway" ("M-5 highway" → "m5").
    static func key(_ name: String) -> String {
        var words = name.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        while let last = words.last, ["highway", "motorway", "road", "international", "freeway"].contains(last) {
            words.removeLast()
        }
        return String(words.joined().unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic
            || ("0"..."9").contains($0)) }.map(Character.init))
    }
}

/// A first-level region (governorate) with its polygon and label point.
public struct Region: Sendable, Hashable {
    /// Same id as the region's place row (`pm:gov-idlib`).
    public var id: String
    /// Display name: "Idlib Governorate".
    public var name: String
    /// Polygon or MultiPolygon, longitude first.
    public var geometry: Geometry
    /// Where to put the region's label (and its point as a place).
    public var label: Coordinate
    /// How the boundary was made ("hull of gazetteer places (approximate)").
    public var boundary: String
    /// Where the polygon comes from.
    public var source: String

    /// A region from its parts.
    public init(id: String, name: String, geometry: Geometry, label: Coordinate, boundary: String, source: String) {
        self.id = id; self.name = name; self.geometry = geometry; self.label = label; self.boundary = boundary
        self.source = source
    }

    /// True when `c` lies inside the region's polygon (even-odd rule over every ring; a point on an
    /// edge may fall either way). Planar in degrees, which is exact enough for region membership.
    public func contains(_ c: Coordinate) -> Bool {
        for polygon in geometry.polygons {
            var inside = false
            for ring in polygon where ring.count > 2 {
                var j = ring.count - 1
                for i in 0..<ring.count {
                    let a = ring[i], b = ring[j]
                    if (a.y > c.y) != (b.y > c.y), c.x < (b.x - a.x) * (c.y - a.y) / (b.y - a.y) + a.x { inside.toggle() }
                    j = i
                }
            }
            if inside { return true }
        }
        return false
    }
}
