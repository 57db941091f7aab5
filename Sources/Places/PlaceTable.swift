import Foundation
import GeoModel

/// The gazetteer's place TSV format: UTF-8, tab-separated, a header line, no quoting;
/// columns `id name kind lon lat country admin1 population alternate_names source`.
public enum PlaceTable {
    /// The header line's columns, in order.
    public static let columns = ["id", "name", "kind", "lon", "lat", "country", "admin1", "population",
                                 "alternate_names", "source"]

    /// Parses a place TSV. `file` names the file in errors.
    /// - Throws: `PlacesError.malformed` naming `file` and the 1-based line of the first bad row
    ///   (wrong header, wrong column count, empty id or name, unknown kind, a coordinate that is not a
    ///   number or out of range, a population that is not a non-negative integer).
    public static func parse(_ text: String, file: String) throws -> [Place] {
        var text = text
        return try text.withUTF8 { try parse(bytes: $0, file: file) }
    }

    /// Parses a place TSV given as UTF-8 bytes (see `parse(_:file:)`), splitting on bytes for speed.
    public static func parse(bytes: UnsafeBufferPointer<UInt8>, file: String) throws -> [Place] {
        let tab = UInt8(ascii: "\t"), newline = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        var places: [Place] = []
        var lineNumber = 0
        var start = 0
        var fields: [String] = []
        fields.reserveCapacity(columns.count)
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != newline { end += 1 }
            lineNumber += 1
            var stop = end
            if stop > start, bytes[stop - 1] == cr { stop -= 1 }
            fields.removeAll(keepingCapacity: true)
            var f = start
            if lineNumber == 1, stop - start >= 3, bytes[start] == 0xEF, bytes[start + 1] == 0xBB, bytes[start + 2] == 0xBF { f += 3 }
            var blank = true
            for k in f...stop where k == stop || bytes[k] == tab {
                fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[f..<k]), as: UTF8.self))
                f = k + 1
            }
            for k in start..<stop where bytes[k] != tab && bytes[k] != UInt8(ascii: " ") { blank = false; break }
            if lineNumber == 1 {
                guard fields == columns else {
                    throw PlacesError.malformed(file: file, line: 1, message:
                        "the header must be the columns \(columns.joined(separator: ", ")) separated by tabs")
                }
            } else if !blank {
                places.append(try row(fields, file: file, line: lineNumber))
            }
            start = end + 1
        }
        if lineNumber == 0 { throw PlacesError.malformed(file: file, line: 1, message: "the file is empty (no header line)") }
        return places
    }

    static func row(_ f: [String], file: String, line n: Int) throws -> Place {
        func bad(_ message: String) -> PlacesError { .malformed(file: file, line: n, message: message) }
        guard f.count == columns.count else {
            throw bad("expected \(columns.count) tab-separated columns, found \(f.count)")
        }
        let id = f[0], name = f[1]
        guard !id.isEmpty else { throw bad("empty id") }
        guard !name.isEmpty else { throw bad("empty name for \(id)") }
        guard let kind = PlaceKind(rawValue: f[2]) else {
            throw bad("unknown kind '\(f[2])' for \(id) (expected one of \(PlaceKind.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        guard let lon = Double(f[3]), let lat = Double(f[4]) else {
            throw bad("longitude '\(f[3])' and latitude '\(f[4])' of \(id) must be decimal degrees")
        }
        let c = Coordinate(lon: lon, lat: lat)
        guard c.isValidGeographic else { throw bad("position \(lon),\(lat) of \(id) is out of range") }
        var population: Int? = nil
        if !f[7].isEmpty {
            guard let p = Int(f[7]), p >= 0 else { throw bad("population '\(f[7])' of \(id) is not a non-negative integer") }
            population = p
        }
        let alternates = f[8].utf8.split(separator: UInt8(ascii: "|")).map { String(Substring($0)) }
        return Place(id: id, name: name, kind: kind, coordinate: c, country: f[5], admin1: f[6],
                     population: population, alternateNames: alternates, source: f[9])
    }

    /// The places as a TSV in this format, header first, rows in the given order, 6 decimals.
    /// Tabs, newlines and `|` inside a value are replaced by spaces (the format has no quoting).
    public static func text(_ places: [Place]) -> String {
        func clean(_ s: String) -> String {
            String(s.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
        }
        var out = columns.joined(separator: "\t") + "\n"
        for p in places {
            let alternates = p.alternateNames.map { clean($0).replacingOccurrences(of: "|", with: " ") }
            let cells = [p.id, p.name, p.kind.rawValue, NumberFormat.fixed(p.coordinate.lon, 6),
                         NumberFormat.fixed(p.coordinate.lat, 6), p.country, p.admin1,
                         p.population.map(String.init) ?? "", alternates.joined(separator: "|"), p.source]
            out += cells.map(clean).joined(separator: "\t") + "\n"
        }
        return out
    }
}

/// Writing files whole: a temporary file in the same folder, then a rename.
enum AtomicFile {
    /// Writes `text` to `url` atomically. Throws `PlacesError.notFound` when the folder cannot be written.
    static func write(_ text: String, to url: URL) throws {
        let dir = url.deletingLastPathComponent()
        let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try Data(text.utf8).write(to: tmp)
            // rename(2) replaces the target atomically; returns -1 on failure.
            guard rename(tmp.path, url.path) == 0 else {
                throw PlacesError.notFound("cannot rename \(tmp.path) to \(url.path)")
            }
        } catch let e as PlacesError {
            try? FileManager.default.removeItem(at: tmp)
            throw e
        } catch {
            try? FileManager.default.removeItem(at: tmp)
            throw PlacesError.notFound("cannot write \(url.path): \(error.localizedDescription)")
        }
    }
}
