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

    /// Fill colour, from Okabe and Ito's palette for colour-blind readers (each symbol also has its own
    /// shape, so that colour is never the only difference).
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

    /// A symbol's outline, centred on the origin, about 16 px across: SVG path data, or a circle of a
    /// radius (`ring`: white inside, a thick dark edge).
    public enum Outline: Hashable, Sendable {
        case path(String)
        case circle(radius: Double, ring: Bool)
    }

    /// The symbol's outline (map.svg and the page draw the same shapes).
    public var outline: Outline {
        switch self {
        case .airStrike:  // an eight-pointed burst
            return .path("M0,-9L2.2,-4.2L7,-6.4L4.8,-1.8L9,0L4.8,1.8L7,6.4L2.2,4.2L0,9L-2.2,4.2L-7,6.4L-4.8,1.8L-9,0L-4.8,-1.8L-7,-6.4L-2.2,-4.2Z")
        case .shelling: return .path("M0,-8L7.5,6L-7.5,6Z")
        case .clash: return .path("M-6.5,-4L-4,-6.5L0,-2.5L4,-6.5L6.5,-4L2.5,0L6.5,4L4,6.5L0,2.5L-4,6.5L-6.5,4L-2.5,0Z")
        case .attack: return .path("M0,-8L7,0L0,8L-7,0Z")
        case .territory: return .path("M-6.5,-6.5H6.5V6.5H-6.5Z")
        case .siege: return .circle(radius: 6.5, ring: true)
        case .deployment: return .path("M0,-8L7.6,-2.5L4.7,6.5L-4.7,6.5L-7.6,-2.5Z")
        case .displacement: return .path("M-7,-5H2V-8.5L8,0L2,8.5V5H-7Z")
        case .other: return .circle(radius: 6, ring: false)
        }
    }

    /// The symbol's SVG element centred on the origin.
    var shape: String {
        switch outline {
        case .path(let d): return "<path d=\"\(d)\"/>"
        case .circle(let r, let ring):
            let radius = r == r.rounded() ? "\(Int(r))" : "\(r)"
            return ring ? "<circle r=\"\(radius)\" fill=\"#fff\" stroke=\"\(colour)\" stroke-width=\"3.2\"/>"
                : "<circle r=\"\(radius)\"/>"
        }
    }
}

/// The symbols of many events, each distinct (sub-type, type) pair classified once: `EventSymbol(_:)`
/// compares words, which is slow to repeat for a million events of a handful of kinds.
struct SymbolCache {
    private struct Kind: Hashable { var subType: String, type: String }
    private var known: [Kind: EventSymbol] = [:]

    /// The symbol of `e`.
    mutating func symbol(_ e: Event) -> EventSymbol {
        let kind = Kind(subType: e.subType, type: e.type)
        if let s = known[kind] { return s }
        let s = EventSymbol(e)
        known[kind] = s
        return s
    }
}
