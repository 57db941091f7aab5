/// A GeoJSON Feature (RFC 7946 §3.2): a geometry (or none) with properties.
public struct Feature: Hashable, Sendable {
    /// The feature's `id` member: a string or a number, when present.
    public var id: JSONValue?
    /// The geometry; nil is written as `"geometry": null`.
    public var geometry: Geometry?
    /// The properties; nil is written as `"properties": null`.
    public var properties: [String: JSONValue]?
    /// The `bbox` member, when present.
    public var bbox: [Double]?
    /// Members other than those RFC 7946 defines, kept as read (RFC 7946 §6.1).
    public var foreignMembers: [String: JSONValue]

    public init(id: JSONValue? = nil, geometry: Geometry?, properties: [String: JSONValue]? = [:],
                bbox: [Double]? = nil, foreignMembers: [String: JSONValue] = [:]) {
        self.id = id; self.geometry = geometry; self.properties = properties
        self.bbox = bbox; self.foreignMembers = foreignMembers
    }

    /// The property `key`, when present.
    public subscript(property key: String) -> JSONValue? { properties?[key] }
}

/// A GeoJSON FeatureCollection (RFC 7946 §3.3).
public struct FeatureCollection: Hashable, Sendable {
    public var features: [Feature]
    /// The `bbox` member, when present.
    public var bbox: [Double]?
    /// Members other than those RFC 7946 defines (for example `attribution`), kept as read.
    public var foreignMembers: [String: JSONValue]

    public init(features: [Feature], bbox: [Double]? = nil, foreignMembers: [String: JSONValue] = [:]) {
        self.features = features; self.bbox = bbox; self.foreignMembers = foreignMembers
    }

    /// The bounding box of all features' geometries; nil when none has a position.
    public var computedBoundingBox: BoundingBox? {
        var box: BoundingBox?
        for f in features {
            guard let b = f.geometry?.boundingBox else { continue }
            if box == nil { box = b } else { box!.extend(with: b) }
        }
        return box
    }

    /// A copy whose `bbox` member holds the bounding box of its features.
    public func withComputedBoundingBox() -> FeatureCollection {
        var c = self
        c.bbox = computedBoundingBox?.values
        return c
    }
}
