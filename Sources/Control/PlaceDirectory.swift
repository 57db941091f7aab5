import GeoModel
import Places

/// Where the control module looks places up: by id, with spellings to suggest for an unknown one.
/// The gazetteer conforms; tests use a `PlaceList`.
public protocol PlaceDirectory {
    /// The place with gazetteer id `id`, or nil.
    func place(id: String) -> Place?
    /// Up to `limit` ids and names close to `text` (an unknown id or name), nearest first, as
    /// "Name (id)", for error messages.
    func suggestions(for text: String, limit: Int) -> [String]
}

/// A directory over a list of places, for tests and callers without a gazetteer.
public struct PlaceList: PlaceDirectory, Sendable {
    /// The places, in the order given.
    public let places: [Place]
    private let byID: [String: Place]

    /// A directory of `places`; a later place with an id already seen is ignored.
    public init(_ places: [Place]) {
        self.places = places
        byID = Dictionary(places.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func place(id: String) -> Place? { byID[id] }

    public func suggestions(for text: String, limit: Int = 3) -> [String] {
        Spelling.nearest(to: text, among: places, limit: limit)
    }
}

/// Near spellings, for "did you mean" messages.
public enum Spelling {
    /// Levenshtein edit distance between two strings, compared case-insensitively by character.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a.lowercased()), y = Array(b.lowercased())
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count), current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }

    /// Up to `limit` places whose id, name or other name is nearest `text` by edit distance, as "Name (id)".
    public static func nearest(to text: String, among places: [Place], limit: Int) -> [String] {
        let scored = places.map { p -> (Int, String) in
            let d = ([p.id, p.name] + p.alternateNames).map { editDistance(text, $0) }.min()!
            return (d, "\(p.name) (\(p.id))")
        }
        return scored.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }.prefix(limit).map(\.1)
    }
}
