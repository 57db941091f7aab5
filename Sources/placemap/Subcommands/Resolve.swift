import ArgumentParser
import Foundation
import GeoModel
import Places

/// `placemap resolve NAME`: the gazetteer's answer to one place name.
struct Resolve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Resolve a place name (any usual spelling) to one gazetteer place.",
        discussion: """
            Prints the place, its precision (1 town, 2 near a town, 3 region), its score, whether the name was \
            ambiguous and the other candidates. An unknown name exits non-zero with suggestions on stderr.
            """)

    @Argument(help: "The place name, e.g. Saraqeb, \"Idlib province\", \"Taftanaz air base\".") var name: String
    @Option(help: "Text around the name (other places, cue words) to decide between places of one name.")
    var context: String?
    @Option(help: "A cue word: province, city, village, air base, crossing, near.") var cue: String?
    @Option(help: "The governorate the place should lie in.") var admin1: String?
    @Option(help: "Output: table, json or geojson.") var format: PlaceFormat = .table

    func run() throws {
        let g = try CLI.gazetteer(shapes: false)
        let r = try CLI.places { try g.resolve(name, context: ResolutionContext(text: context, cue: cue, admin1: admin1)) }
        switch format {
        case .table:
            var rows = [["id", "name", "kind", "lon", "lat", "geo_precision", "score", "ambiguous"]]
            rows.append([r.place.id, r.place.name, r.place.kind.rawValue, Format.fixed(r.place.coordinate.lon, 6),
                         Format.fixed(r.place.coordinate.lat, 6), "\(r.geoPrecision)", Format.fixed(r.score, 3),
                         "\(r.ambiguous)"])
            for c in r.candidates {
                rows.append(["  " + c.place.id, c.place.name, c.place.kind.rawValue, Format.fixed(c.place.coordinate.lon, 6),
                             Format.fixed(c.place.coordinate.lat, 6), "", Format.fixed(c.score, 3), "(candidate)"])
            }
            print(Format.table(rows))
        case .json:
            print(JSONWriter.string(PlaceJSON.resolution(r)))
        case .geojson:
            var f = PlaceJSON.feature(r.place)
            f.properties?["geo_precision"] = .int(r.geoPrecision)
            f.properties?["score"] = .number(r.score)
            f.properties?["ambiguous"] = .bool(r.ambiguous)
            print(GeoJSON.encode(FeatureCollection(features: [f])))
        }
    }
}

/// Output formats of the place commands.
enum PlaceFormat: String, ExpressibleByArgument, CaseIterable { case table, json, geojson }

/// Places as JSON values and GeoJSON features.
enum PlaceJSON {
    /// The `resolve --format json` object: id, name, kind, lon, lat, geo_precision, score, ambiguous, candidates.
    static func resolution(_ r: Resolution) -> JSONValue {
        .object([
            "id": .string(r.place.id), "name": .string(r.place.name), "kind": .string(r.place.kind.rawValue),
            "lon": .number(r.place.coordinate.lon), "lat": .number(r.place.coordinate.lat),
            "geo_precision": .int(r.geoPrecision), "score": .number(rounded(r.score)), "ambiguous": .bool(r.ambiguous),
            "candidates": .array(r.candidates.map { c in
                .object(["id": .string(c.place.id), "name": .string(c.place.name), "lon": .number(c.place.coordinate.lon),
                         "lat": .number(c.place.coordinate.lat), "score": .number(rounded(c.score))])
            }),
        ])
    }

    /// A place as a JSON object (id, name, kind, lon, lat, country, admin1, population).
    static func object(_ p: Place, metres: Double? = nil) -> JSONValue {
        var o: [String: JSONValue] = [
            "id": .string(p.id), "name": .string(p.name), "kind": .string(p.kind.rawValue),
            "lon": .number(p.coordinate.lon), "lat": .number(p.coordinate.lat), "country": .string(p.country),
            "admin1": .string(p.admin1), "population": .int(p.population),
        ]
        if let metres { o["distance_m"] = .number(rounded(metres, 2)) }
        return .object(o)
    }

    /// A place as a GeoJSON Point feature with the same properties as `object`.
    static func feature(_ p: Place, metres: Double? = nil) -> Feature {
        var props = object(p, metres: metres).objectValue ?? [:]
        props["lon"] = nil; props["lat"] = nil
        return Feature(id: .string(p.id), geometry: .point(p.coordinate), properties: props)
    }

    static func rounded(_ x: Double, _ decimals: Int = 4) -> Double {
        let f = Foundation.pow(10.0, Double(decimals))
        return (x * f).rounded() / f
    }
}
