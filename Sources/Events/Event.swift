import GeoModel

/// How exactly an event's dates are known.
public enum DatePrecision: String, Sendable, Hashable, CaseIterable {
    /// A single day (`start == end`).
    case day
    /// A span of days from `start` to `end`.
    case span
    /// Not dated by the report: `start` and `end` are nil.
    case unknown
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
    /// Offset of the sentence's first character in the report (Unicode scalars from the start of the text).
    public var charStart: Int
    /// Offset just past the sentence's last character.
    public var charEnd: Int

    public init(report: String, sentence: String, charStart: Int, charEnd: Int) {
        self.report = report; self.sentence = sentence; self.charStart = charStart; self.charEnd = charEnd
    }
}

/// One coded event, in the style of ACLED: one row per happening at one place.
public struct Event: Hashable, Sendable {
    /// A stable id: the same input gives the same id on every run.
    public var id: String
    /// Event or statement.
    public var kind: EventKind
    /// ACLED event type ("Battles", "Explosions/Remote violence", "Violence against civilians",
    /// "Strategic developments", "Statement").
    public var type: String
    /// ACLED sub-event type ("Air/drone strike", "Armed clash", "Government regains territory", ...).
    public var subType: String
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
    /// Display names of the actors, who acted on whom.
    public var actors: [String]
    /// Reported deaths, or nil when none are reported.
    public var fatalities: Int?
    /// Who died, in words ("7 Turkish soldiers; 1 Turkish civilian").
    public var fatalitiesDetail: String?
    /// True when the figures or the event itself are one side's claim.
    public var claimed: Bool
    /// People displaced, when reported (never counted as fatalities).
    public var displaced: Int?
    /// A place name the gazetteer lacks, kept when the event fell back to a larger place.
    public var unresolvedPlace: String?
    /// Every report sentence that told this event.
    public var sources: [EventSource]
    /// Free-text notes (the coder's summary), optional.
    public var notes: String?
    /// The first-level division (governorate, in English) of the place, when known ("Idlib").
    public var admin1: String?

    public init(id: String, kind: EventKind = .event, type: String, subType: String, start: Day?, end: Day?,
                datePrecision: DatePrecision, place: String, placeID: String?, coordinate: Coordinate?,
                geoPrecision: Int, direction: String? = nil, actors: [String] = [], fatalities: Int? = nil,
                fatalitiesDetail: String? = nil, claimed: Bool = false, displaced: Int? = nil,
                unresolvedPlace: String? = nil, sources: [EventSource] = [], notes: String? = nil,
                admin1: String? = nil) {
        self.id = id; self.kind = kind; self.type = type; self.subType = subType; self.start = start; self.end = end
        self.datePrecision = datePrecision; self.place = place; self.placeID = placeID; self.coordinate = coordinate
        self.geoPrecision = geoPrecision; self.direction = direction; self.actors = actors; self.fatalities = fatalities
        self.fatalitiesDetail = fatalitiesDetail; self.claimed = claimed; self.displaced = displaced
        self.unresolvedPlace = unresolvedPlace; self.sources = sources; self.notes = notes; self.admin1 = admin1
    }
}
