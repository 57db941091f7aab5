import GeoModel

/// What sort of place a gazetteer row is.
public enum PlaceKind: String, Sendable, Hashable, CaseIterable {
    case city, town, village
    /// A small settlement (OpenStreetMap's `place=hamlet`): a settlement, ranked after villages.
    case hamlet
    case airbase, crossing
    case observationPost = "observation_post"
    case capital, country, governorate

    /// The ACLED-style location precision of an event placed here: 3 for regions and countries, else 1.
    public var geoPrecision: Int { self == .governorate || self == .country ? 3 : 1 }
}

/// A named place with real coordinates and its other spellings.
public struct Place: Hashable, Sendable {
    /// `geonames:<id>` for GeoNames rows, `osm:node/<id>` for OpenStreetMap rows, `pm:<slug>` for rows added
    /// by hand.
    public var id: String
    /// The common English or romanised name.
    public var name: String
    /// What sort of place it is.
    public var kind: PlaceKind
    /// The place's point (longitude, latitude; a region's label point).
    public var coordinate: Coordinate
    /// ISO 3166-1 alpha-2 country code.
    public var country: String
    /// The first-level division (governorate), in English; empty for countries.
    public var admin1: String
    /// The number of inhabitants the source gives, or nil.
    public var population: Int?
    /// Other spellings, in any script.
    public var alternateNames: [String]
    /// Where the coordinate comes from.
    public var source: String
    /// Further ids of the same place in other sources (`osm:node/572539075` for a GeoNames row that
    /// OpenStreetMap also has); `place(id:)` finds the place by any of them.
    public var otherIDs: [String]
    /// The OCHA P-code (`C3916`), or "".
    public var pcode: String
    /// The second- and third-level divisions (district, subdistrict), or "".
    public var admin2: String, admin3: String
    /// The licence of the row's data as SPDX ids ("CC-BY-4.0", "ODbL-1.0", several joined by "; "), or ""
    /// when the file does not say (see `licences`).
    public var licence: String

    /// A place; the parts after `source` are optional.
    public init(id: String, name: String, kind: PlaceKind, coordinate: Coordinate, country: String, admin1: String,
                population: Int?, alternateNames: [String], source: String, otherIDs: [String] = [],
                pcode: String = "", admin2: String = "", admin3: String = "", licence: String = "") {
        self.id = id; self.name = name; self.kind = kind; self.coordinate = coordinate; self.country = country
        self.admin1 = admin1; self.population = population; self.alternateNames = alternateNames; self.source = source
        self.otherIDs = otherIDs; self.pcode = pcode; self.admin2 = admin2; self.admin3 = admin3; self.licence = licence
    }

    /// Every id of the place: `id` first, then `otherIDs`.
    public var ids: [String] { [id] + otherIDs }

    /// The licences of the row's data: the `licence` column when given, else the one its ids imply
    /// (`geonames:` → CC-BY-4.0, `osm:` → ODbL-1.0); empty for rows of facts with their source (`pm:`).
    public var licences: [String] {
        if !licence.isEmpty {
            return licence.split(separator: ";").compactMap { part in
                let t = part.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()
                return t.isEmpty ? nil : String(t)
            }
        }
        var out: [String] = []
        func imply(_ id: String) {
            let implied = id.hasPrefix("geonames:") ? "CC-BY-4.0" : id.hasPrefix("osm:") ? "ODbL-1.0" : nil
            if let implied, !out.contains(implied) { out.append(implied) }
        }
        imply(id)
        for other in otherIDs { imply(other) }
        return out
    }
}
