import ArgumentParser
import EventModel
import Foundation
import GeoModel
import Layers
import Pipeline
import Queries

/// `placemap near`: events within a geodesic distance of a place or position.
struct Near: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Events within --km kilometres (WGS84 geodesic) of a place or --at LON,LAT, nearest first.",
        discussion: """
            Events located only to a region (geo_precision 3) are left out unless --include-regions is given. \
            --events is a JSON Lines, CSV or GeoJSON file, a folder written by `placemap map` (default Output/), \
            '-' for standard input, or a store (FILE.gpkg, postgresql://…) whose spatial index gives the candidates.
            """)

    @Argument(help: "A place name (resolved in the gazetteer).") var place: String?
    @Option(parsing: .unconditional, help: "The centre as LON,LAT in degrees instead of a place.") var at: String?
    @Option(parsing: .unconditional, help: "The radius in kilometres (0 to 20,000), a decimal number.") var km: Kilometres
    @Option(help: "Only events on or after this day (YYYY-MM-DD).") var from: String?
    @Option(help: "Only events on or before this day (YYYY-MM-DD).") var to: String?
    @Option(help: "Only events of this type or sub-type, as ACLED names them (any case).") var type: String?
    @OptionGroup var source: EventsOption
    @Flag(help: "Keep events located only to a region (precision 3).") var includeRegions = false
    @Option(help: "Output: table, json, jsonl, geojson or csv.") var format: OutputFormat = .table
    @Flag(help: "Print only the number of events found.") var count = false

    func validate() throws { try format.check([.table, .json, .jsonl, .geojson, .csv]) }

    func run() throws {
        try CLI.reporting {
            let center = try CLI.center(place: place, at: at)
            let filter = EventFilter(from: try CLI.day(from, "--from"), to: try CLI.day(to, "--to"),
                                     type: try type.map(TypeFilter.init(parsing:)), includeRegions: includeRegions)
            let query = try NearQuery(center: center, km: km.value, filter: filter)
            let hits = try EventSources.near(query, events: source.events, countOnly: count) { try CLI.gazetteer() }
            if count { print(hits.count); return }
            let rows = hits.hits.map { h in
                EventRow(h.event, extra: [("distance_km", .number(h.distance.rounded() / 1000), Format.fixed(h.distance / 1000, 3)),
                                          ("bearing_deg", .number((h.bearing * 10).rounded() / 10), Format.fixed(h.bearing, 1))])
            }
            print(EventListOutput.render(rows, format: EventListFormat(rawValue: format.rawValue)!,
                                         extraColumns: ["distance_km", "bearing_deg"]), terminator: "")
        }
    }
}
