internal import CGEOS
import GeoModel

extension Geometry {
    /// The union of this geometry and `other` (`GEOSUnion_r`). Throws `TopologyError`.
    public func union(_ other: Geometry) throws -> Geometry {
        try geosBinary(other, "union") { GEOSUnion_r($0.handle, $1, $2) }  // NULL on exception
    }

    /// The union of all parts of this geometry, dissolving shared edges (`GEOSUnaryUnion_r`). Throws `TopologyError`.
    public func unaryUnion() throws -> Geometry {
        try geosUnary("unary union") { GEOSUnaryUnion_r($0.handle, $1) }  // NULL on exception
    }

    /// The intersection of this geometry and `other` (`GEOSIntersection_r`). Throws `TopologyError`.
    public func intersection(_ other: Geometry) throws -> Geometry {
        try geosBinary(other, "intersection") { GEOSIntersection_r($0.handle, $1, $2) }  // NULL on exception
    }

    /// This geometry less `other` (`GEOSDifference_r`). Throws `TopologyError`.
    public func difference(_ other: Geometry) throws -> Geometry {
        try geosBinary(other, "difference") { GEOSDifference_r($0.handle, $1, $2) }  // NULL on exception
    }

    /// The parts in only one of the two geometries (`GEOSSymDifference_r`). Throws `TopologyError`.
    public func symmetricDifference(_ other: Geometry) throws -> Geometry {
        try geosBinary(other, "symmetric difference") { GEOSSymDifference_r($0.handle, $1, $2) }  // NULL on exception
    }

    /// The boundary: a polygon's rings as lines, a line's end points (`GEOSBoundary_r`). Throws `TopologyError`.
    public func boundary() throws -> Geometry {
        try geosUnary("boundary") { GEOSBoundary_r($0.handle, $1) }  // NULL on exception
    }

    /// Lines sewn together where they meet end to end (`GEOSLineMerge_r`). Throws `TopologyError`.
    public func lineMerge() throws -> Geometry {
        try geosUnary("line merge") { GEOSLineMerge_r($0.handle, $1) }  // NULL on exception
    }

    /// A valid version of an invalid geometry (`GEOSMakeValid_r`). Throws `TopologyError`.
    public func makeValid() throws -> Geometry {
        try geosUnary("make valid") { GEOSMakeValid_r($0.handle, $1) }  // NULL on exception
    }

    /// A simplification keeping topology, `tolerance` in the geometry's units (`GEOSTopologyPreserveSimplify_r`).
    public func simplified(tolerance: Double) throws -> Geometry {
        try geosUnary("simplify") { GEOSTopologyPreserveSimplify_r($0.handle, $1, tolerance) }  // NULL on exception
    }
}
