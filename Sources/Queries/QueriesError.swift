import GeoModel
/// Errors of the queries, each with a message for one line on stderr.
public enum QueriesError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A radius that is negative, not a number, or larger than any distance on Earth.
    case badRadius(km: Double)
    /// A date filter that is not a date, or `--from` after `--to`.
    case badDate(String)
    /// A highway the gazetteer lacks.
    case unknownHighway(name: String, known: [String])
    /// A limit that is not a positive count.
    case badLimit(Int)
    /// An option value that names nothing known (the message lists what is).
    case badValue(String)

    /// The largest radius accepted, in kilometres (half the Earth's meridian is about 20,004 km).
    public static let maxRadiusKm = 20_000.0

    public var description: String {
        switch self {
        case .badRadius(let km):
            return "radius \(km) km is not usable: give a distance from 0 to \(Int(QueriesError.maxRadiusKm)) km"
        case .badDate(let m): return m
        case .unknownHighway(let name, let known):
            return "unknown highway \"\(name)\"" + (known.isEmpty ? "" : "; known: \(known.joined(separator: ", "))")
        case .badLimit(let n): return "limit \(n) must be at least 1"
        case .badValue(let m): return m
        }
    }
}
