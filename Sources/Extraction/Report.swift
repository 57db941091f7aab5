import EventModel
import FileIO
import Foundation
import GeoModel

/// Errors of reading reports: each names the file.
public enum ReportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The report has no date of its own (no dateline, no sidecar) and no fallback date was given.
    case noDate(file: String)
    /// The file cannot be read or is not UTF-8 text.
    case unreadable(file: String, message: String)
    /// The sidecar `NAME.meta.json` is malformed.
    case badSidecar(file: String, message: String)
    /// The metadata line `URL: … | DATE: …` at the top of the report is malformed.
    case badHeader(file: String, message: String)

    public var description: String {
        switch self {
        case .noDate(let f):
            return "\(f): the report has no date: no dateline (' date YYYY-MM-DD CITY --'), no sidecar "
                + "NAME.meta.json with a \"date\", and no --date given"
        case .unreadable(let f, let m): return "\(f): \(m)"
        case .badSidecar(let f, let m): return "\(f): \(m)"
        case .badHeader(let f, let m): return "\(f):1: \(m)"
        }
    }
}

/// Where a report's date came from.
public enum DateSource: String, Sendable, Hashable {
    /// The report's own dateline (" date 2020-02-06 BEIRUT --").
    case dateline
    /// The sidecar `NAME.meta.json` beside the report.
    case sidecar
    /// The fallback date given by the caller (`--date`).
    case fallback
    /// The metadata line at the top of a stored page (`URL: … | DATE: YYYY-MM-DD`).
    case header
}

/// A news report ready for extraction: its text (normalised: no byte-order mark, line ends `\n`), its date
/// and provenance.
public struct Report: Sendable, Hashable {
    /// The file name without its folder ("000_5382dab4b1826ea1.txt"; "stdin" for standard input).
    public var name: String
    /// The whole text, normalised (BOM dropped, CRLF and CR as LF). Source offsets count its Unicode scalars.
    public var text: String
    /// The day the report was filed; relative dates ("on Monday") count from it.
    public var date: Day
    /// Where `date` came from.
    public var dateSource: DateSource
    /// The outlet, when a sidecar names it.
    public var source: String?
    /// The report's address, when a sidecar or the `URL:` line gives it.
    public var url: String?
    /// The city of the dateline (where the report was filed; never an event location), or nil.
    public var datelineCity: String?
    /// Scalar offset where the body starts (after the `URL:` line and a dateline that opens it), 0 without them.
    public var bodyStart: Int
    /// The wire dateline, wherever it stands in the first paragraphs (after a headline too): its scalars are
    /// not read as text (see `DatelineReader`).
    public var dateline: Dateline?

    /// A report from text in memory. A first line `URL: … | DATE: YYYY-MM-DD` (a stored page's metadata) is
    /// not text: it gives the address and the date; then the dateline, when present, gives the date (when the
    /// `URL:` line has none) and the body start; else `date` is used. Offsets still count from the start of
    /// the whole text, line 1 included.
    /// - Throws: `ReportError.noDate(file:)` when the text has no date of its own and `date` is nil;
    ///   `.badHeader` when the `URL:` line's `DATE:` is not a day.
    public init(name: String, text: String, date: Day?, dateSource: DateSource = .fallback,
                source: String? = nil, url: String? = nil) throws {
        let t = Report.normalise(text)
        let header = try Report.header(of: t, file: name)
        let skip = header?.length ?? 0
        let rest = skip == 0 ? t : String(String.UnicodeScalarView(t.unicodeScalars.dropFirst(skip)))
        self.name = name; self.text = t; self.source = source; self.url = header?.url ?? url
        if let d = Report.dateline(of: rest) {
            self.date = header?.date ?? d.date; self.dateSource = header?.date == nil ? .dateline : .header
            self.datelineCity = d.city; self.bodyStart = skip + d.bodyStart
            self.dateline = Dateline(city: d.city, range: skip..<(skip + d.bodyStart))
        } else {
            let scalars = Array(t.unicodeScalars)
            let found = DatelineReader.find(in: scalars, from: skip)
            if let h = header?.date {
                self.date = h; self.dateSource = .header
            } else if let own = found?.day(near: date) {
                self.date = own; self.dateSource = .dateline
            } else if let date {
                self.date = date; self.dateSource = dateSource
            } else {
                throw ReportError.noDate(file: name)
            }
            self.dateline = found
            self.datelineCity = found?.city
            let opens = found.map { d in scalars[skip..<d.range.lowerBound].allSatisfy { $0 == " " || $0 == "\n" || $0 == "\t" } } ?? false
            self.bodyStart = opens ? found!.range.upperBound : skip
        }
    }

    /// True when the text gives its own date: a `DATE:` on line 1, a dated dateline, or a wire dateline with a
    /// day and a year.
    static func datesItself(_ normal: String, header: (url: String?, date: Day?, length: Int)?) -> Bool {
        if header?.date != nil { return true }
        let skip = header?.length ?? 0
        let rest = skip == 0 ? normal : String(String.UnicodeScalarView(normal.unicodeScalars.dropFirst(skip)))
        if dateline(of: rest) != nil { return true }
        return DatelineReader.find(in: Array(normal.unicodeScalars), from: skip)?.year != nil
    }

    /// Reads a report file (`-` for standard input). The date comes from the dateline, else from the
    /// sidecar `NAME.meta.json` beside `NAME.txt` (`{"date": "YYYY-MM-DD", "source": "…", "url": "…"}`), else
    /// from `fallbackDate` (which applies only to reports without a date of their own).
    /// - Throws: `ReportError.noDate` naming the file when none gives a date; `.unreadable` when the file
    ///   cannot be read or is not UTF-8; `.badSidecar` when the sidecar is malformed.
    public static func load(path: String, fallbackDate: Day?) throws -> Report {
        let data: Data
        let name: String
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
            name = "stdin"
        } else {
            do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
                throw ReportError.unreadable(file: path, message: "cannot read the report")
            }
            name = URL(fileURLWithPath: path).lastPathComponent
        }
        // The checks of every text file in (not UTF-8, UTF-16, NUL bytes), then the report's own normalising.
        let normal: String
        do { normal = normalise(try TextFile.decode(data, path: path)) } catch let FileIOError.unreadable(_, message) {
            throw ReportError.unreadable(file: path, message: message)
        }
        let header = try Report.header(of: normal, file: path)
        if datesItself(normal, header: header) { return try Report(name: name, text: normal, date: nil) }
        var sourceName: String? = nil, url: String? = nil
        if path != "-", let meta = try sidecar(for: path) {
            sourceName = meta.source; url = meta.url
            if let d = meta.date {
                return try Report(name: name, text: normal, date: d, dateSource: .sidecar, source: sourceName, url: url)
            }
        }
        guard let fallbackDate else { throw ReportError.noDate(file: path) }
        return try Report(name: name, text: normal, date: fallbackDate, dateSource: .fallback, source: sourceName, url: url)
    }

    /// The sidecar of `path`: `NAME.meta.json` beside `NAME.txt` (or `PATH.meta.json`), or nil when absent.
    static func sidecar(for path: String) throws -> (date: Day?, source: String?, url: String?)? {
        let url = URL(fileURLWithPath: path)
        let candidates = [url.deletingPathExtension().appendingPathExtension("meta.json"),
                          url.appendingPathExtension("meta.json")]
        guard let meta = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }) else { return nil }
        let value: JSONValue
        do {
            value = try JSONParser.parse(try String(contentsOf: meta, encoding: .utf8))
        } catch {
            throw ReportError.badSidecar(file: meta.path, message: "not a JSON object: \(error)")
        }
        guard let o = value.objectValue else { throw ReportError.badSidecar(file: meta.path, message: "not a JSON object") }
        var date: Day? = nil
        if let d = o["date"], !d.isNull {
            guard let s = d.stringValue, let day = Day(iso: s) else {
                throw ReportError.badSidecar(file: meta.path, message: "\"date\" must be a date YYYY-MM-DD")
            }
            date = day
        }
        return (date, o["source"]?.stringValue, o["url"]?.stringValue)
    }

    /// The metadata line of a stored page, when line 1 starts with `URL:`: fields separated by " | ", each
    /// `KEY: value`; `URL` gives the address, `DATE` the day (YYYY-MM-DD); other keys are passed over.
    /// `length` counts the line's Unicode scalars and its line end.
    /// - Throws: `ReportError.badHeader` naming `file` when `DATE:` is not a day.
    static func header(of text: String, file: String) throws -> (url: String?, date: Day?, length: Int)? {
        guard text.hasPrefix("URL:") else { return nil }
        let line = text.prefix { $0 != "\n" }
        var url: String? = nil, date: Day? = nil
        for field in line.components(separatedBy: " | ") {
            guard let colon = field.firstIndex(of: ":") else { continue }
            let value = field[field.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch field[..<colon].trimmingCharacters(in: .whitespaces).uppercased() {
            case "URL": url = value.isEmpty ? nil : value
            case "DATE":
                guard let d = Day(iso: value) else {
                    throw ReportError.badHeader(file: file, message: "DATE: \"\(value)\" is not a date YYYY-MM-DD")
                }
                date = d
            default: continue
            }
        }
        let length = line.unicodeScalars.count + (line.endIndex < text.endIndex ? 1 : 0)
        return (url, date, length)
    }

    /// Drops a byte-order mark and turns CRLF and CR line ends into LF.
    static func normalise(_ text: String) -> String {
        var t = text
        if t.unicodeScalars.first == "\u{FEFF}" { t.unicodeScalars.removeFirst() }
        if t.unicodeScalars.contains("\r") {
            t = t.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return t
    }

    /// A dated dateline at the very start: optional spaces, `date YYYY-MM-DD`, a city in capitals, an
    /// optional agency in brackets, then `--`, `—` or `–`.
    static func dateline(of text: String) -> (date: Day, city: String, bodyStart: Int)? {
        let s = Array(text.unicodeScalars.prefix(200))
        var i = 0
        while i < s.count, s[i] == " " || s[i] == "\t" || s[i] == "\n" { i += 1 }
        guard i + 15 <= s.count, String(String.UnicodeScalarView(s[i..<(i + 5)])).lowercased() == "date " else { return nil }
        i += 5
        while i < s.count, s[i] == " " { i += 1 }
        guard i + 10 <= s.count, let day = Day(iso: String(String.UnicodeScalarView(s[i..<(i + 10)]))) else { return nil }
        i += 10
        guard let c = cityDateline(of: String(String.UnicodeScalarView(s[i...]))) else { return nil }
        return (day, c.city, i + c.bodyStart)
    }

    /// An undated dateline: a city in capitals (and an optional agency in brackets) then a dash.
    static func cityDateline(of text: String) -> (city: String, bodyStart: Int)? {
        let s = Array(text.unicodeScalars.prefix(120))
        var i = 0
        while i < s.count, s[i] == " " || s[i] == "\t" || s[i] == "\n" { i += 1 }
        let cityStart = i
        while i < s.count, s[i].properties.isUppercase || s[i] == " " || s[i] == "-" && !(i + 1 < s.count && s[i + 1] == "-")
                || s[i] == "'" || s[i] == "," || s[i] == "." { i += 1 }
        let city = String(String.UnicodeScalarView(s[cityStart..<i])).trimmingCharacters(in: CharacterSet(charactersIn: " ,"))
        guard city.unicodeScalars.filter({ $0.properties.isUppercase }).count >= 3 else { return nil }
        if i < s.count, s[i] == "(" {
            while i < s.count, s[i] != ")" { i += 1 }
            i += 1
            while i < s.count, s[i] == " " { i += 1 }
        }
        guard i < s.count else { return nil }
        if i + 1 < s.count, s[i] == "-", s[i + 1] == "-" { i += 2 } else if s[i] == "\u{2014}" || s[i] == "\u{2013}" { i += 1 } else { return nil }
        return (city, i)
    }
}
