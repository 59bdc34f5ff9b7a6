"""Extra data disks (SMARTOS_TARGET_ROOTFS_DATA_DISKS): the network
configuration (network_runtime.NetworkConfiguration) has
"data:64M:ext4:/data archive:16M:ext3:/var/log/archive". Boot a copy of the
images (qemu user networking, as "make run"), with run.sh --write (by
default the guest writes to no image), check both disks are mounted by
label where the option says, write a file to each, power off, boot again
with the same disk images and read the files back. Also: an invalid entry is
refused with an error naming the option."""

import os
import re
import secrets
import shutil
import subprocess
import tempfile
import unittest

import smartos_runtime as rt
import network_runtime as net

DISKS = {"data": ("/data", "ext4", 64), "archive": ("/var/log/archive", "ext3", 16)}


class DataDisksSurviveAReboot(net.NetworkConfiguration):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Boot a copy: the build's images stay as the build made them.
        cls.images = tempfile.mkdtemp(prefix="smartos-disks-")
        cls.addClassCleanup(shutil.rmtree, cls.images, True)
        for name in os.listdir(cls.build.images_dir):
            src = os.path.join(cls.build.images_dir, name)
            if os.path.isfile(src):
                subprocess.run(["cp", "--sparse=always", "-p", src, cls.images], check=True)

    def test_build_made_the_images_and_the_list(self):
        with open(os.path.join(self.images, "data-disks.txt")) as f:
            self.assertEqual(f.read().split(), ["data-data.ext4", "data-archive.ext3"])
        for name, (_, fstype, size_mb) in DISKS.items():
            path = os.path.join(self.images, "data-%s.%s" % (name, fstype))
            self.assertEqual(os.path.getsize(path), size_mb << 20, path)
            out = subprocess.run(["/sbin/dumpe2fs", "-h", path], stdout=subprocess.PIPE,
                                 stderr=subprocess.DEVNULL, universal_newlines=True).stdout
            self.assertRegex(out, r"Filesystem volume name:\s+%s\n" % name)
            # ext3 has a journal but no extents; ext4 has both.
            features = re.search(r"Filesystem features:\s+(.*)", out).group(1).split()
            self.assertIn("has_journal", features)
            self.assertEqual("extent" in features, fstype == "ext4", features)

    def test_write_reboot_read(self):
        tokens = {name: secrets.token_hex(8) for name in DISKS}
        vm = self.boot(images_dir=self.images, script_args=["--write"])
        fstab = vm.run("cat /etc/fstab")
        mounts = vm.run("cat /proc/mounts")
        for name, (mountpoint, fstype, _) in DISKS.items():
            self.assertRegex(fstab, r"(?m)^LABEL=%s\s+%s\s+%s\s" % (name, mountpoint, fstype))
            self.assertRegex(mounts, r"(?m)^/dev/vd[b-z] %s %s " % (mountpoint, fstype),
                             "%s not mounted on %s:\n%s" % (name, mountpoint, mounts))
            vm.run("echo %s > %s/hello.txt" % (tokens[name], mountpoint))
        vm.run("sync")
        self.assertEqual(vm.poweroff(), 0)

        vm = self.boot(images_dir=self.images, script_args=["--write"])
        for name, (mountpoint, _, _) in DISKS.items():
            self.assertEqual(vm.run("cat %s/hello.txt" % mountpoint).strip(), tokens[name],
                             "%s after the reboot" % mountpoint)
        self.assertEqual(vm.poweroff(), 0)


class InvalidEntries(unittest.TestCase):
    """support/scripts/data-disks on its own: no build."""

    def test_invalid_entry_names_the_option(self):
        script = os.path.join(rt.TOP_DIR, "support", "scripts", "data-disks")
        for spec, reason in (("data:64M:vfat:/data", "file system 'vfat' is not supported"),
                             ("data:64M:ext4", "is not NAME:SIZE:FSTYPE:MOUNTPOINT"),
                             ("a:1M:ext4:/x b:1M:ext4:/x", "mount point '/x' is used twice"),
                             ("a:12Q:ext4:/x", "size '12Q' is not a number")):
            proc = subprocess.run([script, "check", spec], stdout=subprocess.PIPE,
                                  stderr=subprocess.STDOUT, universal_newlines=True)
            self.assertNotEqual(proc.returncode, 0, spec)
            self.assertIn("ERROR: SMARTOS_TARGET_ROOTFS_DATA_DISKS:", proc.stdout)
            self.assertIn(reason, proc.stdout)


if __name__ == "__main__":
    unittest.main()
