/// Per-step call counts, time and failures, gathered per item on workers and summed by the runner.
/// Slot 0 is input, slots 1…n the steps, slot n+1 output.
struct Tally: Sendable {
    enum Slot {
        case input
        case step(Int)
        case output
    }

    var calls: [Int]
    var nanoseconds: [UInt64]
    var failures: [Int]
    /// UTF-8 bytes of the texts read.
    var textBytes = 0
    /// Articles (and failures) left out because an earlier run already wrote them, by what that
    /// run made of them.
    var skipped: [ArticleOutcome: Int] = [:]
    /// CPU time of the parallel sections (see ``RunReport/criticalCPUSeconds``).
    var parallelCPU = ParallelCPU()

    init(stepCount: Int) {
        calls = Array(repeating: 0, count: stepCount + 2)
        nanoseconds = Array(repeating: 0, count: stepCount + 2)
        failures = Array(repeating: 0, count: stepCount + 2)
    }

    private func index(_ slot: Slot) -> Int {
        switch slot {
        case .input: return 0
        case .step(let step): return step + 1
        case .output: return calls.count - 1
        }
    }

    /// Records a call that started at `clock`, moves `clock` to now and returns the call's seconds.
    @discardableResult
    mutating func record(_ slot: Slot, since clock: inout UInt64, failed: Bool) -> Double {
        let now = SystemClock.nanoseconds
        let elapsed = now &- clock
        clock = now
        let index = index(slot)
        calls[index] += 1
        nanoseconds[index] &+= elapsed
        if failed { failures[index] += 1 }
        return Double(elapsed) / 1e9
    }

    /// Counts a failure found after the call was recorded (a step that returned past its time budget).
    mutating func countFailure(_ slot: Slot) {
        failures[index(slot)] += 1
    }

    mutating func add(_ other: Tally) {
        for index in calls.indices {
            calls[index] += other.calls[index]
            nanoseconds[index] &+= other.nanoseconds[index]
            failures[index] += other.failures[index]
        }
        textBytes += other.textBytes
        skipped.merge(other.skipped, uniquingKeysWith: +)
        parallelCPU.add(other.parallelCPU)
    }

    func statistics(stepNames: [String]) -> [StepStatistics] {
        let names = [ArticleFailure.inputStep] + stepNames + [ArticleFailure.outputStep]
        return names.enumerated().map { index, name in
            var statistics = StepStatistics(name: name)
            statistics.calls = calls[index]
            statistics.seconds = Double(nanoseconds[index]) / 1e9
            statistics.failures = failures[index]
            return statistics
        }
    }
}

/// CPU seconds spent in the parallel sections of a run: while a batch runs on the workers (and the
/// calling thread reads the next batch and writes the previous one).
struct ParallelCPU: Sendable {
    /// The workers and the calling thread together.
    var total = 0.0
    /// The sections' share of the critical path: for each, the longest of its busiest worker, the
    /// calling thread's work during it, and all of its CPU time spread over its workers' cores.
    var critical = 0.0
    /// The calling thread's CPU time during the sections.
    var caller = 0.0

    mutating func add(_ other: ParallelCPU) {
        total += other.total
        critical += other.critical
        caller += other.caller
    }
}
