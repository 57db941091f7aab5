import GeoModel
import Foundation

/// Who holds a settlement on a day: a word the control table names ("government", "opposition",
/// "ukraine", "russia", ...). Sides are free words; one of them is the side whose boundary is the front line
/// (`FrontlineModel.lineSide`). `contested` is the one word with a meaning of its own: fought over,
/// besieged or encircled, held by no side for certain.
public struct Side: Sendable, Hashable, CustomStringConvertible {
    /// The side's word: lower case, a letter first, then letters, digits, `-` or `_`.
    public let rawValue: String

    /// The side named by `rawValue`, or nil when it is not such a word.
    public init?(rawValue: String) {
        guard let first = rawValue.unicodeScalars.first, first >= "a", first <= "z",
              rawValue.unicodeScalars.allSatisfy({ ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "-" || $0 == "_" })
        else { return nil }
        self.rawValue = rawValue
    }

    /// The side named by `text` (case-insensitive, surrounding spaces ignored), or nil when it is empty or not
    /// a word of letters, digits, `-` and `_` starting with a letter.
    public init?(parsing text: String) {
        self.init(rawValue: text.trimmingCharacters(in: .whitespaces).lowercased())
    }

    private init(word: String) { rawValue = word }

    /// The Syrian government and its allies (the bundled Idlib table).
    public static let government = Side(word: "government")
    /// Armed opposition groups (the bundled Idlib table).
    public static let opposition = Side(word: "opposition")
    /// Turkish forces (observation posts and positions; the bundled Idlib table).
    public static let turkish = Side(word: "turkish")
    /// Fought over, besieged or encircled: held by neither side for certain (every table).
    public static let contested = Side(word: "contested")

    /// The word.
    public var description: String { rawValue }

    /// What a side must look like, for error messages.
    public static let rule = "a word of letters, digits, - or _ starting with a letter, e.g. government, opposition, contested"
}
