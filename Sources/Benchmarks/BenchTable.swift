import Foundation
import GeoModel

/// A table of benchmark rows, printed as aligned Markdown-like text.
public struct BenchTable: Sendable {
    /// One measured row: what, at which size, PlaceMap's figure, and the baseline measured in the same run.
    public struct Row: Sendable {
        public var what: String
        public var size: String
        public var value: String
        public var baseline: String
    }

    public private(set) var rows: [Row] = []

    public init() {}

    /// Adds a row.
    public mutating func add(_ what: String, size: String, _ value: String, baseline: String = "") {
        rows.append(Row(what: what, size: size, value: value, baseline: baseline))
    }

    /// The table as text, one row a line.
    public var text: String {
        let header = Row(what: "benchmark", size: "size", value: "PlaceMap", baseline: "baseline (same run)")
        let all = [header] + rows
        let w0 = all.map(\.what.count).max()!, w1 = all.map(\.size.count).max()!, w2 = all.map(\.value.count).max()!
        func pad(_ s: String, _ w: Int) -> String { s + String(repeating: " ", count: max(0, w - s.count)) }
        var lines: [String] = []
        for (i, r) in all.enumerated() {
            lines.append("| \(pad(r.what, w0)) | \(pad(r.size, w1)) | \(pad(r.value, w2)) | \(r.baseline) |")
            if i == 0 {
                lines.append("|" + [w0, w1, w2].map { String(repeating: "-", count: $0 + 2) }.joined(separator: "|") + "|---|")
            }
        }
        return lines.joined(separator: "\n")
    }
}

/// Wall-clock seconds spent in `body` (a monotonic clock).
public func measureSeconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// Order statistics of measured times.
public enum BenchStats {
    /// The middle value (the upper one of an even count).
    public static func median(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 2] }

    /// The value at quantile `q` (0...1) of `xs`, nearest rank.
    public static func percentile(_ xs: [Double], _ q: Double) -> Double {
        let s = xs.sorted()
        return s[min(s.count - 1, Int((Double(s.count - 1) * q).rounded()))]
    }

    /// The median wall-clock seconds of `n` runs of `body` (at least one).
    public static func medianSeconds(_ n: Int, _ body: () throws -> Void) rethrows -> Double {
        var times: [Double] = []
        for _ in 0..<max(1, n) { times.append(try measureSeconds(body)) }
        return median(times)
    }
}

/// Human-readable numbers for the table.
public enum BenchFormat {
    /// `x` with `decimals` decimals and commas between thousands: 1,234,567.
    public static func grouped(_ x: Double, decimals: Int = 0) -> String { NumberFormat.grouped(x, decimals: decimals) }

    /// Seconds as milliseconds with two decimals.
    public static func ms(_ seconds: Double) -> String { String(format: "%.2f ms", seconds * 1000) }
}
