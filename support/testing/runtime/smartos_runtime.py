"""Runtime test library: build a smart-os configuration, boot its disk image
in qemu and drive the serial console with pexpect.

A test reads like a user's session:

    build = Build("smartos_qemu_host_toolchain_defconfig")
    build.run()
    with Machine(build.images_dir) as vm:
        vm.login()
        out = vm.run("uname -r")
        vm.poweroff()

Environment:
  SMARTOS_RUNTIME_OUTPUT  reuse this output dir (already built with the
                          defconfig) instead of a fresh temporary one
  SMARTOS_RUNTIME_KEEP    keep the temporary output dir after the tests
  SMARTOS_RUNTIME_JOBS    passed to make as -jN (default: make's default)
  SMARTOS_RUNTIME_ARTIFACT_CACHE
                          an artifact cache directory every build of the run
                          uses (SMARTOS_ARTIFACT_CACHE=y): a package with the
                          same input hash as in an earlier build of the run is
                          restored, not built again. `run` makes a temporary
                          one unless this is set; set to "" for none.
"""

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import unittest

import pexpect

TOP_DIR = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))

# Generous limits for TCG on a loaded 2-core machine.
BOOT_TIMEOUT = 300
COMMAND_TIMEOUT = 60
POWEROFF_TIMEOUT = 60


class BuildError(Exception):
    pass


class Build:
    """One configuration built into its own output directory (O=...)."""

    def __init__(self, defconfig, output_dir=None, extra_config=(),
                 env_name="SMARTOS_RUNTIME_OUTPUT"):
        """EXTRA_CONFIG: .config lines added after loading DEFCONFIG (then
        olddefconfig), e.g. 'SMARTOS_PACKAGE_DROPBEAR=y'. Without OUTPUT_DIR,
        the dir $ENV_NAME names is reused, else a temporary one is made."""
        self.defconfig = defconfig
        self.extra_config = list(extra_config) + run_wide_config()
        self.reused = False
        self.temporary = False
        if output_dir is None:
            output_dir = os.environ.get(env_name) or None
            if output_dir:
                self.reused = True
        if output_dir is None:
            output_dir = tempfile.mkdtemp(prefix="smartos-runtime-")
            self.temporary = True
        self.output_dir = os.path.abspath(output_dir)
        self.log_path = os.path.join(self.output_dir, "runtime-build.log")
        self.build_seconds = None

    @property
    def images_dir(self):
        return os.path.join(self.output_dir, "images")

    def _make(self, *targets, log):
        cmd = ["make", "-C", TOP_DIR, "O=" + self.output_dir]
        jobs = os.environ.get("SMARTOS_RUNTIME_JOBS")
        if jobs:
            cmd.append("-j" + jobs)
        cmd.extend(targets)
        log.write("$ " + " ".join(cmd) + "\n")
        log.flush()
        rc = subprocess.call(cmd, stdout=log, stderr=subprocess.STDOUT)
        if rc != 0:
            raise BuildError(
                "'%s' failed with status %d; log: %s\n%s"
                % (" ".join(cmd), rc, self.log_path, tail(self.log_path, 30))
            )

    def run(self):
        """Configure and build; returns the build time in seconds."""
        os.makedirs(self.output_dir, exist_ok=True)
        start = time.monotonic()
        with open(self.log_path, "a") as log:
            if not self.reused or not os.path.exists(
                os.path.join(self.output_dir, ".config")
            ):
                self._make(self.defconfig, log=log)
                if self.extra_config:
                    with open(os.path.join(self.output_dir, ".config"), "a") as f:
                        f.write("".join(line + "\n" for line in self.extra_config))
                    self._make("olddefconfig", log=log)
            self._make("all", log=log)
        self.build_seconds = time.monotonic() - start
        return self.build_seconds

    def config_value(self, symbol):
        """Value of SYMBOL in the output's .config (None when unset)."""
        with open(os.path.join(self.output_dir, ".config")) as f:
            for line in f:
                m = re.match(r"^%s=(.*)$" % re.escape(symbol), line.strip())
                if m:
                    value = m.group(1)
                    if value.startswith('"') and value.endswith('"'):
                        value = value[1:-1]
                    return value
        return None

    def cleanup(self):
        if self.temporary and not os.environ.get("SMARTOS_RUNTIME_KEEP"):
            shutil.rmtree(self.output_dir, ignore_errors=True)


def run_wide_config():
    """.config lines every build of this run gets (the shared artifact
    cache, see SMARTOS_RUNTIME_ARTIFACT_CACHE)."""
    cache = os.environ.get("SMARTOS_RUNTIME_ARTIFACT_CACHE")
    if not cache:
        return []
    return ["SMARTOS_ARTIFACT_CACHE=y",
            'SMARTOS_ARTIFACT_CACHE_DIR="%s"' % os.path.abspath(cache)]


def kernel_release(bzimage):
    """The release (uname -r) a bzImage was built as: the boot protocol's
    setup header holds, at 0x20e, the offset (from 0x200) of the version
    string '<release> (<builder>) #<n> ...'."""
    with open(bzimage, "rb") as f:
        data = f.read(0x10000)
    if data[0x202:0x206] != b"HdrS":
        raise ValueError("%s: no Linux boot protocol header" % bzimage)
    start = 0x200 + int.from_bytes(data[0x20e:0x210], "little")
    end = data.index(b"\0", start)
    return data[start:end].decode("ascii", "replace").split()[0]


def build_for_module(defconfig, env_name="SMARTOS_RUNTIME_OUTPUT"):
    """The build of a test module: DEFCONFIG built in a temporary output dir,
    or the output dir $ENV_NAME names reused (only what changed is rebuilt).
    Modules other than the CI boot test name a variable of their own (e.g.
    SMARTOS_RUNTIME_OUTPUT_DOCKER): SMARTOS_RUNTIME_OUTPUT names one dir for
    every module that uses it. Prints the build time; returns the Build."""
    b = Build(defconfig, env_name=env_name)
    seconds = b.run()
    print("built %s in %s: %.0f s" % (defconfig, b.output_dir, seconds))
    return b


def tail(path, lines):
    try:
        with open(path, errors="replace") as f:
            return "".join(f.readlines()[-lines:])
    except OSError as e:
        return "(cannot read %s: %s)" % (path, e)


class CommandError(Exception):
    pass


class Machine:
    """A qemu guest booted from the disk image, driven on its serial console."""

    # Printed by our own shell commands; never by the guest on its own.
    _MARK = "SMARTOS-RC"

    def __init__(self, images_dir, log_path=None, extra_args=(), script_args=(),
                 command_prefix=(), disk=None, monitor=False):
        """SCRIPT_ARGS go to run.sh before the images dir (e.g. --tap
        smarttap1), EXTRA_ARGS to qemu (after --); COMMAND_PREFIX runs
        run.sh through another command (e.g. ip netns exec NAME).
        DISK boots that disk image (e.g. a copy of disk.img) instead of the
        images dir's. MONITOR gives qemu a monitor on a unix socket for
        monitor_command() and hostfwd()."""
        self.images_dir = images_dir
        self.disk = disk
        self.monitor_path = None
        if monitor:
            self._monitor_dir = tempfile.mkdtemp(prefix="smartos-monitor-")
            self.monitor_path = os.path.join(self._monitor_dir, "monitor.sock")
            extra_args = list(extra_args) + [
                "-monitor", "unix:%s,server=on,wait=off" % self.monitor_path]
        self.script = os.path.join(images_dir, "run.sh")
        self.log_path = log_path or os.path.join(images_dir, "..", "runtime-console.log")
        self.extra_args = list(extra_args)
        self.script_args = list(script_args)
        self.command_prefix = list(command_prefix)
        self.child = None
        self.boot_seconds = None
        self.shell_seconds = None
        self._log = None

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.stop()

    def start(self):
        if not os.access(self.script, os.X_OK):
            raise FileNotFoundError("%s: run script missing or not executable" % self.script)
        env = dict(os.environ)
        # The KVM probe takes its timeout on machines where KVM hangs; tests
        # may force the accelerator with SMARTOS_QEMU_ACCEL.
        env.setdefault("SMARTOS_QEMU_ACCEL", "tcg")
        self._log = open(self.log_path, "w")
        args = ["--"] + self.extra_args if self.extra_args else []
        if self.script_args or self.disk:
            args = self.script_args + [self.disk or self.images_dir] + args
        command = self.script
        if self.command_prefix:
            command = self.command_prefix[0]
            args = self.command_prefix[1:] + [self.script] + args
        self._start_time = time.monotonic()
        self.child = pexpect.spawn(
            command, args, env=env, encoding="utf-8", codec_errors="replace",
            timeout=COMMAND_TIMEOUT,
        )
        self.child.logfile_read = self._log

    def expect(self, pattern, timeout):
        """Wait for PATTERN; on failure say what was expected and show the
        end of the console log."""
        try:
            return self.child.expect(pattern, timeout=timeout)
        except (pexpect.TIMEOUT, pexpect.EOF) as e:
            what = "timeout after %ss" % timeout if isinstance(e, pexpect.TIMEOUT) else "qemu exited"
            self._log.flush()
            raise CommandError(
                "expected %r on the console, got %s; console log %s ends with:\n%s"
                % (pattern, what, self.log_path, tail(self.log_path, 20))
            ) from None

    def login(self, user="root", timeout=BOOT_TIMEOUT, password=None):
        """Wait for the login prompt, log in (with PASSWORD when given), and
        prepare the shell for machine-readable commands. Records
        boot_seconds (qemu start to the login prompt, first login only) and
        shell_seconds (qemu start to the shell prompt). A refused login
        raises CommandError."""
        if not self.try_login(user, password, timeout):
            raise CommandError("login as %r was refused (Login incorrect); console log %s"
                               % (user, self.log_path))

    def try_login(self, user, password=None, timeout=BOOT_TIMEOUT):
        """Like login(), but returns False when login says "Login incorrect"
        (it then shows its prompt again), True once logged in."""
        self.expect(r"login: ", timeout)
        if self.boot_seconds is None:
            self.boot_seconds = time.monotonic() - self._start_time
        self.child.sendline(user)
        if password is not None:
            self.expect(r"Password: ", COMMAND_TIMEOUT)
            self.child.sendline(password)
        # busybox login waits about 3 s before it says a login failed.
        if self.expect([r"[#$] ", r"Login incorrect"], COMMAND_TIMEOUT) == 1:
            return False
        self.shell_seconds = time.monotonic() - self._start_time
        # No echo, no prompt, no kernel messages on the console: what comes
        # back is the command's own output.
        self.child.sendline("stty -echo; PS1=''; PS2=''; dmesg -n 1 2>/dev/null")
        self.run("true")
        return True

    def logout(self):
        """Leave the login shell; getty shows the login prompt again."""
        self.child.sendline("exit")

    def monitor_command(self, command, timeout=COMMAND_TIMEOUT):
        """Run a qemu monitor (HMP) command through the monitor socket
        (Machine(monitor=True)); returns its output."""
        if not self.monitor_path:
            raise CommandError("monitor_command(%r): the machine has no monitor socket" % command)
        deadline = time.monotonic() + timeout
        while True:
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            try:
                sock.connect(self.monitor_path)
                break
            except OSError:
                sock.close()
                if time.monotonic() > deadline:
                    raise CommandError("qemu monitor %s: cannot connect" % self.monitor_path)
                time.sleep(0.2)
        with sock:
            sock.settimeout(timeout)

            def read_prompt():
                data = b""
                while not data.endswith(b"(qemu) "):
                    chunk = sock.recv(4096)
                    if not chunk:
                        raise CommandError("qemu monitor closed; got %r" % data)
                    data += chunk
                return data.decode(errors="replace")

            read_prompt()
            sock.sendall(command.encode() + b"\n")
            out = read_prompt()
        # The monitor echoes the command line (with terminal escapes).
        out = re.sub(r"\x1b\[[0-9;]*[A-Za-z]|\x1b[A-Za-z]", "", out).replace("\r", "")
        lines = out.split("\n")[1:-1]
        return "\n".join(lines)

    def hostfwd(self, guest_port, proto="tcp"):
        """Forward a free port of the host's 127.0.0.1 to GUEST_PORT of the
        guest (qemu user networking, netdev net0); returns the host port.
        Only the loopback address of the host is involved."""
        for _ in range(5):
            with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
                s.bind(("127.0.0.1", 0))
                port = s.getsockname()[1]
            out = self.monitor_command("hostfwd_add net0 %s:127.0.0.1:%d-:%d"
                                       % (proto, port, guest_port))
            if not out.strip():
                return port
        raise CommandError("hostfwd_add for guest port %d failed: %s" % (guest_port, out))

    def run(self, command, timeout=COMMAND_TIMEOUT, check=True):
        """Run COMMAND in the guest shell; returns its output (str, \\n line
        ends). With check, a non-zero exit status raises CommandError."""
        self.child.sendline("%s; echo %s=$?." % (command, self._MARK))
        self.expect(r"%s=(\d+)\." % self._MARK, timeout)
        status = int(self.child.match.group(1))
        output = self.child.before.replace("\r\n", "\n").replace("\r", "")
        # Drop what is left of the previous marker line.
        if output.startswith("\n"):
            output = output[1:]
        if check and status != 0:
            raise CommandError(
                "%r exited with status %d; output:\n%s" % (command, status, output)
            )
        self.last_status = status
        return output

    def poweroff(self, timeout=POWEROFF_TIMEOUT):
        """Power the guest off and wait until qemu exits; returns qemu's exit
        status."""
        self.child.sendline("poweroff")
        self.expect(pexpect.EOF, timeout)
        self.child.close()
        status = self.child.exitstatus
        self.child = None
        return status

    def stop(self):
        if self.child is not None and self.child.isalive():
            self.child.terminate(force=True)
        self.child = None
        if self.monitor_path:
            shutil.rmtree(os.path.dirname(self.monitor_path), ignore_errors=True)
        if self._log:
            self._log.close()
            self._log = None


def main_summary(result):
    """Print the 'N passed, M failed' line for a unittest result and return
    the exit status."""
    failed = len(result.failures) + len(result.errors) + len(result.unexpectedSuccesses)
    # A failing setUpModule/setUpClass is an error without a test run.
    failed_runs = [t for t, _ in result.failures + result.errors
                   if not isinstance(t, unittest.suite._ErrorHolder)]
    passed = (result.testsRun - len(failed_runs) - len(result.skipped)
              - len(result.unexpectedSuccesses))
    print("%d passed, %d failed" % (passed, failed))
    sys.stdout.flush()
    return 0 if failed == 0 and result.testsRun > 0 else 1
