#!/usr/bin/env python3
"""Says whether a libFuzzer run has stopped finding coverage.

    Fuzz/plateau.py Fuzz/crashes/TARGET.log...

For each log: executions, edges (`cov`) and features (`ft`) at start and end, and how many edges
the last tenth and the last quarter of the executions found. A run has reached its plateau when
its last tenth finds no edge, or a handful in a million executions.
"""
import re
import sys

STATUS = re.compile(r'#(\d+)\s+(\w+)\s+cov: (\d+) ft: (\d+)')


def summary(path):
    points, start, total = [], None, None
    with open(path, errors='replace') as log:
        for line in log:
            match = STATUS.match(line)
            if match:
                point = (int(match[1]), int(match[3]), int(match[4]))
                if match[2] == 'INITED':
                    start = point
                points.append(point)
            elif line.startswith('stat::number_of_executed_units:'):
                total = int(line.split()[-1])
    if not points:
        return f'{path}: no status lines'
    start = start or points[0]
    end = points[-1]
    total = total or end[0]

    def edges_at(execution):
        before = [point for point in points if point[0] <= execution]
        return (before[-1] if before else points[0])[1]

    tenth = end[1] - edges_at(total * 0.9)
    quarter = end[1] - edges_at(total * 0.75)
    return (f'{path}: {total:,} executions, edges {start[1]:,} -> {end[1]:,} '
            f'(features {start[2]:,} -> {end[2]:,}); new edges in the last tenth {tenth}, '
            f'in the last quarter {quarter}')


if __name__ == '__main__':
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    for argument in sys.argv[1:]:
        print(summary(argument))
