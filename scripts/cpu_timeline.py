"""Run a command and print, every two seconds, the CPU share of each of its processes.

Shows where a build leaves a CPU idle (one process working, or none), which a total time
hides: ``python scripts/cpu_timeline.py python -m mkdocs build --strict``. Its output lines
are printed with the seconds since the start; each sample also gives the memory of all its
processes together (their proportional set sizes: a page a forked process shares with its
parent counts half to each). The last line gives the exit status, the seconds, the peak
memory of the largest process and the highest sampled total (Linux: reads ``/proc``).
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import threading
import time

TICK = os.sysconf("SC_CLK_TCK")
CPUS = os.cpu_count() or 1


def processes() -> dict[int, tuple[int, str, int]]:
    """pid -> (parent pid, name, CPU ticks) of every process."""
    found = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8") as handle:
                stat = handle.read()
        except OSError:
            continue
        name = stat[stat.find("(") + 1 : stat.rfind(")")]
        fields = stat[stat.rfind(")") + 2 :].split()
        found[int(entry)] = (int(fields[1]), name, int(fields[11]) + int(fields[12]))
    return found


def proportional_mb(pid: int) -> float:
    """The process's proportional set size in MB (0 once it has ended)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def descendants(root: int, table: dict[int, tuple[int, str, int]]) -> set[int]:
    tree = {root}
    grown = True
    while grown:
        grown = False
        for pid, (parent, _, _) in table.items():
            if parent in tree and pid not in tree:
                tree.add(pid)
                grown = True
    return tree


def main() -> None:
    started = time.perf_counter()
    child = subprocess.Popen(
        sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )

    def relay() -> None:
        assert child.stdout is not None
        for line in child.stdout:
            print(f"[{time.perf_counter() - started:7.1f}] {line.rstrip()}", flush=True)

    threading.Thread(target=relay, daemon=True).start()
    last: dict[int, int] = {}
    highest = 0.0
    while True:
        time.sleep(2)
        pid, status, _ = os.wait4(child.pid, os.WNOHANG)
        if pid:
            break
        table = processes()
        shares = []
        members = sorted(descendants(child.pid, table))
        total = sum(proportional_mb(member) for member in members)
        highest = max(highest, total)
        for member in members:
            _, name, ticks = table[member]
            used = ticks - last.get(member, 0)
            last[member] = ticks
            if used:
                shares.append(f"{member}:{name[:10]}:{used / TICK / 2:.2f}")
        print(
            f"[{time.perf_counter() - started:7.1f}] cpu {' '.join(shares)} of {CPUS}, "
            f"{total:.0f} MB",
            flush=True,
        )
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
    print(
        f"exit {os.waitstatus_to_exitcode(status)}, {time.perf_counter() - started:.1f} s, "
        f"largest process {peak} MB, all processes together at most {highest:.0f} MB (sampled)"
    )


if __name__ == "__main__":
    main()
