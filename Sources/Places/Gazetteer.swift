import Foundation
import GeoModel
import Geodesy

/// The gazetteer: every place of `Gazetteer/places/*.tsv`, the highways, the governorate regions and
/// the borders, with a name index built once at load.
///
/// Immutable after loading, so one instance can be shared across threads.
public final class Gazetteer: Sendable {
    /// Every place, in file order (files sorted by name).
    public let places: [Place]
    /// The highways of `highways.geojson`.
    public let highways: [Highway]
    /// The governorate polygons of `regions.geojson`.
    public let regions: [Region]
    /// `borders.geojson` as read (Syria's outline, the Syria–Turkey border).
    public let borders: FeatureCollection
    /// The folder the data was read from (the one holding `places/`).
    public let directory: URL
    /// The user folders read on top of `directory` (`PLACEMAP_GAZETTEER_PATH`), in order, with what became
    /// of their places.
    public let layers: [PlaceLayer]
    /// Countries by ISO code, with their land neighbours (`countries.tsv`; empty when absent).
    public let countries: [String: Country]
    /// The credit line of the data loaded, for the `attribution` of every layer PlaceMap writes: the credits
    /// (`attribution.tsv`) of the licences its places carry and of the shape files present ("Places:
    /// GeoNames, CC BY 4.0; © OpenStreetMap contributors, ODbL 1.0; borders: Natural Earth
    /// ..."). Empty when nothing needs a credit.
    public let attribution: String

    /// Folding key → the places with a name of that key, each once, with how the name matched.
    let index: [String: [NameEntry]]
    /// Folding key → the main name of the first place with a name of that key, for suggestions.
    let spellings: [String: String]
    /// Place id → position in `places`.
    let byID: [String: Int]
    /// The token trie of every key, for `NameMatcher`.
    let trie: TokenTrie
    /// Kind → the positions in `places` of the places of that kind, in order.
    let byKind: [PlaceKind: [Int]]
    /// The name index the three above come from, kept to merge user places into (`merging(folder:files:)`).
    let names: NameIndex

    /// One place reachable under one key.
    typealias NameEntry = NameIndex.Entry

    /// A gazetteer from places and shapes already in memory; builds the name index.
    /// - Parameters:
    ///   - credits, files: the credit lines and the data files present, from which `attribution` is made.
    /// - Throws: `PlacesError.malformed` when two places share an id (their own or one of `otherIDs`).
    public convenience init(places: [Place], highways: [Highway] = [], regions: [Region] = [],
                borders: FeatureCollection = FeatureCollection(features: []), directory: URL,
                layers: [PlaceLayer] = [], countries: [String: Country] = [:], credits: Credits = Credits(),
                files: Set<String> = []) throws {
        try self.init(places: places, names: nil, highways: highways, regions: regions, borders: borders, directory: directory,
                      layers: layers, countries: countries, credits: credits, files: files)
    }

    /// As the public initialiser, with the name index of `places` when it is already built (nil: build it).
    init(places: [Place], names: NameIndex?, highways: [Highway], regions: [Region], borders: FeatureCollection,
         directory: URL, layers: [PlaceLayer], countries: [String: Country], credits: Credits, files: Set<String>) throws {
        let byID = try Gazetteer.positions(of: places, directory: directory)
        var licences: [String] = []
        // Read once per licence column and id schemes: thousands of rows share them.
        var seen = Set<String>()
        for p in places where seen.insert(p.licence + "|" + p.origin).inserted {
            for l in p.licences where !licences.contains(l) { licences.append(l) }
        }
        self.layers = layers; self.countries = countries
        self.attribution = credits.text(licences: licences, files: files)
        let names = names ?? NameIndex(places)
        self.places = places; self.highways = highways; self.regions = regions; self.borders = borders
        self.directory = directory; self.index = names.entries; self.spellings = names.spellings; self.byID = byID
        self.trie = names.trie; self.names = names
        self.byKind = Dictionary(grouping: places.indices, by: { places[$0].kind })
    }

    /// Every id of `places` (their own and `otherIDs`) → position.
    /// - Throws: `PlacesError.malformed` naming `directory/places` when an id appears twice.
    static func positions(of places: [Place], directory: URL) throws -> [String: Int] {
        var byID: [String: Int] = [:]
        byID.reserveCapacity(places.count)
        for (i, p) in places.enumerated() {
            for id in p.ids where byID.updateValue(i, forKey: id) != nil {
                throw PlacesError.malformed(file: directory.appendingPathComponent("places").path, line: 0,
                                            message: "the id \(id) appears twice")
            }
        }
        return byID
    }

    /// Names a place answers to beyond its rows: a governorate's name without "Governorate"
    /// ("Idlib Governorate" → "Idlib", "Idlib province").
    static func derivedNames(of p: Place) -> [String] {
        guard p.kind == .governorate else { return [] }
        for suffix in [" Governorate", " governorate", " Province", " province"] where p.name.hasSuffix(suffix) {
            let short = String(p.name.dropLast(suffix.count))
            return [short, short + " province", short + " governorate"]
        }
        return []
    }

    /// True for an alternate name written only in lower-case Latin letters ("sraqb", "tl klkh", "da ma shi ge"):
    /// GeoNames' letter-for-letter transliterations of the Arabic, Chinese or Japanese spelling, which no
    /// report writes and which, having few vowels, fold like unrelated places ("bbyla" like "Al Balo").
    /// They are kept in the data but not indexed.
    public static func isMachineTransliteration(_ name: String) -> Bool {
        name.unicodeScalars.allSatisfy { s in
            (s >= "a" && s <= "z") || (s >= "0" && s <= "9") || s == " " || s == "-" || s == "'" || s == "`"
        }
    }

    // MARK: - Loading

    /// Reads every `places/*.tsv` (sorted by file name), `highways.geojson`, `regions.geojson` and
    /// `borders.geojson` of `directory` (the last three are optional).
    /// - Throws: `PlacesError.malformed(file:line:message:)` naming the file and 1-based line of the first bad row
    ///   or JSON error; `PlacesError.notFound` when `directory/places` holds no TSV.
    public static func load(from directory: URL) throws -> Gazetteer { try load(from: directory, shapes: true) }

    /// Like `load(from:)`; with `shapes: false` only the places are read, and `highways`, `regions` and
    /// `borders` are empty (for commands that only resolve names, where parsing the GeoJSON files would
    /// dominate a short process).
    /// - Throws: as `load(from:)`.
    public static func load(from directory: URL, shapes: Bool) throws -> Gazetteer {
        try load(from: directory, adding: [], shapes: shapes)
    }

    /// Like `load(from:shapes:)`, then the place files (`*.tsv`) of each folder of `folders` in turn, merged
    /// into the places already read (`PlaceLayers`): a place the gazetteer already has gains the folder's
    /// spellings and ids, any other is added. Also reads `countries.tsv` and `attribution.tsv` of `directory`
    /// when present.
    /// - Throws: as `load(from:)`, naming the user folder's file and line for a bad row there.
    public static func load(from directory: URL, adding folders: [URL], shapes: Bool = true) throws -> Gazetteer {
        let placesDir = directory.appendingPathComponent("places")
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: placesDir.path) } catch {
            throw PlacesError.notFound("no gazetteer at \(directory.path): cannot read \(placesDir.path)")
        }
        let tsvs = names.filter { $0.hasSuffix(".tsv") && !$0.hasPrefix(".") }.sorted()
        guard !tsvs.isEmpty else { throw PlacesError.notFound("no place file (*.tsv) in \(placesDir.path)") }
        var places: [Place] = []
        for name in tsvs {
            let url = placesDir.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: url.path) else { throw PlacesError.notFound("cannot read \(url.path)") }
            places += try data.withUnsafeBytes { try PlaceTable.parse(bytes: $0.bindMemory(to: UInt8.self), file: url.path) }
        }
        var layers: [PlaceLayer] = []
        var index: NameIndex? = nil
        if !folders.isEmpty {
            // Bundled ids must be unique before user places are merged in by id.
            let byID = try positions(of: places, directory: directory)
            var grown = NameIndex(places)
            (places, layers) = PlaceLayers.merge(places, byID: byID, index: &grown,
                                                 layers: try folders.map { ($0, try PlaceLayers.read($0)) })
            index = grown
        }
        let fm = FileManager.default
        let countriesFile = directory.appendingPathComponent("countries.tsv")
        let countries = fm.fileExists(atPath: countriesFile.path) ? try Country.table(file: countriesFile) : [:]
        let creditsFile = directory.appendingPathComponent("attribution.tsv")
        let credits = fm.fileExists(atPath: creditsFile.path) ? try Credits(file: creditsFile) : Credits()
        let files = Set(["highways.geojson", "regions.geojson", "borders.geojson"].filter {
            fm.fileExists(atPath: directory.appendingPathComponent($0).path)
        })
        guard shapes else {
            return try Gazetteer(places: places, names: index, highways: [], regions: [], borders: FeatureCollection(features: []),
                                 directory: directory, layers: layers, countries: countries, credits: credits, files: files)
        }
        let highways = try optionalCollection(directory.appendingPathComponent("highways.geojson")).map(readHighways) ?? []
        let regions = try optionalCollection(directory.appendingPathComponent("regions.geojson")).map(readRegions) ?? []
        let borders = try optionalCollection(directory.appendingPathComponent("borders.geojson")).map(\.collection)
            ?? FeatureCollection(features: [])
        return try Gazetteer(places: places, names: index, highways: highways, regions: regions, borders: borders,
                             directory: directory, layers: layers, countries: countries, credits: credits, files: files)
    }

    /// The gazetteer folder: `$PLACEMAP_GAZETTEER` when set; else the first `Gazetteer/` (or, installed,
    /// `share/placemap/Gazetteer/`) holding `places/` found walking up from the running executable's folder,
    /// then from the current directory.
    /// - Throws: `PlacesError.notFound` saying where it looked.
    public static func defaultDirectory() throws -> URL {
        let fm = FileManager.default
        if let env = ProcessInfo.processInfo.environment["PLACEMAP_GAZETTEER"], !env.isEmpty {
            let url = URL(fileURLWithPath: env)
            guard fm.fileExists(atPath: url.appendingPathComponent("places").path) else {
                throw PlacesError.notFound("PLACEMAP_GAZETTEER=\(env) has no places/ folder")
            }
            return url
        }
        var starts: [URL] = []
        if let exe = Bundle.main.executableURL { starts.append(exe.resolvingSymlinksInPath().deletingLastPathComponent()) }
        starts.append(URL(fileURLWithPath: fm.currentDirectoryPath))
        for start in starts {
            var dir = start.standardizedFileURL
            while true {
                // A checkout's Gazetteer/, or an installed copy in share/placemap/ (`make install`).
                for candidate in [dir.appendingPathComponent("Gazetteer"), dir.appendingPathComponent("share/placemap/Gazetteer")]
                where fm.fileExists(atPath: candidate.appendingPathComponent("places").path) {
                    return candidate
                }
                let parent = dir.deletingLastPathComponent()
                if parent.path == dir.path { break }
                dir = parent
            }
        }
        throw PlacesError.notFound("no Gazetteer/places/ folder above the executable or the current directory; set PLACEMAP_GAZETTEER")
    }

    /// `load(from: defaultDirectory(), adding: <the folders of PLACEMAP_GAZETTEER_PATH>)`.
    /// - Throws: as `defaultDirectory()`, `PlaceLayers.fromEnvironment()` and `load(from:)`.
    public static func loadDefault() throws -> Gazetteer { try loadDefault(shapes: true) }

    /// `load(from: defaultDirectory(), adding: <the folders of PLACEMAP_GAZETTEER_PATH>, shapes: shapes)`.
    /// - Throws: as `loadDefault()`.
    public static func loadDefault(shapes: Bool) throws -> Gazetteer {
        try load(from: try defaultDirectory(), adding: try PlaceLayers.fromEnvironment(), shapes: shapes)
    }

    static func readText(_ url: URL) throws -> String {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw PlacesError.notFound("cannot read \(url.path)")
        }
        guard let text = String(validatingUTF8Data: data) else {
            throw PlacesError.malformed(file: url.path, line: 0, message: "not UTF-8 text")
        }
        return text
    }

    /// A FeatureCollection file and its path, or nil when the file is absent.
    static func optionalCollection(_ url: URL) throws -> (collection: FeatureCollection, file: String)? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let text = try readText(url)
        do {
            return (try GeoJSON.decodeCollection(text), url.path)
        } catch GeoJSONError.json(let e) {
            throw PlacesError.malformed(file: url.path, line: lineNumber(in: text, atByte: e.offset), message: "not JSON: \(e.message)")
        } catch let e as GeoJSONError {
            throw PlacesError.malformed(file: url.path, line: 0, message: e.description)
        } catch {
            throw PlacesError.malformed(file: url.path, line: 0, message: "\(error)")
        }
    }

    static func lineNumber(in text: String, atByte offset: Int) -> Int {
        1 + text.utf8.prefix(max(0, offset)).reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
    }

    static func readHighways(_ c: (collection: FeatureCollection, file: String)) throws -> [Highway] {
        try c.collection.features.enumerated().map { n, f in
            func bad(_ m: String) -> PlacesError { .malformed(file: c.file, line: 0, message: "feature \(n + 1): \(m)") }
            guard let id = f[property: "id"]?.stringValue else { throw bad("no string property 'id'") }
            guard case .lineString(let line)? = f.geometry, line.count >= 2 else { throw bad("\(id) is not a LineString") }
            return Highway(id: id, name: f[property: "name"]?.stringValue ?? id,
                           alternateNames: f[property: "alternate_names"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                           line: line, via: f[property: "via"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                           viaIDs: f[property: "via_ids"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                           knownErrorKm: f[property: "known_error_km"]?.numberValue,
                           source: f[property: "source"]?.stringValue ?? "")
        }
    }

    static func readRegions(_ c: (collection: FeatureCollection, file: String)) throws -> [Region] {
        try c.collection.features.enumerated().map { n, f in
            func bad(_ m: String) -> PlacesError { .malformed(file: c.file, line: 0, message: "feature \(n + 1): \(m)") }
            guard let id = f[property: "id"]?.stringValue else { throw bad("no string property 'id'") }
            guard let g = f.geometry, !g.polygons.isEmpty else { throw bad("\(id) is not a Polygon or MultiPolygon") }
            let label: Coordinate
            if let lon = f[property: "label_lon"]?.numberValue, let lat = f[property: "label_lat"]?.numberValue {
                label = Coordinate(lon: lon, lat: lat)
            } else {
                let cs = g.coordinates
                label = Coordinate(lon: cs.map(\.lon).reduce(0, +) / Double(cs.count),
                                   lat: cs.map(\.lat).reduce(0, +) / Double(cs.count))
            }
            return Region(id: id, name: f[property: "name"]?.stringValue ?? id, geometry: g, label: label,
                          boundary: f[property: "boundary"]?.stringValue ?? "", source: f[property: "source"]?.stringValue ?? "")
        }
    }

    // MARK: - Lookups

    /// The place with this id, or nil.
    public func place(id: String) -> Place? { byID[id].map { places[$0] } }

    /// The places with a name that folds to `key` (see `NameKey.fold`), in gazetteer order.
    public func places(withKey key: String) -> [Place] { (index[key] ?? []).map { places[$0.place] } }

    /// The `limit` places nearest to `c` (geodesic metres on WGS84), nearest first; only `kinds` when given.
    public func nearest(to c: Coordinate, limit: Int, kinds: Set<PlaceKind>? = nil) -> [(place: Place, metres: Double)] {
        guard limit > 0 else { return [] }
        // The geodesic distance is within `sphereSlack` of the spherical one: the places whose spherical distance
        // is within that of the limit-th nearest are the only ones that can be among the nearest.
        let rough = candidates(kinds).map { (i: $0, m: Gazetteer.sphereMetres(c, places[$0].coordinate)) }
        guard rough.count > limit else { return measured(from: c, indices: rough.map(\.i)) }
        let kth = rough.map(\.m).sorted()[limit - 1]
        let bound = kth * (1 + Gazetteer.sphereSlack) * (1 + Gazetteer.sphereSlack) + 1
        return Array(measured(from: c, indices: rough.filter { $0.m <= bound }.map(\.i)).prefix(limit))
    }

    /// The places within `metres` (geodesic, WGS84) of `c`, nearest first; only `kinds` when given.
    public func places(within metres: Double, of c: Coordinate, kinds: Set<PlaceKind>? = nil) -> [(place: Place, metres: Double)] {
        let bound = metres * (1 + Gazetteer.sphereSlack) + 1
        let near = candidates(kinds).filter { Gazetteer.sphereMetres(c, places[$0].coordinate) <= bound }
        return measured(from: c, indices: near).filter { $0.metres <= metres }
    }

    /// The positions of the places of `kinds` (all places when nil), in gazetteer order.
    func candidates(_ kinds: Set<PlaceKind>?) -> [Int] {
        kinds.map { ks in ks.flatMap { byKind[$0] ?? [] }.sorted() } ?? Array(places.indices)
    }

    /// The places at `indices` with their geodesic distance from `c`, nearest first (ties by id).
    func measured(from c: Coordinate, indices: [Int]) -> [(place: Place, metres: Double)] {
        let g = Geodesic.wgs84
        return indices.map { (i: $0, m: g.distance(from: c, to: places[$0].coordinate)) }
            .sorted { $0.m != $1.m ? $0.m < $1.m : places[$0.i].id < places[$1.i].id }
            .map { (place: places[$0.i], metres: $0.m) }
    }

    /// How far a distance on the mean sphere may differ from the WGS84 geodesic one, as a fraction (at most about
    /// 0.56 %; 1 % with room).
    static let sphereSlack = 0.01

    /// The great-circle distance in metres between `a` and `b` on the sphere of the Earth's mean radius.
    static func sphereMetres(_ a: Coordinate, _ b: Coordinate) -> Double {
        let r = Double.pi / 180
        let dLat = (b.lat - a.lat) * r, dLon = (b.lon - a.lon) * r
        let h = sin(dLat / 2) * sin(dLat / 2) + cos(a.lat * r) * cos(b.lat * r) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * 6_371_008.8 * asin(min(1, h.squareRoot()))
    }

    /// The region with this id (`pm:gov-idlib`), or nil.
    public func region(id: String) -> Region? { regions.first { $0.id == id } }

    /// The governorate whose polygon holds `c`, or nil (outside every polygon).
    public func region(containing c: Coordinate) -> Region? { regions.first { $0.contains(c) } }

    /// The highway called `name`: its id, name or another name, ignoring case, hyphens, spaces and a
    /// trailing "highway" ("M4", "m5", "M5 highway", "M-4").
    public func highway(named name: String) -> Highway? {
        let key = Highway.key(name)
        guard !key.isEmpty else { return nil }
        return highways.first { h in ([h.id, h.name] + h.alternateNames).contains { Highway.key($0) == key } }
    }
}

extension String {
    /// The text of UTF-8 bytes, or nil when they are not valid UTF-8.
    init?(validatingUTF8Data data: Data) {
        guard let s = String(bytes: data, encoding: .utf8) else { return nil }
        self = s
    }
}
