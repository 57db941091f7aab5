import Control
import EventModel
import GeoModel

/// What makes a layer open without loss in every GIS tool (GDAL's GeoPackage, Shapefile, FlatGeobuf and
/// KML drivers): one geometry type a file (polygons as MultiPolygon, lines as MultiLineString), flat
/// properties (lists joined by "; ", no nested objects), a `name` for KML placemarks, and `begin`/`end`
/// for KML time spans.
public enum GISLayers {
    /// The features of `c` whose geometry is a Polygon or MultiPolygon, each as a MultiPolygon.
    public static func polygons(of features: [Feature]) -> [Feature] {
        features.compactMap { f in
            guard let g = f.geometry, !g.polygons.isEmpty else { return nil }
            var m = f
            m.geometry = .multiPolygon(g.polygons)
            return m
        }
    }

    /// The features whose geometry is a LineString or MultiLineString, each as a MultiLineString.
    public static func lines(of features: [Feature]) -> [Feature] {
        features.compactMap { f in
            var m = f
            switch f.geometry {
            case .lineString(let l)?: m.geometry = .multiLineString([l])
            case .multiLineString?: break
            default: return nil
            }
            return m
        }
    }

    /// A day's front-line layers: the line (one MultiLineString, `kind` "front_line"), the ground of each side
    /// (MultiPolygons, `kind` "side" or "contested"), and the control of each settlement (Points, `kind`
    /// "control", with `distance_to_line_km`, null when the day has no line). Every feature has `date`,
    /// `begin`, `end` (the day) and a `name`.
    public static func day(_ f: FrontlineDay, coordinates: [String: Coordinate]) -> (line: [Feature], sides: [Feature], control: [Feature]) {
        let date = JSONValue.string(f.date.description)
        let when: [String: JSONValue] = ["date": date, "begin": date, "end": date]
        let line = Feature(geometry: lines(of: [Feature(geometry: f.line)]).first?.geometry ?? .multiLineString([]),
                           properties: when.merging([
                               "kind": "front_line", "name": .string("Front line \(f.date)"), "length_km": km(f.lengthKm),
                               "line_side": .string(f.lineSide.rawValue),
                               "changed_km2": km(f.changedKm2), "advance_km": km(f.advanceKm),
                           ]) { a, _ in a })
        var sides: [Feature] = []
        for side in f.sideOrder {
            guard let g = f.sides[side] else { continue }
            sides.append(Feature(geometry: .multiPolygon(g.rightHanded.polygons), properties: when.merging([
                "kind": side == .contested ? "contested" : "side", "side": .string(side.rawValue),
                "name": .string("\(side.rawValue) ground \(f.date)"), "area_km2": km(f.areaKm2[side.rawValue] ?? 0),
            ]) { a, _ in a }))
        }
        let distance = Dictionary(f.placeDistances.map { ($0.placeID, $0.distanceKm) }, uniquingKeysWith: { a, _ in a })
        let control = f.control.compactMap { c -> Feature? in
            guard let at = coordinates[c.placeID] else { return nil }
            return Feature(geometry: .point(at), properties: when.merging([
                "kind": "control", "place_id": .string(c.placeID), "place": .string(c.place), "name": .string(c.place),
                "side": .string(c.side.rawValue), "distance_to_line_km": distance[c.placeID].map(km) ?? .null,
            ]) { a, _ in a })
        }
        return ([line], sides, control)
    }

    /// The features with every text property cut to a Shapefile's 254 bytes (`FlatText.cut`, ending in "…"),
    /// so that no format holds more of it than another (a long provenance note of a border, for example;
    /// the full text stays in `Gazetteer/`).
    public static func fittingText(_ features: [Feature]) -> [Feature] {
        features.map { f in
            var m = f
            m.properties = f.properties?.mapValues { v in
                if case .string(let s) = v, s.utf8.count > FlatText.maxBytes { return .string(FlatText.cut(s)) }
                return v
            }
            return m
        }
    }

    /// Kilometres rounded to metres, for stable output.
    static func km(_ x: Double) -> JSONValue { .number((x * 1000).rounded() / 1000) }
}

/// The names a Shapefile gives the properties longer than its 10 characters (dBase field names): passed to
/// `ogr2ogr -sql` as aliases (see the README), so that no name is cut by chance and none collides.
public enum ShapefileNames {
    /// Every long property name of PlaceMap's layers and its short name.
    public static let short: [String: String] = [
        "assoc_actor_1": "assoc_act1", "assoc_actor_2": "assoc_act2", "date_precision": "date_prec",
        "fatalities_claimed": "fat_claim", "fatalities_detail": "fat_detail", "fatalities_reported": "fat_report",
        "geo_precision": "geo_prec", "source_report": "src_report", "source_sentence": "src_sent",
        "unresolved_place": "unresolved", "distance_to_line_km": "line_km", "changed_km2": "chg_km2",
        "known_error_km": "error_km", "event_count": "events", "origin_rule": "origin_rul",
        "government_km2": "gov_km2", "opposition_km2": "opp_km2", "turkish_km2": "turk_km2", "contested_km2": "cont_km2",
        "settlements": "settlemnts", "changed_hands": "changed",
    ]

    /// The Shapefile name of a property: itself when it fits in 10 characters, else its entry in `short`,
    /// else, for a side's area (`ukraine_km2`: sides are the control table's words), the side's first six
    /// letters and `_km2`.
    public static func name(_ property: String) -> String? {
        if property.count <= 10 { return property }
        if let s = short[property] { return s }
        return property.hasSuffix("_km2") ? String(property.dropLast(4).prefix(6)) + "_km2" : nil
    }
}
