import Yams

/// The career ladders of one data file, read and checked once for every view of them (```ladder
/// and ```level-map), so a mistake in the file fails the build the same way whichever block shows
/// it: the tracks with their levels listed entry level first, what changes on each step up, and
/// the optional `map` of which levels of different tracks sit side by side.
struct LadderData {
    struct Track {
        var id: String
        var name: String
        var summary: String?
        var levels: [Level]
    }
    struct Level {
        var id: String?
        var name: String
        var scope: String?
        /// What is different on this level compared with the one below it.
        var changes: [String]
    }
    /// Rows from the entry level up; each row gives, per track id, the index of its level there.
    struct LevelMap {
        var title: String?
        var note: String?
        var rows: [[String: Int]]
        /// The tracks the rows name, in the file's order: the map's columns.
        var trackIDs: [String]
    }

    var title: String?
    var tracks: [Track]
    var map: LevelMap?

    private struct FileShape: Decodable {
        var title: String?
        var tracks: [TrackShape]
        var map: MapShape?
        static let keys = ["title", "tracks", "map"]
    }
    private struct TrackShape: Decodable {
        var id: String
        var name: String
        var summary: String?
        var levels: [LevelShape]
        static let keys = ["id", "name", "summary", "levels"]
    }
    private struct LevelShape: Decodable {
        var id: String?
        var name: String
        var scope: String?
        var changes: [String]?
        static let keys = ["id", "name", "scope", "changes"]
    }
    private struct MapShape: Decodable {
        var title: String?
        var note: String?
        var rows: [[String: String]]
        static let keys = ["title", "note", "rows"]
    }

    /// `blockName` starts every message, so the author knows which block read the file.
    static func read(_ file: DataFile, blockName: String) throws(BlockError) -> LadderData {
        let (reader, root) = try composeDataFile(file, blockName: blockName, expecting: "`title:` and `tracks:`")
        try rejectUnknownKeys(root: root, reader: reader)
        let shape = try reader.decode(FileShape.self, from: root)
        let trackNodes = root["tracks"].map { $0.array() } ?? []

        guard !shape.tracks.isEmpty else {
            throw reader.error("`tracks` is empty — add at least one track with `id`, `name` and `levels`", at: root["tracks"])
        }
        var seen: Set<String> = []
        var tracks: [Track] = []
        for (index, track) in shape.tracks.enumerated() {
            let node = trackNodes.indices.contains(index) ? trackNodes[index] : nil
            try checkIdentifier(track.id, path: "tracks[\(index)].id", reader: reader, node: node?["id"])
            guard seen.insert(track.id).inserted else {
                throw reader.error("two tracks share the id \"\(track.id)\" — ids must be unique", at: node?["id"])
            }
            guard !track.levels.isEmpty else {
                throw reader.error(
                    "`tracks[\(index)].levels` is empty — list the levels bottom-up, entry level first",
                    at: node?["levels"] ?? node)
            }
            tracks.append(try checkedTrack(track, index: index, node: node, reader: reader))
        }
        var ladder = LadderData(title: shape.title, tracks: tracks, map: nil)
        if let map = shape.map {
            ladder.map = try checkedMap(map, node: root["map"], tracks: tracks, trackNodes: trackNodes, reader: reader)
        }
        return ladder
    }

    /// Codable would silently ignore a misspelt optional key (`chnages:`).
    private static func rejectUnknownKeys(root: Node, reader: YAMLReader) throws(BlockError) {
        try reader.rejectUnknownKeys(in: root, allowed: FileShape.keys, path: "")
        if case let .sequence(tracks)? = root["tracks"] {
            for (index, track) in tracks.enumerated() {
                try reader.rejectUnknownKeys(in: track, allowed: TrackShape.keys, path: "tracks[\(index)]")
                if case let .sequence(levels)? = track["levels"] {
                    for (levelIndex, level) in levels.enumerated() {
                        try reader.rejectUnknownKeys(
                            in: level, allowed: LevelShape.keys, path: "tracks[\(index)].levels[\(levelIndex)]")
                    }
                }
            }
        }
        if let map = root["map"] {
            try reader.rejectUnknownKeys(in: map, allowed: MapShape.keys, path: "map")
        }
    }

    private static func checkedTrack(
        _ track: TrackShape, index: Int, node: Node?, reader: YAMLReader
    ) throws(BlockError) -> Track {
        let levelNodes = node?["levels"].map { $0.array() } ?? []
        var ids: Set<String> = []
        var levels: [Level] = []
        for (levelIndex, level) in track.levels.enumerated() {
            let levelNode = levelNodes.indices.contains(levelIndex) ? levelNodes[levelIndex] : nil
            let path = "tracks[\(index)].levels[\(levelIndex)]"
            if let id = level.id {
                try checkIdentifier(id, path: "\(path).id", reader: reader, node: levelNode?["id"])
                guard ids.insert(id).inserted else {
                    throw reader.error(
                        "two levels of track \"\(track.id)\" share the id \"\(id)\" — ids must be unique within a track",
                        at: levelNode?["id"])
                }
            }
            let changes = (level.changes ?? []).compactMap { $0.trimmingWhitespace.nonEmpty }
            if levelIndex == 0, !changes.isEmpty {
                throw reader.error(
                    "`\(path).changes` is on the entry level, which has no level below it — `changes` says what is "
                        + "different from the level below, so move it to the next level up",
                    at: levelNode?["changes"])
            }
            levels.append(Level(id: level.id, name: level.name, scope: level.scope, changes: changes))
        }
        return Track(id: track.id, name: track.name, summary: track.summary, levels: levels)
    }

    /// Every level of a track the map names must sit in exactly one row, rows in ladder order, so
    /// the side-by-side table can never drop, repeat or reorder a rung.
    private static func checkedMap(
        _ map: MapShape, node: Node?, tracks: [Track], trackNodes: [Node], reader: YAMLReader
    ) throws(BlockError) -> LevelMap {
        let rowsNode = node?["rows"]
        let rowNodes = rowsNode.map { $0.array() } ?? []
        guard !map.rows.isEmpty else {
            throw reader.error(
                "`map.rows` is empty — list rows from the entry level up, each naming the levels that sit side by side "
                    + "(`- {technical: senior, management: team-lead}`)",
                at: rowsNode ?? node)
        }
        var rows: [[String: Int]] = []
        /// Per track: the row that holds each level placed so far.
        var rowOfLevel: [String: [Int: Int]] = [:]
        var lastLevel: [String: Int] = [:]
        for (rowIndex, row) in map.rows.enumerated() {
            let rowNode = rowNodes.indices.contains(rowIndex) ? rowNodes[rowIndex] : nil
            let path = "map.rows[\(rowIndex)]"
            guard !row.isEmpty else {
                throw reader.error("`\(path)` is empty — name at least one level, as `technical: senior`", at: rowNode)
            }
            var placed: [String: Int] = [:]
            guard case let .mapping(pairs)? = rowNode else { continue }
            for (keyNode, valueNode) in pairs {
                let trackID = keyNode.string ?? ""
                let levelID = valueNode.string ?? ""
                guard let track = tracks.first(where: { $0.id == trackID }) else {
                    let known = tracks.map(\.id).joined(separator: ", ")
                    throw reader.error(
                        "`\(path)` names the track \"\(trackID)\", which this file does not define — use one of: \(known)",
                        at: keyNode)
                }
                guard let levelIndex = track.levels.firstIndex(where: { $0.id == levelID }) else {
                    let known = track.levels.compactMap(\.id).joined(separator: ", ")
                    let choices = known.isEmpty ? "its levels have no `id` yet — give each one an `id`" : "use one of: \(known)"
                    throw reader.error(
                        "`\(path).\(trackID)` names the level \"\(levelID)\", which track \"\(trackID)\" does not have — \(choices)",
                        at: valueNode)
                }
                if let previous = lastLevel[trackID], levelIndex <= previous {
                    if let earlierRow = rowOfLevel[trackID]?[levelIndex] {
                        throw reader.error(
                            "`\(path).\(trackID)` repeats the level \"\(levelID)\", already in `map.rows[\(earlierRow)]` — "
                                + "each level sits in one row",
                            at: valueNode)
                    }
                    let higher = track.levels[previous].id ?? track.levels[previous].name
                    throw reader.error(
                        "`\(path).\(trackID)` puts \"\(levelID)\" above \"\(higher)\", but it is lower on track \"\(trackID)\" — "
                            + "list the rows from the entry level up, in the order of the track's `levels`",
                        at: valueNode)
                }
                lastLevel[trackID] = levelIndex
                rowOfLevel[trackID, default: [:]][levelIndex] = rowIndex
                placed[trackID] = levelIndex
            }
            rows.append(placed)
        }
        for (trackIndex, track) in tracks.enumerated() where rowOfLevel[track.id] != nil {
            let levelNodes = trackNodes.indices.contains(trackIndex) ? trackNodes[trackIndex]["levels"].map { $0.array() } ?? [] : []
            for (levelIndex, level) in track.levels.enumerated() where rowOfLevel[track.id]?[levelIndex] == nil {
                let levelNode = levelNodes.indices.contains(levelIndex) ? levelNodes[levelIndex] : nil
                if level.id == nil {
                    throw reader.error(
                        "`tracks[\(trackIndex)].levels[\(levelIndex)]` (\"\(level.name)\") has no `id`, so `map.rows` cannot "
                            + "place it — give it an `id` and a row",
                        at: levelNode)
                }
                throw reader.error(
                    "the level \"\(level.id ?? "")\" of track \"\(track.id)\" is in no row of `map.rows` — give it a row, "
                        + "alone if nothing sits beside it",
                    at: rowsNode ?? node)
            }
        }
        let trackIDs = tracks.map(\.id).filter { rowOfLevel[$0] != nil }
        return LevelMap(title: map.title, note: map.note, rows: rows, trackIDs: trackIDs)
    }
}
