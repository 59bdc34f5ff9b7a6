"""Long test (make check-long): the minimal system. Build
smartos_minimal_defconfig (kernel, busybox, glibc runtime, GRUB for BIOS
and UEFI on one disk), check the image size against
the 8 MiB budget (the build checks it too), check the per-package size
table and that only the glibc libraries programs link are there, check that
the budget check fails over budget naming the sizes, boot the disk image in
qemu (TCG) with SeaBIOS and with OVMF to a shell and power off.

Cost: one kernel build of its own (board/minimal/linux.config: Linux's
tinyconfig plus the qemu guest's drivers) plus busybox and GRUB for both
platforms; two boots (see docs/minimal.md). That kernel is why it is in
check-long: no other configuration restores it from the run's artifact
cache, and it kept make check over its hour (docs/testing.md).
Reuse a built output dir with SMARTOS_RUNTIME_OUTPUT_MINIMAL=<dir>.
"""

import csv
import os
import subprocess
import unittest

import smartos_runtime as rt

BUDGET_MIB = 8


class MinimalConfiguration(rt.RuntimeTest):
    defconfig = "smartos_minimal_defconfig"
    output_env = "SMARTOS_RUNTIME_OUTPUT_MINIMAL"

    def disk_image(self):
        return os.path.join(self.build.images_dir, "disk.img")


class MinimalSize(MinimalConfiguration):
    def test_disk_image_within_budget(self):
        size = os.path.getsize(self.disk_image())
        budget = int(self.build.config_value("SMARTOS_ROOTFS_MAX_SIZE_MIB"))
        print("disk.img: %d bytes (%.2f MiB), budget %d MiB" % (size, size / 2**20, budget))
        self.assertEqual(budget, BUDGET_MIB)
        self.assertLessEqual(size, budget * 2**20)

    def test_size_table_accounts_for_the_target(self):
        with open(os.path.join(self.build.images_dir, "size-report.csv")) as f:
            rows = {r["package"]: r for r in csv.DictReader(f)}
        for pkg in ("linux", "busybox", "toolchain-external", "skeleton", "total"):
            self.assertIn(pkg, rows, "size-report.csv rows: %s" % sorted(rows))
        total = int(rows["total"]["bytes"])
        self.assertEqual(total, sum(int(r["bytes"]) for p, r in rows.items() if p != "total"))
        # The total is what the target directory holds.
        du = subprocess.check_output(
            ["find", os.path.join(self.build.output_dir, "target"), "!", "-type", "d",
             "-printf", "%s\\n"], text=True)
        self.assertEqual(total, sum(int(n) for n in du.split()))
        self.assertGreater(int(rows["linux"]["bytes"]), 500000, "bzImage in /boot")

    def test_only_the_libraries_programs_link(self):
        libs = sorted(os.listdir(os.path.join(self.build.output_dir, "target", "lib")))
        self.assertIn("libc.so.6", libs)
        self.assertIn("ld-linux-x86-64.so.2", libs)
        # busybox links libresolv; libm not (board/minimal/busybox-size.fragment:
        # awk without its math functions).
        self.assertIn("libresolv.so.2", libs)
        for gone in ("libm.so.6", "libnss_dns.so.2", "libnss_files.so.2", "libanl.so.1",
                     "libdl.so.2"):
            self.assertNotIn(gone, libs, "prune-libs left %s: %s" % (gone, libs))

    def test_over_budget_fails_naming_the_sizes(self):
        p = subprocess.run(
            ["/usr/bin/python3", os.path.join(rt.TOP_DIR, "support", "scripts", "size-report"),
             "--max-mib", "1", self.build.images_dir], capture_output=True, text=True)
        self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
        size = os.path.getsize(self.disk_image())
        self.assertIn("disk.img is %d bytes" % size, p.stderr)
        self.assertIn("over the budget of 1 MiB (1048576 bytes)", p.stderr)


class MinimalBoot(MinimalConfiguration):
    def boot_with(self, firmware):
        vm = self.boot(script_args=["--" + firmware])
        print("%s: boot to login prompt: %.1f s (TCG)" % (firmware, vm.boot_seconds))
        self.assertEqual(vm.run("echo smart-os | tr a-z A-Z").strip(), "SMART-OS")
        # awk without libm: arithmetic works, the math functions refuse.
        self.assertEqual(vm.run("echo 6 7 | awk '{ print $1 * $2 }'").strip(), "42")
        out = vm.run("awk 'BEGIN { print sqrt(4) }' 2>&1", check=False)
        self.assertNotEqual(vm.last_status, 0, out)
        self.assertIn("Math support is not compiled in", out)
        self.assertIn("ext4", vm.run("grep ' / ' /proc/mounts"))
        seen = vm.run("if [ -d /sys/firmware/efi ]; then echo uefi; else echo bios; fi").strip()
        self.assertEqual(seen, firmware, "firmware the kernel saw")
        self.assertEqual(vm.poweroff(), 0)

    def test_boots_with_bios(self):
        self.boot_with("bios")

    def test_boots_with_uefi(self):
        self.boot_with("uefi")


if __name__ == "__main__":
    unittest.main()
