import Control
import EventModel
import Extraction
import FileIO
import Foundation
import GeoModel
import Layers
import Places

/// What `placemap map` is asked to do.
public struct MapRequest: Sendable {
    /// Where the events come from.
    public var events: EventRequest
    /// The output folder (created when missing).
    public var out: String
    /// When true, a control table that cannot be used is a warning and the map goes on without front
    /// lines; when false (the default) it is the job's error.
    public var withoutFrontLines: Bool
    /// The page's options (an online tile layer, none by default).
    public var page: PageOptions

    /// A request.
    public init(events: EventRequest, out: String, withoutFrontLines: Bool = false, page: PageOptions = PageOptions()) {
        self.events = events; self.out = out; self.withoutFrontLines = withoutFrontLines; self.page = page
    }
}

/// What a map job did: the layers written and the warnings the user must see.
public struct MapOutcome: Sendable {
    /// Each layer written and its feature count, top-level files first, then the day layers.
    public var layers: [LayerCount]
    /// Unknown places, events left out, a front line not drawn, and why.
    public var warnings: [String]
}

/// The main job: reports and event files in, every layer of a map out (`placemap map`).
public enum MapPipeline {
    /// Reads the events of `request`, draws the front lines of their days from the gazetteer's control
    /// table (with the events' own changes of control), and writes every layer into `request.out` through a
    /// staging folder: on any error the earlier output is left as it was.
    /// `progress` is told each stage and how many events it has done (and `finish`ed at the end).
    /// - Throws: the first error of reading (naming the file and line), of the control table (unless
    ///   `withoutFrontLines`) or of writing (`FileIOError`, `LayersError`).
    public static func run(_ request: MapRequest, gazetteer: Gazetteer, progress: MapProgress? = nil) throws -> MapOutcome {
        defer { progress?.finish() }
        try checkOutput(request.out, inputs: request.events.inputs)
        let lexicon = try Lexicon.load(besides: gazetteer)
        progress?.update(.reading, done: 0, total: nil)
        var read = try EventInputs.load(request.events, gazetteer: gazetteer, lexicon: lexicon)
        var warnings = read.warnings
        // One array of events and statements, without a copy of the events when there are no statements.
        var events = read.events
        read.events = []
        events += read.statements
        progress?.update(.reading, done: events.count, total: events.count)
        progress?.update(.frontLines, done: 0, total: events.count)
        var control: ControlTable?
        var frontlines: [FrontlineDay] = []
        do {
            let table = try ControlTable.loadDefault(gazetteer: gazetteer)
            (control, frontlines) = try MapJob.frontlines(for: events, gazetteer: gazetteer, table: table)
        } catch {
            guard request.withoutFrontLines else { throw MapPipelineError.frontLines("\(error)") }
            warnings.append("no front lines drawn: \(error)")
        }
        let input = MapInput(events: events, gazetteer: gazetteer, control: control, frontlines: frontlines,
                             sourceCount: try EventInputs.sourceCount(request.events),
                             explanations: read.explanations, page: request.page)
        events = []  // the input holds them now: one copy of the events, not two
        // With the layers, in the same swap: the places an analyst should check, with their sentences
        // (ReviewList, in Extraction).
        let layers = try MapJob.write(consume input, to: request.out, progress: progress,
                                      alsoWrite: [(ReviewFile.name, ReviewFile.render(read.review))])
        return MapOutcome(layers: layers, warnings: warnings)
    }

    /// Refuses an output folder that is, or lies inside, an input folder: the next run would read its own
    /// layers as input.
    static func checkOutput(_ out: String, inputs: [String]) throws {
        let target = URL(fileURLWithPath: out).standardizedFileURL.resolvingSymlinksInPath().path
        for input in inputs where input != "-" {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isDir), isDir.boolValue else { continue }
            let folder = URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath().path
            if target == folder || target.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/") {
                throw MapPipelineError.outputInsideInput(out: out, input: input)
            }
        }
    }
}

/// Errors of the map job that are not an input's or the output's own.
public enum MapPipelineError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The front lines cannot be drawn (a malformed control table, a geometry failure).
    case frontLines(String)
    /// `--out` is an input folder or inside one.
    case outputInsideInput(out: String, input: String)

    public var description: String {
        switch self {
        case .frontLines(let m):
            return "no front lines can be drawn: \(m) (fix the control table, or pass --no-frontline to map without them)"
        case .outputInsideInput(let out, let input):
            return "--out \(out) is inside the input folder \(input): the next run would read its own layers; choose another folder"
        }
    }
}
