import EventModel
import GeoModel

/// What the page shows of one event when it is clicked: its type, dates, place with precision, actors,
/// fatalities (claims marked), every source sentence with its report, and the `--explain` lines of
/// the rules that coded it. Built from an `Event` (one at a time, while the details files are written).
struct PageEvent {
    var id: String
    var symbol: EventSymbol
    /// "Explosions/Remote violence" and "Air/drone strike".
    var type: String, subType: String
    /// "2020-02-06", "2020-02-03 to 2020-02-05" or "undated".
    var when: String
    var place: String
    /// "the named place", "near the named place", "only the region is known".
    var precision: String
    var direction: String?
    var unresolvedPlace: String?
    var admin1: String?
    var actors: [String]
    var fatalities: Int?
    var fatalitiesDetail: String?
    var claimed: Bool
    var displaced: Int?
    var sources: [EventSource]
    var notes: String?
    var explanation: [String]

    init(_ e: Event, symbol: EventSymbol, explanation: [String]) {
        id = e.id
        self.symbol = symbol
        type = e.type.rawValue
        subType = e.category.description
        if let s = e.start {
            when = e.end.map { $0 != s ? "\(s) to \($0)" : "\(s)" } ?? "\(s)"
        } else {
            when = "undated"
        }
        place = e.place
        precision = Self.precisionText[e.geoPrecision] ?? "precision \(e.geoPrecision)"
        direction = e.direction
        unresolvedPlace = e.unresolvedPlace
        admin1 = e.admin1
        actors = e.actorNames
        fatalities = e.fatalities
        fatalitiesDetail = e.fatalitiesDetail
        claimed = e.claimed
        displaced = e.displaced
        sources = e.sources
        notes = e.notes
        self.explanation = explanation
    }

    /// The words for `geo_precision` 1–3.
    static let precisionText = [1: "1: the named place", 2: "2: near the named place", 3: "3: only the region is known"]

    /// The short line the event list shows: "Air/drone strike — Taftanaz".
    static func label(_ e: Event) -> String {
        e.category.description + " — " + (e.direction.map { "\($0) of " } ?? "") + e.place
    }

    /// Appends the event as a JSON object (keys in sorted order; absent values left out).
    func write(to w: inout ScriptJSON) {
        w.raw("{\"actors\":"); w.list(actors) { $0.string($1) }
        if let admin1 { w.raw(",\"admin1\":"); w.string(admin1) }
        w.raw(",\"claimed\":"); w.raw(claimed ? "true" : "false")
        if let direction { w.raw(",\"direction\":"); w.string(direction) }
        if let displaced { w.raw(",\"displaced\":"); w.int(displaced) }
        w.raw(",\"explain\":"); w.list(explanation) { $0.string($1) }
        if let fatalities { w.raw(",\"fatalities\":"); w.int(fatalities) }
        if let fatalitiesDetail { w.raw(",\"fatalities_detail\":"); w.string(fatalitiesDetail) }
        w.raw(",\"id\":"); w.string(id)
        if let notes, !notes.isEmpty { w.raw(",\"notes\":"); w.string(notes) }
        w.raw(",\"place\":"); w.string(place)
        w.raw(",\"precision\":"); w.string(precision)
        w.raw(",\"sources\":")
        w.list(sources) { w, s in
            w.raw("{\"report\":"); w.string(s.report)
            if !s.sentence.isEmpty { w.raw(",\"sentence\":"); w.string(s.sentence) }
            w.raw("}")
        }
        w.raw(",\"sub_type\":"); w.string(subType)
        w.raw(",\"symbol\":"); w.int(symbol.index)
        w.raw(",\"type\":"); w.string(type)
        if let unresolvedPlace { w.raw(",\"unresolved_place\":"); w.string(unresolvedPlace) }
        w.raw(",\"when\":"); w.string(when)
        w.raw("}")
    }
}
