import EventModel
import Foundation
import GeoModel
import Places
import Queries
import Store

/// Where the query commands (`near`, `along`, `frontline`) read events: a file, a folder written by `map`,
/// `-`, or a store (a `.gpkg` file or a `postgresql://` URL, its kept overrides applied).
public enum EventSources {
    /// True when `path` names a store.
    public static func isStore(_ path: String) -> Bool { StoreLocation.isStore(path) }

    /// The events (not statements) at `path`, and the warnings of a store's overrides. `gazetteer` is asked
    /// for only when a store keeps overrides (a `move` to a place name needs it).
    /// - Throws: `EventFileError` naming the file and line, or `StoreError`.
    public static func load(path: String, gazetteer: () throws -> Gazetteer?) throws -> (events: [Event], warnings: [String]) {
        guard isStore(path) else { return (try EventFiles.load(path: path).filter { $0.kind == .event }, []) }
        let store = try StoreLocation(path).open(create: false)
        let read = try store.read(gazetteer: try store.overrides().isEmpty ? nil : gazetteer())
        return (read.events, read.warnings)
    }

    /// `near` over the events at `path`: a store answers from its spatial index (the R-tree, or the server's
    /// `ST_DWithin`), a file as `NearJob` does. The hits are the same either way.
    /// - Throws: `EventFileError`, `StoreError`.
    public static func near(_ query: NearQuery, events path: String, countOnly: Bool,
                            gazetteer: () throws -> Gazetteer?) throws -> NearJob.Answer {
        guard isStore(path) else { return try NearJob.run(query, events: path, countOnly: countOnly) }
        let store = try StoreLocation(path).open(create: false)
        let hits = try store.near(query, gazetteer: try store.overrides().isEmpty ? nil : gazetteer())
        return NearJob.Answer(hits: countOnly ? [] : hits, count: hits.count)
    }
}

extension EventInputs {
    /// How many reports and event files the events of `request` come from: the files named (folders'
    /// files counted) plus the files each store has read.
    /// - Throws: `EventFileError` for an input that cannot be listed, `StoreError` for a store.
    public static func sourceCount(_ request: EventRequest) throws -> Int {
        let stores = request.inputs.filter(StoreLocation.isStore)
        var n = try InputFiles.collect(request.inputs.filter { !StoreLocation.isStore($0) }).count
        for s in stores { n += try StoreLocation(s).open(create: false).reports().count }
        return n
    }
}
