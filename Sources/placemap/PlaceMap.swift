import ArgumentParser

@main
struct PlaceMap: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "placemap",
        abstract: "Turn conflict reports into geodata: places, events, front lines, GeoJSON layers.",
        subcommands: [Distance.self, Resolve.self, PlacesCommand.self, GazetteerCommand.self, Extract.self, Near.self,
                      Along.self, Nearest.self, Frontline.self, Map.self, Evaluate.self, Bench.self])
}
