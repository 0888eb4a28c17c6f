extension Questionnaire {
    /// The facts prose may quote as `{{scoring.…}}`, so no threshold is ever typed by hand:
    /// `scoring.total.min`, `scoring.total.max`, `scoring.items.count`, `scoring.items.reversed`,
    /// `scoring.scale.min`, `scoring.scale.max`, `scoring.bands.count`, `scoring.version`, and for
    /// each band id `B`: `scoring.band.B.min`, `scoring.band.B.max`, `scoring.band.B.label`.
    public func placeholderValues() -> [String: String] {
        let range = totalRange
        var values: [String: String] = [
            "scoring.total.min": String(range.lowerBound),
            "scoring.total.max": String(range.upperBound),
            "scoring.items.count": String(items.count),
            "scoring.items.reversed": String(items.filter(\.reverse).count),
            "scoring.scale.min": String(scale.min),
            "scoring.scale.max": String(scale.max),
            "scoring.bands.count": String(bands.count),
            "scoring.version": String(version),
        ]
        for band in bands {
            values["scoring.band.\(band.id).min"] = String(band.min)
            values["scoring.band.\(band.id).max"] = String(band.max)
            values["scoring.band.\(band.id).label"] = band.label
        }
        return values
    }
}
