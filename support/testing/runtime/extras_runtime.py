"""Helpers of the extras' runtime tests, on top of smartos_runtime: podman
with a storage of its own for the docker test (test_docker_podman.py)."""

import os
import shutil
import subprocess
import tempfile
import textwrap
import time


class Podman:
    """podman with a private configuration and storage under a temporary dir:
    vfs storage, runc, cgroupfs, no default ulimits (what works on these
    machines), and nothing of the host's podman configuration touched."""

    def __init__(self):
        self.exe = shutil.which("podman")
        self.dir = tempfile.mkdtemp(prefix="smartos-podman-")
        conf = os.path.join(self.dir, "containers.conf")
        with open(conf, "w") as f:
            f.write(textwrap.dedent("""\
                [containers]
                default_ulimits = []
                netns = "none"
                [engine]
                runtime = "runc"
                cgroup_manager = "cgroupfs"
                events_logger = "file"
                """))
        storage = os.path.join(self.dir, "storage.conf")
        with open(storage, "w") as f:
            f.write(textwrap.dedent("""\
                [storage]
                driver = "vfs"
                graphroot = "%s/storage"
                runroot = "%s/run"
                """ % (self.dir, self.dir)))
        self.env = dict(os.environ)
        self.env.update({
            "CONTAINERS_CONF": conf,
            "CONTAINERS_STORAGE_CONF": storage,
            "XDG_RUNTIME_DIR": os.path.join(self.dir, "xdg"),
            "TMPDIR": os.path.join(self.dir, "tmp"),
        })
        os.makedirs(self.env["XDG_RUNTIME_DIR"], mode=0o700)
        os.makedirs(self.env["TMPDIR"])

    def command(self, *args):
        return [self.exe, "--root", os.path.join(self.dir, "storage"),
                "--runroot", os.path.join(self.dir, "run"),
                "--storage-driver", "vfs", "--runtime", "runc",
                "--cgroup-manager", "cgroupfs", "--events-backend", "file",
                "--tmpdir", os.path.join(self.dir, "libpod-tmp")] + list(args)

    def run(self, *args, check=True, timeout=120):
        """Run podman ARGS; returns (status, stdout, stderr)."""
        start = time.monotonic()
        p = subprocess.run(self.command(*args), env=self.env, capture_output=True,
                           text=True, timeout=timeout)
        self.last_seconds = time.monotonic() - start
        if check and p.returncode != 0:
            raise AssertionError("podman %s exited with %d\nstdout:\n%s\nstderr:\n%s"
                                 % (" ".join(args), p.returncode, p.stdout, p.stderr))
        return p.returncode, p.stdout, p.stderr

    def cleanup(self):
        if self.exe:
            subprocess.run(self.command("rm", "-a", "-f"), env=self.env,
                           capture_output=True, timeout=120)
            subprocess.run(self.command("system", "reset", "-f"), env=self.env,
                           capture_output=True, timeout=120)
        # vfs layers hold root-owned read-only dirs: make them removable.
        subprocess.run(["chmod", "-R", "u+w", self.dir], capture_output=True)
        shutil.rmtree(self.dir, ignore_errors=True)
