import Foundation
import GeoModel

/// Adding places to a user folder of place files (`placemap gazetteer add`).
public enum PlaceFile {
    /// The file of a user folder that `add` writes to.
    public static let addedFile = "added.tsv"

    /// A place made by hand: id `pm:<slug of the name>`, with the given facts. Throws
    /// `PlacesError.malformed` (file "-") when the name is empty, the country is not two capital letters,
    /// the source is empty, or the position is out of range.
    public static func handPlace(name: String, coordinate: Coordinate, kind: PlaceKind, country: String, admin1: String = "",
                                 alternateNames: [String] = [], source: String) throws -> Place {
        func bad(_ m: String) -> PlacesError { .malformed(file: "-", line: 0, message: m) }
        let name = name.trimmingCharacters(in: .whitespaces)
        guard !slug(name).isEmpty else { throw bad("the name '\(name)' has no letter or digit") }
        guard country.count == 2, country.unicodeScalars.allSatisfy({ $0 >= "A" && $0 <= "Z" }) else {
            throw bad("the country '\(country)' is not an ISO 3166-1 alpha-2 code such as SY or UA")
        }
        guard !source.trimmingCharacters(in: .whitespaces).isEmpty else { throw bad("give the source of the coordinate") }
        guard coordinate.isValidGeographic else { throw bad("position \(coordinate.lon),\(coordinate.lat) is out of range") }
        return Place(id: "pm:" + slug(name), name: name, kind: kind, coordinate: coordinate, country: country, admin1: admin1,
                     population: nil, alternateNames: alternateNames, source: source)
    }

    /// Lower-case ASCII letters and digits of a name, other runs as one hyphen ("Tell Mardikh" → "tell-mardikh",
    /// "Kafr 'Awaid" → "kafr-awaid"); letters with diacritics lose them, other scripts are dropped.
    public static func slug(_ name: String) -> String {
        var out = ""
        for s in name.unicodeScalars {
            if NameKey.isMark(s) { continue }
            let base: String? = s.isASCII ? String(s).lowercased() : latinBase[s.value]
            if let base, base.unicodeScalars.allSatisfy({ ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") }) {
                out += base
            } else if !out.isEmpty, !out.hasSuffix("-") {
                out += "-"
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out
    }

    /// Adds `place` to `directory/added.tsv` (creating the folder and the file when missing), after the
    /// rows already there, atomically. Throws `PlacesError.malformed` when the file already has the id, or
    /// when `gazetteer` (the places already loaded) has a settlement of that name within 500 m or the id
    /// (the place would only merge into it: `PlaceLayers`); `PlacesError.notFound` when the folder cannot
    /// be written.
    public static func add(_ place: Place, to directory: URL, checkingAgainst gazetteer: Gazetteer?) throws -> URL {
        let url = directory.appendingPathComponent(addedFile)
        do { try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true) } catch {
            throw PlacesError.notFound("cannot create the folder \(directory.path): \(error.localizedDescription)")
        }
        var rows: [Place] = []
        if FileManager.default.fileExists(atPath: url.path) {
            rows = try PlaceTable.parse(try Gazetteer.readText(url), file: url.path)
        }
        if rows.contains(where: { $0.ids.contains(place.id) }) {
            throw PlacesError.malformed(file: url.path, line: 0, message: "the id \(place.id) is already there")
        }
        if let g = gazetteer {
            if let same = g.place(id: place.id) {
                throw PlacesError.malformed(file: url.path, line: 0, message: "the gazetteer already has the id \(place.id) (\(same.name))")
            }
            let key = NameKey.fold(place.name)
            if place.kind.isSettlement, let near = g.places(within: PlaceLayers.sameSettlementMetres, of: place.coordinate)
                .first(where: { $0.place.kind.isSettlement && PlaceLayers.keys($0.place).contains(key) }) {
                throw PlacesError.malformed(file: url.path, line: 0, message:
                    "the gazetteer already has \(near.place.name) (\(near.place.id)) \(Int(near.metres.rounded())) m away")
            }
        }
        try AtomicFile.write(PlaceTable.text(rows + [place]), to: url)
        return url
    }
}
