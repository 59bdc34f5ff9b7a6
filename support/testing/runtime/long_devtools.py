"""Long test (make check-long): GNU make and ncurses on the target, without
gcc there. Builds smartos_qemu_debug_defconfig with SMARTOS_PACKAGE_MAKE and
SMARTOS_PACKAGE_NCURSES (make and ncurses from source, host ncurses for the
terminfo compiler: about 10 minutes of make check's budget, which is why they
are here), boots it in qemu (TCG) and checks
  - make runs a Makefile (parallel, up to date, one input changed);
  - ncurses' programs read the terminal descriptions the image has (toe,
    infocmp, tput);
  - an ncurses program built on the build machine against the staging
    directory (its headers, library and ncursesw.pc, with the build's cross
    compiler) is copied into the guest and runs on the serial console;
  - the headers and .pc files are in staging and, without gcc on the target,
    not in the target.
With gcc on the target, long_internal_toolchain builds that program inside
the guest. SMARTOS_RUNTIME_OUTPUT_DEVTOOLS=<dir> reuses a built output
directory.
"""

import os
import shutil
import tempfile
import unittest

import devtools_runtime as dev
import smartos_runtime as rt


class DevTools(rt.RuntimeTest):
    """GNU make and ncurses in the image (without gcc on the target)."""
    defconfig = "smartos_qemu_debug_defconfig"
    config_fragment = """
        SMARTOS_PACKAGE_MAKE=y
        SMARTOS_PACKAGE_NCURSES=y
    """
    output_env = "SMARTOS_RUNTIME_OUTPUT_DEVTOOLS"
    builds_kernel_tree = True   # the configuration's hello module

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.vm = cls.boot_for_class()

    TERMINFO = ("ansi dumb linux vt100 vt102 vt220 xterm xterm-color xterm-256color "
                "screen screen-256color tmux tmux-256color").split()

    def test_make_runs_a_makefile(self):
        dev.check_make(self, self.vm)

    def test_terminal_descriptions_are_the_configured_ones(self):
        self.assertEqual(self.build.config_value("SMARTOS_PACKAGE_NCURSES_TERMINFO").split(),
                         self.TERMINFO)
        # toe lists each compiled entry once, by its primary name.
        out = self.vm.run("toe /usr/share/terminfo")
        self.assertEqual(sorted(line.split()[0] for line in out.splitlines() if line.strip()),
                         sorted(self.TERMINFO), out)
        self.assertIn("colors#0x100,", self.vm.run("infocmp -x xterm-256color"))
        self.assertEqual(self.vm.run("tput -T linux cols; tput -T xterm-256color colors").split(),
                         ["80", "256"])

    def test_dev_files_in_staging_only(self):
        staging = os.path.join(self.build.output_dir, "staging")
        target = os.path.join(self.build.output_dir, "target")
        for f in ("usr/include/curses.h", "usr/include/ncurses.h", "usr/include/term.h",
                  "usr/lib/pkgconfig/ncursesw.pc", "usr/lib/pkgconfig/panelw.pc",
                  "usr/lib/libncursesw.so", "usr/lib/libncurses.so", "usr/include/gnumake.h"):
            self.assertTrue(os.path.lexists(os.path.join(staging, f)), "staging lacks " + f)
        for f in ("usr/include", "usr/lib/pkgconfig", "usr/lib/libncursesw.so",
                  "usr/bin/ncursesw6-config"):
            self.assertFalse(os.path.lexists(os.path.join(target, f)),
                             "the target has %s without gcc on the target" % f)
        for f in ("usr/lib/libncursesw.so.6", "usr/lib/libpanelw.so.6", "usr/bin/make",
                  "usr/bin/tput", "usr/share/terminfo/v/vt100"):
            self.assertTrue(os.path.exists(os.path.join(target, f)), "the target lacks " + f)

    def test_cross_built_ncurses_program_runs_on_the_console(self):
        work = tempfile.mkdtemp(prefix="smartos-ncurses-demo-")
        self.addCleanup(shutil.rmtree, work, True)
        program = dev.cross_build_demo(self.build, os.path.join(work, "demo"))
        self.assertIn("libncursesw.so.6", dev.needed_libraries(program))
        with open(program, "rb") as f:
            dev.put_file(self.vm, "/root/ncurses-demo", f.read(), mode="0755")
        dev.check_demo(self, self.vm, "/root/ncurses-demo")



if __name__ == "__main__":
    unittest.main()
