/// Where each id of one list (`items`, `rules` ...) was first used, so a repeated id is reported
/// with the earlier entry that holds it and the author finds both.
struct UniqueIDs {
    let kind: String
    let list: String
    private var firstIndex: [String: Int] = [:]

    init(kind: String, list: String) {
        self.kind = kind
        self.list = list
    }

    /// Why `id` cannot stand at `index` when an earlier entry holds it; nil (and `id` taken) otherwise.
    mutating func repeated(_ id: String, at index: Int) -> String? {
        if let first = firstIndex[id] {
            return "the \(kind) id \"\(id)\" is already used by \(list)[\(first)]; \(kind) ids must be unique"
        }
        firstIndex[id] = index
        return nil
    }
}
