/// Words that are never a place name on their own, although they are capitalised at the start of a sentence
/// or as adjectives, and although some fold like a village's name ("More" like Mari', "Home" like Hama,
/// "Syrian" like Suran): English function and frequent news words, weekdays and months, and the demonyms
/// of the countries and peoples that reports on Syria name. Compared as written (lower-cased), never folded,
/// so the places themselves (Mari', Hama, Suran) still match.
enum CommonWords {
    /// True when `word` (letters only, any case) is one of the words.
    static func contains(_ word: String) -> Bool { all.contains(word.lowercased()) }

    static let all: Set<String> = english.union(calendar).union(demonyms)

    static let english: Set<String> = [
        // Articles, pronouns, determiners, conjunctions (two-letter words are never names on their own anyway).
        "the", "an", "and", "or", "but", "nor", "if", "so", "than", "that", "this", "these", "those", "there",
        "here", "where", "when", "while", "whilst", "why", "how", "what", "which", "who", "whom", "whose", "it",
        "its", "he", "him", "his", "she", "her", "they", "them", "their", "we", "our", "you", "your", "one",
        "some", "any", "all", "both", "each", "every", "few", "many", "much", "more", "most", "less", "least",
        "other", "another", "such", "none", "only", "also", "even", "still", "yet", "already", "again", "once",
        "however", "although", "though", "because", "since", "until", "unless", "whether", "meanwhile",
        "nevertheless", "moreover", "instead",
        // Prepositions and adverbs.
        "about", "above", "across", "after", "against", "along", "amid", "among", "around", "before", "behind",
        "below", "beside", "besides", "between", "beyond", "during", "except", "from", "inside", "into", "near",
        "nearby", "off", "onto", "outside", "over", "through", "throughout", "toward", "towards", "under",
        "upon", "with", "within", "without", "back", "down", "out", "then", "now", "today", "tonight",
        "yesterday", "tomorrow", "earlier", "later", "last", "next", "first", "second", "third", "late", "early",
        "overnight", "recently", "very", "just", "well", "too",
        // Numbers.
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "dozen",
        "dozens", "hundred", "hundreds", "thousand", "thousands", "million", "millions",
        // Verbs and nouns that start news sentences.
        "are", "was", "were", "been", "being", "has", "have", "had", "will", "would", "can", "could", "may",
        "might", "must", "shall", "should", "does", "did", "said", "says", "say", "told", "according", "area",
        "areas", "home", "human", "main", "men", "women", "children", "people", "raid", "raids", "safety",
        "security", "air", "army", "forces", "troops", "rebels", "regime", "government", "military", "state",
        // Compass points.
        "north", "south", "east", "west", "northern", "southern", "eastern", "western", "northwest",
        "northeast", "southwest", "southeast", "northwestern", "northeastern", "southwestern", "southeastern",
        "central",
    ]

    static let calendar: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "june", "july", "august", "september", "october", "november",
        "december",
    ]

    /// Demonyms and adjectives of countries and peoples ("Syrian troops", "Turkish artillery").
    static let demonyms: Set<String> = [
        "syrian", "syrians", "turkish", "turk", "turks", "russian", "russians", "iranian", "iranians", "iraqi",
        "iraqis", "lebanese", "kurdish", "kurd", "kurds", "jordanian", "jordanians", "israeli", "israelis",
        "palestinian", "palestinians", "egyptian", "egyptians", "saudi", "saudis", "qatari", "emirati",
        "arab", "arabs", "arabic", "american", "americans", "british", "french", "german", "germans",
        "european", "europeans", "azerbaijani", "azerbaijanis", "armenian", "armenians", "ukrainian", "chinese",
        "persian", "turkmen", "circassian", "assyrian", "alawite", "alawites", "sunni", "shiite", "shia",
        "druze", "yazidi",
    ]
}
