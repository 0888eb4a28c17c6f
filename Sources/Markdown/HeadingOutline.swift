/// The levels headings are printed at, and the level a fenced block's own headings take.
///
/// Without a base level, headings print as written. Under a page title (`below: 1`), the content
/// becomes an outline under that title, so no heading ever skips a level, whatever the author
/// wrote: a heading nests one level under the nearest earlier heading written at a higher level
/// (a smaller number), or under the title when there is none. `#` and `##` written under the
/// title both print as `<h2>`; `##` then `####` print as `<h2>` then `<h3>`. An outline that is
/// already well formed under the title keeps its levels.
struct HeadingOutline {
    private let base: Int?
    /// The open headings: the level each was written at and the level it is printed at.
    private var open: [(written: Int, printed: Int)] = []

    init(below base: Int?) {
        self.base = base.map { min(max($0, 0), 5) }
    }

    /// The printed level of the next heading, written at `written` (1...6); the heading becomes
    /// the section later content sits in.
    mutating func level(ofHeadingWritten written: Int) -> Int {
        guard let base else {
            open = [(written, written)]
            return written
        }
        while let last = open.last, last.written >= written { open.removeLast() }
        let printed = min((open.last?.printed ?? base) + 1, 6)
        open.append((written, printed))
        return printed
    }

    /// The level for a heading at the top of a block in the current section: one below the
    /// section's heading (below the title, or `<h2>` when there is neither), at most 6.
    var blockHeadingLevel: Int {
        min((open.last?.printed ?? base ?? 1) + 1, 6)
    }
}
