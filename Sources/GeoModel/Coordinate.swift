/// A position: longitude and latitude in degrees (WGS84) or, in a projected CRS,
/// easting and northing in metres. Longitude (x) always comes first, as in RFC 7946.
public struct Coordinate: Hashable, Sendable, CustomStringConvertible {
    /// Longitude in degrees, or easting in metres in a projected CRS.
    public var x: Double
    /// Latitude in degrees, or northing in metres in a projected CRS.
    public var y: Double

    /// A position from a longitude and a latitude in degrees.
    public init(lon: Double, lat: Double) { x = lon; y = lat }
    /// A position from planar x and y (easting and northing in metres).
    public init(x: Double, y: Double) { self.x = x; self.y = y }

    /// Longitude in degrees (the same value as `x`).
    public var lon: Double { x }
    /// Latitude in degrees (the same value as `y`).
    public var lat: Double { y }

    /// True when longitude lies in [-180, 180] and latitude in [-90, 90] and both are finite.
    public var isValidGeographic: Bool {
        x.isFinite && y.isFinite && (-180...180).contains(x) && (-90...90).contains(y)
    }

    public var description: String { "\(x),\(y)" }
}

/// Errors raised when reading coordinates given as text.
public enum CoordinateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text is not two numbers separated by a comma.
    case malformed(String)
    /// The longitude or latitude is outside [-180, 180] × [-90, 90].
    case outOfRange(lon: Double, lat: Double)

    public var description: String {
        switch self {
        case .malformed(let text):
            return "'\(text)' is not a position: expected LON,LAT in degrees, e.g. 36.80591,35.86447"
        case .outOfRange(let lon, let lat):
            return "position \(lon),\(lat) is out of range: longitude must lie in [-180, 180] and latitude in [-90, 90]"
        }
    }
}

extension Coordinate {
    /// Parses `LON,LAT` in degrees; throws `CoordinateError` when malformed or out of range.
    public init(parsing text: String) throws {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        // Plain decimals only: Double(_:) also reads "0x24", "0x1p3" and "nan".
        let plain = parts.allSatisfy { !$0.isEmpty && $0.unicodeScalars.allSatisfy { "0123456789.+-".unicodeScalars.contains($0) } }
        guard parts.count == 2, plain, let lon = Double(parts[0]), let lat = Double(parts[1]) else {
            throw CoordinateError.malformed(text)
        }
        let c = Coordinate(lon: lon, lat: lat)
        guard c.isValidGeographic else { throw CoordinateError.outOfRange(lon: lon, lat: lat) }
        self = c
    }
}

import Foundation
