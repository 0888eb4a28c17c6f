import Foundation

/// The named steps of every build, in this order. Full, cached and preview builds all run them,
/// and `crossroads build --timings` prints their times under these names.
enum StepName: String, CaseIterable, Sendable {
    /// Files to typed documents: site.yml, content, data, templates, assets, and the cache.
    case load
    /// The immutable site model, and the output map claimed before anything is written.
    case model
    /// Every page's key; pages whose key is unchanged keep their previous files.
    case keys
    /// The pages that changed, in parallel, with their own copies and aliases.
    case render
    /// The site-wide output jobs `outputs:` chose (lists, feeds, search index, ...).
    case outputs
    /// The staged output swapped into place (or the preview's changed files written), the cache saved.
    case write
}

/// A build as six named step values run in order, each handing its result to the next (in the
/// spirit of Publish's publishing steps). Builds differ in what their steps are given (a cache,
/// a writer, only the edited pages), never in the steps or their order.
struct BuildPipeline<Loaded, Modelled, Keyed, Rendered, Produced, Written> {
    var load: () throws -> Loaded
    var model: (Loaded) throws -> Modelled
    var keys: (Modelled) throws -> Keyed
    var render: (Keyed) throws -> Rendered
    var outputs: (Rendered) throws -> Produced
    var write: (Produced) throws -> Written

    /// Runs the steps in order: the last step's result, and each step's wall time.
    func run() throws -> (result: Written, steps: [BuildStep]) {
        var clock = StepClock()
        let loaded = try load()
        clock.lap(.load)
        let modelled = try model(loaded)
        clock.lap(.model)
        let keyed = try keys(modelled)
        clock.lap(.keys)
        let rendered = try render(keyed)
        clock.lap(.render)
        let produced = try outputs(rendered)
        clock.lap(.outputs)
        let written = try write(produced)
        clock.lap(.write)
        return (written, clock.steps)
    }
}

/// Measures consecutive steps of a build.
struct StepClock {
    private(set) var steps: [BuildStep] = []
    private var last = DispatchTime.now().uptimeNanoseconds

    mutating func lap(_ step: StepName) {
        let now = DispatchTime.now().uptimeNanoseconds
        steps.append(BuildStep(name: step.rawValue, seconds: Double(now - last) / 1e9))
        last = now
    }
}
