import Yams

/// A ```chart block body as the author writes it.
struct ChartSpec: Decodable {
    var type: String
    var title: String
    var description: String?
    var unit: String?
    var source: String?
    var series: [String]?
    var bars: [ChartBarSpec]

    static let keys = ["type", "title", "description", "unit", "source", "series", "bars"]
}

struct ChartBarSpec: Decodable {
    var label: String
    var value: Double?
    var values: [Double]?

    static let keys = ["label", "value", "values"]
}

/// A chart whose numbers have been checked, ready to draw.
struct Chart: Equatable {
    enum Kind: String { case bar, stackedBar = "stacked-bar" }
    struct Bar: Equatable {
        var label: String
        /// One number for a bar chart, one per series for a stacked bar chart.
        var values: [Double]
        var total: Double { values.reduce(0, +) }
    }

    var kind: Kind
    var title: String
    var description: String?
    var unit: String?
    var source: String?
    /// Empty for a plain bar chart.
    var series: [String]
    var bars: [Bar]

    /// Colours are told apart by the site's `--chart-1` … `--chart-6` properties.
    static let maximumSeries = 6

    /// Parses and validates a block body; every message names the key and says how to fix it.
    static func parse(_ body: String) throws(BlockError) -> Chart {
        let reader = YAMLReader(blockName: "chart", file: nil)
        guard let root = try reader.compose(body) else {
            throw BlockError(
                line: 0,
                message: "chart: the block is empty — give it at least `type: bar`, `title:` and `bars:` "
                    + "(a list of `- label: …` / `value: …` entries)")
        }
        guard case .mapping = root else {
            throw reader.error("the body must be `key: value` lines (type, title, bars …)", at: root)
        }
        try reader.rejectUnknownKeys(in: root, allowed: ChartSpec.keys, path: "")
        if case let .sequence(bars)? = root["bars"] {
            for (index, bar) in bars.enumerated() {
                try reader.rejectUnknownKeys(in: bar, allowed: ChartBarSpec.keys, path: "bars[\(index)]")
            }
        }
        let spec = try reader.decode(ChartSpec.self, from: root)

        guard let kind = Kind(rawValue: spec.type) else {
            throw reader.error("`type` must be `bar` or `stacked-bar`, found \"\(spec.type)\"", at: root["type"])
        }
        let title = spec.title.trimmingWhitespace
        guard !title.isEmpty else {
            throw reader.error("`title` must not be empty — it names the chart for screen readers", at: root["title"])
        }
        guard !spec.bars.isEmpty else {
            throw reader.error("`bars` is empty — add at least one `- label: …` entry", at: root["bars"])
        }

        let barNodes = root["bars"]
        func barNode(_ index: Int, _ key: String? = nil) -> Node? {
            let bar = barNodes.flatMap { node -> Node? in
                guard case let .sequence(sequence) = node, sequence.indices.contains(index) else { return nil }
                return sequence[index]
            }
            guard let key else { return bar }
            return bar?[key] ?? bar
        }

        var series: [String] = []
        switch kind {
        case .bar:
            if spec.series != nil {
                throw reader.error("`series` is only for `type: stacked-bar` — remove it or change the type", at: root["series"])
            }
        case .stackedBar:
            series = spec.series ?? []
            guard !series.isEmpty else {
                throw reader.error(
                    "a stacked-bar chart needs `series:` — a list of names, one per value in each bar",
                    at: root["series"] ?? root)
            }
            guard series.count <= maximumSeries else {
                throw reader.error(
                    "`series` has \(series.count) names but only \(maximumSeries) colours can be told apart — "
                        + "merge some series or split the chart", at: root["series"])
            }
        }

        var bars: [Bar] = []
        for (index, name) in series.enumerated() where name.trimmingWhitespace.isEmpty {
            throw reader.error("`series[\(index)]` is empty — every series needs a name for the legend", at: root["series"])
        }
        for (index, barSpec) in spec.bars.enumerated() {
            guard !barSpec.label.trimmingWhitespace.isEmpty else {
                throw reader.error("`bars[\(index)].label` is empty — every bar needs a label", at: barNode(index, "label"))
            }
            let values: [Double]
            switch kind {
            case .bar:
                if barSpec.values != nil {
                    throw reader.error(
                        "`bars[\(index)].values` is for `type: stacked-bar` — use `value:` with one number",
                        at: barNode(index, "values"))
                }
                guard let value = barSpec.value else {
                    throw reader.error("`bars[\(index)].value` is required but missing", at: barNode(index))
                }
                values = [value]
            case .stackedBar:
                if barSpec.value != nil {
                    throw reader.error(
                        "`bars[\(index)].value` is for `type: bar` — a stacked bar takes `values:`, one number per series",
                        at: barNode(index, "value"))
                }
                guard let stacked = barSpec.values else {
                    throw reader.error(
                        "`bars[\(index)].values` is required but missing — give \(series.count) numbers, one per series",
                        at: barNode(index))
                }
                guard stacked.count == series.count else {
                    throw reader.error(
                        "`bars[\(index)].values` has \(stacked.count) numbers but `series` names \(series.count) — "
                            + "give one number per series, in the same order",
                        at: barNode(index, "values"))
                }
                values = stacked
            }
            let key = kind == .bar ? "value" : "values"
            for value in values where !value.isFinite || value < 0 {
                throw reader.error(
                    "`bars[\(index)].\(key)` must be zero or more, found \(formatNumber(value))",
                    at: barNode(index, key))
            }
            bars.append(Bar(label: barSpec.label, values: values))
        }

        return Chart(
            kind: kind, title: title,
            description: spec.description?.trimmingWhitespace.nonEmpty,
            unit: spec.unit?.trimmingWhitespace.nonEmpty,
            source: spec.source?.trimmingWhitespace.nonEmpty,
            series: series, bars: bars)
    }

    /// `12%` but `12 hours`: symbols hug the number, words get a space.
    func withUnit(_ value: Double) -> String {
        let number = formatNumber(value)
        guard let unit else { return number }
        if let first = unit.unicodeScalars.first, first.properties.isAlphabetic {
            return number + " " + unit
        }
        return number + unit
    }
}

extension String {
    var trimmingWhitespace: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }

    var nonEmpty: String? { isEmpty ? nil : self }
}
