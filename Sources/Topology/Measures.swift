internal import CGEOS
import GeoModel

extension Geometry {
    /// The planar distance to `other`, in the geometries' units (`GEOSDistance_r`). Throws `TopologyError`.
    /// For metres on the ellipsoid use `Geodesic` instead, or project first.
    public func planarDistance(to other: Geometry) throws -> Double {
        try withGEOS { ctx in
            let a = try ctx.make(self), b = try ctx.make(other)
            var d = 0.0
            guard GEOSDistance_r(ctx.handle, a.pointer, b.pointer, &d) != 0 else { throw ctx.error("distance") }  // 0 on exception
            return d
        }
    }

    /// The discrete Hausdorff distance to `other`, planar (`GEOSHausdorffDistance_r`). Throws `TopologyError`.
    public func hausdorffDistance(to other: Geometry) throws -> Double {
        try withGEOS { ctx in
            let a = try ctx.make(self), b = try ctx.make(other)
            var d = 0.0
            guard GEOSHausdorffDistance_r(ctx.handle, a.pointer, b.pointer, &d) != 0 else {  // 0 on exception
                throw ctx.error("Hausdorff distance")
            }
            return d
        }
    }

    /// The planar area in squared units (`GEOSArea_r`). Throws `TopologyError`.
    public func planarArea() throws -> Double {
        try geosMeasure("area") { GEOSArea_r($0.handle, $1, $2) }  // 0 on exception
    }

    /// The planar length in the geometry's units (`GEOSLength_r`). Throws `TopologyError`.
    public func planarLength() throws -> Double {
        try geosMeasure("length") { GEOSLength_r($0.handle, $1, $2) }  // 0 on exception
    }
}
