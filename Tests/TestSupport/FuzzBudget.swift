import Foundation
import PropertyBased

/// How long each property runs: a fixed, seeded number of cases in CI; with `FUZZ_SECONDS` set
/// (`make fuzz`), as many cases as fit in that time, from a seed that changes every run and is
/// printed so a failure can be replayed with `FUZZ_SEED`.
public struct FuzzBudget {
    public let quickCases: Int
    public let seconds: Double?
    public let seed: UInt64

    public init(quickCases: Int) {
        self.quickCases = quickCases
        let environment = ProcessInfo.processInfo.environment
        seconds = environment["FUZZ_SECONDS"].flatMap(Double.init)
        if let fixed = environment["FUZZ_SEED"].flatMap({ UInt64($0) }) {
            seed = fixed
        } else {
            seed = seconds == nil ? 20_261_125 : UInt64(Date().timeIntervalSince1970 * 1000)
        }
    }

    /// Runs `body` with a generator seeded per case (so one case can be replayed alone) and
    /// returns how many cases ran.
    @discardableResult
    public func run(_ name: String, _ body: (_ random: inout Xoshiro, _ caseNumber: Int) throws -> Void) rethrows -> Int {
        let started = Date()
        var count = 0
        while seconds.map({ Date().timeIntervalSince(started) < $0 }) ?? (count < quickCases) {
            // Xoshiro needs well-mixed state (a nearly-zero state yields nearly-zero numbers for a while).
            var mixer = SeededRandom(seed: seed ^ (UInt64(count) &* 0x9E37_79B9_7F4A_7C15))
            var random = Xoshiro(seed: (mixer.next(), mixer.next(), mixer.next(), mixer.next()))
            try body(&random, count)
            count += 1
        }
        if seconds != nil { print("fuzz \(name): \(count) cases in \(String(format: "%.0f", Date().timeIntervalSince(started))) s, seed \(seed)") }
        return count
    }
}

public extension Xoshiro {
    /// A whole number in `range` from this generator, through the library's own generator.
    mutating func int(in range: ClosedRange<Int>) -> Int { Gen.int(in: range).run(using: &self) }

    mutating func pick<T>(_ options: [T]) -> T { options[int(in: 0...(options.count - 1))] }

    mutating func chance(_ percent: Int) -> Bool { int(in: 1...100) <= percent }

    /// `count` tokens from `tokens`, with an occasional random Latin-1 or ASCII run.
    mutating func soup(_ tokens: [String], count: ClosedRange<Int>) -> String {
        var text = ""
        for _ in 0..<int(in: count) {
            if chance(10) {
                text += Gen.latin1.string(of: 1...6).run(using: &self)
            } else {
                text += pick(tokens)
            }
        }
        return text
    }

    /// Inserts, deletes, duplicates or swaps pieces of `text`.
    mutating func mutate(_ text: String, tokens: [String], times: ClosedRange<Int>) -> String {
        var characters = Array(text)
        for _ in 0..<int(in: times) {
            let position = characters.isEmpty ? 0 : int(in: 0...characters.count)
            switch int(in: 0...3) {
            case 0: characters.insert(contentsOf: Array(pick(tokens)), at: position)
            case 1:
                guard !characters.isEmpty, position < characters.count else { continue }
                let end = min(characters.count, position + int(in: 1...8))
                characters.removeSubrange(position..<end)
            case 2:
                var lines = String(characters).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                guard !lines.isEmpty else { continue }
                let line = int(in: 0...(lines.count - 1))
                lines.insert(lines[line], at: int(in: 0...lines.count))
                characters = Array(lines.joined(separator: "\n"))
            default:
                var lines = String(characters).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                guard lines.count > 1 else { continue }
                lines.swapAt(int(in: 0...(lines.count - 1)), int(in: 0...(lines.count - 1)))
                characters = Array(lines.joined(separator: "\n"))
            }
        }
        return String(characters)
    }
}
