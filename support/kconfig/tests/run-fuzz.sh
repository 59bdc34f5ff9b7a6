#!/bin/bash
# run-fuzz.sh BUILD_DIR SECONDS - run both libFuzzer targets for SECONDS each.
# Fails (non-zero) on any crash, leak or sanitizer report.
set -eu -o pipefail
[ $# -eq 2 ] || { echo "usage: $0 BUILD_DIR SECONDS" >&2; exit 2; }
dir=$1
secs=$2
here=$(cd "$(dirname "$0")" && pwd)
pass=0
fail=0
for t in parser config; do
	corpus=$dir/corpus-$t
	mkdir -p "$corpus"
	# inputs that once crashed us stay in the corpus as regression tests
	cp "$here"/fuzz-regressions/$t/* "$corpus"/ 2>/dev/null || true
	if [ $t = parser ]; then
		for f in "$here"/unit/*/Kconfig; do cp "$f" "$corpus/$(basename "$(dirname "$f")").kconfig"; done
	else
		for f in "$here"/unit/*/config "$here"/unit/*/expected_config; do
			[ -f "$f" ] && cp "$f" "$corpus/$(basename "$(dirname "$f")")-$(basename "$f")"
		done
	fi
	echo ">>> fuzz-$t for ${secs}s"
	scratch=$(mktemp -d)
	if (cd "$dir" && KC_FUZZ_DIR=$scratch "./fuzz-$t" -max_total_time="$secs" -max_len=4096 -timeout=10 \
		-artifact_prefix="$dir/crash-$t-" "$corpus" >"$dir/fuzz-$t.log" 2>&1); then
		pass=$((pass + 1))
		tail -1 "$dir/fuzz-$t.log"
	else
		fail=$((fail + 1))
		echo "FAIL fuzz-$t: see $dir/fuzz-$t.log"
		grep -m5 -E "ERROR|SUMMARY" "$dir/fuzz-$t.log" || true
	fi
	rm -rf "$scratch"
done
echo "$pass passed, $fail failed"
[ $fail = 0 ]
