"""Helpers of the development tools' runtime tests (make and ncurses on the
target, the host qemu), on top of smartos_runtime:

  put_file         a file into the guest over its serial console (base64)
  MAKE_CHECKS      a Makefile and what GNU make 4.3 must do with it
  check_make       run those checks in a guest
  check_demo       run the ncurses demo (ncurses-demo/) in a guest, check
                   what it drew and what it read back
  cross_build_demo build the demo on the build machine with the output's
                   cross compiler, against its staging directory
"""

import base64
import hashlib
import os
import re
import shutil
import subprocess

import smartos_runtime as rt

DEMO_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "ncurses-demo")
DEMO_FILES = ("Makefile", "ncurses-demo.c")
NCURSES_VERSION = "ncurses 6.4.20221231"
MAKE_VERSION = "4.3"


def put_file(vm, path, data, mode="0644", chunk=1024):
    """Write DATA (bytes) to PATH in the guest VM: base64 text in chunks of
    one shell command each, decoded by busybox base64; the sha256 in the
    guest must equal DATA's."""
    text = base64.b64encode(data).decode("ascii")
    tmp = path + ".b64"
    vm.run("rm -f %s" % tmp)
    for i in range(0, len(text), chunk):
        vm.run("printf %%s '%s' >> %s" % (text[i:i + chunk], tmp))
    vm.run("base64 -d %s > %s && rm %s && chmod %s %s" % (tmp, path, tmp, mode, path))
    got = vm.run("sha256sum %s" % path).split()[0]
    want = hashlib.sha256(data).hexdigest()
    if got != want:
        raise AssertionError("%s in the guest: sha256 %s, expected %s" % (path, got, want))


def put_demo_sources(vm, directory):
    vm.run("mkdir -p %s" % directory)
    for name in DEMO_FILES:
        with open(os.path.join(DEMO_DIR, name), "rb") as f:
            put_file(vm, "%s/%s" % (directory, name), f.read())


# A Makefile with a pattern rule, automatic variables, a substitution
# reference and functions; the checks run it in parallel, again (nothing to
# do), and after one input changed (only that one is remade).
MAKE_TEST_MAKEFILE = """\
IN := a.in b.in c.in
OUT := $(IN:.in=.out)
all: summary.txt
%.out: %.in
\ttr a-z A-Z < $< > $@
summary.txt: $(OUT)
\tcat $^ > $@
\t@echo "made $(words $^) files with GNU make $(MAKE_VERSION)"
"""


def check_make(test, vm, directory="/root/make-test"):
    """GNU make in the guest VM: its version, a parallel build, an up-to-date
    tree, and a rebuild of exactly what one changed input needs."""
    out = vm.run("make --version")
    test.assertEqual(out.splitlines()[0], "GNU Make %s" % MAKE_VERSION, out)
    vm.run("rm -rf %s && mkdir -p %s" % (directory, directory))
    put_file(vm, directory + "/Makefile", MAKE_TEST_MAKEFILE.encode())
    vm.run("cd %s && printf 'a\\n' > a.in && printf 'b\\n' > b.in && printf 'c\\n' > c.in"
           % directory)
    out = vm.run("make -C %s -j2" % directory)
    test.assertIn("made 3 files with GNU make %s" % MAKE_VERSION, out)
    test.assertEqual(vm.run("cat %s/summary.txt" % directory), "A\nB\nC\n")
    out = vm.run("make -C %s" % directory)
    test.assertIn("Nothing to be done for 'all'.", out)
    # A second later: b.in is newer than b.out whatever the clock's resolution.
    vm.run("sleep 1 && printf 'bee\\n' > %s/b.in" % directory)
    out = vm.run("make -C %s" % directory)
    test.assertIn("tr a-z A-Z < b.in > b.out", out)
    test.assertNotIn("< a.in", out)
    test.assertNotIn("< c.in", out)
    test.assertEqual(vm.run("cat %s/summary.txt" % directory), "A\nBEE\nC\n")


def demo_values(out):
    """The key=value lines the demo prints after leaving curses mode."""
    values = {}
    if "\nversion=" not in out:
        return values
    for line in ("version=" + out.split("\nversion=", 1)[1]).splitlines():
        key, sep, value = line.partition("=")
        if sep:
            values[key] = value
    return values


def check_demo(test, vm, program, term="vt100"):
    """Run the ncurses demo PROGRAM on the guest's serial console (TERM
    TERM): the screen it drew holds the text at row 4, column 9 (the cursor
    motion of the terminal's terminfo entry, then the text), and what it
    read back and printed is right."""
    out = vm.run("TERM=%s %s" % (term, program))
    screen = out.split("\nversion=", 1)[0]
    test.assertIn("\x1b[5;10H", screen, "no cursor motion to row 4, column 9 in %r" % screen)
    test.assertIn("hello from ncurses", screen)
    test.assertEqual(demo_values(out), {
        "version": NCURSES_VERSION,
        "term": term,
        "lines": "24",
        "cols": "80",
        "cup": "\\E[5;10H$<5>" if term == "vt100" else "\\E[5;10H",
        "text": "hello from ncurses",
        "wide": "\u2192",
        "bold": "yes",
    }, "demo output:\n%s" % out)


def printvars(build, *names):
    """NAME=value of make printvars for the build's output directory."""
    res = subprocess.run(["make", "-s", "-C", rt.TOP_DIR, "O=" + build.output_dir, "printvars",
                          "VARS=" + " ".join(names)], capture_output=True, text=True, check=True)
    values = {}
    for line in res.stdout.splitlines():
        key, sep, value = line.partition("=")
        if sep and key in names:
            values[key] = value
    return values


def cross_build_demo(build, workdir):
    """Build the demo in WORKDIR with the build's cross compiler (the
    toolchain wrapper) and the build machine's make, against the staging
    directory's headers, library and ncursesw.pc; returns the program's
    path."""
    tuple_ = printvars(build, "TOOLCHAIN_TUPLE")["TOOLCHAIN_TUPLE"]
    staging = os.path.join(build.output_dir, "staging")
    shutil.rmtree(workdir, ignore_errors=True)
    shutil.copytree(DEMO_DIR, workdir)
    env = dict(os.environ, PKG_CONFIG_LIBDIR=os.path.join(staging, "usr", "lib", "pkgconfig"),
               PKG_CONFIG_SYSROOT_DIR=staging, PKG_CONFIG_PATH="")
    for v in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL"):
        env.pop(v, None)
    cc = os.path.join(build.output_dir, "host", "bin", tuple_ + "-gcc")
    res = subprocess.run(
        ["make", "-C", workdir, "CC=" + cc, "NCURSES_FLAGS=pkg-config ncursesw",
         "CFLAGS=-O2 -Wall -Werror -I%s/usr/include" % staging,
         "LDFLAGS=-L%s/usr/lib" % staging],
        env=env, capture_output=True, text=True)
    if res.returncode != 0:
        raise AssertionError("building the ncurses demo failed:\n%s%s" % (res.stdout, res.stderr))
    program = os.path.join(workdir, "ncurses-demo")
    strip = os.path.join(build.output_dir, "host", "bin", tuple_ + "-strip")
    subprocess.run([strip, program], check=True)
    return program


def needed_libraries(path):
    """NEEDED entries of an ELF file (readelf -d)."""
    out = subprocess.run(["readelf", "-d", path], capture_output=True, text=True,
                         check=True).stdout
    return re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out)
