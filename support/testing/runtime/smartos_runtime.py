"""Runtime test library: build a smart-os configuration, boot its images in
qemu and drive the serial console with pexpect.

A test class declares its configuration -- a defconfig and a configuration
fragment -- and reads like a user's session:

    class TestHostname(RuntimeTest):
        defconfig = "smartos_qemu_host_toolchain_defconfig"
        config_fragment = '''
            SMARTOS_TARGET_GENERIC_HOSTNAME="box"
        '''

        def test_hostname(self):
            vm = self.boot()
            self.assertEqual(vm.run("hostname").strip(), "box")

The configuration is built once per run of the tests: every class that
declares the same defconfig, fragment and output variable uses one build.

Environment:
  SMARTOS_RUNTIME_OUTPUT  reuse this output dir instead of a temporary one
                          (a class names another variable in output_env,
                          e.g. SMARTOS_RUNTIME_OUTPUT_DOCKER)
  SMARTOS_RUNTIME_KEEP    keep the temporary output dirs after the tests
  SMARTOS_RUNTIME_JOBS    passed to make as -jN (default: make's default)
  SMARTOS_RUNTIME_ARTIFACT_CACHE
                          an artifact cache directory every freshly configured
                          build of the run uses (SMARTOS_ARTIFACT_CACHE=y): a
                          package with the same input hash as in an earlier
                          build of the run is restored, not built again. `run`
                          makes a temporary one unless this is set; set it to
                          "" for none.
"""

import atexit
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


def fragment_lines(text):
    """The lines of a configuration fragment, without indentation and blank
    lines."""
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def config_symbol(line):
    """The symbol a .config line sets ('SYM=value' or '# SYM is not set'),
    None for other lines (comments)."""
    m = re.match(r"^([A-Za-z0-9_]+)=", line) or re.match(r"^# ([A-Za-z0-9_]+) is not set$", line)
    return m.group(1) if m else None


def run_wide_config(defconfig):
    """.config lines every freshly configured build of this run gets: the
    shared artifact cache (see SMARTOS_RUNTIME_ARTIFACT_CACHE), and then no
    ccache: a package compiled twice in a run has other inputs, and a cold
    ccache only adds its preprocessing to every compilation (a quarter more
    for the kernel). A cache directory kept between runs replaces ccache.
    A DEFCONFIG with GRUB also gets GRUB's UEFI platform: host-grub2 is then
    the same package in every configuration with GRUB (the boot media's
    need both platforms), built once per run and restored after that. It
    adds only GRUB's UEFI modules to the host directory, not to the images."""
    cache = os.environ.get("SMARTOS_RUNTIME_ARTIFACT_CACHE")
    if not cache:
        return []
    lines = ["SMARTOS_ARTIFACT_CACHE=y",
             'SMARTOS_ARTIFACT_CACHE_DIR="%s"' % os.path.abspath(cache),
             "# SMARTOS_CCACHE is not set"]
    if "SMARTOS_PACKAGE_GRUB2=y" in defconfig_lines(defconfig):
        lines.append("SMARTOS_PACKAGE_GRUB2_EFI=y")
    return lines


def defconfig_lines(defconfig):
    """The lines of configs/DEFCONFIG (as fragment_lines gives them); none
    for a name that is not there."""
    path = os.path.join(TOP_DIR, "configs", defconfig)
    if not os.path.exists(path):
        return []
    with open(path) as f:
        return fragment_lines(f.read())


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


class Build:
    """One configuration -- DEFCONFIG plus the lines of a configuration
    fragment -- built into its own output directory (O=...)."""

    def __init__(self, defconfig, fragment=(), output_dir=None, make_inputs=None,
                 env_name="SMARTOS_RUNTIME_OUTPUT"):
        """FRAGMENT: .config lines added after loading DEFCONFIG (then
        olddefconfig), e.g. 'SMARTOS_PACKAGE_DROPBEAR=y'; '{inputs}' in a
        line stands for inputs_dir, which MAKE_INPUTS(inputs_dir) fills
        before the configuration is loaded; MAKE_INPUTS may return more
        fragment lines, for values known only once the inputs exist (the
        sha256 of a file it made). Without OUTPUT_DIR, the dir
        $ENV_NAME names is reused, else a temporary one is made."""
        self.defconfig = defconfig
        self.env_name = env_name
        self.make_inputs = make_inputs
        self.reused = False
        self.temporary = False
        if output_dir is None:
            output_dir = os.environ.get(env_name) or None
            self.reused = output_dir is not None
        if output_dir is None:
            output_dir = tempfile.mkdtemp(prefix="smartos-runtime-")
            self.temporary = True
        self.output_dir = os.path.abspath(output_dir)
        self.inputs_dir = os.path.join(self.output_dir, "runtime-inputs")
        self.fragment = [line.replace("{inputs}", self.inputs_dir) for line in fragment]
        # A reused output dir keeps its own cache settings.
        if not self.reused:
            self.fragment += run_wide_config(defconfig)
        self.log_path = os.path.join(self.output_dir, "runtime-build.log")
        self.build_seconds = None

    @property
    def images_dir(self):
        return os.path.join(self.output_dir, "images")

    @property
    def description(self):
        if not self.fragment:
            return self.defconfig
        return "%s + %d fragment lines" % (self.defconfig, len(self.fragment))

    def _make(self, *targets, log):
        cmd = ["make", "-C", TOP_DIR, "O=" + self.output_dir]
        jobs = os.environ.get("SMARTOS_RUNTIME_JOBS")
        if jobs:
            cmd.append("-j" + jobs)
        cmd.extend(targets)
        log.write("$ " + " ".join(cmd) + "\n")
        log.flush()
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT)
        try:
            rc = proc.wait()
        except BaseException:
            # The run was interrupted (Ctrl-C, or SIGTERM, which the runner
            # turns into KeyboardInterrupt): make stops its own jobs on
            # SIGTERM, and nothing of the build goes on after the runner.
            proc.terminate()
            proc.wait()
            raise
        if rc != 0:
            raise BuildError(
                "'%s' failed with status %d; log: %s\n%s"
                % (" ".join(cmd), rc, self.log_path, tail(self.log_path, 30))
            )

    def expected_lines(self):
        """The .config lines this configuration must have: the defconfig's,
        each replaced by the fragment's line for the same symbol, and the
        fragment's own."""
        lines = {}
        for line in defconfig_lines(self.defconfig):
            if config_symbol(line):
                lines[config_symbol(line)] = line
        for line in self.fragment:
            if config_symbol(line):
                lines[config_symbol(line)] = line
        return list(lines.values())

    def check_config(self):
        """A reused output dir may hold more than the configuration (e.g.
        ccache on), never less or other values: raise BuildError naming the
        first line the output's .config lacks. After a fresh configuration,
        this also catches a fragment line that olddefconfig dropped (a
        misspelt symbol, an unmet dependency)."""
        with open(os.path.join(self.output_dir, ".config")) as f:
            have = set(line.rstrip("\n") for line in f)
        missing = [line for line in self.expected_lines() if line not in have]
        if missing:
            where = ("the reused output dir %s ($%s)" % (self.output_dir, self.env_name)
                     if self.reused else self.output_dir)
            raise BuildError(
                "%s is not configured as %s: its .config lacks %r%s"
                % (where, self.description, missing[0],
                   " (and %d more lines)" % (len(missing) - 1) if len(missing) > 1 else ""))

    def run(self):
        """Configure (unless a reused output dir has a .config already),
        check the configuration and build; returns the build time in
        seconds."""
        os.makedirs(self.output_dir, exist_ok=True)
        if self.make_inputs:
            os.makedirs(self.inputs_dir, exist_ok=True)
            more = self.make_inputs(self.inputs_dir)
            if more:
                self.fragment += [line for line in more if line not in self.fragment]
        start = time.monotonic()
        config = os.path.join(self.output_dir, ".config")
        with open(self.log_path, "a") as log:
            if not self.reused or not os.path.exists(config):
                self._make(self.defconfig, log=log)
                if self.fragment:
                    with open(config, "a") as f:
                        f.write("".join(line + "\n" for line in self.fragment))
                    self._make("olddefconfig", log=log)
            self.check_config()
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


# The builds of this run, by configuration (see RuntimeTest.configuration):
# a Build, or the BuildError its build raised.
_builds = {}
# The last test class of this run that uses each configuration (plan_run).
_last_class = {}


def configuration_build(configuration):
    """The Build of CONFIGURATION (defconfig, fragment lines, make_inputs,
    output variable), built the first time it is asked for. A build that
    failed fails every later class that asks for it, without building
    again."""
    known = _builds.get(configuration)
    if isinstance(known, Build):
        return known
    if known is not None:
        raise BuildError("the build of this configuration failed earlier in this run:\n%s" % known)
    defconfig, fragment, make_inputs, env_name = configuration
    build = Build(defconfig, fragment, make_inputs=make_inputs, env_name=env_name)
    atexit.register(build.cleanup)
    try:
        seconds = build.run()
    except BuildError as e:
        _builds[configuration] = e
        raise
    print("built %s in %s: %.0f s" % (build.description, build.output_dir, seconds))
    _builds[configuration] = build
    return build


def plan_run(test_classes):
    """Tell the library which classes the run will set up, in order: a
    temporary output dir is removed after the last class that uses it (not
    only when the run ends)."""
    for cls in test_classes:
        if issubclass(cls, RuntimeTest) and cls.defconfig:
            _last_class[cls.configuration()] = cls


def _release(cls):
    configuration = cls.configuration()
    build = _builds.get(configuration)
    if _last_class.get(configuration) is cls and isinstance(build, Build):
        build.cleanup()


_console_logs = set()


def console_log(directory, name):
    """DIRECTORY/runtime-console-NAME.log, with a number added when this run
    has given that name to another machine already."""
    path = os.path.join(directory, "runtime-console-%s.log" % name)
    n = 1
    while path in _console_logs:
        n += 1
        path = os.path.join(directory, "runtime-console-%s-%d.log" % (name, n))
    _console_logs.add(path)
    return path


def power_off(vm):
    """End a machine that a test or a class started: power it off and
    require qemu's exit status 0; a machine already powered off, or not at
    a shell prompt (a login failed, a test logged out), is only stopped."""
    try:
        if vm.child is None or not vm.logged_in:
            return
        status = vm.poweroff()
        if status != 0:
            raise AssertionError("qemu exited with status %d after poweroff; console log %s"
                                 % (status, vm.log_path))
    finally:
        vm.stop()


class RuntimeTest(unittest.TestCase):
    """Base class of the runtime tests. A subclass declares its
    configuration in class attributes:

      defconfig        the defconfig to load (configs/<name>)
      config_fragment  .config lines added after it, then olddefconfig;
                       '{inputs}' in a line is a directory of the output dir
                       that make_inputs fills first
      make_inputs      optional staticmethod(directory): writes files the
                       fragment names (keys, tables); may return more
                       fragment lines (e.g. the sha256 of a file it wrote)
      output_env       the environment variable that may name an output dir
                       to reuse (default SMARTOS_RUNTIME_OUTPUT)
      builds_kernel_tree  True when the configuration builds kernel modules
                       (so compiles the kernel rather than restoring it): the
                       runner builds it before the others

    setUpClass builds the configuration (or takes the build of an earlier
    class with the same configuration) into cls.build. boot() starts a
    machine for one test, boot_for_class() one that the class's tests
    share; either is powered off after the test (the class) with a check
    that qemu exits with status 0. Their console logs are
    <output>/runtime-console-<Class>[.<test>].log unless log_path says."""

    defconfig = None
    config_fragment = ""
    make_inputs = None
    output_env = "SMARTOS_RUNTIME_OUTPUT"
    builds_kernel_tree = False
    build = None

    @classmethod
    def configuration(cls):
        return (cls.defconfig, fragment_lines(cls.config_fragment), cls.make_inputs,
                cls.output_env)

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if not cls.defconfig:
            raise TypeError("%s: a runtime test class declares its defconfig" % cls.__name__)
        cls.build = configuration_build(cls.configuration())
        # Registered first, so it runs after the cleanups of the machines.
        cls.addClassCleanup(_release, cls)

    @classmethod
    def _machine(cls, name, images_dir, kwargs):
        if "log_path" not in kwargs:
            kwargs["log_path"] = console_log(cls.build.output_dir, name)
        return Machine(images_dir or cls.build.images_dir, **kwargs)

    @classmethod
    def boot_for_class(cls, login=True, password=None, images_dir=None, **machine_args):
        """Start a machine that the class's tests share (from setUpClass):
        each test leaves it as it found it, logged in as root. With LOGIN,
        wait for the login prompt and log in as root (with PASSWORD). The
        machine is powered off after the last test of the class."""
        vm = cls._machine(cls.__name__, images_dir, machine_args)
        cls.addClassCleanup(power_off, vm)
        vm.start()
        if login:
            vm.login(password=password)
        return vm

    def boot(self, login=True, password=None, images_dir=None, **machine_args):
        """Start a machine for this test alone (see boot_for_class); it is
        powered off when the test ends, unless the test did it."""
        vm = self._machine("%s.%s" % (type(self).__name__, self._testMethodName), images_dir,
                           machine_args)
        self.addCleanup(power_off, vm)
        vm.start()
        if login:
            vm.login(password=password)
        return vm


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
        self.logged_in = False
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
        self.logged_in = True
        return True

    def logout(self):
        """Leave the login shell; getty shows the login prompt again."""
        self.logged_in = False
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

    def wait_for_address(self, iface="eth0", route=False, timeout=COMMAND_TIMEOUT):
        """Wait until IFACE has an IPv4 address (and, with ROUTE, the default
        route through it) and return what `ip -4 addr show dev IFACE` and
        `ip -4 route show dev IFACE` say. With DHCP the guest takes its
        lease in the background (SMARTOS_SYSTEM_NET_DHCP_WAIT off): the
        login prompt may come before the lease, so a test that uses the
        network right after the boot waits here first. The DHCP client's
        script sets the default route last, so ROUTE waits for the whole
        lease where the DHCP server gives a router (qemu's user networking
        with restrict=on gives none). Raises CommandError when that did not
        come within TIMEOUT seconds."""
        show = "ip -4 addr show dev %s" % iface
        ready = "%s | grep -q 'inet '" % show
        if route:
            ready += " && ip -4 route show dev %s | grep -q '^default '" % iface
        out = self.run("n=0; until %s; do [ $n -ge %d ] && break; n=$((n + 1)); sleep 0.2; "
                       "done; %s; ip -4 route show dev %s" % (ready, timeout * 5, show, iface),
                       timeout=timeout + COMMAND_TIMEOUT)
        lacking = "an IPv4 address" if "inet " not in out else \
            "a default route" if route and "default " not in out else None
        if lacking:
            raise CommandError("%s: no %s after %d s; the guest says:\n%s\nconsole log %s"
                               % (iface, lacking, timeout, out, self.log_path))
        return out

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
        self.logged_in = False
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
    # A failing setUpClass or class cleanup is an error without a test run.
    failed_runs = [t for t, _ in result.failures + result.errors
                   if not isinstance(t, unittest.suite._ErrorHolder)]
    passed = (result.testsRun - len(failed_runs) - len(result.skipped)
              - len(result.unexpectedSuccesses))
    print("%d passed, %d failed" % (passed, failed))
    sys.stdout.flush()
    return 0 if failed == 0 and result.testsRun > 0 else 1
