import EventModel
import Extraction
import FileIO
import GeoModel
import Places

/// The days of a gold row: `start...end`, or an undated past happening ending by `end` (empty `date_start`).
public struct GoldDates: Sendable, Hashable {
    /// The first day, or nil for "undated, on or before `end`".
    public var start: Day?
    /// The last day.
    public var end: Day

    /// Dates of a row; `start` nil means undated before `end`.
    public init(start: Day?, end: Day) { self.start = start; self.end = end }
}

/// One row of `gold_events.csv`: an event as an analyst coded it, in the style of ACLED.
public struct GoldEvent: Sendable, Hashable {
    /// The article's file name ("2019-05-10_dailystar_qalaat-al-madiq.txt").
    public var article: String
    /// The row number within the article (the `row` column).
    public var row: Int
    /// The 1-based line of the row in its file, for messages.
    public var line: Int
    /// When it happened.
    public var dates: GoldDates
    /// The place as coded ("Hawash (near Kfar Nabuda)").
    public var place: String
    /// The gold point, or nil when the place could not be geocoded from a citable source.
    public var coordinate: Coordinate?
    /// How far (metres, geodesic) an extracted event may lie from `coordinate` and still match.
    public var toleranceMetres: Double
    /// 1 = the named place, 2 = near it, 3 = a region.
    public var geoPrecision: Int
    /// The ACLED event type.
    public var type: EventType
    /// The ACLED sub-event type as coded (may be "unspecified (…)").
    public var subType: String
    /// Who acted ("Syrian government forces"; "unidentified (…)" when the text does not say).
    public var actor1: String
    /// Who was acted on (may be empty).
    public var actor2: String
    /// Reported deaths, or nil when the text gives no number.
    public var fatalities: Int?
    /// True when the event or its decisive element rests on one party's word.
    public var claimed: Bool
    /// The analyst's notes; `[background]`, `[aggregate]` and `[caption]` mark row kinds.
    public var notes: String

    /// A row.
    public init(article: String, row: Int, line: Int = 0, dates: GoldDates, place: String, coordinate: Coordinate?,
                toleranceMetres: Double, geoPrecision: Int, type: EventType, subType: String, actor1: String,
                actor2: String = "", fatalities: Int? = nil, claimed: Bool = false, notes: String = "") {
        self.article = article; self.row = row; self.line = line; self.dates = dates; self.place = place
        self.coordinate = coordinate; self.toleranceMetres = toleranceMetres; self.geoPrecision = geoPrecision
        self.type = type; self.subType = subType; self.actor1 = actor1; self.actor2 = actor2
        self.fatalities = fatalities; self.claimed = claimed; self.notes = notes
    }

    /// True for a campaign-level row (notes start with `[background]`), scored apart from discrete events.
    public var isBackground: Bool { notes.hasPrefix("[background]") }

    /// The tolerance of a precision when `tol_km` is empty: the corpus's convention (1 → 3 km, 2 → 10 km,
    /// 3 → 60 km), in metres.
    public static func defaultToleranceMetres(precision: Int) -> Double {
        switch precision {
        case 1: return 3_000
        case 2: return 10_000
        default: return 60_000
        }
    }

    /// The names a row's place stands for, used when the row has no coordinate: the text before the first
    /// parenthesis, and each part inside parentheses (split at ";" and ","); from each, a leading relative
    /// position is dropped ("near X", "north of X", "village west of X" → X). So "Homs (village west of Al
    /// Burj)" gives Homs and Al Burj, and "north of Tal Melh" gives Tal Melh.
    public var placeNames: [String] {
        var parts: [String] = []
        var head = "", inside = "", depth = 0
        for c in place {
            switch c {
            case "(": depth += 1; if depth == 1 { inside = ""; continue }
            case ")":
                depth = max(0, depth - 1)
                if depth == 0 {
                    parts += inside.split(whereSeparator: { $0 == ";" || $0 == "," }).map(String.init)
                    inside = ""
                    continue
                }
            default: break
            }
            if depth == 0 { head.append(c) } else { inside.append(c) }
        }
        var out: [String] = []
        for name in [head] + parts {
            let n = GoldEvent.droppingRelativePosition(name.trimmingCharacters(in: .whitespaces))
            if !n.isEmpty, !out.contains(n) { out.append(n) }
        }
        return out
    }

    /// Direction words that make "<direction> of X" a relative position.
    static let directions: Set<String> = [
        "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
        "north-east", "north-west", "south-east", "south-west", "outskirts",
    ]

    /// `name` without a leading "near " or "… <direction> of ".
    static func droppingRelativePosition(_ name: String) -> String {
        let lower = name.lowercased()
        if lower.hasPrefix("near ") { return String(name.dropFirst(5)).trimmingCharacters(in: .whitespaces) }
        guard let of = lower.range(of: " of ") else { return name }
        let before = lower[..<of.lowerBound].split(separator: " ")
        guard let last = before.last, directions.contains(String(last)) else { return name }
        let offset = lower.distance(from: lower.startIndex, to: of.upperBound)
        return String(name.dropFirst(offset)).trimmingCharacters(in: .whitespaces)
    }

    /// True when `name` folds (`NameKey.fold`) to the key of one of `placeNames`.
    public func hasPlaceName(_ name: String) -> Bool {
        let key = NameKey.fold(name)
        return !key.isEmpty && placeNames.contains { NameKey.fold($0) == key }
    }
}

/// Reading `gold_events.csv`.
public enum GoldEvents {
    /// The columns the file must have.
    public static let columns = ["article", "row", "date_start", "date_end", "place", "lat", "lon", "tol_km",
                                 "geo_precision", "event_type", "sub_event_type", "actor1", "actor2", "fatalities",
                                 "claimed", "notes"]

    /// Reads every row of a gold events file.
    /// - Throws: `EvaluationError` naming the file and line: a missing column, an empty `article` or
    ///   `date_end`, a bad date, `date_start` after `date_end`, a latitude without longitude or out of range, a
    ///   bad tolerance, precision not 1–3, an event type outside ACLED's, a bad number or flag, a repeated
    ///   article and row.
    public static func read(path: String) throws -> [GoldEvent] {
        var seen = Set<String>()
        return try GoldTable(path: path, columns: columns).rows.map { r in
            let e = try event(r)
            guard seen.insert("\(e.article)#\(e.row)").inserted else {
                throw r.error("article \(e.article) row \(e.row) appears twice")
            }
            return e
        }
    }

    /// One row, checked.
    static func event(_ r: GoldTable.Row) throws -> GoldEvent {
        guard let row = try r.integer("row") else { throw r.error("row is empty") }
        guard let end = try r.day("date_end") else { throw r.error("date_end is empty (an undated row has an empty date_start)") }
        let start = try r.day("date_start")
        if let start, start > end { throw r.error("date_start \(start) is after date_end \(end)") }
        guard let precision = try r.integer("geo_precision"), (1...3).contains(precision) else {
            throw r.error("geo_precision must be 1, 2 or 3, not \"\(r.text("geo_precision"))\"")
        }
        let coordinate = try point(r)
        let tolerance = try r.number("tol_km").map { $0 * 1000 } ?? GoldEvent.defaultToleranceMetres(precision: precision)
        guard tolerance >= 0 else { throw r.error("tol_km must not be negative") }
        let typeText = try r.required("event_type")
        guard let type = EventType(rawValue: typeText), type != .statement else {
            throw r.error("event_type \"\(typeText)\" is not an ACLED event type (\(EventType.allCases.filter { $0 != .statement }.map(\.rawValue).joined(separator: ", ")))")
        }
        if let f = try r.integer("fatalities"), f < 0 { throw r.error("fatalities must not be negative") }
        return GoldEvent(article: try r.required("article"), row: row, line: r.line, dates: GoldDates(start: start, end: end),
                         place: try r.required("place"), coordinate: coordinate, toleranceMetres: tolerance,
                         geoPrecision: precision, type: type, subType: r.text("sub_event_type"), actor1: r.text("actor1"),
                         actor2: r.text("actor2"), fatalities: try r.integer("fatalities"), claimed: try r.flag("claimed"),
                         notes: r.text("notes"))
    }

    /// The `lat`/`lon` point, nil when both are empty.
    static func point(_ r: GoldTable.Row) throws -> Coordinate? {
        switch (try r.number("lat"), try r.number("lon")) {
        case (nil, nil): return nil
        case (let lat?, let lon?):
            let c = Coordinate(lon: lon, lat: lat)
            guard c.isValidGeographic else { throw r.error("lat \(lat), lon \(lon) is not a point on Earth") }
            return c
        default: throw r.error("lat and lon must be both given or both empty")
        }
    }
}
