/// Plain-text tables for the terminal.
public enum TextTable {
    /// Rows as left-aligned columns separated by two spaces (the first row is the header), without a
    /// trailing newline; cells are made one line (`Diagnostic.oneLine`).
    public static func render(_ rows: [[String]]) -> String {
        let cells = rows.map { $0.map(Diagnostic.oneLine) }
        let widths = (0..<(cells.map(\.count).max() ?? 0)).map { c in cells.map { c < $0.count ? $0[c].count : 0 }.max() ?? 0 }
        return cells.map { row in
            row.enumerated().map { c, cell in
                c == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[c] - cell.count)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
