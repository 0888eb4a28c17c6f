/// A tiny seeded generator (the SplitMix64 algorithm), written out here so golden vectors for a
/// seed never change with the standard library's own random number code.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// A uniform whole number in `range`. Draws that would favour low values (the last partial
    /// run below 2^64) are thrown away and drawn again.
    mutating func next(in range: ClosedRange<Int>) -> Int {
        let span = UInt64(bitPattern: Int64(range.upperBound &- range.lowerBound)) &+ 1
        if span == 0 { return Int(truncatingIfNeeded: next()) }   // the whole Int range
        let biasedBelow = (0 &- span) % span
        var draw = next()
        while draw < biasedBelow { draw = next() }
        return range.lowerBound &+ Int(truncatingIfNeeded: draw % span)
    }
}
