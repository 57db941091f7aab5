internal import CGEOS
import GeoModel

extension Geometry {
    /// The distance along this line, in its planar units, to the point on it nearest `point` (`GEOSProject_r`).
    /// Throws `TopologyError` when this is not a line.
    public func project(_ point: Coordinate) throws -> Double {
        try withGEOS { ctx in
            let line = try ctx.make(self), p = try ctx.make(.point(point))
            let d = GEOSProject_r(ctx.handle, line.pointer, p.pointer)  // returns -1 on exception
            guard d >= 0 else { throw ctx.error("projecting onto a line") }
            return d
        }
    }

    /// The point `distance` along this line, in its planar units (`GEOSInterpolate_r`). Throws `TopologyError`.
    public func interpolate(_ distance: Double) throws -> Coordinate {
        let g = try geosUnary("interpolating along a line") { GEOSInterpolate_r($0.handle, $1, distance) }  // NULL on exception
        guard case .point(let c) = g else { throw TopologyError.geos("interpolating along a line gave no point") }
        return c
    }
}
