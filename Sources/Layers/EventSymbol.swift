import Events

/// How an event is drawn: one symbol per kind of happening, chosen from its sub-type by words, so
/// that ACLED's names and PlaceMap's both fit.
public enum EventSymbol: String, CaseIterable, Sendable {
    case airStrike, shelling, clash, attack, territory, siege, deployment, displacement, other

    /// The symbol of an event.
    public init(_ e: Event) {
        let s = (e.subType + " " + e.type).lowercased()
        if s.contains("air") || s.contains("drone") { self = .airStrike }
        else if s.contains("shell") || s.contains("artillery") || s.contains("missile") { self = .shelling }
        else if s.contains("siege") || s.contains("encircle") { self = .siege }
        else if s.contains("regains") || s.contains("overtakes") || s.contains("territory") || s.contains("offensive") {
            self = .territory
        }
        else if s.contains("clash") || s.contains("battle") { self = .clash }
        else if s.contains("suicide") || s.contains("attack") || s.contains("explosive") || s.contains("violence") {
            self = .attack
        }
        else if s.contains("deploy") || s.contains("reinforcement") || s.contains("base") { self = .deployment }
        else if s.contains("displace") { self = .displacement }
        else { self = .other }
    }

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

    /// Fill colour.
    var colour: String {
        switch self {
        case .airStrike: return "#d7301f"
        case .shelling: return "#f16913"
        case .clash: return "#7f0000"
        case .attack: return "#ce1256"
        case .territory: return "#6a51a3"
        case .siege: return "#252525"
        case .deployment: return "#2171b5"
        case .displacement: return "#807dba"
        case .other: return "#737373"
        }
    }

    /// The symbol's SVG shape centred on the origin, about 16 px across.
    var shape: String {
        switch self {
        case .airStrike:  // an eight-pointed burst
            return "<path d=\"M0,-9L2.2,-4.2L7,-6.4L4.8,-1.8L9,0L4.8,1.8L7,6.4L2.2,4.2L0,9L-2.2,4.2L-7,6.4L-4.8,1.8L-9,0L-4.8,-1.8L-7,-6.4L-2.2,-4.2Z\"/>"
        case .shelling: return "<path d=\"M0,-8L7.5,6L-7.5,6Z\"/>"
        case .clash: return "<path d=\"M-6.5,-4L-4,-6.5L0,-2.5L4,-6.5L6.5,-4L2.5,0L6.5,4L4,6.5L0,2.5L-4,6.5L-6.5,4L-2.5,0Z\"/>"
        case .attack: return "<path d=\"M0,-8L7,0L0,8L-7,0Z\"/>"
        case .territory: return "<path d=\"M-6.5,-6.5H6.5V6.5H-6.5Z\"/>"
        case .siege: return "<circle r=\"6.5\" fill=\"#fff\" stroke=\"#252525\" stroke-width=\"3.2\"/>"
        case .deployment: return "<path d=\"M0,-8L7.6,-2.5L4.7,6.5L-4.7,6.5L-7.6,-2.5Z\"/>"
        case .displacement: return "<path d=\"M-7,-5H2V-8.5L8,0L2,8.5V5H-7Z\"/>"
        case .other: return "<circle r=\"6\"/>"
        }
    }
}
