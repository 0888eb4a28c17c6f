#!/usr/bin/env python3
"""Summarises bench/run.sh results: prints the table and optionally writes docs/performance.md.

    report.py RESULTS.tsv --command "..." [--markdown docs/performance.md]
"""
import argparse
import datetime
import os
import platform
import statistics
import subprocess
from collections import defaultdict

TOOLS = [("crossroads", "Crossroads full build (`build --no-cache`)"),
         ("pages-only", "Crossroads, `outputs: [pages]` in site.yml (`build --no-cache`)"),
         ("hugo", "Hugo, minimal templates (`hugo --quiet`)"),
         ("floor", "cmark-gfm floor (parse + render, one core)"),
         ("cached-edit", "One-page edit, cached `crossroads build` (process start included)"),
         ("serve-edit", "One-page edit, serve rebuild alone (`IncrementalBuilder`, told the file)"),
         ("serve-live", "One-page edit, running `crossroads serve`: save to served page (watcher, 20 ms quiet period, rebuild, HTTP)")]


def load(path):
    values = defaultdict(list)
    with open(path) as handle:
        for line in handle:
            size, tool, metric, value = line.rstrip("\n").split("\t")
            values[(int(size), tool, metric)].append(float(value))
    return values


def version(command):
    try:
        return subprocess.run(command, capture_output=True, text=True, check=False).stdout.strip().splitlines()[0]
    except (OSError, IndexError):
        return "unknown"


def machine():
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo") as handle:
            for line in handle:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    memory = "unknown"
    try:
        with open("/proc/meminfo") as handle:
            kb = int(handle.readline().split()[1])
            memory = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    return {"cpus": str(os.cpu_count()), "cpu": cpu, "memory": memory, "kernel": platform.release(),
            "load": " ".join(f"{value:.1f}" for value in os.getloadavg())}


def fmt_seconds(values):
    if not values:
        return "—"
    unit_ms = statistics.median(values) < 1
    def one(value):
        return f"{value * 1000:.0f} ms" if unit_ms else f"{value:.2f} s"
    return f"{one(statistics.median(values))} ({one(min(values))}–{one(max(values))})"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("results")
    parser.add_argument("--command", required=True)
    parser.add_argument("--markdown")
    parser.add_argument("--baseline", help="the commit BASELINE named (bench/run.sh), for the rows comparing with it")
    args = parser.parse_args()
    tools = list(TOOLS)
    if args.baseline:
        tools[2:2] = [("baseline", f"Crossroads at {args.baseline} (before issue 16), on {args.baseline}'s corpus"),
                      ("baseline-now", f"Crossroads now, on {args.baseline}'s corpus")]
    values = load(args.results)
    sizes = sorted({size for size, _, _ in values})
    median = lambda size, tool, metric="seconds": statistics.median(values[(size, tool, metric)]) if values.get((size, tool, metric)) else None

    rows = []
    header = "| work | " + " | ".join(f"{size:,} pages" for size in sizes) + f" | peak memory at {sizes[-1]:,} |"
    rows.append(header)
    rows.append("|---|" + "---|" * len(sizes) + "---|")
    for tool, label in tools:
        cells = [fmt_seconds(values.get((size, tool, "seconds"), [])) for size in sizes]
        rss = values.get((sizes[-1], tool, "rss_kb"))
        memory = f"{statistics.median(rss) / 1024:.0f} MB" if rss else "—"
        rows.append(f"| {label} | " + " | ".join(cells) + f" | {memory} |")

    derived = []
    for size in sizes:
        crossroads, hugo, floor = median(size, "crossroads"), median(size, "hugo"), median(size, "floor")
        if crossroads and hugo:
            derived.append(f"- {size:,} pages: Crossroads / Hugo = **{crossroads / hugo:.2f}×**"
                           + (f", Crossroads / floor = **{crossroads / floor:.2f}×**" if floor else ""))
        pages_only = median(size, "pages-only")
        if pages_only and floor:
            derived.append(f"- {size:,} pages, `outputs: [pages]`: Crossroads / floor = **{pages_only / floor:.2f}×**")
        before, now = median(size, "baseline"), median(size, "baseline-now")
        if before and now:
            derived.append(f"- {size:,} pages, {args.baseline}'s corpus: Crossroads now / at {args.baseline} = **{now / before:.2f}×**")
    if len(sizes) >= 2:
        low, high = sizes[0], sizes[-1]
        for tool in ("crossroads", "hugo", "floor"):
            if median(low, tool) and median(high, tool):
                derived.append(f"- growth {high:,} / {low:,} pages, {tool}: **{median(high, tool) / median(low, tool):.1f}×**")
    big = sizes[-1]
    memory_before, memory_now = median(big, "baseline", "rss_kb"), median(big, "baseline-now", "rss_kb")
    if memory_before and memory_now:
        derived.append(f"- peak memory at {big:,} pages, {args.baseline}'s corpus: now {memory_now / 1024:.1f} MB, "
                       f"at {args.baseline} {memory_before / 1024:.1f} MB")
    memory_c = median(big, "crossroads", "rss_kb")
    memory_h = median(big, "hugo", "rss_kb")
    if memory_c and memory_h:
        derived.append(f"- peak memory at {big:,} pages: Crossroads / Hugo = **{memory_c / memory_h:.2f}×**")

    targets = []
    def target(text, ok):
        targets.append(f"| {text} | {'met' if ok else 'NOT met'} |" if ok is not None else f"| {text} | not measured |")
    c, h, f = median(big, "crossroads"), median(big, "hugo"), median(big, "floor")
    target(f"full build at {big:,} ≤ 0.5× Hugo", (c / h <= 0.5) if c and h else None)
    target(f"full build at {big:,} ≤ 1.5× floor (aim)", (c / f <= 1.5) if c and f else None)
    pages_only = median(big, "pages-only")
    target(f"`outputs: [pages]` at {big:,} ≤ 2× floor (aim)", (pages_only / f <= 2) if pages_only and f else None)
    target(f"peak memory at {big:,} ≤ ¼ of Hugo's", (memory_c / memory_h <= 0.25) if memory_c and memory_h else None)
    before, now = median(big, "baseline"), median(big, "baseline-now")
    if args.baseline:
        target(f"full build at {big:,} no slower than at {args.baseline} (its corpus)", (now <= before) if now and before else None)
        target(f"peak memory at {big:,} no higher than at {args.baseline} (its corpus)",
               (memory_now <= memory_before) if memory_now and memory_before else None)
    serve = median(big, "serve-edit")
    live = median(big, "serve-live")
    cached = median(big, "cached-edit")
    target(f"one-page edit via serve path at {big:,} ≤ 50 ms (rebuild alone)", (serve <= 0.05) if serve else None)
    target(f"one-page edit via serve at {big:,} ≤ 50 ms, end to end (save to served page)", (live <= 0.05) if live else None)
    target(f"one-page edit via cached build at {big:,} ≤ 300 ms", (cached <= 0.3) if cached else None)
    if len(sizes) >= 2 and median(sizes[0], "crossroads") and c:
        target(f"growth {sizes[0]:,} → {big:,} ≤ 11×", c / median(sizes[0], "crossroads") <= 11)

    info = machine()
    swift = version(["swift", "--version"])
    hugo_version = version(["hugo", "version"])
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    runs = max(len(v) for (s, t, m), v in values.items() if m == "seconds")

    print()
    print("\n".join(rows))
    print()
    print("\n".join(derived))
    print()
    print("| target | status |\n|---|---|")
    print("\n".join(targets))
    print(f"\n{info['cpus']} CPUs ({info['cpu']}), {info['memory']}, load at end {info['load']}; {swift}; {hugo_version}")

    if args.markdown:
        notes_path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "performance-notes.md")
        notes = open(notes_path).read().strip() if os.path.exists(notes_path) else ""
        text = f"""# Performance

Latest figures from `make bench` (issue 7). Median of {runs} runs, (min–max) in brackets. Runs alternate
between the tools; corpora and outputs live on tmpfs (`/dev/shm`). Regenerate with the command below;
this file is overwritten by every run.

{chr(10).join(rows)}

{chr(10).join(derived)}

## Targets

| target | status |
|---|---|
{chr(10).join(targets)}

## What is measured

- **Corpus**: `bench/corpus.py`, seeded, N guide pages of 600–1,450 words across all kinds (comparison,
  pitfall, pendulum, mastery-stage, page), each with headings, lists, a GFM table, a task list, links
  (some `@/` cross links), emphasis, most with strikethrough and autolinks; front matter with title,
  kind, summary, weight, date, tags from a pool and often read_next. The site uses the repository's
  default `templates/`, `site.yml`, `content/questionnaire.yml` and `content/data/`.
- **Crossroads**: the release binary, `crossroads build --no-cache` (every page rendered, all outputs:
  pages, section and tag indexes, sitemap, feed, search index, assets), output folder removed before each run.
- **Hugo**: the same bodies (`@/` links written as site paths) with the minimal layouts in
  `bench/hugo-theme` (baseof, single with TOC, tags and prev/next, list, the same nav); output removed before each run.
- **`outputs: [pages]`**: the same corpus with `outputs: [pages]` added to its `site.yml`: the pages and
  what every page links to (assets, section and tag indexes, search index, feed), no sitemap, embed or
  standalone copies, aliases or 404 page (see README, "Choosing the outputs").
- **Floor**: `bench/cmark-floor.c`, every body parsed and rendered by libcmark-gfm with the same extensions
  and smart punctuation, serially, in one process, files read before the clock starts.
- **Cached edit**: after a cached build, one page's body gets one more word, then `crossroads build`
  (cache on) runs as a new process; wall time includes process start.
- **Serve path**: `bench/rebuild-harness.swift`, compiled against the release SiteBuilder, drives
  `IncrementalBuilder` (the in-place rebuild the preview server uses): time from the saved edit to
  the updated output on disk. The watcher's polling delay (poll interval plus quiet period) comes on top in `crossroads serve`.
- **Peak memory**: maximum resident set size from `/usr/bin/time`.
- **Baseline** (only with `BASELINE=<commit> make bench`): that commit's release binary and this one
  build a corpus made from that commit's sources, alternating with the other rows.

{notes}

## Machine

- {info['cpus']} CPUs: {info['cpu']}
- Memory: {info['memory']}; kernel {info['kernel']}; load average at the end of the run: {info['load']}
  (other work shares this machine; figures from a quiet machine will be lower and steadier)
- {swift}
- {hugo_version}
- Date: {now}

Command: `{args.command}`
"""
        with open(args.markdown, "w") as handle:
            handle.write(text)
        print(f"wrote {args.markdown}")


if __name__ == "__main__":
    main()
