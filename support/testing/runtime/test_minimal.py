"""Minimal system: build smartos_minimal_defconfig (kernel, busybox, glibc
runtime, GRUB disk), check the image size against the budget (the build
checks it too) and the 16 MiB goal, check the per-package size table, check
that the budget check fails over budget naming the sizes, boot the disk
image in qemu (TCG) to a shell and power off.

Cost: one kernel build (the kernel of every qemu defconfig: in a run of the
suite it is restored from the run's artifact cache) plus busybox and GRUB; boot 7.5 s to the login
prompt under TCG when GRUB's core image loads (see docs/minimal.md).
Reuse a built output dir with SMARTOS_RUNTIME_OUTPUT_MINIMAL=<dir>.
"""

import csv
import os
import subprocess
import unittest

import smartos_runtime as rt

GOAL_MIB = 16


class MinimalConfiguration(rt.RuntimeTest):
    defconfig = "smartos_minimal_defconfig"
    output_env = "SMARTOS_RUNTIME_OUTPUT_MINIMAL"

    def disk_image(self):
        return os.path.join(self.build.images_dir, "disk.img")


class MinimalSize(MinimalConfiguration):
    def test_disk_image_within_budget_and_goal(self):
        size = os.path.getsize(self.disk_image())
        budget = int(self.build.config_value("SMARTOS_ROOTFS_MAX_SIZE_MIB"))
        print("disk.img: %d bytes (%.2f MiB), budget %d MiB, goal %d MiB"
              % (size, size / 2**20, budget, GOAL_MIB))
        self.assertEqual(budget, 64)
        self.assertLessEqual(size, budget * 2**20)
        self.assertLessEqual(size, GOAL_MIB * 2**20)

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

    def test_over_budget_fails_naming_the_sizes(self):
        p = subprocess.run(
            ["/usr/bin/python3", os.path.join(rt.TOP_DIR, "support", "scripts", "size-report"),
             "--max-mib", "1", self.build.images_dir], capture_output=True, text=True)
        self.assertEqual(p.returncode, 1, p.stdout + p.stderr)
        size = os.path.getsize(self.disk_image())
        self.assertIn("disk.img is %d bytes" % size, p.stderr)
        self.assertIn("over the budget of 1 MiB (1048576 bytes)", p.stderr)


class MinimalBoot(MinimalConfiguration):
    def test_boots_to_a_shell(self):
        vm = self.boot()
        print("boot to login prompt: %.1f s (TCG)" % vm.boot_seconds)
        self.assertEqual(vm.run("echo smart-os | tr a-z A-Z").strip(), "SMART-OS")
        self.assertIn("ext4", vm.run("grep ' / ' /proc/mounts"))
        self.assertEqual(vm.poweroff(), 0)


if __name__ == "__main__":
    unittest.main()
