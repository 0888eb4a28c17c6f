#!/usr/bin/env bash
# The Crossroads benchmark (issue 7): full builds of generated corpora by Crossroads, Hugo and the
# cmark-gfm floor, alternating and repeated; a one-page edit through a cached `crossroads build`
# and through the serve path's IncrementalBuilder; peak memory of each. Prints a table and writes
# docs/performance.md. Expects a release build in .build-bench (see `make bench`).
#
#   bench/run.sh [--sizes "1000 10000"] [--runs 5] [--no-doc]
#
# With BASELINE=<commit> (e.g. `BASELINE=b89e554 make bench`), the table also compares with that
# commit's engine: its release binary, built once into .build-baseline/<commit>/ and reused by
# later runs (or BASELINE_BIN=<path>, a release binary of that commit already built), builds a
# corpus made from that commit's own sources (an older engine may refuse today's content), and so
# does this binary, in the same alternation as the other rows.
set -euo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
SIZES="1000 10000"
RUNS=5
WRITE_DOC=1
while [ $# -gt 0 ]; do
    case "$1" in
        --sizes) SIZES=$2; shift 2 ;;
        --runs) RUNS=$2; shift 2 ;;
        --no-doc) WRITE_DOC=0; shift ;;
        *) echo "unknown argument $1" >&2; exit 2 ;;
    esac
done

SCRATCH=${SCRATCH:-$REPO/.build-bench}
CROSSROADS=$SCRATCH/release/crossroads
WORK=${BENCH_WORK:-/dev/shm/crossroads-bench}
RESULTS=$WORK/results.tsv
[ -x "$CROSSROADS" ] || { echo "no release binary at $CROSSROADS (run make bench)" >&2; exit 1; }
command -v hugo >/dev/null || { echo "hugo is missing (apt-get install hugo)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is missing (apt-get install time)" >&2; exit 1; }

rm -rf "$WORK"
mkdir -p "$WORK"
: > "$RESULTS"

BASELINE=${BASELINE:-}
BASELINE_BIN=${BASELINE_BIN:-}
BASELINE_NAME=""
if [ -n "$BASELINE" ]; then
    commit=$(git -C "$REPO" rev-parse --verify --quiet "$BASELINE^{commit}") || { echo "BASELINE=$BASELINE is not a commit of $REPO" >&2; exit 1; }
    BASELINE_NAME=$(git -C "$REPO" rev-parse --short "$commit")
    BASELINE_SRC=$WORK/baseline-src
    mkdir -p "$BASELINE_SRC"
    git -C "$REPO" archive "$commit" | tar -x -C "$BASELINE_SRC"
    if [ -z "$BASELINE_BIN" ]; then
        BASELINE_BIN=$REPO/.build-baseline/$commit/crossroads
        if [ ! -x "$BASELINE_BIN" ]; then
            echo "== building the release binary of $BASELINE_NAME once (kept in .build-baseline/$commit)"
            sources=$REPO/.build-baseline/sources
            rm -rf "$sources" && mkdir -p "$sources"
            git -C "$REPO" archive "$commit" | tar -x -C "$sources"
            swift build -c release --package-path "$sources" --scratch-path "$REPO/.build-baseline/scratch" --product crossroads
            mkdir -p "$(dirname "$BASELINE_BIN")"
            cp "$REPO/.build-baseline/scratch/release/crossroads" "$BASELINE_BIN"
            rm -rf "$sources"
        fi
    fi
    [ -x "$BASELINE_BIN" ] || { echo "no baseline binary at $BASELINE_BIN" >&2; exit 1; }
elif [ -n "$BASELINE_BIN" ]; then
    echo "BASELINE_BIN needs BASELINE=<commit> too: its sources make the baseline's corpus" >&2; exit 1
fi

now() { date +%s.%N; }
elapsed() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.4f}')" "$1" "$2"; }
record() { printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" >> "$RESULTS"; }

echo "== compiling the cmark-gfm floor"
cc -O2 -o "$WORK/cmark-floor" "$REPO/bench/cmark-floor.c" -lcmark-gfm -lcmark-gfm-extensions

echo "== compiling the serve-path harness against the release SiteBuilder"
HARNESS=$WORK/rebuild-harness
if ! "$REPO/bench/build-harness.sh" "$SCRATCH/release" "$HARNESS" > "$WORK/harness-build.log" 2>&1; then
    echo "   (harness did not compile; serve figures skipped — see $WORK/harness-build.log)"
    HARNESS=""
fi

# time_run N TOOL OUTPUT_TO_CLEAN COMMAND...: wall seconds and peak RSS of one run.
time_run() {
    local size=$1 tool=$2 clean=$3; shift 3
    rm -rf "$clean"
    sync
    local start end
    start=$(now)
    /usr/bin/time -f %M -o "$WORK/rss" "$@" > "$WORK/last.out" 2> "$WORK/last.err" || {
        echo "$tool failed:" >&2; cat "$WORK/last.err" >&2; exit 1; }
    end=$(now)
    local seconds
    if [ "$tool" = floor ]; then seconds=$(head -1 "$WORK/last.out"); else seconds=$(elapsed "$start" "$end"); fi
    record "$size" "$tool" seconds "$seconds"
    record "$size" "$tool" rss_kb "$(tail -1 "$WORK/rss")"
    printf '   %-10s %6s pages  %8.3f s  %8d MB\n' "$tool" "$size" "$seconds" "$(( $(tail -1 "$WORK/rss") / 1024 ))"
}

for size in $SIZES; do
    corpus=$WORK/$size
    echo "== corpus of $size pages"
    python3 "$REPO/bench/corpus.py" --pages "$size" --repo "$REPO" --out "$corpus"
    # The same site building only its pages and what they link to (`outputs:` in site.yml).
    rm -rf "$corpus/site-pages"
    cp -a "$corpus/site" "$corpus/site-pages"
    printf 'outputs: [pages]\n' >> "$corpus/site-pages/site.yml"
    if [ -n "$BASELINE" ]; then
        echo "== corpus of $size pages from $BASELINE_NAME's sources"
        python3 "$REPO/bench/corpus.py" --pages "$size" --repo "$BASELINE_SRC" --out "$corpus-baseline"
        "$BASELINE_BIN" build --no-cache --source "$corpus-baseline/site" --output "$corpus/out-baseline" > /dev/null
        "$CROSSROADS" build --no-cache --source "$corpus-baseline/site" --output "$corpus/out-now" > /dev/null
    fi
    # Warm the page cache and check each tool works before timing.
    "$CROSSROADS" build --no-cache --source "$corpus/site" --output "$corpus/out-crossroads" > /dev/null
    "$CROSSROADS" build --no-cache --source "$corpus/site-pages" --output "$corpus/out-pages" > /dev/null
    hugo --quiet --source "$corpus/hugo" --destination "$corpus/out-hugo" > /dev/null
    echo "== full builds, $RUNS alternating runs"
    for run in $(seq "$RUNS"); do
        time_run "$size" crossroads "$corpus/out-crossroads" "$CROSSROADS" build --no-cache --source "$corpus/site" --output "$corpus/out-crossroads"
        time_run "$size" pages-only "$corpus/out-pages" "$CROSSROADS" build --no-cache --source "$corpus/site-pages" --output "$corpus/out-pages"
        if [ -n "$BASELINE" ]; then
            time_run "$size" baseline "$corpus/out-baseline" "$BASELINE_BIN" build --no-cache --source "$corpus-baseline/site" --output "$corpus/out-baseline"
            time_run "$size" baseline-now "$corpus/out-now" "$CROSSROADS" build --no-cache --source "$corpus-baseline/site" --output "$corpus/out-now"
        fi
        time_run "$size" hugo "$corpus/out-hugo" hugo --quiet --source "$corpus/hugo" --destination "$corpus/out-hugo"
        time_run "$size" floor "$corpus/none" "$WORK/cmark-floor" "$corpus/floor"
    done

    # One page in the middle of the corpus, edited by appending a word to its last body line.
    edited=$(ls "$corpus"/site/content/pitfalls/*.md | grep -v _index | sort | sed -n "$(( size / 10 ))p")
    [ -n "$edited" ] || edited=$(ls "$corpus"/site/content/pitfalls/*.md | grep -v _index | head -1)
    cp "$edited" "$WORK/original.md"
    echo "== one-page edit through a cached crossroads build ($edited)"
    rm -rf "$corpus/out-cached" "$corpus/site/.crossroads-cache"
    "$CROSSROADS" build --source "$corpus/site" --output "$corpus/out-cached" > /dev/null
    for run in $(seq "$RUNS"); do
        cp "$WORK/original.md" "$edited"
        sed -i "\$ s/\$/ benchword$run/" "$edited"
        start=$(now)
        "$CROSSROADS" build --source "$corpus/site" --output "$corpus/out-cached" > "$WORK/last.out"
        end=$(now)
        seconds=$(elapsed "$start" "$end")
        record "$size" cached-edit seconds "$seconds"
        printf '   cached     %6s pages  %8.3f s  %s\n' "$size" "$seconds" "$(cat "$WORK/last.out" | sed 's/ -> .*//')"
    done
    cp "$WORK/original.md" "$edited"

    if [ -n "$HARNESS" ]; then
        echo "== one-page edit through IncrementalBuilder (the serve path)"
        rm -rf "$corpus/out-serve"
        "$HARNESS" "$corpus/site" "$corpus/out-serve" "$edited" "$RUNS" > "$WORK/harness.out"
        while read -r label seconds rendered changed; do
            [ "$label" = edit ] || continue
            record "$size" serve-edit seconds "$seconds"
            printf '   serve      %6s pages  %8.3f s  (%s pages rendered, %s files changed)\n' "$size" "$seconds" "$rendered" "$changed"
        done < "$WORK/harness.out"
        cp "$WORK/original.md" "$edited"
    fi
    echo "== one-page edit through a running crossroads serve, save to served page"
    python3 "$REPO/bench/serve-latency.py" "$CROSSROADS" "$corpus/site" "$edited" "$RUNS" > "$WORK/live.out"
    while read -r label seconds; do
        [ "$label" = live ] || continue
        record "$size" serve-live seconds "$seconds"
        printf '   serve live %6s pages  %8.3f s\n' "$size" "$seconds"
    done < "$WORK/live.out"
    cp "$WORK/original.md" "$edited"
    rm -rf "$corpus/out-crossroads" "$corpus/out-pages" "$corpus/site-pages" "$corpus/out-hugo" "$corpus/out-cached" "$corpus/out-serve" \
        "$corpus-baseline" "$corpus/out-baseline" "$corpus/out-now"
done

COMMAND="make bench  (bench/run.sh --sizes \"$SIZES\" --runs $RUNS)"
[ -z "$BASELINE" ] || COMMAND="BASELINE=$BASELINE $COMMAND"
REPORT=(python3 "$REPO/bench/report.py" "$RESULTS" --command "$COMMAND")
[ -z "$BASELINE" ] || REPORT+=(--baseline "$BASELINE_NAME")
[ "$WRITE_DOC" = 0 ] || REPORT+=(--markdown "$REPO/docs/performance.md")
"${REPORT[@]}"
