import Foundation
import Synchronization

/// Records, while one output renders, what it reads that its key does not cover up front: every
/// template looked up by name (the page's own, parents, partials, dynamic partials, partials after
/// a delimiter change, variant templates; found or not, so adding one is noticed), every data
/// file a template reads (by its template key, `data.<key>`), and whether it read the
/// questionnaire. Used by one thread at a time: one output renders on one thread.
final class ReadRecorder {
    private var templates: [String] = []
    private var dataKeys: [String] = []
    private var allData = false
    private var questionnaire = false
    private var everything = false

    func template(_ name: String) {
        // A handful of names per output: a linear search is cheaper than hashing into a set.
        if !templates.contains(name) { templates.append(name) }
    }

    func data(_ key: String) {
        if !allData && !dataKeys.contains(key) { dataKeys.append(key) }
    }

    func allDataFiles() {
        allData = true
        dataKeys = []
    }

    func readQuestionnaire() { questionnaire = true }

    /// A render nothing was recorded for (swift-mustache rendered it): it may have read anything.
    func readEverything() { everything = true }

    var reads: RecordedReads {
        RecordedReads.interned(templates: templates.sorted(), dataKeys: dataKeys.sorted(), allData: allData,
                               questionnaire: questionnaire, everything: everything)
    }
}

/// What one output read while rendering (see `ReadRecorder`), kept with its key so the next build
/// can check those same inputs. Immutable; identical sets are shared (most pages read the same).
final class RecordedReads: Hashable, Sendable {
    let templates: [String]
    let dataKeys: [String]
    let allData: Bool
    let questionnaire: Bool
    let everything: Bool
    /// A hash of the names read (not of their values), for quick comparison and interning.
    let signature: UInt64

    private init(templates: [String], dataKeys: [String], allData: Bool, questionnaire: Bool, everything: Bool) {
        self.templates = templates
        self.dataKeys = dataKeys
        self.allData = allData
        self.questionnaire = questionnaire
        self.everything = everything
        let flags = (allData ? 1 : 0) | (questionnaire ? 2 : 0) | (everything ? 4 : 0)
        signature = StableHash.combine(templates.map(StableHash.keyOf) + [0xD47A] + dataKeys.map(StableHash.keyOf) + [UInt64(flags)])
    }

    /// Reads of an output that renders no template (a feed, a search-index part).
    static let nothing = interned(templates: [], dataKeys: [], allData: false, questionnaire: false, everything: false)

    /// The shared instance for these reads (names sorted).
    static func interned(templates: [String], dataKeys: [String], allData: Bool, questionnaire: Bool, everything: Bool) -> RecordedReads {
        let reads = RecordedReads(templates: templates, dataKeys: dataKeys, allData: allData, questionnaire: questionnaire, everything: everything)
        return Interner.shared.intern(reads)
    }

    static func == (lhs: RecordedReads, rhs: RecordedReads) -> Bool {
        lhs === rhs || (lhs.signature == rhs.signature && lhs.templates == rhs.templates && lhs.dataKeys == rhs.dataKeys
                        && lhs.allData == rhs.allData && lhs.questionnaire == rhs.questionnaire && lhs.everything == rhs.everything)
    }

    func hash(into hasher: inout Hasher) { hasher.combine(signature) }

    /// Distinct read sets seen by this process; a theme has a few dozen.
    private final class Interner: Sendable {
        static let shared = Interner()
        private let sets = Mutex<Set<RecordedReads>>([])

        func intern(_ reads: RecordedReads) -> RecordedReads {
            sets.withLock { sets in
                if let known = sets.firstIndex(of: reads) { return sets[known] }
                // Bounded for a preview that runs for days through many theme edits.
                if sets.count >= 4_096 { sets.removeAll() }
                sets.insert(reads)
                return reads
            }
        }
    }
}

/// The current value of every input a `RecordedReads` can name, hashed: templates by name, data
/// files by template key, the questionnaire (with what its context prints of other pages).
struct InputHashes: Sendable {
    private let templates: [String: UInt64]
    private let allTemplates: UInt64
    private let dataFiles: [String: UInt64]
    private let allData: UInt64
    private let questionnaire: UInt64
    private static let absent: UInt64 = 0xAB5E_17AB_5E17_AB5E

    init(site: Site, templates: TemplateSet, everySummary: UInt64, globalHash: UInt64) {
        self.templates = templates.textHashes
        allTemplates = templates.combinedHash
        var byKey: [String: [UInt64]] = [:]
        for name in site.dataFiles.keys.sorted() {
            guard let file = site.dataFiles[name] else { continue }
            byKey[SitePath.templateKey(name), default: []].append(StableHash.keyOf(name + "\u{0}" + file.text))
        }
        let dataFiles = byKey.mapValues(StableHash.combine)
        self.dataFiles = dataFiles
        allData = StableHash.combine(byKey.keys.sorted().flatMap { [StableHash.keyOf($0), dataFiles[$0] ?? 0] })
        // The questionnaire's context names other pages and sections (bands' `next:`), and takes
        // its words from the page's language's catalogue.
        let catalogues = site.translations.sourceHash == 0 ? [] : [site.translations.sourceHash]
        questionnaire = site.questionnaire == nil ? Self.absent
            : StableHash.combine([site.questionnaireSourceHash] + catalogues + [everySummary, globalHash])
    }

    /// A hash of the current values of everything `reads` names.
    func hash(of reads: RecordedReads) -> UInt64 {
        var parts: [UInt64] = [reads.signature]
        parts.reserveCapacity(reads.templates.count + reads.dataKeys.count + 4)
        if reads.everything { parts += [allTemplates, allData, questionnaire] }
        for name in reads.templates { parts.append(templates[name] ?? Self.absent) }
        if reads.allData { parts.append(allData) }
        for key in reads.dataKeys { parts.append(dataFiles[key] ?? Self.absent) }
        if reads.questionnaire { parts.append(questionnaire) }
        return StableHash.combine(parts)
    }
}

/// An output's key and what its rendering read: the key is its `OutputKeys` key combined with the
/// hash of the current values of those reads (`InputHashes`), so it changes when any of them does.
struct OutputRecord: Sendable {
    var key: UInt64
    var reads: RecordedReads

    init(baseKey: UInt64, reads: RecordedReads, inputs: InputHashes) {
        key = StableHash.combine([baseKey, inputs.hash(of: reads)])
        self.reads = reads
    }

    init(key: UInt64, reads: RecordedReads) {
        self.key = key
        self.reads = reads
    }

    /// Whether an output with `baseKey` now would read the same values as when this was recorded.
    func holds(baseKey: UInt64, inputs: InputHashes) -> Bool {
        key == StableHash.combine([baseKey, inputs.hash(of: reads)])
    }
}
