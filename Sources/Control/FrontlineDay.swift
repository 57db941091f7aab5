import GeoModel
import EventModel

/// How far a named settlement lies from the day's front line, on its own side.
public struct PlaceDistance: Hashable, Sendable {
    /// The settlement's gazetteer id.
    public var placeID: String
    /// Its display name.
    public var place: String
    /// Who holds it.
    public var side: Side
    /// The geodesic distance in kilometres from the settlement to the nearest point of the line.
    public var distanceKm: Double
    /// The nearest point of the line (longitude, latitude).
    public var nearestPoint: Coordinate

    /// A sentence such as "Saraqib 2.1 km behind the government side of the line".
    public var sentence: String {
        "\(place) \(NumberFormat.fixed(distanceKm, 1)) km behind the \(side.rawValue) side of the line"
    }
}

/// A settlement that changed hands since the previous day, as an arrow from the previous line to it.
public struct Movement: Hashable, Sendable {
    /// The settlement's gazetteer id.
    public var placeID: String
    /// Its display name.
    public var place: String
    /// Who held it the day before.
    public var fromSide: Side
    /// Who holds it now.
    public var toSide: Side
    /// The arrow: from the previous line's point nearest the settlement, to the settlement (WGS84).
    public var arrow: Geometry
    /// The arrow's geodesic length in kilometres.
    public var lengthKm: Double
}

/// The front line and figures of one day. Geometries are WGS84 (longitude, latitude).
public struct FrontlineDay: Hashable, Sendable {
    /// The day.
    public var date: Day
    /// The side whose boundary the line is.
    public var lineSide: Side
    /// The table's sides, `lineSide` first and `contested` last.
    public var sideOrder: [Side]
    /// The boundary between `lineSide`'s cells and all others, as a MultiLineString (empty when one side
    /// holds every settlement).
    public var line: Geometry
    /// Each side's part of the area of interest, as a MultiPolygon (sides holding nothing are absent).
    public var sides: [Side: Geometry]
    /// The contested cells as their own MultiPolygon, or nil when none is contested.
    public var contested: Geometry? { sides[.contested] }
    /// The line's geodesic length in kilometres.
    public var lengthKm: Double
    /// Each side's geodesic area in square kilometres, keyed by the side's name (every side, 0 when none).
    public var areaKm2: [String: Double]
    /// The geodesic area in square kilometres whose side differs from the previous day's (0 when the
    /// previous day has no control data).
    public var changedKm2: Double
    /// The largest distance in kilometres from the changed area to the previous day's line (UTM, planar).
    public var advanceKm: Double
    /// Every settlement holding a side this day, in table order.
    public var control: [PlaceControl]
    /// Each settlement's distance to the line, in table order (empty when there is no line).
    public var placeDistances: [PlaceDistance]
    /// The settlements that changed hands since the previous day.
    public var movements: [Movement]
}

extension FrontlineDay {
    /// Kilometre figures rounded to metres (3 decimals) for stable output.
    static func km(_ x: Double) -> JSONValue { .number((x * 1000).rounded() / 1000) }

    /// The day as the JSON object of `placemap frontline --format json`: `date`, `line_side`, `length_km`,
    /// `area_km2` (keyed by side), `changed_km2`, `advance_km`, `control` (list of
    /// `{place_id, place, side, distance_to_line_km}`), `movements` (list of `{place_id, place, from, to, length_km}`).
    public var json: JSONValue {
        let distance = Dictionary(placeDistances.map { ($0.placeID, $0.distanceKm) }, uniquingKeysWith: { a, _ in a })
        return .object([
            "date": .string(date.description),
            "line_side": .string(lineSide.rawValue),
            "length_km": FrontlineDay.km(lengthKm),
            "area_km2": .object(areaKm2.mapValues(FrontlineDay.km)),
            "changed_km2": FrontlineDay.km(changedKm2),
            "advance_km": FrontlineDay.km(advanceKm),
            "control": .array(control.map { c in
                var o: [String: JSONValue] = ["place_id": .string(c.placeID), "place": .string(c.place),
                                              "side": .string(c.side.rawValue)]
                if let d = distance[c.placeID] { o["distance_to_line_km"] = FrontlineDay.km(d) }
                return .object(o)
            }),
            "movements": .array(movements.map {
                ["place_id": .string($0.placeID), "place": .string($0.place), "from": .string($0.fromSide.rawValue),
                 "to": .string($0.toSide.rawValue), "length_km": FrontlineDay.km($0.lengthKm)]
            }),
        ])
    }

    /// GeoJSON features of the day (RFC 7946, right-hand wound): the front line (`kind` "front_line",
    /// with `line_side`, `length_km`, `changed_km2`, `advance_km`), one polygon per side holding ground except
    /// contested (`kind` "side", `side`, `area_km2`), and the contested polygon (`kind` "contested"). Every
    /// feature has `date`.
    public var features: [Feature] {
        let date = JSONValue.string(self.date.description)
        var out = [Feature(geometry: line, properties: [
            "date": date, "kind": "front_line", "line_side": .string(lineSide.rawValue), "length_km": FrontlineDay.km(lengthKm),
            "changed_km2": FrontlineDay.km(changedKm2), "advance_km": FrontlineDay.km(advanceKm),
        ])]
        for side in sideOrder {
            guard let g = sides[side] else { continue }
            out.append(Feature(geometry: g.rightHanded, properties: [
                "date": date, "kind": side == .contested ? "contested" : "side", "side": .string(side.rawValue),
                "area_km2": FrontlineDay.km(areaKm2[side.rawValue] ?? 0),
            ]))
        }
        return out
    }

    /// The movement arrows as GeoJSON features (`kind` "movement", `date`, `place_id`, `place`, `from`,
    /// `to`, `length_km`), for `movements.geojson`.
    public var movementFeatures: [Feature] {
        movements.map {
            Feature(geometry: $0.arrow, properties: [
                "date": .string(date.description), "kind": "movement", "place_id": .string($0.placeID),
                "place": .string($0.place), "from": .string($0.fromSide.rawValue), "to": .string($0.toSide.rawValue),
                "length_km": FrontlineDay.km($0.lengthKm),
            ])
        }
    }
}

/// Text renderings of a run of days, for the command line.
public enum FrontlineReport {
    /// A JSON array with one object a day (`FrontlineDay.json`), keys sorted.
    public static func json(_ days: [FrontlineDay]) -> String { JSONWriter.string(.array(days.map(\.json))) }

    /// A FeatureCollection of every day's line, side polygons and contested polygon.
    public static func geojson(_ days: [FrontlineDay]) -> String {
        GeoJSON.encode(FeatureCollection(features: days.flatMap(\.features)))
    }

    /// A header and one row a day: date, line length, changed area, advance, and each side's area
    /// (km, km², two decimals; sides in the order of the first day), for a text table.
    public static func rows(_ days: [FrontlineDay]) -> [[String]] {
        let sides = days.first?.sideOrder ?? []
        let header = ["date", "length_km", "changed_km2", "advance_km"] + sides.map { "\($0.rawValue)_km2" }
        return [header] + days.map { d in
            [d.date.description, NumberFormat.fixed(d.lengthKm, 2), NumberFormat.fixed(d.changedKm2, 2),
             NumberFormat.fixed(d.advanceKm, 2)] + sides.map { NumberFormat.fixed(d.areaKm2[$0.rawValue] ?? 0, 2) }
        }
    }
}
