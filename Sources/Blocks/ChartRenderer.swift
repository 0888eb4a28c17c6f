// Markup of a ```chart block. The SVG carries no colours or fonts of its own: the site stylesheet
// themes it through these classes, so light and dark modes both apply.
//
//   figure.chart            the whole block; also .chart-bar or .chart-stacked-bar
//   svg.chart-svg           the drawing (role="img", labelled by its <title> and <desc>)
//   rect.bar.s1 … .s6       a bar or a stacked segment; sN is the series (plain bars use s1)
//   rect.swatch.s1 … .s6    a legend or value-key square, coloured like its series
//   text.chart-label        a bar's label, above the bar
//   text.chart-value        a printed value (number and unit)
//   text.chart-legend       a series name in the legend of a stacked bar chart
//   table.chart-data        every value again, for screen readers and print
//   figcaption              .chart-title, .chart-description, .chart-source (the last child)
//
// The stylesheet is expected to define e.g. `.chart .s1 { fill: var(--chart-1) }` for s1 … s6 and
// `.chart text { fill: var(--text) }`.

/// Draws a validated chart as a figure with inline SVG and a data table.
struct ChartRenderer {
    var chart: Chart
    /// Prefix of every id in the figure; stable for the same block at the same line.
    var id: String

    // Layout in SVG user units. Text width is estimated because no font metrics exist at build
    // time; the estimates err wide so text does not run past the edge.
    private let width = 640.0
    private let labelFontSize = 14.0
    private let labelCharacterWidth = 8.4
    private let valueCharacterWidth = 8.0
    private let labelLineHeight = 18.0
    private let barHeight = 20.0
    private let rowGap = 16.0
    private let swatchSize = 12.0

    func render() -> String {
        var svg: [String] = []
        var y = 0.0
        if chart.kind == .stackedBar {
            y = drawLegend(into: &svg)
        }
        for bar in chart.bars {
            y = drawRow(bar, top: y, into: &svg)
        }
        let height = max(y - rowGap, 1)

        let kindClass = chart.kind == .bar ? "chart-bar" : "chart-stacked-bar"
        let summary = chart.description ?? automaticDescription
        var html: [String] = []
        html.append("<figure class=\"chart \(kindClass)\" id=\"\(id)\">")
        html.append(
            "<svg class=\"chart-svg\" viewBox=\"0 0 \(formatCoordinate(width)) \(formatCoordinate(height))\" "
                + "role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\">")
        html.append("<title id=\"\(id)-title\">\(escapeHTML(chart.title))</title>")
        html.append("<desc id=\"\(id)-desc\">\(escapeHTML(summary))</desc>")
        html.append(contentsOf: svg)
        html.append("</svg>")
        // The caption is the figure's last child: HTML allows it only first or last, and the
        // data table is hidden on screen, so it still reads right under the drawing.
        html.append(contentsOf: dataTable)
        html.append(figcaption)
        html.append("</figure>")
        return html.joined(separator: "\n") + "\n"
    }

    private var automaticDescription: String {
        let count = chart.bars.count
        let noun = count == 1 ? "bar" : "bars"
        switch chart.kind {
        case .bar:
            return "Horizontal bar chart with \(count) \(noun); the values are listed in the table below."
        case .stackedBar:
            return "Stacked horizontal bar chart with \(count) \(noun), each split into "
                + chart.series.joined(separator: ", ") + "; the values are listed in the table below."
        }
    }

    /// Plain bars leave room on the right for the printed value; stacked bars print values below.
    private var barAreaWidth: Double {
        guard chart.kind == .bar else { return width }
        let widest = chart.bars.map { chart.withUnit($0.total).count }.max() ?? 0
        return width - Double(widest) * valueCharacterWidth - 12
    }

    private var scaleMaximum: Double {
        chart.bars.map(\.total).max() ?? 0
    }

    private func barLength(_ value: Double) -> Double {
        scaleMaximum > 0 ? value / scaleMaximum * barAreaWidth : 0
    }

    private func drawLegend(into svg: inout [String]) -> Double {
        var x = 0.0
        var baseline = labelFontSize
        svg.append("<g class=\"chart-legend-group\">")
        for (index, name) in chart.series.enumerated() {
            let entryWidth = swatchSize + 6 + Double(name.count) * labelCharacterWidth + 18
            if x > 0, x + entryWidth > width {
                x = 0
                baseline += labelLineHeight + 4
            }
            svg.append(swatch(series: index, x: x, baseline: baseline))
            svg.append(
                "<text class=\"chart-legend\" x=\"\(formatCoordinate(x + swatchSize + 6))\" "
                    + "y=\"\(formatCoordinate(baseline))\">\(escapeHTML(name))</text>")
            x += entryWidth
        }
        svg.append("</g>")
        return baseline + rowGap + 8
    }

    private func drawRow(_ bar: Chart.Bar, top: Double, into svg: inout [String]) -> Double {
        svg.append("<g class=\"chart-row\">")
        let lines = wrap(bar.label, maximumCharacters: Int(width / labelCharacterWidth))
        var labelText = "<text class=\"chart-label\" x=\"0\" y=\"\(formatCoordinate(top + labelFontSize))\">"
        for (index, line) in lines.enumerated() {
            let shift = index == 0 ? "0" : formatCoordinate(labelLineHeight)
            labelText += "<tspan x=\"0\" dy=\"\(shift)\">\(escapeHTML(line))</tspan>"
        }
        svg.append(labelText + "</text>")

        let barTop = top + Double(lines.count) * labelLineHeight + 4
        let valueBaseline = barTop + barHeight - 5
        var bottom = barTop + barHeight
        switch chart.kind {
        case .bar:
            let length = barLength(bar.total)
            svg.append(rect(class: "bar s1", x: 0, y: barTop, width: length, height: barHeight))
            svg.append(
                "<text class=\"chart-value\" x=\"\(formatCoordinate(length + 6))\" "
                    + "y=\"\(formatCoordinate(valueBaseline))\">\(escapeHTML(chart.withUnit(bar.total)))</text>")
        case .stackedBar:
            var x = 0.0
            for (index, value) in bar.values.enumerated() {
                let length = barLength(value)
                svg.append(rect(class: "bar s\(index + 1)", x: x, y: barTop, width: length, height: barHeight))
                x += length
            }
            // Each value under its bar with a colour key: segments can be too thin to hold text.
            var keyX = 0.0
            var keyBaseline = bottom + labelLineHeight
            for (index, value) in bar.values.enumerated() {
                let text = chart.withUnit(value)
                let entryWidth = swatchSize + 4 + Double(text.count) * valueCharacterWidth + 16
                if keyX > 0, keyX + entryWidth > width {
                    keyX = 0
                    keyBaseline += labelLineHeight
                }
                svg.append(swatch(series: index, x: keyX, baseline: keyBaseline))
                svg.append(
                    "<text class=\"chart-value\" x=\"\(formatCoordinate(keyX + swatchSize + 4))\" "
                        + "y=\"\(formatCoordinate(keyBaseline))\">\(escapeHTML(text))</text>")
                keyX += entryWidth
            }
            bottom = keyBaseline + 4
        }
        svg.append("</g>")
        return bottom + rowGap
    }

    private func swatch(series index: Int, x: Double, baseline: Double) -> String {
        rect(class: "swatch s\(index + 1)", x: x, y: baseline - swatchSize + 1, width: swatchSize, height: swatchSize)
    }

    private func rect(class className: String, x: Double, y: Double, width: Double, height: Double) -> String {
        "<rect class=\"\(className)\" x=\"\(formatCoordinate(x))\" y=\"\(formatCoordinate(y))\" "
            + "width=\"\(formatCoordinate(width))\" height=\"\(formatCoordinate(height))\"/>"
    }

    private var figcaption: String {
        var parts = ["<span class=\"chart-title\">\(escapeHTML(chart.title))</span>"]
        if let description = chart.description {
            parts.append("<span class=\"chart-description\">\(escapeHTML(description))</span>")
        }
        if let source = chart.source {
            parts.append("<span class=\"chart-source\">Source: \(escapeHTML(source))</span>")
        }
        return "<figcaption>" + parts.joined(separator: " ") + "</figcaption>"
    }

    private var dataTable: [String] {
        var rows = ["<table class=\"chart-data\">", "<caption>\(escapeHTML(chart.title))</caption>", "<thead>"]
        let unitNote = chart.unit.map { " (\(escapeHTML($0)))" } ?? ""
        var header = "<tr><th scope=\"col\">Category</th>"
        switch chart.kind {
        case .bar:
            header += "<th scope=\"col\">Value\(unitNote)</th>"
        case .stackedBar:
            for name in chart.series {
                header += "<th scope=\"col\">\(escapeHTML(name))</th>"
            }
        }
        rows.append(header + "</tr>")
        rows.append("</thead>")
        rows.append("<tbody>")
        for bar in chart.bars {
            var row = "<tr><th scope=\"row\">\(escapeHTML(bar.label))</th>"
            for value in bar.values {
                row += "<td>\(escapeHTML(chart.withUnit(value)))</td>"
            }
            rows.append(row + "</tr>")
        }
        rows.append("</tbody>")
        rows.append("</table>")
        return rows
    }
}

/// Greedy word wrap on an estimated line length; a single over-long word keeps its own line.
func wrap(_ text: String, maximumCharacters: Int) -> [String] {
    var lines: [String] = []
    var current = ""
    for word in text.split(whereSeparator: \.isWhitespace) {
        if current.isEmpty {
            current = String(word)
        } else if current.count + 1 + word.count <= maximumCharacters {
            current += " " + word
        } else {
            lines.append(current)
            current = String(word)
        }
    }
    if !current.isEmpty || lines.isEmpty { lines.append(current) }
    return lines
}
