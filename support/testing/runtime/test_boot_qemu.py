"""CI boot test: build the qemu defconfig from scratch, boot it through GRUB
to a shell, check the kernel (its hardening in the guest: KASLR, seccomp),
the root file system and a dynamically linked busybox; boot it again
without GRUB (run.sh --kernel), and check that poweroff ends qemu.

SMARTOS_RUNTIME_DEFCONFIG picks another defconfig of the qemu board;
SMARTOS_RUNTIME_OUTPUT reuses an output dir."""

import os
import re
import unittest

import smartos_runtime as rt


def linux_mk_version():
    with open(os.path.join(rt.TOP_DIR, "linux", "linux.mk")) as f:
        m = re.search(r"^LINUX_VERSION\s*=\s*(\S+)", f.read(), re.M)
    return m.group(1)


class QemuConfiguration(rt.RuntimeTest):
    defconfig = os.environ.get("SMARTOS_RUNTIME_DEFCONFIG",
                               "smartos_qemu_host_toolchain_defconfig")

    def assertRootDevice(self, vm, name):
        # /proc/mounts names the root device /dev/root: compare device numbers.
        self.assertEqual(vm.run("mountpoint -d /").strip(),
                         vm.run("cat /sys/class/block/%s/dev" % name).strip(),
                         "device of / vs /dev/%s" % name)


class BootQemuX86_64(QemuConfiguration):
    """One boot, read by every test."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.vm = cls.boot_for_class()
        print("qemu start to login prompt: %.1f s, to shell prompt: %.1f s (%s)"
              % (cls.vm.boot_seconds, cls.vm.shell_seconds,
                 os.environ.get("SMARTOS_QEMU_ACCEL", "tcg")))

    def test_grub_booted_the_kernel(self):
        cmdline = self.vm.run("cat /proc/cmdline").strip()
        self.assertIn("BOOT_IMAGE=/boot/bzImage", cmdline,
                      "GRUB passes BOOT_IMAGE; /proc/cmdline was %r" % cmdline)
        self.assertIn("console=ttyS0", cmdline)

    def test_uname_is_the_built_kernel(self):
        # The release the built bzImage carries (compiled here or restored
        # from the run's artifact cache), which must be linux.mk's version.
        expected = rt.kernel_release(os.path.join(self.build.images_dir, "bzImage"))
        self.assertTrue(expected.startswith(linux_mk_version()),
                        "built release %r vs linux.mk version %r" % (expected, linux_mk_version()))
        self.assertEqual(self.vm.run("uname -r").strip(), expected)

    def test_root_is_ext4_on_vda1(self):
        mounts = self.vm.run("cat /proc/mounts")
        root = [line.split() for line in mounts.splitlines()
                if len(line.split()) > 2 and line.split()[1] == "/"]
        self.assertEqual(len(root), 1, "root entries in /proc/mounts:\n%s" % mounts)
        self.assertEqual(root[0][2], "ext4", "/proc/mounts:\n%s" % mounts)
        self.assertRootDevice(self.vm, "vda1")

    def test_busybox_is_dynamic_against_glibc(self):
        interp = self.vm.run("readlink -f /lib64/ld-linux-x86-64.so.2").strip()
        self.assertTrue(interp.endswith("ld-linux-x86-64.so.2"), interp)
        # glibc's dynamic loader lists the libraries like ldd does.
        libs = self.vm.run("/lib64/ld-linux-x86-64.so.2 --list /bin/busybox")
        self.assertRegex(libs, r"libc\.so\.6 => /\S+libc\.so\.6")
        self.assertNotIn("not found", libs)
        self.assertEqual(self.vm.run("echo smart-os | tr a-z A-Z").strip(), "SMART-OS")
        self.assertEqual(self.vm.run("readlink /bin/sh").strip(), "busybox")

    def test_init_ran_the_start_scripts(self):
        mounts = self.vm.run("cat /proc/mounts")
        for mountpoint in ("/proc", "/sys", "/dev", "/tmp"):
            self.assertRegex(mounts, r"(?m)^\S+ %s " % re.escape(mountpoint), mounts)
        self.assertEqual(self.vm.run("hostname").strip(),
                         self.build.config_value("SMARTOS_TARGET_GENERIC_HOSTNAME") or "smart-os")

    # The board's kernel is hardened (board/qemu-x86_64/linux.config,
    # docs/security.md; long_qemu_debug reads its .config). FIXED_TEXT is
    # where its text starts without KASLR (16 MiB above __START_KERNEL_map).
    FIXED_TEXT = "ffffffff81000000"

    def test_kernel_text_is_randomised(self):
        line = self.vm.run("grep -w _text /proc/kallsyms").split()
        self.assertEqual(line[1:], ["T", "_text"], line)
        self.assertNotEqual(line[0], self.FIXED_TEXT, "the kernel is at its fixed address (no KASLR)")
        self.assertNotEqual(line[0].strip("0"), "", "kallsyms hides the address")
        print("kernel text at %s (without KASLR: %s)" % (line[0], self.FIXED_TEXT))

    def test_seccomp(self):
        status = self.vm.run("cat /proc/self/status")
        self.assertRegex(status, r"(?m)^Seccomp:\s+0$")
        self.assertRegex(status, r"(?m)^Seccomp_filters:\s+0$")


class DirectKernelBoot(QemuConfiguration):
    """run.sh --kernel: qemu loads bzImage itself (no GRUB), the root file
    system is rootfs.ext4 on /dev/vda; and poweroff ends qemu."""

    def test_direct_kernel_boot_and_poweroff(self):
        vm = self.boot(script_args=["--kernel"])
        print("--kernel: qemu start to login prompt: %.1f s, to shell prompt: %.1f s"
              % (vm.boot_seconds, vm.shell_seconds))
        cmdline = vm.run("cat /proc/cmdline").strip()
        self.assertNotIn("BOOT_IMAGE=", cmdline, "GRUB booted it: %r" % cmdline)
        self.assertIn("root=/dev/vda ", cmdline + " ")
        self.assertRootDevice(vm, "vda")
        self.assertEqual(vm.run("uname -r").strip(),
                         rt.kernel_release(os.path.join(self.build.images_dir, "bzImage")))
        status = vm.poweroff()
        self.assertEqual(status, 0, "qemu exit status after poweroff")


if __name__ == "__main__":
    unittest.main()
