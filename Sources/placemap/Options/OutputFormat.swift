import ArgumentParser

/// The one output-format option of every command; each command accepts the formats it can write
/// (`check`) and says which in its help.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    /// Columns for people.
    case table
    /// Plain sentences for people (`distance`).
    case text
    /// One JSON value.
    case json
    /// One JSON object a line.
    case jsonl
    /// An RFC 7946 FeatureCollection.
    case geojson
    /// RFC 4180 CSV (ACLED's columns for events).
    case csv

    /// Throws a one-line `ValidationError` unless the format is one of `allowed`.
    func check(_ allowed: [OutputFormat]) throws {
        guard allowed.contains(self) else {
            throw ValidationError("--format \(rawValue) is not available here; use \(allowed.map(\.rawValue).joined(separator: ", "))")
        }
    }
}
