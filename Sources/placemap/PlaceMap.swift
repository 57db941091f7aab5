import ArgumentParser
import Foundation
import Pipeline

/// `placemap`: the command line. Every subcommand parses its options, calls one library entry point and
/// prints; diagnostics are one line on stderr (`CLI`), data goes to stdout.
@main
struct PlaceMap: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "placemap",
        abstract: "Turn conflict reports into geodata: places, events, front lines, GeoJSON layers.",
        version: PlaceMapVersion.current,
        subcommands: [Map.self, Ingest.self, Extract.self, Evaluate.self, Near.self, Along.self, Distance.self, Nearest.self, Frontline.self,
                      Resolve.self, PlacesCommand.self, GazetteerCommand.self, Bench.self])

    /// Parses and runs, keeping every error to one line: the argument parser's own messages (a bad `--km`)
    /// are printed as `placemap: error: …` without the usage block; `--help` and `--version` print as usual.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            if !(error is ExitCode) {
                let message = message(for: error).split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? "\(error)"
                CLI.say("error", message.hasPrefix("Error: ") ? String(message.dropFirst(7)) : message)
            }
            Foundation.exit(code.rawValue)
        }
    }
}
