import Foundation
import GeoModel

/// Reads GeoNames dumps (https://download.geonames.org/export/dump/) into gazetteer places.
///
/// The main file has 19 tab-separated columns: geonameid, name, asciiname, alternatenames (comma-
/// separated), latitude, longitude, feature class, feature code, country code, cc2, admin1 code, admin2,
/// admin3, admin4, population, elevation, dem, timezone, modification date. The alternate names file has
/// alternateNameId, geonameid, isolanguage, alternate name, and flags (8 or 10 columns).
/// Kept: populated places (class P: PPLC → capital, else city ≥ 100,000 people, town ≥ 10,000, village),
/// countries (PCLI, PCLD, PCLF, PCLS, PCLIX) and first-level divisions (ADM1 → governorate), airfields
/// (AIRB, AIRF, AIRP → airbase) and border posts (PSTB → crossing). Everything else is skipped.
public struct GeoNamesImport: Sendable {
    /// Rows kept and skipped.
    public var places: [Place] = []
    /// Rows read but not kept (another feature class, another country).
    public var skipped = 0

    /// Reads `geonames` (and optionally `alternateNames` and GeoNames' `admin1CodesASCII.txt`, which turns
    /// admin1 codes into names), keeping only `country` (ISO alpha-2) when given.
    /// - Throws: `PlacesError.malformed` naming the file and 1-based line of a row with the wrong number
    ///   of columns, a bad id, or a bad or out-of-range coordinate; `PlacesError.notFound` for a missing file.
    public init(geonames: URL, alternateNames: URL? = nil, admin1Codes: URL? = nil, country: String? = nil) throws {
        let cc = country?.uppercased()
        var admin1Names: [String: String] = [:]
        if let admin1Codes {
            try Lines.each(in: admin1Codes) { n, line in
                let f = line.split(separator: "\t", omittingEmptySubsequences: false)
                guard f.count >= 2 else {
                    throw PlacesError.malformed(file: admin1Codes.path, line: n, message: "expected CODE<TAB>NAME..., found \(f.count) column(s)")
                }
                admin1Names[String(f[0])] = String(f[1])
            }
        }
        var rows: [Place] = []
        var position: [Int: Int] = [:]
        var skipped = 0
        try Lines.each(in: geonames) { n, line in
            if line.hasPrefix("#") { return }
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            func bad(_ m: String) -> PlacesError { .malformed(file: geonames.path, line: n, message: m) }
            guard f.count == 19 else { throw bad("expected the 19 tab-separated GeoNames columns, found \(f.count)") }
            guard let id = Int(f[0]), id > 0 else { throw bad("geonameid '\(f[0])' is not a positive integer") }
            guard let lat = Double(f[4]), let lon = Double(f[5]) else {
                throw bad("latitude '\(f[4])' and longitude '\(f[5])' must be decimal degrees")
            }
            let c = Coordinate(lon: lon, lat: lat)
            guard c.isValidGeographic else { throw bad("position \(lon),\(lat) is out of range") }
            let code = String(f[8])
            if let cc, code != cc { skipped += 1; return }
            let population = Int(f[14]).flatMap { $0 > 0 ? $0 : nil }
            guard let kind = GeoNamesImport.kind(featureClass: f[6], code: f[7], population: population) else {
                skipped += 1; return
            }
            let name = String(f[1]).isEmpty ? String(f[2]) : String(f[1])
            guard !name.isEmpty else { throw bad("row \(id) has no name") }
            var alternates: [String] = []
            if f[2] != f[1], !f[2].isEmpty { alternates.append(String(f[2])) }
            alternates += f[3].split(separator: ",").map(String.init)
            let admin1Code = String(f[10])
            let admin1 = kind == .country ? "" : admin1Names["\(code).\(admin1Code)"] ?? admin1Code
            position[id] = rows.count
            rows.append(Place(id: "geonames:\(id)", name: name, kind: kind, coordinate: c, country: code, admin1: admin1,
                              population: population, alternateNames: alternates, source: "GeoNames"))
        }
        if let alternateNames {
            try Lines.each(in: alternateNames) { n, line in
                let f = line.split(separator: "\t", omittingEmptySubsequences: false)
                guard f.count >= 4 else {
                    throw PlacesError.malformed(file: alternateNames.path, line: n,
                                                message: "expected at least 4 tab-separated columns (id, geonameid, language, name), found \(f.count)")
                }
                guard let id = Int(f[1]) else {
                    throw PlacesError.malformed(file: alternateNames.path, line: n, message: "geonameid '\(f[1])' is not an integer")
                }
                guard let k = position[id], !GeoNamesImport.nonNames.contains(String(f[2])), !f[3].isEmpty else { return }
                rows[k].alternateNames.append(String(f[3]))
            }
        }
        for k in rows.indices {
            var seen: Set<String> = [rows[k].name]
            rows[k].alternateNames = rows[k].alternateNames
                .map { $0.replacingOccurrences(of: "|", with: " ").trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty && seen.insert($0).inserted }
        }
        places = rows.sorted { $0.id < $1.id }
        self.skipped = skipped
    }

    /// Language codes of the alternate names file that are not names (links, codes).
    static let nonNames: Set<String> = ["link", "wkdt", "post", "iata", "icao", "faac", "abbr", "unlc", "tcid", "fr_1793"]

    /// The gazetteer kind of a GeoNames feature, or nil when PlaceMap does not keep it.
    static func kind(featureClass: Substring, code: Substring, population: Int?) -> PlaceKind? {
        switch (featureClass, code) {
        case ("P", "PPLC"): return .capital
        case ("P", "PPLX"), ("P", "PPLH"), ("P", "PPLQ"), ("P", "PPLW"): return nil
        case ("P", _):
            let p = population ?? 0
            return p >= 100_000 ? .city : p >= 10_000 ? .town : .village
        case ("A", "PCLI"), ("A", "PCLD"), ("A", "PCLF"), ("A", "PCLS"), ("A", "PCLIX"): return .country
        case ("A", "ADM1"): return .governorate
        case ("S", "AIRB"), ("S", "AIRF"), ("S", "AIRP"): return .airbase
        case ("S", "PSTB"): return .crossing
        default: return nil
        }
    }

    /// Writes the places as a place TSV at `url`, atomically.
    /// - Throws: `PlacesError.notFound` when the folder cannot be written.
    public func write(to url: URL) throws { try AtomicFile.write(PlaceTable.text(places), to: url) }
}

/// Reading a text file line by line without holding it whole (GeoNames dumps run to gigabytes).
enum Lines {
    /// Calls `body` with each 1-based line number and line (without its "\n" or "\r\n"); skips empty lines.
    static func each(in url: URL, _ body: (Int, Substring) throws -> Void) throws {
        guard let h = FileHandle(forReadingAtPath: url.path) else { throw PlacesError.notFound("cannot read \(url.path)") }
        defer { try? h.close() }
        var pending: [UInt8] = []
        var n = 0
        func emit(_ bytes: ArraySlice<UInt8>) throws {
            n += 1
            var b = bytes
            if b.last == UInt8(ascii: "\r") { b = b.dropLast() }
            guard !b.isEmpty else { return }
            guard let s = String(bytes: b, encoding: .utf8) else {
                throw PlacesError.malformed(file: url.path, line: n, message: "not UTF-8 text")
            }
            try body(n, s[...])
        }
        while true {
            let chunk = h.readData(ofLength: 1 << 20)
            if chunk.isEmpty { break }
            pending.append(contentsOf: chunk)
            var start = pending.startIndex
            while let nl = pending[start...].firstIndex(of: UInt8(ascii: "\n")) {
                try emit(pending[start..<nl])
                start = nl + 1
            }
            pending.removeFirst(start)
        }
        if !pending.isEmpty { try emit(pending[...]) }
    }
}
