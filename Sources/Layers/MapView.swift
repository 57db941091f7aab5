import Foundation
import GeoModel
import Geodesy

/// The frame of a drawn map: an extent in Web Mercator (EPSG:3857, through PROJ) fitted to a width in
/// pixels, with the conversions from longitude/latitude to pixels and a scale bar of true ground distance.
public struct MapView {
    /// Width and height of the map in pixels.
    public let width: Double, height: Double
    /// The projected extent (metres of EPSG:3857): west, south, east, north.
    public let west: Double, south: Double, east: Double, north: Double
    /// Pixels per projected metre.
    public let scale: Double
    /// The geographic box the view shows (for clipping), slightly enlarged.
    public let geographicBox: BoundingBox
    private let projection: Transformation

    /// A view of `box` (longitude/latitude), padded by `padding` (a fraction of each side) and widened to
    /// at least `minimumSpanMetres` of projected extent, fitted to `width` pixels; the height follows
    /// the extent's shape within `heightRange`. Throws `LayersError.projection` with PROJ's message.
    public init(box: BoundingBox, width: Double, heightRange: ClosedRange<Double> = 560...900,
                padding: Double = 0.12, minimumSpanMetres: Double = 40_000) throws {
        do {
            projection = try Transformation(from: CRS.wgs84, to: CRS.webMercator)
            let sw = try projection.forward(Coordinate(lon: box.west, lat: box.south))
            let ne = try projection.forward(Coordinate(lon: box.east, lat: box.north))
            let cx = (sw.x + ne.x) / 2, cy = (sw.y + ne.y) / 2
            var spanX = max(ne.x - sw.x, minimumSpanMetres) * (1 + 2 * padding)
            var spanY = max(ne.y - sw.y, minimumSpanMetres * 0.6) * (1 + 2 * padding)
            // Fit the shape to the allowed heights by widening the shorter side.
            let ratio = spanY / spanX
            let h = min(max(width * ratio, heightRange.lowerBound), heightRange.upperBound)
            let wanted = h / width
            if ratio < wanted { spanY = spanX * wanted } else { spanX = spanY / wanted }
            self.width = width
            height = h.rounded()
            west = cx - spanX / 2; east = cx + spanX / 2; south = cy - spanY / 2; north = cy + spanY / 2
            scale = width / spanX
            let lo = try projection.inverse(Coordinate(x: west - spanX * 0.1, y: south - spanY * 0.1))
            let hi = try projection.inverse(Coordinate(x: east + spanX * 0.1, y: north + spanY * 0.1))
            geographicBox = BoundingBox(west: lo.lon, south: lo.lat, east: hi.lon, north: hi.lat)
        } catch let e as GeodesyError {
            throw LayersError.projection(e.description)
        }
    }

    /// The pixel position of a longitude/latitude (x right, y down).
    public func pixel(_ c: Coordinate) -> (x: Double, y: Double) {
        guard let p = try? projection.forward(c) else { return (.nan, .nan) }
        return ((p.x - west) * scale, (north - p.y) * scale)
    }

    /// The pixel positions of many coordinates in one PROJ call.
    public func pixels(_ cs: [Coordinate]) -> [(x: Double, y: Double)] {
        guard let ps = try? projection.forward(cs) else { return cs.map(pixel) }
        return ps.map { ((($0.x - west) * scale), (north - $0.y) * scale) }
    }

    /// The longitude/latitude at the centre of the view.
    public var centre: Coordinate {
        (try? projection.inverse(Coordinate(x: (west + east) / 2, y: (south + north) / 2)))
            ?? Coordinate(lon: 0, lat: 0)
    }

    /// A scale bar of a round ground distance (1, 2, 5 × 10ⁿ km) about `targetPixels` long, measured as
    /// the geodesic eastward from the view's centre: its length in kilometres and in pixels.
    public func scaleBar(targetPixels: Double = 150) -> (km: Double, pixels: Double) {
        let c = centre
        let east = Geodesic.wgs84.destination(from: c, azimuth: 90, distance: 10_000).point
        let pxPerKm = abs(pixel(east).x - pixel(c).x) / 10
        guard pxPerKm > 0, pxPerKm.isFinite else { return (10, 100) }
        let raw = targetPixels / pxPerKm
        let magnitude = pow(10, floor(log10(raw)))
        let step = [1.0, 2, 5, 10].last { $0 * magnitude <= raw } ?? 1
        let km = step * magnitude
        // The exact pixel length of `km` along the geodesic.
        let end = Geodesic.wgs84.destination(from: c, azimuth: 90, distance: km * 1000).point
        return (km, abs(pixel(end).x - pixel(c).x))
    }
}
