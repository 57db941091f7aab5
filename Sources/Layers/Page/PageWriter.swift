import FileIO
import Control
import EventModel
import Foundation
import GeoModel

/// Writes `index.html` and its folder `page/`: Leaflet's files, the page's script and style, and data
/// files that call the script's loaders, so that `<script>` tags load them from `file://` (Chromium
/// refuses `fetch` of file URLs):
///
/// - `page/base.js`: `PlaceMap.base({...})` — titles, the days with their counts, the legend's symbols
///   and colours, the vector base (borders, governorates, highways, the most-named places);
/// - `page/views/all.js` and `page/views/YYYY-MM-DD.js`: `PlaceMap.view(KEY, {...})` — a view's events
///   as a flat array of points (longitude, latitude, symbol, event number, precision, label number)
///   when it has at most `pointLimit` events, else as a grid of counts by symbol; its front line,
///   control points and arrows. A day's file is loaded only when that day is shown;
/// - `page/events/NNNNNN.js`: `PlaceMap.details(N, [...])` — what a click shows (sources, rules) of
///   `eventsPerDetailsFile` events in output order, loaded when one of them is opened.
///
/// Events are formatted one at a time straight into their files (no text of all events is built).
public enum PageWriter {
    /// Events per details file.
    public static let eventsPerDetailsFile = 1000
    /// Views with more events than this show a grid of counts instead of one symbol an event.
    public static let pointLimit = 20_000
    /// The grid of a binned view has at most this many cells (cells double in size until it fits).
    public static let gridCellLimit = 4000
    /// The finest grid cell, in degrees of longitude and latitude (about a kilometre).
    public static let finestCellDegrees = 0.01

    /// Writes the page of `page` into the staging folder of `folder`; returns the number of files
    /// written. `done` is told how many events the details files hold so far, at each file. Throws
    /// `LayersError.unwritableOutput` or `PageError.missingLibrary`.
    @discardableResult
    public static func write(_ page: PageInput, leaflet: LeafletFiles, into folder: OutputFolder,
                             done: (Int) -> Void = { _ in }) throws -> Int {
        try leaflet.copy(into: folder)
        try ByteSink.write(PageScript.text, to: folder.stagingPath("page/placemap.js"))
        try ByteSink.write(PageStyle.text, to: folder.stagingPath("page/placemap.css"))
        var files = leaflet.items.count + 2
        files += try writeDetails(page, folder: folder)
        done(page.events.count)
        let all = try writeAll(page, folder: folder)
        files += 1
        let viewPaths = try page.days.map { try folder.stagingPath("page/views/\($0.day).js") }
        try ParallelWork.forEach(page.days.count) { k in
            let d = page.days[k]
            try writeView(key: "\(d.day)", page: page, indices: d.events, front: d.front, movements: d.movements,
                          to: viewPaths[k])
        }
        files += page.days.count
        try writeBase(page, summary: all, folder: folder)
        try ByteSink.write(PageHTML.render(page), to: folder.stagingPath("index.html"))
        return files + 2
    }

    // MARK: Details and "All days"

    /// What the pass over all events for "All days" found besides what it wrote.
    struct Summary {
        /// "points" or "grid": how "All days" shows the events.
        var allMode = "points"
        /// Events by symbol (`EventSymbol.allCases` order), for the legend.
        var symbolCounts = [Int](repeating: 0, count: EventSymbol.allCases.count)
        /// Events placed only at a region (precision 3), drawn faded.
        var regionEvents = 0
    }

    /// The details files, `eventsPerDetailsFile` events each in output order, formatted on every core (one
    /// file a task); returns how many were written.
    static func writeDetails(_ page: PageInput, folder: OutputFolder) throws -> Int {
        let chunks = (page.events.count + eventsPerDetailsFile - 1) / eventsPerDetailsFile
        let paths = try (0..<chunks).map { try folder.stagingPath(detailsPath($0)) }
        try ParallelWork.forEach(chunks) { chunk in
            let sink = try ByteSink(path: paths[chunk], bufferSize: 1 << 16)
            var w = ScriptJSON(reservingCapacity: 1 << 16)
            w.raw("PlaceMap.details(\(chunk),[")
            // By index into the array's storage: an event is read in place, not copied (with its strings) per use.
            page.events.withUnsafeBufferPointer { events in
                for i in chunk * eventsPerDetailsFile..<min(chunk * eventsPerDetailsFile + eventsPerDetailsFile, events.count) {
                    if i > chunk * eventsPerDetailsFile { w.raw(",\n") }
                    let explanation = page.explanations.isEmpty ? [] : page.explanations[events[i].id] ?? []
                    PageEvent(events[i], symbol: events[i].category.symbol, explanation: explanation).write(to: &w)
                    if w.bytes.count > 1 << 15 { w.drain(into: sink) }
                }
            }
            w.raw("]);\n")
            w.drain(into: sink)
            try sink.commit()
        }
        return chunks
    }

    /// The "All days" view (points, or a grid past `pointLimit` events) and the legend's counts, in one pass.
    static func writeAll(_ page: PageInput, folder: OutputFolder) throws -> Summary {
        let asPoints = page.events.count <= pointLimit
        var points = ViewPoints()
        var bins = EventBins()
        var summary = Summary()
        summary.allMode = asPoints ? "points" : "grid"
        page.events.withUnsafeBufferPointer { events in
            for i in events.indices {
                let symbol = events[i].category.symbol
                summary.symbolCounts[symbol.index] += 1
                if events[i].geoPrecision == 3 { summary.regionEvents += 1 }
                guard let c = events[i].coordinate else { continue }
                if asPoints {
                    points.add(events[i], symbol: symbol, index: i)
                } else {
                    bins.add(x: Int((c.lon / finestCellDegrees).rounded(.down)), y: Int((c.lat / finestCellDegrees).rounded(.down)),
                             at: c, symbol: symbol)
                }
            }
        }
        let sinkAll = try ByteSink(path: folder.stagingPath("page/views/all.js"), bufferSize: 1 << 16)
        var v = ScriptJSON()
        v.raw("PlaceMap.view(\"all\",{\"count\":\(page.events.count),")
        if asPoints { points.write(to: &v) } else { grid(bins).write(to: &v) }
        v.raw(",\"front\":")
        if let f = page.lastFront { write(front: f, to: &v) } else { v.raw("null") }
        v.raw(",\"movements\":")
        write(movements: page.movements, to: &v)
        v.raw("});\n")
        v.drain(into: sinkAll)
        try sinkAll.commit()
        return summary
    }

    /// `page/events/000012.js` for chunk 12.
    static func detailsPath(_ chunk: Int) -> String {
        let n = String(chunk)
        return "page/events/" + String(repeating: "0", count: max(0, 6 - n.count)) + n + ".js"
    }

    /// The grid of `bins`, coarsened until it has at most `gridCellLimit` cells.
    static func grid(_ bins: EventBins) -> ViewGrid {
        var bins = bins, factor = 1
        while bins.cells.count > gridCellLimit {
            bins = bins.coarsened(by: 2)
            factor *= 2
        }
        return ViewGrid(bins: bins, cellDegrees: finestCellDegrees * Double(factor))
    }

    // MARK: A day's view

    static func writeView(key: String, page: PageInput, indices: [Int32], front: PageFront?, movements: [PageMovement],
                          to path: String) throws {
        let sink = try ByteSink(path: path, bufferSize: 1 << 16)
        var w = ScriptJSON()
        w.raw("PlaceMap.view(")
        w.string(key)
        w.raw(",{\"count\":\(indices.count),")
        page.events.withUnsafeBufferPointer { events in
            if indices.count <= pointLimit {
                var points = ViewPoints()
                for k in indices { points.add(events[Int(k)], symbol: events[Int(k)].category.symbol, index: Int(k)) }
                points.write(to: &w)
            } else {
                var bins = EventBins()
                for k in indices {
                    guard let c = events[Int(k)].coordinate else { continue }
                    bins.add(x: Int((c.lon / finestCellDegrees).rounded(.down)), y: Int((c.lat / finestCellDegrees).rounded(.down)),
                             at: c, symbol: events[Int(k)].category.symbol)
                }
                grid(bins).write(to: &w)
            }
        }
        w.raw(",\"front\":")
        if let front { write(front: front, to: &w) } else { w.raw("null") }
        w.raw(",\"movements\":")
        write(movements: movements, to: &w)
        w.raw("});\n")
        w.drain(into: sink)
        try sink.commit()
    }

    static func write(front f: PageFront, to w: inout ScriptJSON) {
        w.raw("{\"advance_km\":"); w.number(f.advanceKm, decimals: 1)
        w.raw(",\"changed_hands\":"); w.list(f.changedHands) { $0.string($1) }
        w.raw(",\"changed_km2\":"); w.number(f.changedKm2, decimals: 1)
        w.raw(",\"control\":")
        w.list(f.control) { w, c in
            w.raw("["); w.lonLat(c.coordinate); w.raw(","); w.string(c.side.rawValue); w.raw(","); w.string(c.place); w.raw("]")
        }
        w.raw(",\"day\":"); w.string("\(f.day)")
        w.raw(",\"length_km\":"); w.number(f.lengthKm, decimals: 1)
        w.raw(",\"line\":"); w.geometry(f.line)
        w.raw(",\"sides\":{")
        var first = true
        for side in f.sides.keys.sorted(by: { $0.rawValue < $1.rawValue }) {
            guard let g = f.sides[side] else { continue }
            if !first { w.raw(",") }
            first = false
            w.string(side.rawValue); w.raw(":"); w.geometry(g)
        }
        w.raw("}}")
    }

    static func write(movements: [PageMovement], to w: inout ScriptJSON) {
        w.list(movements) { w, m in
            w.raw("{\"end\":"); w.string(m.end?.description)
            w.raw(",\"event_id\":"); w.string(m.eventID)
            w.raw(",\"from\":"); w.string(m.from)
            w.raw(",\"kind\":"); w.string(m.kind)
            w.raw(",\"length_km\":")
            if let km = m.lengthKm { w.number(km, decimals: 1) } else { w.raw("null") }
            w.raw(",\"line\":"); w.positions(m.line)
            w.raw(",\"start\":"); w.string(m.start?.description)
            w.raw(",\"to\":"); w.string(m.to)
            w.raw("}")
        }
    }

    // MARK: base.js

    static func writeBase(_ page: PageInput, summary: Summary, folder: OutputFolder) throws {
        var w = ScriptJSON(reservingCapacity: 1 << 16)
        w.raw("PlaceMap.base(")
        w.value(PageBaseData.json(page, summary: summary))
        w.raw(");\n")
        try ByteSink.write(w.bytes, to: folder.stagingPath("page/base.js"))
    }
}

/// A view's events as points: a flat array of six numbers an event (longitude, latitude, symbol number,
/// event number, geographic precision, label number) and the distinct labels.
struct ViewPoints {
    private var w = ScriptJSON(reservingCapacity: 1 << 14)
    private var labels: [String] = []
    /// Label numbers by what the label is made of: the text is built once a distinct label, not once an event.
    private var labelIndex: [LabelKey: Int] = [:]
    /// Label numbers by text (two keys may read the same).
    private var labelByText: [String: Int] = [:]
    private var count = 0

    /// What `PageEvent.label` is made of.
    struct LabelKey: Hashable {
        let category: EventCategory, direction: String?, place: String
    }

    mutating func add(_ e: Event, symbol: EventSymbol, index: Int) {
        guard let c = e.coordinate else { return }
        let key = LabelKey(category: e.category, direction: e.direction, place: e.place)
        let l: Int
        if let k = labelIndex[key] {
            l = k
        } else {
            let label = PageEvent.label(e)
            if let k = labelByText[label] { l = k } else { l = labels.count; labels.append(label); labelByText[label] = l }
            labelIndex[key] = l
        }
        if count > 0 { w.raw(",") }
        w.lonLat(c)
        w.raw(",\(symbol.index),\(index),\(e.geoPrecision),\(l)")
        count += 1
    }

    func write(to out: inout ScriptJSON) {
        out.raw("\"mode\":\"points\",\"points\":[")
        out.raw(w.text)
        out.raw("],\"labels\":")
        out.list(labels) { $0.string($1) }
    }
}

/// A view's events as a grid: cell size in degrees and, per cell, the mean position, the count and
/// the counts by symbol (`EventSymbol.allCases` order), flattened.
struct ViewGrid {
    var bins: EventBins
    var cellDegrees: Double

    func write(to out: inout ScriptJSON) {
        out.raw("\"mode\":\"grid\",\"cell_deg\":")
        out.number(cellDegrees, decimals: 4)
        out.raw(",\"binned\":\(bins.total),\"cells\":[")
        for (k, entry) in bins.sorted.enumerated() {
            if k > 0 { out.raw(",") }
            out.lonLat(entry.bin.centre)
            out.raw(",\(entry.bin.count)")
            for n in entry.bin.bySymbol { out.raw(",\(n)") }
        }
        out.raw("]")
    }
}
