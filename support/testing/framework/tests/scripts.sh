# shellcheck shell=bash
# Framework tests: shellcheck and Python syntax of the scripts.
# Sourced by run-tests (helpers in lib.sh); each test_* runs in a process of its own.

test_scripts_are_clean() {
	command -v shellcheck >/dev/null || { fail "shellcheck is not installed (apt-get install shellcheck)"; return; }
	local f bad=0
	for f in "$TOP"/support/scripts/* "$TOP"/support/testing/framework/run-tests "$TOP"/support/testing/reproducible/* \
		"$TOP"/support/testing/external-tree/board/*/*.sh "$HERE/lib.sh" "$HERE"/tests/*.sh; do
		head -n 1 "$f" | grep -q '^#!/bin/bash\|^# shellcheck shell=bash' || continue
		shellcheck "$f" >"$SCRATCH/shellcheck.out" 2>&1 || { bad=1; cat "$SCRATCH/shellcheck.out"; }
	done
	for f in "$TOP"/support/scripts/*; do
		head -n 1 "$f" | grep -q '^#!/usr/bin/python3' || continue
		/usr/bin/python3 -c 'import sys; compile(open(sys.argv[1]).read(), sys.argv[1], "exec")' "$f" \
			2>"$SCRATCH/py.out" || { bad=1; cat "$SCRATCH/py.out"; }
	done
	[ "$bad" = 0 ] || fail "scripts have shellcheck or Python errors (above)"
}

# make help (support/scripts/help.txt) and the Makefile agree, as make's own
# rule database says: every target help names exists (<pkg>... as a target of
# a generic and of a kconfig package, <name>_defconfig as the pattern), and
# every phony target that is not a package's is in help (internal helpers
# start with "_" or are listed below).
test_help_lists_every_target() {
	new_tree helpcheck
	simple_pkg alpha 1.0
	mkpkg kpkg <<-'MK'
		KPKG_VERSION = 1
		KPKG_KCONFIG_FILE = kpkg.config
		$(eval $(kconfig-package))
	MK
	defconfig SMARTOS_PACKAGE_ALPHA=y
	make -C "$T" --no-print-directory SMARTOS_NO_REEXEC=1 -pn printvars >"$SCRATCH/helpcheck/db.txt" 2>&1 ||
		fail "make -pn printvars failed: $(tail -n 5 "$SCRATCH/helpcheck/db.txt")" || return
	grep -q '^# GNU Make' "$SCRATCH/helpcheck/db.txt" || fail "no rule database from make -p" || return
	/usr/bin/python3 - "$TOP/support/scripts/help.txt" "$SCRATCH/helpcheck/db.txt" >"$SCRATCH/helpcheck/out" 2>&1 <<-'PY' ||
		import re, sys
		help_text = open(sys.argv[1]).read()
		db = open(sys.argv[2], errors="replace").read().split("\n")
		targets, phony = set(), set()
		for line in db:
		    m = re.match(r"^([^#\s:=][^:=]*?):(?!=)(.*)$", line)
		    if not m:
		        continue
		    names = m.group(1).split()
		    if names == [".PHONY"]:
		        phony.update(m.group(2).split())
		    else:
		        targets.update(names)
		named = []
		for line in help_text.split("\nVariables:")[0].split("\n"):
		    m = re.match(r"^  (\S.*?)(?:   |$)", line)
		    if m:
		        named += [w.strip().split(" ")[0] for w in m.group(1).split(",") if w.strip()]
		problems = []
		for name in named:
		    if name == "<name>_defconfig":
		        ok = "%_defconfig" in targets
		    elif name.startswith("<pkg>") or name.startswith("-"):
		        suffix = name[len("<pkg>"):] if name.startswith("<pkg>") else name
		        ok = any(p + suffix in targets for p in ("alpha", "kpkg", "%"))
		    else:
		        ok = name in targets
		    if not ok:
		        problems.append("help names %s, which make does not know" % name)
		internal = {"kconfig-tools", "kconfig-mtools"}
		packages = ("alpha", "kpkg", "toolchain", "host-", "skeleton")
		documented = set(n for n in named)
		for t in sorted(phony):
		    if t.startswith(("_", "$")) or t in internal or t.startswith(packages) or t.endswith("-graph-depends"):
		        continue
		    if t not in documented:
		        problems.append("make target %s is not in help" % t)
		print("\n".join(problems) or "ok: %d names in help" % len(named))
		sys.exit(1 if problems else 0)
	PY
		fail "help and the Makefile disagree:$(printf '\n'; cat "$SCRATCH/helpcheck/out")"
}

TESTS+=(scripts_are_clean help_lists_every_target)
