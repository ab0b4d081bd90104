import Foundation
import Synchronization

/// One batch of a run, processed on `jobs` worker threads while the calling thread goes on: it
/// reads the next batch and writes the previous one meanwhile, so that reading and writing are not
/// a serial share of the run (see ``PipelineRunner``). With one job the calling thread processes
/// the batch itself, before going on.
///
/// ``wait(addingCPUTo:)`` returns the results in the order of the items, and counts the CPU time of
/// the batch's section of the run: the workers', and what the calling thread did from ``init`` to
/// the wait.
final class BatchRun<Result: Sendable>: @unchecked Sendable {
    // `results` and `workerSeconds` are written by the batch's thread before it signals `finished`,
    // and read by the calling thread only after waiting for it: hence `@unchecked Sendable`.
    private var results: [Result] = []
    private var workerSeconds: [Double] = []
    private let finished = DispatchSemaphore(value: 0)
    private let workers: Int
    /// The calling thread's CPU time when the batch left it.
    private let callerStart: Double

    /// Starts mapping `items` with `transform` on `min(jobs, items.count)` threads; with one job,
    /// maps them right away on the calling thread.
    init<Element: Sendable>(_ items: [Element], jobs: Int, _ transform: @escaping @Sendable (Element) -> Result) {
        workers = max(1, min(jobs, items.count))
        if jobs == 1 {
            // One job is one thread's work (runs that put one process on each core count on it),
            // so the calling thread does the work and the reading and writing around it.
            (results, workerSeconds) = Self.map(items, workers: 1, transform)
            callerStart = SystemClock.threadCPUSeconds
            finished.signal()
            return
        }
        callerStart = SystemClock.threadCPUSeconds
        // A thread of its own, not a shared queue's: the batch makes progress on it (as one of the
        // workers) however busy Dispatch's pool is, even when the caller is a thread of that pool.
        Thread { [self] in
            (results, workerSeconds) = Self.map(items, workers: workers, transform)
            finished.signal()
        }.start()
    }

    /// Waits for the batch and returns its results in item order, handing them over (the batch
    /// keeps none, so that each can be freed once used); adds the CPU time of its section to `cpu`.
    /// Call it once.
    func wait(addingCPUTo cpu: inout ParallelCPU) -> [Result] {
        finished.wait()
        let caller = SystemClock.threadCPUSeconds - callerStart
        let total = workerSeconds.reduce(0, +)
        // The batch ends no sooner than its busiest worker, nor than the calling thread's own work
        // meanwhile, nor than all of it spread over one core per worker.
        let critical = max(workerSeconds.max() ?? 0, caller, (total + caller) / Double(workers))
        cpu.add(ParallelCPU(total: total + caller, critical: critical, caller: caller))
        defer { results = [] }
        return results
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
