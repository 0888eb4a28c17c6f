#!/usr/bin/env bash
# Compiles bench/rebuild-harness.swift against SiteBuilder as SwiftPM built it (release), without
# touching Package.swift: the harness imports the built modules and links their object files.
#
#   bench/build-harness.sh RELEASE_FOLDER OUTPUT_BINARY
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
RELEASE=$1
OUT=$2
TARGETS="SiteBuilder HostRules Markdown Scoring Blocks ByteText CFileSwap CByteSearch Yams CYaml Mustache Crypto CCryptoBoringSSL CCryptoBoringSSLShims CryptoBoringWrapper CXKCP CXKCPShims"

objects=()
for target in $TARGETS; do
    [ -d "$RELEASE/$target.build" ] || { echo "missing $RELEASE/$target.build" >&2; exit 1; }
    while IFS= read -r object; do objects+=("$object"); done < <(find "$RELEASE/$target.build" -name '*.o' | sort)
done

module_maps=()
while IFS= read -r map; do module_maps+=("-Xcc" "-fmodule-map-file=$map"); done < <(
    { find "$RELEASE" -maxdepth 2 -name module.modulemap; echo "$REPO/Sources/CCmarkGFM/module.modulemap"; } | sort -u)
includes=()
while IFS= read -r folder; do includes+=("-Xcc" "-I$folder"); done < <(
    find "$REPO/Sources/CFileSwap" "$REPO/Sources/CByteSearch" "$REPO/.build-bench/checkouts/Yams/Sources/CYaml" "$REPO/.build-bench/checkouts/swift-crypto/Sources/CCryptoBoringSSL" "$REPO/.build-bench/checkouts/swift-crypto/Sources/CCryptoBoringSSLShims" "$REPO/.build-bench/checkouts/swift-crypto/Sources/CXKCP" "$REPO/.build-bench/checkouts/swift-crypto/Sources/CXKCPShims" -type d -name include 2>/dev/null)

swiftc -O -module-name RebuildHarness \
    -I "$RELEASE/Modules" -I "$RELEASE" "${module_maps[@]}" "${includes[@]}" \
    $(pkg-config --cflags-only-I libcmark-gfm | sed 's/-I/-Xcc -I/g') \
    "$REPO/bench/rebuild-harness.swift" "${objects[@]}" \
    -lcmark-gfm -lcmark-gfm-extensions -lstdc++ -o "$OUT"
