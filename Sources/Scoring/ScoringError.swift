import Foundation

/// Why a set of answers could not be scored. Every message names the items concerned, by
/// 1-based position and id, and the answers the scale allows.
public enum ScoringError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    /// The definition itself is broken; scoring it would give meaningless bands.
    case invalidQuestionnaire([QuestionnaireProblem])
    /// These items got no answer.
    case missingAnswers([ItemReference], allowed: ClosedRange<Int>)
    /// More answers than items were given in item order.
    case extraAnswers(given: Int, itemCount: Int)
    /// Answers were given by id for ids the questionnaire does not have (sorted).
    case unknownItemIds([String])
    /// These answers fall outside the scale.
    case answersOutOfRange([OutOfRangeAnswer], allowed: ClosedRange<Int>)

    /// An item as errors name it.
    public struct ItemReference: Sendable, Equatable, CustomStringConvertible {
        /// 0-based index into `Questionnaire.items`.
        public var index: Int
        public var id: String
        public var itemCount: Int

        public var description: String { description(in: .english) }

        public func description(in wording: AnswerWording) -> String {
            wording.itemReference(number: String(index + 1), count: String(itemCount), id: id)
        }
    }

    public struct OutOfRangeAnswer: Sendable, Equatable {
        public var item: ItemReference
        public var answer: Int
    }

    public var description: String { description(in: .english) }

    /// The message in `wording`'s language; a broken definition is the author's problem, in English.
    public func description(in wording: AnswerWording) -> String {
        switch self {
        case .invalidQuestionnaire(let problems):
            let list = problems.map(\.description).joined(separator: "; ")
            return "the questionnaire cannot be scored until its definition is fixed: \(list)"
        case .missingAnswers(let items, let allowed):
            return wording.missingAnswers(items: items.map { $0.description(in: wording) }.joined(separator: wording.listSeparator),
                                                min: String(allowed.lowerBound), max: String(allowed.upperBound))
        case .extraAnswers(let given, let itemCount):
            let surplus = itemCount + 1 == given
                ? wording.oneExtraAnswer(given: String(given))
                : wording.severalExtraAnswers(first: String(itemCount + 1), given: String(given))
            return wording.extraAnswers(given: String(given), count: String(itemCount), surplus: surplus)
        case .unknownItemIds(let ids):
            return wording("unknownItemIds", ["ids": ids.map { "\"\($0)\"" }.joined(separator: wording.listSeparator)])
        case .answersOutOfRange(let answers, let allowed):
            let list = answers.map { wording.outOfRangeAnswer(answer: String($0.answer), item: $0.item.description(in: wording)) }
                .joined(separator: wording.listSeparator)
            return wording.answersOutOfRange(answers: list, min: String(allowed.lowerBound), max: String(allowed.upperBound))
        }
    }

    public var errorDescription: String? { description }
}
