import GeoModel

/// How exactly an event's dates are known.
public enum DatePrecision: String, Sendable, Hashable, CaseIterable {
    /// A single day the report names (`start == end`).
    case day
    /// A span of days from `start` to `end`.
    case span
    /// No date cue: the event takes the report's date (`start == end`), as ACLED does with the date of
    /// the report when the text gives none.
    case report
    /// Not dated by the report: `start` is nil, `end` the last day it can have happened by, or nil.
    case unknown

    /// ACLED's `time_precision`: 1 for a day, 2 for a span of up to a week (and the report's date), 3 for
    /// anything longer or undated.
    public func acledTimePrecision(start: Day?, end: Day?) -> Int {
        switch self {
        case .day: return 1
        case .report: return 2
        case .span:
            guard let start, let end else { return 3 }
            return start.days(to: end) <= 6 ? 2 : 3
        case .unknown: return 3
        }
    }
}

/// Whether a coded row is a happening at a place, or a statement (diplomacy, claims made elsewhere).
public enum EventKind: String, Sendable, Hashable {
    case event
    case statement
}

/// Where a coded event came from: the report (file name only), the sentence, and its character offsets.
public struct EventSource: Hashable, Sendable {
    /// The report's file name, without its folder.
    public var report: String
    /// The sentence that told the event.
    public var sentence: String
    /// Offset of the sentence's first character in the report file (Unicode scalars from the start).
    public var charStart: Int
    /// Offset just past the sentence's last character.
    public var charEnd: Int

    /// A source.
    public init(report: String, sentence: String, charStart: Int, charEnd: Int) {
        self.report = report; self.sentence = sentence; self.charStart = charStart; self.charEnd = charEnd
    }
}

/// One coded event, in the style of ACLED: one row per happening at one place, on one day or span, of one
/// sub-event type, with who acted (actor 1 and its associates) on whom (actor 2 and its associates).
public struct Event: Hashable, Sendable {
    /// A stable id: the same input gives the same id on every run.
    public var id: String
    /// The event type and sub-type.
    public var category: EventCategory
    /// First day, or nil when undated.
    public var start: Day?
    /// Last day, or nil when undated.
    public var end: Day?
    /// How exactly the dates are known.
    public var datePrecision: DatePrecision
    /// The place's display name.
    public var place: String
    /// The gazetteer id of the place, when resolved.
    public var placeID: String?
    /// The event's point (a region's label point for precision 3); nil for statements.
    public var coordinate: Coordinate?
    /// 1 = the named town, 2 = near a named town, 3 = only a region.
    public var geoPrecision: Int
    /// A relative position to the place ("north", "south", ...), when the report gives one.
    public var direction: String?
    /// The country of the place, ISO 3166-1 alpha-2 ("SY"), when known.
    public var country: String?
    /// The first-level division (governorate, oblast, state), in English, when known ("Idlib").
    public var admin1: String?
    /// The second-level division (district), when known.
    public var admin2: String?
    /// The third-level division (sub-district), when known.
    public var admin3: String?
    /// Who acted (the attacker, the side that took the place).
    public var actor1: Actor?
    /// Who acted with actor 1 (a second attacker, a side giving covering fire).
    public var assocActor1: [Actor]
    /// Who was acted on (the target, the side that lost the place, the victims).
    public var actor2: Actor?
    /// Who was acted on with actor 2.
    public var assocActor2: [Actor]
    /// Reported deaths, the lowest figure the sources give (ACLED's conservative count), or nil when none is
    /// reported. A claim of enemy dead by one side is `fatalitiesClaimed`, not this.
    public var fatalities: Int?
    /// Deaths one side claims to have inflicted, or nil.
    public var fatalitiesClaimed: Int?
    /// Who died, in words ("7 Turkish soldiers; 1 Turkish civilian").
    public var fatalitiesDetail: String?
    /// True when the event or its decisive element (the change of control, the perpetrator, the toll) rests
    /// on one party's word.
    public var claimed: Bool
    /// People displaced, when reported (never counted as fatalities).
    public var displaced: Int?
    /// A place name the gazetteer lacks, kept when the event fell back to a larger place.
    public var unresolvedPlace: String?
    /// Every report sentence that told this event.
    public var sources: [EventSource]
    /// Free-text notes (the coder's summary), optional.
    public var notes: String?

    /// An event.
    public init(id: String, category: EventCategory, start: Day?, end: Day?, datePrecision: DatePrecision,
                place: String, placeID: String? = nil, coordinate: Coordinate?, geoPrecision: Int,
                direction: String? = nil, country: String? = nil, admin1: String? = nil, admin2: String? = nil,
                admin3: String? = nil, actor1: Actor? = nil, assocActor1: [Actor] = [], actor2: Actor? = nil,
                assocActor2: [Actor] = [], fatalities: Int? = nil, fatalitiesClaimed: Int? = nil,
                fatalitiesDetail: String? = nil, claimed: Bool = false, displaced: Int? = nil,
                unresolvedPlace: String? = nil, sources: [EventSource] = [], notes: String? = nil) {
        self.id = id; self.category = category; self.start = start; self.end = end; self.datePrecision = datePrecision
        self.place = place; self.placeID = placeID; self.coordinate = coordinate; self.geoPrecision = geoPrecision
        self.direction = direction; self.country = country; self.admin1 = admin1; self.admin2 = admin2
        self.admin3 = admin3; self.actor1 = actor1; self.assocActor1 = assocActor1; self.actor2 = actor2
        self.assocActor2 = assocActor2; self.fatalities = fatalities; self.fatalitiesClaimed = fatalitiesClaimed
        self.fatalitiesDetail = fatalitiesDetail; self.claimed = claimed; self.displaced = displaced
        self.unresolvedPlace = unresolvedPlace; self.sources = sources; self.notes = notes
    }

    /// The event type.
    public var type: EventType { category.type }

    /// The sub-event type, nil when unspecified.
    public var subType: SubEventType? { category.subType }

    /// Event or statement (from the type).
    public var kind: EventKind { category.isStatement ? .statement : .event }

    /// Every actor in ACLED's order: actor 1, its associates, actor 2, its associates.
    public var actors: [Actor] {
        var all: [Actor] = []
        if let actor1 { all.append(actor1) }
        all += assocActor1
        if let actor2 { all.append(actor2) }
        return all + assocActor2
    }

    /// The actors' names in `actors` order.
    public var actorNames: [String] { actors.map(\.name) }

    /// ACLED's `civilian_targeting`: "Civilian targeting" when civilians are the ones acted on.
    public var civilianTargeting: Bool { actor2?.kind == .civilians || type == .violenceAgainstCivilians }

    /// The day range the event covers, or nil when undated.
    public var days: ClosedRange<Day>? {
        guard let start else { return nil }
        return start...(end ?? start)
    }
}
