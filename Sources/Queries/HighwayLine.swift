import EventModel
import Foundation
import GeoModel
import Geodesy
import Places
import Topology

/// Where a position falls along a highway.
public struct HighwayPosition: Sendable, Equatable {
    /// Geodesic length (metres) of the highway from its start to `point`.
    public var along: Double
    /// Geodesic distance (metres) from the position to `point`.
    public var offset: Double
    /// The point of the highway nearest the position (longitude, latitude).
    public var point: Coordinate
}

/// A highway prepared for linear referencing: its line in the UTM zone of its middle (PROJ) for GEOS
/// project/interpolate, and the geodesic length from its start to each vertex.
///
/// `locate` finds the nearest point of the line in UTM (`GEOSProject_r`, `GEOSInterpolate_r`), maps it
/// back to longitude/latitude, and measures lengths geodesically: the position along the road is the
/// geodesic length of the sub-line from the start to that point, the offset is the geodesic distance to it.
public final class HighwayLine {
    /// The highway.
    public let highway: Highway
    private let utm: Transformation
    private let projected: Geometry
    /// Planar length (UTM metres) from the start to each vertex.
    private let planarAt: [Double]
    /// Geodesic length (metres) from the start to each vertex.
    private let geodesicAt: [Double]

    /// Prepares `highway` (a line of at least two positions). Throws `GeodesyError` when PROJ fails.
    public init(_ highway: Highway) throws {
        precondition(highway.line.count >= 2, "a highway needs at least two positions")
        self.highway = highway
        let box = BoundingBox(covering: highway.line)!
        utm = try Transformation.toUTM(of: Coordinate(lon: (box.west + box.east) / 2, lat: (box.south + box.north) / 2))
        let xy = try utm.forward(highway.line)
        projected = .lineString(xy)
        var planar = [0.0], geodesic = [0.0]
        for i in 1..<xy.count {
            planar.append(planar[i - 1] + hypot(xy[i].x - xy[i - 1].x, xy[i].y - xy[i - 1].y))
            geodesic.append(geodesic[i - 1] + Geodesic.wgs84.distance(from: highway.line[i - 1], to: highway.line[i]))
        }
        planarAt = planar
        geodesicAt = geodesic
    }

    /// The geodesic length of the whole highway, metres.
    public var length: Double { geodesicAt.last! }

    /// Where `c` falls along the highway. Throws `GeodesyError` or `TopologyError` when PROJ or GEOS fail.
    public func locate(_ c: Coordinate) throws -> HighwayPosition {
        let d = try projected.project(try utm.forward(c))
        let q = try utm.inverse(try projected.interpolate(d))
        // The segment holding the point: the last vertex at or before d along the planar line.
        var lo = 0, hi = planarAt.count - 1
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if planarAt[mid] <= d { lo = mid } else { hi = mid }
        }
        let g = Geodesic.wgs84
        return HighwayPosition(along: geodesicAt[lo] + g.distance(from: highway.line[lo], to: q),
                               offset: g.distance(from: c, to: q), point: q)
    }

    /// The geodesic length along the highway between two positions that both lie within `within` metres
    /// of it, or nil when either lies farther.
    public func distanceAlong(_ a: Coordinate, _ b: Coordinate, within: Double) throws -> Double? {
        let pa = try locate(a), pb = try locate(b)
        guard pa.offset <= within, pb.offset <= within else { return nil }
        return abs(pa.along - pb.along)
    }
}

/// One event found near a highway.
public struct AlongHit: Sendable, Equatable {
    /// The event.
    public var event: Event
    /// Where it falls along the highway.
    public var position: HighwayPosition
}

/// "Events within N km of a highway", in road order.
public enum AlongQuery {
    /// The events passing `filter` that lie within `km` kilometres of the highway, ordered by their
    /// position along it (ties by id). Throws `QueriesError.badRadius`, or PROJ/GEOS errors.
    public static func run(_ events: [Event], highway: HighwayLine, km: Double, filter: EventFilter) throws -> [AlongHit] {
        guard km.isFinite, km >= 0, km <= QueriesError.maxRadiusKm else { throw QueriesError.badRadius(km: km) }
        var hits: [AlongHit] = []
        for e in events where filter.passes(e) {
            let p = try highway.locate(e.coordinate!)
            if p.offset <= km * 1000 { hits.append(AlongHit(event: e, position: p)) }
        }
        return hits.sorted {
            $0.position.along != $1.position.along ? $0.position.along < $1.position.along : $0.event.id < $1.event.id
        }
    }

    /// The highway both positions lie within `within` metres of (the one they lie closest to when
    /// several do) and the geodesic length along it between them; nil when there is none.
    public static func sharedHighway(_ a: Coordinate, _ b: Coordinate, highways: [Highway],
                                     within: Double = 2000) throws -> (highway: Highway, distance: Double)? {
        var best: (highway: Highway, distance: Double, offset: Double)?
        for h in highways where h.line.count >= 2 {
            let line = try HighwayLine(h)
            let pa = try line.locate(a), pb = try line.locate(b)
            let offset = max(pa.offset, pb.offset)
            guard offset <= within, offset < (best?.offset ?? .infinity) else { continue }
            best = (h, abs(pa.along - pb.along), offset)
        }
        return best.map { ($0.highway, $0.distance) }
    }
}
