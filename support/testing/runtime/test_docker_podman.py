"""Docker board: build smartos_docker_defconfig, load its docker-archive
image into a real OCI engine (podman, private storage, runc, no network),
run a dynamically linked binary and cat /etc/os-release inside, then start
a long-running container and stop it with SIGTERM within a second.

Cost: no kernel, no qemu. Build from scratch about 3 min on 2 cores
(busybox is most of it); the podman part about 30 s (vfs storage).
Needs podman and runc on the host (apt-get install podman runc).
Reuse a built output dir with SMARTOS_RUNTIME_OUTPUT_DOCKER=<dir>.
"""

import json
import os
import subprocess
import tarfile
import time
import unittest

import extras_runtime as ert
import smartos_runtime as rt

# The name "podman load" gives the archive's smartos:latest.
IMAGE = "localhost/smartos:latest"


class DockerConfiguration(rt.RuntimeTest):
    defconfig = "smartos_docker_defconfig"
    output_env = "SMARTOS_RUNTIME_OUTPUT_DOCKER"

    @classmethod
    def archive_path(cls):
        return os.path.join(cls.build.images_dir, "smartos-docker.tar")


class DockerArchive(DockerConfiguration):
    def test_archive_has_manifest_config_and_layer(self):
        with tarfile.open(self.archive_path()) as tar:
            names = tar.getnames()
            manifest = json.load(tar.extractfile("manifest.json"))
            self.assertEqual(len(manifest), 1, manifest)
            config = json.load(tar.extractfile(manifest[0]["Config"]))
            layers = manifest[0]["Layers"]
        self.assertEqual(manifest[0]["RepoTags"], ["smartos:latest"])
        self.assertEqual(len(layers), 1, layers)
        for name in [manifest[0]["Config"]] + layers:
            self.assertIn(name, names)
        self.assertEqual(config["architecture"], "amd64")
        self.assertEqual(config["os"], "linux")
        c = config["config"]
        self.assertEqual(c["Entrypoint"], ["/sbin/container-init"])
        self.assertEqual(c["Cmd"], ["/bin/sh"])
        self.assertEqual(c["StopSignal"], "SIGTERM")
        self.assertEqual(c["WorkingDir"], "/root")
        self.assertTrue(any(e.startswith("PATH=") for e in c["Env"]), c["Env"])
        # The layer is images/rootfs.tar, and its digest is the diff_id.
        rootfs = os.path.join(self.build.images_dir, "rootfs.tar")
        digest = subprocess.check_output(["sha256sum", rootfs], text=True).split()[0]
        self.assertEqual(config["rootfs"]["diff_ids"], ["sha256:" + digest])
        self.assertEqual(layers[0], digest + "/layer.tar")


class Containers(DockerConfiguration):
    """The archive loaded into podman (private storage), containers run from
    it."""

    @classmethod
    def setUpClass(cls):
        cls.podman = ert.Podman()
        cls.addClassCleanup(cls.podman.cleanup)
        if cls.podman.exe is None:
            # A missing engine is a failure, not a skip: CI must install it.
            raise RuntimeError("podman is not installed (apt-get install podman runc)")
        super().setUpClass()
        _, cls.load_output, _ = cls.podman.run("load", "-i", cls.archive_path(), timeout=300)

    def test_podman_loaded_the_archive(self):
        self.assertIn("smartos:latest", self.load_output)
        _, out, _ = self.podman.run("image", "inspect", IMAGE)
        info = json.loads(out)[0]
        self.assertEqual(info["Architecture"], "amd64")
        self.assertEqual(info["Config"]["Entrypoint"], ["/sbin/container-init"])

    def run_in_container(self, *command):
        _, out, _ = self.podman.run("run", "--rm", "--network", "none", IMAGE, *command,
                                    timeout=120)
        return out

    def test_os_release(self):
        out = self.run_in_container("cat", "/etc/os-release")
        self.assertIn('NAME="smart-os"', out)
        self.assertIn("ID=smartos", out)

    def test_dynamic_binary_runs(self):
        # busybox is linked against the toolchain's glibc: the loader in the
        # image lists its libraries, then a busybox applet runs.
        out = self.run_in_container("/lib64/ld-linux-x86-64.so.2", "--list", "/bin/busybox")
        self.assertRegex(out, r"libc\.so\.6 => /\S*libc\.so\.6")
        self.assertNotIn("not found", out)
        out = self.run_in_container("sh", "-c", "echo smart-os | tr a-z A-Z; pwd")
        self.assertEqual(out.split(), ["SMART-OS", "/root"])

    def test_exit_status_is_the_commands(self):
        status, _, _ = self.podman.run("run", "--rm", "--network", "none", IMAGE,
                                  "sh", "-c", "exit 7", check=False)
        self.assertEqual(status, 7)

    def test_no_network_no_getty(self):
        out = self.run_in_container("sh", "-c", "ls /sys/class/net; ps")
        self.assertEqual(out.split()[0], "lo", out)
        self.assertNotIn("getty", out)
        # PID 1 is the container init, not busybox init.
        self.assertRegex(out, r"(?m)^\s*1 .*container-init")

    def test_sigterm_stops_within_a_second(self):
        _, out, _ = self.podman.run("run", "-d", "--network", "none", "--name", "smartos-stop",
                                    IMAGE, "sleep", "600")
        cid = out.strip()
        # Wait until it runs.
        deadline = time.monotonic() + 60
        while True:
            _, state, _ = self.podman.run("inspect", "-f", "{{.State.Status}}", cid)
            if state.strip() == "running":
                break
            self.assertLess(time.monotonic(), deadline, "container never ran: %s" % state)
            time.sleep(0.2)
        # "podman stop" sends the image's StopSignal (SIGTERM) and would
        # SIGKILL after 10 s. Time from just before "podman stop" to the
        # exit time podman records (so the CLI's start-up counts against us).
        start_wall = time.time()
        start = time.monotonic()
        self.podman.run("stop", "-t", "10", cid)
        cli_seconds = time.monotonic() - start
        _, state, _ = self.podman.run("inspect", "-f",
                                 "{{.State.ExitCode}} {{.State.FinishedAt.UnixNano}}", cid)
        code, finished = state.split()
        seconds = int(finished) / 1e9 - start_wall
        print("SIGTERM to exit: %.2f s (to the exit time podman records; %.2f s for the whole "
              "podman stop command)" % (seconds, cli_seconds))
        self.assertEqual(code, "0", "exit status after SIGTERM (0: clean stop, 137: killed)")
        self.assertGreater(seconds, 0)
        self.assertLess(seconds, 1.0, "container took %.2f s to stop" % seconds)
        self.podman.run("rm", "-f", cid)


if __name__ == "__main__":
    unittest.main()
