import Foundation
import GeoModel

/// A point in Earth-centred, Earth-fixed Cartesian coordinates (metres) on the WGS84 ellipsoid.
public struct EarthPoint: Sendable, Hashable {
    public var x: Double, y: Double, z: Double

    /// The surface point (height 0) of a longitude and latitude in degrees.
    @inline(__always)
    public init(_ c: Coordinate) {
        let phi = c.lat * (Double.pi / 180), lambda = c.lon * (Double.pi / 180)
        let sinPhi = sin(phi), cosPhi = cos(phi)
        let n = WGS84.a / (1 - WGS84.e2 * sinPhi * sinPhi).squareRoot()
        x = n * cosPhi * cos(lambda)
        y = n * cosPhi * sin(lambda)
        z = n * (1 - WGS84.e2) * sinPhi
    }

    public init(x: Double, y: Double, z: Double) { self.x = x; self.y = y; self.z = z }

    /// The squared straight-line (chord) distance to `o`, in square metres.
    @inline(__always)
    public func chord2(_ o: EarthPoint) -> Double {
        let dx = x - o.x, dy = y - o.y, dz = z - o.z
        return dx * dx + dy * dy + dz * dz
    }
}

/// The WGS84 ellipsoid's constants and radii of curvature.
public enum WGS84 {
    /// Equatorial radius, metres.
    public static let a = 6_378_137.0
    /// Flattening.
    public static let f = 1 / 298.257223563
    /// Polar radius, metres.
    public static let b = a * (1 - f)
    /// First eccentricity squared.
    public static let e2 = f * (2 - f)
    /// The largest curvature of any great ellipse (a plane section through the centre), a/b², in 1/metres:
    /// a great ellipse has semi-axes a and b' with b ≤ b' ≤ a, and its curvature is at most a/b'².
    public static let maxGreatEllipseCurvature = a / (b * b)

    /// The meridional radius of curvature M at latitude `lat` (degrees), metres; it grows toward the poles.
    public static func meridionalRadius(lat: Double) -> Double {
        let s = sin(lat * .pi / 180)
        return a * (1 - e2) / pow(1 - e2 * s * s, 1.5)
    }

    /// The radius of the parallel at latitude `lat` (degrees), N·cos φ, metres; it shrinks toward the poles.
    public static func parallelRadius(lat: Double) -> Double {
        let s = sin(lat * .pi / 180)
        return a * cos(lat * .pi / 180) / (1 - e2 * s * s).squareRoot()
    }
}
