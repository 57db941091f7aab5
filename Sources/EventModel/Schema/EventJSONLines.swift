import GeoModel

/// JSON Lines (one event object per line, `EventJSON.object`) in and out.
public enum EventJSONLines {
    /// One line per event, keys sorted, ending in a newline.
    public static func encode(_ events: [Event]) -> String {
        var w = JSONWriter()
        for e in events {
            w.write(EventJSON.object(e))
            w.raw(byte: 0x0A)
        }
        return w.text
    }

    /// Events from JSON Lines text; blank lines are skipped; throws `EventFileError.malformed` naming the line.
    public static func decode(_ text: String, file: String) throws -> [Event] {
        var events: [Event] = []
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            do {
                events.append(try EventJSON.values(of: try JSONParser.parse(trimmed)).event())
            } catch {
                throw EventFileError.malformed(file: file, line: i + 1, message: "\(error)")
            }
        }
        return events
    }
}

import Foundation
