import ArgumentParser
import Events
import Foundation
import GeoModel
import Places
import Queries

/// `placemap along`: events near a highway, in road order.
struct Along: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Events within --km kilometres of a highway (M4, M5), with their position along it in km from its start.")

    @Argument(help: "The highway: M4, M5 or another of its names.") var highway: String
    @Option(parsing: .unconditional, help: "The distance from the road in kilometres.") var km: Double
    @Option(help: "Events file or folder.") var events: String = "Output/"
    @Flag(help: "Keep events located only to a region (precision 3).") var includeRegions = false
    @Option(help: "Output: table or json.") var format: AlongFormat = .table

    enum AlongFormat: String, ExpressibleByArgument { case table, json }

    func run() throws {
        try CLI.reporting {
            let g = try Gazetteer.loadDefault()
            guard let h = g.highway(named: highway) else {
                throw QueriesError.unknownHighway(name: highway, known: g.highways.map(\.id))
            }
            let hits = try AlongQuery.run(try EventFiles.load(path: events), highway: try HighwayLine(h), km: km,
                                          filter: EventFilter(includeRegions: includeRegions))
            switch format {
            case .table:
                var rows = [["along_km", "off_road_km", "date", "type", "place", "id"]]
                for hit in hits {
                    rows.append([Format.fixed(hit.position.along / 1000, 3), Format.fixed(hit.position.offset / 1000, 3),
                                 hit.event.start?.description ?? "", hit.event.type, hit.event.place, hit.event.id])
                }
                print(Format.table(rows))
            case .json:
                print(JSONWriter.string(.array(hits.map { hit in
                    var o = hit.event.json.objectValue ?? [:]
                    o["highway"] = .string(h.id)
                    o["along_km"] = .number((hit.position.along).rounded() / 1000)
                    o["off_road_km"] = .number((hit.position.offset).rounded() / 1000)
                    return .object(o)
                })))
            }
        }
    }
}
