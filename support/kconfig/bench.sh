#!/bin/bash
# Benchmark: our conf vs the Linux 6.1 kernel's own conf (the oracle) for
# `olddefconfig` on the kernel's x86 tree, starting from the oracle's
# `make ARCH=x86_64 defconfig`.  Both run the way kbuild runs conf (same
# environment and arguments, recorded from kbuild), alternately, each run in
# a fresh O= dir holding only the starting .config, under /usr/bin/time -v.
# Prints every run, the medians and the ratios ours/oracle (target: <= 1.0
# for both wall time and peak RSS).  A benchmark, not a test: the exit status
# does not depend on the figures.
#
# Note: the wall time includes the compiler probes of the kernel's Kconfig
# ($(shell,...) macros run gcc), identical for both. The peak RSS is conf's
# own (VmHWM at its exit, reported by the preload library tests/peak-rss.c):
# /usr/bin/time would report the largest of conf and its compiler probes.
set -eu -o pipefail

usage() {
	cat <<EOF
usage: ${0##*/} --conf PATH [--runs N] [--workdir DIR] [--kernel-src DIR] [--arch ARCH]
  --conf PATH        our conf binary (required)
  --runs N           measured runs of each binary (default: 7), after one warm-up each
  --workdir DIR      work dir (default: output/kconfig-conformance at the top)
  --kernel-src DIR   use this extracted linux-source-6.1 tree instead of
                     extracting /usr/src/linux-source-6.1.tar.xz
  --arch ARCH        kernel architecture (default: x86_64)
EOF
	exit 2
}

# shellcheck source-path=SCRIPTDIR source=tests/conformance/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/tests/conformance/lib.sh"

CONF=
RUNS=7
WORKDIR=$DEFAULT_WORKDIR
KERNEL_SRC=
ARCH=x86_64
while [ $# -gt 0 ]; do
	case $1 in
	--conf) CONF=${2?}; shift 2 ;;
	--runs) RUNS=${2?}; shift 2 ;;
	--workdir) WORKDIR=${2?}; shift 2 ;;
	--kernel-src) KERNEL_SRC=${2?}; shift 2 ;;
	--arch) ARCH=${2?}; shift 2 ;;
	-h | --help) usage ;;
	*) echo "${0##*/}: unknown argument: $1" >&2; usage ;;
	esac
done
[ -n "$CONF" ] || usage
case $RUNS in '' | *[!0-9]* | 0) die "--runs $RUNS: not a positive number" ;; esac
CONF=$(conf_path "$CONF")
WORKDIR=$(abspath "$WORKDIR")
[ -x /usr/bin/time ] || die "/usr/bin/time not found: run 'apt-get install time'"
mkdir -p "$WORKDIR"

ensure_kernel_src
ensure_oracle

bench=$WORKDIR/bench
rm -rf "$bench"
mkdir -p "$bench/start"
cc -std=c11 -O2 -Wall -Wextra -Werror -shared -fPIC -o "$bench/peak-rss.so" \
	"$(dirname "${BASH_SOURCE[0]}")/tests/peak-rss.c"
replay "$ARCH" defconfig "$bench/start" "$ORACLE_CONF" >/dev/null ||
	die "the oracle's defconfig failed in $bench/start"

# measure SIDE BINARY RUN: one olddefconfig in a fresh dir; the figures go
# to $bench/SIDE.RUN.time
measure() {
	local odir=$bench/$1/o
	rm -rf "$odir"
	mkdir -p "$odir"
	cp "$bench/start/.config" "$odir/.config"
	rm -f "$bench/$1.$3.rss"
	replay "$ARCH" olddefconfig "$odir" "$2" \
		"/usr/bin/time -v -o $bench/$1.$3.time env LD_PRELOAD=$bench/peak-rss.so PEAK_RSS_OUT=$bench/$1.$3.rss" \
		>/dev/null 2>"$bench/$1.$3.stderr" ||
		die "$2 --olddefconfig failed (see $bench/$1.$3.stderr)"
	# conf's own line (the probes' lines name gcc, cc1, as...)
	awk -v exe="$(realpath "$2")" '$1 == exe { print $2 }' "$bench/$1.$3.rss" >"$bench/$1.$3.conf-rss"
	[ -s "$bench/$1.$3.conf-rss" ] || die "no peak RSS was reported for $2"
}

note "olddefconfig, ARCH=$ARCH, from defconfig: oracle $ORACLE_CONF vs ours $CONF, $RUNS runs each"
measure oracle "$ORACLE_CONF" warmup
measure ours "$CONF" warmup
for i in $(seq "$RUNS"); do
	measure oracle "$ORACLE_CONF" "$i"
	measure ours "$CONF" "$i"
done

/usr/bin/python3 - "$bench" "$RUNS" <<'EOF'
import statistics
import sys

bench, runs = sys.argv[1], int(sys.argv[2])


def figures(path):
    wall = cpu = None
    with open(path) as f:
        for line in f:
            key, _, value = line.strip().rpartition(': ')
            if key.startswith('Elapsed (wall clock)'):
                parts = [float(p) for p in value.split(':')]
                wall = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
            elif key in ('User time (seconds)', 'System time (seconds)'):
                cpu = (cpu or 0) + float(value)
    with open(path[:-len('time')] + 'conf-rss') as f:
        rss = int(f.read().split()[0])
    return wall, cpu, rss


rows = {side: [figures('%s/%s.%d.time' % (bench, side, i)) for i in range(1, runs + 1)]
        for side in ('oracle', 'ours')}
print('%-4s  %12s %12s %12s   %12s %12s %12s' % ('run', 'oracle wall', 'cpu s', 'conf RSS KiB',
                                                'ours wall', 'cpu s', 'conf RSS KiB'))
for i in range(runs):
    o, u = rows['oracle'][i], rows['ours'][i]
    print('%-4d  %12.2f %12.2f %12d   %12.2f %12.2f %12d' % (i + 1, *o, *u))
med = {side: [statistics.median(r[k] for r in rows[side]) for k in range(3)]
       for side in rows}
print('%-4s  %12.2f %12.2f %12d   %12.2f %12.2f %12d' % ('med', *med['oracle'], *med['ours']))
# Runs alternate, so run i of each side saw about the same machine: the
# median of the per-pair ratios resists a machine whose speed drifts.
names = ('wall time', 'cpu time (user+sys)', "conf's peak RSS")
for k, name in enumerate(names):
    ratio = med['ours'][k] / med['oracle'][k] if med['oracle'][k] else float('inf')
    pairs = statistics.median(u[k] / o[k] if o[k] else float('inf')
                              for o, u in zip(rows['oracle'], rows['ours']))
    print('ratio ours/oracle, %-21s %.2fx of the medians, %.2fx median of the %d pairs'
          % (name + ':', ratio, pairs, runs))
print('target: <= 1.0x for wall time and peak RSS')
EOF
