"""Long test (not in make check: over an hour on two cores): build
smartos_qemu_defconfig -- the internal toolchain (binutils, gcc, glibc from
source) and gcc on the target -- boot it in qemu, compile and run a C program
inside the guest, and check that target programs use our glibc; then, with
the target's own make and gcc, build a small ncurses program from its
Makefile in the guest (support/testing/runtime/ncurses-demo) and run it on
the serial console.

Run it with `make check-long` or `support/testing/runtime/run long_internal_toolchain`;
SMARTOS_RUNTIME_OUTPUT=<dir> reuses an output directory already built with
smartos_qemu_defconfig (then only what changed is rebuilt)."""

import hashlib
import os
import subprocess
import unittest

import devtools_runtime as dev
import smartos_runtime as rt

TUPLE = "x86_64-smartos-linux-gnu"
# Compiling in a TCG guest on a loaded machine: cc1 alone takes seconds.
COMPILE_TIMEOUT = 600

HELLO_C = r"""
#include <stdio.h>
#include <string.h>
#include <gnu/libc-version.h>
int main(void)
{
	char buf[32];
	int sum = 0;
	for (int i = 1; i <= 10; i++)
		sum += i;
	snprintf(buf, sizeof(buf), "sum=%d", sum);
	printf("hello from gcc on smart-os: %s glibc=%s\n", buf, gnu_get_libc_version());
	return strlen(buf) == 6 ? 0 : 3;
}
"""


def sha256_of(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


class InternalToolchainConfiguration(rt.RuntimeTest):
    defconfig = "smartos_qemu_defconfig"


class InternalToolchainHost(InternalToolchainConfiguration):
    """What the build left on the build machine."""

    def test_configuration_is_internal(self):
        self.assertEqual(self.build.config_value("SMARTOS_TOOLCHAIN_INTERNAL"), "y")
        self.assertEqual(self.build.config_value("SMARTOS_PACKAGE_GCC_TARGET"), "y")

    def test_cross_gcc_is_wrapped_with_the_staging_sysroot(self):
        gcc = os.path.join(self.build.output_dir, "host", "bin", TUPLE + "-gcc")
        env = dict(os.environ, SMARTOS_WRAPPER_DEBUG="1")
        res = subprocess.run([gcc, "-print-sysroot"], capture_output=True, text=True,
                             env=env, check=True)
        staging = os.path.realpath(os.path.join(self.build.output_dir, "staging"))
        self.assertEqual(os.path.realpath(res.stdout.strip()), staging,
                         "wrapper said: %s" % res.stderr)
        self.assertIn(TUPLE + "-gcc.real --sysroot=", res.stderr)

    def test_target_libc_is_the_staging_libc(self):
        # The same file (glibc built by the bootstrap gcc has no build ID to compare).
        target = sha256_of(os.path.join(self.build.output_dir, "target", "lib", "libc.so.6"))
        staging = sha256_of(os.path.join(self.build.output_dir, "staging", "lib", "libc.so.6"))
        self.assertEqual(target, staging)


class InternalToolchainGuest(InternalToolchainConfiguration):
    """One boot, shared by the tests."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.vm = cls.boot_for_class()
        print("qemu start to login prompt: %.1f s" % cls.vm.boot_seconds)

    def test_gcc_is_ours(self):
        self.assertEqual(self.vm.run("gcc -dumpmachine").strip(), TUPLE)
        self.assertEqual(self.vm.run("gcc -dumpfullversion").strip(), "12.2.0")

    def test_compiled_program_runs_on_our_loader_and_libc(self):
        # The source goes over the console as printf arguments, one per line
        # (it has no single quotes).
        lines = HELLO_C.strip().splitlines()
        self.vm.run("printf '%%s\\n' %s > /root/hello.c"
                    % " ".join("'%s'" % line for line in lines))
        self.assertEqual(self.vm.run("wc -l < /root/hello.c").strip(), str(len(lines)))
        self.vm.run("cd /root && gcc -O2 -Wall -o hello hello.c", timeout=COMPILE_TIMEOUT)
        out = self.vm.run("/root/hello").strip()
        self.assertEqual(out, "hello from gcc on smart-os: sum=55 glibc=2.36")
        out = self.vm.run("readelf -l /root/hello")
        self.assertIn("[Requesting program interpreter: /lib64/ld-linux-x86-64.so.2]", out)
        # glibc's ldd is a bash script; the loader itself lists the libraries.
        out = self.vm.run("/lib64/ld-linux-x86-64.so.2 --list /root/hello")
        self.assertRegex(out, r"libc\.so\.6 => /lib/libc\.so\.6 \(0x[0-9a-f]+\)")

    def test_guest_libc_is_the_staging_libc(self):
        out = self.vm.run("sha256sum /lib/libc.so.6")
        staging = sha256_of(os.path.join(self.build.output_dir, "staging", "lib", "libc.so.6"))
        self.assertEqual(out.split()[0], staging, "the guest's /lib/libc.so.6: %s" % out)
        version = self.vm.run("/lib/libc.so.6")
        self.assertIn("release version 2.36", version)


class DeviceBuildsAnNcursesProgram(InternalToolchainConfiguration):
    """make and ncurses on the target with gcc: a program with its Makefile
    builds in the guest and runs on the serial console."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.vm = cls.boot_for_class()

    def test_dev_files_in_the_target(self):
        for f in ("/usr/include/curses.h", "/usr/include/gnumake.h",
                  "/usr/lib/pkgconfig/ncursesw.pc", "/usr/lib/libncursesw.so",
                  "/usr/bin/ncursesw6-config"):
            self.vm.run("test -e %s" % f)
        self.assertEqual(self.vm.run("ncursesw6-config --version").strip(), "6.4.20221231")

    def test_make_runs_a_makefile(self):
        dev.check_make(self, self.vm)

    def test_make_and_gcc_build_the_ncurses_demo(self):
        dev.put_demo_sources(self.vm, "/root/ncurses-demo")
        out = self.vm.run("make -C /root/ncurses-demo", timeout=COMPILE_TIMEOUT)
        self.assertIn("-o ncurses-demo ncurses-demo.o", out)
        out = self.vm.run("/lib64/ld-linux-x86-64.so.2 --list /root/ncurses-demo/ncurses-demo")
        self.assertRegex(out, r"libncursesw\.so\.6 => /usr/lib/libncursesw\.so\.6 ")
        dev.check_demo(self, self.vm, "/root/ncurses-demo/ncurses-demo")


if __name__ == "__main__":
    unittest.main()
