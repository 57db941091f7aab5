/// One record of a CSV file with the 1-based line on which it starts.
struct CSVRecord {
    var line: Int
    var fields: [String]
}

/// A reader of comma-separated values as RFC 4180 defines them: fields may be quoted with `"`, a quote
/// inside a quoted field is doubled, quoted fields may hold commas and line breaks; CRLF or LF ends a record.
enum CSV {
    /// The records of `text`, blank lines skipped. Throws `ControlError.row` for a quote left open or
    /// text after a closing quote.
    static func records(_ text: String, file: String) throws -> [CSVRecord] {
        var records: [CSVRecord] = []
        var fields: [String] = []
        var field = ""
        var line = 1, recordLine = 1
        var inQuotes = false, wasQuoted = false, afterQuote = false
        var chars = Array(text.unicodeScalars)
        if chars.first == "\u{FEFF}" { chars.removeFirst() }
        func endRecord() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty && !wasQuoted) {
                records.append(CSVRecord(line: recordLine, fields: fields))
            }
            fields = []; field = ""; wasQuoted = false; afterQuote = false
        }
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < chars.count, chars[i + 1] == "\"" { field.unicodeScalars.append("\""); i += 1 }
                    else { inQuotes = false; afterQuote = true }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
            } else {
                switch c {
                case ",":
                    fields.append(field); field = ""; afterQuote = false
                case "\r" where i + 1 < chars.count && chars[i + 1] == "\n":
                    break
                case "\n", "\r":
                    endRecord(); line += 1; recordLine = line
                case "\"" where field.isEmpty && !afterQuote:
                    inQuotes = true; wasQuoted = true
                default:
                    guard !afterQuote else {
                        throw ControlError.row(file: file, line: line,
                                               message: "text after a closing quote (RFC 4180: a quoted field ends at its quote)")
                    }
                    field.unicodeScalars.append(c)
                }
            }
            i += 1
        }
        if inQuotes {
            throw ControlError.row(file: file, line: recordLine, message: "a quoted field is never closed")
        }
        if !field.isEmpty || !fields.isEmpty || wasQuoted { endRecord() }
        return records
    }
}
