internal import CPROJ
import GeoModel

/// The solution of the inverse geodesic problem between two points.
public struct GeodesicLine: Hashable, Sendable {
    /// The geodesic distance in metres.
    public var distance: Double
    /// The azimuth at the first point, in degrees clockwise from north, in (-180, 180].
    public var initialAzimuth: Double
    /// The azimuth at the second point (the forward direction there), in degrees clockwise from north.
    public var finalAzimuth: Double
}

/// Geodesics on an ellipsoid through GeographicLib's algorithm (Karney 2013), as shipped in
/// PROJ's `geodesic.h`: accurate to nanometres. Every distance PlaceMap reports comes from here.
public struct Geodesic: Sendable {
    private var g = geod_geodesic()

    /// The ellipsoid with equatorial radius `a` (metres) and flattening `f`.
    public init(equatorialRadius a: Double, flattening f: Double) {
        geod_init(&g, a, f)  // no failure mode
    }

    /// The WGS84 ellipsoid (a = 6378137 m, f = 1/298.257223563).
    public static let wgs84 = Geodesic(equatorialRadius: 6_378_137, flattening: 1 / 298.257223563)

    /// The inverse problem: distance in metres and azimuths in degrees from `a` to `b` (`geod_inverse`).
    public func inverse(from a: Coordinate, to b: Coordinate) -> GeodesicLine {
        var s12 = 0.0, azi1 = 0.0, azi2 = 0.0
        withUnsafePointer(to: g) { geod_inverse($0, a.lat, a.lon, b.lat, b.lon, &s12, &azi1, &azi2) }
        return GeodesicLine(distance: s12, initialAzimuth: azi1, finalAzimuth: azi2)
    }

    /// The geodesic distance in metres from `a` to `b` (`geod_inverse`, distance only).
    public func distance(from a: Coordinate, to b: Coordinate) -> Double {
        var s12 = 0.0
        withUnsafePointer(to: g) { geod_inverse($0, a.lat, a.lon, b.lat, b.lon, &s12, nil, nil) }
        return s12
    }

    /// The direct problem: the point `distance` metres from `start` along azimuth `azimuth`
    /// (degrees clockwise from north), with the forward azimuth there (`geod_direct`).
    public func destination(from start: Coordinate, azimuth: Double, distance: Double) -> (point: Coordinate, azimuth: Double) {
        var lat2 = 0.0, lon2 = 0.0, azi2 = 0.0
        withUnsafePointer(to: g) { geod_direct($0, start.lat, start.lon, azimuth, distance, &lat2, &lon2, &azi2) }
        return (Coordinate(lon: lon2, lat: lat2), azi2)
    }

    /// The geodesic length in metres of a line through `points` (sum of its segments' geodesics).
    public func length(of points: [Coordinate]) -> Double {
        guard points.count > 1 else { return 0 }
        var total = 0.0
        for i in 1..<points.count { total += distance(from: points[i - 1], to: points[i]) }
        return total
    }

    /// The geodesic area in square metres of a ring (`geod_polygonarea`), whatever its winding;
    /// the closing position may be repeated or not.
    public func area(ofRing ring: [Coordinate]) -> Double {
        var pts = ring
        if pts.count > 1, pts.first == pts.last { pts.removeLast() }
        guard pts.count > 2 else { return 0 }
        var lats = pts.map(\.lat), lons = pts.map(\.lon)
        var a = 0.0, p = 0.0
        withUnsafePointer(to: g) { geod_polygonarea($0, &lats, &lons, Int32(pts.count), &a, &p) }
        return abs(a)
    }

    /// The geodesic area in square metres of a Polygon or MultiPolygon (holes subtracted); 0 for other types.
    public func area(of geometry: Geometry) -> Double {
        geometry.polygons.reduce(0) { sum, rings in
            guard let outer = rings.first else { return sum }
            return sum + area(ofRing: outer) - rings.dropFirst().reduce(0) { $0 + area(ofRing: $1) }
        }
    }

    /// The geodesic length in metres of every line of a (Multi)LineString, or every ring of a (Multi)Polygon.
    public func length(of geometry: Geometry) -> Double {
        switch geometry {
        case .lineString, .multiLineString: return geometry.lines.reduce(0) { $0 + length(of: $1) }
        case .polygon, .multiPolygon: return geometry.polygons.reduce(0) { $0 + $1.reduce(0) { $0 + length(of: $1) } }
        case .geometryCollection(let gs): return gs.reduce(0) { $0 + length(of: $1) }
        default: return 0
        }
    }

    /// A polygon approximating the geodesic circle of `radius` metres around `center`: `segments`
    /// points at equal azimuths, each exactly `radius` metres away (`geod_direct`), wound counter-clockwise.
    public func circle(center: Coordinate, radius: Double, segments: Int = 64) -> Geometry {
        let n = max(segments, 4)
        var ring: [Coordinate] = []
        ring.reserveCapacity(n + 1)
        for k in 0..<n {
            // Counter-clockwise seen from above: azimuths decreasing from north.
            let az = 360.0 - 360.0 * Double(k) / Double(n)
            ring.append(destination(from: center, azimuth: az, distance: radius).point)
        }
        ring.append(ring[0])
        return .polygon([ring])
    }
}
