"""Login, ssh and firewall on one configuration: the fast qemu config (host
toolchain) plus a root password, a users table with one extra user,
dropbear with an authorized key for root and password logins off, and the
default-deny firewall with TCP port 22 open.

FirstBoot boots a fresh copy of the built disk image (a machine's first
boot) and checks console logins (wrong password refused, right one
accepted, the extra user), ssh from the host with the key through a
forwarded loopback port, the firewall (22 open; a listening httpd on 8080
refused from outside while it answers inside; open 8080 and it answers
outside too), and that another fresh copy makes other host keys.
ProgramsAreHardened reads the ELF flags of the image's programs (PIE, full
RELRO, stack protector, _FORTIFY_SOURCE).
The host side uses 127.0.0.1 only (qemu hostfwd on user networking with
restrict=on). Reuse a built output dir with SMARTOS_RUNTIME_OUTPUT_ACCESS.
"""

import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
import unittest

import elf_hardening
import smartos_runtime as rt

ROOT_PASSWORD = "Root-pw-4-test"
USER, USER_PASSWORD = "alice", "Alice-pw-4-test"
HTTP_PORT = 8080


class AccessConfiguration(rt.RuntimeTest):
    defconfig = "smartos_qemu_host_toolchain_defconfig"
    output_env = "SMARTOS_RUNTIME_OUTPUT_ACCESS"
    config_fragment = """
        # SMARTOS_TARGET_GENERIC_ROOT_PASSWD_EMPTY is not set
        SMARTOS_TARGET_GENERIC_ROOT_PASSWD="%s"
        SMARTOS_ROOTFS_USERS_TABLES="{inputs}/users.txt"
        SMARTOS_PACKAGE_DROPBEAR=y
        SMARTOS_PACKAGE_DROPBEAR_DISABLE_PASSWORD=y
        SMARTOS_PACKAGE_DROPBEAR_ROOT_AUTHORIZED_KEYS="{inputs}/id_ed25519.pub"
        SMARTOS_PACKAGE_FIREWALL=y
        SMARTOS_PACKAGE_FIREWALL_DEFAULT_DENY=y
        SMARTOS_PACKAGE_FIREWALL_TCP_PORTS="22"
    """ % ROOT_PASSWORD

    @staticmethod
    def make_inputs(directory):
        """The test key pair and the users table the configuration names."""
        key = os.path.join(directory, "id_ed25519")
        if not os.path.exists(key):
            subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "smartos-test",
                            "-f", key], check=True)
        with open(os.path.join(directory, "users.txt"), "w") as f:
            f.write("# name uid group gid password home shell groups comment\n")
            f.write("%s -1 %s -1 =%s /home/%s /bin/sh - Test user\n"
                    % (USER, USER, USER_PASSWORD, USER))

    @classmethod
    def disk_copy(cls, name):
        """A fresh copy of the built disk image (a machine's first boot)."""
        path = os.path.join(cls.build.output_dir, "runtime-" + name)
        shutil.copyfile(os.path.join(cls.build.images_dir, "disk.img"), path)
        return path

    def ssh(self, port, *command, options=(), timeout=120):
        """The host's ssh client against the forwarded port, with the test key,
        a known_hosts file of the test's own and no prompts."""
        inputs = self.build.inputs_dir
        argv = ["ssh", "-p", str(port), "-i", os.path.join(inputs, "id_ed25519"),
                "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes",
                "-o", "StrictHostKeyChecking=no",
                "-o", "UserKnownHostsFile=" + os.path.join(inputs, "known_hosts"),
                "-o", "GlobalKnownHostsFile=/dev/null", "-o", "ConnectTimeout=60",
                "-F", "/dev/null"] + list(options) + ["root@127.0.0.1"] + list(command)
        return subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, timeout=timeout, stdin=subprocess.DEVNULL)


def http_get(port, timeout=20):
    """GET / from 127.0.0.1:PORT; returns the response text, '' when the
    connection is refused, reset or closed without an answer."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
            s.sendall(b"GET / HTTP/1.0\r\n\r\n")
            data = b""
            while True:
                chunk = s.recv(4096)
                if not chunk:
                    break
                data += chunk
            return data.decode(errors="replace")
    except (ConnectionError, socket.timeout):
        return ""


def guest_fingerprint(vm):
    """SHA256 fingerprint of the guest's ed25519 host key (dropbearkey -y)."""
    out = vm.run("dropbearkey -y -f /etc/dropbear/dropbear_ed25519_host_key")
    m = re.search(r"Fingerprint: (?:sha256|SHA256):(\S+)", out, re.I)
    if not m:
        raise AssertionError("no fingerprint in dropbearkey -y output:\n%s" % out)
    return m.group(1)


class ImageHasNoSecrets(AccessConfiguration):
    """What the built image contains, checked without booting it."""

    def test_no_host_key_in_the_image(self):
        target_keys = os.listdir(os.path.join(self.build.output_dir, "target", "etc", "dropbear"))
        self.assertEqual(target_keys, [], "target/etc/dropbear holds files")
        # The ext4 image itself (debugfs reads it without mounting).
        out = subprocess.run(["debugfs", "-R", "ls -l /etc/dropbear",
                              os.path.join(self.build.images_dir, "rootfs.ext4")],
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                             check=True).stdout
        names = [line.split()[-1] for line in out.splitlines()
                 if re.match(r"^\s*\d+\s+\d+", line)]
        self.assertEqual(sorted(names), [".", ".."], "/etc/dropbear in rootfs.ext4:\n" + out)

    def test_root_password_is_a_sha512_hash(self):
        with open(os.path.join(self.build.output_dir, "build", "rootfs", "fakeroot.sh")) as f:
            self.assertIn("mkusers", f.read())
        out = subprocess.run(["debugfs", "-R", "cat /etc/shadow",
                              os.path.join(self.build.images_dir, "rootfs.ext4")],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                             check=True).stdout
        entries = {line.split(":")[0]: line.split(":")[1] for line in out.splitlines()
                   if line.count(":") >= 8}
        self.assertRegex(entries.get("root", ""), r"^\$6\$[./0-9A-Za-z]+\$[./0-9A-Za-z]{86}$",
                         "root's /etc/shadow entry: %r" % entries.get("root"))
        self.assertRegex(entries.get(USER, ""), r"^\$6\$", "%s's entry" % USER)
        image = open(os.path.join(self.build.images_dir, "rootfs.ext4"), "rb").read()
        self.assertNotIn(ROOT_PASSWORD.encode(), image, "clear-text root password in rootfs.ext4")
        self.assertNotIn(USER_PASSWORD.encode(), image, "clear-text user password in rootfs.ext4")


class ProgramsAreHardened(AccessConfiguration):
    """The hardening flags of the toolchain menu's defaults, read from the
    ELF headers of the image's programs (busybox, dropbear, iptables)."""

    def test_programs_are_hardened(self):
        elf_hardening.check(self, self.build.output_dir,
                            ["bin/busybox", "usr/sbin/dropbear", "usr/sbin/xtables-legacy-multi"])


class RootPasswordModes(unittest.TestCase):
    """support/scripts/mkusers on the skeleton's /etc/shadow: no password
    configured means no password login ("*"), an empty one only when chosen,
    a configured one becomes a SHA-512 hash of it."""

    def root_field(self, env):
        with tempfile.TemporaryDirectory() as target:
            os.makedirs(os.path.join(target, "etc"))
            for name in ("passwd", "group", "shadow"):
                shutil.copy(os.path.join(rt.TOP_DIR, "package", "skeleton", "skeleton", "etc",
                                         name), os.path.join(target, "etc"))
            full_env = dict(os.environ)
            full_env.pop("SMARTOS_ROOT_PASSWORD", None)
            full_env.pop("SMARTOS_ROOT_PASSWORD_EMPTY", None)
            full_env.update(env)
            subprocess.run(["fakeroot", os.path.join(rt.TOP_DIR, "support", "scripts", "mkusers"),
                            target], env=full_env, check=True)
            with open(os.path.join(target, "etc", "shadow")) as f:
                return [line.split(":")[1] for line in f if line.startswith("root:")]

    def test_no_password_configured_means_no_password_login(self):
        self.assertEqual(self.root_field({}), ["*"])

    def test_empty_password_only_when_chosen(self):
        self.assertEqual(self.root_field({"SMARTOS_ROOT_PASSWORD_EMPTY": "y"}), [""])

    def test_password_becomes_its_sha512_hash(self):
        [field] = self.root_field({"SMARTOS_ROOT_PASSWORD": "s3cret"})
        salt = field.split("$")[2]
        expected = subprocess.run(["openssl", "passwd", "-6", "-salt", salt, "s3cret"],
                                  stdout=subprocess.PIPE, text=True, check=True).stdout.strip()
        self.assertEqual(field, expected)


class FirstBoot(AccessConfiguration):
    """A machine's first boot, shared by the tests: each leaves root logged
    in on the serial console."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.vm = cls.boot_for_class(disk=cls.disk_copy("first.img"), monitor=True,
                                    script_args=["--no-data-disks"], password=ROOT_PASSWORD)
        print("login prompt after %.1f s (TCG)" % cls.vm.boot_seconds)

    def test_serial_login(self):
        vm = self.vm
        vm.logout()
        self.assertFalse(vm.try_login("root", "not-the-password", timeout=rt.COMMAND_TIMEOUT),
                         "root logged in with a wrong password")
        self.assertTrue(vm.try_login("root", ROOT_PASSWORD, timeout=rt.COMMAND_TIMEOUT),
                        "root refused with its password")
        self.assertEqual(vm.run("id -u").strip(), "0")
        self.assertEqual(vm.run("tty").strip(), "/dev/ttyS0")
        inittab = vm.run("cat /etc/inittab")
        self.assertRegex(inittab, r"(?m)^tty1::respawn:/sbin/getty ")
        # init started the getty on tty1 too (the one on ttyS0 is this
        # login shell now).
        self.assertRegex(vm.run("ps"), r"getty 38400 tty1")

    def test_users_table_user_logs_in(self):
        vm = self.vm
        # The login prompt comes back at once after a logout.
        vm.logout()
        self.assertTrue(vm.try_login(USER, USER_PASSWORD, timeout=rt.COMMAND_TIMEOUT),
                        "%s refused" % USER)
        self.assertEqual(vm.run("id -un").strip(), USER)
        self.assertEqual(vm.run("echo $HOME").strip(), "/home/" + USER)
        self.assertNotEqual(vm.run("id -u").strip(), "0")
        vm.logout()
        vm.login("root", password=ROOT_PASSWORD, timeout=rt.COMMAND_TIMEOUT)

    def test_ssh_with_key(self):
        vm = self.vm
        out = vm.run("ls /etc/dropbear")
        self.assertIn("dropbear_ed25519_host_key", out)
        fingerprint = guest_fingerprint(vm)
        # qemu forwards to the guest's DHCP address, which may come after
        # the login prompt.
        vm.wait_for_address()
        port = vm.hostfwd(22)
        known_hosts = os.path.join(self.build.inputs_dir, "known_hosts")
        if os.path.exists(known_hosts):
            os.remove(known_hosts)
        start = time.monotonic()
        r = self.ssh(port, "id -u; hostname")
        print("ssh command through 127.0.0.1:%d: %.1f s" % (port, time.monotonic() - start))
        self.assertEqual(r.returncode, 0, "ssh failed: %s" % r.stderr)
        self.assertEqual(r.stdout.split(), ["0", self.build.config_value(
            "SMARTOS_TARGET_GENERIC_HOSTNAME") or "smart-os"])
        # The key ssh saw is the one the first boot made.
        seen = subprocess.run(["ssh-keygen", "-l", "-f", known_hosts], stdout=subprocess.PIPE,
                              text=True, check=True).stdout
        self.assertIn("SHA256:" + fingerprint, seen, "host key seen by ssh vs the guest's")
        # Password logins are off (dropbear -s): the server offers only keys.
        r = self.ssh(port, "true", options=["-o", "PubkeyAuthentication=no"])
        self.assertNotEqual(r.returncode, 0)
        self.assertRegex(r.stderr, r"Permission denied \(publickey\)", r.stderr)
        # A restart keeps the keys (made only when missing).
        vm.run("/etc/init.d/S50dropbear restart")
        self.assertEqual(guest_fingerprint(vm), fingerprint)

    def test_firewall(self):
        vm = self.vm
        rules = vm.run("iptables -S INPUT")
        self.assertIn("-P INPUT DROP", rules)
        self.assertIn("-A INPUT -p tcp -m tcp --dport 22 -j ACCEPT", rules)
        vm.run("mkdir -p /tmp/www && echo smartos-fw-probe > /tmp/www/index.html")
        vm.run("httpd -p %d -h /tmp/www" % HTTP_PORT)
        self.addCleanup(vm.run, "killall httpd")
        # The listener is up: it answers inside the guest (loopback).
        self.assertIn("smartos-fw-probe",
                      vm.run("wget -q -O - http://127.0.0.1:%d/" % HTTP_PORT))
        vm.wait_for_address()
        port = vm.hostfwd(HTTP_PORT)
        # Port 22 (allowed) connects from outside ...
        r = self.ssh(vm.hostfwd(22), "echo ssh-ok")
        self.assertEqual(r.stdout.strip(), "ssh-ok", r.stderr)
        # ... 8080 (not allowed) does not answer.
        self.assertNotIn("smartos-fw-probe", http_get(port),
                         "httpd answered through the firewall")
        counters = vm.run("iptables -L INPUT -v -n")
        self.assertRegex(counters, r"(?m)^\s*[1-9]\d*[KMG]?\s+\S+\s+REJECT\s+(tcp|6)\s",
                         "no packet hit the REJECT rule:\n" + counters)
        # Open 8080 and the same forward reaches it: the firewall was what
        # kept it out.
        vm.run("iptables -I INPUT -p tcp --dport %d -j ACCEPT" % HTTP_PORT)
        self.addCleanup(vm.run, "iptables -D INPUT -p tcp --dport %d -j ACCEPT" % HTTP_PORT)
        self.assertIn("smartos-fw-probe", http_get(port))

    def test_another_first_boot_makes_other_host_keys(self):
        """Another fresh copy of the same image: its host key differs from
        this machine's."""
        other = self.boot(disk=self.disk_copy("second.img"), script_args=["--no-data-disks"],
                          password=ROOT_PASSWORD)
        fingerprints = guest_fingerprint(self.vm), guest_fingerprint(other)
        print("host key fingerprints: SHA256:%s, SHA256:%s" % fingerprints)
        self.assertNotEqual(fingerprints[0], fingerprints[1])


if __name__ == "__main__":
    unittest.main()
