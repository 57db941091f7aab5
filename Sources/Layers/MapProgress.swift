/// A stage of `placemap map`, as its progress line names it.
public enum MapStage: String, Sendable, CaseIterable {
    /// Reading reports, event files and stores.
    case reading = "reading"
    /// Drawing the front lines of the days.
    case frontLines = "front lines"
    /// Writing the event layers (events.geojson, sources.csv, the sequence, events.csv, ongoing, undated).
    case eventLayers = "event layers"
    /// Writing one folder a day.
    case dayLayers = "day layers"
    /// Writing places, highways, borders, footprints, movements and front lines.
    case baseLayers = "base layers"
    /// Drawing map.svg.
    case svg = "map.svg"
    /// Writing index.html and its data.
    case page = "page"
}

/// Told how far the map job has gone. The job calls it from one thread at a time, at every step of a
/// stage (a written file, a batch of events); the receiver decides what to show and how often.
public protocol MapProgress: AnyObject {
    /// `done` of `total` events handled in `stage` (`total` nil when not known yet, as while reading).
    func update(_ stage: MapStage, done: Int, total: Int?)
    /// The job is over (written or failed): what was shown can be cleared.
    func finish()
}
