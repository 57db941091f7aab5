import GeoModel

/// What a place mention does in its text (`role` of `gold_toponyms.csv`).
public enum ToponymRole: String, Sendable, Hashable, CaseIterable {
    /// A coded event is placed there or anchored on it.
    case eventLocation = "event_location"
    /// The report's dateline.
    case dateline
    /// Where a statement was made.
    case statementLocation = "statement_location"
    /// A place that only situates or describes (a province, a retreat destination, the fire's origin).
    case description
    /// Metonyms, organisation names, countries as actors.
    case other

    /// True for the roles that must never become an event place (datelines and descriptions).
    public var mustNotBeEventPlace: Bool { self == .dateline || self == .description }
}

/// What sort of place a mention names (`kind` of `gold_toponyms.csv`).
public enum ToponymKind: String, Sendable, Hashable, CaseIterable {
    case city, town, village, region, country, highway, facility, river
}

/// One row of `gold_toponyms.csv`: a place mention in an article, its place and role.
public struct GoldToponym: Sendable, Hashable {
    /// The article's file name.
    public var article: String
    /// The mention as written in the text.
    public var mention: String
    /// Where the mention starts: Unicode scalars from the start of the file, line 1 included.
    public var charOffset: Int
    /// The place it refers to, one name per place whatever the spelling.
    public var placeName: String
    /// The compiled coordinate, or nil when "not compiled".
    public var coordinate: Coordinate?
    /// Where the coordinate comes from.
    public var coordinateSource: String
    /// The GeoNames id, when known.
    public var geonamesID: String?
    /// What sort of place.
    public var kind: ToponymKind
    /// What the mention does in the text.
    public var role: ToponymRole
    /// The 1-based line in the file, for messages.
    public var line: Int

    /// A mention.
    public init(article: String, mention: String, charOffset: Int, placeName: String, coordinate: Coordinate?,
                coordinateSource: String = "", geonamesID: String? = nil, kind: ToponymKind, role: ToponymRole, line: Int = 0) {
        self.article = article; self.mention = mention; self.charOffset = charOffset; self.placeName = placeName
        self.coordinate = coordinate; self.coordinateSource = coordinateSource; self.geonamesID = geonamesID
        self.kind = kind; self.role = role; self.line = line
    }

    /// The scalar offsets the mention covers.
    public var range: Range<Int> { charOffset..<(charOffset + mention.unicodeScalars.count) }
}

/// Reading `gold_toponyms.csv`.
public enum GoldToponyms {
    /// The columns the file must have.
    public static let columns = ["article", "mention", "char_offset", "place_name", "lat", "lon", "coord_source",
                                 "geonames_id", "kind", "role"]

    /// Reads every row of a gold toponyms file.
    /// - Throws: `EvaluationError` naming the file and line: a missing column, an empty article or mention, a
    ///   bad or negative offset, a bad point, a kind or role outside the closed sets.
    public static func read(path: String) throws -> [GoldToponym] {
        try GoldTable(path: path, columns: columns).rows.map { r in
            guard let offset = try r.integer("char_offset"), offset >= 0 else {
                throw r.error("char_offset must be a whole number ≥ 0, not \"\(r.text("char_offset"))\"")
            }
            let kindText = r.text("kind"), roleText = r.text("role")
            guard let kind = ToponymKind(rawValue: kindText) else {
                throw r.error("kind \"\(kindText)\" is not one of \(ToponymKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard let role = ToponymRole(rawValue: roleText) else {
                throw r.error("role \"\(roleText)\" is not one of \(ToponymRole.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let id = r.text("geonames_id")
            return GoldToponym(article: try r.required("article"), mention: try r.required("mention"), charOffset: offset,
                               placeName: try r.required("place_name"), coordinate: try GoldEvents.point(r),
                               coordinateSource: r.text("coord_source"), geonamesID: id.isEmpty ? nil : id,
                               kind: kind, role: role, line: r.line)
        }
    }
}
