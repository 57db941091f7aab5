import ArgumentParser
import Foundation
import GeoModel
import Places

/// `placemap gazetteer`: look after the gazetteer's data.
struct GazetteerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gazetteer",
        abstract: "Check the gazetteer or import places from a GeoNames dump.",
        subcommands: [Stats.self, Import.self])

    /// `placemap gazetteer stats`: counts, and the keys several places share.
    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load the gazetteer, print its counts and the folding keys that several places share.")

        @Flag(help: "List every collision.") var verbose = false

        func run() throws {
            let g = try CLI.gazetteer()
            let collisions = g.keyCollisions()
            let artefacts = collisions.filter { !$0.sameName }
            print("directory: \(g.directory.path)")
            print("places: \(g.places.count)  highways: \(g.highways.count)  regions: \(g.regions.count)  border features: \(g.borders.features.count)")
            let byKind = Dictionary(grouping: g.places, by: \.kind.rawValue).mapValues(\.count)
            print("by kind: " + byKind.keys.sorted().map { "\($0) \(byKind[$0]!)" }.joined(separator: ", "))
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
                DIR/geonames_<CC or file name>.tsv atomically. Rows whose GeoNames id is already in the \
                gazetteer make duplicate ids: import into a fresh folder or remove them before adding the file.
                """)

        @Argument(help: "The GeoNames file (e.g. SY.txt, cities500.txt, allCountries.txt).") var geonames: String
        @Option(help: "GeoNames' alternateNames file (or the per-country alternate names file).") var alternateNames: String?
        @Option(help: "GeoNames' admin1CodesASCII.txt, to write admin1 names rather than codes.") var admin1Codes: String?
        @Option(help: "Keep only this country (ISO 3166-1 alpha-2).") var country: String?
        @Option(help: "The folder to write into.") var into: String = "."

        func run() throws {
            let input = URL(fileURLWithPath: geonames)
            let result = try CLI.places {
                try GeoNamesImport(geonames: input, alternateNames: alternateNames.map { URL(fileURLWithPath: $0) },
                                   admin1Codes: admin1Codes.map { URL(fileURLWithPath: $0) }, country: country)
            }
            let stem = country?.uppercased() ?? input.deletingPathExtension().lastPathComponent
            let out = URL(fileURLWithPath: into).appendingPathComponent("geonames_\(stem).tsv")
            try CLI.places { try result.write(to: out) }
            FileHandle.standardError.write(Data("wrote \(result.places.count) places to \(out.path) (\(result.skipped) rows skipped)\n".utf8))
        }
    }
}
