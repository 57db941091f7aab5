import Foundation
import GeoModel

/// Reading an area of interest given by the user (`--area FILE`).
public enum AreaOfInterest {
    /// Every Polygon and MultiPolygon of a GeoJSON file (a FeatureCollection, a Feature or a bare
    /// geometry), as one MultiPolygon in WGS84. Throws `ControlError.area` naming the file when it cannot
    /// be read, holds no polygon, or has a position outside [-180, 180] × [-90, 90].
    public static func load(path: String) throws -> Geometry {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ControlError.area("cannot read \(path)")
        }
        let collection: FeatureCollection
        do { collection = try GeoJSON.decodeCollection(String(decoding: data, as: UTF8.self)) } catch {
            throw ControlError.area("\(path): \(error)")
        }
        let polygons = collection.features.compactMap(\.geometry).flatMap(\.polygons)
        guard !polygons.isEmpty else { throw ControlError.area("\(path) holds no Polygon or MultiPolygon") }
        let area = Geometry.multiPolygon(polygons)
        if let bad = area.coordinates.first(where: { !$0.isValidGeographic }) {
            throw ControlError.area("\(path): position \(bad) is not longitude, latitude in degrees (WGS84)")
        }
        return area
    }
}
