import ArgumentParser
import Foundation
import GeoModel
import Places

/// `placemap gazetteer`: look after the gazetteer's data.
struct GazetteerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gazetteer",
        abstract: "Check the gazetteer, import places from a GeoNames dump, or add a place.",
        discussion: """
            Places of your own live in folders named by PLACEMAP_GAZETTEER_PATH (colon-separated, like PATH): \
            every *.tsv there is read on top of the bundled Gazetteer/ by every command. A place the gazetteer \
            already has (same id, or a settlement of the same name within 500 m) gains the folder's spellings.
            """,
        subcommands: [Stats.self, Import.self, Add.self])

    /// `placemap gazetteer stats`: counts, and the keys several places share.
    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load the gazetteer, print its counts (by kind, settlements by source) and the folding keys that several places share.")

        @Flag(help: "List every collision.") var verbose = false
        @Option(help: "Count only the places within --km of this place name or LON,LAT (geodesic).") var near: String?
        @Option(parsing: .unconditional, help: "The radius around --near in kilometres.") var km: Double?

        func validate() throws {
            if (near == nil) != (km == nil) { throw ValidationError("give --near and --km together") }
            if let km, !(km.isFinite && km >= 0) { throw ValidationError("--km must be a distance of 0 or more kilometres") }
        }

        func run() throws {
            let g = try CLI.gazetteer()
            print("directory: \(g.directory.path)")
            for l in g.layers {
                print("user folder: \(l.directory.path) (\(l.files.joined(separator: ", "))): \(l.added) places added, "
                      + "\(l.merged) merged into places already known")
            }
            print("places: \(g.places.count)  highways: \(g.highways.count)  regions: \(g.regions.count)  border features: \(g.borders.features.count)")
            if let near, let km {
                let centre = try CLI.position(near) { g }
                print("within \(Format.fixed(km, 1)) km of \(near):")
                Stats.printCensus(g.census(near: centre, metres: km * 1000))
                return
            }
            Stats.printCensus(g.census())
            let collisions = g.keyCollisions()
            let artefacts = collisions.filter { !$0.sameName }
            print("keys shared by several places: \(collisions.count) (\(Set(collisions.flatMap { $0.places.map(\.id) }).count) places); "
                  + "of them made by folding (no common spelling): \(artefacts.count)")
            if verbose {
                for c in collisions {
                    let km = Format.fixed(c.spreadMetres / 1000, 1)
                    print("  \(c.sameName ? "namesake" : "folding ") \(c.key): "
                          + c.places.map { "\($0.name) (\($0.id), \($0.admin1.isEmpty ? $0.country : $0.admin1))" }.joined(separator: "; ")
                          + " — \(km) km apart")
                }
            }
            if !g.attribution.isEmpty { print("attribution: \(g.attribution)") }
        }

        static func printCensus(_ c: Census) {
            print("by kind: " + PlaceKind.allCases.compactMap { k in c.byKind[k].map { "\(k.rawValue) \($0)" } }.joined(separator: ", "))
            print("settlements: \(c.settlements); by source: "
                  + c.settlementsBySource.keys.sorted().map { "\($0) \(c.settlementsBySource[$0]!)" }.joined(separator: ", "))
        }
    }
}

extension GazetteerCommand {
    /// `placemap gazetteer import GEONAMES.txt`: a GeoNames dump as a place TSV.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read a GeoNames dump (19-column TSV) and write its places as a gazetteer place TSV.",
            discussion: """
                Keeps populated places, countries, first-level divisions, airfields and border posts. Writes \
                DIR/geonames_<CC or file name>.tsv atomically, creating DIR when missing. Put DIR on \
                PLACEMAP_GAZETTEER_PATH to use the places: those the gazetteer already has (same GeoNames id, or \
                a settlement of the same name within 500 m) gain their spellings, the others are added.
                """)

        @Argument(help: "The GeoNames file (e.g. UA.txt, cities500.txt, allCountries.txt).") var geonames: String
        @Option(help: "GeoNames' alternateNames file (or the per-country alternate names file).") var alternateNames: String?
        @Option(help: "GeoNames' admin1CodesASCII.txt, to write admin1 names rather than codes.") var admin1Codes: String?
        @Option(help: "Keep only this country (ISO 3166-1 alpha-2).") var country: String?
        @Option(help: "The folder to write into (created when missing).") var into: String = "."

        func run() throws {
            let input = URL(fileURLWithPath: geonames)
            let result = try CLI.places {
                try GeoNamesImport(geonames: input, alternateNames: alternateNames.map { URL(fileURLWithPath: $0) },
                                   admin1Codes: admin1Codes.map { URL(fileURLWithPath: $0) }, country: country)
            }
            let folder = URL(fileURLWithPath: into)
            let stem = country?.uppercased() ?? input.deletingPathExtension().lastPathComponent
            let out = folder.appendingPathComponent("geonames_\(stem).tsv")
            try CLI.places {
                do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
                    throw PlacesError.notFound("cannot create the folder \(folder.path): \(error.localizedDescription)")
                }
                try result.write(to: out)
            }
            var note = "wrote \(result.places.count) places to \(out.path) (\(result.skipped) rows skipped)"
            // What the gazetteer makes of them: merged into places it has, or new.
            let g = try CLI.gazetteer(shapes: false)
            let merged = g.merging(folder: folder, files: [(out.lastPathComponent, result.places)])
            note += "; with the gazetteer: \(merged.added) new, \(merged.merged) already known (their spellings are added)"
            FileHandle.standardError.write(Data((note + "\n").utf8))
            if !g.layers.contains(where: { $0.directory.standardizedFileURL.path == folder.standardizedFileURL.path }) {
                FileHandle.standardError.write(Data("to use them: export PLACEMAP_GAZETTEER_PATH=\(folder.path)\n".utf8))
            }
        }
    }

    /// `placemap gazetteer add NAME LON,LAT`: one place of your own.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add one place (with the source of its coordinate) to a user folder of places.",
            discussion: """
                Writes DIR/added.tsv (created when missing); the id is pm:<the name in lower-case letters>. \
                DIR is --into, else the first folder of PLACEMAP_GAZETTEER_PATH. Refuses a place the gazetteer \
                already has (its id, or a settlement of the same name within 500 m).
                """)

        @Argument(help: "The place's name.") var name: String
        @Argument(help: "LON,LAT in decimal degrees (WGS84, longitude first).") var position: String
        @Option(help: "What it is: \(PlaceKind.allCases.map(\.rawValue).joined(separator: ", ")).") var kind: PlaceKind
        @Option(help: "ISO 3166-1 alpha-2 country code, e.g. UA.") var country: String
        @Option(help: "Where the coordinate comes from (a citation or URL).") var source: String
        @Option(help: "The first-level division (province, oblast, governorate).") var admin1: String = ""
        @Option(help: "Other spellings, separated by |.") var alternateNames: String = ""
        @Option(help: "The user folder to add to (default: the first folder of PLACEMAP_GAZETTEER_PATH).") var into: String?

        func run() throws {
            let c = try CLI.coordinate(position)
            let folder: URL
            if let into { folder = URL(fileURLWithPath: into) } else {
                guard let first = try CLI.places({ try PlaceLayers.fromEnvironment() }).first else {
                    throw ValidationError("give --into DIR, or set PLACEMAP_GAZETTEER_PATH")
                }
                folder = first
            }
            let g = try CLI.gazetteer(shapes: false)
            let url = try CLI.places {
                let place = try PlaceFile.handPlace(name: name, coordinate: c, kind: kind, country: country.uppercased(),
                                                    admin1: admin1, alternateNames: alternateNames.split(separator: "|").map(String.init),
                                                    source: source)
                return try PlaceFile.add(place, to: folder, checkingAgainst: g)
            }
            FileHandle.standardError.write(Data("added pm:\(PlaceFile.slug(name)) to \(url.path)\n".utf8))
        }
    }
}
