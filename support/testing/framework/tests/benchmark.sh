# shellcheck shell=bash
# Framework tests: not in the default list: the framework's own cost (make bench-framework).
# Sourced by run-tests (helpers in lib.sh); each test_* runs in a process of its own.

# Not in the default list: measures the framework's own cost with 20 packages
# whose commands do nothing (run-tests overhead_benchmark).
test_overhead_benchmark() {
	new_tree bench
	local i lines=() start end
	for i in $(seq -w 1 20); do
		simple_pkg "pkg$i" 1.0
		lines+=("SMARTOS_PACKAGE_PKG$i=y")
	done
	defconfig "${lines[@]}"
	start=$(date +%s%N)
	mk || { fail "make failed: $(tail -n 20 "$OUT")"; return; }
	end=$(date +%s%N)
	echo "    clean build of 20 empty packages + rootfs tar: $(((end - start) / 1000000)) ms"
	/usr/bin/python3 "$TOP/support/scripts/build-times" "$T/output/build/build-time.log" | tail -n 2 | sed 's/^/    /'
	# No-op make against a reference in the same run: GNU make alone over a
	# Makefile of as many up-to-date stamp targets (what any make-based build
	# costs at the least). Medians of 7 runs each, alternating.
	local ref=$SCRATCH/bench/ref n=$((${#lines[@]} + 2)) ours=() bare=()
	mkdir -p "$ref"
	for i in $(seq 1 "$n"); do
		touch "$ref/dep$i"
		printf 'all: stamp%s\nstamp%s: dep%s\n\ttouch $@\n' "$i" "$i" "$i" >>"$ref/Makefile"
	done
	make -s -C "$ref" >/dev/null || { fail "reference make failed"; return; }
	for _ in 1 2 3 4 5 6 7; do
		start=$(date +%s%N)
		mk || { fail "no-op make failed"; return; }
		end=$(date +%s%N)
		[ ! -s "$OUT" ] || { fail "no-op make printed: $(cat "$OUT")"; return; }
		ours+=($(((end - start) / 1000)))
		start=$(date +%s%N)
		make -s -C "$ref" >/dev/null || { fail "reference make failed"; return; }
		end=$(date +%s%N)
		bare+=($(((end - start) / 1000)))
	done
	median() { printf '%s\n' "$@" | sort -n | sed -n 4p; }
	local mo mb
	mo=$(median "${ours[@]}")
	mb=$(median "${bare[@]}")
	echo "    no-op make, $n packages: median $((mo / 1000)) ms; GNU make alone over $n up-to-date stamps: median $((mb / 1000)) ms; ratio $(awk -v a="$mo" -v b="$mb" 'BEGIN { printf "%.1f", a / b }')"
	start=$(date +%s%N)
	mk pkg01-rebuild >/dev/null || { fail "rebuild failed"; return; }
	mk || { fail "make failed"; return; }
	end=$(date +%s%N)
	echo "    pkg01-rebuild + make (re-merge target, images): $(((end - start) / 1000000)) ms"
}
