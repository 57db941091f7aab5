import Foundation

/// ACLED's event types (codebook 2023–2024), plus `statement` for what PlaceMap keeps apart from events.
public enum EventType: String, Sendable, Hashable, CaseIterable, Comparable {
    case battles = "Battles"
    case explosions = "Explosions/Remote violence"
    case violenceAgainstCivilians = "Violence against civilians"
    case protests = "Protests"
    case riots = "Riots"
    case strategicDevelopments = "Strategic developments"
    /// Statements and diplomacy: not an ACLED event type; never written to the event layers.
    case statement = "Statement"

    /// ACLED's `disorder_type` column for the event type.
    public var disorderType: String {
        switch self {
        case .battles, .explosions, .violenceAgainstCivilians: return "Political violence"
        case .protests, .riots: return "Demonstrations"
        case .strategicDevelopments, .statement: return "Strategic developments"
        }
    }

    /// True for the kinds of violence ACLED counts as political violence.
    public var isViolent: Bool { self == .battles || self == .explosions || self == .violenceAgainstCivilians }

    /// The types by their lower-cased names.
    static let byLowercasedName: [String: EventType] =
        Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue.lowercased(), $0) })

    public static func < (a: EventType, b: EventType) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// How events of a sub-type merge with others (see `EventMerger`): every kind of violence is one
/// family, changes of territory another, and each strategic development its own.
public enum MergeFamily: Hashable, Sendable {
    case violence
    case territory
    case own(SubEventType)
    case unspecified(EventType)
}

/// What a sub-type says about who holds the place afterwards.
public enum ControlChange: String, Sendable, Hashable {
    /// The side that acted (actor 1) holds the place from the event's last day on.
    case toActor
    /// Neither side holds the place for certain (a siege, an encirclement).
    case contested
}

/// The kinds of movement a sub-type stands for, drawn as arrows.
public enum MovementKind: String, Sendable, Hashable, CaseIterable {
    /// Troops arriving or deploying.
    case reinforcement
    /// People fleeing.
    case displacement
    /// A side taking ground.
    case offensive
}

/// The map symbol of a sub-type: one per kind of happening.
public enum EventSymbol: String, Sendable, Hashable, CaseIterable {
    case airStrike, shelling, clash, attack, territory, siege, deployment, displacement, other

    /// The legend's words.
    public var label: String {
        switch self {
        case .airStrike: return "Air or drone strike"
        case .shelling: return "Shelling, artillery"
        case .clash: return "Armed clash"
        case .attack: return "Attack, suicide bomb"
        case .territory: return "Territory taken"
        case .siege: return "Siege, encirclement"
        case .deployment: return "Troops deployed, reinforced"
        case .displacement: return "Displacement"
        case .other: return "Other event"
        }
    }

    /// The fill colour (`#RRGGBB`), from Okabe and Ito's palette for colour-blind readers (each symbol also
    /// has its own shape, so that colour is never the only difference).
    public var colour: String {
        switch self {
        case .airStrike: return "#D55E00"  // vermillion
        case .shelling: return "#E69F00"  // orange
        case .clash: return "#000000"  // black
        case .attack: return "#CC79A7"  // reddish purple
        case .territory: return "#0072B2"  // blue
        case .siege: return "#000000"  // black ring
        case .deployment: return "#56B4E9"  // sky blue
        case .displacement: return "#009E73"  // bluish green
        case .other: return "#999999"  // grey
        }
    }
}

/// A sub-event type: ACLED's (codebook 2023–2024) and five finer strategic developments of PlaceMap's own
/// (troop movements and sieges, which ACLED codes as *Other* or *Headquarters or base established*), plus
/// PlaceMap's two kinds of statement. Every property of a sub-type is read from this one table.
public enum SubEventType: String, Sendable, Hashable, CaseIterable, Comparable {
    // Battles
    case armedClash = "Armed clash"
    case governmentRegainsTerritory = "Government regains territory"
    case nonStateActorOvertakesTerritory = "Non-state actor overtakes territory"
    // Explosions/Remote violence
    case chemicalWeapon = "Chemical weapon"
    case airStrike = "Air/drone strike"
    case suicideBomb = "Suicide bomb"
    case shelling = "Shelling/artillery/missile attack"
    case remoteExplosive = "Remote explosive/landmine/IED"
    case grenade = "Grenade"
    // Violence against civilians
    case sexualViolence = "Sexual violence"
    case attack = "Attack"
    case abduction = "Abduction/forced disappearance"
    // Protests and riots
    case peacefulProtest = "Peaceful protest"
    case protestWithIntervention = "Protest with intervention"
    case excessiveForce = "Excessive force against protesters"
    case violentDemonstration = "Violent demonstration"
    case mobViolence = "Mob violence"
    // Strategic developments (ACLED)
    case agreement = "Agreement"
    case arrests = "Arrests"
    case changeToGroup = "Change to group/activity"
    case disruptedWeaponsUse = "Disrupted weapons use"
    case baseEstablished = "Headquarters or base established"
    case looting = "Looting/property destruction"
    case nonViolentTransfer = "Non-violent transfer of territory"
    case other = "Other"
    // Strategic developments (PlaceMap's finer sub-types)
    case offensive = "Offensive/advance"
    case reinforcement = "Reinforcement movement"
    case troopDeployment = "Troop deployment/new base"
    case siege = "Siege"
    case displacement = "Displacement"
    // Statements
    case statement = "Statement"
    case diplomacy = "Diplomacy"

    /// The event type the sub-type belongs to.
    public var eventType: EventType {
        switch self {
        case .armedClash, .governmentRegainsTerritory, .nonStateActorOvertakesTerritory: return .battles
        case .chemicalWeapon, .airStrike, .suicideBomb, .shelling, .remoteExplosive, .grenade: return .explosions
        case .sexualViolence, .attack, .abduction: return .violenceAgainstCivilians
        case .peacefulProtest, .protestWithIntervention, .excessiveForce: return .protests
        case .violentDemonstration, .mobViolence: return .riots
        case .agreement, .arrests, .changeToGroup, .disruptedWeaponsUse, .baseEstablished, .looting,
             .nonViolentTransfer, .other, .offensive, .reinforcement, .troopDeployment, .siege, .displacement:
            return .strategicDevelopments
        case .statement, .diplomacy: return .statement
        }
    }

    /// The sub-type as ACLED codes it: itself, or for PlaceMap's finer ones the ACLED sub-type they refine.
    public var acled: SubEventType {
        switch self {
        case .offensive, .reinforcement, .siege, .displacement: return .other
        case .troopDeployment: return .baseEstablished
        default: return self
        }
    }

    /// True for PlaceMap's own sub-types, which ACLED's columns carry as `acled`.
    public var isPlaceMapOwn: Bool { acled != self }

    /// ACLED's `disorder_type`: the event type's, except the two sub-types ACLED counts as both violence
    /// and demonstration.
    public var disorderType: String {
        switch self {
        case .excessiveForce, .mobViolence: return "Political violence; Demonstrations"
        default: return eventType.disorderType
        }
    }

    /// How events of this sub-type merge (see `MergeFamily`).
    public var mergeFamily: MergeFamily {
        if controlChange == .toActor { return .territory }
        return eventType.isViolent ? .violence : .own(self)
    }

    /// What the sub-type says about control of the place, or nil for none.
    public var controlChange: ControlChange? {
        switch self {
        case .governmentRegainsTerritory, .nonStateActorOvertakesTerritory, .nonViolentTransfer: return .toActor
        case .siege: return .contested
        default: return nil
        }
    }

    /// The movement the sub-type stands for, or nil.
    public var movement: MovementKind? {
        switch self {
        case .reinforcement, .troopDeployment, .baseEstablished: return .reinforcement
        case .displacement: return .displacement
        case .offensive, .governmentRegainsTerritory, .nonStateActorOvertakesTerritory: return .offensive
        default: return nil
        }
    }

    /// The map symbol.
    public var symbol: EventSymbol {
        switch self {
        case .airStrike: return .airStrike
        case .shelling, .chemicalWeapon: return .shelling
        case .armedClash: return .clash
        case .suicideBomb, .remoteExplosive, .grenade, .attack, .sexualViolence, .abduction, .excessiveForce,
             .mobViolence, .violentDemonstration:
            return .attack
        case .governmentRegainsTerritory, .nonStateActorOvertakesTerritory, .nonViolentTransfer, .offensive:
            return .territory
        case .siege: return .siege
        case .reinforcement, .troopDeployment, .baseEstablished: return .deployment
        case .displacement: return .displacement
        default: return .other
        }
    }

    /// The sub-type named by `text`, ignoring case and surrounding spaces, or nil.
    public init?(named text: some StringProtocol) {
        if let exact = SubEventType(rawValue: String(text)) { self = exact; return }  // as written: no folding
        let folded = text.trimmingSpaces().lowercased()
        guard let match = SubEventType.byLowercasedName[folded] else { return nil }
        self = match
    }

    private static let byLowercasedName: [String: SubEventType] =
        Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue.lowercased(), $0) })

    /// The sub-types of an event type, in table order.
    public static func of(_ type: EventType) -> [SubEventType] { allCases.filter { $0.eventType == type } }

    public static func < (a: SubEventType, b: SubEventType) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// An event's type and sub-type: the key to every property of the table above. The sub-type is nil when
/// the source does not say (an event file with only an event type, a strike whose weapon is not told).
public struct EventCategory: Hashable, Sendable, CustomStringConvertible {
    /// The event type.
    public let type: EventType
    /// The sub-event type, of `type` (or an ACLED sub-type PlaceMap's own refines), or nil when unspecified.
    public let subType: SubEventType?

    /// The category of a sub-type.
    public init(_ subType: SubEventType) { type = subType.eventType; self.subType = subType }

    /// A category with its sub-type unspecified.
    public init(unspecified type: EventType) { self.type = type; subType = nil }

    /// The category of a type and sub-type as written in a file ("Battles", "Armed clash"; an empty
    /// sub-type is unspecified). The type may be omitted when the sub-type is given.
    /// - Throws: `EventModelError.unknownType`, `.unknownSubType` or `.typeMismatch`, with the names as written.
    public init(type: String?, subType: String?) throws {
        let t = type?.trimmingSpaces() ?? "", s = subType?.trimmingSpaces() ?? ""
        var named: EventType? = nil
        if !t.isEmpty {
            guard let e = EventType(rawValue: t) ?? EventType.byLowercasedName[t.lowercased()] else {
                throw EventModelError.unknownType(t)
            }
            named = e
        }
        guard !s.isEmpty else {
            guard let named else { throw EventModelError.unknownType("") }
            self.init(unspecified: named)
            return
        }
        guard let sub = SubEventType(named: s) else { throw EventModelError.unknownSubType(s) }
        if let named, named != sub.eventType, named != sub.acled.eventType {
            throw EventModelError.typeMismatch(type: t, subType: s)
        }
        self.init(sub)
    }

    /// The sub-type's name, or the type's when unspecified ("Battles").
    public var description: String { subType?.rawValue ?? type.rawValue }

    /// True for statements and diplomacy.
    public var isStatement: Bool { type == .statement }

    /// ACLED's `disorder_type`.
    public var disorderType: String { subType?.disorderType ?? type.disorderType }

    /// How events of this category merge (see `MergeFamily`); an unspecified strategic development merges only
    /// with its like.
    public var mergeFamily: MergeFamily {
        if let subType { return subType.mergeFamily }
        return type.isViolent ? .violence : .unspecified(type)
    }

    /// What the category says about control of the place, or nil.
    public var controlChange: ControlChange? { subType?.controlChange }

    /// The movement the category stands for, or nil.
    public var movement: MovementKind? { subType?.movement }

    /// The map symbol: the sub-type's, or for an unspecified one the type's most common.
    public var symbol: EventSymbol {
        if let subType { return subType.symbol }
        switch type {
        case .battles: return .clash
        case .explosions: return .shelling
        case .violenceAgainstCivilians, .riots: return .attack
        case .protests, .strategicDevelopments, .statement: return .other
        }
    }
}
