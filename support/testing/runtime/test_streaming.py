"""The streaming server (make check): smartos_streaming_defconfig (the
qemu board with the host toolchain and ccache, nginx with the RTMP module)
plus smart_rtmpd's packaging, built with an archive the test makes itself:
a C++ stand-in of ours (smart_rtmpd_standin.cpp, which needs libstdc++ at run time) and a
config.xml, given as SMARTOS_PACKAGE_SMART_RTMPD_ARCHIVE with its sha256.
The vendor's own program is not run here (it cannot be downloaded on these
machines).

Then, from the host, through qemu's user networking (restrict=on) and the
host forwards of the image's run script on 127.0.0.1 only:
  - a 10 s synthetic stream (testsrc video, sine audio; H.264/AAC in FLV) is
    pushed with ffmpeg to rtmp://127.0.0.1:<port>/live/test while an ffmpeg
    player pulls it back over RTMP; afterwards the HLS playlist and its
    segments are fetched over HTTP (ffmpeg reads a VOD copy of the live
    playlist whose segment URLs point at the guest). ffprobe checks both
    pulled streams: the pushed codecs, the resolution, at least 90% of the
    pushed video and audio frames;
  - the stand-in answers the RTMP handshake on the port its config.xml
    names;
  - nginx's own test of a malformed configuration (the build's check) names
    the file and line; the ELF check refuses the target without libstdc++.
Reuse a built output dir with SMARTOS_RUNTIME_OUTPUT_STREAMING.
"""

import hashlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.request

import smartos_runtime as rt

DEFCONFIG = "smartos_streaming_defconfig"
HERE = os.path.dirname(os.path.abspath(__file__))
RTMP_PORT, HTTP_PORT = 1935, 8080
# The stand-in's port: the archive's config.xml says 1937, the config file
# the build installs over it (SMARTOS_PACKAGE_SMART_RTMPD_CONFIG_FILE) 1936.
STANDIN_PORT = 1936
# The pushed stream.
WIDTH, HEIGHT, FPS, SECONDS = 640, 360, 25, 10


def require_tool(name):
    if not shutil.which(name):
        raise AssertionError("%s is not installed (support/scripts/install-host-deps.sh installs it)"
                             % name)


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_dir_with_free_ports(output_dir):
    """A directory in OUTPUT_DIR holding the image's run.sh and disk.img
    (linked) and a hostfwd.txt that forwards the same guest ports as the
    built one (plus the stand-in's) from free host ports: the run script's
    own forwarding, without depending on 1935/8080 being free on this host.
    Returns the directory and {guest port: host port}."""
    images_dir = os.path.join(output_dir, "images")
    d = os.path.join(output_dir, "runtime-streaming-run")
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    shutil.copy2(os.path.join(images_dir, "run.sh"), d)
    os.symlink(os.path.join(images_dir, "disk.img"), os.path.join(d, "disk.img"))
    ports = {}
    with open(os.path.join(d, "hostfwd.txt"), "w") as f:
        for guest in (RTMP_PORT, HTTP_PORT, STANDIN_PORT):
            ports[guest] = free_port()
            f.write("tcp %d %d\n" % (ports[guest], guest))
    return d, ports


def ffprobe(path, *extra):
    """Streams of a media file or URL: {codec_type: stream dict} with
    nb_read_frames counted by ffprobe."""
    p = subprocess.run(["ffprobe", "-v", "error", "-count_frames", "-show_entries",
                        "stream=codec_type,codec_name,width,height,nb_read_frames",
                        "-of", "json"] + list(extra) + [path],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=300)
    if p.returncode != 0:
        raise AssertionError("ffprobe %s failed: %s" % (path, p.stderr))
    return {s["codec_type"]: s for s in json.loads(p.stdout)["streams"]}


def http_get(port, path, timeout=30):
    with urllib.request.urlopen("http://127.0.0.1:%d%s" % (port, path), timeout=timeout) as r:
        return r.read()


class StreamingConfiguration(rt.RuntimeTest):
    defconfig = DEFCONFIG
    output_env = "SMARTOS_RUNTIME_OUTPUT_STREAMING"

    @staticmethod
    def make_inputs(directory):
        """The stand-in program and its config.xml as a .tar.gz made the same
        way every time (the same sha256 when the build is reused), and a
        config.xml of the user's; returns the configuration lines for them."""
        for name in ("ffmpeg", "ffprobe", "g++"):
            require_tool(name)
        app = os.path.join(directory, "smart_rtmpd-standin")
        os.makedirs(app, exist_ok=True)
        subprocess.run(["g++", "-std=c++17", "-O2", "-Wall", "-Wextra", "-Werror", "-pthread",
                        "-o", os.path.join(app, "smart_rtmpd"),
                        os.path.join(HERE, "smart_rtmpd_standin.cpp")], check=True)
        with open(os.path.join(app, "config.xml"), "w") as f:
            f.write("<config><rtmp_port>1937</rtmp_port></config>\n")
        archive = os.path.join(directory, "smart_rtmpd-standin.tar.gz")
        subprocess.run("tar -C '%s' --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner "
                       "-cf - smart_rtmpd-standin | gzip -n > '%s'" % (directory, archive),
                       shell=True, check=True)
        config = os.path.join(directory, "config.xml")
        with open(config, "w") as f:
            f.write("<config><rtmp_port>%d</rtmp_port></config>\n" % STANDIN_PORT)
        with open(archive, "rb") as f:
            sha = hashlib.sha256(f.read()).hexdigest()
        return [
            "SMARTOS_PACKAGE_SMART_RTMPD=y",
            'SMARTOS_PACKAGE_SMART_RTMPD_ARCHIVE="%s"' % archive,
            'SMARTOS_PACKAGE_SMART_RTMPD_SHA256="%s"' % sha,
            'SMARTOS_PACKAGE_SMART_RTMPD_CONFIG_FILE="%s"' % config,
        ]


class ImageContents(StreamingConfiguration):
    """What the build put into the image, checked without booting it."""

    def test_build_writes_the_configured_host_forwards(self):
        with open(os.path.join(self.build.images_dir, "hostfwd.txt")) as f:
            self.assertEqual(f.read(), "tcp 1935 1935\ntcp 8080 8080\n")

    def test_libraries_and_programs(self):
        target = os.path.join(self.build.output_dir, "target")
        for path in ("usr/sbin/nginx", "etc/nginx/nginx.conf", "etc/init.d/S60nginx",
                     "usr/lib/libssl.so.3", "usr/lib/libcrypto.so.3", "usr/lib/libz.so.1",
                     "usr/lib/libpcre2-8.so.0", "usr/lib/libstdc++.so.6",
                     "opt/smart_rtmpd/smart_rtmpd", "opt/smart_rtmpd/config.xml",
                     "etc/init.d/S61smart_rtmpd"):
            self.assertTrue(os.path.exists(os.path.join(target, path)), path)
        # Shared objects only: no headers, static libraries or pkg-config files.
        for path in ("usr/include", "usr/lib/pkgconfig", "usr/lib/libz.a", "usr/bin/openssl"):
            self.assertFalse(os.path.exists(os.path.join(target, path)), path)
        needed = subprocess.run(["readelf", "-d", os.path.join(target, "usr/sbin/nginx")],
                                stdout=subprocess.PIPE, text=True, check=True).stdout
        for lib in ("libssl.so.3", "libcrypto.so.3", "libz.so.1", "libpcre2-8.so.0"):
            self.assertIn("[%s]" % lib, needed)
        with open(os.path.join(target, "opt/smart_rtmpd/config.xml")) as f:
            self.assertIn("<rtmp_port>%d</rtmp_port>" % STANDIN_PORT, f.read())

    def test_build_ran_nginx_own_configuration_test(self):
        with open(os.path.join(self.build.output_dir, "build", "nginx", "smartos-build.log")) as f:
            log = f.read()
        self.assertIn("package/nginx/nginx.conf: syntax ok", log)
        self.assertIn("nginx -t: the configuration is valid", log)
        self.assertIn("test is successful", log)

    def copy_of_the_target(self, cp_option):
        """A copy of output/target (cp -a, or -al for hard links) in a
        directory removed after the test."""
        work = tempfile.mkdtemp(prefix="runtime-target-", dir=self.build.output_dir)
        self.addCleanup(shutil.rmtree, work, True)
        copy = os.path.join(work, "target")
        subprocess.run(["cp", cp_option, os.path.join(self.build.output_dir, "target"), copy],
                       check=True)
        return copy

    def test_elf_check_refuses_the_target_without_libstdcxx(self):
        copy = self.copy_of_the_target("-al")
        os.unlink(os.path.join(copy, "usr/lib/libstdc++.so.6"))
        p = subprocess.run([sys.executable, os.path.join(rt.TOP_DIR, "support/scripts/check-elf"),
                            copy], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.assertNotEqual(p.returncode, 0, p.stdout)
        self.assertIn("/opt/smart_rtmpd/smart_rtmpd: needs libstdc++.so.6", p.stdout)

    def test_nginx_test_names_the_line_of_a_malformed_configuration(self):
        # A missing ';' that our syntax check cannot see ("live on record
        # off;" is one directive to it): nginx's own test, as the build runs
        # it, on a copy of the target.
        root = self.copy_of_the_target("-a")
        conf = os.path.join(root, "etc/nginx/nginx.conf")
        with open(conf) as f:
            lines = f.read().split("\n")
        n = next(i for i, line in enumerate(lines) if line.strip() == "live on;")
        lines[n] = lines[n].replace("live on;", "live on")
        with open(os.path.join(root, "etc/nginx/bad.conf"), "w") as f:
            f.write("\n".join(lines))
        p = subprocess.run([sys.executable, os.path.join(rt.TOP_DIR, "package/nginx/check-config"),
                            "nginx-test", "--option", "SMARTOS_PACKAGE_NGINX_CONFIG_FILE",
                            "--shown", "board/test/nginx.conf", "--root", root,
                            "--installed", "/etc/nginx/bad.conf", "--nginx", "/usr/sbin/nginx"],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.assertEqual(p.returncode, 1, p.stdout)
        # nginx names the line where the directive ends: the next one's
        # ';' (lines count from 1, n from 0).
        self.assertIn('ERROR: SMARTOS_PACKAGE_NGINX_CONFIG_FILE: board/test/nginx.conf:%d: '
                      'nginx -t: invalid number of arguments in "live" directive' % (n + 2),
                      p.stdout)


class StreamingServer(StreamingConfiguration):
    """One boot through the image's run script with its host forwards: the
    servers, then one push pulled back over RTMP (during the push) and HLS
    (after)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        run_dir, cls.ports = run_dir_with_free_ports(cls.build.output_dir)
        cls.vm = cls.boot_for_class(images_dir=run_dir)
        print("boot to the login prompt: %.1f s (TCG)" % cls.vm.boot_seconds)
        # The forwards reach the guest's DHCP address, which may come after
        # the login prompt.
        cls.vm.wait_for_address()
        cls.push_and_pull()

    @classmethod
    def push_and_pull(cls):
        cls.dir = os.path.join(cls.build.output_dir, "runtime-streaming-media")
        shutil.rmtree(cls.dir, ignore_errors=True)
        os.makedirs(cls.dir)
        # The stream, encoded once into a file so that its frames are known.
        cls.pushed = os.path.join(cls.dir, "pushed.flv")
        subprocess.run(["ffmpeg", "-v", "error", "-y",
                        "-f", "lavfi", "-i", "testsrc=size=%dx%d:rate=%d:duration=%d"
                        % (WIDTH, HEIGHT, FPS, SECONDS),
                        "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100:duration=%d" % SECONDS,
                        "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p",
                        "-g", str(2 * FPS), "-c:a", "aac", "-b:a", "96k", "-f", "flv", cls.pushed],
                       check=True, timeout=300)
        cls.expected = ffprobe(cls.pushed)
        url = "rtmp://127.0.0.1:%d/live/test" % cls.ports[RTMP_PORT]
        cls.rtmp_out = os.path.join(cls.dir, "pulled-rtmp.flv")
        # The player first: it waits for the stream (the live application
        # starts it when the publisher comes). -flush_packets 1: every packet
        # reaches the file as it comes (the FLV muxer would otherwise hold
        # them, and lose them at the interrupt below).
        player = subprocess.Popen(["ffmpeg", "-nostdin", "-v", "error", "-y", "-i", url,
                                   "-c", "copy", "-flush_packets", "1", "-f", "flv", cls.rtmp_out],
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        time.sleep(5)
        start = time.monotonic()
        push = subprocess.run(["ffmpeg", "-v", "error", "-re", "-i", cls.pushed, "-c", "copy",
                               "-f", "flv", url],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              timeout=180)
        cls.push_seconds = time.monotonic() - start
        cls.push_output = push.stdout
        cls.push_status = push.returncode
        # HLS right away: nginx removes a finished stream's playlist once it
        # is older than its length (30 s).
        cls.hls_error = None
        try:
            cls.pull_hls()
        except Exception as e:  # reported by test_pulled_over_hls
            cls.hls_error = e
        # A live player waits for the next publisher: SIGINT makes ffmpeg
        # finish its file and exit (status 255). A read that waits for data
        # is only interrupted by a second one (ffmpeg's interrupt callback
        # counts the signals once its output is set up).
        time.sleep(3)
        cls.player_output = ""
        for timeout in (5, 60):
            player.send_signal(signal.SIGINT)
            try:
                cls.player_output, _ = player.communicate(timeout=timeout)
                break
            except subprocess.TimeoutExpired:
                pass
        else:
            player.kill()
            cls.player_output, _ = player.communicate()
        cls.player_status = player.returncode
        print("pushed %d s in %.1f s; player exit status %s after SIGINT"
              % (SECONDS, cls.push_seconds, cls.player_status))

    @classmethod
    def pull_hls(cls):
        """The HLS playlist over HTTP, then its segments with ffmpeg: a
        finished copy of the live playlist whose segment URLs point at the
        guest (what a player that joined at the start would have read)."""
        port = cls.ports[HTTP_PORT]
        cls.playlist = http_get(port, "/hls/test.m3u8").decode()
        vod = os.path.join(cls.dir, "vod.m3u8")
        with open(vod, "w") as f:
            for line in cls.playlist.splitlines():
                if line and not line.startswith("#"):
                    line = "http://127.0.0.1:%d/hls/%s" % (port, line)
                f.write(line + "\n")
            f.write("#EXT-X-ENDLIST\n")
        cls.hls_out = os.path.join(cls.dir, "pulled-hls.ts")
        subprocess.run(["ffmpeg", "-v", "error", "-y", "-protocol_whitelist", "file,http,tcp",
                        "-i", vod, "-c", "copy", "-f", "mpegts", cls.hls_out],
                       check=True, timeout=300)

    def check_pulled(self, got, what):
        exp = self.expected
        self.assertEqual(got["video"]["codec_name"], "h264", what)
        self.assertEqual(got["audio"]["codec_name"], "aac", what)
        self.assertEqual((got["video"]["width"], got["video"]["height"]), (WIDTH, HEIGHT), what)
        for kind in ("video", "audio"):
            pushed = int(exp[kind]["nb_read_frames"])
            pulled = int(got[kind]["nb_read_frames"])
            print("%s %s frames: pushed %d, pulled %d (%.1f%%)"
                  % (what, kind, pushed, pulled, 100.0 * pulled / pushed))
            self.assertGreaterEqual(pulled, 0.9 * pushed, "%s: %s frames" % (what, kind))

    def test_servers_listen(self):
        out = self.vm.run("netstat -ltn")
        for port in (RTMP_PORT, HTTP_PORT, STANDIN_PORT):
            self.assertRegex(out, r"(?m)^tcp\s.*:%d\s.*LISTEN" % port)
        self.assertNotEqual(self.vm.run("pidof nginx").strip(), "")
        self.assertNotEqual(self.vm.run("pidof smart_rtmpd").strip(), "")
        # The workers run as the package's user.
        self.assertRegex(self.vm.run("ps"), r"(?m)^\s*\d+\s+nginx\s.*nginx: worker process")

    def test_standin_answers_the_rtmp_handshake(self):
        c1 = os.urandom(1536)
        with socket.create_connection(("127.0.0.1", self.ports[STANDIN_PORT]), timeout=60) as s:
            s.sendall(b"\x03" + c1)
            data = b""
            while len(data) < 1 + 2 * 1536:
                chunk = s.recv(65536)
                if not chunk:
                    break
                data += chunk
            self.assertEqual(len(data), 1 + 2 * 1536, "S0+S1+S2 length")
            self.assertEqual(data[0], 3, "S0: RTMP version 3")
            self.assertEqual(data[1 + 1536:], c1, "S2 is the echo of C1")
            s.sendall(data[1:1 + 1536])
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            log = self.vm.run("cat /var/log/smart_rtmpd.log")
            if "handshake done" in log:
                break
            time.sleep(1)
        self.assertIn("listening on port %d" % STANDIN_PORT, log)
        self.assertIn("handshake done", log)

    def test_push_succeeded(self):
        self.assertEqual(self.push_status, 0, self.push_output)
        self.assertEqual(int(self.expected["video"]["nb_read_frames"]), FPS * SECONDS)

    def test_pulled_over_rtmp(self):
        # Ended by the SIGINT (255), not killed after the timeout.
        self.assertIn(self.player_status, (0, 255), self.player_output)
        self.check_pulled(ffprobe(self.rtmp_out), "RTMP")

    def test_pulled_over_hls(self):
        if self.hls_error is not None:
            raise AssertionError("pulling the HLS stream failed: %r" % self.hls_error)
        segments = [line for line in self.playlist.splitlines()
                    if line and not line.startswith("#")]
        self.assertTrue(segments, self.playlist)
        self.assertIn("#EXTINF", self.playlist)
        self.check_pulled(ffprobe(self.hls_out), "HLS")

    def test_statistics_page(self):
        stat = http_get(self.ports[HTTP_PORT], "/stat").decode()
        self.assertIn("<rtmp>", stat)
        self.assertRegex(stat, r"<name>live</name>")


if __name__ == "__main__":
    unittest.main()
