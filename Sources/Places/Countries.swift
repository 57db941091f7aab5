import Foundation

/// A country of `countries.tsv`: its ISO code, name and land neighbours (GeoNames countryInfo).
public struct Country: Sendable, Hashable {
    /// ISO 3166-1 alpha-2 code.
    public var code: String
    /// The English name.
    public var name: String
    /// The ISO codes of the countries it shares a land border with.
    public var neighbours: Set<String>

    /// A country.
    public init(code: String, name: String, neighbours: Set<String>) {
        self.code = code; self.name = name; self.neighbours = neighbours
    }

    /// Reads `countries.tsv` (header `country name neighbours`, neighbours comma-separated) into a table by code.
    /// - Throws: `PlacesError.malformed` naming the file and line of a bad row.
    static func table(file url: URL) throws -> [String: Country] {
        let text = try Gazetteer.readText(url)
        var out: [String: Country] = [:]
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.isEmpty { continue }
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if n == 0 {
                guard cells == ["country", "name", "neighbours"] else {
                    throw PlacesError.malformed(file: url.path, line: 1, message: "the header must be country, name, neighbours separated by tabs")
                }
                continue
            }
            guard cells.count == 3, cells[0].count == 2 else {
                throw PlacesError.malformed(file: url.path, line: n + 1, message: "expected CODE<TAB>NAME<TAB>NEIGHBOURS with a two-letter code")
            }
            out[cells[0]] = Country(code: cells[0], name: cells[1],
                                    neighbours: Set(cells[2].split(separator: ",").map(String.init)))
        }
        return out
    }
}
