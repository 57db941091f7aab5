import EventModel

/// How each symbol of the model's table (`EventSymbol`, chosen by `EventCategory.symbol`) is drawn.
extension EventSymbol {
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
