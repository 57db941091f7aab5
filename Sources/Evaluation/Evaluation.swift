import GeoModel
import EventModel
import Extraction
import FileIO
import Foundation
import Places

/// A gold row no event matched, with the closest event and what it failed.
public struct MissedRow: Sendable, Hashable {
    /// Index into the article's gold rows.
    public var gold: Int
    /// The closest event and the criteria it fails.
    public var why: NearMiss
}

/// An extracted event that matched no gold row, with the closest row and what it failed.
public struct FalseEvent: Sendable, Hashable {
    /// Index into the article's events.
    public var event: Int
    /// The closest gold row and the criteria it fails.
    public var why: NearMiss
}

/// One article's agreement with the gold coding.
public struct ArticleResult: Sendable {
    /// The article's file name (the gold `article` key).
    public var article: String
    /// The path it was read from.
    public var path: String
    /// The theatre (see `Theatre`).
    public var theatre: String
    /// The article's gold rows, in file order.
    public var gold: [GoldEvent]
    /// The extracted (merged) events, in extraction order.
    public var events: [Event]
    /// The pairs, by gold row.
    public var matches: [Match]
    /// The counts and scores.
    public var tally: Tally
    /// Every gold row left unmatched (background ones too), in row order.
    public var missed: [MissedRow]
    /// Every event matching no row, in extraction order.
    public var falseEvents: [FalseEvent]
    /// Toponym scores, when gold toponyms were given.
    public var toponyms: ToponymResult?
    /// The extraction's warnings (unknown places, happenings without a place).
    public var warnings: [String]
}

/// The agreement of one theatre's articles.
public struct TheatreScore: Sendable, Hashable {
    /// The theatre's name.
    public var name: String
    /// How many articles.
    public var articles: Int
    /// The summed counts.
    public var tally: Tally
    /// The summed toponym counts, when asked.
    public var toponyms: ToponymTally?
}

/// What `placemap evaluate` reports: overall, per theatre, per article.
public struct EvaluationResult: Sendable {
    /// Per article, in the order given.
    public var articles: [ArticleResult]
    /// The summed counts of every article.
    public var overall: Tally
    /// The summed toponym counts, nil unless gold toponyms were given.
    public var toponyms: ToponymTally?
    /// Per theatre, by name.
    public var theatres: [TheatreScore]
    /// Articles of the gold file that were not among the inputs (not scored).
    public var goldArticlesNotGiven: [String]
    /// Diagnostics: articles without gold rows (all their events count as false).
    public var warnings: [String]
}

/// Scoring extracted events against an analyst's coding (issue 11): matching (`MatchRules`, `Matcher`),
/// counts (`Tally`), toponyms (`ToponymScoring`) and theatres (`Theatre`).
public enum Evaluation {
    /// One article's result from events already extracted. The theatre is left empty (see `run`).
    /// - Parameters:
    ///   - gold: the article's gold rows; `toponyms`: its gold mentions, or nil when not scored.
    public static func score(article: String, path: String = "", events: [Event], gold: [GoldEvent],
                             toponyms: [GoldToponym]?, rules: MatchRules) -> ArticleResult {
        let matches = Matcher.match(events: events, gold: gold, rules: rules)
        var t = Tally()
        t.events = events.count
        for g in gold {
            if g.isBackground { t.backgroundRows += 1 } else { t.goldRows += 1 }
            if !g.isBackground, case .unmapped = rules.sides.side(of: g.actor1) { t.actorsUnchecked += 1 }
        }
        for m in matches {
            let (g, e) = (gold[m.gold], events[m.event])
            if g.isBackground {
                t.backgroundFound += 1; t.eventsOnBackground += 1
                continue
            }
            t.goldFound += 1; t.eventsMatched += 1
            if m.comparison.typeExact { t.typeExact += 1 }
            if e.fatalities == g.fatalities { t.fatalitiesExact += 1 }
            if e.claimed == g.claimed { t.claimedExact += 1 }
        }
        let matchedGold = Set(matches.map(\.gold)), matchedEvents = Set(matches.map(\.event))
        let missed = gold.indices.filter { !matchedGold.contains($0) }.map {
            MissedRow(gold: $0, why: Matcher.nearMiss(gold: $0, events: events, gold: gold, matches: matches, rules: rules))
        }
        let falseEvents = events.indices.filter { !matchedEvents.contains($0) }.map {
            FalseEvent(event: $0, why: Matcher.nearMiss(event: $0, events: events, gold: gold, matches: matches, rules: rules))
        }
        return ArticleResult(article: article, path: path, theatre: "", gold: gold, events: events, matches: matches,
                             tally: t, missed: missed, falseEvents: falseEvents,
                             toponyms: toponyms.map { ToponymScoring.score(toponyms: $0, events: events) }, warnings: [])
    }

    /// Extracts the events of each article (one at a time, so that no event merges across articles) and
    /// scores them against the gold rows of the same file name.
    /// - Parameters:
    ///   - articles: report paths (the CLI expands folders).
    ///   - fallbackDate: the date of reports without their own, or nil.
    /// - Throws: `EvaluationError.duplicateArticle` for two articles of one file name; the extraction's
    ///   `ReportError` naming the file.
    public static func run(articles: [String], gold: [GoldEvent], toponyms: [GoldToponym]?, gazetteer: Gazetteer,
                           lexicon: Lexicon, fallbackDate: Day?) throws -> EvaluationResult {
        let rules = MatchRules(sides: SideMap(lexicon: lexicon))
        let goldBy = Dictionary(grouping: gold, by: \.article)
        let toponymsBy = toponyms.map { Dictionary(grouping: $0, by: \.article) }
        var seen: [String: String] = [:]
        var results: [ArticleResult] = []
        var warnings: [String] = []
        for path in articles {
            let name = URL(fileURLWithPath: path).lastPathComponent
            if let first = seen[name] { throw EvaluationError.duplicateArticle(name: name, first: first, second: path) }
            seen[name] = path
            let extraction = try extractAll(from: [path], fallbackDate: fallbackDate, gazetteer: gazetteer,
                                            lexicon: lexicon, explaining: false)
            var r = scoreAgainstGold(article: name, path: path, events: extraction.events, goldBy: goldBy,
                                     toponymsBy: toponymsBy, rules: rules, gazetteer: gazetteer, warnings: &warnings)
            r.warnings = extraction.warnings
            results.append(r)
        }
        return summary(of: results, goldArticles: Set(gold.map(\.article)), warnings: warnings,
                       withToponyms: toponyms != nil)
    }

    /// Scores events already coded (an event file or a store, overrides applied) instead of extracting
    /// articles: each event counts for every article among its sources' reports, so an event that two
    /// reports told is scored in both. Articles are the gold file's and the reports the events cite: a gold
    /// article no event cites is scored too (all its rows missed).
    /// - Parameters:
    ///   - events: the coded events; `toponyms`: the gold mentions, or nil when not scored.
    public static func run(events: [Event], gold: [GoldEvent], toponyms: [GoldToponym]?, gazetteer: Gazetteer,
                           lexicon: Lexicon) -> EvaluationResult {
        let rules = MatchRules(sides: SideMap(lexicon: lexicon))
        let goldBy = Dictionary(grouping: gold, by: \.article)
        let toponymsBy = toponyms.map { Dictionary(grouping: $0, by: \.article) }
        var byArticle: [String: [Event]] = [:]
        for e in events where e.kind == .event {
            for report in Set(e.sources.map(\.report)) { byArticle[report, default: []].append(e) }
        }
        var results: [ArticleResult] = []
        var warnings: [String] = []
        let unsourced = events.filter { $0.kind == .event && $0.sources.isEmpty }.count
        if unsourced > 0 { warnings.append("\(unsourced) event(s) cite no report: not scored") }
        for name in Set(byArticle.keys).union(goldBy.keys).sorted() {
            results.append(scoreAgainstGold(article: name, path: "", events: byArticle[name] ?? [], goldBy: goldBy,
                                            toponymsBy: toponymsBy, rules: rules, gazetteer: gazetteer,
                                            warnings: &warnings))
        }
        return summary(of: results, goldArticles: Set(gold.map(\.article)), warnings: warnings,
                       withToponyms: toponyms != nil)
    }

    /// One article's events scored against its gold rows and mentions, with its theatre; an article without
    /// gold rows adds a warning (naming its `path`, when it has one).
    static func scoreAgainstGold(article name: String, path: String, events: [Event], goldBy: [String: [GoldEvent]],
                                 toponymsBy: [String: [GoldToponym]]?, rules: MatchRules, gazetteer: Gazetteer,
                                 warnings: inout [String]) -> ArticleResult {
        let rows = goldBy[name] ?? []
        if rows.isEmpty {
            warnings.append((path.isEmpty ? "" : path + ": ") + "no gold rows for \(name): all its events count as false")
        }
        let mentions = toponymsBy.map { $0[name] ?? [] }
        var r = score(article: name, path: path, events: events, gold: rows, toponyms: mentions, rules: rules)
        r.theatre = Theatre.of(gold: rows, toponyms: mentions ?? [], gazetteer: gazetteer)
        return r
    }

    /// The overall and per-theatre sums of article results.
    public static func summary(of results: [ArticleResult], goldArticles: Set<String>, warnings: [String] = [],
                               withToponyms: Bool) -> EvaluationResult {
        var theatres: [String: TheatreScore] = [:]
        for r in results {
            var s = theatres[r.theatre] ?? TheatreScore(name: r.theatre, articles: 0, tally: Tally(),
                                                        toponyms: withToponyms ? ToponymTally() : nil)
            s.articles += 1
            s.tally = s.tally + r.tally
            if let t = r.toponyms { s.toponyms = (s.toponyms ?? ToponymTally()) + t.tally }
            theatres[r.theatre] = s
        }
        let given = Set(results.map(\.article))
        return EvaluationResult(
            articles: results, overall: results.reduce(Tally()) { $0 + $1.tally },
            toponyms: withToponyms ? results.reduce(ToponymTally()) { $0 + ($1.toponyms?.tally ?? ToponymTally()) } : nil,
            theatres: theatres.values.sorted { $0.articles != $1.articles ? $0.articles > $1.articles : $0.name < $1.name },
            goldArticlesNotGiven: goldArticles.subtracting(given).sorted(), warnings: warnings)
    }
}
