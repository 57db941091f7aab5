import Control

/// The colours map.svg and index.html share, from Okabe and Ito's palette for colour-blind readers
/// (vermillion and bluish green stay apart for every common colour-vision deficiency); event symbols
/// have theirs in `EventSymbol.colour`.
public enum Palette {
    /// The ground and control points of each side.
    public static func side(_ side: Side) -> String {
        switch side {
        case .government: return "#D55E00"  // vermillion
        case .opposition: return "#009E73"  // bluish green
        case .turkish: return "#0072B2"  // blue
        case .contested: return "#E69F00"  // orange (hatched on the map)
        }
    }

    /// The legend's words for each side's ground.
    public static func sideLabel(_ side: Side) -> String {
        switch side {
        case .government: return "Government-held"
        case .opposition: return "Opposition-held"
        case .turkish: return "Turkish posts"
        case .contested: return "Contested"
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
