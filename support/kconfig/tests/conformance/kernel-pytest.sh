#!/bin/bash
# Run the Linux 6.1 kernel's own kconfig test suite (scripts/kconfig/tests,
# pytest) against a conf binary.
#
# The suite's conftest.py runs "<cwd>/scripts/kconfig/conf" (the path kbuild's
# `make testconfig` gives it, run from the O= dir).  The tests are copied
# into the work dir, next to a scripts/kconfig/conf that is the binary under
# test, and pytest runs from there; the kernel tree is not modified.
set -eu -o pipefail

usage() {
	cat <<EOF
usage: ${0##*/} --conf PATH [--workdir DIR] [--kernel-src DIR] [-- PYTEST-ARGS]
  --conf PATH        the conf binary under test (required)
  --workdir DIR      work dir (default: output/kconfig-conformance at the top)
  --kernel-src DIR   use this extracted linux-source-6.1 tree instead of
                     extracting /usr/src/linux-source-6.1.tar.xz
EOF
	exit 2
}

# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

CONF=
WORKDIR=$DEFAULT_WORKDIR
KERNEL_SRC=
while [ $# -gt 0 ]; do
	if common_arg "$@"; then
		shift "$ARGS_TAKEN"
		continue
	fi
	case $1 in
	--) shift; break ;;
	*) unknown_arg "$1" ;;
	esac
done
common_args_done
/usr/bin/python3 -c 'import pytest' 2>/dev/null ||
	die "/usr/bin/python3 has no pytest: run 'apt-get install python3-pytest'"

ensure_kernel_src

run=$WORKDIR/pytest
rm -rf "$run"
mkdir -p "$run/scripts/kconfig"
cp -R "$KERNEL_SRC/scripts/kconfig/tests" "$run/tests"
ln -s "$CONF" "$run/scripts/kconfig/conf"

note "kernel kconfig test suite ($KERNEL_SRC/scripts/kconfig/tests) against $CONF"
rc=0
# As kbuild's testconfig target runs it; the user's KCONFIG_* settings must
# not leak into the tests.
(
	cd "$run"
	for v in $(env | sed -n 's/^\(KCONFIG_[A-Za-z0-9_]*\)=.*/\1/p'); do
		unset "$v"
	done
	/usr/bin/python3 -B -m pytest tests -o cache_dir="$run/.cache" \
		--junitxml="$run/junit.xml" "$@"
) || rc=$?

# pytest's exit status says pass/fail; the counts come from its report.
/usr/bin/python3 - "$run/junit.xml" "$rc" <<'EOF'
import sys
import xml.etree.ElementTree as ET

path, rc = sys.argv[1], int(sys.argv[2])
try:
    root = ET.parse(path).getroot()
except (OSError, ET.ParseError) as e:
    print("kernel-pytest: no test report (%s); pytest exit status %d" % (e, rc))
    print("0 passed, 1 failed")
    sys.exit(1)
suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
total = sum(int(s.get("tests", 0)) for s in suites)
bad = sum(int(s.get("failures", 0)) + int(s.get("errors", 0)) + int(s.get("skipped", 0))
          for s in suites)
if total == 0 or (rc != 0 and bad == 0):
    bad = max(bad, 1)
print("%d passed, %d failed" % (total - min(bad, total), bad))
sys.exit(1 if bad or rc else 0)
EOF
