import ArgumentParser
import Foundation
import Layers
import Pipeline

/// `placemap map`: reports and event files to GeoJSON layers, a map and a page, in one folder.
struct Map: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Map reports or event files into a folder of GeoJSON layers (one a day), map.svg and index.html.",
        discussion: """
            INPUT is a report (.txt), an event file (.jsonl, .csv, .geojson), a folder of them, or a store \
            (FILE.gpkg, postgresql://…; or --store), read with the overrides it keeps. The folder \
            given to --out receives events.geojson, sources.csv, days/YYYY-MM-DD/ (events, frontline, sides and \
            control .geojson), ongoing.geojson, undated.geojson, places.geojson, highways.geojson, borders.geojson, \
            border_lines.geojson, footprints.geojson, movements.geojson, frontlines.geojson, statements.jsonl, \
            events.geojsonseq, events.csv, map.svg, and index.html with its folder page/ (Leaflet from Debian's \
            libjs-leaflet, the page's script and its data). Everything is written to a staging folder first: on any error the earlier output stays \
            as it was. A control table that cannot be used stops the job, unless --no-frontline.
            """)

    @OptionGroup var input: EventInputOptions
    @Option(help: "A store to map (FILE.gpkg or postgresql://…), as written by `placemap ingest`.") var store: String?
    @Option(help: "The output folder (created when missing; not inside an input folder).") var out: String
    @Flag(help: "Map without front lines when the control table cannot be used (a warning says why).")
    var noFrontline = false
    @Option(help: "An online tile layer for the page, as a URL template ({z}/{x}/{y}); none by default.") var tiles: String?
    @Option(help: "The credit line the tile layer's provider asks for (with --tiles).") var tilesAttribution: String?
    @Flag(help: "No progress line on the terminal (there is none when standard error is not a terminal).")
    var quiet = false

    func validate() throws {
        if let tiles, !(tiles.contains("{z}") && tiles.contains("{x}") && tiles.contains("{y}")) {
            throw ValidationError("--tiles '\(tiles)' is not a tile URL template with {z}, {x} and {y}")
        }
        if tiles != nil && (tilesAttribution ?? "").isEmpty {
            throw ValidationError("--tiles needs --tiles-attribution, the credit line its provider asks for")
        }
        if tiles == nil && tilesAttribution != nil { throw ValidationError("--tiles-attribution needs --tiles") }
        try input.requireInputs(orStore: store)
    }

    func run() throws {
        try CLI.reporting {
            var events = input.request(explaining: true)
            if let store { events.inputs.append(store) }
            let page = PageOptions(tiles: tiles.map { TileLayer(url: $0, attribution: tilesAttribution ?? "") })
            let request = MapRequest(events: events, out: out, withoutFrontLines: noFrontline, page: page)
            // The progress line only on a terminal: redirected output gets nothing extra.
            let progress = quiet || isatty(2) == 0 ? nil : ProgressLine.standardError()
            let outcome = try MapPipeline.run(request, gazetteer: try CLI.gazetteer(), progress: progress)
            for w in outcome.warnings { CLI.warn(w) }
            let days = outcome.layers.filter { $0.file.hasPrefix("days/") }
            print("wrote \(outcome.layers.count - days.count) layers and \(days.count) day layers to \(out)")
            for c in outcome.layers where !c.file.hasPrefix("days/") { print("  \(c.file): \(c.count)") }
            for c in days { print("  \(c.file): \(c.count)") }
        }
    }
}
