import Control
import EventModel
import GeoModel

/// The content of `page/base.js`: what the page needs before any view — titles, the days and their
/// counts, the legend (symbols, sides, arrows with their colours and words), the vector base, the
/// optional tile layer and the credits.
enum PageBaseData {
    static func json(_ page: PageInput, summary: PageWriter.Summary) -> JSONValue {
        let dated = page.events.reduce(0) { $0 + ($1.start != nil ? 1 : 0) }
        let days: [JSONValue] = page.days.map { d in
            ["day": .string("\(d.day)"), "count": .int(d.events.count), "text": .string(DateText.day(d.day)),
             "front": .bool(d.front != nil)]
        }
        var o: [String: JSONValue] = [
            "title": .string(page.title), "dates": .string(page.datesCovered), "total": .int(page.events.count),
            "dated": .int(dated), "sources": .int(page.sourceCount), "days": .array(days),
            "all_mode": .string(summary.allMode), "symbol_counts": .array(summary.symbolCounts.map { .int($0) }),
            "region_events": .int(summary.regionEvents), "last_front": .string(page.lastFront.map { "\($0.day)" }),
            "last_front_text": .string(page.lastFront.map { DateText.day($0.day) }),
            "events_per_file": .int(PageWriter.eventsPerDetailsFile), "point_limit": .int(PageWriter.pointLimit),
            "symbols": .array(EventSymbol.allCases.map(symbol)),
            "sides": .array(sides(of: page).map { ["key": .string($0.rawValue), "label": .string(Palette.sideLabel($0)),
                                                  "colour": .string(Palette.side($0))] }),
            "arrows": .array(["reinforcement", "displacement", "offensive"].map {
                ["kind": .string($0), "label": .string(Palette.movementLabel($0)), "colour": .string(Palette.movement($0))]
            }),
            "colours": [
                "front": .string(Palette.frontLine), "highway": .string(Palette.highway),
                "highway_casing": .string(Palette.highwayCasing), "border": .string(Palette.border),
                "outline": .string(Palette.outline), "governorate": .string(Palette.governorate),
                "land": .string(Palette.land), "background": .string(Palette.background),
            ],
            "credits": .string(Attribution.text),
            "tiles": page.options.tiles.map { ["url": .string($0.url), "attribution": .string($0.attribution)] } ?? .null,
            "borders": .array(page.base.borders.compactMap(border)),
            "highways": .array(page.base.highways.compactMap { f in
                f.geometry.map { ["id": f[property: "id"] ?? .null, "name": f[property: "name"] ?? .null, "geometry": geometry($0)] }
            }),
            "places": .array(page.base.places.map {
                [.number(rounded($0.coordinate.lon)), .number(rounded($0.coordinate.lat)), .string($0.name), .int($0.eventCount)]
            }),
        ]
        if let box = page.box { o["box"] = [.number(box.west), .number(box.south), .number(box.east), .number(box.north)] }
        return .object(o)
    }

    /// A symbol for the legend and the markers: its words, colour and shape (SVG path data centred
    /// on the origin, or a circle's radius; `ring` for an open circle).
    /// The sides the page's front lines name: the bundled table's words in their usual order, then any other
    /// words of a user's table, alphabetically; contested last.
    static func sides(of page: PageInput) -> [Side] {
        var found = Set<Side>()
        for d in page.days { if let f = d.front { found.formUnion(f.sides.keys); found.formUnion(f.control.map(\.side)) } }
        if let f = page.lastFront { found.formUnion(f.sides.keys) }
        let known: [Side] = [.government, .opposition, .turkish]
        let others = found.subtracting(known + [.contested]).sorted { $0.rawValue < $1.rawValue }
        return known.filter(found.contains) + others + [.contested]
    }

    static func symbol(_ s: EventSymbol) -> JSONValue {
        var o: [String: JSONValue] = ["key": .string(s.rawValue), "label": .string(s.label), "colour": .string(s.colour)]
        switch s.outline {
        case .path(let d): o["d"] = .string(d)
        case .circle(let r, let ring): o["r"] = .number(r); o["ring"] = .bool(ring)
        }
        return .object(o)
    }

    /// A border or governorate feature: `kind`, `name`, the label point of governorates, the geometry.
    static func border(_ f: Feature) -> JSONValue? {
        guard let g = f.geometry else { return nil }
        var o: [String: JSONValue] = ["kind": f[property: "kind"] ?? .null, "name": f[property: "name"] ?? .null,
                                      "geometry": geometry(g)]
        if let lon = f[property: "label_lon"]?.numberValue, let lat = f[property: "label_lat"]?.numberValue {
            o["label"] = [.number(rounded(lon)), .number(rounded(lat))]
        }
        return .object(o)
    }

    /// A GeoJSON geometry as a JSON value, coordinates rounded to the page's precision.
    static func geometry(_ g: Geometry) -> JSONValue {
        func pos(_ c: Coordinate) -> JSONValue { [.number(rounded(c.lon)), .number(rounded(c.lat))] }
        func line(_ cs: [Coordinate]) -> JSONValue { .array(cs.map(pos)) }
        let coordinates: JSONValue
        switch g {
        case .point(let c): coordinates = pos(c)
        case .multiPoint(let cs), .lineString(let cs): coordinates = line(cs)
        case .multiLineString(let ls), .polygon(let ls): coordinates = .array(ls.map(line))
        case .multiPolygon(let ps): coordinates = .array(ps.map { .array($0.map(line)) })
        case .geometryCollection(let gs): return ["type": "GeometryCollection", "geometries": .array(gs.map(geometry))]
        }
        return ["type": .string(g.typeName), "coordinates": coordinates]
    }

    /// A degree value at the page's precision (5 decimals).
    static func rounded(_ x: Double) -> Double { (x * 100_000).rounded() / 100_000 }
}
