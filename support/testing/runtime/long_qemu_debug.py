"""Long test (make check-long): the driver demo and debugging tools. Build
smartos_qemu_debug_defconfig (the qemu board with loadable modules, the
hello module, strace, lsof and pciutils; no bootloader: the kernel boots
directly with the ext4 root file system as a virtio disk), boot it in qemu
(TCG), then
  - modprobe hello, find its greeting in dmesg, rmmod hello, find the goodbye;
  - strace -c true, lsof -p 1, lspci;
  - the kernel's hardening options in its .config, the ELF flags of the
    image's programs.
GNU make and ncurses on this configuration are long_devtools. make check
boots the same kernel (test_boot_qemu: KASLR, seccomp) and the hello module
on aarch64 (test_aarch64).

Cost: one kernel build (the hello module needs the kernel's build tree, so
a run builds this configuration before the others, which restore its kernel
from the run's artifact cache) plus busybox, strace, lsof and pciutils from
source, about 800 s on two cores; that is why it is in check-long
(docs/testing.md). DriverDemo and DebugTools boot the image once each
(Hardening reads the build); boots and checks about 1-2 min under TCG. See docs/driver-and-tools.md for the measured figures.
Reuse a built output dir with SMARTOS_RUNTIME_OUTPUT_DEBUG=<dir>.
"""

import glob
import os
import re
import unittest

import elf_hardening
import smartos_runtime as rt


class DebugConfiguration(rt.RuntimeTest):
    defconfig = "smartos_qemu_debug_defconfig"
    output_env = "SMARTOS_RUNTIME_OUTPUT_DEBUG"
    builds_kernel_tree = True   # the hello module


class BootedDebug(DebugConfiguration):
    """One boot per class, shared by its tests."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.vm = cls.boot_for_class()
        print("boot to login prompt: %.1f s (TCG)" % cls.vm.boot_seconds)

    def kernel_release(self):
        releases = glob.glob(os.path.join(self.build.output_dir, "build", "linux", "include",
                                          "config", "kernel.release"))
        self.assertEqual(len(releases), 1, releases)
        with open(releases[0]) as f:
            return f.read().strip()


class DriverDemo(BootedDebug):
    def test_module_installed_and_indexed(self):
        vm = self.vm
        release = self.kernel_release()
        self.assertEqual(vm.run("uname -r").strip(), release)
        path = "/lib/modules/%s/extra/hello.ko" % release
        self.assertEqual(vm.run("test -f %s && echo present" % path).strip(), "present", path)
        # depmod ran at image time: modules.dep lists the module.
        dep = vm.run("cat /lib/modules/%s/modules.dep" % release)
        self.assertRegex(dep, r"(?m)^extra/hello\.ko:")

    def test_in_tree_module_installed_by_linux(self):
        vm = self.vm
        release = self.kernel_release()
        dep = vm.run("cat /lib/modules/%s/modules.dep" % release)
        self.assertRegex(dep, r"(?m)^kernel/drivers/block/null_blk/null_blk\.ko:")
        # modules_install's links into the build machine's tree are not shipped.
        self.assertEqual(vm.run("ls /lib/modules/%s/build /lib/modules/%s/source 2>&1 | grep -c 'No such'"
                                % (release, release)).strip(), "2")
        vm.run("modprobe null_blk")
        self.assertEqual(vm.run("test -b /dev/nullb0 && echo block").strip(), "block")
        vm.run("rmmod null_blk")

    def test_modprobe_greets_and_rmmod_says_goodbye(self):
        vm = self.vm
        vm.run("dmesg -c >/dev/null")
        vm.run("modprobe hello whom=tester")
        self.assertRegex(vm.run("lsmod"), r"(?m)^hello\s")
        self.assertIn("hello: hello, tester! (module loaded)", vm.run("dmesg"))
        self.assertEqual(vm.run("cat /sys/module/hello/parameters/whom").strip(), "tester")
        vm.run("rmmod hello")
        self.assertNotRegex(vm.run("lsmod"), r"(?m)^hello\s")
        self.assertIn("hello: goodbye, tester! (module unloaded)", vm.run("dmesg"))
        self.assertEqual(vm.run("test -e /sys/module/hello", check=False), "")
        self.assertNotEqual(vm.last_status, 0, "/sys/module/hello still exists after rmmod")


class DebugTools(BootedDebug):
    def test_strace_counts_syscalls(self):
        out = self.vm.run("strace -c true 2>&1")
        self.assertRegex(out, r"% time\s+seconds\s+usecs/call\s+calls\s+errors\s+syscall")
        self.assertRegex(out, r"(?m)\sexecve$")
        # The summary line: calls counted, at least execve and exit_group.
        m = re.search(r"(?m)^\s*[\d.]+\s+[\d.]+\s+\d+\s+(\d+)\s+(?:\d+\s+)?total$", out)
        self.assertIsNotNone(m, out)
        self.assertGreaterEqual(int(m.group(1)), 2, out)

    def test_lsof_lists_init_files(self):
        out = self.vm.run("lsof -p 1")
        lines = out.strip().splitlines()
        self.assertRegex(lines[0], r"^COMMAND\s+PID\s+USER\s+FD\s+TYPE")
        self.assertTrue(any(re.match(r"^init\s+1\s+root\s+cwd\s+DIR", line) for line in lines),
                        out)
        self.assertTrue(any(re.match(r"^init\s+1\s+root\s+txt\s+REG.*/bin/busybox$", line)
                            for line in lines), out)

    def test_lspci_names_the_virtio_devices(self):
        out = self.vm.run("lspci")
        # qemu's pc machine: the i440FX host bridge, the virtio disk and NIC.
        self.assertRegex(out, r"(?m)^00:00\.0 Host bridge: Intel Corporation 440FX")
        self.assertRegex(out, r"(?m)^00:0\S+ SCSI storage controller: Red Hat, Inc\. Virtio block device")
        self.assertRegex(out, r"(?m)^00:0\S+ Ethernet controller: Red Hat, Inc\. Virtio network device")


class Hardening(DebugConfiguration):
    """The qemu board's kernel is hardened (board/qemu-x86_64/linux.config;
    docs/security.md; test_boot_qemu checks KASLR and seccomp in the guest),
    and so are the programs of the image. Read from the build; no boot."""

    SYMBOLS = ("RELOCATABLE", "RANDOMIZE_BASE", "CPU_MITIGATIONS", "PAGE_TABLE_ISOLATION",
               "RETPOLINE", "SECCOMP", "SECCOMP_FILTER", "STACKPROTECTOR",
               "STACKPROTECTOR_STRONG", "VMAP_STACK", "FORTIFY_SOURCE", "HARDENED_USERCOPY")

    def test_kernel_configuration(self):
        with open(os.path.join(self.build.output_dir, "build", "linux", ".config")) as f:
            config = f.read()
        lacking = [s for s in self.SYMBOLS if "\nCONFIG_%s=y\n" % s not in config]
        self.assertEqual(lacking, [], "kernel options not set")

    def test_programs_are_hardened(self):
        elf_hardening.check(self, self.build.output_dir, ["bin/busybox", "usr/bin/strace"])


if __name__ == "__main__":
    unittest.main()
