import Foundation

extension RunReport {
    /// `12 articles: 10 ok, 1 emptied, 1 failed (0.1 MB in 0.02 s, 5.3 MB/s)`, with
    /// `, 30 already written` after `failed` when a resumed run skipped some (which the counts
    /// before include, as the earlier run's output and dead letters say).
    public var summaryLine: String {
        "\(articles) article\(articles == 1 ? "" : "s"): \(succeeded) ok, \(emptied) emptied, \(failed) failed"
            + (skipped > 0 ? ", \(skipped) already written " : " ")
            + "(\(Self.format(megabytes)) MB in \(Self.format(seconds, digits: 2)) s, "
            + "\(Self.format(megabytesPerSecond)) MB/s)"
    }

    /// The per-step timing table of `--stats`: calls, total ms, mean µs, share of the time, failures.
    public var statisticsTable: String {
        let total = steps.reduce(0) { $0 + $1.seconds }
        let header = ["step", "calls", "total ms", "mean µs", "share", "failed"]
        var rows = steps.map { step in
            [step.name, String(step.calls), Self.format(step.seconds * 1e3, digits: 1),
             Self.format(step.meanSeconds * 1e6, digits: 1),
             Self.format(total > 0 ? step.seconds / total * 100 : 0, digits: 1) + "%", String(step.failures)]
        }
        rows.append(["total", "", Self.format(total * 1e3, digits: 1), "", "", ""])
        let widths = header.indices.map { column in
            ([header] + rows).map { $0[column].count }.max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 ? cell + padding : padding + cell
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        let rule = String(repeating: "-", count: widths.reduce(0, +) + 2 * (widths.count - 1))
        return ([line(header), rule] + rows.dropLast().map(line) + [rule, line(rows.last!),
                "\(Self.format(megabytesPerSecond)) MB/s overall", cpuLine]).joined(separator: "\n")
    }

    /// `CPU: 2.61 s in all, 1.33 s on the critical path (2.0× parallel: 1504 articles/s with 2 idle cores)`.
    var cpuLine: String {
        let parallelism = criticalCPUSeconds > 0 ? cpuSeconds / criticalCPUSeconds : 1
        let rate = criticalCPUSeconds > 0 ? Double(articles) / criticalCPUSeconds : 0
        return "CPU: \(Self.format(cpuSeconds, digits: 2)) s in all, \(Self.format(criticalCPUSeconds, digits: 2)) s on the critical path "
            + "(\(Self.format(parallelism, digits: 2))× parallel: \(Self.format(rate, digits: 0)) articles/s with as many idle cores as jobs)"
    }

    static func format(_ value: Double, digits: Int) -> String { String(format: "%.\(digits)f", value) }

    /// A volume or rate in MB: one decimal, three below 1 MB so that small runs do not read 0.0.
    static func format(_ megabytes: Double) -> String { format(megabytes, digits: megabytes < 1 ? 3 : 1) }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var text = self
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }
}
