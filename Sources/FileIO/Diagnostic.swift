/// Text for the terminal: diagnostics are one line each, and text from reports or files never acts on
/// the terminal (no line breaks that forge a second message, no escape sequences that clear the screen).
public enum Diagnostic {
    /// `text` on one line: line breaks, tabs and other control characters (C0, DEL, C1, the Unicode line and
    /// paragraph separators, bidirectional overrides) written visibly as `\n`, `\t`, `\r` or `\u{1b}`.
    public static func oneLine(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            guard needsEscape(s) else { out.append(s); continue }
            let visible: String
            switch s {
            case "\n": visible = "\\n"
            case "\r": visible = "\\r"
            case "\t": visible = "\\t"
            default: visible = "\\u{" + String(s.value, radix: 16) + "}"
            }
            out.append(contentsOf: visible.unicodeScalars)
        }
        return String(out)
    }

    /// True for scalars that must not reach a terminal as they are.
    static func needsEscape(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
