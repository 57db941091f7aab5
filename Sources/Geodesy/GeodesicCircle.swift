import Foundation
import GeoModel

/// The set of points within `radius` metres of `center` by the WGS84 geodesic distance (Karney's
/// `geod_inverse`), with what makes a query over many points cheap and exact:
///
/// - `boxes`: one or two longitude/latitude boxes that provably hold the whole circle (see `init`);
/// - a chord test that decides almost every point without solving the geodesic problem:
///   the straight-line (chord) distance c between two surface points satisfies c ≤ s (the geodesic
///   distance s), so c > r rejects. For acceptance, the great ellipse through both points (the plane
///   section through the Earth's centre) is a curve on the surface no shorter than the geodesic, and
///   its curvature is at most κ = a/b²; by Schur's comparison theorem a convex plane arc of length
///   L ≤ π/κ with curvature ≤ κ has chord c ≥ (2/κ)·sin(κL/2), so c ≤ (2/κ)·sin(κr/2) gives s ≤ L ≤ r.
///   A margin of 1 mm on both sides covers rounding (the chord's error is about 10⁻⁸ m,
///   `geod_inverse`'s about 15 nm). Only points in the thin shell between the two bounds (about
///   κ²r³/24 wide: 1 mm at 10 km, 8 km at 2,000 km) get the exact geodesic test.
///
/// The decision `contains` is therefore always exactly `geod_inverse(center, p).distance <= radius`.
public struct GeodesicCircle: Sendable {
    /// The centre (longitude, latitude in degrees).
    public let center: Coordinate
    /// The radius in metres.
    public let radius: Double
    /// Non-wrapping boxes (west ≤ east, within [-180, 180] × [-90, 90]) whose union holds the circle.
    public let boxes: [BoundingBox]
    /// The centre in Earth-centred coordinates.
    public let centerPoint: EarthPoint
    /// A chord (metres) above which a point is certainly outside.
    public let rejectChord: Double
    /// A chord (metres) at or below which a point is certainly inside (0 when no such bound is used).
    public let acceptChord: Double
    let rejectChord2: Double, acceptChord2: Double

    /// The rounding margin of the chord bounds, in metres.
    static let chordMargin = 1e-3

    /// The circle of `radius` metres (≥ 0, finite) around `center` (a valid longitude/latitude).
    ///
    /// The boxes: the latitude extent runs from the circle's southern to its northern point (`geod_direct`
    /// at azimuths 180° and 0°, since the meridian is the shortest path between two parallels), or to the
    /// pole when the circle covers it (then every longitude is in). The longitude extent is the
    /// circle's tangent point with a meridian: there the radial geodesic arrives due east (Gauss's
    /// lemma), so the azimuth at the start is solved from `azi2 = 90°` by the secant method, started
    /// from the sphere's answer cos α₁ = tan σ · tan φ₀. The radius is grown by 1 mm + 10⁻⁹ r and the
    /// extents by 10⁻⁹ degrees. A box crossing the antimeridian is split in two.
    public init(center: Coordinate, radius: Double) {
        precondition(center.isValidGeographic && radius >= 0 && radius.isFinite)
        self.center = center
        self.radius = radius
        centerPoint = EarthPoint(center)
        rejectChord = radius + Self.chordMargin
        let kappa = WGS84.maxGreatEllipseCurvature
        let inner = kappa * radius <= .pi ? 2 / kappa * sin(kappa * radius / 2) - Self.chordMargin : 0
        acceptChord = max(0, inner)
        rejectChord2 = rejectChord * rejectChord
        acceptChord2 = acceptChord * acceptChord
        boxes = Self.boxes(center: center, radius: radius)
    }

    /// -1 when `p` is certainly outside, 1 when certainly inside, 0 when only the exact test can tell.
    @inline(__always)
    public func classify(_ p: EarthPoint) -> Int {
        let c2 = centerPoint.chord2(p)
        if c2 > rejectChord2 { return -1 }
        if c2 <= acceptChord2 { return 1 }
        return 0
    }

    /// True when `p` (whose Earth-centred point is `e`) lies within the radius: the chord bounds, then
    /// `geod_inverse` in the shell between them.
    @inline(__always)
    public func contains(_ p: Coordinate, _ e: EarthPoint) -> Bool {
        switch classify(e) {
        case -1: return false
        case 1: return true
        default: return Geodesic.wgs84.distance(from: center, to: p) <= radius
        }
    }

    /// True when `p` lies within the radius (same decision as `geod_inverse`, see the type's notes).
    public func contains(_ p: Coordinate) -> Bool { contains(p, EarthPoint(p)) }

    /// True when `p` lies in one of the boxes.
    @inline(__always)
    public func boxesContain(_ p: Coordinate) -> Bool {
        for b in boxes where p.lon >= b.west && p.lon <= b.east && p.lat >= b.south && p.lat <= b.north { return true }
        return false
    }

    // MARK: The bounding boxes

    static func boxes(center: Coordinate, radius: Double) -> [BoundingBox] {
        let g = Geodesic.wgs84
        let r = radius * (1 + 1e-9) + 1e-3
        let pad = 1e-9
        let coversNorth = r >= g.distance(from: center, to: Coordinate(lon: center.lon, lat: 90))
        let coversSouth = r >= g.distance(from: center, to: Coordinate(lon: center.lon, lat: -90))
        let north = coversNorth ? 90 : min(90, g.destination(from: center, azimuth: 0, distance: r).point.lat + pad)
        let south = coversSouth ? -90 : max(-90, g.destination(from: center, azimuth: 180, distance: r).point.lat - pad)
        if coversNorth || coversSouth {
            return [BoundingBox(west: -180, south: south, east: 180, north: north)]
        }
        let half = maxLongitudeOffset(center: center, radius: r) + pad
        if half >= 180 { return [BoundingBox(west: -180, south: south, east: 180, north: north)] }
        let west = center.lon - half, east = center.lon + half
        if west < -180 {
            return [BoundingBox(west: west + 360, south: south, east: 180, north: north),
                    BoundingBox(west: -180, south: south, east: east, north: north)]
        }
        if east > 180 {
            return [BoundingBox(west: west, south: south, east: 180, north: north),
                    BoundingBox(west: -180, south: south, east: east - 360, north: north)]
        }
        return [BoundingBox(west: west, south: south, east: east, north: north)]
    }

    /// The largest longitude difference (degrees, ≥ 0) between `center` and a point of the geodesic
    /// circle of `radius` metres that covers neither pole: the point where the radial geodesic arrives
    /// with azimuth 90°. Checked against neighbouring azimuths; falls back to a dense search if the
    /// secant method strays.
    static func maxLongitudeOffset(center: Coordinate, radius: Double) -> Double {
        let g = Geodesic.wgs84
        func offset(_ azimuth: Double) -> (dLon: Double, azi2: Double) {
            let (p, azi2) = g.destination(from: center, azimuth: azimuth, distance: radius)
            var d = p.lon - center.lon
            if d < -180 { d += 360 } else if d > 180 { d -= 360 }
            return (d, azi2)
        }
        let phi0 = center.lat * .pi / 180
        let sigma = radius / 6_371_008.8
        let guess = acos(max(-1, min(1, tan(min(sigma, 1.5)) * tan(phi0)))) * 180 / .pi
        var a0 = min(max(guess, 1e-6), 180 - 1e-6), a1 = min(a0 + 1e-3, 180 - 1e-6)
        var f0 = offset(a0).azi2 - 90, f1 = offset(a1).azi2 - 90
        for _ in 0..<30 where abs(f1) > 1e-13 && f1 != f0 {
            let a2 = min(max(a1 - f1 * (a1 - a0) / (f1 - f0), 1e-9), 180 - 1e-9)
            a0 = a1; f0 = f1
            a1 = a2; f1 = offset(a1).azi2 - 90
        }
        let best = offset(a1).dLon
        // Guard: the tangent point is a maximum; if a neighbour is higher, search densely instead.
        let step = 0.5
        if abs(f1) < 1e-9, best >= offset(max(a1 - step, 0)).dLon, best >= offset(min(a1 + step, 180)).dLon {
            return best
        }
        return denseMaximum { offset($0).dLon }
    }

    /// The maximum of `f` over azimuths [0, 180]: 721 samples, then golden-section refinement around the best.
    static func denseMaximum(_ f: (Double) -> Double) -> Double {
        var bestA = 0.0, best = -Double.infinity
        for k in 0...720 {
            let a = Double(k) * 0.25
            let v = f(a)
            if v > best { best = v; bestA = a }
        }
        var lo = max(0, bestA - 0.25), hi = min(180, bestA + 0.25)
        let ratio = (5.0.squareRoot() - 1) / 2
        for _ in 0..<60 {
            let m1 = hi - ratio * (hi - lo), m2 = lo + ratio * (hi - lo)
            if f(m1) < f(m2) { lo = m1 } else { hi = m2 }
        }
        return max(best, f((lo + hi) / 2))
    }
}
