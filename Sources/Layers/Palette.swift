import Control

/// The colours map.svg and index.html share, from Okabe and Ito's palette for colour-blind readers
/// (vermillion and bluish green stay apart for every common colour-vision deficiency); event symbols
/// have theirs in `EventSymbol.colour`.
public enum Palette {
    /// The ground and control points of each side.
    public static func side(_ side: Side) -> String {
        switch side.rawValue {
        case Side.government.rawValue: return "#D55E00"  // vermillion
        case Side.opposition.rawValue: return "#009E73"  // bluish green
        case Side.turkish.rawValue: return "#0072B2"  // blue
        case Side.contested.rawValue: return "#E69F00"  // orange (hatched on the map)
        default:
            // A user's own side word: one of the palette's remaining colours, the same for the same word.
            let others = ["#56B4E9", "#CC79A7", "#F0E442", "#999999"]
            let h = side.rawValue.utf8.reduce(UInt32(2_166_136_261)) { ($0 ^ UInt32($1)) &* 16_777_619 }
            return others[Int(h % UInt32(others.count))]
        }
    }

    /// The legend's words for each side's ground.
    public static func sideLabel(_ side: Side) -> String {
        switch side.rawValue {
        case Side.government.rawValue: return "Government-held"
        case Side.opposition.rawValue: return "Opposition-held"
        case Side.turkish.rawValue: return "Turkish posts"
        case Side.contested.rawValue: return "Contested"
        default: return "Held by \(side.rawValue)"
        }
    }

    /// The front line (drawn over a white casing).
    public static let frontLine = "#882255"
    /// The front line of the first day, dashed (map.svg).
    public static let earlierFrontLine = "#444444"

    /// The arrow colour of a movement kind (`reinforcement`, `displacement`, anything else an advance).
    public static func movement(_ kind: String) -> String {
        switch kind {
        case "reinforcement": return "#56B4E9"  // sky blue, as deployments
        case "displacement": return "#009E73"  // bluish green, dashed
        default: return "#882255"  // advances, as the front line
        }
    }

    /// The legend's words for the movement kinds.
    public static func movementLabel(_ kind: String) -> String {
        switch kind {
        case "reinforcement": return "Reinforcement (from the border)"
        case "displacement": return "Displacement (toward the border)"
        default: return "Advance: a settlement taken"
        }
    }

    /// Highways (M4, M5) and their casing.
    public static let highway = "#C98A2B", highwayCasing = "#FFFFFF"
    /// Syria–Turkey border, Syria's outline, governorate lines, land inside Syria, the background.
    public static let border = "#4D4437", outline = "#8C8577", governorate = "#B9B1A3", land = "#FBFAF6",
                      background = "#E9E6DF"
}
