internal import CGEOS
import GeoModel

extension Geometry {
    /// The area within `distance` of the geometry, in its own (planar) units (`GEOSBuffer_r`);
    /// `quadrantSegments` segments approximate a quarter circle. Throws `TopologyError`.
    public func buffer(_ distance: Double, quadrantSegments: Int = 8) throws -> Geometry {
        try geosUnary("buffer") { GEOSBuffer_r($0.handle, $1, distance, Int32(quadrantSegments)) }  // NULL on exception
    }
}
