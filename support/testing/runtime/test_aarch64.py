"""The aarch64 board in make check: smartos_qemu_aarch64_host_toolchain_defconfig
(board/qemu-aarch64-virt, Debian's aarch64 cross gcc as the external
toolchain) built from scratch and booted with qemu-system-aarch64 -M virt
under TCG, through the UEFI firmware (AAVMF) and GRUB arm64-efi from the
disk's EFI system partition, to a shell.

From the host (no boot): every ELF file of the target is an AArch64 one
(ELF header read here, independently of the build's own check), the kernel
is an arm64 Image, and the disk's EFI system partition holds GRUB as an
AArch64 UEFI application at the removable-media path.

In the guest, on a tap of a bridge in a network namespace of the test's own
(board/qemu-x86_64/netbridge.sh: dnsmasq serving DHCP and the DNS names of
the namespace only, no route out): uname -m, the boot path (UEFI, GRUB's
BOOT_IMAGE), the DHCP lease, DNS through busybox nslookup and through
glibc (busybox wget resolves with getaddrinfo), modprobe of the hello
module built against the board's kernel."""

import os
import re
import struct
import subprocess
import time
import uuid

import smartos_runtime as rt
import network_runtime as net

HOST_IP = net.HOST_IP
VM_IP = "192.168.100.11"
HTTP_PORT = net.HTTP_PORT
EM_AARCH64 = 183
PE_MACHINE_ARM64 = 0xAA64


class Aarch64Configuration(rt.RuntimeTest):
    defconfig = "smartos_qemu_aarch64_host_toolchain_defconfig"
    output_env = "SMARTOS_RUNTIME_OUTPUT_AARCH64"
    builds_kernel_tree = True   # the hello module


def elf_header(path):
    """(class, data, machine) of an ELF file, None for any other file."""
    with open(path, "rb") as f:
        head = f.read(20)
    if len(head) < 20 or head[:4] != b"\x7fELF":
        return None
    order = "<" if head[5] == 1 else ">"
    return head[4], head[5], struct.unpack(order + "H", head[18:20])[0]


ESP_TYPE = uuid.UUID("c12a7328-f81f-11d2-ba4b-00a0c93ec93b")
LINUX_TYPE = uuid.UUID("0fc63daf-8483-4772-8e79-3d69d8477de4")


def gpt_partitions(disk):
    """(type UUID, first LBA) of each used entry of a disk's GPT (512-byte sectors)."""
    with open(disk, "rb") as f:
        f.seek(512)
        header = f.read(92)
        if header[:8] != b"EFI PART":
            raise ValueError("%s: no GPT header in LBA 1" % disk)
        entries_lba, count, size = struct.unpack("<QII", header[72:88])
        f.seek(entries_lba * 512)
        table = f.read(count * size)
    parts = []
    for i in range(count):
        entry = table[i * size:(i + 1) * size]
        kind = uuid.UUID(bytes_le=entry[:16])
        if kind.int:
            parts.append((kind, struct.unpack("<Q", entry[32:40])[0]))
    return parts


def kernel_image_release(image):
    """The release an uncompressed arm64 Image was built as, from its banner
    'Linux version <release> (...'."""
    with open(image, "rb") as f:
        data = f.read()
    m = re.search(rb"Linux version (\S+) \(", data)
    if not m:
        raise ValueError("%s: no 'Linux version' banner" % image)
    return m.group(1).decode()


class TargetIsAarch64(Aarch64Configuration):
    """Checks on the build's output, from the host."""

    def test_every_elf_file_is_aarch64(self):
        target = os.path.join(self.build.output_dir, "target")
        seen, wrong = [], []
        for root, dirs, files in os.walk(target):
            for name in files:
                path = os.path.join(root, name)
                if os.path.islink(path) or not os.path.isfile(path):
                    continue
                header = elf_header(path)
                if header is None:
                    continue
                rel = os.path.relpath(path, target)
                seen.append(rel)
                if header != (2, 1, EM_AARCH64):
                    wrong.append("%s: class %d, data %d, machine %d" % ((rel,) + header))
        self.assertEqual(wrong, [], "ELF files that are not 64-bit little-endian AArch64")
        for expected in ("bin/busybox", "lib/libc.so.6", "lib/ld-linux-aarch64.so.1"):
            self.assertIn(expected, seen)
        self.assertTrue(any(p.endswith("/hello.ko") for p in seen), "no hello.ko in the target")
        print("%d ELF files in the target, all AArch64" % len(seen))

    def test_kernel_is_an_arm64_image(self):
        image = os.path.join(self.build.images_dir, "Image")
        with open(image, "rb") as f:
            header = f.read(64)
        # The arm64 boot protocol's header: magic "ARM\x64" at offset 56.
        self.assertEqual(header[56:60], b"ARM\x64", "%s: no arm64 Image header" % image)
        self.assertFalse(os.path.exists(os.path.join(self.build.images_dir, "bzImage")))

    def test_esp_holds_grub_for_arm64_uefi(self):
        disk = os.path.join(self.build.images_dir, "disk.img")
        parts = gpt_partitions(disk)
        self.assertEqual([p[0] for p in parts], [ESP_TYPE, LINUX_TYPE],
                         "partition types of the GPT")
        # GRUB, copied out of the ESP (partition 1) with mtools.
        efi = os.path.join(self.build.output_dir, "runtime-BOOTAA64.EFI")
        subprocess.run(["mcopy", "-o", "-i", "%s@@%d" % (disk, parts[0][1] * 512),
                        "::/EFI/BOOT/BOOTAA64.EFI", efi], check=True)
        with open(efi, "rb") as f:
            data = f.read(4096)
        self.assertEqual(data[:2], b"MZ")
        pe = struct.unpack("<I", data[0x3C:0x40])[0]
        self.assertEqual(data[pe:pe + 4], b"PE\0\0")
        self.assertEqual(struct.unpack("<H", data[pe + 4:pe + 6])[0], PE_MACHINE_ARM64,
                         "BOOTAA64.EFI is not an ARM64 PE image")


class BootAarch64(Aarch64Configuration):
    """One guest on a tap of the test's namespace; every test reads it and
    leaves it as it found it."""

    @classmethod
    def setUpClass(cls):
        net.require_host_tools()
        super().setUpClass()
        net.namespace_with_web_server(cls, "smartos-a64-%d" % os.getpid(), vms=1)
        start = time.monotonic()
        cls.vm = cls.boot_for_class(script_args=["--tap", "smarttap1", "--snapshot"],
                                    command_prefix=cls.ns_exec)
        print("aarch64 guest (TCG): qemu start to login prompt %.1f s, to shell prompt %.1f s"
              % (cls.vm.boot_seconds, time.monotonic() - start))

    def test_uname_is_aarch64_and_the_built_kernel(self):
        self.assertEqual(self.vm.run("uname -m").strip(), "aarch64")
        expected = kernel_image_release(os.path.join(self.build.images_dir, "Image"))
        self.assertEqual(self.vm.run("uname -r").strip(), expected)

    def test_booted_by_uefi_firmware_and_grub(self):
        self.vm.run("test -d /sys/firmware/efi")
        cmdline = self.vm.run("cat /proc/cmdline")
        self.assertIn("BOOT_IMAGE=/boot/Image", cmdline, "GRUB passes BOOT_IMAGE")
        self.assertIn("console=ttyAMA0", cmdline)
        root_dev = self.vm.run("mountpoint -d /").strip()
        self.assertEqual(root_dev, self.vm.run("cat /sys/class/block/vda2/dev").strip(),
                         "the root file system is not partition 2 of the boot disk")

    def test_programs_use_the_aarch64_loader(self):
        libs = self.vm.run("/lib/ld-linux-aarch64.so.1 --list /bin/busybox")
        self.assertRegex(libs, r"libc\.so\.6 => /\S+libc\.so\.6")
        self.assertNotIn("not found", libs)

    def test_dhcp_lease(self):
        out = self.vm.wait_for_address(route=True, timeout=90)
        self.assertIn("inet %s/24" % VM_IP, out, "expected the fixed lease %s on eth0" % VM_IP)
        self.assertIn("nameserver %s" % HOST_IP, self.vm.run("cat /etc/resolv.conf"))

    def test_dns_through_busybox_and_glibc(self):
        self.vm.wait_for_address(route=True, timeout=90)
        out = self.vm.run("nslookup files.test", timeout=60)
        self.assertRegex(out, r"Name:\s+files\.test\s+Address:\s+%s" % re.escape(HOST_IP), out)
        # busybox wget resolves the name with glibc's getaddrinfo (NSS: files, dns).
        out = self.vm.run("wget -q -O - http://files.test:%d/payload.txt" % HTTP_PORT,
                          timeout=90)
        self.assertEqual(out.strip(), "smart-os payload %s" % self.token)

    def test_modprobe_hello(self):
        self.vm.run("modprobe hello whom=aarch64")
        try:
            self.assertRegex(self.vm.run("lsmod"), r"(?m)^hello\s")
            self.assertIn("hello: hello, aarch64! (module loaded)", self.vm.run("dmesg"))
        finally:
            self.vm.run("rmmod hello")
