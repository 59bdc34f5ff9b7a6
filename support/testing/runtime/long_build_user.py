"""Building as a normal user, the documented way: smartos_qemu_host_toolchain_defconfig
built by a user of its own (smartos-test, made with useradd when missing) under
umask 000, from a copy of the tree made under umask 000 (every file writable by
all, as a checkout under that umask has them), with a Debian user's PATH (no
/usr/sbin, /sbin), has the same modes and owners in rootfs.tar as the same
configuration built by root under umask 022; and it boots, qemu run by that user.

Part of the long suite (make check-long): two builds of the configuration,
the user's with a cold ccache of its own. Needs root (to make the user and run
commands as it). Both builds use ccache (root's and the user's own). SMARTOS_RUNTIME_OUTPUT_BUILD_USER reuses the
directory of an earlier run (root's output in root/, the user's in user/).
"""

import json
import os
import shutil
import subprocess
import tempfile
import unittest

import smartos_runtime as rt

DEFCONFIG = "smartos_qemu_host_toolchain_defconfig"
USER = "smartos-test"
# Debian's PATH for users (/etc/profile, /etc/login.defs): no /usr/sbin, /sbin.
USER_PATH = "/usr/local/bin:/usr/bin:/bin"
EXTRA_CONFIG = ["SMARTOS_CCACHE=y"]

work = None
root_build = None
user_out = None


def as_user(command, log):
    """Run the shell COMMAND as USER under umask 000 with a user's environment."""
    home = os.path.expanduser("~" + USER)
    env = ["env", "-i", "HOME=" + home, "PATH=" + USER_PATH, "LANG=C.UTF-8",
           "SMARTOS_DL_DIR=" + os.path.join(work, "user", "dl")]
    log.write("$ (as %s, umask 000) %s\n" % (USER, command))
    log.flush()
    rc = subprocess.call(["runuser", "-u", USER, "--"] + env + ["sh", "-c", "umask 000 && " + command],
                         stdout=log, stderr=subprocess.STDOUT)
    if rc != 0:
        raise rt.BuildError("%r as %s failed with status %d; log %s:\n%s"
                            % (command, USER, rc, log.name, rt.tail(log.name, 30)))


def copy_downloads(dest):
    """The files the configuration downloads, from root's download directory
    into the user's (the second build needs no network)."""
    info = subprocess.run(["make", "-s", "-C", rt.TOP_DIR, "O=" + root_build.output_dir, "show-info"],
                          check=True, capture_output=True, text=True).stdout
    for package in json.loads(info).values():
        for path in package.get("dl_files", []):
            target = os.path.join(dest, os.path.basename(os.path.dirname(path)), os.path.basename(path))
            if os.path.exists(path) and not os.path.exists(target):
                os.makedirs(os.path.dirname(target), exist_ok=True)
                shutil.copy2(path, target)


def build_as_user(log):
    user_dir = os.path.join(work, "user")
    tree, out = os.path.join(user_dir, "tree"), os.path.join(user_dir, "output")
    os.makedirs(os.path.join(user_dir, "dl"), exist_ok=True)
    copy_downloads(os.path.join(user_dir, "dl"))
    subprocess.run(["chown", "-R", USER + ":", user_dir], check=True)
    if not os.path.exists(os.path.join(out, ".config")):
        # A copy of the tree as a checkout under umask 000 has it: all writable by all.
        shutil.rmtree(tree, ignore_errors=True)
        archive = subprocess.Popen(["tar", "-C", rt.TOP_DIR, "--exclude=./output", "--exclude=./.git",
                                    "-cf", "-", "."], stdout=subprocess.PIPE)
        subprocess.run(["runuser", "-u", USER, "--", "sh", "-c",
                        "umask 000 && mkdir -p '%s' && tar -xf - -C '%s' && chmod -R a+w '%s'"
                        % (tree, tree, tree)], stdin=archive.stdout, check=True)
        archive.wait()
        as_user("make -C '%s' O='%s' %s" % (tree, out, DEFCONFIG), log)
        as_user("printf '%%s\\n' %s >> '%s/.config' && make -C '%s' O='%s' olddefconfig"
                % (" ".join("'%s'" % line for line in EXTRA_CONFIG), out, tree, out), log)
    as_user("make -C '%s' O='%s'" % (tree, out), log)
    return out


def setUpModule():
    global work, root_build, user_out
    if os.geteuid() != 0:
        raise RuntimeError("long_build_user must run as root (it makes the user %s and builds as it)" % USER)
    if subprocess.call(["id", USER], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) != 0:
        subprocess.run(["useradd", "-m", USER], check=True)
    reuse = os.environ.get("SMARTOS_RUNTIME_OUTPUT_BUILD_USER")
    work = reuse or tempfile.mkdtemp(prefix="smartos-runtime-build-user-")
    os.chmod(work, 0o755)  # the user reaches its part
    old = os.umask(0o022)
    try:
        root_build = rt.Build(DEFCONFIG, EXTRA_CONFIG, output_dir=os.path.join(work, "root"))
        root_build.reused = bool(reuse)
        print("built %s as root (umask 022): %.0f s" % (DEFCONFIG, root_build.run()))
    finally:
        os.umask(old)
    with open(os.path.join(work, "user-build.log"), "a") as log:
        user_out = build_as_user(log)
    print("built %s as %s (umask 000) in %s" % (DEFCONFIG, USER, user_out))


def tearDownModule():
    if work and not os.environ.get("SMARTOS_RUNTIME_OUTPUT_BUILD_USER") \
            and not os.environ.get("SMARTOS_RUNTIME_KEEP"):
        shutil.rmtree(work, ignore_errors=True)


def tar_modes(tarball):
    """(mode, owner, name) of every entry of TARBALL, sorted by name."""
    out = subprocess.run(["tar", "-tvf", tarball], check=True, capture_output=True, text=True).stdout
    entries = []
    for line in out.splitlines():
        mode, owner, _size, _date, _time, name = line.split(None, 5)
        entries.append((mode, owner, name.split(" -> ")[0].split(" link to ")[0]))
    return sorted(entries, key=lambda e: e[2])


class BuildAsUser(unittest.TestCase):

    def test_same_modes_as_roots_build(self):
        mine = tar_modes(os.path.join(user_out, "images", "rootfs.tar"))
        roots = tar_modes(os.path.join(root_build.images_dir, "rootfs.tar"))
        self.assertGreater(len(roots), 100, "rootfs.tar of root's build has %d entries" % len(roots))
        differ = sorted(set(mine) ^ set(roots), key=lambda e: e[2])
        self.assertEqual(differ, [], "entries of rootfs.tar that differ (user umask 000 vs root umask 022)")
        same = subprocess.run(["cmp", "-s", os.path.join(user_out, "images", "rootfs.tar"),
                               os.path.join(root_build.images_dir, "rootfs.tar")]).returncode == 0
        print("rootfs.tar: %d entries, the same modes and owners; the files %s"
              % (len(mine), "are identical" if same else "differ"))
        writable = [name for mode, _, name in mine if mode[8] == "w" and not mode.startswith("l")]
        self.assertEqual(writable, ["./dev/null", "./tmp/"], "entries writable by all")

    def test_boots_run_by_the_user(self):
        with rt.Machine(os.path.join(user_out, "images"), command_prefix=["runuser", "-u", USER, "--"]) as vm:
            vm.login()
            modes = vm.run("stat -c '%a %U %n' / /etc /etc/passwd /etc/shadow /etc/init.d/rcS /tmp /root")
            self.assertEqual(modes.split("\n")[:7], [
                "755 root /", "755 root /etc", "644 root /etc/passwd", "600 root /etc/shadow",
                "755 root /etc/init.d/rcS", "1777 root /tmp", "700 root /root"], modes)
            self.assertEqual(vm.poweroff(), 0, "qemu exit status after poweroff")


if __name__ == "__main__":
    unittest.main()
