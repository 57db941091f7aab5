internal import CGEOS
import GeoModel

extension Geometry {
    /// Runs a GEOS call that makes a new geometry from this one; the result is read back and freed.
    func geosUnary(_ name: String, _ call: (GEOSContext, OpaquePointer) -> OpaquePointer?) throws -> Geometry {
        try withGEOS { ctx in
            let a = try ctx.make(self)
            return try ctx.geometry(try ctx.own(call(ctx, a.pointer), name))
        }
    }

    /// Runs a GEOS call that makes a new geometry from this one and `other`.
    func geosBinary(_ other: Geometry, _ name: String,
                    _ call: (GEOSContext, OpaquePointer, OpaquePointer) -> OpaquePointer?) throws -> Geometry {
        try withGEOS { ctx in
            let a = try ctx.make(self), b = try ctx.make(other)
            return try ctx.geometry(try ctx.own(call(ctx, a.pointer, b.pointer), name))
        }
    }

    /// Runs a GEOS call that writes one number and returns 0 on exception.
    func geosMeasure(_ name: String, _ call: (GEOSContext, OpaquePointer, UnsafeMutablePointer<Double>) -> Int32) throws -> Double {
        try withGEOS { ctx in
            let a = try ctx.make(self)
            var v = 0.0
            guard call(ctx, a.pointer, &v) != 0 else { throw ctx.error(name) }
            return v
        }
    }
}
