import GeoModel
/// Who holds a settlement on a day.
public enum Side: String, Sendable, Hashable, CaseIterable, Comparable {
    /// The Syrian government and its allies.
    case government
    /// Armed opposition groups.
    case opposition
    /// Turkish forces (observation posts and positions).
    case turkish
    /// Fought over, besieged or encircled: held by neither side for certain.
    case contested

    /// The order of `allCases` (government first).
    public static func < (a: Side, b: Side) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// The side named by `text` (case-insensitive, surrounding spaces ignored), or nil.
    public init?(parsing text: String) {
        self.init(rawValue: text.trimmingCharacters(in: .whitespaces).lowercased())
    }

    /// The accepted names, for error messages: "government|opposition|turkish|contested".
    public static var names: String { allCases.map(\.rawValue).joined(separator: "|") }
}
