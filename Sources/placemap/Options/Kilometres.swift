import ArgumentParser
import FileIO

/// A distance in kilometres as the user types it: a plain decimal number ("10", "2.5"), never hex, an
/// exponent or "nan"; range checks belong to the query that uses it.
struct Kilometres: ExpressibleByArgument, Sendable {
    /// The distance in kilometres.
    var value: Double

    init?(argument: String) {
        let digits = argument.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2D || $0 == 0x2B }
        var text = argument
        guard digits, let v = text.withUTF8({ ByteParsing.double($0) }), v.isFinite else { return nil }
        value = v
    }

    static var defaultCompletionKind: CompletionKind { .default }
}
