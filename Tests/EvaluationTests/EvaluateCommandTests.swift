import GeoModel
import Foundation
import TestSupport
import XCTest

/// `placemap evaluate` as a user runs it: on a tiny article written for the test, and on the shared corpus.
final class EvaluateCommandTests: XCTestCase {
    /// An article in the corpus's format, and its gold coding, both written for the test.
    func tinyCorpus() throws -> URL {
        let dir = try temporaryDirectory("evaluate")
        let articles = dir.appendingPathComponent("articles")
        try FileManager.default.createDirectory(at: articles, withIntermediateDirectories: true)
        let text = "URL: https://example.org/sarmin | DATE: 2020-02-06\nJets bombed Sarmin on Monday.\n"
        _ = try Hand.file("a.txt", text, in: articles)
        _ = try Hand.file("gold_events.csv", """
            article,row,date_start,date_end,place,lat,lon,tol_km,geo_precision,event_type,sub_event_type,actor1,actor2,fatalities,claimed,notes
            a.txt,1,2020-02-03,2020-02-03,Sarmin,35.904030,36.725010,3,1,Explosions/Remote violence,Air/drone strike,unidentified (jets),,,false,
            a.txt,2,2020-02-04,2020-02-04,Taftanaz,35.998320,36.785790,3,1,Battles,Armed clash,Rebels,,,false,

            """, in: dir)
        _ = try Hand.file("gold_toponyms.csv", """
            article,mention,char_offset,place_name,lat,lon,coord_source,geonames_id,kind,role
            a.txt,Sarmin,63,Sarmin,35.904030,36.725010,GeoNames 164782,164782,town,event_location

            """, in: dir)
        return dir
    }

    func testJSONHasTheScoresPerArticleAndTheToponyms() throws {
        let dir = try tinyCorpus()
        let r = try Run.placemap(["evaluate", "--gold", dir.appendingPathComponent("gold_events.csv").path,
                                  "--toponyms", dir.appendingPathComponent("gold_toponyms.csv").path,
                                  dir.appendingPathComponent("articles").path, "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let o = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        for key in ["recall", "precision", "f1", "articles", "toponyms", "theatres", "counts"] {
            XCTAssertNotNil(o[key], key)
        }
        XCTAssertEqual(o["recall"] as? Double, 0.5)
        XCTAssertEqual(o["precision"] as? Double, 1)
        let article = try XCTUnwrap((o["articles"] as? [String: Any])?["a.txt"] as? [String: Any])
        XCTAssertEqual(article["recall"] as? Double, 0.5)
        XCTAssertEqual((article["missed"] as? [[String: Any]])?.first?["row"] as? Int, 2)
        XCTAssertEqual((o["toponyms"] as? [String: Any])?["placed_within_2km"] as? Int, 1)
    }

    /// Events already coded (here a GeoPackage store the article was ingested into) score as the extraction
    /// of the same article does; articles and --events together are one error.
    func testEventsOfAStoreScoreAsTheirArticles() throws {
        let dir = try tinyCorpus()
        let store = dir.appendingPathComponent("coded.gpkg").path
        let ingest = try Run.placemap(["ingest", dir.appendingPathComponent("articles").path, "--store", store])
        XCTAssertEqual(ingest.status, 0, ingest.stderr)
        let gold = dir.appendingPathComponent("gold_events.csv").path
        let r = try Run.placemap(["evaluate", "--gold", gold, "--events", store, "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let o = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(o["recall"] as? Double, 0.5)
        XCTAssertEqual(o["precision"] as? Double, 1)
        XCTAssertEqual((((o["articles"] as? [String: Any])?["a.txt"] as? [String: Any])?["missed"] as? [[String: Any]])?.first?["row"] as? Int, 2)

        let both = try Run.placemap(["evaluate", "--gold", gold, "--events", store, dir.appendingPathComponent("articles").path])
        XCTAssertNotEqual(both.status, 0)
        XCTAssertEqual(both.stderr.split(separator: "\n").count, 1, both.stderr)
    }

    func testTableStartsWithTheOverallLineAndABadGoldFileIsOneLine() throws {
        let dir = try tinyCorpus()
        let gold = dir.appendingPathComponent("gold_events.csv").path
        let table = try Run.placemap(["evaluate", "--gold", gold, dir.appendingPathComponent("articles/a.txt").path])
        XCTAssertEqual(table.status, 0, table.stderr)
        XCTAssertTrue(table.stdout.hasPrefix("overall   recall 50.0% (1/2)  precision 100.0% (1/1)  F1 66.7%"), table.stdout)
        XCTAssertTrue(table.stdout.contains("missed gold rows (1)"))

        try "article,row\n".write(toFile: gold, atomically: true, encoding: .utf8)
        let bad = try Run.placemap(["evaluate", "--gold", gold, dir.appendingPathComponent("articles").path])
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertEqual(bad.stdout, "")
        XCTAssertEqual(bad.stderr.split(separator: "\n").count, 1, bad.stderr)
        XCTAssertTrue(bad.stderr.hasPrefix("placemap: error: \(gold):1: the header lacks the column(s)"), bad.stderr)
    }

    /// The shared corpus (skipped without ../shared): a score for every article, not a threshold.
    func testTheCorpusGivesAScoreForEveryArticle() throws {
        let corpus = try ProjectPaths.shared("corpus")
        let r = try Run.placemap(["evaluate", "--gold", corpus.appendingPathComponent("gold_events.csv").path,
                                  "--toponyms", corpus.appendingPathComponent("gold_toponyms.csv").path,
                                  corpus.appendingPathComponent("articles").path, "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let o = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let articles = try XCTUnwrap(o["articles"] as? [String: [String: Any]])
        XCTAssertEqual(articles.count, 21)
        for (name, a) in articles {
            XCTAssertNotNil(a["recall"] as? Double, name)
            XCTAssertNotNil(a["f1"] as? Double, name)
        }
        let counts = try XCTUnwrap(o["counts"] as? [String: Int])
        XCTAssertEqual(counts["gold_rows"].map { $0 + (counts["background_rows"] ?? 0) }, 123, "every gold row is scored")
        XCTAssertEqual((o["gold_articles_not_given"] as? [String])?.count, 0)
        XCTAssertNotNil(o["recall"] as? Double)
    }
}
