import ArgumentParser
import Foundation
import GeoModel
import Places

/// Shared helpers of the subcommands: parsing and error reporting.
enum CLI {
    /// A LON,LAT argument, with a one-line error naming the problem.
    static func coordinate(_ text: String) throws -> Coordinate {
        do { return try Coordinate(parsing: text) } catch let e as CoordinateError {
            throw ValidationError(e.description)
        }
    }

    /// The default gazetteer (`Gazetteer.loadDefault(shapes:)`), its errors as one clear line. Commands that
    /// only look up places pass `shapes: false` and skip the GeoJSON files.
    static func gazetteer(shapes: Bool = true) throws -> Gazetteer {
        try places { try Gazetteer.loadDefault(shapes: shapes) }
    }

    /// Runs `body`, turning a `PlacesError` into one line on stderr (`placemap: error: ...`) and exit status 1.
    static func places<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as PlacesError {
            FileHandle.standardError.write(Data("placemap: error: \(e.description)\n".utf8))
            throw ExitCode.failure
        }
    }

    /// Runs `body`, turning any library error into one line on stderr (`placemap: error: ...`) and exit
    /// status 1; errors of the argument parser pass through.
    static func oneLine<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as ExitCode { throw e } catch let e as ValidationError { throw e } catch {
            FileHandle.standardError.write(Data("placemap: error: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }

    /// A warning on stderr (`placemap: warning: ...`).
    static func warn(_ message: String) {
        FileHandle.standardError.write(Data("placemap: warning: \(message)\n".utf8))
    }

    /// Prints `placemap: error: <message>` on stderr and exits with status 1.
    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("placemap: error: \(message)\n".utf8))
        Foundation.exit(1)
    }

    /// A position given as LON,LAT or as a place name (resolved in the gazetteer).
    static func position(_ text: String, gazetteer: () throws -> Gazetteer) throws -> Coordinate {
        let first = text.split(separator: ",", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        if Double(first) != nil { return try coordinate(text) }
        let g = try gazetteer()
        return try places { try g.resolve(text).place.coordinate }
    }
}

/// Number formatting for people.
enum Format {
    /// `x` with exactly `decimals` decimals.
    static func fixed(_ x: Double, _ decimals: Int) -> String { NumberFormat.fixed(x, decimals) }
    /// Metres with two decimals and thousands separators: 14,962.27.
    static func metres(_ m: Double) -> String { NumberFormat.grouped(m, decimals: 2) }
}

extension Format {
    /// Rows as left-aligned columns separated by two spaces (the first row is the header).
    static func table(_ rows: [[String]]) -> String {
        let widths = (0..<(rows.map(\.count).max() ?? 0)).map { c in rows.map { c < $0.count ? $0[c].count : 0 }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { c, cell in
                c == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[c] - cell.count)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
