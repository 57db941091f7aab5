import Evaluation
import EventModel
import Extraction
import FileIO
import Foundation
import GeoModel
import Geodesy
import Places

/// Small hand-made values for the evaluation tests (places are real: Saraqib, Taftanaz, Sarmin).
enum Hand {
    static let saraqib = Coordinate(lon: 36.805910, lat: 35.864470)
    static let taftanaz = Coordinate(lon: 36.785790, lat: 35.998320)
    static let sarmin = Coordinate(lon: 36.725010, lat: 35.904030)
    static let idlibGovernorate = Coordinate(lon: 36.726466, lat: 35.723749)

    /// A lexicon of a few actor phrases, written for the tests (not the bundled one).
    static let lexicon = Lexicon(triggers: [], actors: [
        ActorEntry(phrase: "government forces", actor: "Syrian government forces", side: .government, airActor: nil),
        ActorEntry(phrase: "syrian government forces", actor: "Syrian government forces", side: .government, airActor: nil),
        ActorEntry(phrase: "russian forces", actor: "Russian military", side: .foreign, airActor: nil),
        ActorEntry(phrase: "turkish military", actor: "Turkish military", side: .foreign, airActor: nil),
        ActorEntry(phrase: "syrian rebels", actor: "Rebels", side: .opposition, airActor: nil),
        ActorEntry(phrase: "rebels", actor: "Rebels", side: .opposition, airActor: nil),
        ActorEntry(phrase: "civilians", actor: "Civilians", side: .civilian, airActor: nil),
        ActorEntry(phrase: "syrian observatory", actor: nil, side: .none, airActor: nil),
    ], cues: [])

    static let rules = MatchRules(sides: SideMap(lexicon: lexicon))

    /// `metres` east of `c` (geodesic).
    static func east(of c: Coordinate, metres: Double) -> Coordinate {
        Geodesic.wgs84.destination(from: c, azimuth: 90, distance: metres).point
    }

    /// An extracted event written for a test.
    static func event(_ id: String, _ start: String?, _ end: String? = nil, at c: Coordinate?, place: String,
                      unresolved: String? = nil, type: String, sub: String, actors: [String], fatalities: Int? = nil,
                      precision: Int = 1, sentence: (String, Int, Int)? = nil) -> Event {
        let s = start.flatMap { Day(iso: $0) }
        return Event(id: id, category: try! EventCategory(type: type, subType: sub), start: s,
                     end: (end ?? start).flatMap { Day(iso: $0) },
                     datePrecision: s == nil ? .unknown : .day, place: place, placeID: nil, coordinate: c,
                     geoPrecision: precision, actor1: actors.first.map { Actor($0) },
                     actor2: actors.dropFirst().first.map { Actor($0) }, assocActor2: actors.dropFirst(2).map { Actor($0) },
                     fatalities: fatalities, unresolvedPlace: unresolved,
                     sources: sentence.map { [EventSource(report: "a.txt", sentence: $0.0, charStart: $0.1, charEnd: $0.2)] } ?? [])
    }

    /// Writes `text` to a fresh file named `name` and returns its path.
    static func file(_ name: String, _ text: String, in dir: URL) throws -> String {
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }
}
