internal import CGEOS
import GeoModel

extension GEOSContext {
    /// A GEOS copy of a Swift geometry. Throws `TopologyError` when GEOS refuses it.
    func make(_ g: Geometry) throws -> GEOSGeometryOwner {
        switch g {
        case .point(let c):
            return try own(GEOSGeom_createPointFromXY_r(handle, c.x, c.y), "creating a point")  // returns NULL on exception
        case .multiPoint(let cs):
            let parts = try cs.map { try own(GEOSGeom_createPointFromXY_r(handle, $0.x, $0.y), "creating a point") }
            return try collection(GEOS_MULTIPOINT, parts)
        case .lineString(let cs):
            return try lineString(cs)
        case .multiLineString(let ls):
            return try collection(GEOS_MULTILINESTRING, ls.map(lineString))
        case .polygon(let rings):
            return try polygon(rings)
        case .multiPolygon(let ps):
            return try collection(GEOS_MULTIPOLYGON, ps.map(polygon))
        case .geometryCollection(let gs):
            return try collection(GEOS_GEOMETRYCOLLECTION, gs.map(make))
        }
    }

    private func sequence(_ cs: [Coordinate]) throws -> OpaquePointer {
        var buf = [Double]()
        buf.reserveCapacity(cs.count * 2)
        for c in cs { buf.append(c.x); buf.append(c.y) }
        // returns NULL on exception; the caller owns the sequence until a geometry takes it
        guard let seq = GEOSCoordSeq_copyFromBuffer_r(handle, buf, UInt32(cs.count), 0, 0) else {
            throw error("creating a coordinate sequence")
        }
        return seq
    }

    private func lineString(_ cs: [Coordinate]) throws -> GEOSGeometryOwner {
        if cs.isEmpty { return try own(GEOSGeom_createEmptyLineString_r(handle), "creating an empty line") }
        guard cs.count >= 2 else { throw TopologyError.invalidInput("a LineString needs at least two positions") }
        let seq = try sequence(cs)
        return try own(GEOSGeom_createLineString_r(handle, seq), "creating a line")  // takes the sequence; NULL on exception
    }

    private func ring(_ cs: [Coordinate]) throws -> GEOSGeometryOwner {
        guard cs.count >= 4, cs.first == cs.last else {
            throw TopologyError.invalidInput("a polygon ring needs at least four positions, the last equal to the first")
        }
        let seq = try sequence(cs)
        return try own(GEOSGeom_createLinearRing_r(handle, seq), "creating a ring")  // takes the sequence; NULL on exception
    }

    private func polygon(_ rings: [[Coordinate]]) throws -> GEOSGeometryOwner {
        guard let outer = rings.first, !outer.isEmpty else {
            return try own(GEOSGeom_createEmptyPolygon_r(handle), "creating an empty polygon")
        }
        let shell = try ring(outer)
        let holes = try rings.dropFirst().map(ring)
        var holePointers: [OpaquePointer?] = holes.map { $0.release() }
        let shellPointer = shell.release()
        // takes ownership of shell and holes (not of the array); returns NULL on exception
        let p = holePointers.withUnsafeMutableBufferPointer {
            GEOSGeom_createPolygon_r(handle, shellPointer, $0.baseAddress, UInt32(holes.count))
        }
        return try own(p, "creating a polygon")
    }

    func collection(_ type: Int, _ parts: [GEOSGeometryOwner]) throws -> GEOSGeometryOwner {
        var pointers: [OpaquePointer?] = parts.map { $0.release() }
        // takes ownership of the parts (not of the array); returns NULL on exception
        let c = pointers.withUnsafeMutableBufferPointer {
            GEOSGeom_createCollection_r(handle, Int32(type), $0.baseAddress, UInt32(parts.count))
        }
        return try own(c, "creating a collection")
    }

    private func collection(_ type: GEOSGeomTypes, _ parts: [GEOSGeometryOwner]) throws -> GEOSGeometryOwner {
        try collection(Int(type.rawValue), parts)
    }

    /// The Swift value of a GEOS geometry (which stays owned by the caller).
    func geometry(_ p: OpaquePointer) throws -> Geometry {
        let type = GEOSGeomTypeId_r(handle, p)  // returns -1 on exception
        switch type {
        case Int32(GEOS_POINT.rawValue):
            if GEOSisEmpty_r(handle, p) == 1 { return .multiPoint([]) }
            return .point(try coordinates(p).first!)
        case Int32(GEOS_LINESTRING.rawValue), Int32(GEOS_LINEARRING.rawValue):
            return .lineString(try coordinates(p))
        case Int32(GEOS_POLYGON.rawValue):
            return .polygon(try rings(p))
        case Int32(GEOS_MULTIPOINT.rawValue):
            return .multiPoint(try parts(p).map { try coordinates($0).first! })
        case Int32(GEOS_MULTILINESTRING.rawValue):
            return .multiLineString(try parts(p).map(coordinates))
        case Int32(GEOS_MULTIPOLYGON.rawValue):
            return .multiPolygon(try parts(p).map(rings))
        case Int32(GEOS_GEOMETRYCOLLECTION.rawValue):
            return .geometryCollection(try parts(p).map(geometry))
        default:
            throw error("reading a geometry's type")
        }
    }

    /// The Swift value of an owned GEOS geometry.
    func geometry(_ owner: GEOSGeometryOwner) throws -> Geometry { try geometry(owner.pointer) }

    func parts(_ p: OpaquePointer) throws -> [OpaquePointer] {
        let n = GEOSGetNumGeometries_r(handle, p)  // returns -1 on exception
        guard n >= 0 else { throw error("counting parts") }
        return try (0..<n).map {
            guard let g = GEOSGetGeometryN_r(handle, p, $0) else { throw error("reading a part") }  // borrowed; NULL on exception
            return g
        }
    }

    private func rings(_ p: OpaquePointer) throws -> [[Coordinate]] {
        if GEOSisEmpty_r(handle, p) == 1 { return [] }
        guard let outer = GEOSGetExteriorRing_r(handle, p) else { throw error("reading a ring") }  // borrowed; NULL on exception
        var result = [try coordinates(outer)]
        let n = GEOSGetNumInteriorRings_r(handle, p)  // returns -1 on exception
        guard n >= 0 else { throw error("counting holes") }
        for i in 0..<n {
            guard let hole = GEOSGetInteriorRingN_r(handle, p, i) else { throw error("reading a hole") }  // borrowed
            result.append(try coordinates(hole))
        }
        return result
    }

    private func coordinates(_ p: OpaquePointer) throws -> [Coordinate] {
        if GEOSisEmpty_r(handle, p) == 1 { return [] }
        guard let seq = GEOSGeom_getCoordSeq_r(handle, p) else { throw error("reading positions") }  // borrowed; NULL on exception
        var n: UInt32 = 0
        guard GEOSCoordSeq_getSize_r(handle, seq, &n) != 0 else { throw error("reading positions") }  // returns 0 on exception
        var buf = [Double](repeating: 0, count: Int(n) * 2)
        guard GEOSCoordSeq_copyToBuffer_r(handle, seq, &buf, 0, 0) != 0 else { throw error("reading positions") }  // 0 on exception
        var out: [Coordinate] = []
        out.reserveCapacity(Int(n))
        for i in 0..<Int(n) { out.append(Coordinate(x: buf[2 * i], y: buf[2 * i + 1])) }
        return out
    }
}

/// Runs `body` with a fresh GEOS context: every public operation owns its context, so no C state escapes.
func withGEOS<T>(_ body: (GEOSContext) throws -> T) throws -> T {
    let ctx = GEOSContext()
    return try body(ctx)
}
