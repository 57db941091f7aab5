import Foundation
import GeoModel
import Geodesy

/// A packed grid over points (longitude/latitude degrees) for geodesic circle queries.
///
/// The points are sorted by cell (a counting sort) into flat arrays: longitude, latitude, the
/// Earth-centred point, and the original index; each cell is a range of that order. Cells are about
/// square on the ground and hold about `pointsPerCell` points on average over the points' bounding box.
/// A query visits only the cells meeting the circle's boxes (`GeodesicCircle.boxes`); a cell whose
/// every point is provably inside is counted whole, one provably outside is skipped, and in the rest
/// each point is decided by the circle's chord bounds and, in the thin shell between them, by
/// `geod_inverse`. Results are exactly those of a full scan with `geod_inverse`.
public final class PointGrid: @unchecked Sendable {
    /// The number of points.
    public let count: Int
    private let west: Double, south: Double, cellWidth: Double, cellHeight: Double
    private let nx: Int, ny: Int
    /// Start of each cell's run in the sorted arrays (nx·ny + 1 entries).
    private let cellStart: [Int32]
    /// Per cell: the Earth-centred point of its centre and a radius (metres) holding all of its area.
    private let cellCenter: [EarthPoint]
    private let cellRadius: [Double]
    private let lons: [Double], lats: [Double]
    private let points: [EarthPoint]
    /// The original index of each sorted point.
    private let order: [Int32]

    /// An index over `coordinates` (each a valid longitude/latitude).
    public init(_ coordinates: [Coordinate], pointsPerCell: Double = 8) {
        count = coordinates.count
        var w = 180.0, e = -180.0, s = 90.0, n = -90.0
        for c in coordinates {
            w = min(w, c.lon); e = max(e, c.lon); s = min(s, c.lat); n = max(n, c.lat)
        }
        if coordinates.isEmpty { w = 0; e = 0; s = 0; n = 0 }
        let spanX = max(e - w, 1e-6), spanY = max(n - s, 1e-6)
        let cells = max(1.0, min(Double(count) / pointsPerCell, 4_000_000))
        let midCos = max(cos((s + n) / 2 * .pi / 180), 0.01)
        let aspect = (spanX * midCos) / spanY
        let gx = max(1, min(4096, Int((cells * aspect).squareRoot().rounded())))
        let gy = max(1, min(4096, Int((cells / Double(gx)).rounded())))
        nx = gx; ny = gy
        west = w; south = s
        cellWidth = spanX / Double(gx) * (1 + 1e-12)
        cellHeight = spanY / Double(gy) * (1 + 1e-12)

        // Counting sort by cell.
        var cellOf = [Int32](repeating: 0, count: count)
        var counts = [Int32](repeating: 0, count: gx * gy + 1)
        for (i, c) in coordinates.enumerated() {
            let cx = min(gx - 1, Int((c.lon - w) / cellWidth)), cy = min(gy - 1, Int((c.lat - s) / cellHeight))
            let id = cy * gx + cx
            cellOf[i] = Int32(id)
            counts[id + 1] += 1
        }
        for k in 1..<counts.count { counts[k] += counts[k - 1] }
        cellStart = counts
        // Scatter in input order (sequential reads; the scattered writes do not stall as gathers would).
        var next = counts
        var order = [Int32](repeating: 0, count: count)
        var lons = [Double](repeating: 0, count: count), lats = [Double](repeating: 0, count: count)
        var points = [EarthPoint](repeating: EarthPoint(x: 0, y: 0, z: 0), count: count)
        for (i, c) in coordinates.enumerated() {
            let id = Int(cellOf[i])
            let k = Int(next[id])
            next[id] += 1
            order[k] = Int32(i)
            lons[k] = c.lon
            lats[k] = c.lat
            points[k] = EarthPoint(c)
        }
        self.order = order
        self.lons = lons
        self.lats = lats
        self.points = points

        // Cell bounds: any point of the cell is reached from its centre by a meridian arc of at most
        // M(max |φ|)·Δφ/2 then a parallel arc of at most p(min |φ|)·Δλ/2; a chord is never longer.
        var centers: [EarthPoint] = [], radii: [Double] = []
        centers.reserveCapacity(gx * gy); radii.reserveCapacity(gx * gy)
        let cw = cellWidth, ch = cellHeight
        for cy in 0..<gy {
            let lat0 = s + Double(cy) * ch, lat1 = lat0 + ch
            let maxAbs = min(90, max(abs(lat0), abs(lat1)))
            let minAbs = lat0 <= 0 && lat1 >= 0 ? 0 : min(abs(lat0), abs(lat1), 90)
            let r = WGS84.meridionalRadius(lat: maxAbs) * (ch / 2 * .pi / 180)
                + WGS84.parallelRadius(lat: minAbs) * (cw / 2 * .pi / 180)
            for cx in 0..<gx {
                let lon = w + (Double(cx) + 0.5) * cw
                centers.append(EarthPoint(Coordinate(lon: lon, lat: lat0 + ch / 2)))
                radii.append(r * (1 + 1e-9) + 1e-6)
            }
        }
        cellCenter = centers
        cellRadius = radii
    }

    /// Calls `body(cellRange, whole)` for each cell meeting the circle's boxes that is not provably
    /// outside; `whole` is true when every point of the cell is provably inside.
    @inline(__always)
    private func visitCells(_ circle: GeodesicCircle, _ body: (Range<Int>, Bool) -> Void) {
        guard count > 0 else { return }
        let reject = circle.rejectChord, accept = circle.acceptChord
        for box in circle.boxes {
            let x0 = Int(((box.west - west) / cellWidth).rounded(.down)), x1 = Int(((box.east - west) / cellWidth).rounded(.down))
            let y0 = Int(((box.south - south) / cellHeight).rounded(.down)), y1 = Int(((box.north - south) / cellHeight).rounded(.down))
            if x1 < 0 || y1 < 0 || x0 >= nx || y0 >= ny { continue }
            for cy in max(0, y0)...min(ny - 1, y1) {
                for cx in max(0, x0)...min(nx - 1, x1) {
                    let id = cy * nx + cx
                    let lo = Int(cellStart[id]), hi = Int(cellStart[id + 1])
                    if lo == hi { continue }
                    let d = circle.centerPoint.chord2(cellCenter[id]).squareRoot()
                    let r = cellRadius[id]
                    if d - r > reject { continue }
                    body(lo..<hi, d + r <= accept)
                }
            }
        }
    }

    /// The number of points within the circle.
    public func count(in circle: GeodesicCircle) -> Int {
        var total = 0
        visitCells(circle) { range, whole in
            if whole { total += range.count; return }
            for k in range where circle.contains(Coordinate(lon: lons[k], lat: lats[k]), points[k]) { total += 1 }
        }
        return total
    }

    /// The original indices of the points within the circle, in index order (not by distance).
    public func indices(in circle: GeodesicCircle) -> [Int] {
        var out: [Int] = []
        visitCells(circle) { range, whole in
            for k in range where whole || circle.contains(Coordinate(lon: lons[k], lat: lats[k]), points[k]) {
                out.append(Int(order[k]))
            }
        }
        return out
    }
}

/// The baseline the index must equal: every point tested with `geod_inverse`.
public enum FullScan {
    /// The indices of `coordinates` within `radius` metres of `center` by `geod_inverse`.
    public static func indices(_ coordinates: [Coordinate], center: Coordinate, radius: Double) -> [Int] {
        let g = Geodesic.wgs84
        return coordinates.indices.filter { g.distance(from: center, to: coordinates[$0]) <= radius }
    }
}
