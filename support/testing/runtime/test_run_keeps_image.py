"""`make run` never changes the built image. The run scripts boot with qemu
-snapshot unless told --write, so what a guest writes (its first-boot ssh
host keys, a shell history, any file) goes to a temporary overlay that qemu
drops when it exits.

BootTwice uses test_access's configuration as it is (the host-toolchain
config with dropbear, whose first boot makes host keys), so a run that has
built test_access builds nothing for it: it boots images/run.sh with the
images directory, as `make run` does, writes a file in the guest, powers
off, checks that disk.img's sha256 is unchanged (and that make's own record
of the images still matches), and boots again: the file is gone and the
host keys are new ones. RunScriptOptions checks, without a build, the qemu
command line the run scripts make with and without --write.
"""

import hashlib
import os
import secrets
import subprocess
import tempfile
import unittest

import smartos_runtime as rt
import test_access as access


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class BootTwice(access.AccessConfiguration):

    def boot_like_make_run(self):
        # `make run` runs images/run.sh with the images directory.
        return self.boot(disk=self.build.images_dir, password=access.ROOT_PASSWORD)

    def test_boot_leaves_disk_img_unchanged_and_next_boot_makes_new_host_keys(self):
        disk = os.path.join(self.build.images_dir, "disk.img")
        before = sha256(disk)
        token = secrets.token_hex(8)

        vm = self.boot_like_make_run()
        first_keys = access.guest_fingerprint(vm)
        vm.run("echo %s > /root/written-by-the-guest && sync" % token)
        self.assertEqual(vm.run("cat /root/written-by-the-guest").strip(), token)
        self.assertEqual(vm.poweroff(), 0)
        self.assertEqual(sha256(disk), before, "disk.img changed by a boot of run.sh")
        record = os.path.join(self.build.output_dir, "build", "rootfs", "images.sha256")
        check = subprocess.run([os.path.join(rt.TOP_DIR, "support", "scripts", "image-record"),
                                "check", record, self.build.images_dir],
                               stderr=subprocess.PIPE, text=True)
        self.assertEqual(check.returncode, 0, "the images differ from make's record: "
                         + check.stderr)

        vm = self.boot_like_make_run()
        self.assertEqual(vm.run("cat /root/written-by-the-guest 2>/dev/null || echo absent")
                         .strip(), "absent", "the first boot's file is in the second boot")
        second_keys = access.guest_fingerprint(vm)
        print("host key fingerprints of two boots: SHA256:%s, SHA256:%s"
              % (first_keys, second_keys))
        self.assertNotEqual(first_keys, second_keys, "the second boot has the first one's keys")
        self.assertEqual(vm.poweroff(), 0)
        self.assertEqual(sha256(disk), before, "disk.img changed by the second boot")


class RunScriptOptions(unittest.TestCase):
    """The run scripts' qemu command lines (QEMU=echo prints them): -snapshot
    by default, none with --write; --help says so; the x86_64 board's
    --kernel. No build."""

    def run_script(self, script, files, *args, check=True):
        """Run SCRIPT ARGS on an images directory of FILES (names of empty
        files, or a dict of names and contents); the completed process,
        with the images directory as its attribute images."""
        with tempfile.TemporaryDirectory() as images:
            for name in files:
                with open(os.path.join(images, name), "w") as f:
                    f.write(files[name] if isinstance(files, dict) else "")
            env = dict(os.environ, QEMU="echo", SMARTOS_QEMU_ACCEL="tcg")
            run = subprocess.run([os.path.join(rt.TOP_DIR, script)] + list(args) + [images],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                                 text=True, check=check)
            run.images = images
            return run

    def command_line(self, script, files, *args):
        return self.run_script(script, files, *args).stdout.split()

    def check_script(self, script, files):
        self.assertIn("-snapshot", self.command_line(script, files))
        self.assertIn("-snapshot", self.command_line(script, files, "--snapshot"))
        self.assertNotIn("-snapshot", self.command_line(script, files, "--write"))
        usage = subprocess.run([os.path.join(rt.TOP_DIR, script), "--help"],
                               stdout=subprocess.PIPE, text=True, check=True).stdout
        self.assertRegex(usage, r"--write +let the guest write to the disk images")

    def test_start_qemu_snapshot_unless_write(self):
        self.check_script("board/qemu-x86_64/start-qemu.sh", ["disk.img"])

    def test_start_qemu_kernel_snapshot_unless_write(self):
        self.check_script("board/common/start-qemu-kernel.sh", ["bzImage", "rootfs.ext4"])

    def test_start_qemu_direct_kernel(self):
        # --kernel: qemu loads bzImage, rootfs.ext4 is the first disk
        # (/dev/vda), GRUB's kernel arguments; the NIC has no option ROM.
        files = {"disk.img": "", "bzImage": "", "rootfs.ext4": "",
                 "data-disks.txt": "data.ext4\n", "data.ext4": ""}
        words = self.command_line("board/qemu-x86_64/start-qemu.sh", files, "--kernel")
        self.assertEqual(words[words.index("-kernel") + 1].rsplit("/", 1)[1], "bzImage", words)
        drives = [words[i + 1] for i, w in enumerate(words) if w == "-drive"]
        self.assertEqual([d.split(",")[0].rsplit("/", 1)[1] for d in drives],
                         ["rootfs.ext4", "data.ext4"], drives)
        for arg in ("root=/dev/vda", "console=ttyS0,115200", "pci=noacpi", "quiet"):
            self.assertIn(arg, words)
        self.assertIn("-snapshot", words)
        nic = [w for w in words if w.startswith("virtio-net-pci,")]
        self.assertEqual(len(nic), 1, words)
        self.assertIn(",romfile=,", nic[0] + ",")
        # Without the kernel: an error that names the file, and no qemu.
        run = self.run_script("board/qemu-x86_64/start-qemu.sh", ["rootfs.ext4"], "--kernel",
                              check=False)
        self.assertNotEqual(run.returncode, 0)
        self.assertIn("%s/bzImage not found" % run.images, run.stderr)
        self.assertEqual(run.stdout, "")


if __name__ == "__main__":
    unittest.main()
