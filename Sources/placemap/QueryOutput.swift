import ArgumentParser
import Events
import Foundation
import GeoModel
import Places
import Queries

/// Output formats of the query commands.
enum QueryFormat: String, ExpressibleByArgument, CaseIterable { case table, json, geojson, csv }

extension CLI {
    /// Runs a command body, turning any error into one line on stderr (`placemap: error: ...`) and
    /// exit status 1.
    static func reporting(_ body: () throws -> Void) throws {
        do { try body() } catch let e as ExitCode { throw e } catch {
            let message = (error as? ValidationError)?.message ?? "\(error)"
            FileHandle.standardError.write(Data("placemap: error: \(message)\n".utf8))
            throw ExitCode.failure
        }
    }

    /// Runs `body`, turning any error into one line on stderr and exit status 1.
    static func reportingValue<T>(_ body: () throws -> T) throws -> T {
        var value: T?
        try reporting { value = try body() }
        return value!
    }

    /// The centre of a query: a place name (gazetteer) or `--at LON,LAT`, exactly one of them.
    static func center(place: String?, at: String?) throws -> Coordinate {
        switch (place, at) {
        case (let p?, nil): return try position(p) { try gazetteer(shapes: false) }
        case (nil, let a?): return try coordinate(a)
        case (nil, nil): throw ValidationError("give a place name or --at LON,LAT")
        default: throw ValidationError("give either a place name or --at LON,LAT, not both")
        }
    }

    /// A `YYYY-MM-DD` option, or nil when absent; throws naming the option when malformed.
    static func day(_ text: String?, _ option: String) throws -> Day? {
        guard let text else { return nil }
        guard let d = Day(iso: text) else { throw ValidationError("\(option) \"\(text)\" is not a date (YYYY-MM-DD)") }
        return d
    }
}

/// Rendering query hits: events with a distance (km) and a bearing (degrees from north).
enum QueryOutput {
    /// Distance in km with three decimals (metres) and bearing with one decimal.
    static func render(_ hits: [NearHit], format: QueryFormat) -> String {
        func km(_ h: NearHit) -> Double { (h.distance).rounded() / 1000 }
        func bearing(_ h: NearHit) -> Double { (h.bearing * 10).rounded() / 10 }
        switch format {
        case .table:
            var rows = [["km", "bearing", "date", "type", "sub_type", "place", "id"]]
            for h in hits {
                let e = h.event
                let date = e.start.map { s in e.end.map { $0 == s ? "\(s)" : "\(s)..\($0)" } ?? "\(s)" } ?? ""
                rows.append([Format.fixed(h.distance / 1000, 3), Format.fixed(h.bearing, 1), date, e.type, e.subType,
                             e.place, e.id])
            }
            return Format.table(rows) + "\n"
        case .json:
            return JSONWriter.string(.array(hits.map { h in
                var o = h.event.json.objectValue ?? [:]
                o["distance_km"] = .number(km(h))
                o["bearing_deg"] = .number(bearing(h))
                return .object(o)
            })) + "\n"
        case .geojson:
            return GeoJSON.encode(FeatureCollection(features: hits.map {
                EventGeoJSON.feature($0.event, extra: ["distance_km": .number(km($0)), "bearing_deg": .number(bearing($0))])
            })) + "\n"
        case .csv:
            var out = CSVWriter.row(EventCSV.columns + ["distance_km", "bearing_deg"])
            for h in hits {
                out += CSVWriter.row(EventCSV.fields(h.event) + [Format.fixed(h.distance / 1000, 3), Format.fixed(h.bearing, 1)])
            }
            return out
        }
    }
}
