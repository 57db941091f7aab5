import FileIO
import GeoModel
import Places

/// What an analyst's correction does to an event.
public enum OverrideAction: String, Sendable, Hashable, CaseIterable {
    /// Leave the event out.
    case drop
    /// Put the event at a place (a gazetteer name or id, or `LON,LAT`), precision 1 (3 for a region).
    case move
    /// Set its dates: `YYYY-MM-DD`, `YYYY-MM-DD..YYYY-MM-DD`, or `unknown`.
    case setDate = "set_date"
    /// Set its sub-event type (a sub-type of `SubEventType`, e.g. "Armed clash"), or `Type: Sub-type`.
    case setType = "set_type"
}

/// One correction, keyed by event id, read from an overrides file.
public struct Override: Sendable, Hashable {
    /// The id of the event to correct (stable across runs).
    public var id: String
    /// What to do.
    public var action: OverrideAction
    /// The action's argument (a place, dates, a type); empty for `drop`.
    public var value: String
    /// The 1-based line it came from.
    public var line: Int

    /// A correction.
    public init(id: String, action: OverrideAction, value: String, line: Int = 0) {
        self.id = id; self.action = action; self.value = value; self.line = line
    }
}

/// Analyst corrections applied after extraction and merging, so that they survive re-runs (event ids are
/// stable). Files are JSON Lines (`{"id": "…", "action": "drop|move|set_date|set_type", "value": "…"}`) or
/// CSV with the header `id,action,value` (RFC 4180 quoting).
public enum Overrides {
    /// Reads and parses an overrides file (`-`: standard input).
    /// - Throws: `FileIOError.unreadable`, or as `parse`.
    public static func load(path: String) throws -> [Override] {
        try parse(try TextFile.read(path), file: path)
    }

    /// Parses an overrides file's text.
    /// - Throws: `EventFileError.malformed(file:line:message:)` naming the bad line (unknown action, missing
    ///   id, bad JSON or CSV).
    public static func parse(_ text: String, file: String) throws -> [Override] {
        let lines = TextFile.normalise(text).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let first = lines.first { !$0.trimmingCharacters(in: .whitespaces).isEmpty }?.trimmingCharacters(in: .whitespaces) ?? ""
        var out: [Override] = []
        func make(_ id: String?, _ action: String?, _ value: String?, _ line: Int) throws {
            guard let id, !id.isEmpty else { throw EventFileError.malformed(file: file, line: line, message: "missing id") }
            guard let a = action.flatMap(OverrideAction.init(rawValue:)) else {
                throw EventFileError.malformed(file: file, line: line,
                                               message: "action must be drop, move, set_date or set_type, not \"\(action ?? "")\"")
            }
            if a != .drop, (value ?? "").isEmpty {
                throw EventFileError.malformed(file: file, line: line, message: "\(a.rawValue) needs a value")
            }
            out.append(Override(id: id, action: a, value: value ?? "", line: line))
        }
        if first.hasPrefix("{") {
            for (i, l) in lines.enumerated() where !l.trimmingCharacters(in: .whitespaces).isEmpty {
                let v: JSONValue
                do { v = try JSONParser.parse(l) } catch {
                    throw EventFileError.malformed(file: file, line: i + 1, message: "not JSON: \(error)")
                }
                guard let o = v.objectValue else { throw EventFileError.malformed(file: file, line: i + 1, message: "not a JSON object") }
                try make(o["id"]?.stringValue, o["action"]?.stringValue, o["value"]?.stringValue, i + 1)
            }
            return out
        }
        // CSV through the events IO reader (RFC 4180), header by name.
        let bytes = Array(text.utf8)
        try bytes.withUnsafeBufferPointer { buf in
            var reader = CSVReader(bytes: buf)
            var fields: [CSVField] = []
            var header: [String]? = nil
            while true {
                do { guard try reader.nextRow(&fields) else { break } } catch let e as CSVSyntaxError {
                    throw EventFileError.malformed(file: file, line: e.line, message: e.message)
                }
                if CSVReader.isBlank(fields) { continue }
                let cells = fields.map { reader.string($0) }
                guard let h = header else {
                    let names = cells.map { $0.lowercased().trimmingCharacters(in: .whitespaces) }
                    for k in ["id", "action"] where !names.contains(k) {
                        throw EventFileError.malformed(file: file, line: reader.line, message: "the header needs an \"\(k)\" column")
                    }
                    header = names
                    continue
                }
                func cell(_ name: String) -> String? {
                    guard let k = h.firstIndex(of: name), k < cells.count else { return nil }
                    return cells[k]
                }
                try make(cell("id"), cell("action"), cell("value"), reader.line)
            }
        }
        return out
    }

    /// The events after the corrections, and a warning for each override whose id is unknown or whose value
    /// cannot be used (an unknown place, a bad date or type).
    public static func apply(_ overrides: [Override], to events: [Event], gazetteer: Gazetteer?,
                             file: String = "overrides") -> (events: [Event], warnings: [String]) {
        var out = events
        var warnings: [String] = []
        var dropped = Set<String>()
        for o in overrides {
            guard let k = out.firstIndex(where: { $0.id == o.id }) else {
                warnings.append("\(file):\(o.line): no event has the id \(o.id)")
                continue
            }
            switch o.action {
            case .drop:
                dropped.insert(o.id)
            case .move:
                if let c = try? Coordinate(parsing: o.value) {
                    out[k].coordinate = c; out[k].place = o.value; out[k].placeID = nil; out[k].geoPrecision = 1
                    out[k].direction = nil; out[k].unresolvedPlace = nil
                    let region = gazetteer?.region(containing: c).flatMap { gazetteer?.place(id: $0.id) }
                    out[k].admin1 = region?.admin1; out[k].country = region?.country; out[k].admin2 = nil; out[k].admin3 = nil
                } else if let g = gazetteer {
                    let place: Place?
                    if let p = g.place(id: o.value) { place = p } else {
                        do { place = try g.resolve(o.value).place } catch {
                            warnings.append("\(file):\(o.line): cannot move \(o.id): \(error)")
                            place = nil
                        }
                    }
                    if let p = place {
                        out[k].coordinate = p.coordinate; out[k].place = p.name; out[k].placeID = p.id
                        out[k].geoPrecision = p.kind.geoPrecision; out[k].direction = nil
                        out[k].admin1 = p.admin1.isEmpty ? nil : p.admin1; out[k].unresolvedPlace = nil
                        out[k].country = p.country.isEmpty ? nil : p.country
                    }
                } else {
                    warnings.append("\(file):\(o.line): cannot move \(o.id) to '\(o.value)' without a gazetteer")
                }
            case .setDate:
                let v = o.value.trimmingCharacters(in: .whitespaces)
                if v == "unknown" {
                    out[k].start = nil; out[k].datePrecision = .unknown
                } else {
                    let parts = v.components(separatedBy: "..")
                    guard let s = Day(iso: parts[0]), let e = parts.count == 2 ? Day(iso: parts[1]) : s, parts.count <= 2, s <= e else {
                        warnings.append("\(file):\(o.line): set_date needs YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD, not '\(v)'")
                        continue
                    }
                    out[k].start = s; out[k].end = e; out[k].datePrecision = s == e ? .day : .span
                }
            case .setType:
                let v = o.value.trimmingCharacters(in: .whitespaces)
                let parts = v.components(separatedBy: ": ")
                do {
                    out[k].category = parts.count == 2 ? try EventCategory(type: parts[0], subType: parts[1])
                        : try EventCategory(type: nil, subType: v)
                } catch {
                    warnings.append("\(file):\(o.line): cannot set the type of \(o.id): \(error)")
                }
            }
        }
        return (out.filter { !dropped.contains($0.id) }, warnings)
    }
}
