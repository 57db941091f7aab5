import EventModel
import FileIO
import GeoModel

/// The specialised formatter of one event Feature: the schema's flat properties
/// (`EventJSON.flatProperties`) written without allocation, straight into memory, keys in sorted order.
/// The keys and their order come from the schema (`EventField`, `FlatExtraField`); the exhaustive switch
/// in `putValue` makes a new field a compile error here until it is written. It writes exactly
/// `GeoJSON.encode(EventGeoJSON.feature(e))` (tests hold it to that).
enum EventFeatureFormat {
    /// A property of the flat form: a schema field or a flat-only extra.
    enum Slot {
        case field(EventField)
        case extra(FlatExtraField)

        var name: String {
            switch self {
            case .field(let f): return f.name
            case .extra(let x): return x.name
            }
        }
    }

    /// Every flat property in key order, with the bytes that open it (`"key":`, after a comma but the first).
    static let slots: [(slot: Slot, key: [UInt8])] = {
        let all = EventField.carried(by: .flat).map(Slot.field) + FlatExtraField.allCases.map(Slot.extra)
        return all.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }.enumerated().map { k, slot in
            (slot, Array(((k == 0 ? "" : ",") + "\"\(slot.name)\":").utf8))
        }
    }()

    /// An upper bound of the bytes `write(_:to:)` writes for `e` (every string byte escaped as `\u00XX`).
    static func maxCount(_ e: Event) -> Int {
        func n(_ s: String?) -> Int { s?.utf8.count ?? 0 }
        var text = 2 * n(e.id) + 2 * n(e.place) + n(e.placeID) + n(e.direction) + n(e.country)
            + n(e.fatalitiesDetail) + n(e.unresolvedPlace) + n(e.notes) + n(e.admin1) + n(e.admin2) + n(e.admin3)
            + n(e.sources.first?.report) + n(e.sources.first?.sentence) + 128
        for a in e.actors { text += 2 * n(a.name) + 4 }
        // 2048: the keys and punctuation (about 700 bytes), the type names, numbers and dates.
        return ByteCursor.maxJSONString(text) + 2048
    }

    /// Appends `e` as a Feature to `sink` between the bytes `before` and `after` (when given); returns the
    /// Feature's bytes, valid until the next call on `sink` (nil for a Feature larger than its buffer,
    /// which is then formatted apart and written all the same).
    @discardableResult
    static func write(_ e: Event, to sink: ByteSink, before: UInt8?, after: UInt8?) -> UnsafeRawBufferPointer? {
        let n = maxCount(e) + 2
        guard var c = sink.cursor(room: n) else {
            let block = ByteBlock(capacity: n)
            var c = block.cursor(room: n)
            if let before { c.put(before) }
            write(e, to: &c)
            if let after { c.put(after) }
            block.commit(c)
            sink.append(block.bytes)
            return nil
        }
        if let before { c.put(before) }
        let start = c.p
        write(e, to: &c)
        let bytes = UnsafeRawBufferPointer(start: start, count: c.p - start)
        if let after { c.put(after) }
        sink.commit(c, from: start)
        return bytes
    }

    /// Writes `e` as a Feature at `c`, which must have room for `maxCount(e)` bytes.
    static func write(_ e: Event, to c: inout ByteCursor) {
        if let xy = e.coordinate {
            c.put("{\"geometry\":{\"coordinates\":[")
            c.put(fixed6: xy.x)
            c.put(UInt8(ascii: ","))
            c.put(fixed6: xy.y)
            c.put("],\"type\":\"Point\"},\"id\":")
        } else {
            c.put("{\"geometry\":null,\"id\":")
        }
        c.put(jsonString: e.id)
        c.put(",\"properties\":{")
        for (slot, key) in slots {
            key.withUnsafeBufferPointer { c.put($0) }
            switch slot {
            case .field(let f): putValue(f, of: e, to: &c)
            case .extra(let x): putExtra(x, of: e, to: &c)
            }
        }
        c.put("},\"type\":\"Feature\"}")
    }

    /// Writes the flat value of field `f` of `e` (as `EventJSON.flat`).
    private static func putValue(_ f: EventField, of e: Event, to c: inout ByteCursor) {
        switch f {
        case .id: c.put(jsonString: e.id)
        case .kind: c.put(e.kind == .event ? "\"event\"" : "\"statement\"")
        case .type: c.put(jsonString: e.type.rawValue)
        case .subType: c.put(jsonString: e.subType?.rawValue)
        case .start: _ = putDay(e.start, to: &c)
        case .end: _ = putDay(e.end, to: &c)
        case .datePrecision: c.put(jsonString: e.datePrecision.rawValue)
        case .place: c.put(jsonString: e.place)
        case .placeID: c.put(jsonString: e.placeID)
        case .lon, .lat: c.put("null")  // not flat: the geometry holds the point
        case .geoPrecision: c.put(int: Int64(e.geoPrecision))
        case .direction: c.put(jsonString: e.direction)
        case .country: c.put(jsonString: e.country)
        case .admin1: c.put(jsonString: e.admin1)
        case .admin2: c.put(jsonString: e.admin2)
        case .admin3: c.put(jsonString: e.admin3)
        case .actor1: c.put(jsonString: e.actor1?.name)
        case .assocActor1: putList(e.assocActor1, to: &c)
        case .inter1: c.put(jsonString: e.actor1?.kind?.rawValue)
        case .actor2: c.put(jsonString: e.actor2?.name)
        case .assocActor2: putList(e.assocActor2, to: &c)
        case .inter2: c.put(jsonString: e.actor2?.kind?.rawValue)
        case .actors: putList(e.actors, to: &c)
        case .fatalities: c.put(int: Int64(e.fatalities ?? 0))
        case .fatalitiesClaimed: c.put(int: Int64(e.fatalitiesClaimed ?? 0))
        case .fatalitiesDetail: c.put(jsonString: e.fatalitiesDetail)
        case .claimed: c.put(e.claimed ? "true" : "false")
        case .displaced: c.put(int: Int64(e.displaced ?? 0))
        case .unresolvedPlace: c.put(jsonString: e.unresolvedPlace)
        case .sources: c.put(int: Int64(e.sources.count))
        case .notes: c.put(jsonString: e.notes)
        }
    }

    /// Writes a flat-only property of `e` (as `FlatExtraField.value(of:)`).
    private static func putExtra(_ x: FlatExtraField, of e: Event, to c: inout ByteCursor) {
        switch x {
        case .fatalitiesReported: c.put(e.fatalities != nil ? "true" : "false")
        case .sourceReport: c.put(jsonString: e.sources.first?.report)
        case .sourceSentence: c.put(jsonString: e.sources.first.map { FlatText.cut($0.sentence) })
        case .name: c.put(jsonString: FlatText.name(of: e))
        case .begin: _ = putDay(e.start, to: &c)
        case .time:
            guard let d = e.start else { c.put("null"); return }
            c.put(UInt8(ascii: "\""))
            _ = putISO(d, to: &c)
            c.put("T00:00:00Z\"")
        case .timestamp:
            if let d = e.start { c.put(int: d.epochMilliseconds) } else { c.put("null") }
        }
    }

    /// Writes the names of `actors` joined by "; " as one string, or `null` when there are none.
    private static func putList(_ actors: [Actor], to c: inout ByteCursor) {
        guard !actors.isEmpty else { c.put("null"); return }
        if actors.count == 1 { c.put(jsonString: actors[0].name); return }
        c.put(jsonString: actors.map(\.name).joined(separator: FlatText.listSeparator))
    }

    /// Writes `"YYYY-MM-DD"` or `null`; returns where the ten date bytes were written (nil for `null`).
    private static func putDay(_ d: Day?, to c: inout ByteCursor) -> UnsafeBufferPointer<UInt8>? {
        guard let d else { c.put("null"); return nil }
        c.put(UInt8(ascii: "\""))
        let bytes = putISO(d, to: &c)
        c.put(UInt8(ascii: "\""))
        return bytes
    }

    /// Writes YYYY-MM-DD (`Day.description` for years outside 0...9999) and returns where.
    private static func putISO(_ d: Day, to c: inout ByteCursor) -> UnsafeBufferPointer<UInt8> {
        let at = c.p
        let (year, month, day) = d.components
        if (0...9999).contains(year) {
            let y = UInt64(year)
            c.put(digits2: y / 100)
            c.put(digits2: y % 100)
            c.put(UInt8(ascii: "-"))
            c.put(digits2: UInt64(month))
            c.put(UInt8(ascii: "-"))
            c.put(digits2: UInt64(day))
        } else {
            var s = d.description
            s.withUTF8 { c.put($0) }
        }
        return UnsafeBufferPointer(start: at, count: c.p - at)
    }
}
