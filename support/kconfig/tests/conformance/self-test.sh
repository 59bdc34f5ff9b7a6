#!/bin/bash
# Validates the conformance harness itself, on a few cases of x86_64:
# - with the oracle as the conf under test, run.sh and kernel-pytest.sh pass;
# - the replayed tinyconfig and allnoconfig equal kbuild's own results;
# - with deliberately broken confs (the oracle plus a line appended to
#   .config, or to autoconf.h, or a non-zero exit status), run.sh fails and
#   prints a diff naming the file; kernel-pytest.sh fails on the first one.
set -eu -o pipefail

usage() {
	echo "usage: ${0##*/} [--workdir DIR] [--kernel-src DIR]" >&2
	exit 2
}

# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

WORKDIR=$DEFAULT_WORKDIR
KERNEL_SRC=
while [ $# -gt 0 ]; do
	case $1 in
	--workdir) WORKDIR=${2?}; shift 2 ;;
	--kernel-src) KERNEL_SRC=${2?}; shift 2 ;;
	-h | --help) usage ;;
	*) echo "${0##*/}: unknown argument: $1" >&2; usage ;;
	esac
done
WORKDIR=$(abspath "$WORKDIR")
mkdir -p "$WORKDIR"
ensure_kernel_src
ensure_oracle

st=$WORKDIR/selftest
rm -rf "$st"
mkdir -p "$st"

# broken NAME BODY: a conf that runs the oracle, then BODY (in the O= dir).
broken() {
	cat >"$st/$1" <<EOF
#!/bin/sh
'$ORACLE_CONF' "\$@" || exit
$2
EOF
	chmod +x "$st/$1"
}
broken conf-appends-config '[ ! -f .config ] || echo CONFIG_SELFTEST_BROKEN=y >>.config'
broken conf-appends-autoconf-h \
	'[ ! -f include/generated/autoconf.h ] || echo "#define CONFIG_SELFTEST_BROKEN 1" >>include/generated/autoconf.h'
broken conf-exits-1 'exit 1'

passed=0
failed=0
result() {
	if [ "$1" = ok ]; then
		passed=$((passed + 1))
		echo "PASS $2"
	else
		failed=$((failed + 1))
		echo "FAIL $2"
	fi
}

run() {
	"$CONFORMANCE_DIR/run.sh" --workdir "$st/work" --kernel-src "$KERNEL_SRC" \
		--arch x86_64 --seeds 1 --cases 'allnoconfig|tinyconfig|randconfig' "$@"
}

# The oracle against itself: everything passes.
if run --conf "$ORACLE_CONF" --strict >"$st/oracle.log" 2>&1 &&
	grep -q '^3 passed, 0 failed$' "$st/oracle.log"; then
	result ok "run.sh: the oracle as --conf passes"
else
	result bad "run.sh: the oracle as --conf passes (see $st/oracle.log)"
fi

# The replay gives what kbuild itself gives: `make tinyconfig` (three steps,
# one of them merge_config.sh) and `make allnoconfig` in a real O= dir.
for t in tinyconfig allnoconfig; do
	kb=$st/kbuild-$t
	cp -a "$ORACLE_DIR" "$kb"
	snap=$st/work/runs/oracle/x86_64/$t/snap/1-$t
	if make -s -C "$KERNEL_SRC" O="$kb" ARCH=x86_64 "$t" >"$kb.log" 2>&1 &&
		cmp "$kb/.config" "$snap/.config" &&
		cmp "$kb/include/generated/autoconf.h" "$snap/include%generated%autoconf.h"; then
		result ok "replayed $t = kbuild's make $t"
	else
		result bad "replayed $t = kbuild's make $t (compare $kb with $snap)"
	fi
done

# Each broken conf fails, and the report names what differs.
for b in conf-appends-config:'+CONFIG_SELFTEST_BROKEN=y' \
	conf-appends-autoconf-h:'+#define CONFIG_SELFTEST_BROKEN 1' \
	conf-exits-1:'exit-status differs'; do
	name=${b%%:*} expect=${b#*:}
	if run --conf "$st/$name" >"$st/$name.log" 2>&1; then
		result bad "run.sh: $name fails (it passed, see $st/$name.log)"
	elif grep -q '^0 passed, 3 failed$' "$st/$name.log" &&
		grep -qF -- "$expect" "$st/$name.log"; then
		result ok "run.sh: $name fails with '$expect' in the report"
	else
		result bad "run.sh: $name fails with '$expect' in the report (see $st/$name.log)"
	fi
done

pytest() {
	"$CONFORMANCE_DIR/kernel-pytest.sh" --workdir "$st/work" --kernel-src "$KERNEL_SRC" "$@"
}
if pytest --conf "$ORACLE_CONF" >"$st/pytest-oracle.log" 2>&1; then
	result ok "kernel-pytest.sh: the oracle passes"
else
	result bad "kernel-pytest.sh: the oracle passes (see $st/pytest-oracle.log)"
fi
if pytest --conf "$st/conf-appends-config" >"$st/pytest-broken.log" 2>&1; then
	result bad "kernel-pytest.sh: conf-appends-config fails (see $st/pytest-broken.log)"
else
	result ok "kernel-pytest.sh: conf-appends-config fails"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
