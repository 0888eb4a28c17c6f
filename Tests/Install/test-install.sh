#!/usr/bin/env bash
# The install test (issue 19), run by `make test-install`:
#   Tests/Install/test-install.sh crossroads_<version>_<arch>.deb   the shipped package, in full
#   Tests/Install/test-install.sh path/to/crossroads                 one binary only (no package checks)
# The binary is copied alone into an empty folder and run as on a Debian machine without Swift and
# without this checkout: `env -i` (no CROSSROADS_HOME, a PATH of system folders only) inside a mount
# namespace where /opt (the Swift toolchain) and the repository are hidden under empty tmpfs mounts.
# `new`, `build`, `check` and `score` must work there, ldd must list no Swift library, and the
# package must hold the right files, control fields and Depends, and install into a scratch root.
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
artifact=$(realpath "$1")
scratch=$(mktemp -d /tmp/crossroads-install-test.XXXXXX)
trap 'rm -rf "$scratch"' EXIT
failures=0
pass() { echo "ok   $*"; }
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
check() { local what=$1; shift; if "$@"; then pass "$what"; else fail "$what"; fi; }
fails() { ! "$@"; }

expected_version=$(sed -n 's/.*static let current = "\(.*\)".*/\1/p' "$repo/Sources/crossroads/Version.swift")
[ -n "$expected_version" ] || { echo "cannot read the version from Sources/crossroads/Version.swift"; exit 2; }

mkdir -p "$scratch/bin" "$scratch/home" "$scratch/work"
case "$artifact" in
    *.deb) dpkg-deb -x "$artifact" "$scratch/extracted" && cp "$scratch/extracted/usr/bin/crossroads" "$scratch/bin/" ;;
    *) cp "$artifact" "$scratch/bin/crossroads" ;;
esac
bin="$scratch/bin/crossroads"
check "the folder holds the binary and nothing else" test "$(ls -A "$scratch/bin")" = crossroads

if unshare --mount --propagation private true 2>/dev/null; then
    isolated=1
else
    isolated=0
    echo "note: no mount namespace here (unshare needs root or user namespaces): /opt and the checkout stay visible; the environment is still cleared"
fi

# isolated DIR COMMAND...: runs COMMAND in DIR with only PATH and HOME set, /opt and the checkout hidden.
isolated() {
    local dir=$1; shift
    if [ "$isolated" = 1 ]; then
        unshare --mount --propagation private -- /bin/sh -c '
            dir=$1 repo=$2 home=$3; shift 3
            if [ -d /opt ]; then mount -t tmpfs none /opt || exit 97; fi
            mount -t tmpfs none "$repo" || exit 97
            cd "$dir" || exit 98
            exec env -i PATH=/usr/local/bin:/usr/bin:/bin HOME="$home" "$@"' sh "$dir" "$repo" "$scratch/home" "$@"
    else
        (cd "$dir" && exec env -i PATH=/usr/local/bin:/usr/bin:/bin HOME="$scratch/home" "$@")
    fi
}

echo "--- ldd $bin"
ldd "$bin" | tee "$scratch/ldd" || true
check "ldd lists no Swift library (libswift*, Foundation, Dispatch, BlocksRuntime, anything under /opt)" \
    bash -c '! grep -Eq "libswift|Foundation|libdispatch|BlocksRuntime|/opt/" "$0"' "$scratch/ldd"
check "ldd finds every library" bash -c '! grep -q "not found" "$0"' "$scratch/ldd"
check "no Swift toolchain is reachable where the binary runs" \
    fails isolated "$scratch/work" sh -c '{ command -v swift || command -v swiftc || ls /opt/swift/usr/bin/swift; } >/dev/null 2>&1'
if [ "$isolated" = 1 ]; then
    check "the checkout is hidden where the binary runs" test -z "$(isolated "$scratch/work" ls -A "$repo")"
fi

version=$(isolated "$scratch/work" "$bin" --version 2>&1 || true)
check "--version prints $expected_version (got '$version')" test "$version" = "$expected_version"

out=$(isolated "$scratch/work" "$bin" new my-guides 2>&1) && status=0 || status=$?
check "new my-guides exits 0 ($out)" test "$status" = 0
site="$scratch/work/my-guides"
check "new wrote the repository's default site, byte for byte" \
    bash -c 'cmp -s "$0/site.yml" "$1/site.yml" && diff -r --exclude=".*" "$0/content" "$1/content" && diff -r --exclude=".*" "$0/templates" "$1/templates"' "$repo" "$site"

out=$(isolated "$site" "$bin" build 2>&1) && status=0 || status=$?
check "build exits 0 ($(echo "$out" | tail -1))" test "$status" = 0
pages=$(find "$site/public" -name "*.html" 2>/dev/null | wc -l || true)
check "build wrote the home page and the guides ($pages HTML files)" test -s "$site/public/index.html" -a "$pages" -gt 20

out=$(isolated "$site" "$bin" check 2>&1) && status=0 || status=$?
check "check exits 0 and finds nothing ($out)" test "$status" = 0 -a "$out" = "No broken links or anchors."

# score's own error names how many items the site's questionnaire has ("item 2 of 15").
# (awk reads its whole input: no early exit to kill a writer with SIGPIPE under pipefail.)
items=$(isolated "$site" "$bin" score --answers 5 2>&1 | grep -o 'of [0-9]*' | awk 'NR == 1 { print $2 }' || true)
answers=$(printf '5,%.0s' $(seq "${items:-1}"))
answers=${answers%,}
out=$(isolated "$site" "$bin" score --answers "$answers" 2>&1) && status=0 || status=$?
check "score of $items answers exits 0 and prints a total and a band" \
    bash -c '[ "$0" = 0 ] && grep -q "^Total: " <<<"$1" && grep -q "^Band: " <<<"$1"' "$status" "$out"

out=$(isolated "$scratch/work" "$bin" --generate-completion-script bash 2>&1) && status=0 || status=$?
check "the binary writes its bash completion script" test "$status" = 0 -a -n "$out"

case "$artifact" in *.deb) ;; *)
    echo "$failures failed (binary only: no package checks)"; exit $((failures > 0)) ;;
esac

echo "--- dpkg-deb -I $(basename "$artifact")"
dpkg-deb -I "$artifact" | tee "$scratch/info"
arch=$(dpkg --print-architecture)
field() { dpkg-deb -f "$artifact" "$1"; }
check "Package: crossroads" test "$(field Package)" = crossroads
check "Version: $expected_version" test "$(field Version)" = "$expected_version"
check "Architecture: $arch" test "$(field Architecture)" = "$arch"
check "the file is named crossroads_${expected_version}_$arch.deb" test "$(basename "$artifact")" = "crossroads_${expected_version}_$arch.deb"
# Depends names exactly the packages that own the libraries the binary itself asks for (its ELF
# NEEDED entries, at the paths ldd resolves them to; dpkg -S on each). What those libraries load
# in turn (libxml2's ICU and liblzma) is their own packages' Depends, as with dpkg-shlibdeps.
# dpkg knows a library by the path its package ships (/lib/... on merged-/usr systems), so try ldd's path first.
owner() { { dpkg -S "$1" 2>/dev/null || dpkg -S "$(realpath "$1")"; } | head -1 | cut -d: -f1; }
needed=$(readelf -d "$bin" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
owners=$(for soname in $needed; do awk -v n="$soname" '$1 == n && $3 ~ /^\// {print $3}' "$scratch/ldd"; done |
    while read -r library; do owner "$library"; done | sort -u)
depends=$(field Depends | tr ',' '\n' | sed 's/(.*)//; s/ //g' | sort -u)
echo "packages owning the linked libraries: $(echo $owners)"
check "Depends ($(echo $depends)) names exactly the packages that own the linked libraries" test "$owners" = "$depends"
check "Depends includes the cmark-gfm libraries" bash -c 'grep -q "^libcmark-gfm[0-9]" <<<"$0" && grep -q "^libcmark-gfm-extensions" <<<"$0"' "$depends"

echo "--- dpkg-deb -c $(basename "$artifact")"
dpkg-deb -c "$artifact" | awk '{print $6}' | tee "$scratch/contents"
for path in ./usr/bin/crossroads ./usr/share/man/man1/crossroads.1.gz ./usr/share/bash-completion/completions/crossroads \
    ./usr/share/zsh/site-functions/_crossroads ./usr/share/fish/vendor_completions.d/crossroads.fish ./usr/share/doc/crossroads/copyright; do
    check "the package holds $path" grep -qx "$path" "$scratch/contents"
done
check "the package installs nothing outside /usr" bash -c '! grep -v "^\./$" "$0" | grep -qv "^\./usr/"' "$scratch/contents"
man="$scratch/extracted/usr/share/man/man1/crossroads.1.gz"
check "the man page carries the version and documents every command" \
    bash -c 'zcat "$0" | grep -q "^\.Os crossroads $1\$" && for c in build new check score plan serve export; do zcat "$0" | grep -q "$c" || exit 1; done' "$man" "$expected_version"
check "the bash completion script parses" bash -n "$scratch/extracted/usr/share/bash-completion/completions/crossroads"
if command -v zsh >/dev/null; then check "the zsh completion script parses" zsh -n "$scratch/extracted/usr/share/zsh/site-functions/_crossroads"; fi
if command -v fish >/dev/null; then check "the fish completion script parses" fish -n "$scratch/extracted/usr/share/fish/vendor_completions.d/crossroads.fish"; fi

# dpkg installs it into an empty root with its own database (Depends are not there: forced).
root="$scratch/root"
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates"
touch "$root/var/lib/dpkg/status" "$root/var/lib/dpkg/available"
out=$(dpkg --root="$root" --force-depends --log=/dev/null -i "$artifact" 2>&1) && status=0 || status=$?
check "dpkg --root installs the package ($(echo "$out" | tail -1))" test "$status" = 0
check "dpkg lists it as installed in the scratch root" bash -c 'dpkg --root="$0" -s crossroads 2>/dev/null | grep -q "^Status: install ok installed"' "$root"
version=$(isolated "$scratch/work" "$root/usr/bin/crossroads" --version 2>&1 || true)
check "the installed binary runs ($version)" test "$version" = "$expected_version"

# make install: PREFIX and DESTDIR put the same files where man and the shells look.
stage="$scratch/destdir"
make -C "$repo" --no-print-directory -s install DESTDIR="$stage" PREFIX=/opt/crossroads >"$scratch/make-install.log" 2>&1 && status=0 || status=$?
check "make install DESTDIR=... PREFIX=/opt/crossroads exits 0" test "$status" = 0
for path in bin/crossroads share/man/man1/crossroads.1 share/bash-completion/completions/crossroads \
    share/zsh/site-functions/_crossroads share/fish/vendor_completions.d/crossroads.fish; do
    check "make install wrote PREFIX/$path under DESTDIR" test -s "$stage/opt/crossroads/$path"
done
check "make install's binary is the packaged one" cmp -s "$stage/opt/crossroads/bin/crossroads" "$bin"

echo "$failures failed"
exit $((failures > 0))
