internal import CGEOS
import GeoModel

/// A geometry prepared for many repeated predicates against it (`GEOSPrepare_r`).
/// Owns its GEOS context and geometry: use one instance per thread.
public final class PreparedGeometry {
    private let ctx = GEOSContext()
    private let base: GEOSGeometryOwner
    private let prepared: OpaquePointer
    /// The geometry as given.
    public let geometry: Geometry

    /// Prepares `geometry`. Throws `TopologyError`.
    public init(_ geometry: Geometry) throws {
        self.geometry = geometry
        base = try ctx.make(geometry)
        guard let p = GEOSPrepare_r(ctx.handle, base.pointer) else { throw ctx.error("preparing a geometry") }  // NULL on exception; borrows base
        prepared = p
    }

    deinit { GEOSPreparedGeom_destroy_r(ctx.handle, prepared) }

    private func predicate(_ other: Geometry, _ name: String,
                           _ call: (OpaquePointer, OpaquePointer, OpaquePointer) -> CChar) throws -> Bool {
        let g = try ctx.make(other)
        switch call(ctx.handle, prepared, g.pointer) {  // returns 2 on exception
        case 1: return true
        case 0: return false
        default: throw ctx.error(name)
        }
    }

    /// True when `other` lies inside this geometry, not touching only its boundary (`GEOSPreparedContains_r`).
    public func contains(_ other: Geometry) throws -> Bool {
        try predicate(other, "contains") { GEOSPreparedContains_r($0, $1, $2) }
    }

    /// True when the position lies inside this geometry (GEOS 3.11 has no `GEOSPreparedContainsXY_r`).
    public func contains(_ point: Coordinate) throws -> Bool { try contains(.point(point)) }

    /// True when `other` lies inside or on the boundary of this geometry (`GEOSPreparedCovers_r`).
    public func covers(_ other: Geometry) throws -> Bool {
        try predicate(other, "covers") { GEOSPreparedCovers_r($0, $1, $2) }
    }

    /// True when the two geometries share any point (`GEOSPreparedIntersects_r`).
    public func intersects(_ other: Geometry) throws -> Bool {
        try predicate(other, "intersects") { GEOSPreparedIntersects_r($0, $1, $2) }
    }

    /// True when this geometry lies within `other` (`GEOSPreparedWithin_r`).
    public func isWithin(_ other: Geometry) throws -> Bool {
        try predicate(other, "within") { GEOSPreparedWithin_r($0, $1, $2) }
    }
}
