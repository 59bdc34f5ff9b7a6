"""Long test (not in make check: qemu's build alone takes longer than CI
allows for it, see docs/devtools.md): the host qemu.

Builds smartos_qemu_host_toolchain_defconfig with SMARTOS_PACKAGE_HOST_QEMU=y
then checks that output/host/bin/qemu-system-x86_64 is qemu
7.2.22 built as configured (TCG and KVM, no tools), that images/run.sh boots
the disk image with it (the qemu process the run script starts is that file)
to a shell, and that "make run" does too.

Run it with `make check-long` or `support/testing/runtime/run long_host_qemu`;
SMARTOS_RUNTIME_OUTPUT_HOST_QEMU=<dir> reuses an output directory built with
this configuration."""

import os
import subprocess
import time
import unittest

import pexpect

import smartos_runtime as rt

QEMU_VERSION = "7.2.22"


class HostQemuConfiguration(rt.RuntimeTest):
    defconfig = "smartos_qemu_host_toolchain_defconfig"
    config_fragment = "SMARTOS_PACKAGE_HOST_QEMU=y"
    output_env = "SMARTOS_RUNTIME_OUTPUT_HOST_QEMU"

    def host_qemu(self):
        return os.path.join(self.build.output_dir, "host", "bin", "qemu-system-x86_64")


def process_exe(pid):
    try:
        return os.readlink("/proc/%d/exe" % pid)
    except OSError:
        return None


def descendants(pid):
    """PID's descendant processes (from /proc)."""
    children = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % entry) as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


class HostQemuBuilt(HostQemuConfiguration):
    def test_configured(self):
        self.assertEqual(self.build.config_value("SMARTOS_PACKAGE_HOST_QEMU"), "y")

    def test_version_and_features(self):
        out = subprocess.run([self.host_qemu(), "--version"], capture_output=True, text=True,
                             check=True).stdout
        self.assertEqual(out.splitlines()[0], "QEMU emulator version %s" % QEMU_VERSION)
        out = subprocess.run([self.host_qemu(), "-accel", "help"], capture_output=True, text=True,
                             check=True).stdout
        self.assertEqual(sorted(out.splitlines()[1:]), ["kvm", "tcg"], out)
        # The NIC the run scripts use, and its user networking.
        out = subprocess.run([self.host_qemu(), "-netdev", "help"], capture_output=True, text=True,
                             check=True).stdout
        self.assertIn("user", out.split())

    def test_only_the_system_emulator(self):
        names = sorted(os.listdir(os.path.join(self.build.output_dir, "host", "bin")))
        qemus = [n for n in names if n.startswith("qemu")]
        self.assertEqual(qemus, ["qemu-system-x86_64"], names)

    def test_option_roms_built_from_source(self):
        share = os.path.join(self.build.output_dir, "host", "share", "qemu")
        for rom in ("linuxboot_dma.bin", "pvh.bin", "multiboot.bin", "kvmvapic.bin"):
            self.assertTrue(os.path.isfile(os.path.join(share, rom)), rom)


class RunScriptBootsWithHostQemu(HostQemuConfiguration):
    def test_run_sh_boots_with_host_qemu(self):
        vm = self.boot(login=False)
        # run.sh execs qemu: the child is qemu itself.
        deadline = time.monotonic() + 30
        while process_exe(vm.child.pid) != os.path.realpath(self.host_qemu()):
            self.assertLess(time.monotonic(), deadline,
                            "run.sh runs %s, not %s" % (process_exe(vm.child.pid), self.host_qemu()))
            time.sleep(0.2)
        vm.login()
        print("host qemu (TCG): start to login prompt %.1f s" % vm.boot_seconds)
        self.assertEqual(vm.run("uname -m").strip(), "x86_64")
        self.assertEqual(vm.poweroff(), 0)

    def test_make_run_boots_with_host_qemu(self):
        log = open(os.path.join(self.build.output_dir, "runtime-console-make-run.log"), "w")
        self.addCleanup(log.close)
        env = dict(os.environ, SMARTOS_QEMU_ACCEL="tcg")
        for v in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL"):
            env.pop(v, None)
        child = pexpect.spawn("make", ["-C", rt.TOP_DIR, "O=" + self.build.output_dir, "run"],
                              env=env, encoding="utf-8", codec_errors="replace",
                              timeout=rt.BOOT_TIMEOUT)
        child.logfile_read = log
        self.addCleanup(lambda: child.isalive() and child.terminate(force=True))
        child.expect(r"login: ")
        qemus = [p for p in descendants(child.pid)
                 if process_exe(p) == os.path.realpath(self.host_qemu())]
        self.assertEqual(len(qemus), 1, "make run started no %s" % self.host_qemu())
        child.sendline("root")
        child.expect(r"[#$] ", timeout=rt.COMMAND_TIMEOUT)
        child.sendline("poweroff")
        child.expect(pexpect.EOF, timeout=rt.POWEROFF_TIMEOUT)
        child.close()
        self.assertEqual(child.exitstatus, 0)


if __name__ == "__main__":
    unittest.main()
