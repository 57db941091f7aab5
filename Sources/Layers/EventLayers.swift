import Events
import GeoModel

/// What every FeatureCollection PlaceMap writes says about its data's origin (the `attribution` member).
public enum Attribution {
    /// The credit line: places from GeoNames (CC BY 4.0), borders from Natural Earth (public domain),
    /// events and layers by PlaceMap.
    public static let text = "Places: GeoNames (geonames.org), CC BY 4.0; borders: Natural Earth (naturalearthdata.com), "
        + "public domain; events, front lines and layers: PlaceMap"

    /// The foreign members of a layer: `attribution` and `name` (GDAL reads `name` as the layer name).
    public static func members(name: String) -> [String: JSONValue] {
        ["attribution": .string(text), "name": .string(name)]
    }
}

/// Event layers streamed to files: a FeatureCollection of events (plus any other features, such as a
/// day's front line) and the RFC 8142 sequence.
public enum EventLayers {
    /// The bounding box of the events at `indices` (all when nil) and of `extra`; nil when none has a position.
    public static func bounds(_ events: [Event], indices: [Int32]?, extra: [Feature] = []) -> BoundingBox? {
        var box = FeatureCollection(features: extra).computedBoundingBox
        func add(_ e: Event) {
            guard let c = e.coordinate else { return }
            if box == nil { box = BoundingBox(west: c.x, south: c.y, east: c.x, north: c.y) } else { box!.extend(with: c) }
        }
        if let indices { for k in indices { add(events[Int(k)]) } } else { for e in events { add(e) } }
        return box
    }

    /// Writes the events at `indices` (all when nil, in array order), then `extra`, as one FeatureCollection
    /// named `name` at `path` (temporary file and rename). Throws `LayersError.unwritableOutput`.
    public static func writeCollection(_ events: [Event], indices: [Int32]?, extra: [Feature] = [],
                                       to path: String, name: String) throws {
        let w = try FeatureCollectionWriter(path: path, bbox: bounds(events, indices: indices, extra: extra),
                                            members: Attribution.members(name: name))
        if let indices { for k in indices { w.write(event: events[Int(k)]) } } else { for e in events { w.write(event: e) } }
        for f in extra { w.write(feature: f) }
        try w.finish()
    }

    /// Writes every event as an RFC 8142 GeoJSON text sequence at `path`. Throws `LayersError.unwritableOutput`.
    public static func writeSequence(_ events: [Event], to path: String) throws {
        let w = try FeatureSequenceWriter(path: path)
        for e in events { w.write(event: e) }
        try w.finish()
    }
}
