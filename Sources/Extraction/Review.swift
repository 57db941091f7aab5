import EventModel
import GeoModel
import Geodesy
import Places

/// Why an analyst should check a place of the extraction.
public enum ReviewReason: String, Sendable, Hashable, CaseIterable {
    /// A name the gazetteer lacks (or holds only far from where the text puts it): the event went near a town
    /// or to a province.
    case unknownPlace = "unknown_place"
    /// A name several places share, decided only by a weak clue (the home region, population), with no cue
    /// word and no place named before it.
    case weakResolution = "weak_resolution"
    /// An event more than `ReviewList.farMetres` from every other event of its report.
    case farFromOthers = "far_from_other_events"
}

/// One place for an analyst to check, with the sentence that named it.
public struct ReviewItem: Sendable, Hashable {
    /// Why.
    public var reason: ReviewReason
    /// The report's file name.
    public var report: String
    /// The (merged) event concerned, or nil for a name resolved in a sentence that made no event of it.
    public var eventID: String?
    /// The name as the text writes it.
    public var name: String
    /// Where the extraction put it: the place's name and gazetteer id.
    public var placedAt: String
    /// What was decided and why, in words.
    public var detail: String
    /// The sentence.
    public var sentence: String

    /// An item.
    public init(reason: ReviewReason, report: String, eventID: String?, name: String, placedAt: String, detail: String,
                sentence: String) {
        self.reason = reason; self.report = report; self.eventID = eventID; self.name = name; self.placedAt = placedAt
        self.detail = detail; self.sentence = sentence
    }
}

/// The review list of an extraction (written by `placemap map` as `review.csv`): every unknown place, every
/// ambiguous name decided by a weak clue, and every event more than 50 km from its report's other events.
public enum ReviewList {
    /// How far an event may lie from every other event of its report before it is listed: 50 km (geodesic).
    public static let farMetres = 50_000.0

    /// The items of merged `events` (unknown places, far events), after the weak resolutions found while
    /// reading (`weak`), in report then sentence order.
    public static func build(events: [Event], weak: [ReviewItem]) -> [ReviewItem] {
        var out = weak
        for e in events where e.kind == .event {
            guard let src = e.sources.first else { continue }
            if let name = e.unresolvedPlace {
                out.append(ReviewItem(reason: .unknownPlace, report: src.report, eventID: e.id, name: name,
                                      placedAt: placed(e), detail: "no such place in the gazetteer here; event put "
                                      + (e.geoPrecision == 2 ? "near" : "in") + " \(e.place) (precision \(e.geoPrecision))",
                                      sentence: src.sentence))
            }
        }
        out += far(events)
        return out
    }

    /// Events (precision 1 or 2) lying more than `farMetres` from every other located event of their report.
    static func far(_ events: [Event]) -> [ReviewItem] {
        var out: [ReviewItem] = []
        let byReport = Dictionary(grouping: events.filter { $0.kind == .event && $0.coordinate != nil }) { $0.sources.first?.report ?? "" }
        let g = Geodesic.wgs84
        for report in byReport.keys.sorted() {
            let list = byReport[report]!
            guard list.count > 1 else { continue }
            for e in list where e.geoPrecision < 3 {
                let others = list.filter { $0.id != e.id }.map { g.distance(from: e.coordinate!, to: $0.coordinate!) }
                guard let nearest = others.min(), nearest > farMetres else { continue }
                out.append(ReviewItem(reason: .farFromOthers, report: report, eventID: e.id, name: e.unresolvedPlace ?? e.place,
                                      placedAt: placed(e), detail: "\(Int(nearest / 1000)) km from the report's nearest other event",
                                      sentence: e.sources.first?.sentence ?? ""))
            }
        }
        return out
    }

    static func placed(_ e: Event) -> String { e.place + (e.placeID.map { " (\($0))" } ?? "") }
}

extension ReportRun {
    /// Notes a name that several places share, resolved with no cue word and no place named before it.
    mutating func noteWeak(_ name: NameMatch, to place: Place, context: ResolutionContext, sentence a: SentenceAnalysis) {
        // Only places that can be where something happened (a country or a province is never decided by it).
        guard context.cue == nil, context.nearby.isEmpty, !place.kind.isArea else { return }
        review.append(ReviewItem(reason: .weakResolution, report: report.name, eventID: nil, name: name.text,
                                 placedAt: "\(place.name) (\(place.id))",
                                 detail: "\(name.candidates.count) places share the name; chosen by home region and size only",
                                 sentence: a.sentence.text))
    }
}
