internal import CGEOS
import GeoModel

extension Geometry {
    /// Reads Well-Known Text (`GEOSWKTReader_read_r`); throws `TopologyError.geos` with GEOS's parse message.
    public init(wkt: String) throws {
        self = try withGEOS { ctx in
            guard let reader = GEOSWKTReader_create_r(ctx.handle) else { throw ctx.error("creating a WKT reader") }  // NULL on exception
            defer { GEOSWKTReader_destroy_r(ctx.handle, reader) }
            return try ctx.geometry(try ctx.own(GEOSWKTReader_read_r(ctx.handle, reader, wkt), "reading WKT"))  // NULL on exception
        }
    }

    /// Reads Well-Known Binary (`GEOSWKBReader_read_r`); throws `TopologyError.geos`.
    public init(wkb: [UInt8]) throws {
        self = try withGEOS { ctx in
            guard let reader = GEOSWKBReader_create_r(ctx.handle) else { throw ctx.error("creating a WKB reader") }  // NULL on exception
            defer { GEOSWKBReader_destroy_r(ctx.handle, reader) }
            return try ctx.geometry(try ctx.own(GEOSWKBReader_read_r(ctx.handle, reader, wkb, wkb.count), "reading WKB"))
        }
    }

    /// Well-Known Text with trailing zeros trimmed and at most `decimals` decimals (`GEOSWKTWriter_write_r`).
    public func wkt(decimals: Int = 6) throws -> String {
        try withGEOS { ctx in
            let g = try ctx.make(self)
            guard let writer = GEOSWKTWriter_create_r(ctx.handle) else { throw ctx.error("creating a WKT writer") }  // NULL on exception
            defer { GEOSWKTWriter_destroy_r(ctx.handle, writer) }
            GEOSWKTWriter_setTrim_r(ctx.handle, writer, 1)
            GEOSWKTWriter_setRoundingPrecision_r(ctx.handle, writer, Int32(decimals))
            guard let text = GEOSWKTWriter_write_r(ctx.handle, writer, g.pointer) else { throw ctx.error("writing WKT") }  // NULL on exception
            defer { GEOSFree_r(ctx.handle, text) }  // caller frees
            return String(cString: text)
        }
    }

    /// Well-Known Binary, little-endian (`GEOSWKBWriter_write_r`).
    public func wkb() throws -> [UInt8] {
        try withGEOS { ctx in
            let g = try ctx.make(self)
            guard let writer = GEOSWKBWriter_create_r(ctx.handle) else { throw ctx.error("creating a WKB writer") }  // NULL on exception
            defer { GEOSWKBWriter_destroy_r(ctx.handle, writer) }
            var size = 0
            guard let bytes = GEOSWKBWriter_write_r(ctx.handle, writer, g.pointer, &size) else { throw ctx.error("writing WKB") }  // NULL on exception
            defer { GEOSFree_r(ctx.handle, bytes) }  // caller frees
            return Array(UnsafeBufferPointer(start: bytes, count: size))
        }
    }
}
