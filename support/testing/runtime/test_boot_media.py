"""Boot media: one build of the qemu board (host toolchain) with the
BIOS+UEFI disk layout and the hybrid ISO, booted from every medium with both
firmware types: the ISO from a CD drive and as a USB stick under SeaBIOS and
OVMF, the disk under SeaBIOS and OVMF. Each boot checks the path it took:
/sys/firmware/efi exists only after UEFI firmware, the ISO's system runs
from its initramfs, the disk's from ext4 on partition 3. Then a second
configuration with the UEFI-only layout: its disk is booted by run.sh with
OVMF without being told (no BIOS boot code), and an ESP too small for GRUB
stops the build naming the option and the sizes.

Cost: GRUB for i386-pc and x86_64-efi (kernel and busybox are restored from
the run's artifact cache), seven boots under TCG (OVMF's are the slow
ones), and a few image steps. Reuse built output dirs with
SMARTOS_RUNTIME_OUTPUT_MEDIA=<dir> and SMARTOS_RUNTIME_OUTPUT_MEDIA_UEFI=<dir>.
"""

import os
import re
import subprocess
import unittest

import smartos_runtime as rt

MEDIA_FRAGMENT = """
    SMARTOS_TARGET_ROOTFS_DISK_LAYOUT_HYBRID=y
    SMARTOS_TARGET_ROOTFS_ISO=y
    SMARTOS_TARGET_ROOTFS_ISO_GRUB_CFG="board/qemu-x86_64/grub-iso.cfg"
"""


class Media(rt.RuntimeTest):
    """The host-toolchain configuration with the BIOS+UEFI disk and the ISO."""
    defconfig = "smartos_qemu_host_toolchain_defconfig"
    config_fragment = MEDIA_FRAGMENT
    output_env = "SMARTOS_RUNTIME_OUTPUT_MEDIA"

    def boot_checked(self, script_args, firmware):
        """Boot with run.sh SCRIPT_ARGS, log in, check that FIRMWARE ("bios"
        or "uefi") booted it; returns the machine (logged in)."""
        vm = self.boot(script_args=script_args)
        print("%s: qemu start to login prompt %.1f s" % (" ".join(script_args) or "run.sh",
                                                       vm.boot_seconds))
        seen = vm.run("if [ -d /sys/firmware/efi ]; then echo uefi; else echo bios; fi").strip()
        self.assertEqual(seen, firmware, "firmware the kernel saw (/sys/firmware/efi)")
        cmdline = vm.run("cat /proc/cmdline").strip()
        self.assertIn("BOOT_IMAGE=/boot/bzImage", cmdline, "GRUB booted the kernel: %r" % cmdline)
        self.assertIn("quiet", cmdline.split(), "quiet boot by default: %r" % cmdline)
        return vm


class MediaHybridDisk(Media):
    def check_disk_root(self, vm):
        self.assertEqual(vm.run("mountpoint -d /").strip(),
                         vm.run("cat /sys/class/block/vda3/dev").strip(),
                         "root is partition 3 of the boot disk")
        self.assertRegex(vm.run("cat /proc/cmdline"), r"root=PARTUUID=[0-9a-f-]{36} ")
        self.assertEqual(vm.poweroff(), 0)

    def test_bios(self):
        self.check_disk_root(self.boot_checked(["--bios"], "bios"))

    def test_uefi(self):
        self.check_disk_root(self.boot_checked(["--uefi"], "uefi"))


class MediaIso(Media):
    def check_live(self, vm):
        root = vm.run("grep ' / ' /proc/mounts").split()
        self.assertEqual(root[2], "rootfs", "the ISO's system runs from its initramfs: %r" % root)
        self.assertIn("rdinit=/sbin/init", vm.run("cat /proc/cmdline"))
        self.assertEqual(vm.run("echo smart-os | tr a-z A-Z").strip(), "SMART-OS")
        self.assertEqual(vm.poweroff(), 0)

    # The CD and the stick are the only boot media attached (the data disk
    # has no boot code): the boot itself shows the medium worked.
    def test_cdrom_bios(self):
        self.check_live(self.boot_checked(["--cdrom", "--bios"], "bios"))

    def test_cdrom_uefi(self):
        self.check_live(self.boot_checked(["--cdrom", "--uefi"], "uefi"))

    def test_usb_bios(self):
        self.check_live(self.boot_checked(["--usb", "--bios"], "bios"))

    def test_usb_uefi(self):
        self.check_live(self.boot_checked(["--usb", "--uefi"], "uefi"))

    def test_iso_is_hybrid(self):
        with open(os.path.join(self.build.images_dir, "rootfs.iso"), "rb") as f:
            head = f.read(34 * 512)
        self.assertNotEqual(head[:440], bytes(440), "BIOS boot code in the MBR (USB stick)")
        self.assertEqual(head[510:512], b"\x55\xaa", "MBR signature")
        self.assertEqual(head[512:520], b"EFI PART", "GPT header (the ESP partition on a stick)")


class MediaUefiOnlyDisk(Media):
    """The UEFI-only layout. The ISO stays selected so that GRUB is built for
    the same two platforms as in the other media configurations (restored
    from the run's artifact cache, not built again)."""
    config_fragment = MEDIA_FRAGMENT.replace("LAYOUT_HYBRID", "LAYOUT_UEFI")
    output_env = "SMARTOS_RUNTIME_OUTPUT_MEDIA_UEFI"

    def make(self, *targets):
        cmd = ["make", "-C", rt.TOP_DIR, "O=" + self.build.output_dir] + list(targets)
        return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)

    def set_config(self, **values):
        path = os.path.join(self.build.output_dir, ".config")
        with open(path) as f:
            lines = [line for line in f
                     if not any(re.match(r"^(# )?%s[= ]" % k, line) for k in values)]
        lines += ["%s=%s\n" % (k, v) for k, v in values.items()]
        with open(path, "w") as f:
            f.writelines(lines)
        p = self.make("olddefconfig")
        self.assertEqual(p.returncode, 0, p.stdout[-3000:])

    def test_boots_with_ovmf_by_itself(self):
        with open(os.path.join(self.build.images_dir, "disk.img"), "rb") as f:
            self.assertEqual(f.read(440), bytes(440), "no BIOS boot code on a UEFI-only disk")
        # No --uefi: run.sh sees no BIOS boot code and takes OVMF.
        vm = self.boot_checked([], "uefi")
        self.assertEqual(vm.run("mountpoint -d /").strip(),
                         vm.run("cat /sys/class/block/vda2/dev").strip(), "root is partition 2")
        self.assertEqual(vm.poweroff(), 0)

    def test_esp_too_small_stops_the_build(self):
        """Changes the configuration's ESP, then puts it back and rebuilds."""
        size = self.build.config_value("SMARTOS_TARGET_ROOTFS_DISK_ESP_SIZE_KIB")
        self.set_config(SMARTOS_TARGET_ROOTFS_DISK_ESP_SIZE_KIB="64")
        try:
            p = self.make("all")
            self.assertNotEqual(p.returncode, 0, "a 64 KiB ESP did not fail the build")
            self.assertRegex(p.stdout, r"ERROR: SMARTOS_TARGET_ROOTFS_DISK_ESP_SIZE_KIB: an EFI system "
                                       r"partition of 64 KiB has \d+ bytes free; BOOTX64.EFI needs "
                                       r"\d+ bytes \(\d+ KiB\)")
            self.assertFalse(os.path.exists(os.path.join(self.build.images_dir, "disk.img")),
                             "a failed image step left a disk.img")
        finally:
            self.set_config(SMARTOS_TARGET_ROOTFS_DISK_ESP_SIZE_KIB=size)
            p = self.make("all")
            self.assertEqual(p.returncode, 0, p.stdout[-3000:])


if __name__ == "__main__":
    unittest.main()
