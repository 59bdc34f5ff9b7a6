"""The hardening of a target's programs, read from their ELF headers on the
build machine (binutils' readelf): what the toolchain wrapper adds by default
(toolchain/Kconfig: -fstack-protector-strong, -D_FORTIFY_SOURCE=2, -fPIE -pie,
-Wl,-z,relro -Wl,-z,now) must be in every program the packages built.

  programs(target_dir)   the ELF files in the target's program directories
  properties(path)       PIE, RELRO, BIND_NOW, stack protector, fortify
  check(test, output_dir, protected)
                         every program the packages built (not those the
                         toolchain copies from its C library, e.g. getent)
                         PIE with full RELRO; the programs named in
                         PROTECTED call the stack protector and glibc's
                         checked functions
"""

import glob
import os
import re
import subprocess

PROGRAM_DIRS = ("bin", "sbin", "usr/bin", "usr/sbin", "usr/libexec")


def programs(target_dir):
    """Relative paths of the ELF regular files (not links) in PROGRAM_DIRS."""
    found = []
    for d in PROGRAM_DIRS:
        top = os.path.join(target_dir, d)
        for root, _dirs, files in os.walk(top):
            for name in files:
                path = os.path.join(root, name)
                if os.path.islink(path) or not os.path.isfile(path):
                    continue
                with open(path, "rb") as f:
                    if f.read(4) != b"\x7fELF":
                        continue
                found.append(os.path.relpath(path, target_dir))
    return sorted(found)


def properties(path):
    """What readelf says of PATH: a dict of booleans (dynamic, pie, relro,
    now, ssp, fortify)."""
    out = subprocess.run(["readelf", "-W", "-h", "-l", "-d", "--dyn-syms", path],
                         capture_output=True, text=True, check=True).stdout
    dynamic = "Requesting program interpreter" in out
    undefined = set(re.findall(r"\sUND\s+([^\s@]+)", out))
    return {
        "dynamic": dynamic,
        "pie": dynamic and re.search(r"^\s*Type:\s+DYN\b", out, re.M) is not None,
        "relro": re.search(r"^\s*GNU_RELRO\s", out, re.M) is not None,
        "now": re.search(r"\((?:FLAGS|FLAGS_1)\)\s+Flags:.*\bNOW\b|\(FLAGS\)\s+BIND_NOW|\(BIND_NOW\)",
                         out) is not None,
        "ssp": "__stack_chk_fail" in undefined,
        "fortify": any(re.fullmatch(r"__\w+_chk", s) for s in undefined),
    }


def toolchain_programs(output_dir):
    """The programs the toolchain packages put into the target (the C
    library's own, built by whoever built the toolchain's glibc)."""
    found = set()
    for tree in glob.glob(os.path.join(output_dir, "per-package", "toolchain*", "target")):
        found.update(programs(tree))
    return found


def check(test, output_dir, protected):
    """Assert, with TEST's assertions, that every program under
    OUTPUT_DIR/target that a package built is a PIE with full RELRO, and that
    each program named in PROTECTED (relative paths) uses the stack protector
    and _FORTIFY_SOURCE's checked functions. Prints one summary line."""
    target_dir = os.path.join(output_dir, "target")
    skipped = toolchain_programs(output_dir)
    names = [n for n in programs(target_dir) if n not in skipped]
    test.assertGreater(len(names), 0, "no programs under %s" % target_dir)
    props = {n: properties(os.path.join(target_dir, n)) for n in names}
    for key, what in (("dynamic", "a dynamically linked program"), ("pie", "position-independent (PIE)"),
                      ("relro", "RELRO (a GNU_RELRO segment)"), ("now", "BIND_NOW (full RELRO)")):
        lacking = [n for n in names if not props[n][key]]
        test.assertEqual(lacking, [], "programs that are not %s" % what)
    for name in protected:
        test.assertIn(name, props, "%s is not in the target" % name)
        test.assertTrue(props[name]["ssp"], "%s does not call __stack_chk_fail" % name)
        test.assertTrue(props[name]["fortify"], "%s calls none of glibc's __*_chk functions" % name)
    print("%d programs built by the packages: all PIE, RELRO and BIND_NOW; %d call the stack "
          "protector, %d glibc's checked functions (not checked, from the toolchain: %s)"
          % (len(names), sum(p["ssp"] for p in props.values()),
             sum(p["fortify"] for p in props.values()), " ".join(sorted(skipped)) or "none"))
