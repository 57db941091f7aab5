import ArgumentParser
import Events
import Foundation
import GeoModel
import Places
import Queries

/// `placemap near`: events within a geodesic distance of a place or position.
struct Near: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Events within --km kilometres (WGS84 geodesic) of a place or --at LON,LAT, nearest first.",
        discussion: """
            Events located only to a region (geo_precision 3) are left out unless --include-regions is given. \
            --events is a JSON Lines, CSV or GeoJSON file, or a folder written by `placemap map` (default Output/).
            """)

    @Argument(help: "A place name (resolved in the gazetteer).") var place: String?
    @Option(help: "The centre as LON,LAT in degrees instead of a place.") var at: String?
    @Option(parsing: .unconditional, help: "The radius in kilometres (0 to 20,000).") var km: Double
    @Option(help: "Only events on or after this day (YYYY-MM-DD).") var from: String?
    @Option(help: "Only events on or before this day (YYYY-MM-DD).") var to: String?
    @Option(help: "Only events of this type or sub-type (ignoring case).") var type: String?
    @Option(help: "Events file or folder.") var events: String = "Output/"
    @Flag(help: "Keep events located only to a region (precision 3).") var includeRegions = false
    @Option(help: "Output: table, json, geojson or csv.") var format: QueryFormat = .table
    @Flag(help: "Print only the number of events found.") var count = false

    func run() throws {
        try CLI.reporting {
            let center = try CLI.center(place: place, at: at)
            let filter = EventFilter(from: try CLI.day(from, "--from"), to: try CLI.day(to, "--to"), type: type,
                                     includeRegions: includeRegions)
            let query = try NearQuery(center: center, km: km, filter: filter)
            let file = try EventFiles.resolve(path: events)
            let isCSV = EventFiles.format(of: file, bytes: try EventFiles.bytes(of: file)) == .csv
            if count {
                let n = isCSV ? try CSVNearScan.count(file: file, query: query)
                    : query.run(try EventFiles.load(path: file)).count
                print(n)
                return
            }
            let hits = isCSV ? try CSVNearScan.hits(file: file, query: query) : query.run(try EventFiles.load(path: file))
            print(QueryOutput.render(hits, format: format), terminator: "")
        }
    }
}
