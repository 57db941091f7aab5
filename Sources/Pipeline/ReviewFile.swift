import Extraction
import FileIO

/// `review.csv` of `placemap map`: the places an analyst should check (`ReviewList`), one row each:
/// `reason,report,event_id,name,placed_at,detail,sentence` (RFC 4180; text cells made safe for spreadsheets).
public enum ReviewFile {
    /// The header row's columns.
    public static let columns = ["reason", "report", "event_id", "name", "placed_at", "detail", "sentence"]

    /// The file's text: the header, then one row per item.
    public static func render(_ items: [ReviewItem]) -> String {
        var out = CSVWriter.row(columns)
        for i in items {
            out += CSVWriter.row([i.reason.rawValue, i.report, i.eventID ?? "", i.name, i.placedAt, i.detail, i.sentence]
                .map(CSVWriter.text))
        }
        return out
    }

    /// The file's name in a map's output folder.
    public static let name = "review.csv"
}
