#!/usr/bin/env python3
"""One-page edits through a running `crossroads serve`, end to end: from the moment the edited
file is saved to the moment the server answers with the updated page. Includes the watcher
(file notifications on Linux), the quiet period, the rebuild and the HTTP round trip.

    serve-latency.py CROSSROADS SITE EDITED_FILE RUNS

Prints one line per edit: "live SECONDS".
"""
import os, socket, subprocess, sys, time, urllib.request

crossroads, site, edited, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])

with socket.socket() as probe:
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]

relative = os.path.relpath(edited, os.path.join(site, "content"))
page = relative[:-3] + "/"  # pitfalls/x.md -> pitfalls/x/
url = f"http://127.0.0.1:{port}/{page}"
server = subprocess.Popen([crossroads, "serve", "--source", site, "--port", str(port)],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def fetch():
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read()


original = None
try:
    deadline = time.time() + 600
    while True:
        try:
            fetch()
            break
        except Exception:
            if time.time() > deadline or server.poll() is not None:
                sys.exit("serve did not start")
            time.sleep(0.05)
    original = open(edited, encoding="utf-8").read()
    for run in range(runs):
        marker = f"servelatency{run}x"
        # A paragraph of its own: appended to the last line, it would become a stray table cell
        # (dropped by GFM) when a page ends in a table.
        text = original.rstrip("\n") + f"\n\n{marker}\n"
        time.sleep(0.3)  # let the previous rebuild settle
        start = time.perf_counter()
        with open(edited, "w", encoding="utf-8") as handle:
            handle.write(text)
        while marker.encode() not in fetch():
            if time.perf_counter() - start > 30:
                sys.exit("the edit never reached the served page")
            time.sleep(0.001)
        print(f"live {time.perf_counter() - start:.4f}", flush=True)
finally:
    if original is not None:  # the page as it was, even when a run failed
        with open(edited, "w", encoding="utf-8") as handle:
            handle.write(original)
    server.terminate()
    server.wait(timeout=30)
