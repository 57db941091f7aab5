import ArgumentParser
import Control
import Events
import Foundation
import Layers
import Places

/// `placemap map`: reports and event files to GeoJSON layers, a map and a page, in one folder.
struct Map: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Map reports or event files into a folder of GeoJSON layers (one a day), map.svg and index.html.",
        discussion: """
            INPUT is a report (.txt), an event file (.jsonl, .csv, .geojson) or a folder of them. The folder \
            given to --out receives events.geojson, days/YYYY-MM-DD.geojson, ongoing.geojson, undated.geojson, \
            places.geojson, highways.geojson, borders.geojson, footprints.geojson, movements.geojson, \
            frontlines.geojson, statements.jsonl, events.geojsonseq, events.csv, map.svg, and index.html with \
            its folder page/ (Leaflet from Debian's libjs-leaflet, the page's script and its data). \
            Everything is written to a staging folder first: on any error the earlier output stays as it was.
            """)

    @Argument(help: "Reports, event files, or folders of them.") var inputs: [String]
    @Option(help: "The output folder (created when missing).") var out: String
    @Option(help: "The date YYYY-MM-DD of reports that carry none of their own.") var date: String?
    @Option(help: "An analyst's corrections keyed by event id (see `placemap extract --help`).") var overrides: String?
    @Option(help: "An online tile layer for the page, as a URL template ({z}/{x}/{y}); none by default.") var tiles: String?
    @Option(help: "The credit line the tile layer's provider asks for (with --tiles).") var tilesAttribution: String?

    func validate() throws {
        if let date, Day(iso: date) == nil { throw ValidationError("'\(date)' is not a date YYYY-MM-DD") }
        if inputs.isEmpty { throw ValidationError("give at least one report, event file or folder") }
        if let tiles, !(tiles.contains("{z}") && tiles.contains("{x}") && tiles.contains("{y}")) {
            throw ValidationError("--tiles '\(tiles)' is not a tile URL template with {z}, {x} and {y}")
        }
        if tiles != nil && (tilesAttribution ?? "").isEmpty {
            throw ValidationError("--tiles needs --tiles-attribution, the credit line its provider asks for")
        }
        if tiles == nil && tilesAttribution != nil { throw ValidationError("--tiles-attribution needs --tiles") }
    }

    func run() throws {
        try CLI.oneLine {
            let files = try InputFiles.collect(inputs)
            let gazetteer = try Gazetteer.loadDefault()
            var events: [Event] = []
            var warnings: [String] = []
            var explanations: [String: [String]] = [:]
            let lexicon = try Lexicon.load(besides: gazetteer)
            if !files.reports.isEmpty {
                let result = try extractAll(from: files.reports, fallbackDate: date.flatMap { Day(iso: $0) },
                                            gazetteer: gazetteer, lexicon: lexicon, explaining: true)
                events = result.events + result.statements
                warnings = result.warnings
                explanations = result.explanations
            }
            for file in files.eventFiles { events += try EventFiles.load(path: file) }
            if let overrides {
                guard let data = FileManager.default.contents(atPath: overrides) else {
                    throw LayersError.unreadableInput(path: overrides, message: "cannot read the overrides file")
                }
                let applied = Overrides.apply(try Overrides.parse(String(decoding: data, as: UTF8.self), file: overrides),
                                              to: events, gazetteer: gazetteer, lexicon: lexicon, file: overrides)
                events = applied.events
                warnings += applied.warnings
            }
            for w in warnings { CLI.warn(w) }
            var control: ControlTable?
            var frontlines: [FrontlineDay] = []
            if let table = try? ControlTable.loadDefault(gazetteer: gazetteer) {
                do {
                    (control, frontlines) = try MapJob.frontlines(for: events, gazetteer: gazetteer, table: table)
                } catch {
                    CLI.warn("no front lines drawn: \(error)")
                    control = table
                }
            }
            let input = MapInput(events: events, gazetteer: gazetteer, control: control, frontlines: frontlines,
                                 sourceCount: files.count, explanations: explanations,
                                 page: PageOptions(tiles: tiles.map { TileLayer(url: $0, attribution: tilesAttribution ?? "") }))
            let counts = try MapJob.write(input, to: out)
            let days = counts.filter { $0.file.hasPrefix("days/") }
            print("wrote \(counts.count - days.count) layers and \(days.count) day layers to \(out)")
            for c in counts where !c.file.hasPrefix("days/") { print("  \(c.file): \(c.count)") }
            for c in days { print("  \(c.file): \(c.count)") }
        }
    }
}
