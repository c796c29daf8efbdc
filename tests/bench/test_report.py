"""bench.report: ratios to the bare view and the targets of issue 13, on hand-made results."""

import pytest

from bench import http, report, results_md


def page(name, kind, rps, p95=10.0, errors=0):
    return {"name": name, "kind": kind, "rps": rps, "p50_ms": p95 / 2, "p95_ms": p95, "p99_ms": p95 * 2,
            "errors": errors}


def bare(rps):
    return {"rps": rps, "p50_ms": 1.0, "p95_ms": 2.0, "p99_ms": 3.0, "errors": 0}


def results(on_pages, off_pages, before=1000.0, after=3000.0, scale=1.0):
    return {"scales": [{"scale": scale, "runs": [
        {"cache": "on", "bare_before": bare(before), "bare_after": bare(after), "pages": on_pages},
        {"cache": "off", "bare_before": bare(before), "bare_after": bare(after), "pages": off_pages},
    ]}]}


def verdicts(targets, page_name, cache=None):
    return [(t["target"], t["value"], t["passed"]) for t in targets
            if t.get("page") == page_name and (cache is None or t.get("cache") == cache)]


def test_the_ratio_uses_the_mean_of_the_bare_view_before_and_after():
    run = {"bare_before": bare(1000.0), "bare_after": bare(3000.0)}
    assert report.bare_rps(run) == 2000.0
    assert report.ratio({"rps": 600.0}, run) == 0.3


def test_anonymous_targets_pass_at_the_limit_and_fail_below_it():
    targets = report.evaluate(results(
        [page("home", "anonymous", 600.0, p95=49.9), page("tips", "anonymous", 599.0, p95=50.0)],
        [page("home", "anonymous", 60.0), page("tips", "anonymous", 59.0)]))
    assert verdicts(targets, "home", "on") == [
        ("0 errors", 0, True), ("anonymous ratio, cache on", 0.3, True), ("anonymous p95 ms, cache on", 49.9, True)]
    assert verdicts(targets, "tips", "on") == [
        ("0 errors", 0, True), ("anonymous ratio, cache on", 0.2995, False),
        ("anonymous p95 ms, cache on", 50.0, False)]
    assert verdicts(targets, "home", "off") == [("0 errors", 0, True), ("anonymous ratio, cache off", 0.03, True)]
    assert verdicts(targets, "tips", "off") == [("0 errors", 0, True), ("anonymous ratio, cache off", 0.0295, False)]


def test_search_and_logged_in_targets_and_errors():
    targets = report.evaluate(results(
        [page("search", "search", 100.0, p95=150.0), page("my portal", "logged_in", 99.0, errors=1)],
        [page("search", "search", 60.0)]))
    assert verdicts(targets, "search", "on") == [
        ("0 errors", 0, True), ("search ratio", 0.05, True), ("search p95 ms", 150.0, False)]
    assert verdicts(targets, "my portal") == [("0 errors", 1, False), ("logged-in ratio", 0.0495, False)]
    assert verdicts(targets, "search", "off") == [
        ("0 errors", 0, True), ("search ratio", 0.03, False), ("search p95 ms", 10.0, True),
        ("anonymous ratio, cache off", 0.03, True)]


def test_growth_compares_the_cache_off_ratios_of_the_smallest_and_largest_scale():
    small = results([], [page("home", "anonymous", 100.0), page("tips", "anonymous", 100.0)], scale=0.01)
    large = results([], [page("home", "anonymous", 90.0), page("tips", "anonymous", 89.0)], scale=1.0)
    targets = report.evaluate({"scales": small["scales"] + large["scales"]})
    growth = [(t["page"], t["value"], t["passed"]) for t in targets if t["target"].startswith("cache off, scale")]
    assert growth == [("home", 0.9, True), ("tips", 0.89, False)]


def _growth(bare_small, bare_large, pages):
    def measured(*values):
        return [{"rps": value, "p95_ms": 50.0, "errors": 0, "requests": int(value * 5)} for value in values]

    return {"scales": [0.01, 1.0], "seconds_per_page": 5.0,
            "bare": {"small": measured(*bare_small), "large": measured(*bare_large)},
            "pages": [{"name": name, "kind": "anonymous", "small": measured(*small), "large": measured(*large)}
                      for name, small, large in pages]}


def test_growth_from_the_side_by_side_phase_compares_the_median_throughputs():
    # The two servers' bare views differ (noise): they do not enter the growth.
    growth = _growth((1900.0, 2100.0, 2000.0), (900.0, 1100.0, 1000.0), [
        ("home", (100.0, 300.0, 110.0), (8.0, 99.0, 100.0)),   # one lucky and one stalled run: 99 / 110 = 0.9
        ("tips", (100.0, 100.0, 90.0), (88.0, 89.0, 90.0)),     # 89 / 100 = 0.89
    ])
    # The per-scale cache-off runs (here home would grow 0.5) no longer decide once the phase ran.
    small = results([], [page("home", "anonymous", 100.0)], scale=0.01)
    large = results([], [page("home", "anonymous", 50.0)], scale=1.0)
    targets = report.evaluate({"scales": small["scales"] + large["scales"], "growth": growth})
    found = [(t["target"], t["page"], t["value"], t["passed"])
             for t in targets if t["target"].startswith("cache off, scale")]
    assert found == [
        ("cache off, scale 1 vs 0.01 (throughput, side by side)", "home", 0.9, True),
        ("cache off, scale 1 vs 0.01 (throughput, side by side)", "tips", 0.89, False),
    ]
    assert report.growth_header(growth) == [
        "page", "0.01 req/s (1)", "0.01 req/s (2)", "0.01 req/s (3)", "1 req/s (1)", "1 req/s (2)", "1 req/s (3)",
        "growth"]
    assert report.growth_rows(growth) == [
        ["bare view", "1,900.0", "2,100.0", "2,000.0", "900.0", "1,100.0", "1,000.0", "—"],
        ["home", "100.0", "300.0", "110.0", "8.0", "99.0", "100.0", "0.900"],
        ["tips", "100.0", "100.0", "90.0", "88.0", "89.0", "90.0", "0.890"],
    ]
    rendered = report.render({"scales": [], "growth": growth})
    assert ("Growth, cache off, both scales served side by side (5 s per measurement; order small, large, large, "
            "small, small, large; growth from the medians)") in rendered
    assert ("FAIL  cache off, scale 1 vs 0.01 (throughput, side by side): s1 cache off tips: 0.89 "
            "(needs >= 0.9)") in rendered


def test_growth_names_its_recorded_order_of_measurements():
    growth = _growth((2000.0,) * 5, (1000.0,) * 5, [("home", (100.0,) * 5, (95.0,) * 5)])
    growth["order"] = http.growth_order(5)
    rendered = report.render({"scales": [], "growth": growth})
    assert ("(5 s per measurement; order small, large, large, small, small, large, large, small, small, large; "
            "growth from the medians)") in rendered
    markdown = results_md.render({"scales": [], "growth": growth})
    assert ("each page is measured 5 times on each, back to back, in the order small, large, large, small, small, "
            "large, large, small, small, large (5 s each)") in markdown


@pytest.mark.parametrize(("runs", "order"), [
    (1, ["small", "large"]),
    (2, ["small", "large", "large", "small"]),
    (3, ["small", "large", "large", "small", "small", "large"]),
    (5, ["small", "large", "large", "small", "small", "large", "large", "small", "small", "large"]),
])
def test_the_growth_order_measures_each_scale_as_often_early_as_late(runs, order):
    assert http.growth_order(runs) == order


def test_growth_without_a_small_scale_rate_is_missing_and_fails():
    growth = _growth((2000.0,), (1000.0,), [("home", (0.0,), (50.0,))])
    (target,) = report.evaluate({"scales": [], "growth": growth})
    assert (target["value"], target["passed"]) == (None, False)


def test_digests_pass_below_the_limits_and_fail_when_missing():
    ok = report.evaluate({"scales": [], "digests": {"users": 50000, "seconds": 59.9, "peak_mb": 299.0}})
    assert [(t["target"], t["passed"]) for t in ok] == [("digests seconds", True), ("digests peak MB", True)]
    slow = report.evaluate({"scales": [], "digests": {"users": 50000, "seconds": 60.0, "peak_mb": 300.0}})
    assert [t["passed"] for t in slow] == [False, False]
    missing = report.evaluate({"scales": [], "digests": {"error": "unrecognized arguments: --json"}})
    assert [(t["value"], t["passed"]) for t in missing] == [(None, False), (None, False)]
    assert report.target_line(missing[0]) == "FAIL  digests seconds: digests: missing (needs < 60)"


def test_the_rendered_report_shows_fail_for_a_failed_target():
    text = report.render(results([page("home", "anonymous", 10.0)], [page("home", "anonymous", 10.0)]))
    assert "FAIL  anonymous ratio, cache on: s1 cache on home: 0.005 (needs >= 0.3)" in text
    assert "PASS  0 errors: s1 cache on home: 0 (needs < 1)" in text
    assert "Targets: 7 of 9 met" in text


def test_results_md_holds_the_table_the_targets_and_the_missing_digests():
    from bench import results_md

    data = results([page("home", "anonymous", 600.0)], [page("home", "anonymous", 60.0)])
    data.update(machine={"cores": 2, "memory_mb": 8000}, digests={"error": "no --json"},
                jobs={"at": "2026-11-01T10:15:00+01:00", "jobs": [
                    {"name": "event-reminders", "task": "events.tasks.send_event_reminders", "seconds": 1.5,
                     "queries": 12}]},
                explain={"pages": [{"page": "practices list", "path": "/praktijkvoorbeelden/", "queries": 7,
                                    "plans": [{"ms": 3.0, "sql": "SELECT 1", "plan": "Result"}]}]})
    text = results_md.render(data)
    assert "| home | 600.0 | 5.0 | 10.0 | 20.0 | 0 | 0.300 | 60.0 | 5.0 | 10.0 | 20.0 | 0 | 0.030 |" in text
    assert "- 2 cores, 8000 MB memory" in text
    assert "FAIL  digests seconds: digests: missing (needs < 60)" in text
    assert "Not measured: no --json" in text
    assert "| event-reminders | `events.tasks.send_event_reminders` | 1.5 | 12 |" in text
    assert "### practices list (`/praktijkvoorbeelden/`, 7 queries)" in text


def test_results_md_holds_the_growth_table():
    from bench import results_md

    text = results_md.render({"scales": [], "growth": _growth((2000.0, 2000.0), (1000.0, 1000.0), [
        ("home", (100.0, 90.0), (45.0, 46.0))])})
    assert "## Growth (cache off, scale 0.01 and 1 side by side)" in text
    assert "| page | 0.01 req/s (1) | 0.01 req/s (2) | 1 req/s (1) | 1 req/s (2) | growth |" in text
    # An even number of measurements: the median is the mean of the middle two (45.5 over 95).
    assert "| home | 100.0 | 90.0 | 45.0 | 46.0 | 0.479 |" in text
