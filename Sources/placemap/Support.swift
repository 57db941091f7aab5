import ArgumentParser
import Foundation
import GeoModel

/// Shared helpers of the subcommands: parsing and error reporting.
enum CLI {
    /// A LON,LAT argument, with a one-line error naming the problem.
    static func coordinate(_ text: String) throws -> Coordinate {
        do { return try Coordinate(parsing: text) } catch let e as CoordinateError {
            throw ValidationError(e.description)
        }
    }
}

/// Number formatting for people.
enum Format {
    /// `x` with exactly `decimals` decimals.
    static func fixed(_ x: Double, _ decimals: Int) -> String { NumberFormat.fixed(x, decimals) }
    /// Metres with two decimals and thousands separators: 14,962.27.
    static func metres(_ m: Double) -> String { NumberFormat.grouped(m, decimals: 2) }
}
