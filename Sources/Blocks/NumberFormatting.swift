/// Prints a chart number the way an author wrote it: `12` rather than `12.0`, `2.5` as is.
func formatNumber(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 {
        return String(Int64(value))
    }
    return String(value)
}

/// Rounds a layout coordinate to two decimals so the SVG stays short and identical across builds.
func formatCoordinate(_ value: Double) -> String {
    formatNumber((value * 100).rounded() / 100)
}
