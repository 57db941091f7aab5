/// An axis-aligned box [west, south, east, north] in the coordinates' own units.
/// A geographic box whose `west` is greater than its `east` crosses the antimeridian (RFC 7946 §5.2).
public struct BoundingBox: Hashable, Sendable {
    public var west: Double
    public var south: Double
    public var east: Double
    public var north: Double

    public init(west: Double, south: Double, east: Double, north: Double) {
        self.west = west; self.south = south; self.east = east; self.north = north
    }

    /// The smallest box holding every coordinate; nil when there are none.
    public init?<S: Sequence>(covering coordinates: S) where S.Element == Coordinate {
        var it = coordinates.makeIterator()
        guard let first = it.next() else { return nil }
        var box = BoundingBox(west: first.x, south: first.y, east: first.x, north: first.y)
        while let c = it.next() { box.extend(with: c) }
        self = box
    }

    /// Grows the box to hold `c`.
    public mutating func extend(with c: Coordinate) {
        if c.x < west { west = c.x }
        if c.x > east { east = c.x }
        if c.y < south { south = c.y }
        if c.y > north { north = c.y }
    }

    /// Grows the box to hold `other`.
    public mutating func extend(with other: BoundingBox) {
        extend(with: Coordinate(x: other.west, y: other.south))
        extend(with: Coordinate(x: other.east, y: other.north))
    }

    /// True when `c` lies inside the box or on its edge (no antimeridian wrap).
    public func contains(_ c: Coordinate) -> Bool {
        c.x >= west && c.x <= east && c.y >= south && c.y <= north
    }

    /// The box as the four numbers of a GeoJSON `bbox` member.
    public var values: [Double] { [west, south, east, north] }
}
