#!/usr/bin/python3
"""Load figure of the streaming image (a benchmark, not a test): one stream
pushed with ffmpeg into nginx's RTMP live application, pulled by N players
at once (N = 1, 10, 50 by default; ffmpeg reading the RTMP stream and
throwing it away), all from the host through the run script's forwards on
127.0.0.1. Prints, per N: the frames each player got against the pushed
frames, the guest's CPU use during the push (from /proc/stat in the guest)
and the nginx worker's.

Usage: bench_streaming.py [--players 1,10,50] [--seconds 30] [OUTPUT_DIR]
  OUTPUT_DIR: an output directory already built with
  smartos_streaming_defconfig (e.g. the streaming test's,
  SMARTOS_RUNTIME_OUTPUT_STREAMING); without it the defconfig is built in
  a temporary directory first.
The players and qemu (TCG) share the host's CPUs: the figures describe the
whole machine, whose load average is printed with them.
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import smartos_runtime as rt  # noqa: E402
import test_streaming as ts  # noqa: E402


def guest_cpu(vm):
    """(busy, total) jiffies of the guest's CPUs, and the nginx worker's
    utime+stime."""
    line = vm.run("head -n 1 /proc/stat").split()
    values = [int(v) for v in line[1:]]
    idle = values[3] + values[4]
    worker = vm.run("for p in $(pidof nginx); do if grep -q 'worker process' /proc/$p/cmdline; "
                    "then cut -d' ' -f14,15 /proc/$p/stat; fi; done").split()
    if not worker:
        raise SystemExit("bench_streaming: no nginx worker process in the guest")
    return sum(values) - idle, sum(values), sum(int(v) for v in worker)


def progress_frames(path):
    """The last frame= of an ffmpeg -progress file."""
    frames = 0
    try:
        with open(path) as f:
            for line in f:
                m = re.match(r"^frame=(\d+)", line)
                if m:
                    frames = int(m.group(1))
    except OSError:
        pass
    return frames


def run_round(vm, port, players, pushed_file, pushed_frames, seconds, work):
    url = "rtmp://127.0.0.1:%d/live/bench" % port
    procs = []
    for i in range(players):
        prog = os.path.join(work, "player-%d.progress" % i)
        procs.append((prog, subprocess.Popen(
            ["ffmpeg", "-nostdin", "-v", "error", "-progress", prog, "-i", url, "-c", "copy",
             "-f", "null", "-"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)))
    # Players connect and wait for the stream.
    time.sleep(5 + players * 0.2)
    before = guest_cpu(vm)
    start = time.monotonic()
    push = subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-re", "-i", pushed_file,
                           "-c", "copy", "-f", "flv", url],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                          timeout=seconds * 10)
    elapsed = time.monotonic() - start
    after = guest_cpu(vm)
    load = os.getloadavg()[0]
    # nginx keeps a live player waiting for the next publisher: the
    # players get 120 s to finish, then are killed; the frames they got are
    # in their -progress files either way.
    deadline = time.monotonic() + 120
    for _, p in procs:
        try:
            p.wait(timeout=max(1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()
    frames = [progress_frames(prog) for prog, _ in procs]
    busy = 100.0 * (after[0] - before[0]) / max(1, after[1] - before[1])
    # USER_HZ is 100 on x86_64 Linux.
    worker = 100.0 * (after[2] - before[2]) / 100.0 / elapsed
    full = sum(1 for f in frames if f >= 0.9 * pushed_frames)
    return {
        "players": players, "push_status": push.returncode, "push_seconds": elapsed,
        "min": min(frames), "median": statistics.median(frames), "max": max(frames),
        "full": full, "busy": busy, "worker": worker, "load": load,
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--players", default="1,10,50")
    ap.add_argument("--seconds", type=int, default=30)
    ap.add_argument("output_dir", nargs="?")
    args = ap.parse_args()
    if args.output_dir:
        out = os.path.abspath(args.output_dir)
        if not os.path.exists(os.path.join(out, "images", "disk.img")):
            sys.exit("%s: no images/disk.img (build smartos_streaming_defconfig there first)" % out)
        build = None
    else:
        build = rt.Build(ts.DEFCONFIG)
        print("built %s in %s: %.0f s" % (ts.DEFCONFIG, build.output_dir, build.run()))
        out = build.output_dir
    work = tempfile.mkdtemp(prefix="smartos-bench-streaming-")
    pushed = os.path.join(work, "bench.flv")
    subprocess.run(["ffmpeg", "-v", "error", "-y",
                    "-f", "lavfi", "-i", "testsrc=size=%dx%d:rate=%d:duration=%d"
                    % (ts.WIDTH, ts.HEIGHT, ts.FPS, args.seconds),
                    "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100:duration=%d" % args.seconds,
                    "-c:v", "libx264", "-preset", "veryfast", "-b:v", "800k", "-pix_fmt", "yuv420p",
                    "-g", str(2 * ts.FPS), "-c:a", "aac", "-b:a", "96k", "-f", "flv", pushed],
                   check=True)
    pushed_frames = int(ts.ffprobe(pushed)["video"]["nb_read_frames"])
    run_dir, ports = ts.run_dir_with_free_ports(out)
    vm = rt.Machine(run_dir, log_path=os.path.join(work, "console.log"))
    rows = []
    try:
        vm.start()
        vm.login()
        vm.run("test -x /etc/init.d/S60nginx && pidof nginx >/dev/null")
        vm.wait_for_address()
        for n in (int(x) for x in args.players.split(",")):
            r = run_round(vm, ports[ts.RTMP_PORT], n, pushed, pushed_frames, args.seconds, work)
            rows.append(r)
            print("N=%(players)d: push exit %(push_status)d in %(push_seconds).1f s; frames per player "
                  "min %(min)d median %(median).0f max %(max)d; %(full)d players >= 90%%; guest CPU "
                  "%(busy).0f%%, nginx worker %(worker).0f%%; host load %(load).1f" % r)
            sys.stdout.flush()
        vm.poweroff()
    finally:
        vm.stop()
        shutil.rmtree(work, ignore_errors=True)
        if build is not None:
            build.cleanup()
    print()
    print("pushed: %d s, %dx%d %d fps H.264 800 kbit/s + AAC 96 kbit/s, %d video frames"
          % (args.seconds, ts.WIDTH, ts.HEIGHT, ts.FPS, pushed_frames))
    print("| players | video frames per player (min / median / max) | players with >= 90% "
          "| guest CPU busy | nginx worker CPU | host load avg |")
    print("|---|---|---|---|---|---|")
    for r in rows:
        print("| %(players)d | %(min)d / %(median).0f / %(max)d | %(full)d | %(busy).0f%% "
              "| %(worker).0f%% | %(load).1f |" % r)


if __name__ == "__main__":
    main()
