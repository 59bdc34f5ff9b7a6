"""Long test (make check-long: the toolchain and gcc for the target are
built from source, well over an hour on two cores): smartos_qemu_aarch64_defconfig
-- binutils, gcc and glibc for aarch64-smartos-linux-gnu, and the packages
that make sense on an aarch64 device (dropbear, the firewall, strace, lsof,
pciutils, the hello module, gcc and make on the target) -- booted with
qemu-system-aarch64 -M virt under TCG through AAVMF and GRUB arm64-efi. In
the guest: gcc compiles and runs a C program, and each of the tools runs.

SMARTOS_RUNTIME_OUTPUT_AARCH64_INTERNAL=<dir> reuses an output directory
already built with smartos_qemu_aarch64_defconfig."""

import os
import re
import unittest

import smartos_runtime as rt
from long_internal_toolchain import HELLO_C, sha256_of
from test_aarch64 import EM_AARCH64, elf_header

TUPLE = "aarch64-smartos-linux-gnu"
LOADER = "/lib/ld-linux-aarch64.so.1"
# Compiling in an aarch64 TCG guest: cc1 alone takes many seconds.
COMPILE_TIMEOUT = 900


class Aarch64InternalConfiguration(rt.RuntimeTest):
    defconfig = "smartos_qemu_aarch64_defconfig"
    output_env = "SMARTOS_RUNTIME_OUTPUT_AARCH64_INTERNAL"
    builds_kernel_tree = True   # the hello module


class Aarch64InternalHost(Aarch64InternalConfiguration):

    def test_cross_gcc_is_ours(self):
        gcc = os.path.join(self.build.output_dir, "host", "bin", TUPLE + "-gcc")
        self.assertTrue(os.access(gcc, os.X_OK), gcc)
        target = os.path.join(self.build.output_dir, "target")
        for rel in ("usr/bin/gcc", "bin/busybox", "usr/sbin/dropbear", "lib/libc.so.6"):
            self.assertEqual(elf_header(os.path.join(target, rel)), (2, 1, EM_AARCH64), rel)

    def test_target_libc_is_the_staging_libc(self):
        target = sha256_of(os.path.join(self.build.output_dir, "target", "lib", "libc.so.6"))
        staging = sha256_of(os.path.join(self.build.output_dir, "staging", "lib", "libc.so.6"))
        self.assertEqual(target, staging)


class Aarch64InternalGuest(Aarch64InternalConfiguration):
    """One boot, shared by the tests."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.vm = cls.boot_for_class()
        print("aarch64 (TCG): qemu start to login prompt %.1f s" % cls.vm.boot_seconds)

    def test_gcc_compiles_and_runs_a_program(self):
        self.assertEqual(self.vm.run("uname -m").strip(), "aarch64")
        self.assertEqual(self.vm.run("gcc -dumpmachine").strip(), TUPLE)
        lines = HELLO_C.strip().splitlines()
        self.vm.run("printf '%%s\\n' %s > /root/hello.c"
                    % " ".join("'%s'" % line for line in lines))
        self.vm.run("cd /root && gcc -O2 -Wall -o hello hello.c", timeout=COMPILE_TIMEOUT)
        out = self.vm.run("/root/hello").strip()
        self.assertEqual(out, "hello from gcc on smart-os: sum=55 glibc=2.36")
        out = self.vm.run("readelf -lh /root/hello")
        self.assertIn("AArch64", out)
        self.assertIn("[Requesting program interpreter: %s]" % LOADER, out)

    def test_strace_counts_syscalls(self):
        out = self.vm.run("strace -c true 2>&1")
        self.assertRegex(out, r"(?m)\sexecve$")

    def test_lsof_lists_init_files(self):
        out = self.vm.run("lsof -p 1")
        self.assertTrue(any(re.match(r"^init\s+1\s+root\s+txt\s+REG.*/bin/busybox$", line)
                            for line in out.splitlines()), out)

    def test_lspci_names_the_virtio_devices(self):
        out = self.vm.run("lspci")
        # qemu's virt machine: its PCIe host bridge, the virtio disk and NIC.
        self.assertRegex(out, r"(?m)^00:00\.0 Host bridge: Red Hat, Inc\. QEMU PCIe Host bridge")
        self.assertRegex(out, r"(?m)^00:0\S+ SCSI storage controller: Red Hat, Inc\. Virtio (1\.0 )?block device")
        self.assertRegex(out, r"(?m)^00:0\S+ Ethernet controller: Red Hat, Inc\. Virtio (1\.0 )?network device")

    def test_firewall_and_dropbear(self):
        self.assertIn("Chain INPUT", self.vm.run("iptables -L INPUT -n"))
        self.vm.run("pidof dropbear")

    def test_modprobe_hello(self):
        self.vm.run("modprobe hello whom=aarch64")
        try:
            self.assertIn("hello: hello, aarch64! (module loaded)", self.vm.run("dmesg"))
        finally:
            self.vm.run("rmmod hello")


if __name__ == "__main__":
    unittest.main()
