import Events
import GeoModel

/// The specialised formatter of one event Feature: constant key fragments, numbers and days without
/// allocation, straight into memory. It must write exactly `GeoJSON.encode(EventFeatures.feature(of: e))`
/// (tests hold it to that); when `Event.json` gains a key, add it here in sorted place and in `maxCount`.
enum EventFeatureFormat {
    /// An upper bound of the bytes `write(_:to:)` writes for `e` (every string byte escaped as `\u00XX`).
    static func maxCount(_ e: Event) -> Int {
        func n(_ s: String?) -> Int { s?.utf8.count ?? 0 }
        var text = 2 * n(e.id) + n(e.type) + n(e.subType) + n(e.place) + n(e.placeID) + n(e.direction)
            + n(e.fatalitiesDetail) + n(e.unresolvedPlace) + n(e.notes) + n(e.admin1)
        for a in e.actors { text += n(a) }
        for s in e.sources { text += n(s.report) + n(s.sentence) }
        // 1536: the keys and punctuation (about 480 bytes), 12 numbers of at most 32 bytes, 4 dates.
        return ByteCursor.maxJSONString(text) + 1536 + 8 * e.actors.count + 128 * e.sources.count
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
        // The six-decimal position, whose bytes the `lon`/`lat` properties repeat when the value is at
        // least 1 in size (then JSONWriter's shortest form of the rounded value is the same text).
        var lon: UnsafeBufferPointer<UInt8>?, lat: UnsafeBufferPointer<UInt8>?
        if let xy = e.coordinate {
            c.put("{\"geometry\":{\"coordinates\":[")
            var at = c.p
            c.put(fixed6: xy.x)
            if abs(xy.x) >= 1, abs(xy.x) < 1e9 { lon = UnsafeBufferPointer(start: at, count: c.p - at) }
            c.put(UInt8(ascii: ","))
            at = c.p
            c.put(fixed6: xy.y)
            if abs(xy.y) >= 1, abs(xy.y) < 1e9 { lat = UnsafeBufferPointer(start: at, count: c.p - at) }
            c.put("],\"type\":\"Point\"},\"id\":")
        } else {
            c.put("{\"geometry\":null,\"id\":")
        }
        c.put(jsonString: e.id)
        c.put(",\"properties\":{\"actors\":[")
        for k in e.actors.indices {
            if k > 0 { c.put(UInt8(ascii: ",")) }
            c.put(jsonString: e.actors[k])
        }
        c.put("]")
        if let admin1 = e.admin1 {
            c.put(",\"admin1\":")
            c.put(jsonString: admin1)
        }
        c.put(e.claimed ? ",\"claimed\":true,\"date_precision\":" : ",\"claimed\":false,\"date_precision\":")
        switch e.datePrecision {
        case .day: c.put("\"day\"")
        case .span: c.put("\"span\"")
        case .unknown: c.put("\"unknown\"")
        }
        c.put(",\"direction\":")
        c.put(jsonString: e.direction)
        c.put(",\"displaced\":")
        c.put(int: e.displaced)
        c.put(",\"end\":")
        let end = putDay(e.end, to: &c)
        c.put(",\"fatalities\":")
        c.put(int: e.fatalities)
        c.put(",\"fatalities_detail\":")
        c.put(jsonString: e.fatalitiesDetail)
        c.put(",\"geo_precision\":")
        c.put(int: Int64(e.geoPrecision))
        c.put(",\"id\":")
        c.put(jsonString: e.id)
        switch e.kind {
        case .event: c.put(",\"kind\":\"event\",\"lat\":")
        case .statement: c.put(",\"kind\":\"statement\",\"lat\":")
        }
        if let lat { c.put(lat) } else if let xy = e.coordinate { c.put(number: (xy.lat * 1e6).rounded() / 1e6) } else { c.put("null") }
        c.put(",\"lon\":")
        if let lon { c.put(lon) } else if let xy = e.coordinate { c.put(number: (xy.lon * 1e6).rounded() / 1e6) } else { c.put("null") }
        if let notes = e.notes {
            c.put(",\"notes\":")
            c.put(jsonString: notes)
        }
        c.put(",\"place\":")
        c.put(jsonString: e.place)
        c.put(",\"place_id\":")
        c.put(jsonString: e.placeID)
        c.put(",\"sources\":[")
        for k in e.sources.indices {
            let s = e.sources[k]
            c.put(k > 0 ? ",{\"char_end\":" : "{\"char_end\":")
            c.put(int: Int64(s.charEnd))
            c.put(",\"char_start\":")
            c.put(int: Int64(s.charStart))
            c.put(",\"report\":")
            c.put(jsonString: s.report)
            c.put(",\"sentence\":")
            c.put(jsonString: s.sentence)
            c.put(UInt8(ascii: "}"))
        }
        c.put("],\"start\":")
        let start = e.start != nil && e.start == e.end ? repeatBytes(end, to: &c) : putDay(e.start, to: &c)
        c.put(",\"sub_type\":")
        c.put(jsonString: e.subType)
        if let d = e.start {
            c.put(",\"time\":\"")
            if let start { c.put(start) } else { _ = putISO(d, to: &c) }
            c.put("T00:00:00Z\",\"timestamp\":")
            c.put(int: d.epochMilliseconds)
        } else {
            c.put(",\"time\":null,\"timestamp\":null")
        }
        c.put(",\"type\":")
        c.put(jsonString: e.type)
        c.put(",\"unresolved_place\":")
        c.put(jsonString: e.unresolvedPlace)
        c.put("},\"type\":\"Feature\"}")
    }

    /// Writes `"YYYY-MM-DD"` or `null`; returns where the ten date bytes were written (nil for `null`).
    private static func putDay(_ d: Day?, to c: inout ByteCursor) -> UnsafeBufferPointer<UInt8>? {
        guard let d else { c.put("null"); return nil }
        c.put(UInt8(ascii: "\""))
        let bytes = putISO(d, to: &c)
        c.put(UInt8(ascii: "\""))
        return bytes
    }

    /// Writes the quoted date whose bytes `bytes` already holds (or `null`), and returns where they now are.
    private static func repeatBytes(_ bytes: UnsafeBufferPointer<UInt8>?, to c: inout ByteCursor) -> UnsafeBufferPointer<UInt8>? {
        guard let bytes else { c.put("null"); return nil }
        c.put(UInt8(ascii: "\""))
        let at = c.p
        c.put(bytes)
        c.put(UInt8(ascii: "\""))
        return UnsafeBufferPointer(start: at, count: bytes.count)
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
