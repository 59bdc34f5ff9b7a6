"""Network and DNS as in the seed's topology: the test makes its own network
namespace with board/qemu-x86_64/netbridge.sh (a bridge with the host side
at 192.168.100.1, two taps, dnsmasq serving DHCP and the DNS names
files.test, host.test, vm1.test, vm2.test and nothing else), runs an HTTP
server on the bridge address, and boots TWO guests on the taps. Each guest
gets its lease by DHCP (busybox udhcpc), resolves names through glibc
(getent) and busybox nslookup, pings the other guest and the host side, and
fetches a file over TCP (busybox wget) from the host's HTTP server and from
the other guest's busybox httpd (which the host side fetches too). The namespace has no route out, dnsmasq no
upstream server: no traffic leaves it. The namespace (with every process in
it) is removed even when a test fails.

GuestBehindNat: a third guest behind netbridge.sh --nat reaches a server in a
second namespace of the test's own only through the masquerade."""

import os
import secrets
import shutil
import subprocess
import tempfile
import time
import unittest

import smartos_runtime as rt
import network_runtime as net

HOST_IP = net.HOST_IP
VM_IPS = {1: "192.168.100.11", 2: "192.168.100.12"}
HTTP_PORT = net.HTTP_PORT


class NetworkConfigFromOptions(unittest.TestCase):
    """package/network-config/mknetconf: what the build writes for the
    SMARTOS_SYSTEM_NET_* options, and its errors."""
    MKNETCONF = os.path.join(rt.TOP_DIR, "package", "network-config", "mknetconf")

    def mknetconf(self, *args):
        target = tempfile.mkdtemp(prefix="smartos-netconf-")
        self.addCleanup(shutil.rmtree, target, True)
        proc = subprocess.run([self.MKNETCONF, target] + list(args), stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, universal_newlines=True)
        return proc, target

    def read(self, target, name):
        with open(os.path.join(target, "etc", name)) as f:
            return [line for line in f.read().splitlines() if not line.startswith("#")]

    def test_static_extra_interfaces_and_dns(self):
        proc, target = self.mknetconf("eth0:static:10.0.0.5:255.255.255.0:10.0.0.1",
                                      "eth1:dhcp eth2:172.16.3.4/20", "10.0.0.53 10.0.0.54",
                                      "example.test")
        self.assertEqual(proc.returncode, 0, proc.stdout)
        self.assertEqual(self.read(target, "network.conf"),
                         ["eth0 static 10.0.0.5 255.255.255.0 10.0.0.1", "eth1 dhcp",
                          "eth2 static 172.16.3.4 255.255.240.0", "dns static",
                          "search example.test"])
        self.assertEqual(self.read(target, "resolv.conf"),
                         ["search example.test", "nameserver 10.0.0.53", "nameserver 10.0.0.54"])

    def test_dhcp_wait(self):
        # SMARTOS_SYSTEM_NET_DHCP_WAIT=y: a "dhcp wait" line for S40network,
        # before the interfaces; without it (the default) none.
        proc, target = self.mknetconf("eth0:dhcp", "eth1:dhcp", "", "", "y")
        self.assertEqual(proc.returncode, 0, proc.stdout)
        self.assertEqual(self.read(target, "network.conf"), ["dhcp wait", "eth0 dhcp", "eth1 dhcp"])
        for args in (("eth0:dhcp", "", "", ""), ("eth0:dhcp", "", "", "", "")):
            proc, target = self.mknetconf(*args)
            self.assertEqual(proc.returncode, 0, proc.stdout)
            self.assertEqual(self.read(target, "network.conf"), ["eth0 dhcp"], args)

    def test_invalid_values_name_the_option(self):
        for args, message in (
                (("eth0:static:10.0.0.300:255.255.255.0:", "", "", ""),
                 "SMARTOS_SYSTEM_NET_ADDRESS: '10.0.0.300' is not an IPv4 address"),
                (("eth0:dhcp", "eth1:10.0.0.5", "", ""),
                 "SMARTOS_SYSTEM_NET_EXTRA_IFACES: entry 'eth1:10.0.0.5'"),
                (("eth0:dhcp", "eth0:dhcp", "", ""),
                 "SMARTOS_SYSTEM_NET_EXTRA_IFACES: interface eth0 is configured twice"),
                (("eth0:dhcp", "", "8.8.8", ""),
                 "SMARTOS_SYSTEM_NET_DNS_SERVERS: '8.8.8' is not an IPv4 address")):
            proc, _ = self.mknetconf(*args)
            self.assertNotEqual(proc.returncode, 0, args)
            self.assertIn("ERROR: " + message, proc.stdout)


class TwoGuestsOnABridge(net.NetworkConfiguration):
    """Two guests on a bridge of the test's own namespace; the tests share
    them and leave them as they found them (each guest with its lease)."""

    @classmethod
    def setUpClass(cls):
        net.require_host_tools()
        super().setUpClass()
        net.namespace_with_web_server(cls, "smartos-rt-%d" % os.getpid(), vms=2)

        start = time.monotonic()
        cls.vms = {}
        for i in (1, 2):
            cls.vms[i] = cls.boot_for_class(
                login=False,
                log_path=os.path.join(cls.build.output_dir, "runtime-console-vm%d.log" % i),
                # Both guests boot the same images: write nothing to them.
                script_args=["--tap", "smarttap%d" % i, "--snapshot"],
                command_prefix=cls.ns_exec)
        for vm in cls.vms.values():
            vm.login()
        print("two guests at their shell prompt %.1f s after the first qemu started"
              % (time.monotonic() - start))

    def guest(self, i, command, **kw):
        return self.vms[i].run(command, **kw)

    def wait_for_lease(self, i):
        return self.vms[i].wait_for_address(route=True)

    def test_each_guest_has_its_dhcp_lease(self):
        for i in (1, 2):
            out = self.wait_for_lease(i)
            self.assertIn("inet %s/24" % VM_IPS[i], out,
                          "vm%d: expected the fixed lease %s on eth0" % (i, VM_IPS[i]))
            routes = self.guest(i, "ip route")
            self.assertRegex(routes, r"default via %s dev eth0" % HOST_IP.replace(".", r"\."))
            resolv = self.guest(i, "cat /etc/resolv.conf")
            self.assertIn("nameserver %s" % HOST_IP, resolv, "vm%d resolv.conf" % i)
            self.assertIn("search test", resolv, "vm%d resolv.conf" % i)
        leases = subprocess.run(
            ["cat", "/run/smartos-netbridge/ns-%s-smartbr0/leases" % self.netns],
            stdout=subprocess.PIPE, universal_newlines=True).stdout
        for i in (1, 2):
            self.assertIn(VM_IPS[i], leases, "dnsmasq's lease file:\n%s" % leases)

    def test_glibc_resolves_names(self):
        for i in (1, 2):
            self.wait_for_lease(i)
            nss = self.guest(i, "grep '^hosts:' /etc/nsswitch.conf")
            self.assertEqual(nss.split(), ["hosts:", "files", "dns"])
            out = self.guest(i, "getent hosts files.test")
            self.assertEqual(out.split(), [HOST_IP, "files.test"], "vm%d getent" % i)
            other = 3 - i
            # A short name: glibc's resolver appends the search domain.
            out = self.guest(i, "getent hosts vm%d" % other)
            self.assertEqual(out.split()[0], VM_IPS[other], "vm%d: getent hosts vm%d" % (i, other))
            # /etc/hosts comes first: localhost, and the configured hostname.
            out = self.guest(i, "getent hosts localhost")
            self.assertEqual(out.split()[0], "127.0.0.1")
            hostname = self.build.config_value("SMARTOS_TARGET_GENERIC_HOSTNAME") or "smart-os"
            self.assertEqual(self.guest(i, "hostname").strip(), hostname)
            out = self.guest(i, "getent hosts %s" % hostname)
            self.assertEqual(out.split(), ["127.0.1.1", hostname])
            # Nothing outside the namespace is asked: dnsmasq has no upstream.
            self.guest(i, "getent hosts example.org", check=False)
            self.assertEqual(self.vms[i].last_status, 2,
                             "vm%d: getent hosts example.org must find nothing" % i)

    def test_busybox_nslookup(self):
        for i in (1, 2):
            self.wait_for_lease(i)
            out = self.guest(i, "nslookup files.test")
            self.assertRegex(out, r"Server:\s+%s" % HOST_IP.replace(".", r"\."))
            self.assertRegex(out, r"Name:\s+files\.test\s+Address:\s+%s"
                             % HOST_IP.replace(".", r"\."), out)

    def test_ping_the_other_guest_and_the_host_side(self):
        for i in (1, 2):
            self.wait_for_lease(i)
        for i in (1, 2):
            other = 3 - i
            out = self.guest(i, "ping -c 2 -W 10 vm%d.test" % other, timeout=60)
            self.assertIn("2 packets received", out, "vm%d ping vm%d:\n%s" % (i, other, out))
            out = self.guest(i, "ping -c 2 -W 10 host.test", timeout=60)
            self.assertIn("2 packets received", out)

    def test_wget_from_the_host_httpd(self):
        for i in (1, 2):
            self.wait_for_lease(i)
            out = self.guest(i, "wget -q -O - http://files.test:%d/payload.txt" % HTTP_PORT,
                             timeout=60)
            self.assertEqual(out.strip(), "smart-os payload %s" % self.token, "vm%d wget" % i)

    def test_wget_from_the_other_guest(self):
        for i in (1, 2):
            self.wait_for_lease(i)
        token = secrets.token_hex(8)
        self.guest(2, "mkdir -p /tmp/www && echo 'from vm2 %s' >/tmp/www/index.html"
                      " && httpd -p 8080 -h /tmp/www" % token)
        out = self.guest(1, "wget -q -O - http://vm2.test:8080/index.html", timeout=60)
        self.assertEqual(out.strip(), "from vm2 %s" % token)
        # And from the host side of the bridge (python, no ping needed on the host).
        fetch = ("import urllib.request; print(urllib.request.urlopen("
                 "'http://%s:8080/index.html', timeout=30).read().decode(), end='')" % VM_IPS[2])
        proc = subprocess.run(self.ns_exec + ["/usr/bin/python3", "-c", fetch],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              universal_newlines=True, timeout=60)
        self.assertEqual(proc.stdout.strip(), "from vm2 %s" % token,
                         "host side fetching from vm2 (status %d)" % proc.returncode)

    def test_the_namespace_has_no_way_out(self):
        proc = subprocess.run(self.ns_exec + ["ip", "-4", "route"], stdout=subprocess.PIPE,
                              universal_newlines=True)
        routes = [line for line in proc.stdout.splitlines() if line.strip()]
        self.assertEqual(len(routes), 1, "routes in the namespace:\n%s" % proc.stdout)
        self.assertTrue(routes[0].startswith("192.168.100.0/24 dev smartbr0"), routes[0])

    def test_static_address_at_runtime(self):
        """S40network's static method: vm1 switches to a static address
        (the line the build writes for SMARTOS_SYSTEM_NET_STATIC), then
        back to DHCP."""
        self.wait_for_lease(1)
        self.guest(1, "cp /etc/network.conf /tmp/network.conf.dhcp && "
                      "echo 'eth0 static 192.168.100.21 255.255.255.0 %s' >/etc/network.conf"
                      % HOST_IP)
        self.addCleanup(self.back_to_dhcp, 1)
        out = self.guest(1, "/etc/init.d/S40network restart")
        self.assertIn("eth0 (static) OK", out)
        self.assertIn("inet 192.168.100.21/24", self.guest(1, "ip -4 addr show dev eth0"))
        self.assertRegex(self.guest(1, "ip route"), r"default via 192\.168\.100\.1 dev eth0")
        self.assertNotIn("udhcpc", self.guest(1, "ps"))
        out = self.guest(2, "ping -c 2 -W 10 192.168.100.21", timeout=60)
        self.assertIn("2 packets received", out)

    def back_to_dhcp(self, i):
        """The guest's DHCP configuration back, and its fixed lease again."""
        out = self.guest(i, "mv /tmp/network.conf.dhcp /etc/network.conf && "
                            "/etc/init.d/S40network restart")
        self.assertIn("eth0 (dhcp) OK", out)
        self.assertIn("inet %s/24" % VM_IPS[i], self.wait_for_lease(i),
                      "vm%d: back to DHCP, expected the fixed lease again" % i)


class GuestBehindNat(net.NetworkConfiguration):
    """netbridge.sh --nat with traffic: a second bridge (another subnet) in a
    namespace of its own, and an "outside" namespace joined to it by a veth
    pair, with an HTTP server and no route back to the guests' subnet. The
    guest's request reaches that server only when the bridge's namespace
    masquerades it, and the server sees the masquerading address. Both
    namespaces are the test's own: nothing leaves them."""
    SUBNET = "192.168.101"
    VM_IP = "192.168.101.11"
    NAT_IP = "10.203.0.1"
    SERVER_IP = "10.203.0.2"

    @classmethod
    def setUpClass(cls):
        net.require_host_tools()
        super().setUpClass()
        cls.netns = "smartos-nat-%d" % os.getpid()
        cls.outside = "smartos-out-%d" % os.getpid()
        cls.ns_exec = ["ip", "netns", "exec", cls.netns]
        cls.www, cls.token = net.web_root(cls, "smartos-nat-www-", "outside.txt", "outside")

        cls.addClassCleanup(net.netbridge, "down", "--netns", cls.netns, "--bridge", "natbr0")
        print(net.netbridge("up", "--netns", cls.netns, "--bridge", "natbr0",
                            "--subnet", cls.SUBNET, "--tap-prefix", "nattap", "--vms", "1",
                            "--dhcp", "--nat"))
        subprocess.run(["ip", "netns", "add", cls.outside], check=True)
        cls.addClassCleanup(subprocess.run, ["ip", "netns", "delete", cls.outside])
        for cmd in (
                ["ip", "-n", cls.netns, "link", "add", "natv0", "type", "veth",
                 "peer", "name", "natv1", "netns", cls.outside],
                ["ip", "-n", cls.netns, "addr", "add", cls.NAT_IP + "/24", "dev", "natv0"],
                ["ip", "-n", cls.netns, "link", "set", "natv0", "up"],
                ["ip", "-n", cls.outside, "addr", "add", cls.SERVER_IP + "/24", "dev", "natv1"],
                ["ip", "-n", cls.outside, "link", "set", "natv1", "up"],
                ["ip", "-n", cls.outside, "link", "set", "lo", "up"]):
            subprocess.run(cmd, check=True)

        cls.server_log = tempfile.TemporaryFile("w+")
        cls.addClassCleanup(cls.server_log.close)
        cls.httpd = subprocess.Popen(
            ["ip", "netns", "exec", cls.outside, "/usr/bin/python3", "-m", "http.server",
             "--bind", cls.SERVER_IP, "--directory", cls.www, str(HTTP_PORT)],
            stdout=cls.server_log, stderr=subprocess.STDOUT)
        cls.addClassCleanup(cls.httpd.wait, 10)
        cls.addClassCleanup(cls.httpd.terminate)

        cls.vm = cls.boot_for_class(
            log_path=os.path.join(cls.build.output_dir, "runtime-console-nat.log"),
            script_args=["--tap", "nattap1", "--snapshot"], command_prefix=cls.ns_exec)

    def test_outside_has_no_route_to_the_guests(self):
        routes = subprocess.run(["ip", "-n", self.outside, "-4", "route"],
                                stdout=subprocess.PIPE, universal_newlines=True).stdout
        self.assertEqual([r.split() for r in routes.splitlines() if r.strip()],
                         ["10.203.0.0/24 dev natv1 proto kernel scope link src 10.203.0.2".split()])

    def test_guest_reaches_the_outside_server_through_nat(self):
        out = self.vm.wait_for_address(route=True)
        self.assertIn("inet %s/24" % self.VM_IP, out)
        out = self.vm.run("wget -q -O - http://%s:%d/outside.txt" % (self.SERVER_IP, HTTP_PORT),
                          timeout=60)
        self.assertEqual(out.strip(), "outside %s" % self.token)
        self.server_log.flush()
        self.server_log.seek(0)
        log = self.server_log.read()
        self.assertRegex(log, r"(?m)^%s - - .*GET /outside\.txt" % self.NAT_IP.replace(".", r"\."),
                         "the server should see the masquerading address:\n" + log)
        self.assertNotIn(self.VM_IP, log)
        # The MASQUERADE rule of netbridge.sh counted the connection.
        rules = subprocess.run(self.ns_exec + ["iptables", "-t", "nat", "-L", "POSTROUTING",
                                               "-v", "-n", "-x"],
                               stdout=subprocess.PIPE, universal_newlines=True).stdout
        masq = [line.split() for line in rules.splitlines() if "MASQUERADE" in line]
        self.assertEqual(len(masq), 1, rules)
        self.assertGreater(int(masq[0][0]), 0, "no packet counted by MASQUERADE:\n" + rules)


if __name__ == "__main__":
    unittest.main()
