import Foundation
import GeoModel

/// The gazetteer's place TSV format: UTF-8, tab-separated, a header line, no quoting; the columns
/// `id name kind lon lat country admin1 population alternate_names source`, then any of the optional columns
/// `other_ids pcode admin2 admin3 licence` (in any order, each once).
public enum PlaceTable {
    /// The required columns, in order.
    public static let columns = ["id", "name", "kind", "lon", "lat", "country", "admin1", "population",
                                 "alternate_names", "source"]
    /// The optional columns that may follow the required ones: further ids (`|`-separated), the OCHA P-code,
    /// the second- and third-level divisions, the licence (SPDX ids joined by "; ").
    public static let optionalColumns = ["other_ids", "pcode", "admin2", "admin3", "licence"]

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
        var layout = Layout(optional: [])
        fields.reserveCapacity(columns.count + optionalColumns.count)
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
                layout = try Layout(header: fields, file: file)
            } else if !blank {
                places.append(try row(fields, layout: layout, file: file, line: lineNumber))
            }
            start = end + 1
        }
        if lineNumber == 0 { throw PlacesError.malformed(file: file, line: 1, message: "the file is empty (no header line)") }
        return places
    }

    /// Which optional columns a file has, and where.
    struct Layout {
        /// The optional columns after the required ones, in the file's order.
        var optional: [String]
        var count: Int { columns.count + optional.count }

        init(optional: [String]) { self.optional = optional }

        /// The layout of a header line. Throws `PlacesError.malformed` (line 1) when the required columns are
        /// not first, in order, or an optional column is unknown or repeated.
        init(header: [String], file: String) throws {
            guard header.count >= columns.count, Array(header.prefix(columns.count)) == columns else {
                throw PlacesError.malformed(file: file, line: 1, message:
                    "the header must be the columns \(columns.joined(separator: ", ")) separated by tabs, "
                    + "optionally followed by \(optionalColumns.joined(separator: ", "))")
            }
            let rest = Array(header.dropFirst(columns.count))
            for (k, c) in rest.enumerated() {
                guard optionalColumns.contains(c) else {
                    throw PlacesError.malformed(file: file, line: 1, message:
                        "unknown column '\(c)' (the optional columns are \(optionalColumns.joined(separator: ", ")))")
                }
                guard !rest[..<k].contains(c) else {
                    throw PlacesError.malformed(file: file, line: 1, message: "the column '\(c)' appears twice")
                }
            }
            optional = rest
        }

        /// The value of optional column `name` in `f`, or "".
        func value(_ name: String, in f: [String]) -> String {
            optional.firstIndex(of: name).map { f[columns.count + $0] } ?? ""
        }
    }

    static func row(_ f: [String], layout: Layout, file: String, line n: Int) throws -> Place {
        func bad(_ message: String) -> PlacesError { .malformed(file: file, line: n, message: message) }
        guard f.count == layout.count else {
            throw bad("expected \(layout.count) tab-separated columns, found \(f.count)")
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
        func list(_ s: String) -> [String] { s.utf8.split(separator: UInt8(ascii: "|")).map { String(Substring($0)) } }
        var place = Place(id: id, name: name, kind: kind, coordinate: c, country: f[5], admin1: f[6],
                          population: population, alternateNames: list(f[8]), source: f[9])
        if !layout.optional.isEmpty {
            place.otherIDs = list(layout.value("other_ids", in: f))
            place.pcode = layout.value("pcode", in: f)
            place.admin2 = layout.value("admin2", in: f)
            place.admin3 = layout.value("admin3", in: f)
            place.licence = layout.value("licence", in: f)
        }
        return place
    }

    /// The places as a TSV in this format, header first, rows in the given order, 6 decimals: the required
    /// columns, then the optional columns that some place fills. Tabs, newlines and `|` inside a value are
    /// replaced by spaces (the format has no quoting).
    public static func text(_ places: [Place]) -> String {
        func clean(_ s: String) -> String {
            String(s.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
        }
        func joined(_ values: [String]) -> String {
            values.map { clean($0).replacingOccurrences(of: "|", with: " ") }.joined(separator: "|")
        }
        let optional: [(String, (Place) -> String)] = [
            ("other_ids", { joined($0.otherIDs) }), ("pcode", \.pcode), ("admin2", \.admin2), ("admin3", \.admin3),
            ("licence", \.licence),
        ].filter { column in places.contains { !column.1($0).isEmpty } }
        var out = (columns + optional.map(\.0)).joined(separator: "\t") + "\n"
        for p in places {
            let cells = [p.id, p.name, p.kind.rawValue, NumberFormat.fixed(p.coordinate.lon, 6),
                         NumberFormat.fixed(p.coordinate.lat, 6), p.country, p.admin1,
                         p.population.map(String.init) ?? "", joined(p.alternateNames), p.source]
            out += (cells + optional.map { $0.1(p) }).map(clean).joined(separator: "\t") + "\n"
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
