import ArgumentParser
import FileIO
import Foundation
import GeoModel
import Places

/// The command line's one way of speaking: data on stdout, diagnostics on stderr, each one line
/// (`placemap: error: …`, `placemap: warning: …`), text from files made visible (`Diagnostic.oneLine`).
enum CLI {
    /// Prints `placemap: KIND: message` on stderr, on one line.
    static func say(_ kind: String, _ message: String) {
        FileHandle.standardError.write(Data("placemap: \(kind): \(Diagnostic.oneLine(message))\n".utf8))
    }

    /// A warning on stderr (`placemap: warning: ...`).
    static func warn(_ message: String) { say("warning", message) }

    /// Prints `placemap: error: <message>` on stderr and stops with exit status 1.
    static func fail(_ message: String) throws -> Never {
        say("error", message)
        throw ExitCode.failure
    }

    /// Runs a command's body; any error becomes one line on stderr and exit status 1 (argument errors keep
    /// the parser's status, 64). Commands call it from `run()`.
    static func reporting(_ body: () throws -> Void) throws {
        do { try body() } catch let e as ExitCode { throw e } catch let e as ValidationError {
            say("error", e.message)
            throw ExitCode.validationFailure
        } catch {
            say("error", "\(error)")
            throw ExitCode.failure
        }
    }

    /// As `reporting`, returning the body's value.
    static func reportingValue<T>(_ body: () throws -> T) throws -> T {
        var value: T?
        try reporting { value = try body() }
        return value!
    }

    /// Runs `body`; errors become one line (kept for the gazetteer commands, which call it around loads).
    static func places<T>(_ body: () throws -> T) throws -> T { try reportingValue(body) }

    /// A LON,LAT argument, with a one-line error naming the problem.
    static func coordinate(_ text: String) throws -> Coordinate {
        do { return try Coordinate(parsing: text) } catch let e as CoordinateError {
            throw ValidationError(e.description)
        }
    }

    /// The default gazetteer (`Gazetteer.loadDefault(shapes:)`). Commands that only look up places pass
    /// `shapes: false` and skip the GeoJSON files.
    static func gazetteer(shapes: Bool = true) throws -> Gazetteer {
        try places { try Gazetteer.loadDefault(shapes: shapes) }
    }

    /// A position given as LON,LAT or as a place name (resolved in the gazetteer).
    static func position(_ text: String, gazetteer: () throws -> Gazetteer) throws -> Coordinate {
        let first = text.split(separator: ",", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        if Double(first) != nil { return try coordinate(text) }
        let g = try gazetteer()
        return try places { try g.resolve(text).place.coordinate }
    }

    /// The centre of a query: a place name (gazetteer) or `--at LON,LAT`, exactly one of them.
    static func center(place: String?, at: String?) throws -> Coordinate {
        switch (place, at) {
        case (let p?, nil): return try position(p) { try gazetteer(shapes: false) }
        case (nil, let a?): return try coordinate(a)
        case (nil, nil): throw ValidationError("give a place name or --at LON,LAT")
        default: throw ValidationError("give either a place name or --at LON,LAT, not both")
        }
    }

    /// A `YYYY-MM-DD` option, or nil when absent; throws naming the option when malformed.
    static func day(_ text: String?, _ option: String) throws -> Day? {
        guard let text else { return nil }
        guard let d = Day(iso: text) else { throw ValidationError("\(option) \"\(text)\" is not a date (YYYY-MM-DD)") }
        return d
    }
}

/// Number formatting for people.
enum Format {
    /// `x` with exactly `decimals` decimals.
    static func fixed(_ x: Double, _ decimals: Int) -> String { NumberFormat.fixed(x, decimals) }
    /// Metres with two decimals and thousands separators: 14,962.27.
    static func metres(_ m: Double) -> String { NumberFormat.grouped(m, decimals: 2) }
    /// Rows as left-aligned columns separated by two spaces (the first row is the header).
    static func table(_ rows: [[String]]) -> String { TextTable.render(rows) }
}
