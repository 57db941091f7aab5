internal import CGEOS
import GeoModel

extension Geometry {
    /// The convex hull (`GEOSConvexHull_r`). Throws `TopologyError`.
    public func convexHull() throws -> Geometry {
        try geosUnary("convex hull") { GEOSConvexHull_r($0.handle, $1) }  // NULL on exception
    }

    /// The concave hull (`GEOSConcaveHull_r`); `ratio` in [0, 1], 1 giving the convex hull (GEOS 3.11 takes a ratio only).
    /// Throws `TopologyError`.
    public func concaveHull(ratio: Double, allowHoles: Bool = false) throws -> Geometry {
        try geosUnary("concave hull") { GEOSConcaveHull_r($0.handle, $1, ratio, allowHoles ? 1 : 0) }  // NULL on exception
    }
}
