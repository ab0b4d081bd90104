#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The system clocks TextMine reads (`clock_gettime`): monotonic time for the runner's timings,
/// and CPU time for speeds that do not depend on how busy the machine is (benchmarks, `eval`).
package enum SystemClock {
    /// Monotonic time in nanoseconds (cheap enough to read per article and step).
    @inline(__always)
    package static var nanoseconds: UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    /// Seconds of monotonic time since a reading of ``nanoseconds``.
    package static func seconds(since start: UInt64) -> Double { Double(nanoseconds &- start) / 1e9 }

    /// The CPU time the calling thread has used, in seconds.
    package static var threadCPUSeconds: Double { seconds(of: CLOCK_THREAD_CPUTIME_ID) }

    /// The CPU time the process has used (all threads, user and system), in seconds.
    package static var processCPUSeconds: Double { seconds(of: CLOCK_PROCESS_CPUTIME_ID) }

    private static func seconds(of clock: clockid_t) -> Double {
        var time = timespec()
        clock_gettime(clock, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
