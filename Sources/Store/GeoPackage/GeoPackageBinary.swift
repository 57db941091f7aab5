import GeoModel

/// GeoPackage's binary geometry (OGC 12-128r17 §2.1.3): the header (`GP`, version 0, flags, SRS id,
/// envelope) followed by little-endian ISO WKB of the 2D geometry. Points carry no envelope (as GDAL
/// writes them); other geometries carry [minx, maxx, miny, maxy].
enum GeoPackageBinary {
    /// The SRS id of WGS 84 longitude/latitude in PlaceMap's stores.
    static let wgs84: Int32 = 4326

    /// The blob of `g` in SRS `srs`.
    static func encode(_ g: Geometry, srs: Int32 = wgs84) -> [UInt8] {
        var out: [UInt8] = [0x47, 0x50, 0]
        let box = g.boundingBox
        let isPoint: Bool
        if case .point = g { isPoint = true } else { isPoint = false }
        let envelope = !isPoint && box != nil
        // flags: bit 0 little-endian, bits 1–3 the envelope (1: xy), bit 4 empty
        out.append(0x01 | (envelope ? 0x02 : 0) | (g.isEmpty ? 0x10 : 0))
        put(srs, &out)
        if envelope, let box { for x in [box.west, box.east, box.south, box.north] { put(x, &out) } }
        WKB.write(g, to: &out)
        return out
    }

    /// The blob of a point, written without building a `Geometry` (29 bytes).
    @inline(__always)
    static func point(_ c: Coordinate, srs: Int32 = wgs84) -> [UInt8] {
        var out: [UInt8] = [0x47, 0x50, 0, 0x01]
        out.reserveCapacity(29)
        put(srs, &out)
        out.append(1)
        put(UInt32(1), &out)
        put(c.lon, &out)
        put(c.lat, &out)
        return out
    }

    /// The envelope of a blob (from its header, else from its WKB), or nil for an empty geometry or a blob
    /// that is not GeoPackage binary.
    static func envelope(_ b: UnsafeRawBufferPointer) -> BoundingBox? {
        guard b.count >= 8, b[0] == 0x47, b[1] == 0x50 else { return nil }
        let flags = b[3]
        if flags & 0x10 != 0 { return nil }
        let little = flags & 1 == 1
        let kind = Int(flags >> 1) & 7
        let envelopeBytes = [0, 32, 48, 48, 64][min(kind, 4)]
        if kind >= 1, b.count >= 8 + 32 {
            func at(_ k: Int) -> Double { read(b, 8 + 8 * k, little: little) }
            return BoundingBox(west: at(0), south: at(2), east: at(1), north: at(3))
        }
        var reader = WKB.Reader(bytes: b, at: 8 + envelopeBytes)
        return reader.envelope()
    }

    /// The point of a blob holding a WKB Point, or nil (empty, not a point, not GeoPackage binary).
    static func point(of b: UnsafeRawBufferPointer) -> Coordinate? {
        guard b.count >= 8, b[0] == 0x47, b[1] == 0x50, b[3] & 0x10 == 0 else { return nil }
        let kind = Int(b[3] >> 1) & 7
        let at = 8 + [0, 32, 48, 48, 64][min(kind, 4)]
        guard b.count >= at + 21 else { return nil }
        let little = b[at] == 1
        let type: UInt32 = readInt(b, at + 1, little: little)
        guard type == 1 else { return nil }
        let x: Double = read(b, at + 5, little: little), y: Double = read(b, at + 13, little: little)
        guard !x.isNaN, !y.isNaN else { return nil }
        return Coordinate(lon: x, lat: y)
    }

    static func put(_ x: Int32, _ out: inout [UInt8]) { put(UInt32(bitPattern: x), &out) }

    static func put(_ x: UInt32, _ out: inout [UInt8]) {
        for k in 0..<4 { out.append(UInt8(truncatingIfNeeded: x >> (8 * UInt32(k)))) }
    }

    static func put(_ x: Double, _ out: inout [UInt8]) {
        let bits = x.bitPattern
        for k in 0..<8 { out.append(UInt8(truncatingIfNeeded: bits >> (8 * UInt64(k)))) }
    }

    static func readInt(_ b: UnsafeRawBufferPointer, _ at: Int, little: Bool) -> UInt32 {
        var v: UInt32 = 0
        for k in 0..<4 { v |= UInt32(b[at + k]) << (8 * UInt32(little ? k : 3 - k)) }
        return v
    }

    static func read(_ b: UnsafeRawBufferPointer, _ at: Int, little: Bool) -> Double {
        var v: UInt64 = 0
        for k in 0..<8 { v |= UInt64(b[at + k]) << (8 * UInt64(little ? k : 7 - k)) }
        return Double(bitPattern: v)
    }
}

/// Well-known binary (ISO 13249-3, 2D), written little-endian; read in either byte order.
enum WKB {
    /// Appends `g` as WKB.
    static func write(_ g: Geometry, to out: inout [UInt8]) {
        func header(_ type: UInt32) { out.append(1); GeoPackageBinary.put(type, &out) }
        func xy(_ c: Coordinate) { GeoPackageBinary.put(c.lon, &out); GeoPackageBinary.put(c.lat, &out) }
        func ring(_ r: [Coordinate]) { GeoPackageBinary.put(UInt32(r.count), &out); r.forEach(xy) }
        switch g {
        case .point(let c): header(1); xy(c)
        case .lineString(let cs): header(2); ring(cs)
        case .polygon(let rings): header(3); GeoPackageBinary.put(UInt32(rings.count), &out); rings.forEach(ring)
        case .multiPoint(let cs):
            header(4); GeoPackageBinary.put(UInt32(cs.count), &out)
            for c in cs { write(.point(c), to: &out) }
        case .multiLineString(let ls):
            header(5); GeoPackageBinary.put(UInt32(ls.count), &out)
            for l in ls { write(.lineString(l), to: &out) }
        case .multiPolygon(let ps):
            header(6); GeoPackageBinary.put(UInt32(ps.count), &out)
            for p in ps { write(.polygon(p), to: &out) }
        case .geometryCollection(let gs):
            header(7); GeoPackageBinary.put(UInt32(gs.count), &out)
            for g in gs { write(g, to: &out) }
        }
    }

    /// Walks WKB to find its envelope, checking every length against the bytes.
    struct Reader {
        let bytes: UnsafeRawBufferPointer
        var at: Int
        private var box: BoundingBox?

        init(bytes: UnsafeRawBufferPointer, at: Int) { self.bytes = bytes; self.at = at }

        /// The envelope of the geometry at the cursor, or nil when it is empty or malformed.
        mutating func envelope() -> BoundingBox? { geometry(depth: 0) ? box : nil }

        private mutating func geometry(depth: Int) -> Bool {
            guard depth < 32, at + 5 <= bytes.count else { return false }
            let little = bytes[at] == 1
            let type = GeoPackageBinary.readInt(bytes, at + 1, little: little) % 1000
            at += 5
            switch type {
            case 1: return points(1, little: little)
            case 2: return counted(little) { $0.points($1, little: little) }
            case 3: return counted(little) { r, n in (0..<n).allSatisfy { _ in r.counted(little) { $0.points($1, little: little) } } }
            case 4, 5, 6, 7: return counted(little) { r, n in (0..<n).allSatisfy { _ in r.geometry(depth: depth + 1) } }
            default: return false
            }
        }

        private mutating func counted(_ little: Bool, _ body: (inout Reader, Int) -> Bool) -> Bool {
            guard at + 4 <= bytes.count else { return false }
            let n = Int(GeoPackageBinary.readInt(bytes, at, little: little))
            at += 4
            return body(&self, n)
        }

        private mutating func points(_ n: Int, little: Bool) -> Bool {
            guard n >= 0, at + 16 * n <= bytes.count else { return false }
            for _ in 0..<n {
                let x = GeoPackageBinary.read(bytes, at, little: little), y = GeoPackageBinary.read(bytes, at + 8, little: little)
                at += 16
                if x.isNaN || y.isNaN { continue }  // an empty point
                if box == nil { box = BoundingBox(west: x, south: y, east: x, north: y) }
                else { box!.extend(with: Coordinate(lon: x, lat: y)) }
            }
            return true
        }
    }
}
