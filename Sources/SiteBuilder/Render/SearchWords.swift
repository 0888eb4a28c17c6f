import ByteText

/// The words `templates/assets/search.js` shows (result counts, the status line, the popup's
/// label), from the page language's theme strings: the script is one shared asset for every
/// language, so each page prints its words as JSON (`search_words_json`, `#search-words`).
extension LanguageStrings {
    static let searchWordKeys = ["search_all_results", "search_failed", "search_no_results", "search_result_one", "search_result_other",
                                 "search_results_label", "search_status"]

    /// `{"search_all_results":"All {results}",...}`, keys sorted, safe inside a `<script>`.
    var searchWordsJSON: String {
        "{" + Self.searchWordKeys.map { JSONText.string($0) + ":" + JSONText.string(self[$0]) }.joined(separator: ",") + "}"
    }
}
