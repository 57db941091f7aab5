import GeoModel
import ArgumentParser
import Control
import EventModel
import Extraction
import Foundation
import Pipeline
import Places
import Store

/// `placemap frontline`: the front line and its figures, day by day, from the control table.
struct Frontline: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Front lines day by day: who holds what, line length, areas, changes (a Voronoi model of control).",
        discussion: """
            The area of interest (by default the hull of the table's settlements, buffered 5 km, cut to Syria) \
            is split among the settlements by a Voronoi diagram in UTM; the line is the boundary between the \
            cells of one side (--side; by default the table's first side, government in the bundled table) and \
            all others. Changes compare with the previous day when the table covers it. A day after the table's \
            last day is an error, unless --assume-unchanged extends its last state on purpose.
            """)

    @Option(help: "One day, YYYY-MM-DD.") var day: String?
    @Option(help: "First day of a range, YYYY-MM-DD.") var from: String?
    @Option(help: "Last day of a range, YYYY-MM-DD.") var to: String?
    @Option(help: "Extracted events (.jsonl, .csv, .geojson, or a store: FILE.gpkg, postgresql://…) whose changes of control fill the table's gaps.")
    var events: String?
    @Option(help: "A GeoJSON polygon to use as the area of interest.") var area: String?
    @Option(help: "A control table CSV instead of the bundled Gazetteer/control/control.csv.") var table: String?
    @Option(help: "The side whose boundary is the line (a side the table names; default its first side).") var side: String?
    @Flag(help: "Take days after the table's last day to be as on its last day.") var assumeUnchanged = false
    @Option(help: "Output: json, geojson or table.") var format: OutputFormat = .table

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case json, geojson, table }

    func validate() throws {
        switch (day, from, to) {
        case (.some, nil, nil), (nil, .some, .some): break
        default: throw ValidationError("give either --day D, or --from D1 and --to D2")
        }
    }

    func run() throws {
        let (first, last) = try (Frontline.day(day ?? from!), Frontline.day(day ?? to!))
        let gazetteer = try CLI.gazetteer()
        let days = try Frontline.oneLine {
            var control = try table.map { try ControlTable(path: $0, gazetteer: gazetteer) }
                ?? ControlTable.loadDefault(gazetteer: gazetteer)
            control.assumesUnchanged = assumeUnchanged
            if let events {
                let read = try EventSources.load(path: events) { gazetteer }
                for w in read.warnings { CLI.warn(w) }
                let (merged, skipped) = try control.adding(events: read.events, gazetteer: gazetteer)
                control = merged
                for s in skipped { CLI.say("note", "event \(s.eventID) not used: \(s.reason)") }
            }
            let lineSide = try side.map { text in
                guard let s = Side(parsing: text) else { try Frontline.fail("--side '\(text)' is not a side (\(Side.rule))") }
                return s
            }
            let model = try FrontlineModel(gazetteer: gazetteer, table: control, area: try area.map(AreaOfInterest.load),
                                           lineSide: lineSide)
            return try model.range(from: first, to: last)
        }
        switch format {
        case .json: print(FrontlineReport.json(days))
        case .geojson: print(FrontlineReport.geojson(days))
        case .table: print(Format.table(FrontlineReport.rows(days)))
        }
    }

    static func day(_ text: String) throws -> Day {
        guard let d = Day(iso: text) else { try fail("'\(text)' is not a date YYYY-MM-DD") }
        return d
    }

    /// Runs `body`, turning the library's errors into one line on stderr and exit status 1.
    static func oneLine<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as ControlError { try fail(e.description) }
        catch let e as EventFileError { try fail(e.description) }
        catch let e as PlacesError { try fail(e.description) }
        catch let e as StoreError { try fail(e.description) }
    }

    static func fail(_ message: String) throws -> Never { try CLI.fail(message) }
}
