extension Questionnaire {
    /// The facts prose may quote as `{{scoring.…}}`, so no threshold is ever typed by hand:
    /// `scoring.total.min`, `scoring.total.max`, `scoring.items.count`, `scoring.items.reversed`,
    /// `scoring.scale.min`, `scoring.scale.max`, `scoring.bands.count`, `scoring.version`, and for
    /// each band id `B`: `scoring.band.B.min`, `scoring.band.B.max`, `scoring.band.B.label`.
    /// With a map: `scoring.items.forward`, `scoring.regions.count`, `scoring.pull.mastery.max`,
    /// `scoring.pull.management.max` (points), and for each region id `R`:
    /// `scoring.region.R.label`, `scoring.region.R.mastery.min`, `….mastery.max`,
    /// `….management.min`, `….management.max` (percents).
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
        if hasMap {
            values["scoring.items.forward"] = String(items.filter { !$0.reverse }.count)
            values["scoring.regions.count"] = String(regions.count)
            for axis in PullAxis.allCases { values["scoring.pull.\(axis.rawValue).max"] = String(pullMaximum(axis)) }
        }
        for region in regions {
            values["scoring.region.\(region.id).label"] = region.label
            for axis in PullAxis.allCases {
                values["scoring.region.\(region.id).\(axis.rawValue).min"] = String(region.range(axis).min)
                values["scoring.region.\(region.id).\(axis.rawValue).max"] = String(region.range(axis).max)
            }
        }
        for band in bands {
            values["scoring.band.\(band.id).min"] = String(band.min)
            values["scoring.band.\(band.id).max"] = String(band.max)
            values["scoring.band.\(band.id).label"] = band.label
        }
        return values
    }
}
