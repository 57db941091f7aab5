import ArgumentParser
import EventModel
import Layers
import Pipeline
import Places
import Queries

/// `placemap along`: events near a highway, in road order.
struct Along: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Events within --km kilometres of a highway (M4, M5), with their position along it in km from its start.")

    @Argument(help: "The highway: M4, M5 or another of its names.") var highway: String
    @Option(parsing: .unconditional, help: "The distance from the road in kilometres, a decimal number.") var km: Kilometres
    @OptionGroup var source: EventsOption
    @Flag(help: "Keep events located only to a region (precision 3).") var includeRegions = false
    @Option(help: "Output: table, json, jsonl, geojson or csv.") var format: OutputFormat = .table

    func validate() throws { try format.check([.table, .json, .jsonl, .geojson, .csv]) }

    func run() throws {
        try CLI.reporting {
            let g = try Gazetteer.loadDefault()
            guard let h = g.highway(named: highway) else {
                throw QueriesError.unknownHighway(name: highway, known: g.highways.map(\.id))
            }
            let read = try EventSources.load(path: source.events) { g }
            for w in read.warnings { CLI.warn(w) }
            let hits = try AlongQuery.run(read.events, highway: try HighwayLine(h), km: km.value,
                                          filter: EventFilter(includeRegions: includeRegions))
            let rows = hits.map { hit in
                EventRow(hit.event, extra: [
                    ("highway", .string(h.id), h.id),
                    ("along_km", .number(hit.position.along.rounded() / 1000), Format.fixed(hit.position.along / 1000, 3)),
                    ("off_road_km", .number(hit.position.offset.rounded() / 1000), Format.fixed(hit.position.offset / 1000, 3)),
                ])
            }
            print(EventListOutput.render(rows, format: EventListFormat(rawValue: format.rawValue)!,
                                         extraColumns: ["highway", "along_km", "off_road_km"],
                                         tableColumns: [.start, .type, .place, .id]), terminator: "")
        }
    }
}
