"""The results of ``bench.http`` as a Markdown document for bench/RESULTS.md.

    .venv/bin/python -m bench.results_md bench/results/latest.json > bench/RESULTS.md
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from bench import report


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    align = ["---"] + ["--:"] * (len(header) - 1)
    return ["| " + " | ".join(header) + " |", "| " + " | ".join(align) + " |",
            *("| " + " | ".join(row) + " |" for row in rows)]


def render(results: dict) -> str:
    machine = results.get("machine", {})
    settings = results.get("settings", {})
    lines = [
        "# Benchmark results (HTTP, `make bench`)", "",
        f"Run {results.get('started', '?')} – {results.get('finished', '?')} "
        f"({results.get('total_seconds', '?')} s in all).", "",
        "## Machine", "",
        f"- {machine.get('cores', '?')} cores, {machine.get('memory_mb', '?')} MB memory, "
        f"{machine.get('platform', '?')}",
        f"- Python {machine.get('python', '?')}, Django {machine.get('django', '?')}, "
        f"PostgreSQL {machine.get('postgresql', '?')}, Redis {machine.get('redis', '?')}, "
        f"gunicorn {machine.get('gunicorn', '?')}, {machine.get('wrk', 'wrk ?')}", "",
        "## Command", "", f"`{results.get('command', 'python -m bench.http')}`: gunicorn with "
        f"{settings.get('workers', 2)} {settings.get('worker_class', 'sync')} workers, production settings; wrk "
        f"{settings.get('threads', 2)} threads, {settings.get('connections', 16)} connections, "
        f"{settings.get('terms', '?')} search terms. The ratio is a page's requests/s over the bare view's "
        "(mean of its runs before and after the pages) in the same server run.",
    ]
    for entry in results.get("scales", []):
        counts = ", ".join(f"{k} {v:,}" for k, v in entry.get("counts", {}).items())
        lines += ["", f"## Scale {entry['scale']:g} ({entry.get('seconds_per_page', '?')} s per page)", "",
                  f"Data: {counts}. Build: {entry.get('build_seconds', '?')} s.", ""]
        lines += _table(["page", "cache on req/s", "p50 ms", "p95 ms", "p99 ms", "errors", "ratio",
                         "cache off req/s", "p50 ms", "p95 ms", "p99 ms", "errors", "ratio"], report.table_rows(entry))
    growth = results.get("growth")
    if growth:
        lines += ["", f"## Growth (cache off, scale {growth['scales'][0]:g} and {growth['scales'][1]:g} side by side)",
                  "", f"Both servers run at once; each page is measured {len(growth['bare']['small'])} times on "
                  f"each, back to back, in the order {report.growth_order_text(growth)} "
                  f"({growth['seconds_per_page']:g} s each), the bare "
                  "view likewise before and after the pages. Growth is the page's throughput at the large scale "
                  "over that at the small one, from the medians (one odd measurement decides nothing).",
                  ""]
        lines += _table(report.growth_header(growth), report.growth_rows(growth))
    targets = results.get("targets") or report.evaluate(results)
    failed = [t for t in targets if not t["passed"]]
    lines += ["", "## Targets (issue 13, section 3)", "", f"{len(targets) - len(failed)} of {len(targets)} met.", "",
              "```", *(report.target_line(t) for t in targets), "```"]
    digests = results.get("digests")
    if digests is not None:
        lines += ["", "## Digests", ""]
        if "error" in digests:
            lines.append(f"Not measured: {digests['error']}")
        else:
            lines += _table(["members", "seconds", "peak MB", "queries per batch"],
                            [[f"{digests.get('users', '?'):,}" if isinstance(digests.get("users"), int)
                              else str(digests.get("users")), str(digests.get("seconds")),
                              str(digests.get("peak_mb")), str(digests.get("queries_per_batch"))]])
    jobs = results.get("jobs")
    if jobs:
        lines += ["", "## Periodic jobs (scan time, once, rolled back)", ""]
        if "error" in jobs:
            lines.append(f"Not measured: {jobs['error']}")
        else:
            lines += [f"Clock: {jobs.get('at')}.", ""]
            lines += _table(["job", "task", "seconds", "queries"], [
                [j["name"], f"`{j['task']}`", str(j.get("seconds", j.get("skipped", "—"))), str(j.get("queries", "—"))]
                for j in jobs["jobs"]])
    explain = results.get("explain")
    if explain:
        lines += ["", "## Query plans (`EXPLAIN (ANALYZE, BUFFERS)` of each page's slowest queries)"]
        if "error" in explain:
            lines += ["", f"Not measured: {explain['error']}"]
        for page in explain.get("pages", []):
            lines += ["", f"### {page['page']} (`{page['path']}`, {page['queries']} queries)"]
            for plan in page["plans"]:
                lines += ["", f"{plan['ms']} ms:", "", "```sql", plan["sql"], "```", "", "```", plan["plan"], "```"]
    return "\n".join(lines) + "\n"


def main(argv=None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    path = Path(argv[0]) if argv else Path(__file__).resolve().parent / "results" / "latest.json"
    sys.stdout.write(render(json.loads(path.read_text())))


if __name__ == "__main__":
    main()
