internal import CPROJ
import GeoModel

/// Errors from PROJ, carrying PROJ's own message.
public enum GeodesyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// PROJ could not create the transformation (for example an unknown CRS).
    case transformation(String)
    /// PROJ could not transform a position.
    case projection(String)

    public var description: String {
        switch self {
        case .transformation(let m): return "PROJ could not create the transformation: \(m)"
        case .projection(let m): return "PROJ could not transform the position: \(m)"
        }
    }
}

/// Well-known coordinate reference systems.
public enum CRS {
    /// WGS84 geographic (EPSG:4326); PlaceMap always orders it longitude first.
    public static let wgs84 = "EPSG:4326"
    /// Web Mercator (EPSG:3857), used for drawing maps.
    public static let webMercator = "EPSG:3857"

    /// The UTM zone number (1...60) of a longitude in degrees.
    public static func utmZone(longitude: Double) -> Int {
        let z = Int(((longitude + 180) / 6).rounded(.down)) + 1
        return min(max(z, 1), 60)
    }

    /// The EPSG code of the WGS84 UTM zone holding `c` (326NN north of the equator, 327NN south).
    public static func utm(for c: Coordinate) -> String {
        let zone = utmZone(longitude: c.lon)
        return "EPSG:\(c.lat >= 0 ? 32600 + zone : 32700 + zone)"
    }
}

/// Collects the messages PROJ logs on one context.
private final class ProjLog {
    var messages: [String] = []
}

/// A transformation between two CRSs through PROJ, with axis order normalised so that
/// geographic positions are always longitude first (`proj_normalize_for_visualization`).
///
/// Owns its PROJ context; use one instance per thread.
public final class Transformation {
    private let ctx: OpaquePointer
    private let pj: OpaquePointer
    private let log: ProjLog
    /// The source CRS as given.
    public let source: String
    /// The target CRS as given.
    public let target: String

    /// A transformation from `source` to `target` (any CRS PROJ knows: "EPSG:4326", "EPSG:32637", a PROJ string, WKT).
    /// Throws `GeodesyError.transformation` with PROJ's own message when either is unknown.
    public init(from source: String, to target: String) throws {
        self.source = source
        self.target = target
        guard let ctx = proj_context_create() else {  // returns NULL on allocation failure
            throw GeodesyError.transformation("could not create a PROJ context")
        }
        let log = ProjLog()
        // PROJ calls the log function with our box as app_data; the box lives as long as the context.
        proj_log_func(ctx, Unmanaged.passUnretained(log).toOpaque()) { data, _, message in
            guard let data, let message else { return }
            Unmanaged<ProjLog>.fromOpaque(data).takeUnretainedValue().messages.append(String(cString: message))
        }
        guard let raw = proj_create_crs_to_crs(ctx, source, target, nil) else {  // returns NULL on error
            let m = Transformation.message(ctx: ctx, log: log)
            proj_context_destroy(ctx)
            throw GeodesyError.transformation("\(source) → \(target): \(m)")
        }
        guard let norm = proj_normalize_for_visualization(ctx, raw) else {  // returns NULL on error
            let m = Transformation.message(ctx: ctx, log: log)
            proj_destroy(raw)
            proj_context_destroy(ctx)
            throw GeodesyError.transformation("\(source) → \(target): \(m)")
        }
        proj_destroy(raw)
        self.ctx = ctx
        self.pj = norm
        self.log = log
    }

    /// WGS84 (longitude, latitude) to the UTM zone of `c`.
    public static func toUTM(of c: Coordinate) throws -> Transformation {
        try Transformation(from: CRS.wgs84, to: CRS.utm(for: c))
    }

    deinit {
        proj_destroy(pj)
        proj_context_destroy(ctx)
    }

    private static func message(ctx: OpaquePointer, log: ProjLog) -> String {
        let code = proj_context_errno(ctx)
        var parts = log.messages
        if code != 0, let s = proj_context_errno_string(ctx, code) { parts.append(String(cString: s)) }
        log.messages.removeAll()
        return parts.isEmpty ? "unknown PROJ error" : parts.joined(separator: "; ")
    }

    /// Transforms one position forward (source → target); throws `GeodesyError.projection`.
    public func forward(_ c: Coordinate) throws -> Coordinate { try apply(c, direction: PJ_FWD) }

    /// Transforms one position backward (target → source); throws `GeodesyError.projection`.
    public func inverse(_ c: Coordinate) throws -> Coordinate { try apply(c, direction: PJ_INV) }

    /// Transforms positions forward in one call (`proj_trans_generic`); throws `GeodesyError.projection`.
    public func forward(_ cs: [Coordinate]) throws -> [Coordinate] { try apply(cs, direction: PJ_FWD) }

    /// Transforms positions backward in one call (`proj_trans_generic`); throws `GeodesyError.projection`.
    public func inverse(_ cs: [Coordinate]) throws -> [Coordinate] { try apply(cs, direction: PJ_INV) }

    /// Transforms every position of a geometry forward.
    public func forward(_ g: Geometry) throws -> Geometry { try g.mapCoordinates { try forward($0) } }

    /// Transforms every position of a geometry backward.
    public func inverse(_ g: Geometry) throws -> Geometry { try g.mapCoordinates { try inverse($0) } }

    private func apply(_ c: Coordinate, direction: PJ_DIRECTION) throws -> Coordinate {
        proj_errno_reset(pj)
        let out = proj_trans(pj, direction, proj_coord(c.x, c.y, 0, 0))  // returns HUGE_VAL coordinates on error
        guard out.xy.x.isFinite, out.xy.y.isFinite, out.xy.x != Double.greatestFiniteMagnitude else {
            throw GeodesyError.projection("\(c): \(Transformation.message(ctx: ctx, log: log))")
        }
        return Coordinate(x: out.xy.x, y: out.xy.y)
    }

    private func apply(_ cs: [Coordinate], direction: PJ_DIRECTION) throws -> [Coordinate] {
        guard !cs.isEmpty else { return [] }
        var xs = cs.map(\.x), ys = cs.map(\.y)
        let stride = MemoryLayout<Double>.stride
        proj_errno_reset(pj)
        let n = xs.withUnsafeMutableBufferPointer { xp in
            ys.withUnsafeMutableBufferPointer { yp in
                // returns the number of transformed points; failed ones are set to HUGE_VAL
                proj_trans_generic(pj, direction, xp.baseAddress, stride, cs.count,
                                   yp.baseAddress, stride, cs.count, nil, 0, 0, nil, 0, 0)
            }
        }
        var out: [Coordinate] = []
        out.reserveCapacity(cs.count)
        for i in 0..<cs.count {
            guard n == cs.count, xs[i].isFinite, ys[i].isFinite, abs(xs[i]) < 1e300 else {
                throw GeodesyError.projection("\(cs[i]): \(Transformation.message(ctx: ctx, log: log))")
            }
            out.append(Coordinate(x: xs[i], y: ys[i]))
        }
        return out
    }
}
