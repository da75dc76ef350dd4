#!/usr/bin/env bash
# cid-vs-kubo.sh — aiprov hash against Kubo's `ipfs add --only-hash`, on the
# same inputs, in the same run, on this machine. Prints wall and CPU time
# ratios, aiprov's peak RSS, and the hardware ceiling (OpenSSL's SHA-256
# rate × cores).
#
#   internal/bench/cid-vs-kubo.sh            # 4 GiB file + 10,000 small files
#   SIZE_MIB=1024 RUNS=5 internal/bench/cid-vs-kubo.sh
#
# Needs: go, Kubo (AIPROV_IPFS, the tool cache, or PATH), GNU time
# (/usr/bin/time, Debian package "time"), python3, openssl (optional).
# Inputs live in a temporary directory that is removed on exit; the big
# file is read once before timing so both tools hash it from the page cache.
set -euo pipefail
cd "$(dirname "$0")/../.."

SIZE_MIB=${SIZE_MIB:-4096}
SMALL_FILES=${SMALL_FILES:-10000}
RUNS=${RUNS:-3}
PROFILE=${PROFILE:-unixfs-v1-2025}

ipfs=${AIPROV_IPFS:-${AIPROV_CACHE:-$HOME/.cache/aiprov}/tools/bin/ipfs}
[ -x "$ipfs" ] || ipfs=$(command -v ipfs || true)
[ -n "$ipfs" ] && [ -x "$ipfs" ] || { echo "Kubo (ipfs) not found: run .ci/install-tools or set AIPROV_IPFS" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "GNU time not found: apt-get install -y time" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/aiprov-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
export IPFS_PATH=$work/ipfs-repo
"$ipfs" init --empty-repo --profile="$PROFILE" >/dev/null 2>&1

echo "building aiprov…" >&2
go build -o "$work/aiprov" ./cmd/aiprov

echo "creating a ${SIZE_MIB} MiB file and ${SMALL_FILES} small files in $work…" >&2
python3 - "$work" "$SIZE_MIB" "$SMALL_FILES" <<'PY'
import os, random, sys
work, size_mib, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
block = os.urandom(1 << 20)
with open(os.path.join(work, "weights.bin"), "wb") as f:
    for i in range(size_mib):
        # Vary each MiB so that no two chunks are equal.
        f.write(i.to_bytes(8, "little") + block[8:])
r = random.Random(1)
for i in range(n):
    d = os.path.join(work, "dataset", "shard-%03d" % (i % 100))
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "sample-%06d.json" % i), "wb") as f:
        f.write(os.urandom(r.randint(100, 8000)))
PY
sync                                # no writeback during the runs
cat "$work/weights.bin" >/dev/null # into the page cache

# run1 NAME CMD...: runs CMD once; prints "wall cpu rss cid" (CPU = user+sys,
# RSS in KiB).
run1() {
	local name=$1 out wall user sys rss
	shift
	out=$( { /usr/bin/time -f "TIME %e %U %S %M" "$@" 2>&1 >"$work/cid.out"; } ) || { echo "$name failed: $out" >&2; exit 1; }
	read -r _ wall user sys rss <<<"$(grep '^TIME' <<<"$out")"
	echo "$wall $(python3 -c "print(round($user + $sys, 2))") $rss $(tail -1 "$work/cid.out")"
}

# report LABEL BYTES PATH: runs aiprov and Kubo alternately RUNS times each
# (so that load from elsewhere hits both alike), keeps each one's fastest
# run, and prints the ratios.
report() {
	local label=$1 bytes=$2 path=$3 a k best_a="" best_k=""
	for _ in $(seq "$RUNS"); do
		a=$(run1 aiprov "$work/aiprov" hash --profile "$PROFILE" "$path")
		k=$(run1 kubo "$ipfs" add -r -Q --only-hash --pin=false "$path")
		[ "${a##* }" = "${k##* }" ] || { echo "MISMATCH on $label: aiprov ${a##* }, Kubo ${k##* }" >&2; exit 1; }
		if [ -z "$best_a" ] || python3 -c "import sys; sys.exit(0 if ${a%% *} < ${best_a%% *} else 1)"; then best_a=$a; fi
		if [ -z "$best_k" ] || python3 -c "import sys; sys.exit(0 if ${k%% *} < ${best_k%% *} else 1)"; then best_k=$k; fi
	done
	read -r aw ac arss acid <<<"$best_a"
	read -r kw kc krss kcid <<<"$best_k"
	python3 - "$label" "$bytes" "$aw" "$ac" "$arss" "$kw" "$kc" "$krss" "$acid" <<'PY'
import sys
label, n, aw, ac, arss, kw, kc, krss, cid = sys.argv[1:]
n, aw, ac, kw, kc = int(n), float(aw), float(ac), float(kw), float(kc)
gb = lambda t: n / t / 1e9 if t > 0 else float("inf")
print(f"{label}: CID {cid} (same in both)")
print(f"  aiprov  {aw:7.2f} s wall  {ac:7.2f} s CPU  {gb(aw):5.2f} GB/s  peak RSS {int(arss)/1024:6.1f} MiB")
print(f"  kubo    {kw:7.2f} s wall  {kc:7.2f} s CPU  {gb(kw):5.2f} GB/s  peak RSS {int(krss)/1024:6.1f} MiB")
ratio = lambda k, a: f"{k/a:5.2f}x" if a > 0 else "  n/a"
print(f"  ratio   {ratio(kw, aw)} wall   {ratio(kc, ac)} CPU  (Kubo time / aiprov time)")
PY
}

echo "== profile $PROFILE, best of $RUNS runs, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
report "${SIZE_MIB} MiB file" $((SIZE_MIB << 20)) "$work/weights.bin"
report "${SMALL_FILES} small files" "$(du -sb "$work/dataset" | cut -f1)" "$work/dataset"

if command -v openssl >/dev/null; then
	rate=$(openssl speed -evp sha256 -bytes 1048576 -seconds 2 2>/dev/null | awk '/^sha256/ {print $2}' | tr -d k)
	python3 - "$rate" "$(nproc)" <<'PY'
import sys
rate, cores = float(sys.argv[1]) * 1000, int(sys.argv[2])
print(f"ceiling: openssl speed -evp sha256 (1 MiB blocks) {rate/1e9:.2f} GB/s per core x {cores} cores = {rate*cores/1e9:.2f} GB/s")
PY
fi
