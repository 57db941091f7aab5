import Foundation
import Geodesy

/// A folder of place files read on top of the bundled gazetteer (`PLACEMAP_GAZETTEER_PATH`), and what
/// became of its places.
public struct PlaceLayer: Sendable, Hashable {
    /// The folder.
    public var directory: URL
    /// The place files read (`*.tsv` directly in the folder, sorted by name).
    public var files: [String]
    /// Places of the folder that were new to the gazetteer.
    public var added: Int
    /// Places of the folder that the gazetteer already had (same id, or a settlement whose name folds like
    /// one within `PlaceLayers.sameSettlementMetres`): their spellings and ids were added to it.
    public var merged: Int
}

/// Reading user folders of places and merging them into the places already loaded.
///
/// A place of a folder is the same as a place already loaded when they share an id (any of their ids:
/// `geonames:276781` in an imported file and in `world.tsv`), or when both are settlements, a name of one
/// folds (`NameKey.fold`) like a name of the other, and they lie within 500 m (the rule the bundled data
/// was merged by; the nearest such settlement). The place loaded first keeps its name, kind, point and source; the later one adds its
/// spellings and ids. Within one folder, the same applies between its files and rows.
public enum PlaceLayers {
    /// How close two settlements of one name must lie to be taken for one (metres, geodesic).
    public static let sameSettlementMetres = 500.0

    /// The folders named by `PLACEMAP_GAZETTEER_PATH` (colon-separated, like `PATH`; empty parts skipped).
    /// - Throws: `PlacesError.notFound` naming a part that is not a folder.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> [URL] {
        guard let value = environment["PLACEMAP_GAZETTEER_PATH"], !value.isEmpty else { return [] }
        return try value.split(separator: ":").map { part in
            let url = URL(fileURLWithPath: String(part))
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw PlacesError.notFound("PLACEMAP_GAZETTEER_PATH: \(part) is not a folder")
            }
            return url
        }
    }

    /// The place files of a user folder: its `*.tsv` files (not hidden), sorted by name, as (name, places).
    /// - Throws: `PlacesError.notFound` when the folder cannot be read, `PlacesError.malformed` for a bad row.
    static func read(_ directory: URL) throws -> [(file: String, places: [Place])] {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: directory.path) } catch {
            throw PlacesError.notFound("cannot read the place folder \(directory.path)")
        }
        return try names.filter { $0.hasSuffix(".tsv") && !$0.hasPrefix(".") }.sorted().map { name in
            let path = directory.appendingPathComponent(name).path
            guard let data = FileManager.default.contents(atPath: path) else { throw PlacesError.notFound("cannot read \(path)") }
            return (name, try data.withUnsafeBytes { try PlaceTable.parse(bytes: $0.bindMemory(to: UInt8.self), file: path) })
        }
    }

    /// `base` with each place of `layers` merged in or appended (see the type's summary), and per layer what
    /// happened. `byID` holds every id of `base`; `index` is the name index of `base`, grown with the names
    /// merged or added (so each name is folded once).
    static func merge(_ base: [Place], byID ids: [String: Int], index: inout NameIndex,
                      layers: [(directory: URL, files: [(file: String, places: [Place])])]) -> (places: [Place], layers: [PlaceLayer]) {
        var places = base
        var byID = ids
        let g = Geodesic.wgs84
        var report: [PlaceLayer] = []
        for layer in layers {
            var added = 0, merged = 0
            for (_, filePlaces) in layer.files {
                for p in filePlaces {
                    var same = p.ids.lazy.compactMap { byID[$0] }.first
                    if same == nil, p.kind.isSettlement {
                        // The nearest settlement of one of its names within the distance (ties: the first loaded).
                        let near = Set(keys(p).flatMap { index[$0] ?? [] }.map(\.place)).compactMap { k -> (Double, Int)? in
                            guard places[k].kind.isSettlement else { return nil }
                            let m = g.distance(from: places[k].coordinate, to: p.coordinate)
                            return m <= sameSettlementMetres ? (m, k) : nil
                        }
                        same = near.min { $0 < $1 }?.1
                    }
                    if let k = same {
                        let before = Set([places[k].name] + places[k].alternateNames)
                        places[k].absorb(p)
                        index.addAlternateNames(places[k].alternateNames.filter { !before.contains($0) }, of: k, spelling: places[k].name)
                        for id in p.ids where byID[id] == nil { byID[id] = k }
                        merged += 1
                    } else {
                        places.append(p)
                        let i = places.count - 1
                        for id in p.ids where byID[id] == nil { byID[id] = i }
                        index.addMainNames(of: p, at: i)
                        index.addAlternateNames(p.alternateNames, of: i, spelling: p.name)
                        added += 1
                    }
                }
            }
            report.append(PlaceLayer(directory: layer.directory, files: layer.files.map(\.file), added: added, merged: merged))
        }
        return (places, report)
    }

    /// The folding keys of a place's name and its indexed alternate names.
    static func keys(_ p: Place) -> Set<String> {
        Set(([p.name] + p.alternateNames.filter { !Gazetteer.isMachineTransliteration($0) }).map(NameKey.fold).filter { !$0.isEmpty })
    }
}

extension Place {
    /// Takes in the spellings and ids of `other`, the same place from another source; keeps everything else.
    mutating func absorb(_ other: Place) {
        var names = Set([name] + alternateNames)
        for n in [other.name] + other.alternateNames where names.insert(n).inserted { alternateNames.append(n) }
        var known = Set(ids)
        for id in other.ids where known.insert(id).inserted { otherIDs.append(id) }
    }
}

extension Gazetteer {
    /// What reading `files` (name, places) of `folder` on top of this gazetteer would do: how many places
    /// would be added and how many merged into places it has (`PlaceLayers`). Nothing is changed.
    public func merging(folder: URL, files: [(String, [Place])]) -> PlaceLayer {
        var index = names
        return PlaceLayers.merge(places, byID: byID, index: &index, layers: [(folder, files.map { (file: $0.0, places: $0.1) })]).layers[0]
    }
}
