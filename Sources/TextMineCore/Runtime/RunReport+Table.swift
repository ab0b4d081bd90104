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
                "\(Self.format(megabytesPerSecond)) MB/s overall"]).joined(separator: "\n")
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
