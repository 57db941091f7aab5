import Events
import GeoModel

/// Events as GeoJSON Features: a Point at the event's coordinate (a region's event at the region's
/// label point), the properties of `extract`'s JSON, plus `time` (ISO 8601 UTC of the first day,
/// "2020-02-06T00:00:00Z") and `timestamp` (Unix epoch milliseconds of the same instant) for
/// time-aware viewers; both null for undated events. The feature's `id` is the event's id.
public enum EventFeatures {
    /// The ISO 8601 UTC instant of midnight at the start of `day`: "2020-02-06T00:00:00Z".
    public static func time(_ day: Day) -> String { "\(day)T00:00:00Z" }

    /// The feature's properties: `Event.json` plus `time` and `timestamp`.
    public static func properties(of e: Event) -> [String: JSONValue] {
        var p = e.json.objectValue ?? [:]
        p["time"] = .string(e.start.map(time))
        p["timestamp"] = e.start.map { .number(Double($0.epochMilliseconds)) } ?? .null
        return p
    }

    /// The event as a Feature (geometry null when the event has no coordinate, as statements).
    public static func feature(of e: Event) -> Feature {
        Feature(id: .string(e.id), geometry: e.coordinate.map(Geometry.point), properties: properties(of: e))
    }
}
