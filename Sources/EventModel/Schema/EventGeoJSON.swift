import GeoModel

/// Events as GeoJSON Features (RFC 7946): a Point (a region's event at the region's label point), the
/// event's id as the feature's `id`, and the flat properties of the schema (`EventJSON.flatProperties`).
public enum EventGeoJSON {
    /// The event as a Feature (geometry null for a statement without coordinates), with `extra` properties
    /// (for example a query's `distance_km`).
    public static func feature(_ e: Event, extra: [String: JSONValue] = [:]) -> Feature {
        var props = EventJSON.flatProperties(e)
        for (k, v) in extra { props[k] = v }
        return Feature(id: .string(e.id), geometry: e.coordinate.map { .point($0) }, properties: props)
    }

    /// The events as byte-stable GeoJSON text (sorted keys, six decimals).
    public static func encode(_ events: [Event]) -> String {
        GeoJSON.encode(FeatureCollection(features: events.map { feature($0) }))
    }

    /// Events from a GeoJSON FeatureCollection of Points; `sources` gives the full sources by event id (from
    /// the `sources.csv` beside the file) when known. Throws `EventFileError` naming `file` and the 1-based
    /// feature that is not an event (not a Point, out-of-range coordinates, bad properties).
    public static func decode(_ text: String, file: String, sources: [String: [EventSource]]? = nil) throws -> [Event] {
        let collection: FeatureCollection
        do { collection = try GeoJSON.decodeCollection(text) } catch {
            throw EventFileError.unknownFormat(file: file, message: "not GeoJSON: \(error)")
        }
        return try collection.features.enumerated().map { i, f in
            do { return try event(f, sources: sources) } catch {
                throw EventFileError.malformedFeature(file: file, index: i + 1, message: "\(error)")
            }
        }
    }

    /// One feature's event. Throws a one-line message.
    public static func event(_ f: Feature, sources: [String: [EventSource]]?) throws -> Event {
        var props = f.properties ?? [:]
        if props["id"] == nil, let id = f.id?.stringValue { props["id"] = .string(id) }
        var coordinate: Coordinate?
        switch f.geometry {
        case .point(let c)?:
            guard c.isValidGeographic else { throw EventJSONError("coordinates \(c.lon),\(c.lat) are out of range") }
            coordinate = c
        case nil: coordinate = nil
        case let g?: throw EventJSONError("an event must be a Point, not a \(g.typeName)")
        }
        let id = props["id"]?.stringValue ?? ""
        // A feature written as JSON Lines keys (an older PlaceMap file) carries its lists whole.
        let isFlat = props[FlatExtraField.fatalitiesReported.name] != nil || props["sources"]?.numberValue != nil
        if !isFlat {
            var values = try EventJSON.values(of: .object(props))
            values[.lon] = .real(coordinate?.lon)
            values[.lat] = .real(coordinate?.lat)
            return try values.event()
        }
        return try EventJSON.values(ofFlat: props, coordinate: coordinate, sources: sources?[id]).event()
    }
}
