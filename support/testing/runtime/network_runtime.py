"""The configuration that the network and data-disk runtime tests share
(test_network_dns.py, test_data_disks.py), and the host-side network
namespace they boot guests in.

The configuration is smartos_qemu_host_toolchain_defconfig plus
two data disks (ext4 and ext3). Every class of either module declares it by
deriving from NetworkConfiguration, so one build serves them all in a run: a
temporary output dir, or the one SMARTOS_RUNTIME_OUTPUT_NETWORK names.
"""

import os
import secrets
import shutil
import subprocess
import tempfile

import smartos_runtime as rt

NETBRIDGE = os.path.join(rt.TOP_DIR, "board", "qemu-x86_64", "netbridge.sh")


class NetworkConfiguration(rt.RuntimeTest):
    defconfig = "smartos_qemu_host_toolchain_defconfig"
    config_fragment = """
        SMARTOS_TARGET_ROOTFS_DATA_DISKS="data:64M:ext4:/data archive:16M:ext3:/var/log/archive"
    """
    output_env = "SMARTOS_RUNTIME_OUTPUT_NETWORK"


def require_host_tools():
    """The namespace tests need root, ip and dnsmasq: fail (not skip) with
    the reason when they are missing."""
    problems = []
    if os.geteuid() != 0:
        problems.append("must run as root (network namespace, bridge, taps)")
    for tool in ("ip", "dnsmasq"):
        if shutil.which(tool) is None and not os.path.exists("/usr/sbin/" + tool):
            problems.append("%s not found (Debian packages iproute2, dnsmasq-base;"
                            " support/scripts/install-host-deps.sh)" % tool)
    if not os.path.exists("/dev/net/tun"):
        problems.append("/dev/net/tun missing (tap devices)")
    if problems:
        raise RuntimeError("; ".join(problems))


def netbridge(*args):
    """Run netbridge.sh ARGS; returns its output, raises with it on failure."""
    proc = subprocess.run([NETBRIDGE] + list(args), stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, universal_newlines=True, timeout=60)
    if proc.returncode != 0:
        raise RuntimeError("netbridge.sh %s failed (%d):\n%s"
                           % (" ".join(args), proc.returncode, proc.stdout))
    return proc.stdout


def web_root(test_class, prefix, name, label):
    """A temporary directory (removed by a class cleanup of TEST_CLASS) with
    one file NAME holding "LABEL <random token>"; returns (directory, token)."""
    directory = tempfile.mkdtemp(prefix=prefix)
    test_class.addClassCleanup(shutil.rmtree, directory, True)
    token = secrets.token_hex(8)
    with open(os.path.join(directory, name), "w") as f:
        f.write("%s %s\n" % (label, token))
    return directory, token

# The host side of netbridge.sh's bridge, and the port of the HTTP server
# namespace_with_web_server starts there.
HOST_IP = "192.168.100.1"
HTTP_PORT = 8000


def namespace_with_web_server(test_class, name, vms):
    """In TEST_CLASS's setUpClass: a network namespace NAME made by
    netbridge.sh with VMS taps (smarttap1..), dnsmasq (DHCP, DNS for the
    bridge's domain and files.test) and an HTTP server on HOST_IP:HTTP_PORT
    serving payload.txt ("smart-os payload <token>"). Sets the class's
    netns, ns_exec, www, token and httpd; class cleanups remove it all,
    the namespace last, whatever fails in between."""
    test_class.netns = name
    test_class.ns_exec = ["ip", "netns", "exec", name]
    test_class.www, test_class.token = web_root(test_class, name + "-www-", "payload.txt",
                                                "smart-os payload")
    # Registered first, so it runs last.
    test_class.addClassCleanup(netbridge, "down", "--netns", name)
    print(netbridge("up", "--netns", name, "--vms", str(vms), "--dhcp", "--dns", "files.test"))
    test_class.httpd = subprocess.Popen(
        test_class.ns_exec + ["/usr/bin/python3", "-m", "http.server", "--bind", HOST_IP,
                              "--directory", test_class.www, str(HTTP_PORT)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    test_class.addClassCleanup(test_class.httpd.wait, 10)
    test_class.addClassCleanup(test_class.httpd.terminate)
