/// Text escaped for XML character data and attribute values, the one escaping of every XML and HTML
/// writer (`SVGMap`, `PageHTML`): `& < > " '` as entities, and the characters XML 1.0 forbids replaced so
/// that the document stays well-formed (issue 15): C0 controls other than tab, newline and carriage return
/// become a space, the noncharacters U+FFFE and U+FFFF become U+FFFD. (Lone surrogates cannot occur in a
/// Swift string.)
func xml(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count)
    for ch in s.unicodeScalars {
        switch ch {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        case "\u{0}"..."\u{8}", "\u{B}", "\u{C}", "\u{E}"..."\u{1F}": out += " "
        case "\u{FFFE}", "\u{FFFF}": out += "\u{FFFD}"
        default: out.unicodeScalars.append(ch)
        }
    }
    return out
}
