#!/usr/bin/env bash
# Regenerates the compiled contracts (NAME.abi, NAME.bin, beside the
# sources) and their abigen v2 bindings (../bindings/name.go) from every .sol
# file in this folder, with the pinned solc-js 0.8.37 and OpenZeppelin
# Contracts 5.7.0 from $AIPROV_NODE_DIR/node_modules and abigen v1.17.10
# ($AIPROV_ABIGEN). `source /tmp/install.env` or .ci/install-tools sets both.
#
#   generate.sh          write the files
#   generate.sh --check  regenerate into a temporary folder and fail on any
#                        difference from what is committed
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cache=${AIPROV_CACHE:-$HOME/.cache/aiprov}
: "${AIPROV_NODE_DIR:=$cache/node}"
: "${AIPROV_ABIGEN:=$cache/tools/bin/abigen}"
export AIPROV_NODE_DIR
[ -d "$AIPROV_NODE_DIR/node_modules/solc" ] || { echo "generate.sh: no solc-js in $AIPROV_NODE_DIR/node_modules (set AIPROV_NODE_DIR or run .ci/install-tools)" >&2; exit 1; }
[ -x "$AIPROV_ABIGEN" ] || { echo "generate.sh: abigen not found at $AIPROV_ABIGEN (set AIPROV_ABIGEN)" >&2; exit 1; }

check=false
[ "${1:-}" = "--check" ] && check=true

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/contracts" "$tmp/bindings"
node "$here/compile.cjs" "$tmp/contracts"
for abi in "$tmp"/contracts/*.abi; do
	name=$(basename "$abi" .abi)
	lower=$(echo "$name" | sed -E 's/([a-z0-9])([A-Z])/\1_\2/g' | tr 'A-Z' 'a-z')
	"$AIPROV_ABIGEN" --v2 --abi "$abi" --bin "$tmp/contracts/$name.bin" --pkg bindings --type "$name" --out "$tmp/bindings/$lower.go"
	# Every contract built on OpenZeppelin's EIP712 has eip712Domain(), and
	# abigen v2 names its result type without the contract's name: prefix it
	# so that the bindings of several such contracts share one package.
	sed -i -E "s/\bEip712DomainOutput\b/${name}Eip712DomainOutput/g" "$tmp/bindings/$lower.go"
done

if $check; then
	status=0
	diff -ru --exclude='*.sol' --exclude='*.cjs' --exclude='*.sh' "$here" "$tmp/contracts" >&2 || status=1
	diff -ru --exclude='doc.go' --exclude='*_test.go' "$here/../bindings" "$tmp/bindings" >&2 || status=1
	if [ $status -ne 0 ]; then
		echo "attest/chain: compiled contracts or bindings are stale: run attest/chain/contracts/generate.sh" >&2
		exit 1
	fi
	echo "attest/chain: contracts and bindings are up to date"
	exit 0
fi
rm -f "$here"/*.abi "$here"/*.bin
cp "$tmp"/contracts/* "$here/"
find "$here/../bindings" -maxdepth 1 -name '*.go' ! -name 'doc.go' ! -name '*_test.go' -delete
cp "$tmp"/bindings/*.go "$here/../bindings/"
