import EventModel
import Foundation
import GeoModel
import Queries
import Store

/// Bench rows of the stores: ingesting an events CSV into a GeoPackage and into PostGIS, and 1000 `near`
/// listings on each, next to the in-memory index and to what a user would do by hand, all in the same
/// run: `ogr2ogr -f GPKG` of the same CSV, and `psql` with `\copy` into a table with a generated
/// geography column and a GiST index built after.
public enum StoreBench {
    /// Adds the rows for the CSV at `csvPath` (gen_events.py's columns `id,date,lon,lat,type,place,fatalities,source`).
    /// PostGIS rows run when `postgres` (a URL of an empty database on which the login may create tables)
    /// is given. Programs not installed (`ogr2ogr`, `psql`) leave their baseline out with a note.
    /// - Throws: `StoreError` or `EventFileError` when the store or the file fails.
    /// The radius of the `near` rows, kilometres.
    static let radiusKm = 1.0

    public static func run(csvPath: String, postgres: String?, into table: inout BenchTable) throws {
        guard FileManager.default.fileExists(atPath: csvPath) else {
            table.add("store: \(csvPath) is absent (make bench makes it with gen_events.py)", size: "", "skipped")
            return
        }
        let mb = Double((try FileManager.default.attributesOfItem(atPath: csvPath)[.size] as? Int) ?? 0) / 1e6
        let work = NSTemporaryDirectory() + "placemap-store-bench-\(getpid())"
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: work) }

        // The same path as `placemap ingest FILE.csv`: SHA-256 of the bytes, the CSV read, one transaction.
        var events: [Event] = []
        var tRead = 0.0
        func ingest(_ store: any EventStore) throws -> Double {
            try measureSeconds {
                var input: StoreInput!
                tRead = try measureSeconds {
                    let sha = try EventFiles.bytes(of: csvPath).withUnsafeBytes { SHA256.hex($0) }
                    events = try EventFiles.load(path: csvPath)
                    input = StoreInput(name: (csvPath as NSString).lastPathComponent, kind: .events, date: nil, sha256: sha,
                                       events: events.filter { $0.kind == .event }, statements: events.filter { $0.kind == .statement })
                }
                _ = try store.ingest(IngestBatch(inputs: [input]), readAt: IngestClock.now())
            }
        }
        let gpkgPath = work + "/store.gpkg"
        let gpkg = try GeoPackageStore(path: gpkgPath, create: true)
        let tGpkg = try ingest(gpkg)
        let size = "\(BenchFormat.grouped(Double(events.count))) events, \(String(format: "%.0f", mb)) MB"
        let ogr = ogr2ogrSeconds(csv: csvPath, out: work + "/ogr.gpkg")
        table.add("store: ingest CSV into a GeoPackage (R-tree, sources)", size: size, String(format: "%.2f s (reading the CSV and its SHA-256 %.2f s)", tGpkg, tRead),
                  baseline: ogr.map { String(format: "ogr2ogr -f GPKG (R-tree): %.2f s", $0) } ?? "ogr2ogr not installed")

        // 1000 centres among the events' points, full listings (sorted, distance and bearing) within 1 km:
        // about 600 events each in the generator's clusters (10 km lists some 50,000, each read whole).
        let index = EventIndex(events, filter: EventFilter())
        var rng = SplitMix64(seed: 2020)
        let centres = (0..<1000).map { _ in index.events[index.kept[Int(rng.next() % UInt64(index.kept.count))]].coordinate! }
        var inMemory: [[String]] = []
        let tMemory = try measureSeconds {
            for c in centres { inMemory.append(try index.near(center: c, km: radiusKm).map(\.event.id)) }
        }
        let memory = String(format: "in-memory index (EventIndex.near): %.2f s", tMemory)
        func nearRow(_ name: String, _ store: any EventStore) throws {
            var hits = 0
            let t = try measureSeconds {
                for (k, c) in centres.enumerated() {
                    let found = try store.near(try NearQuery(center: c, km: radiusKm), gazetteer: nil)
                    precondition(found.map(\.event.id) == inMemory[k], "the store and the index disagree at \(c)")
                    hits += found.count
                }
            }
            table.add("store: 1000 near listings on \(name), 1 km", size: size,
                      String(format: "%.2f s (%.2f ms each, ", t, t) + "\(BenchFormat.grouped(Double(hits))) hits)", baseline: memory)
        }
        try nearRow("the GeoPackage (R-tree + geodesic)", gpkg)

        guard let postgres else {
            table.add("store: PostGIS rows", size: "", "skipped: give --postgres URL (an empty database)")
            return
        }
        let pg = try PostGISStore(url: postgres, create: true)
        let tPg = try ingest(pg)
        let byHand = psqlCopySeconds(csv: csvPath, url: postgres)
        table.add("store: ingest CSV into PostGIS (COPY, GiST)", size: size, String(format: "%.2f s (reading the CSV and its SHA-256 %.2f s)", tPg, tRead),
                  baseline: byHand.map { String(format: "psql \\copy + GiST by hand: %.2f s", $0) } ?? "psql not installed")
        try nearRow("PostGIS (ST_DWithin + geodesic)", pg)
    }

    /// Seconds of `ogr2ogr -f GPKG` of the CSV as points (its R-tree built), or nil without ogr2ogr.
    static func ogr2ogrSeconds(csv: String, out: String) -> Double? {
        guard let exe = which("ogr2ogr") else { return nil }
        return try? measureSeconds {
            try run(exe, ["-f", "GPKG", out, csv, "-oo", "X_POSSIBLE_NAMES=lon", "-oo", "Y_POSSIBLE_NAMES=lat",
                          "-oo", "AUTODETECT_TYPE=YES", "-a_srs", "EPSG:4326", "-nln", "events"])
        }
    }

    /// Seconds of loading the CSV by hand with psql: a table with a generated geography column, `\copy`,
    /// then a GiST index; or nil without psql.
    static func psqlCopySeconds(csv: String, url: String) -> Double? {
        guard let exe = which("psql") else { return nil }
        let sql = """
            DROP TABLE IF EXISTS public.by_hand;
            CREATE TABLE public.by_hand (id text, date date, lon double precision, lat double precision, type text,
              place text, fatalities integer, source text,
              geog geography(Point, 4326) GENERATED ALWAYS AS (ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography) STORED);
            \\copy public.by_hand (id, date, lon, lat, type, place, fatalities, source) FROM '\(csv)' CSV HEADER
            CREATE INDEX by_hand_geog ON public.by_hand USING GIST (geog);
            """
        return try? measureSeconds { try run(exe, [url, "-q", "-v", "ON_ERROR_STOP=1", "-c", "SET client_min_messages = warning"] + ["-f", "-"], input: sql) }
    }

    static func which(_ name: String) -> URL? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let url = URL(fileURLWithPath: String(dir)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }

    struct ProgramFailed: Error { let status: Int32 }

    /// Runs a program to its end (output discarded, `input` on stdin); throws when it fails.
    static func run(_ exe: URL, _ arguments: [String], input: String? = nil) throws {
        let p = Process()
        p.executableURL = exe
        p.arguments = arguments
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        let pipe = Pipe()
        if input != nil { p.standardInput = pipe }
        try p.run()
        if let input {
            pipe.fileHandleForWriting.write(Data(input.utf8))
            try pipe.fileHandleForWriting.close()
        }
        p.waitUntilExit()
        if p.terminationStatus != 0 { throw ProgramFailed(status: p.terminationStatus) }
    }
}
