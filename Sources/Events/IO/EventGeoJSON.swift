import GeoModel

/// Events as a GeoJSON FeatureCollection of Points (RFC 7946) whose properties are the keys of the
/// event JSON object (`extract --format jsonl`) without `lon` and `lat`, which the Point carries.
public enum EventGeoJSON {
    /// The event as a Feature: a Point (null geometry for a statement without coordinates) and the
    /// event's JSON keys as properties, plus `extra` properties (for example a query's `distance_km`).
    public static func feature(_ e: Event, extra: [String: JSONValue] = [:]) -> Feature {
        var props = e.json.objectValue ?? [:]
        props["lon"] = nil
        props["lat"] = nil
        for (k, v) in extra { props[k] = v }
        return Feature(geometry: e.coordinate.map { .point($0) }, properties: props)
    }

    /// The events as byte-stable GeoJSON text (sorted keys, six decimals).
    public static func encode(_ events: [Event]) -> String {
        GeoJSON.encode(FeatureCollection(features: events.map { feature($0) }))
    }

    /// Events from a GeoJSON FeatureCollection of Points; throws `EventFileError` naming `file` and the
    /// 1-based feature that is not an event (not a Point, out-of-range coordinates, bad keys).
    public static func decode(_ text: String, file: String) throws -> [Event] {
        let collection: FeatureCollection
        do { collection = try GeoJSON.decodeCollection(text) } catch {
            throw EventFileError.unknownFormat(file: file, message: "not GeoJSON: \(error)")
        }
        return try collection.features.enumerated().map { i, f in
            var o = f.properties ?? [:]
            switch f.geometry {
            case .point(let c)?:
                guard c.isValidGeographic else {
                    throw EventFileError.malformedFeature(
                        file: file, index: i + 1, message: "coordinates \(c.lon),\(c.lat) are out of range")
                }
                o["lon"] = .number(c.lon)
                o["lat"] = .number(c.lat)
            case nil:
                o["lon"] = nil
                o["lat"] = nil
            case let g?:
                throw EventFileError.malformedFeature(file: file, index: i + 1, message: "an event must be a Point, not a \(g.typeName)")
            }
            if o["id"] == nil, let id = f.id?.stringValue { o["id"] = .string(id) }
            do { return try Event(json: .object(o)) } catch {
                throw EventFileError.malformedFeature(file: file, index: i + 1, message: "\(error)")
            }
        }
    }
}
