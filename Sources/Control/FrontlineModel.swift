import Foundation
import GeoModel
import Geodesy
import Topology
import EventModel
import Places

/// Front lines day by day: the area of interest split among the settlements of the control table by a
/// Voronoi diagram in the UTM zone of the area, each cell taking its settlement's side; the line is the
/// boundary between the cells of one side (`lineSide`: by default the table's first side, `government` in
/// the bundled Idlib table) and all others. See Sources/Control/README.md for the method and its limits.
///
/// Holds a PROJ transformation and caches (cells per set of settlements, each computed day): use one
/// instance per thread.
public final class FrontlineModel {
    /// Who holds what, day by day.
    public let table: ControlTable
    /// The area of interest (WGS84), fixed for every day.
    public let area: Geometry
    /// The projected CRS the split is computed in ("EPSG:326NN").
    public let crs: String
    /// The side whose boundary with all other sides is the front line.
    public let lineSide: Side
    /// Every side of the table, `lineSide` first and `contested` last (the order of figures and layers).
    public let sideOrder: [Side]
    /// Spacing in metres of the points on the changed area's rings over which `advanceKm` is taken.
    public var advanceSampleMetres = 100.0

    private let toUTM: Transformation
    private let areaUTM: Geometry
    private let sitesUTM: [String: Coordinate]
    private let envelope: Geometry
    private var cellCache: [[String]: [String: Geometry]] = [:]
    private var planarCache: [Day: PlanarDay] = [:]

    /// The planar (UTM) state of one day, kept to measure the next day's changes.
    struct PlanarDay {
        var sides: [Side: Geometry]
        var line: Geometry
        var control: [String: Side]
    }

    /// A model over `table` with a fixed area of interest `area` (a WGS84 Polygon or MultiPolygon), whose
    /// line is the boundary of `lineSide` (nil: the table's first side). Throws `ControlError.area` when the
    /// area holds no polygon, `.unknownSide` when the table does not name `lineSide` (or names only
    /// `contested`), `.geometry` when PROJ fails.
    public init(table: ControlTable, area: Geometry, lineSide: Side? = nil) throws {
        guard !area.polygons.isEmpty, let box = area.boundingBox else {
            throw ControlError.area("the area of interest must be a Polygon or MultiPolygon")
        }
        guard let side = lineSide ?? table.firstSide, side != .contested, table.sides.contains(side) else {
            throw ControlError.unknownSide(lineSide ?? .contested, known: table.sides)
        }
        self.lineSide = side
        sideOrder = [side] + table.sides.filter { $0 != side && $0 != .contested } + [.contested]
        self.table = table
        self.area = area
        let centre = Coordinate(lon: (box.west + box.east) / 2, lat: (box.south + box.north) / 2)
        crs = CRS.utm(for: centre)
        do {
            toUTM = try Transformation(from: CRS.wgs84, to: crs)
            areaUTM = try Planar.transform(area, toUTM)
            let ids = table.placeIDs
            let projected = try toUTM.forward(ids.map { table.coordinates[$0]! })
            sitesUTM = Dictionary(uniqueKeysWithValues: zip(ids, projected))
        } catch let e as GeodesyError { throw ControlError.geometry(e.description) }
        // The diagram covers the area and every site, with a margin, so that no cell is cut short inside the area.
        var all = BoundingBox(covering: areaUTM.coordinates + Array(sitesUTM.values))!
        let margin = max(all.east - all.west, all.north - all.south, 1000)
        all = BoundingBox(west: all.west - margin, south: all.south - margin, east: all.east + margin, north: all.north + margin)
        envelope = .polygon([[Coordinate(x: all.west, y: all.south), Coordinate(x: all.east, y: all.south),
                              Coordinate(x: all.east, y: all.north), Coordinate(x: all.west, y: all.north),
                              Coordinate(x: all.west, y: all.south)]])
    }

    /// The default area of interest: the convex hull of `settlements` (WGS84), buffered by `bufferMetres`
    /// in their UTM zone, and cut to `outline` (a country's polygon, WGS84) when given. Throws
    /// `ControlError.area` when the settlements are fewer than one or the cut leaves nothing.
    public static func defaultArea(settlements: [Coordinate], outline: Geometry?, bufferMetres: Double = 5000) throws -> Geometry {
        guard let box = BoundingBox(covering: settlements) else { throw ControlError.area("no settlement to draw a hull around") }
        do {
            let t = try Transformation(from: CRS.wgs84, to: CRS.utm(for: Coordinate(lon: (box.west + box.east) / 2,
                                                                                   lat: (box.south + box.north) / 2)))
            let hullUTM = try Geometry.multiPoint(try t.forward(settlements)).convexHull().buffer(bufferMetres)
            var hull = try Planar.transform(hullUTM, t, inverse: true)
            // The outline is cut as drawn: its edges are straight in longitude and latitude (RFC 7946 §3.1.1).
            if let outline { hull = try hull.intersection(outline).asMultiPolygon }
            guard !hull.polygons.isEmpty else {
                throw ControlError.area("the settlements' hull does not overlap the country outline")
            }
            return hull
        } catch let e as GeodesyError { throw ControlError.geometry(e.description) }
        catch let e as TopologyError { throw ControlError.geometry(e.description) }
    }

    /// The front line and figures of `day`. Changes (`changedKm2`, `advanceKm`, `movements`) compare with
    /// the previous calendar day when the table covers it, else they are 0 and empty. Throws
    /// `ControlError.beforeData` for a day before the table, `.tooFewSettlements` when fewer than two
    /// settlements hold a side, `.geometry` when GEOS or PROJ fails.
    public func day(_ day: Day) throws -> FrontlineDay {
        do { return try computeDay(day) }
        catch let e as GeodesyError { throw ControlError.geometry(e.description) }
        catch let e as TopologyError { throw ControlError.geometry(e.description) }
    }

    /// Every day from `from` to `to`, both included. Throws as `day(_:)` does, and `ControlError.badRange`.
    public func range(from: Day, to: Day) throws -> [FrontlineDay] {
        guard from <= to else { throw ControlError.badRange(from: from, to: to) }
        return try (0...from.days(to: to)).map { try day(from.adding(days: $0)) }
    }

    // MARK: - Computation

    private func computeDay(_ d: Day) throws -> FrontlineDay {
        let control = try table.control(on: d)
        let planar = try planarDay(d, control: control)
        let previous: PlanarDay? = d.adding(days: -1) >= table.firstDay ? try planarDay(d.adding(days: -1)) : nil
        let g = Geodesic.wgs84

        let lineWGS = try Planar.transform(planar.line, toUTM, inverse: true)
        var sidesWGS: [Side: Geometry] = [:]
        var areaKm2: [String: Double] = Dictionary(uniqueKeysWithValues: sideOrder.map { ($0.rawValue, 0.0) })
        for (side, geometry) in planar.sides {
            let w = try Planar.transform(geometry, toUTM, inverse: true)
            sidesWGS[side] = w
            areaKm2[side.rawValue] = g.area(of: w) / 1e6
        }

        var changedKm2 = 0.0, advanceKm = 0.0
        var movements: [Movement] = []
        if let previous {
            var changed: [[[Coordinate]]] = []
            for (side, now) in planar.sides {
                let gained = previous.sides[side].map { try? now.difference($0) } ?? now
                guard let gained else { throw ControlError.geometry("difference of the \(side) areas failed") }
                changed += gained.polygons
            }
            let changedGeometry = Geometry.multiPolygon(changed)
            changedKm2 = g.area(of: try Planar.transform(changedGeometry, toUTM, inverse: true)) / 1e6
            let previousLine = SegmentIndex(lines: previous.line.lines)
            if !previousLine.isEmpty {
                for v in Planar.densifiedVertices(of: changedGeometry, step: advanceSampleMetres) {
                    advanceKm = max(advanceKm, (previousLine.nearest(to: v)?.distance ?? 0) / 1000)
                }
                for c in control {
                    guard let before = previous.control[c.placeID], before != c.side,
                          let near = previousLine.nearest(to: sitesUTM[c.placeID]!) else { continue }
                    let start = try toUTM.inverse(near.point), end = table.coordinates[c.placeID]!
                    movements.append(Movement(placeID: c.placeID, place: c.place, fromSide: before, toSide: c.side,
                                              arrow: .lineString([start, end]),
                                              lengthKm: g.distance(from: start, to: end) / 1000))
                }
            }
        }

        var distances: [PlaceDistance] = []
        let line = SegmentIndex(lines: planar.line.lines)
        if !line.isEmpty {
            let nearest = control.map { line.nearest(to: sitesUTM[$0.placeID]!)! }
            let points = try toUTM.inverse(nearest.map(\.point))
            for (i, c) in control.enumerated() {
                let p = points[i]
                distances.append(PlaceDistance(placeID: c.placeID, place: c.place, side: c.side,
                                               distanceKm: g.distance(from: table.coordinates[c.placeID]!, to: p) / 1000,
                                               nearestPoint: p))
            }
        }
        return FrontlineDay(date: d, lineSide: lineSide, sideOrder: sideOrder, line: lineWGS, sides: sidesWGS,
                            lengthKm: g.length(of: lineWGS) / 1000,
                            areaKm2: areaKm2, changedKm2: changedKm2, advanceKm: advanceKm, control: control,
                            placeDistances: distances, movements: movements)
    }

    private func planarDay(_ d: Day, control given: [PlaceControl]? = nil) throws -> PlanarDay {
        if let cached = planarCache[d] { return cached }
        let control = try given ?? table.control(on: d)
        let ids = control.map(\.placeID)
        guard Set(ids.map { sitesUTM[$0]! }).count >= 2 else { throw ControlError.tooFewSettlements(day: d, count: ids.count) }
        let cells = try self.cells(for: ids)
        let split = try FrontlineSplit.compute(cells: control.compactMap { c in cells[c.placeID].map { ($0, c.side) } },
                                               area: areaUTM, lineSide: lineSide)
        let result = PlanarDay(sides: split.sides, line: split.line,
                               control: Dictionary(uniqueKeysWithValues: control.map { ($0.placeID, $0.side) }))
        planarCache[d] = result
        return result
    }

    /// The Voronoi cells (UTM) of a set of settlements, cached: the set changes only when a place enters the table.
    private func cells(for ids: [String]) throws -> [String: Geometry] {
        if let cached = cellCache[ids] { return cached }
        let cells = try Voronoi.cells(sites: ids.map { sitesUTM[$0]! }, envelope: envelope)
        var out: [String: Geometry] = [:]
        for (id, cell) in zip(ids, cells) { if let cell { out[id] = cell } }
        cellCache[ids] = out
        return out
    }
}

/// The split of an area among sides from Voronoi cells (planar): one union per side (coverage union), the line
/// as the boundary of one side's union (`lineSide`) shared with the union of all other sides, clipped to the area.
public enum FrontlineSplit {
    /// Sides' MultiPolygons clipped to `area`, and the front line (the boundary of `lineSide`) as a
    /// MultiLineString, from cells paired with their sides (all in one planar CRS). Throws `TopologyError`
    /// when GEOS fails.
    public static func compute(cells: [(Geometry, Side)], area: Geometry,
                               lineSide: Side = .government) throws -> (sides: [Side: Geometry], line: Geometry) {
        var bySide: [Side: [[[Coordinate]]]] = [:]
        for (cell, side) in cells { bySide[side, default: []] += cell.polygons }
        var unions: [Side: Geometry] = [:]
        for (side, polygons) in bySide { unions[side] = try union(of: polygons) }
        var sides: [Side: Geometry] = [:]
        for (side, u) in unions {
            let clipped = try u.intersection(area).asMultiPolygon
            if !clipped.polygons.isEmpty { sides[side] = clipped }
        }
        var line = Geometry.multiLineString([])
        let others = unions.filter { $0.key != lineSide }.values.flatMap(\.polygons)
        if let own = unions[lineSide], !others.isEmpty {
            let rest = unions.count == 2 ? Geometry.multiPolygon(others) : try union(of: others)
            let shared = try own.boundary().intersection(rest)
            let clipped = try shared.asMultiLineString.intersection(area)
            line = try clipped.asMultiLineString.lineMerge().asMultiLineString
        }
        return (sides, line)
    }

    /// The union of polygons that tile the plane edge to edge (Voronoi cells, or unions of them): GEOS's
    /// coverage union, which only drops shared edges; `unaryUnion` when GEOS finds edges that do not match.
    static func union(of polygons: [[[Coordinate]]]) throws -> Geometry {
        let all = Geometry.multiPolygon(polygons)
        if let u = try? all.coverageUnion() { return u }
        return try all.unaryUnion()
    }
}

extension FrontlineModel {
    /// A model over `table` with the area of interest `area`, or by default the hull of every settlement
    /// of the table buffered 5 km and cut to Syria's outline (the `borders` feature with id "SY"); the line
    /// is the boundary of `lineSide` (nil: the table's first side).
    /// Throws `ControlError.area` when the gazetteer has no such outline and no area is given, and as
    /// `init(table:area:lineSide:)`.
    public convenience init(gazetteer: Gazetteer, table: ControlTable, area: Geometry? = nil, lineSide: Side? = nil) throws {
        if let area {
            try self.init(table: table, area: area, lineSide: lineSide)
            return
        }
        guard let outline = gazetteer.borders.features.first(where: { $0[property: "id"]?.stringValue == "SY" })?.geometry else {
            throw ControlError.area("the gazetteer's borders.geojson has no Syria outline (a feature with id \"SY\")")
        }
        let settlements = table.placeIDs.map { table.coordinates[$0]! }
        try self.init(table: table, area: try FrontlineModel.defaultArea(settlements: settlements, outline: outline),
                      lineSide: lineSide)
    }
}

extension ControlTable {
    /// The bundled control table, `control/control.csv` in the gazetteer's folder. Throws as `init(path:gazetteer:)`.
    public static func loadDefault(gazetteer: Gazetteer) throws -> ControlTable {
        try ControlTable(path: gazetteer.directory.appendingPathComponent("control/control.csv").path, gazetteer: gazetteer)
    }
}
