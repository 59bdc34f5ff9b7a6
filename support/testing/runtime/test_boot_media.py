"""Boot media: one build of the qemu board (host toolchain, ccache) with the
BIOS+UEFI disk layout and the hybrid ISO, booted from every medium with both
firmware types: the ISO from a CD drive and as a USB stick under SeaBIOS and
OVMF, the disk under SeaBIOS and OVMF. Each boot checks the path it took:
/sys/firmware/efi exists only after UEFI firmware, the ISO's system runs
from its initramfs, the disk's from ext4 on partition 3. Then the same
output directory is switched to the UEFI-only layout: an ESP too small for
GRUB stops the build naming the option and the sizes, a correct one makes
a disk that run.sh boots with OVMF without being told (no BIOS boot code).

Cost: one build of the host-toolchain configuration (kernel, busybox, GRUB
for i386-pc and x86_64-efi), seven boots under TCG (OVMF's are the slow
ones), and two image steps. Reuse a built output dir with
SMARTOS_RUNTIME_OUTPUT_MEDIA=<dir>.
"""

import os
import re
import subprocess
import unittest

import smartos_runtime as rt

DEFCONFIG = "smartos_qemu_host_toolchain_defconfig"
EXTRA_CONFIG = (
    "SMARTOS_CCACHE=y",
    "SMARTOS_TARGET_ROOTFS_DISK_LAYOUT_HYBRID=y",
    "SMARTOS_TARGET_ROOTFS_ISO=y",
    'SMARTOS_TARGET_ROOTFS_ISO_GRUB_CFG="board/qemu-x86_64/grub-iso.cfg"',
)

build = None


def setUpModule():
    global build
    build = rt.Build(DEFCONFIG, extra_config=EXTRA_CONFIG, env_name="SMARTOS_RUNTIME_OUTPUT_MEDIA")
    seconds = build.run()
    print("built %s with the hybrid disk and the ISO in %s: %.0f s" % (DEFCONFIG, build.output_dir, seconds))


def tearDownModule():
    if build is not None:
        build.cleanup()


def boot(testcase, name, script_args, firmware):
    """Boot with run.sh SCRIPT_ARGS, log in, check that FIRMWARE ("bios" or
    "uefi") booted it; returns the Machine (logged in) for more checks."""
    vm = rt.Machine(build.images_dir, script_args=script_args,
                    log_path=os.path.join(build.output_dir, "console-%s.log" % name))
    testcase.addCleanup(vm.stop)
    vm.start()
    vm.login()
    print("%s: qemu start to login prompt %.1f s" % (name, vm.boot_seconds))
    seen = vm.run("if [ -d /sys/firmware/efi ]; then echo uefi; else echo bios; fi").strip()
    testcase.assertEqual(seen, firmware, "firmware the kernel saw (/sys/firmware/efi) after %s" % name)
    cmdline = vm.run("cat /proc/cmdline").strip()
    testcase.assertIn("BOOT_IMAGE=/boot/bzImage", cmdline, "GRUB booted the kernel: %r" % cmdline)
    testcase.assertIn("quiet", cmdline.split(), "quiet boot by default: %r" % cmdline)
    return vm


class MediaHybridDisk(unittest.TestCase):
    def check_disk_root(self, vm):
        self.assertEqual(vm.run("mountpoint -d /").strip(),
                         vm.run("cat /sys/class/block/vda3/dev").strip(),
                         "root is partition 3 of the boot disk")
        self.assertRegex(vm.run("cat /proc/cmdline"), r"root=PARTUUID=[0-9a-f-]{36} ")
        self.assertEqual(vm.poweroff(), 0)

    def test_1_bios(self):
        self.check_disk_root(boot(self, "disk-bios", ["--bios"], "bios"))

    def test_2_uefi(self):
        self.check_disk_root(boot(self, "disk-uefi", ["--uefi"], "uefi"))


class MediaIso(unittest.TestCase):
    def check_live(self, vm):
        root = vm.run("grep ' / ' /proc/mounts").split()
        self.assertEqual(root[2], "rootfs", "the ISO's system runs from its initramfs: %r" % root)
        self.assertIn("rdinit=/sbin/init", vm.run("cat /proc/cmdline"))
        self.assertEqual(vm.run("echo smart-os | tr a-z A-Z").strip(), "SMART-OS")
        self.assertEqual(vm.poweroff(), 0)

    # The CD and the stick are the only boot media attached (the data disk
    # has no boot code): the boot itself shows the medium worked.
    def test_1_cdrom_bios(self):
        self.check_live(boot(self, "iso-cdrom-bios", ["--cdrom", "--bios"], "bios"))

    def test_2_cdrom_uefi(self):
        self.check_live(boot(self, "iso-cdrom-uefi", ["--cdrom", "--uefi"], "uefi"))

    def test_3_usb_bios(self):
        self.check_live(boot(self, "iso-usb-bios", ["--usb", "--bios"], "bios"))

    def test_4_usb_uefi(self):
        self.check_live(boot(self, "iso-usb-uefi", ["--usb", "--uefi"], "uefi"))

    def test_5_iso_is_hybrid(self):
        with open(os.path.join(build.images_dir, "rootfs.iso"), "rb") as f:
            head = f.read(34 * 512)
        self.assertNotEqual(head[:440], bytes(440), "BIOS boot code in the MBR (USB stick)")
        self.assertEqual(head[510:512], b"\x55\xaa", "MBR signature")
        self.assertEqual(head[512:520], b"EFI PART", "GPT header (the ESP partition on a stick)")


def make(*targets):
    cmd = ["make", "-C", rt.TOP_DIR, "O=" + build.output_dir] + list(targets)
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def set_config(**values):
    path = os.path.join(build.output_dir, ".config")
    with open(path) as f:
        lines = [line for line in f
                 if not any(re.match(r"^(# )?%s[= ]" % k, line) for k in values)]
    lines += ["%s=%s\n" % (k, v) for k, v in values.items()]
    with open(path, "w") as f:
        f.writelines(lines)
    p = make("olddefconfig")
    if p.returncode != 0:
        raise rt.BuildError(p.stdout[-3000:])


class MediaUefiOnlyDisk(unittest.TestCase):
    """Runs last: it changes the build's layout."""

    def test_1_esp_too_small_stops_the_build(self):
        set_config(SMARTOS_TARGET_ROOTFS_DISK_LAYOUT_HYBRID="n", SMARTOS_TARGET_ROOTFS_DISK_LAYOUT_UEFI="y",
                   SMARTOS_TARGET_ROOTFS_DISK_ESP_SIZE_KIB="64")
        p = make("all")
        self.assertNotEqual(p.returncode, 0, "a 64 KiB ESP did not fail the build")
        self.assertRegex(p.stdout, r"ERROR: SMARTOS_TARGET_ROOTFS_DISK_ESP_SIZE_KIB: an EFI system partition of "
                                   r"64 KiB has \d+ bytes free; BOOTX64.EFI needs \d+ bytes \(\d+ KiB\)")
        self.assertFalse(os.path.exists(os.path.join(build.images_dir, "disk.img")),
                         "a failed image step left a disk.img")

    def test_2_boots_with_ovmf_by_itself(self):
        set_config(SMARTOS_TARGET_ROOTFS_DISK_ESP_SIZE_KIB="2048")
        p = make("all")
        self.assertEqual(p.returncode, 0, p.stdout[-3000:])
        with open(os.path.join(build.images_dir, "disk.img"), "rb") as f:
            self.assertEqual(f.read(440), bytes(440), "no BIOS boot code on a UEFI-only disk")
        # No --uefi: run.sh sees no BIOS boot code and takes OVMF.
        vm = boot(self, "disk-uefi-only", [], "uefi")
        self.assertEqual(vm.run("mountpoint -d /").strip(),
                         vm.run("cat /sys/class/block/vda2/dev").strip(), "root is partition 2")
        self.assertEqual(vm.poweroff(), 0)


if __name__ == "__main__":
    unittest.main()
