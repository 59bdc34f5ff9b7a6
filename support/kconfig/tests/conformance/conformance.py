#!/usr/bin/python3
"""Replay kbuild's conf invocations for the oracle and for our conf; compare.

Called by run.sh once the kernel source is extracted and the oracle built.

1. Capture: for each arch, a copy of the oracle's O= dir gets a small
   wrapper in place of scripts/kconfig/conf; `make ARCH=<arch> <target>` is
   run for each target and the wrapper records the cwd, argv and complete
   environment of every conf call, then runs the real conf.
2. Replay: each case is a chain of steps run once per binary, each binary in
   its own O= dir (runs/<side>/<arch>/<case>/o, same relative layout), with
   the recorded environment and argv (the capture dir's path replaced by the
   case dir's).  After each step the files of interest are snapshotted.
3. Compare the snapshots of the two sides byte for byte.
"""

import argparse
import concurrent.futures
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import time

# Files compared after a step, by the step's kind.  Paths are relative to O=.
CONFIG = '.config'
AUTOCONF = 'include/config/auto.conf'
AUTOHEADER = 'include/generated/autoconf.h'
DEFCONFIG = 'defconfig'
# Compared with --strict only: kbuild uses them, the check names the
# three above.
STRICT_FILES = ['.config.old', 'include/config/auto.conf.cmd',
                'include/generated/rustc_cfg']
# A snapshot file listing the names of the include/config/ dependency files.
DEPS_LIST = 'include-config-files.list'

BASE_CASES = ['defconfig', 'allnoconfig', 'allyesconfig', 'allmodconfig', 'tinyconfig']
# Targets whose conf calls are recorded; defconfig comes first so that the
# targets that need a .config have one.
CAPTURED = ['defconfig', 'olddefconfig', 'syncconfig', 'savedefconfig',
            'allnoconfig', 'allyesconfig', 'allmodconfig', 'tinyconfig', 'randconfig']
# Each conf call of a target (tinyconfig makes two).
CALLS = {t: 1 for t in CAPTURED}
CALLS['tinyconfig'] = 2

# Variables of the caller that must not reach the kernel's make: a calling
# make's flags and job server, and any kconfig setting of the user's shell.
SCRUB = re.compile(r'^(MAKEFLAGS|MFLAGS|MAKELEVEL|MAKEOVERRIDES|GNUMAKEFLAGS|'
                   r'KCONFIG_.*|KBUILD_.*|srctree|objtree|O|ARCH|SRCARCH|'
                   r'CROSS_COMPILE|CC|LD|LLVM)$')


WRAPPER = '''#!/bin/sh
# Records how kbuild calls conf, then runs the real conf.
log='{log}'
n=$(ls "$log" | wc -l)
mkdir "$log/$n"
pwd >"$log/$n/cwd"
printf '%s\\0' "$@" >"$log/$n/argv"
env -0 >"$log/$n/env"
exec '{real}' "$@"
'''


def seeds(count):
    """A fixed list of KCONFIG_SEED values (spread over 32 bits)."""
    return ['0x%08x' % ((i * 2654435761) & 0xffffffff) for i in range(1, count + 1)]


class Call:
    """One recorded conf invocation."""

    def __init__(self, entry_dir, capdir):
        with open(os.path.join(entry_dir, 'cwd')) as f:
            self.cwd = f.read().rstrip('\n')
        with open(os.path.join(entry_dir, 'argv'), 'rb') as f:
            self.args = [a.decode() for a in f.read().split(b'\0')[:-1]]
        with open(os.path.join(entry_dir, 'env'), 'rb') as f:
            items = [e.decode() for e in f.read().split(b'\0')[:-1]]
        self.env = dict(e.split('=', 1) for e in items)
        self.capdir = capdir

    def replay_env(self, odir):
        return {k: v.replace(self.capdir, odir) for k, v in self.env.items()}


def caller_env():
    return {k: v for k, v in os.environ.items() if not SCRUB.match(k)}


def capture(arch, opts):
    """Record the conf calls of each target in CAPTURED for one arch.

    The records stay in <workdir>/capture/<arch>/log/<target>/<n>/ so that
    the other scripts (valgrind.sh, bench.sh) can replay them too.
    """
    base = os.path.join(opts.workdir, 'capture', arch)
    capdir = os.path.join(base, 'o')
    log = os.path.join(base, 'log')
    shutil.rmtree(base, ignore_errors=True)
    shutil.copytree(opts.oracle_dir, capdir, symlinks=True)
    wrapper = os.path.join(capdir, 'scripts', 'kconfig', 'conf')
    os.unlink(wrapper)
    with open(wrapper, 'w') as f:
        f.write(WRAPPER.format(log=os.path.join(log, 'current'), real=opts.oracle))
    os.chmod(wrapper, 0o755)
    for target in CAPTURED:
        current = os.path.join(log, 'current')
        os.makedirs(current)
        env = caller_env()
        if target == 'randconfig':
            env['KCONFIG_SEED'] = '0x1'
        cmd = ['make', '-s', '-C', opts.kernel_src, 'O=' + capdir, 'ARCH=' + arch, target]
        p = subprocess.run(cmd, env=env, stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        if p.returncode != 0:
            sys.exit('conformance: capture failed: %s\n%s' % (' '.join(cmd),
                                                              p.stdout.decode()[-3000:]))
        n = len(os.listdir(current))
        if n != CALLS[target]:
            sys.exit('conformance: capture: make %s called conf %d times, expected %d'
                     % (target, n, CALLS[target]))
        os.rename(current, os.path.join(log, target))
    with open(os.path.join(base, 'done'), 'w') as f:
        f.write(opts.oracle + '\n')
    return load_capture(arch, opts)


def load_capture(arch, opts):
    base = os.path.join(opts.workdir, 'capture', arch)
    capdir = os.path.join(base, 'o')
    calls = {}
    for target in CAPTURED:
        tdir = os.path.join(base, 'log', target)
        calls[target] = [Call(os.path.join(tdir, e), capdir)
                         for e in sorted(os.listdir(tdir), key=int)]
    return calls


class Chain:
    """The steps of one case, run for one binary in its own dir."""

    def __init__(self, side, binary, arch, case, calls, opts):
        self.side, self.binary, self.arch, self.case = side, binary, arch, case
        self.calls, self.opts = calls, opts
        self.dir = os.path.join(opts.workdir, 'runs', side, arch, case)
        self.odir = os.path.join(self.dir, 'o')
        self.snap = os.path.join(self.dir, 'snap')
        self.srcarch = calls['defconfig'][0].env['SRCARCH']
        self.expect = {}  # step -> the files it must write
        self.timed_out = self.snapped_timeout = False

    def conf(self, call, odir, args=None, extra_env=None):
        if self.timed_out:
            return
        env = call.replay_env(odir)
        env.update(extra_env or {})
        cwd = call.cwd.replace(call.capdir, odir)
        argv = [self.binary] + (call.args if args is None else args)
        return self.run(argv, cwd, env)

    def run(self, argv, cwd, env):
        # Its own process group, so that a hang is killed with the shell
        # commands it may have started.
        p = subprocess.Popen(argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             start_new_session=True)
        try:
            out, err = p.communicate(timeout=self.opts.timeout)
            self.last = (str(p.returncode), out, err)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            out, err = p.communicate()
            # A hang ends the case: its later steps are not run.
            self.timed_out = True
            self.last = ('killed after %d s' % self.opts.timeout, out, err)

    def snapshot(self, step, odir, files, deps=False):
        if self.timed_out and self.snapped_timeout:
            return
        self.snapped_timeout = self.timed_out
        dest = os.path.join(self.snap, step)
        os.makedirs(dest)
        self.expect[step] = files
        rc, out, err = self.last
        with open(os.path.join(dest, 'exit-status'), 'w') as f:
            f.write(rc + '\n')
        with open(os.path.join(dest, 'stdout'), 'wb') as f:
            f.write(out)
        with open(os.path.join(dest, 'stderr'), 'wb') as f:
            f.write(err)
        for name in files + (STRICT_FILES if deps else []):
            src = os.path.join(odir, name)
            if os.path.isfile(src):
                shutil.copyfile(src, os.path.join(dest, name.replace('/', '%')))
        if deps:
            incdir = os.path.join(odir, 'include', 'config')
            names = []
            if os.path.isdir(incdir):
                names = sorted(n for n in os.listdir(incdir)
                               if n not in ('auto.conf', 'auto.conf.cmd'))
            with open(os.path.join(dest, DEPS_LIST), 'w') as f:
                f.write(''.join(n + '\n' for n in names))

    def start(self):
        shutil.rmtree(self.dir, ignore_errors=True)
        os.makedirs(self.odir)

    def run_base(self):
        self.start()
        first = self.calls[self.case]
        if self.case == 'tinyconfig':
            # kbuild: allnoconfig with KCONFIG_ALLCONFIG=tiny-base.config, then
            # merge_config.sh -m .config <tiny.config fragments>, then olddefconfig.
            self.conf(first[0], self.odir)
            self.merge_tiny(first[1])
            self.conf(first[1], self.odir)
        else:
            self.conf(first[0], self.odir)
        self.snapshot('1-' + self.case, self.odir, [CONFIG, AUTOCONF, AUTOHEADER], deps=True)
        self.conf(self.calls['olddefconfig'][0], self.odir)
        self.snapshot('2-olddefconfig', self.odir, [CONFIG])
        self.conf(self.calls['syncconfig'][0], self.odir)
        self.snapshot('3-syncconfig', self.odir, [CONFIG, AUTOCONF, AUTOHEADER], deps=True)
        self.conf(self.calls['savedefconfig'][0], self.odir)
        self.snapshot('4-savedefconfig', self.odir, [DEFCONFIG])
        # Round trip the way a user does it: the saved file becomes
        # arch/<arch>/configs/roundtrip_defconfig, `make roundtrip_defconfig`
        # in a fresh O= dir (conf finds the file relative to the cwd first).
        rt = os.path.join(self.dir, 'rt')
        confdir = os.path.join(rt, 'arch', self.srcarch, 'configs')
        os.makedirs(confdir)
        saved = os.path.join(self.odir, DEFCONFIG)
        if os.path.isfile(saved):
            shutil.copyfile(saved, os.path.join(confdir, 'roundtrip_defconfig'))
        call = self.calls['defconfig'][0]
        args = ['--defconfig=arch/%s/configs/roundtrip_defconfig' % self.srcarch
                if a.startswith('--defconfig=') else a for a in call.args]
        self.conf(call, rt, args)
        self.snapshot('5-roundtrip', rt, [CONFIG])

    def merge_tiny(self, olddef_call):
        src = self.opts.kernel_src
        frags = [f for f in (os.path.join(src, 'kernel/configs/tiny.config'),
                             os.path.join(src, 'arch', self.srcarch, 'configs/tiny.config'))
                 if os.path.isfile(f)]
        env = olddef_call.replay_env(self.odir)
        argv = [env.get('CONFIG_SHELL', 'sh'), os.path.join(src, 'scripts/kconfig/merge_config.sh'),
                '-m', '.config'] + frags
        subprocess.run(argv, cwd=self.odir, env=env, stdin=subprocess.DEVNULL,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def run_rand(self, seed):
        self.start()
        self.conf(self.calls['randconfig'][0], self.odir, extra_env={'KCONFIG_SEED': seed})
        self.snapshot('1-randconfig', self.odir, [CONFIG, AUTOCONF, AUTOHEADER], deps=True)
        if self.opts.rand_olddefconfig:
            self.conf(self.calls['olddefconfig'][0], self.odir)
            self.snapshot('2-olddefconfig', self.odir, [CONFIG])

    def execute(self):
        if self.case.startswith('randconfig-'):
            self.run_rand(self.case.split('-', 1)[1])
        else:
            self.run_base()
        return self


def read(path):
    try:
        with open(path, 'rb') as f:
            return f.read()
    except FileNotFoundError:
        return None


def diff_head(a, b, label_a, label_b, lines):
    p = subprocess.run(['diff', '-u', '--label', label_a, '--label', label_b,
                        a if os.path.exists(a) else '/dev/null',
                        b if os.path.exists(b) else '/dev/null'],
                       stdout=subprocess.PIPE)
    out = p.stdout.decode(errors='replace').splitlines()
    more = '\n    ... (%d more diff lines)' % (len(out) - lines) if len(out) > lines else ''
    return '\n'.join('    ' + l for l in out[:lines]) + more


def compare(oracle, ours, opts):
    """Return the problems and the notes (lists of strings) for one case."""
    problems = []
    # Guard the harness itself: the oracle must succeed and write each file
    # a step is about, or two missing files would compare equal.
    for step, files in sorted(oracle.expect.items()):
        snap = os.path.join(oracle.snap, step)
        status = read(os.path.join(snap, 'exit-status'))
        missing = [f for f in files if read(os.path.join(snap, f.replace('/', '%'))) is None]
        if status != b'0\n' or missing:
            problems.append('harness: the oracle failed in step %s (exit status %s, missing %s)'
                            % (step, status.decode().strip(), ' '.join(missing) or '-'))
    steps = set()
    for chain in (oracle, ours):
        if os.path.isdir(chain.snap):
            steps |= set(os.listdir(chain.snap))
    for step in sorted(steps):
        a_dir = os.path.join(oracle.snap, step)
        b_dir = os.path.join(ours.snap, step)
        if not os.path.isdir(b_dir):
            problems.append('step %s: not run (ours was killed in an earlier step)' % step)
            continue
        names = set()
        for d in (a_dir, b_dir):
            if os.path.isdir(d):
                names |= set(os.listdir(d))
        # The exit status first, then the files the check is about, then the rest.
        order = ['exit-status', CONFIG, AUTOCONF.replace('/', '%'),
                 AUTOHEADER.replace('/', '%'), DEFCONFIG]
        extra = sorted(n for n in names if n not in order)
        for name in order + extra:
            if name not in names:
                continue
            if not opts.strict and name not in order:
                continue
            a, b = os.path.join(a_dir, name), os.path.join(b_dir, name)
            if read(a) == read(b):
                continue
            label = name.replace('%', '/')
            head = 'step %s: %s differs' % (step, label)
            if read(a) is None:
                head = 'step %s: %s written by ours only' % (step, label)
            elif read(b) is None:
                head = 'step %s: %s not written by ours' % (step, label)
            text = head + '\n' + diff_head(a, b, 'oracle/' + label, 'ours/' + label,
                                           opts.diff_lines)
            if name == 'exit-status':
                err = (read(os.path.join(b_dir, 'stderr')) or b'').decode(errors='replace')
                tail = err.splitlines()[-8:]
                text += '\n    our stderr (last lines):' + ''.join('\n      ' + l for l in tail)
            problems.append(text)
    # The round trip must give back the .config it started from.
    for chain, who in ((oracle, 'oracle'), (ours, 'ours')):
        if '5-roundtrip' not in oracle.expect:
            break  # a randconfig case: no round trip
        before = read(os.path.join(chain.snap, '2-olddefconfig', CONFIG))
        after = read(os.path.join(chain.snap, '5-roundtrip', CONFIG))
        if before is not None and before != after:
            if who == 'oracle':
                problems.append('note: the oracle\'s own savedefconfig round trip differs')
            elif read(os.path.join(oracle.snap, '5-roundtrip', CONFIG)) == read(
                    os.path.join(oracle.snap, '2-olddefconfig', CONFIG)):
                problems.append('savedefconfig round trip: defconfig from our saved '
                                'defconfig does not give back our .config')
    return [p for p in problems if not p.startswith('note:')], \
        [p for p in problems if p.startswith('note:')]


def replay_main(argv):
    """Run one recorded target's conf call: [WRAP...] BINARY ARGS in --odir."""
    ap = argparse.ArgumentParser(prog='conformance.py replay')
    ap.add_argument('--oracle', required=True)
    ap.add_argument('--oracle-dir', required=True)
    ap.add_argument('--kernel-src', required=True)
    ap.add_argument('--workdir', required=True)
    ap.add_argument('--arch', required=True)
    ap.add_argument('--target', required=True, choices=[t for t in CAPTURED if CALLS[t] == 1])
    ap.add_argument('--odir', required=True)
    ap.add_argument('--wrap', default='', help='command (words) to run the binary under')
    ap.add_argument('binary')
    opts = ap.parse_args(argv)
    done = os.path.join(opts.workdir, 'capture', opts.arch, 'done')
    if read(done) == (opts.oracle + '\n').encode():
        calls = load_capture(opts.arch, opts)
    else:
        print('>>> recording how kbuild calls conf for ARCH=%s' % opts.arch, file=sys.stderr)
        calls = capture(opts.arch, opts)
    call = calls[opts.target][0]
    odir = os.path.abspath(opts.odir)
    argv = shlex.split(opts.wrap) + [os.path.abspath(opts.binary)] + call.args
    return subprocess.run(argv, cwd=call.cwd.replace(call.capdir, odir),
                          env=call.replay_env(odir), stdin=subprocess.DEVNULL).returncode


def main():
    if sys.argv[1:2] == ['replay']:
        return replay_main(sys.argv[2:])
    ap = argparse.ArgumentParser()
    ap.add_argument('--conf', required=True)
    ap.add_argument('--oracle', required=True)
    ap.add_argument('--oracle-dir', required=True)
    ap.add_argument('--kernel-src', required=True)
    ap.add_argument('--workdir', required=True)
    ap.add_argument('--seeds', type=int, default=30)
    ap.add_argument('--jobs', type=int, default=2)
    ap.add_argument('--cases', default='')
    ap.add_argument('--strict', action='store_true')
    ap.add_argument('--rand-olddefconfig', action='store_true')
    ap.add_argument('--diff-lines', type=int, default=20)
    ap.add_argument('--timeout', type=int, default=120,
                    help='seconds one conf call may take (the oracle needs about 1)')
    ap.add_argument('archs', nargs='+')
    opts = ap.parse_args()

    cases = []
    for arch in opts.archs:
        for case in BASE_CASES + ['randconfig-' + s for s in seeds(opts.seeds)]:
            if re.search(opts.cases, arch + '/' + case):
                cases.append((arch, case))
    if not cases:
        print('conformance: no case matches --cases %r' % opts.cases, file=sys.stderr)
        print('0 passed, 1 failed')
        return 2

    t0 = time.monotonic()
    print('>>> recording how kbuild calls conf for ARCH=%s' % ' '.join(opts.archs),
          file=sys.stderr)
    with concurrent.futures.ThreadPoolExecutor(opts.jobs) as pool:
        calls = dict(zip(opts.archs, pool.map(lambda a: capture(a, opts), opts.archs)))

    print('>>> running %d cases x 2 binaries, %d at a time' % (len(cases), opts.jobs),
          file=sys.stderr)
    chains = []
    for arch, case in cases:
        for side, binary in (('oracle', opts.oracle), ('ours', opts.conf)):
            chains.append(Chain(side, binary, arch, case, calls[arch], opts))
    with concurrent.futures.ThreadPoolExecutor(opts.jobs) as pool:
        for f in concurrent.futures.as_completed([pool.submit(c.execute) for c in chains]):
            f.result()

    passed = failed = 0
    for i in range(0, len(chains), 2):
        oracle, ours = chains[i], chains[i + 1]
        name = '%s/%s' % (oracle.arch, oracle.case)
        problems, notes = compare(oracle, ours, opts)
        for n in notes:
            print('%s: %s' % (name, n))
        if problems:
            failed += 1
            print('FAIL %s' % name)
            for p in problems:
                print('  ' + p)
        else:
            passed += 1
            print('PASS %s' % name)
    print('conformance: %.0f s wall time, work dir %s' % (time.monotonic() - t0, opts.workdir))
    print('%d passed, %d failed' % (passed, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
