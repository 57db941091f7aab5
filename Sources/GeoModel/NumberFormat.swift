import Foundation

/// Locale-free number formatting for people (tables, command output).
public enum NumberFormat {
    /// `x` with exactly `decimals` decimals.
    public static func fixed(_ x: Double, _ decimals: Int) -> String { String(format: "%.\(decimals)f", x) }

    /// `x` with `decimals` decimals and commas between thousands: 14,962.27.
    public static func grouped(_ x: Double, decimals: Int = 0) -> String {
        let s = fixed(abs(x), decimals)
        let parts = s.split(separator: ".", maxSplits: 1)
        var intPart = String(parts[0])
        var out = ""
        while intPart.count > 3 {
            out = "," + intPart.suffix(3) + out
            intPart = String(intPart.dropLast(3))
        }
        out = intPart + out
        if parts.count > 1 { out += "." + parts[1] }
        return (x < 0 && s.contains(where: { $0 != "0" && $0 != "." }) ? "-" : "") + out
    }
}
