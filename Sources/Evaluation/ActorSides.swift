import GeoModel
import EventModel
import Extraction
import FileIO

/// What an actor name says about its side.
public enum SideReading: Sendable, Hashable {
    /// The name holds a lexicon phrase of a party to the fighting (`ActorSide` other than `.none`).
    case side(ActorSide)
    /// The perpetrator is not named ("unidentified (…)", or an empty name): nothing to check.
    case unidentified
    /// The lexicon has no phrase inside the name, or only a phrase of a non-party (a monitor): the side
    /// cannot be checked until the lexicon knows it.
    case unmapped
}

/// Actor names → sides, with the lexicon's actor phrases (`actors.tsv`): the one place where evaluation
/// decides whose side a gold actor or an extracted actor is on.
///
/// Rule: the name is cut into lower-case words (letters and digits; hyphens, apostrophes and brackets
/// separate words, as the lexicon's matching ignores them); the longest lexicon phrase found inside it
/// gives the side, the leftmost on a tie (the actor named first). "Syrian government forces (with Russian
/// forces)" → government; "Turkish military and allied Syrian rebels" → foreign; "Civilians" → civilian;
/// a name starting with "unidentified" → `.unidentified`.
public struct SideMap: Sendable {
    /// Phrase words → side, and the longest phrase's length.
    private let phrases: [[String]: ActorSide]
    private let longest: Int

    /// The side map of a lexicon's actor rows (the first row of a phrase wins, as in the lexicon).
    public init(lexicon: Lexicon) {
        var p: [[String]: ActorSide] = [:]
        for a in lexicon.actors {
            let words = SideMap.words(a.phrase)
            if !words.isEmpty, p[words] == nil { p[words] = a.side }
        }
        phrases = p
        longest = p.keys.map(\.count).max() ?? 0
    }

    /// The side of an actor name.
    public func side(of name: String) -> SideReading {
        let words = SideMap.words(name)
        if words.isEmpty || words[0] == "unidentified" { return .unidentified }
        for length in stride(from: min(longest, words.count), through: 1, by: -1) {
            for start in 0...(words.count - length) {
                guard let side = phrases[Array(words[start..<(start + length)])] else { continue }
                return side == .none ? .unmapped : .side(side)
            }
        }
        return .unmapped
    }

    /// The sides of several names (those that name one).
    public func sides(of names: [String]) -> Set<ActorSide> {
        var out = Set<ActorSide>()
        for n in names { if case .side(let s) = side(of: n) { out.insert(s) } }
        return out
    }

    /// Lower-case words: runs of letters and digits.
    static func words(_ text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }
}
