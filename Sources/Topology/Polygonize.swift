internal import CGEOS
import GeoModel

extension Geometry {
    /// The polygons formed by a set of noded lines (`GEOSPolygonize_r`). Throws `TopologyError`.
    public static func polygonize(_ lines: [Geometry]) throws -> [Geometry] {
        try withGEOS { ctx in
            let owners = try lines.map(ctx.make)
            var pointers: [OpaquePointer?] = owners.map(\.pointer)
            // borrows the inputs; returns a new collection or NULL on exception
            let result = try ctx.own(pointers.withUnsafeMutableBufferPointer {
                GEOSPolygonize_r(ctx.handle, $0.baseAddress, UInt32(owners.count))
            }, "polygonize")
            return try ctx.parts(result.pointer).map(ctx.geometry)
        }
    }
}
