import GeoModel

/// What sort of place a gazetteer row is.
public enum PlaceKind: String, Sendable, Hashable, CaseIterable {
    case city, town, village, airbase, crossing
    case observationPost = "observation_post"
    case capital, country, governorate

    /// The ACLED-style location precision of an event placed here: 3 for regions and countries, else 1.
    public var geoPrecision: Int { self == .governorate || self == .country ? 3 : 1 }
}

/// A named place with real coordinates and its other spellings.
public struct Place: Hashable, Sendable {
    /// `geonames:<id>` for GeoNames rows, `pm:<slug>` for rows added by hand.
    public var id: String
    public var name: String
    public var kind: PlaceKind
    /// The place's point (longitude, latitude; a region's label point).
    public var coordinate: Coordinate
    /// ISO 3166-1 alpha-2 country code.
    public var country: String
    /// The first-level division (governorate), in English; empty for countries.
    public var admin1: String
    public var population: Int?
    public var alternateNames: [String]
    /// Where the coordinate comes from.
    public var source: String

    public init(id: String, name: String, kind: PlaceKind, coordinate: Coordinate, country: String, admin1: String,
                population: Int?, alternateNames: [String], source: String) {
        self.id = id; self.name = name; self.kind = kind; self.coordinate = coordinate; self.country = country
        self.admin1 = admin1; self.population = population; self.alternateNames = alternateNames; self.source = source
    }
}
