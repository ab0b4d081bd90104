import Foundation
import Synchronization

/// One batch of a run, processed on `jobs` worker threads while the calling thread goes on: it
/// reads the next batch and writes the previous one meanwhile, so that reading and writing are not
/// a serial share of the run (see ``PipelineRunner``).
///
/// ``wait()`` returns the results in the order of the items, with the CPU time of the batch's
/// section of the run: the workers', and what the calling thread did from ``init`` to ``wait()``.
final class BatchRun<Result: Sendable>: @unchecked Sendable {
    // `results` and `workerSeconds` are written by the batch's thread before it signals `finished`,
    // and read by the calling thread only after waiting for it: hence `@unchecked Sendable`.
    private var results: [Result] = []
    private var workerSeconds: [Double] = []
    private let finished = DispatchSemaphore(value: 0)
    private let workers: Int
    private let callerStart = SystemClock.threadCPUSeconds
    private var outcome: (results: [Result], cpu: ParallelCPU)?

    /// Starts mapping `items` with `transform` on `min(jobs, items.count)` threads.
    init<Element: Sendable>(_ items: [Element], jobs: Int, _ transform: @escaping @Sendable (Element) -> Result) {
        workers = max(1, min(jobs, items.count))
        // A thread of its own, not a shared queue's: the batch makes progress on it (as one of the
        // workers) however busy Dispatch's pool is, even when the caller is a thread of that pool.
        Thread { [self] in
            (results, workerSeconds) = Self.map(items, workers: workers, transform)
            finished.signal()
        }.start()
    }

    /// Waits for the batch; returns its results in item order and the CPU time of its section.
    /// Further calls return the same without waiting.
    func wait() -> (results: [Result], cpu: ParallelCPU) {
        if let outcome { return outcome }
        finished.wait()
        let caller = SystemClock.threadCPUSeconds - callerStart
        let total = workerSeconds.reduce(0, +)
        // The batch ends no sooner than its busiest worker, nor than the calling thread's own work
        // meanwhile, nor than all of it spread over one core per worker.
        let critical = max(workerSeconds.max() ?? 0, caller, (total + caller) / Double(workers))
        let outcome = (results, ParallelCPU(total: total + caller, critical: critical, caller: caller))
        results = []
        self.outcome = outcome
        return outcome
    }

    /// Maps items on `workers` threads (the current one among them); results in item order, with
    /// each worker's CPU seconds.
    private static func map<Element: Sendable>(
        _ items: [Element], workers: Int, _ transform: @Sendable (Element) -> Result
    ) -> ([Result], [Double]) {
        guard workers > 1 else {
            let start = SystemClock.threadCPUSeconds
            let results = items.map(transform)
            return (results, [SystemClock.threadCPUSeconds - start])
        }
        let next = WorkCounter()
        let workerSeconds = Mutex([Double](repeating: 0, count: workers))
        let results = [Result](unsafeUninitializedCapacity: items.count) { buffer, initialized in
            let slots = SendableBuffer(buffer)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                let start = SystemClock.threadCPUSeconds
                while let index = next.take(below: items.count) {
                    (slots.buffer.baseAddress! + index).initialize(to: transform(items[index]))
                }
                let seconds = SystemClock.threadCPUSeconds - start
                workerSeconds.withLock { $0[worker] = seconds }
            }
            initialized = items.count
        }
        return (results, workerSeconds.withLock { $0 })
    }
}

/// Hands out indexes to worker threads.
private final class WorkCounter: Sendable {
    private let next = Mutex(0)

    func take(below count: Int) -> Int? {
        next.withLock { next in
            guard next < count else { return nil }
            next += 1
            return next - 1
        }
    }
}

/// A result buffer whose slots are each written by exactly one worker.
private struct SendableBuffer<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>
    init(_ buffer: UnsafeMutableBufferPointer<Element>) { self.buffer = buffer }
}
