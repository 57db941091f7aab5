import EventModel
import GeoModel

/// Events counted in square cells of a grid (degrees for the page, pixels for map.svg), each cell with
/// its count by symbol and the mean position of its events. Every event added lands in exactly one
/// cell, so the cells' counts add up to the events added.
struct EventBins {
    /// One cell: its events by symbol (`EventSymbol.allCases` order) and the sum of their positions.
    struct Bin {
        var count = 0
        var bySymbol = [Int](repeating: 0, count: EventSymbol.allCases.count)
        var lonSum = 0.0, latSum = 0.0

        /// The mean position of the cell's events.
        var centre: Coordinate { Coordinate(lon: lonSum / Double(count), lat: latSum / Double(count)) }

        /// The symbol most of its events have (the first in `allCases` order on a tie).
        var dominant: EventSymbol {
            let i = bySymbol.indices.max { bySymbol[$0] != bySymbol[$1] ? bySymbol[$0] < bySymbol[$1] : $0 > $1 }!
            return EventSymbol.allCases[i]
        }

        /// Counts one event of symbol number `i` at `at`.
        mutating func add(_ at: Coordinate, symbol i: Int) {
            count += 1
            bySymbol[i] += 1
            lonSum += at.lon; latSum += at.lat
        }

        mutating func merge(_ b: Bin) {
            count += b.count
            for i in bySymbol.indices { bySymbol[i] += b.bySymbol[i] }
            lonSum += b.lonSum; latSum += b.latSum
        }
    }

    /// Cells by their column and row.
    private(set) var cells: [Cell: Bin] = [:]

    /// A cell's column and row.
    struct Cell: Hashable, Comparable {
        var x: Int, y: Int
        static func < (a: Cell, b: Cell) -> Bool { a.y != b.y ? a.y < b.y : a.x < b.x }
    }

    /// The number of events added.
    private(set) var total = 0

    /// Adds an event at `at` (its true position) to cell (`x`, `y`).
    mutating func add(x: Int, y: Int, at: Coordinate, symbol: EventSymbol) {
        cells[Cell(x: x, y: y), default: Bin()].add(at, symbol: symbol.index)  // one lookup, changed in place
        total += 1
    }

    /// The cells in row, then column order (a stable order for output).
    var sorted: [(cell: Cell, bin: Bin)] { cells.keys.sorted().map { ($0, cells[$0]!) } }

    /// The same events on a grid `factor` times coarser (cells merged; columns and rows floor-divided).
    func coarsened(by factor: Int) -> EventBins {
        var out = EventBins()
        out.total = total
        // In cell order: the sums of positions, and so the centres, are the same on every run.
        for (c, b) in sorted {
            let key = Cell(x: Self.floorDiv(c.x, factor), y: Self.floorDiv(c.y, factor))
            if out.cells[key] == nil { out.cells[key] = b } else { out.cells[key]!.merge(b) }
        }
        return out
    }

    static func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }
}

extension EventSymbol {
    /// The position in `allCases` (the page's symbol number).
    var index: Int {
        switch self {
        case .airStrike: return 0
        case .shelling: return 1
        case .clash: return 2
        case .attack: return 3
        case .territory: return 4
        case .siege: return 5
        case .deployment: return 6
        case .displacement: return 7
        case .other: return 8
        }
    }
}
