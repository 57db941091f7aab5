import Foundation

extension StringProtocol {
    /// The text without the spaces and tabs around it (Foundation's `.whitespaces`). Text that starts and
    /// ends with a visible ASCII character is returned as it is without asking Foundation: the common
    /// case, met once a cell in a file of a million rows.
    func trimmingSpaces() -> String {
        let s = String(self)
        guard let first = s.utf8.first, let last = s.utf8.last else { return "" }
        if first > 0x20, first < 0x80, last > 0x20, last < 0x80 { return s }
        return s.trimmingCharacters(in: .whitespaces)
    }
}
