import Foundation

/// The credit lines of the gazetteer's data, read from `attribution.tsv` beside `places/`: each line names
/// a licence (an SPDX id found in the places' `licence` column or implied by their ids, e.g. `ODbL-1.0`) or
/// a data file (`borders.geojson`), and the credit to print when the gazetteer holds data under it.
public struct Credits: Sendable, Hashable {
    /// (licence or file name, credit text), in the file's order.
    public var lines: [Line]

    /// One credit line.
    public struct Line: Sendable, Hashable {
        /// A licence id or a file name.
        public var key: String
        /// What to print ("© OpenStreetMap contributors, ODbL 1.0").
        public var credit: String
    }

    /// Credit lines from memory.
    public init(lines: [Line] = []) { self.lines = lines }

    /// Reads a two-column TSV (`key<TAB>credit`); `#` starts a comment line; blank lines are skipped.
    /// - Throws: `PlacesError.malformed` naming the file and line of a row without two columns.
    public init(file url: URL) throws {
        let text = try Gazetteer.readText(url)
        var lines: [Line] = []
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) || line.hasPrefix("#") { continue }
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard cells.count == 2, !cells[0].isEmpty, !cells[1].isEmpty else {
                throw PlacesError.malformed(file: url.path, line: n + 1, message: "expected KEY<TAB>CREDIT, found \(cells.count) column(s)")
            }
            lines.append(Line(key: String(cells[0]), credit: String(cells[1])))
        }
        self.lines = lines
    }

    /// The credits of the licences and files present, in the order of the lines, joined by "; "; a licence
    /// without a line of its own is named as it is ("Places under CC-BY-SA-4.0"), never dropped.
    public func text(licences: [String], files: Set<String>) -> String {
        var out: [String] = []
        for l in lines where licences.contains(l.key) || files.contains(l.key) { out.append(l.credit) }
        for licence in licences where !lines.contains(where: { $0.key == licence }) { out.append("Places under \(licence)") }
        return out.joined(separator: "; ")
    }
}
