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
    static func fixed(_ x: Double, _ decimals: Int) -> String { String(format: "%.\(decimals)f", x) }

    /// Metres with two decimals and thousands separators: 14,962.27.
    static func metres(_ m: Double) -> String { grouped(m, decimals: 2) }

    /// `x` with `decimals` decimals and commas between thousands.
    static func grouped(_ x: Double, decimals: Int) -> String {
        let s = fixed(abs(x), decimals)
        let parts = s.split(separator: ".", maxSplits: 1)
        var intPart = String(parts[0])
        var out = ""
        while intPart.count > 3 {
            out = "," + intPart.suffix(3) + out
            intPart = String(intPart.dropLast(3))
        }
        out = intPart + out
        if parts.count > 1 { out += "." + parts[1] }
        return (x < 0 ? "-" : "") + out
    }
}
