import Control
import EventModel
import Foundation
import GeoModel
import Topology

/// What a map shows: the events, their days, the front lines, movements and the base layers.
public struct MapScene {
    /// Events (not statements), in output order.
    public var events: [Event]
    /// Which day each event belongs to.
    public var partition: DayPartition
    /// The days of the day layers, ascending.
    public var days: [Day]
    /// The front line of each day that has one.
    public var frontlines: [Day: FrontlineDay]
    /// Settlement coordinates of the control table (for the control points).
    public var controlCoordinates: [String: Coordinate]
    /// Movement arrows (features with `kind`, `date`, `end`), from events and the front-line model.
    public var movements: [Feature]
    /// The places the events name, highways, and borders with governorates.
    public var places: FeatureCollection, highways: FeatureCollection, borders: FeatureCollection
    /// How many reports or event files the events came from.
    public var sourceCount: Int
    /// The credit line printed under the map (`Attribution.text(for:)`).
    public var attribution: String

    /// A scene from its parts.
    public init(events: [Event], partition: DayPartition, days: [Day], frontlines: [Day: FrontlineDay],
                controlCoordinates: [String: Coordinate], movements: [Feature], places: FeatureCollection,
                highways: FeatureCollection, borders: FeatureCollection, sourceCount: Int,
                attribution: String = Attribution.text) {
        self.events = events; self.partition = partition; self.days = days; self.frontlines = frontlines
        self.controlCoordinates = controlCoordinates; self.movements = movements; self.places = places
        self.highways = highways; self.borders = borders; self.sourceCount = sourceCount; self.attribution = attribution
    }

    /// The box to show: every event and place, and the front lines' extent; nil when there is nothing.
    var box: BoundingBox? {
        var placed: BoundingBox?, all: BoundingBox?
        events.withUnsafeBufferPointer { events in  // read in place: no copy of each event's strings
            for i in events.indices {
                guard let c = events[i].coordinate else { continue }
                if all == nil { all = BoundingBox(covering: [c]) } else { all!.extend(with: c) }
                guard events[i].geoPrecision < 3 else { continue }
                if placed == nil { placed = BoundingBox(covering: [c]) } else { placed!.extend(with: c) }
            }
        }
        var box = placed ?? all
        for f in frontlines.values {
            guard let b = f.line.boundingBox else { continue }
            if box == nil { box = b } else { box!.extend(with: b) }
        }
        return box
    }

    /// "3–6 February 2020" (or "30 January – 2 February 2020", ...), or nil without dated days.
    public var datesCovered: String? {
        guard let first = days.first, let last = days.last else { return nil }
        return DateText.range(first, last)
    }
}

/// Draws a `MapScene` as SVG: Web Mercator through PROJ, borders, highways, places labelled, events
/// as symbols by type with a legend, control and the front line, movement arrows, a scale bar of
/// true ground distance, the dates covered and the data credits. Beyond `aggregateAbove` events it
/// draws bins instead of symbols: one circle per square of `binPixels`, its area following its count,
/// its colour that of the most frequent kind, with the count written on it and kept in `data-count`
/// (the counts add up to the events drawn), so that the map stays readable and small at any size.
public enum SVGMap {
    /// Width of the drawing in pixels.
    public static let width = 1100.0
    /// Above this many events with a position, events are binned.
    public static let aggregateAbove = 2000
    /// The side of a bin's square, in pixels.
    public static let binPixels = 30.0
    /// Places labelled at most (the most-named first).
    public static let placeLabelLimit = 200

    /// The SVG text. Throws `LayersError.projection` when PROJ fails.
    public static func render(_ scene: MapScene) throws -> String {
        let box = scene.box ?? BoundingBox(west: 36.0, south: 35.4, east: 37.2, north: 36.4)
        let view = try MapView(box: box, width: width)
        var r = Renderer(view: view, scene: scene)
        return try r.document()
    }
}

/// One rendering pass: the SVG text and the boxes already taken by symbols and labels.
struct Renderer {
    let view: MapView
    let scene: MapScene
    var out = ""
    var taken: [(x0: Double, y0: Double, x1: Double, y1: Double)] = []

    init(view: MapView, scene: MapScene) {
        self.view = view; self.scene = scene
        title = MapTitle.text(region: MapTitle.commonRegion(scene.places), dates: scene.datesCovered)
    }

    /// Events drawn (those with a position), and whether they are binned.
    var placed = 0
    var binned: (count: Int, bins: Int)?
    /// The symbols the events have, for the legend.
    var present: Set<EventSymbol> = []

    mutating func document() throws -> String {
        let w = Int(view.width), h = Int(view.height)
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\" "
        out += "font-family=\"'DejaVu Sans', 'Helvetica Neue', Arial, sans-serif\" font-size=\"12\">\n"
        out += "<title>\(xml(title))</title>\n"
        defs()
        out += "<rect width=\"\(w)\" height=\"\(h)\" fill=\"#e9e6df\"/>\n"
        // Reserve the frame (title, legend, scale bar, credits) and the event symbols before any label.
        take((0, 0, view.width, 52))
        take((0, view.height - 22, view.width, view.height))
        placed = scene.events.reduce(0) { $0 + ($1.coordinate != nil ? 1 : 0) }
        var eventsText = "<g id=\"events\" stroke=\"#fff\" stroke-width=\"1.3\">\n"
        eventsText += placed > SVGMap.aggregateAbove ? bins() : events()
        eventsText += "</g>\n"
        let legendText = legend()
        let scaleText = scaleBar()
        try base()
        let last = scene.days.last { scene.frontlines[$0] != nil }
        // control and front lines
        out += "<g id=\"control\">\n"
        if let last {
            let first = scene.days.first { scene.frontlines[$0] != nil }
            try front(last, previous: first != last ? first : nil)
        }
        out += "</g>\n"
        highwayLabels()
        // movements
        out += "<g id=\"movements\">\n"
        movements()
        out += "</g>\n"
        places()
        out += eventsText
        frame(legend: legendText, scaleBar: scaleText)
        out += "</svg>\n"
        return out
    }

    /// The map's title (computed once: the region is counted over every place).
    let title: String

    // MARK: Definitions

    mutating func defs() {
        out += "<defs>\n"
        out += "<pattern id=\"hatch\" width=\"7\" height=\"7\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
        let contested = Palette.side(.contested)
        out += "<rect width=\"7\" height=\"7\" fill=\"\(contested)\" fill-opacity=\"0.25\"/>"
        out += "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"7\" stroke=\"\(contested)\" stroke-width=\"2.4\"/></pattern>\n"
        for id in ["reinforcement", "displacement", "offensive", "movement"] {
            let colour = Palette.movement(id)
            out += "<marker id=\"arrow-\(id)\" viewBox=\"0 0 10 10\" refX=\"8\" refY=\"5\" markerWidth=\"7\" "
            out += "markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0L10,5L0,10Z\" fill=\"\(colour)\"/></marker>\n"
        }
        out += "</defs>\n"
    }

    // MARK: Base layers

    mutating func base() throws {
        out += "<g id=\"base\">\n"
        let features = scene.borders.features
        // Syria's outline, filled
        for f in features where f[property: "kind"]?.stringValue == "country_outline" {
            if let g = try clipped(f.geometry) {
                out += "<path d=\"\(path(g))\" fill=\"#fbfaf6\" stroke=\"none\"/>\n"
            }
        }
        // governorates
        out += "<g fill=\"none\" stroke=\"#b9b1a3\" stroke-width=\"0.9\" stroke-dasharray=\"5 3\">\n"
        for f in features where f[property: "kind"]?.stringValue == "governorate" {
            if let g = try clipped(f.geometry) { out += "<path d=\"\(path(g))\"/>\n" }
        }
        out += "</g>\n"
        for f in features where f[property: "kind"]?.stringValue == "country_outline" {
            if let g = try clipped(f.geometry) {
                out += "<path d=\"\(path(g))\" fill=\"none\" stroke=\"#8c8577\" stroke-width=\"1.2\"/>\n"
            }
        }
        for f in features where f[property: "kind"]?.stringValue == "border" {
            if let g = try clipped(f.geometry) {
                out += "<path d=\"\(path(g))\" fill=\"none\" stroke=\"#fff\" stroke-width=\"5\"/>\n"
                out += "<path d=\"\(path(g))\" fill=\"none\" stroke=\"#4d4437\" stroke-width=\"2\" stroke-dasharray=\"9 3 2 3\"/>\n"
            }
        }
        // highways
        for f in scene.highways.features {
            guard let g = try clipped(f.geometry) else { continue }
            out += "<path d=\"\(path(g))\" fill=\"none\" stroke=\"#fff\" stroke-width=\"5.5\" stroke-linejoin=\"round\"/>\n"
            out += "<path d=\"\(path(g))\" fill=\"none\" stroke=\"\(Palette.highway)\" stroke-width=\"3\" stroke-linejoin=\"round\"/>\n"
        }
        out += "</g>\n"
        regionLabels()
    }

    mutating func regionLabels() {
        out += "<g id=\"region-labels\" fill=\"#9b9284\" font-size=\"12\" letter-spacing=\"2\" text-anchor=\"middle\">\n"
        for f in scene.borders.features where f[property: "kind"]?.stringValue == "governorate" {
            guard let lon = f[property: "label_lon"]?.numberValue, let lat = f[property: "label_lat"]?.numberValue,
                  let name = f[property: "name"]?.stringValue else { continue }
            let p = view.pixel(Coordinate(lon: lon, lat: lat))
            guard inside(p, margin: 60) else { continue }
            let text = name.replacingOccurrences(of: " Governorate", with: "").uppercased()
            let b = box(at: (p.x, p.y - 4), w: Double(text.count) * 10 + 8, h: 16)
            guard free(b) else { continue }
            take(b)
            out += "<text x=\"\(n(p.x))\" y=\"\(n(p.y))\">\(xml(text))</text>\n"
        }
        // the country beyond the Syria–Turkey border, when the border is in view
        if let border = scene.borders.features.first(where: { $0[property: "kind"]?.stringValue == "border" }),
           let line = border.geometry?.lines.first {
            let visible = view.pixels(line).filter { inside($0, margin: 80) }
            if let top = visible.min(by: { $0.y < $1.y }), top.y > 40 {
                let mid = visible[visible.count / 2]
                out += "<text x=\"\(n(mid.x))\" y=\"\(n(max(mid.y - 26, 40)))\" font-size=\"14\">TURKEY</text>\n"
            }
        }
        out += "</g>\n"
    }

    mutating func highwayLabels() {
        out += "<g id=\"highway-labels\" font-size=\"11\" font-weight=\"bold\" text-anchor=\"middle\">\n"
        for f in scene.highways.features {
            guard let id = f[property: "id"]?.stringValue, let line = f.geometry?.lines.first else { continue }
            let px = view.pixels(line)
            // a point along the visible part, a third of the way, between two vertices
            var visible: [(x: Double, y: Double)] = []
            for (a, b) in zip(px, px.dropFirst()) where inside(a, margin: -40) || inside(b, margin: -40) {
                visible.append(((a.x + b.x) / 2, (a.y + b.y) / 2))
            }
            guard !visible.isEmpty else { continue }
            let candidates = [visible[visible.count / 3], visible[(2 * visible.count) / 3], visible[visible.count / 2]]
            guard let p = candidates.first(where: { free(box(at: $0, w: 28, h: 16)) }) ?? candidates.first else { continue }
            take(box(at: p, w: 28, h: 16))
            out += "<rect x=\"\(n(p.x - 14))\" y=\"\(n(p.y - 8))\" width=\"28\" height=\"16\" rx=\"3\" fill=\"#fff\" stroke=\"\(Palette.highway)\" stroke-width=\"1.5\"/>"
            out += "<text x=\"\(n(p.x))\" y=\"\(n(p.y + 4))\" fill=\"#8c5a12\">\(xml(id))</text>\n"
        }
        out += "</g>\n"
    }

    // MARK: Control and front line

    mutating func front(_ day: Day, previous: Day?) throws {
        guard let f = scene.frontlines[day] else { return }
        out += "<g>\n"
        for side in [Side.government, .opposition, .turkish] {
            guard let g = f.sides[side], let c = try clipped(g) else { continue }
            out += "<path d=\"\(path(c))\" fill=\"\(Palette.side(side))\" fill-opacity=\"0.13\" stroke=\"none\"/>\n"
        }
        if let g = f.contested, let c = try clipped(g) {
            out += "<path d=\"\(path(c))\" fill=\"url(#hatch)\" stroke=\"\(Palette.side(.contested))\" stroke-width=\"0.8\"/>\n"
        }
        if let previous, let p = scene.frontlines[previous], let c = try clipped(p.line) {
            out += "<path d=\"\(path(c))\" fill=\"none\" stroke=\"\(Palette.earlierFrontLine)\" stroke-width=\"1.6\" stroke-dasharray=\"5 4\" opacity=\"0.8\"/>\n"
        }
        if let c = try clipped(f.line) {
            out += "<path d=\"\(path(c))\" fill=\"none\" stroke=\"#fff\" stroke-width=\"6\" stroke-linejoin=\"round\" opacity=\"0.9\"/>\n"
            out += "<path d=\"\(path(c))\" fill=\"none\" stroke=\"\(Palette.frontLine)\" stroke-width=\"3\" stroke-linejoin=\"round\"/>\n"
        }
        // settlements of the control table, coloured by side
        for c in f.control {
            guard let at = scene.controlCoordinates[c.placeID] else { continue }
            let p = view.pixel(at)
            guard inside(p, margin: 0) else { continue }
            let fill = Palette.side(c.side)
            out += "<circle cx=\"\(n(p.x))\" cy=\"\(n(p.y))\" r=\"3.2\" fill=\"\(fill)\" stroke=\"#fff\" stroke-width=\"1\">"
            out += "<title>\(xml("\(c.place): \(c.side.rawValue) on \(day)"))</title></circle>\n"
        }
        out += "</g>\n"
    }

    // MARK: Movements

    mutating func movements() {
        out += "<g>\n"
        for f in scene.movements {
            guard let line = f.geometry?.lines.first, line.count >= 2 else { continue }
            let kind = f[property: "kind"]?.stringValue ?? "movement"
            let colour = Palette.movement(kind)
            let dash = kind == "displacement" ? " stroke-dasharray=\"7 4\"" : ""
            // shorten the head so that the arrow stops short of the symbol at its end
            var px = view.pixels(line)
            let a = px[px.count - 2], b = px[px.count - 1]
            let len = hypot(b.x - a.x, b.y - a.y)
            if len > 30 { px[px.count - 1] = (b.x - (b.x - a.x) / len * 11, b.y - (b.y - a.y) / len * 11) }
            let d = "M" + px.map { "\(n($0.x)),\(n($0.y))" }.joined(separator: "L")
            let tip = "\(f[property: "date"]?.stringValue ?? "") \(kind): \(f[property: "from"]?.stringValue ?? "") → "
                + "\(f[property: "to"]?.stringValue ?? f[property: "place"]?.stringValue ?? "") "
                + "(\(f[property: "length_km"]?.numberValue.map { String(format: "%.1f", $0) } ?? "?") km)"
            out += "<path d=\"\(d)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2.4\"\(dash) "
            out += "marker-end=\"url(#arrow-\(["reinforcement", "displacement", "offensive"].contains(kind) ? kind : "movement"))\">"
            out += "<title>\(xml(tip))</title></path>\n"
        }
        out += "</g>\n"
    }

    // MARK: Events

    /// One symbol an event; events at (nearly) the same pixel fan out around it.
    mutating func events() -> String {
        var text = "<g>\n"
        var buckets: [String: [Int32]] = [:]
        var order: [String] = []
        for k in 0..<Int32(scene.events.count) {
            let e = scene.events[Int(k)]
            guard let c = e.coordinate else { continue }
            let p = view.pixel(c)
            let key = "\(Int((p.x / 8).rounded())),\(Int((p.y / 8).rounded())),\(e.direction ?? "")"
            if buckets[key] == nil { order.append(key) }
            buckets[key, default: []].append(k)
        }
        for key in order {
            let ks = buckets[key]!
            let first = scene.events[Int(ks[0])]
            var centre = view.pixel(first.coordinate!)
            if let offset = first.direction.flatMap(Renderer.compass) {
                // "north of Saraqeb": drawn a little to the north of the town's point
                centre = (centre.x + offset.dx * 16, centre.y + offset.dy * 16)
            }
            let radius = ks.count == 1 ? 0.0 : 9.0 + Double(ks.count)
            for (j, k) in ks.enumerated() {
                let e = scene.events[Int(k)]
                let angle = Double(j) / Double(ks.count) * 2 * .pi - .pi / 2
                let p = (x: centre.x + radius * cos(angle), y: centre.y + radius * sin(angle))
                let symbol = e.category.symbol
                present.insert(symbol)
                let precision3 = e.geoPrecision == 3
                text += "<g transform=\"translate(\(n(p.x)),\(n(p.y)))\" fill=\"\(symbol.colour)\""
                text += precision3 ? " fill-opacity=\"0.55\">" : ">"
                text += symbol.shape
                text += "<title>\(xml(tooltip(e)))</title></g>\n"
                take(box(at: p, w: 18, h: 18))
            }
        }
        text += "</g>\n"
        return text
    }

    /// Bins of `SVGMap.binPixels`: a circle per square at the mean position of its events, its area
    /// proportional to its count (the fullest 15 px in radius), coloured by its most frequent kind,
    /// with the count on it when there is room and in `data-count`.
    mutating func bins() -> String {
        var bins = EventBins()
        var batch: [Coordinate] = [], symbols: [EventSymbol] = []
        func flush() {
            for (c, (p, symbol)) in zip(batch, zip(view.pixels(batch), symbols)) where p.x.isFinite && p.y.isFinite {
                bins.add(x: Int((p.x / SVGMap.binPixels).rounded(.down)), y: Int((p.y / SVGMap.binPixels).rounded(.down)),
                         at: c, symbol: symbol)
            }
            batch.removeAll(keepingCapacity: true)
            symbols.removeAll(keepingCapacity: true)
        }
        scene.events.withUnsafeBufferPointer { events in
            for i in events.indices {
                guard let c = events[i].coordinate else { continue }
                let symbol = events[i].category.symbol
                present.insert(symbol)
                batch.append(c)
                symbols.append(symbol)
                if batch.count == 1 << 16 { flush() }
            }
        }
        flush()
        let cells = bins.sorted
        binned = (bins.total, cells.count)
        let fullest = Double(cells.map(\.bin.count).max() ?? 1)
        var text = "<g id=\"bins\" data-events=\"\(bins.total)\" font-size=\"9.5\" font-weight=\"bold\" text-anchor=\"middle\">\n"
        for (_, bin) in cells {
            let p = view.pixel(bin.centre)
            let r = 3 + 12 * (Double(bin.count) / fullest).squareRoot()
            let symbol = bin.dominant
            let kinds = EventSymbol.allCases.filter { bin.bySymbol[$0.index] > 0 }
                .map { "\(bin.bySymbol[$0.index]) \($0.label.lowercased())" }.joined(separator: "; ")
            text += "<g class=\"bin\" data-count=\"\(bin.count)\"><circle cx=\"\(n(p.x))\" cy=\"\(n(p.y))\" r=\"\(n(r))\" "
            text += "fill=\"\(symbol.colour)\" fill-opacity=\"0.8\"/>"
            if r >= 8 {
                text += "<text x=\"\(n(p.x))\" y=\"\(n(p.y + 3.4))\" fill=\"#111\" stroke=\"#fff\" stroke-width=\"2.4\" "
                text += "paint-order=\"stroke\">\(Renderer.short(bin.count))</text>"
            }
            text += "<title>\(xml("\(bin.count) events: \(kinds)"))</title></g>\n"
            take(box(at: p, w: 2 * r, h: 2 * r))
        }
        text += "</g>\n"
        return text
    }

    /// A count in at most four characters: 950, 1.2k, 12k, 1.3M.
    static func short(_ n: Int) -> String {
        if n < 1000 { return "\(n)" }
        if n < 10_000 { return FixedDecimal.string(Double(n) / 1000, decimals: 1) + "k" }
        if n < 1_000_000 { return "\(Int((Double(n) / 1000).rounded()))k" }
        return FixedDecimal.string(Double(n) / 1_000_000, decimals: 1) + "M"
    }

    /// A unit step in pixels (y down) for a compass word, or nil.
    static func compass(_ word: String) -> (dx: Double, dy: Double)? {
        let w = word.lowercased().replacingOccurrences(of: "-", with: "").replacingOccurrences(of: " ", with: "")
        let d = 0.7071
        switch w {
        case "north": return (0, -1)
        case "south": return (0, 1)
        case "east": return (1, 0)
        case "west": return (-1, 0)
        case "northeast": return (d, -d)
        case "northwest": return (-d, -d)
        case "southeast": return (d, d)
        case "southwest": return (-d, d)
        default: return nil
        }
    }

    func tooltip(_ e: Event) -> String {
        var parts: [String] = []
        if let s = e.start { parts.append(e.end != nil && e.end != s ? "\(s) to \(e.end!)" : "\(s)") } else { parts.append("undated") }
        parts.append(e.category.description)
        parts.append((e.direction.map { "\($0) of " } ?? "") + e.place)
        if !e.actors.isEmpty { parts.append(e.actorNames.joined(separator: " → ")) }
        if let f = e.fatalities { parts.append("\(f) killed" + (e.claimed ? " (claimed)" : "")) }
        if let d = e.displaced { parts.append("\(d) displaced") }
        let reports = Array(Set(e.sources.map(\.report))).sorted()
        if !reports.isEmpty { parts.append("source: " + reports.joined(separator: ", ")) }
        return parts.joined(separator: " · ")
    }

    // MARK: Places

    mutating func places() {
        out += "<g id=\"places\">\n"
        // most-mentioned places label first
        var labels = ""
        for f in MapTitle.rankedPlaces(scene.places, limit: SVGMap.placeLabelLimit) {
            guard case .point(let c)? = f.geometry, let name = f[property: "name"]?.stringValue else { continue }
            let p = view.pixel(c)
            guard inside(p, margin: 0) else { continue }
            out += "<circle cx=\"\(n(p.x))\" cy=\"\(n(p.y))\" r=\"2.6\" fill=\"#333\"/>\n"
            let w = Double(name.count) * 7.0 + 4, h = 15.0
            let options: [(dx: Double, dy: Double, anchor: String)] = [
                (13, 4.5, "start"), (-13, 4.5, "end"), (0, -14, "middle"), (0, 22, "middle"),
                (13, -10, "start"), (-13, -10, "end"), (13, 19, "start"), (-13, 19, "end"),
            ]
            for o in options {
                let x0 = o.anchor == "start" ? p.x + o.dx : (o.anchor == "end" ? p.x + o.dx - w : p.x - w / 2)
                let b = (x0: x0, y0: p.y + o.dy - 12, x1: x0 + w, y1: p.y + o.dy - 12 + h)
                guard free(b), b.x0 > 4, b.x1 < view.width - 4, b.y0 > 60, b.y1 < view.height - 30 else { continue }
                take(b)
                labels += "<text x=\"\(n(p.x + o.dx))\" y=\"\(n(p.y + o.dy))\" text-anchor=\"\(o.anchor)\">\(xml(name))</text>\n"
                break
            }
        }
        out += "<g font-size=\"12.5\" fill=\"#222\" stroke=\"#fff\" stroke-width=\"3.2\" stroke-linejoin=\"round\" paint-order=\"stroke\">\n"
        out += labels
        out += "</g>\n</g>\n"
    }

    // MARK: Frame: title, legend, scale bar, credits

    mutating func frame(legend: String, scaleBar: String) {
        let w = view.width, h = view.height
        out += "<g id=\"frame\">\n"
        // title
        out += "<rect x=\"0\" y=\"0\" width=\"\(n(w))\" height=\"52\" fill=\"#fff\" fill-opacity=\"0.88\"/>\n"
        out += "<text x=\"16\" y=\"24\" font-size=\"18\" font-weight=\"bold\" fill=\"#222\">\(xml(title))</text>\n"
        let dated = scene.events.reduce(0) { $0 + ($1.start != nil ? 1 : 0) }
        func grouped(_ n: Int) -> String { NumberFormat.grouped(Double(n)) }
        var sub = "\(grouped(scene.events.count)) events (\(grouped(dated)) dated) from \(grouped(scene.sourceCount)) "
            + (scene.sourceCount == 1 ? "source" : "sources")
        if let binned { sub += " · \(grouped(binned.count)) placed events counted in \(grouped(binned.bins)) bins" }
        if let last = scene.days.last(where: { scene.frontlines[$0] != nil }) {
            sub += " · front line and control of \(DateText.day(last)): a Voronoi model of the control table, not a surveyed line"
        }
        out += "<text x=\"16\" y=\"43\" font-size=\"12\" fill=\"#555\">\(xml(sub))</text>\n"
        out += legend
        out += scaleBar
        // credits
        out += "<rect x=\"0\" y=\"\(n(h - 22))\" width=\"\(n(w))\" height=\"22\" fill=\"#fff\" fill-opacity=\"0.85\"/>\n"
        out += "<text x=\"\(n(w - 10))\" y=\"\(n(h - 7))\" font-size=\"10.5\" fill=\"#555\" text-anchor=\"end\">"
        out += xml("Web Mercator (EPSG:3857) · " + scene.attribution) + "</text>\n"
        out += "</g>\n"
    }

    mutating func legend() -> String {
        var out = ""
        let symbols = EventSymbol.allCases.filter(present.contains)
        var rows: [(draw: String, label: String)] = symbols.map { s in
            ("<g fill=\"\(s.colour)\" stroke=\"#fff\" stroke-width=\"1.3\">\(s.shape)</g>", s.label)
        }
        if binned != nil {
            rows = symbols.map { s in ("<circle r=\"7\" fill=\"\(s.colour)\" fill-opacity=\"0.8\"/>", "Mostly: " + s.label.lowercased()) }
            rows.append(("<circle r=\"9\" fill=\"#999\" fill-opacity=\"0.8\"/><text y=\"3.4\" font-size=\"9\" text-anchor=\"middle\" fill=\"#111\">n</text>",
                         "n events within \(Int(SVGMap.binPixels)) px; area ∝ n"))
        } else if scene.events.contains(where: { $0.geoPrecision == 3 }) {
            rows.append(("<circle r=\"6\" fill=\"#999999\" fill-opacity=\"0.55\" stroke=\"#fff\"/>", "Faded: only the region is known"))
        }
        let kinds = Set(scene.movements.compactMap { $0[property: "kind"]?.stringValue })
        for kind in ["reinforcement", "displacement", "offensive"] where kinds.contains(kind) || (kind == "offensive" && kinds.contains("movement")) {
            let dash = kind == "displacement" ? " stroke-dasharray=\"7 4\"" : ""
            rows.append(("<path d=\"M-10,0H8\" stroke=\"\(Palette.movement(kind))\" stroke-width=\"2.4\"\(dash) marker-end=\"url(#arrow-\(kind))\"/>",
                         Palette.movementLabel(kind)))
        }
        if !scene.frontlines.isEmpty {
            rows.append(("<path d=\"M-11,0H11\" stroke=\"\(Palette.frontLine)\" stroke-width=\"3\"/>", "Front line (model)"))
            if scene.frontlines.count > 1 {
                rows.append(("<path d=\"M-11,0H11\" stroke=\"\(Palette.earlierFrontLine)\" stroke-width=\"1.6\" stroke-dasharray=\"5 4\"/>", "Front line on the first day"))
            }
            var sides: [Side] = [.government, .opposition]
            if scene.frontlines.values.contains(where: { $0.sides[.turkish] != nil || $0.control.contains { $0.side == .turkish } }) {
                sides.append(.turkish)
            }
            for side in sides {
                let c = Palette.side(side)
                rows.append(("<rect x=\"-10\" y=\"-6\" width=\"20\" height=\"12\" fill=\"\(c)\" fill-opacity=\"0.3\"/><circle r=\"3.2\" fill=\"\(c)\" stroke=\"#fff\"/>",
                             Palette.sideLabel(side)))
            }
            if scene.frontlines.values.contains(where: { $0.contested != nil }) {
                rows.append(("<rect x=\"-10\" y=\"-6\" width=\"20\" height=\"12\" fill=\"url(#hatch)\"/>", Palette.sideLabel(.contested)))
            }
        }
        rows.append(("<path d=\"M-11,0H11\" stroke=\"\(Palette.highway)\" stroke-width=\"3\"/>", "Highway (M4, M5)"))
        rows.append(("<path d=\"M-11,0H11\" stroke=\"\(Palette.border)\" stroke-width=\"2\" stroke-dasharray=\"9 3 2 3\"/>", "Syria–Turkey border"))
        rows.append(("<path d=\"M-11,0H11\" stroke=\"\(Palette.governorate)\" stroke-width=\"1\" stroke-dasharray=\"5 3\"/>", "Governorate (approximate)"))
        let lw = 252.0, lh = Double(rows.count) * 21 + 30
        let x = view.width - lw - 12, y = 64.0
        take((x, y, x + lw, y + lh))
        out += "<g id=\"legend\" transform=\"translate(\(n(x)),\(n(y)))\">\n"
        out += "<rect width=\"\(n(lw))\" height=\"\(n(lh))\" rx=\"4\" fill=\"#fff\" fill-opacity=\"0.93\" stroke=\"#bbb\"/>\n"
        out += "<text x=\"12\" y=\"20\" font-weight=\"bold\" font-size=\"12.5\" fill=\"#222\">Legend</text>\n"
        for (i, row) in rows.enumerated() {
            let ry = 38.0 + Double(i) * 21
            out += "<g transform=\"translate(24,\(n(ry)))\">\(row.draw)</g>"
            out += "<text x=\"44\" y=\"\(n(ry + 4))\" font-size=\"11.5\" fill=\"#333\">\(xml(row.label))</text>\n"
        }
        out += "</g>\n"
        return out
    }

    mutating func scaleBar() -> String {
        var out = ""
        let (km, px) = view.scaleBar()
        let x = 18.0, y = view.height - 40
        take((x - 6, y - 22, x + px + 50, y + 10))
        let label = km >= 1 ? "\(Int(km)) km" : "\(Int(km * 1000)) m"
        out += "<g id=\"scale-bar\" font-size=\"11\" fill=\"#333\">"
        out += "<rect x=\"\(n(x - 6))\" y=\"\(n(y - 22))\" width=\"\(n(px + 60))\" height=\"30\" rx=\"3\" fill=\"#fff\" fill-opacity=\"0.85\"/>"
        out += "<rect x=\"\(n(x))\" y=\"\(n(y - 4))\" width=\"\(n(px / 2))\" height=\"5\" fill=\"#333\"/>"
        out += "<rect x=\"\(n(x + px / 2))\" y=\"\(n(y - 4))\" width=\"\(n(px / 2))\" height=\"5\" fill=\"#fff\" stroke=\"#333\"/>"
        out += "<text x=\"\(n(x))\" y=\"\(n(y - 8))\">0</text>"
        out += "<text x=\"\(n(x + px))\" y=\"\(n(y - 8))\" text-anchor=\"middle\">\(label)</text>"
        out += "<text x=\"\(n(x + px + 8))\" y=\"\(n(y + 2))\" font-size=\"9.5\" fill=\"#666\">geodesic at \(String(format: "%.2f", view.centre.lat))° N</text>"
        out += "</g>\n"
        return out
    }

    // MARK: Helpers

    /// The geometry cut to the view's neighbourhood (GEOS), or nil when nothing of it is in view. Throws
    /// `LayersError.geometry` with GEOS's message when the cut fails (never a silently missing layer).
    func clipped(_ g: Geometry?) throws -> Geometry? {
        guard let g, let b = g.boundingBox else { return nil }
        let v = view.geographicBox
        if b.east < v.west || b.west > v.east || b.north < v.south || b.south > v.north { return nil }
        if b.west >= v.west && b.east <= v.east && b.south >= v.south && b.north <= v.north { return g }
        let frame = Geometry.polygon([[Coordinate(lon: v.west, lat: v.south), Coordinate(lon: v.east, lat: v.south),
                                       Coordinate(lon: v.east, lat: v.north), Coordinate(lon: v.west, lat: v.north),
                                       Coordinate(lon: v.west, lat: v.south)]])
        let cut: Geometry
        do { cut = try g.intersection(frame) } catch {
            throw LayersError.geometry("a layer cannot be clipped to the map's frame: \(error)")
        }
        return cut.isEmpty ? nil : cut
    }

    /// SVG path data of lines and polygon rings, in pixels with one decimal.
    func path(_ g: Geometry) -> String {
        var d = ""
        for line in g.lines {
            d += "M" + view.pixels(line).map { "\(n($0.x)),\(n($0.y))" }.joined(separator: "L")
        }
        for polygon in g.polygons {
            for ring in polygon {
                d += "M" + view.pixels(ring).map { "\(n($0.x)),\(n($0.y))" }.joined(separator: "L") + "Z"
            }
        }
        return d
    }

    func inside(_ p: (x: Double, y: Double), margin: Double) -> Bool {
        p.x >= margin && p.y >= margin && p.x <= view.width - margin && p.y <= view.height - margin
    }

    func box(at p: (x: Double, y: Double), w: Double, h: Double) -> (x0: Double, y0: Double, x1: Double, y1: Double) {
        (p.x - w / 2, p.y - h / 2, p.x + w / 2, p.y + h / 2)
    }

    func free(_ b: (x0: Double, y0: Double, x1: Double, y1: Double)) -> Bool {
        !taken.contains { $0.x0 < b.x1 && b.x0 < $0.x1 && $0.y0 < b.y1 && b.y0 < $0.y1 }
    }

    mutating func take(_ b: (x0: Double, y0: Double, x1: Double, y1: Double)) { taken.append(b) }

    /// A pixel number with one decimal (no exponent, no "-0").
    func n(_ x: Double) -> String {
        let s = FixedDecimal.string(x, decimals: 1)
        return s == "-0" ? "0" : s
    }
}
