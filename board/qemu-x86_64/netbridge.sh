#!/bin/bash
# Host-side network for smart-os guests, like the seed's topology: a bridge
# with the host's address on it and one tap device per VM, optionally
# dnsmasq (DHCP with a fixed lease and DNS name per VM, local DNS names) and
# NAT to the host's other interfaces. Everything can live in a network
# namespace of its own. "down" removes exactly what "up" made.
#
# Usage: netbridge.sh up|down|status [OPTIONS]
#   --netns NAME        work inside network namespace NAME (made by up,
#                       deleted by down with every process left in it)
#   --bridge NAME       bridge name (default smartbr0)
#   --subnet A.B.C      the /24 to use (default 192.168.100): the bridge is
#                       A.B.C.1, VM n gets A.B.C.(10+n) from DHCP
#   --vms N             tap devices smarttap1..smarttapN (default 1)
#   --tap-prefix NAME   tap devices NAME1..NAMEN instead (a second bridge on
#                       the same host needs other tap names)
#   --tap-user USER     let USER open the taps (qemu without root)
#   --dhcp              run dnsmasq on the bridge: DHCP (VM n is vm<n>.DOMAIN
#                       on its fixed lease), DNS for DOMAIN; names outside
#                       DOMAIN are forwarded only with --nat
#   --domain DOMAIN     DNS domain of the bridge (default test); the bridge
#                       address is host.DOMAIN
#   --dns NAME[=IP]     one more DNS record (IP default: the bridge address);
#                       repeatable
#   --nat               masquerade the subnet to the host's other interfaces
#                       and turn on IPv4 forwarding (restored by down)
# Then boot each VM on its tap, e.g.
#   [ip netns exec NAME] output/images/run.sh --tap smarttap1 output/images
# (start-qemu.sh derives the NIC's MAC from the tap name, as this script
# does for the fixed leases).
set -eu -o pipefail

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=board/common/qemu-common.sh
. "$here/../common/qemu-common.sh"

usage() {
	sed -n '/^# Usage:/,/^set -eu/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'
}

die() {
	echo "netbridge.sh: $*" >&2
	exit 1
}

action=${1:-}
[ "$#" -gt 0 ] && shift
netns='' bridge=smartbr0 subnet=192.168.100 vms=1 tap_user='' dhcp=no domain=test nat=no
tap_prefix=smarttap
records=()
while [ "$#" -gt 0 ]; do
	case "$1" in
	--netns | --bridge | --subnet | --vms | --tap-user | --tap-prefix | --domain | --dns)
		if [ "$#" -lt 2 ] || [ -z "$2" ]; then die "option $1 needs a value"; fi
		case "$1" in
		--netns) netns=$2 ;;
		--bridge) bridge=$2 ;;
		--subnet) subnet=$2 ;;
		--vms) vms=$2 ;;
		--tap-user) tap_user=$2 ;;
		--tap-prefix) tap_prefix=$2 ;;
		--domain) domain=$2 ;;
		--dns) records+=("$2") ;;
		esac
		shift 2
		;;
	--dhcp) dhcp=yes; shift ;;
	--nat) nat=yes; shift ;;
	-h | --help) usage; exit 0 ;;
	*) usage >&2; exit 2 ;;
	esac
done
case "$action" in
up | down | status) ;;
*) usage >&2; exit 2 ;;
esac
[[ "$vms" =~ ^[1-9][0-9]?$ ]] || die "--vms $vms: give 1 to 99"
[[ "$subnet" =~ ^[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}$ ]] || die "--subnet $subnet: give the first three numbers, e.g. 192.168.100"
[[ "$bridge" =~ ^[A-Za-z0-9_-]{1,15}$ ]] || die "--bridge $bridge: not an interface name"
[[ "$tap_prefix" =~ ^[A-Za-z0-9_-]{1,13}$ ]] || die "--tap-prefix $tap_prefix: 1-13 of A-Z a-z 0-9 _ -"
[ -z "$netns" ] || [[ "$netns" =~ ^[A-Za-z0-9_.-]+$ ]] || die "--netns $netns: not a namespace name"
[ "$(id -u)" -eq 0 ] || die "must run as root (it makes network devices)"

host_ip=$subnet.1
state_dir=/run/smartos-netbridge/${netns:+ns-$netns-}$bridge
state=$state_dir/state

# in_ns CMD...: run CMD in the namespace (or here).
in_ns() {
	if [ -n "$netns" ]; then ip netns exec "$netns" "$@"; else "$@"; fi
}
ipc() {
	ip ${netns:+-n "$netns"} "$@"
}
# The state file lists what up made, one "kind value" per line, so that down
# removes exactly that, in reverse order.
record() {
	echo "$*" >>"$state"
}

tap_name() {
	echo "$tap_prefix$1"
}

# nat_rules -A|-D: the iptables rules of --nat (tagged with a comment).
nat_rules() {
	local op=$1 tag="smartos-netbridge $bridge"
	in_ns iptables -t nat "$op" POSTROUTING -s "$subnet.0/24" ! -o "$bridge" -j MASQUERADE -m comment --comment "$tag"
	in_ns iptables "$op" FORWARD -i "$bridge" -j ACCEPT -m comment --comment "$tag"
	in_ns iptables "$op" FORWARD -o "$bridge" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT -m comment --comment "$tag"
}

up() {
	[ ! -e "$state" ] || die "$state exists: already up (run down first)"
	mkdir -p "$state_dir"
	: >"$state"
	# Undo what was done so far when a step fails.
	trap 'echo "netbridge.sh: up failed, undoing" >&2; down' ERR

	if [ -n "$netns" ]; then
		ip netns add "$netns"
		record netns "$netns"
		ipc link set lo up
	fi
	ipc link add "$bridge" type bridge stp_state 0
	record link "$bridge"
	ipc addr add "$host_ip/24" dev "$bridge"
	ipc link set "$bridge" up

	local i tap mac
	for i in $(seq 1 "$vms"); do
		tap=$(tap_name "$i")
		ipc tuntap add dev "$tap" mode tap ${tap_user:+user "$tap_user"}
		record link "$tap"
		ipc link set "$tap" master "$bridge" up
	done

	if [ "$nat" = yes ]; then
		record ip_forward "$(in_ns cat /proc/sys/net/ipv4/ip_forward)"
		in_ns sh -c 'echo 1 >/proc/sys/net/ipv4/ip_forward'
		nat_rules -A
		record nat
	fi

	if [ "$dhcp" = yes ]; then
		# shellcheck disable=SC2054 # commas belong to dnsmasq's values
		local args=(
			--conf-file=/dev/null --no-hosts
			--pid-file="$state_dir/dnsmasq.pid"
			--log-facility="$state_dir/dnsmasq.log" --log-dhcp
			--interface="$bridge" --bind-interfaces --except-interface=lo
			--dhcp-range="$subnet.100,$subnet.199,255.255.255.0,1h"
			--dhcp-leasefile="$state_dir/leases"
			--dhcp-option=option:router,"$host_ip"
			--dhcp-option=option:dns-server,"$host_ip"
			--domain="$domain" --local="/$domain/" --expand-hosts
			--host-record="host.$domain,$host_ip"
		)
		# Without NAT nothing may leave: no upstream DNS servers at all.
		[ "$nat" = yes ] || args+=(--no-resolv)
		for i in $(seq 1 "$vms"); do
			mac=$(qemu_mac_for "$(tap_name "$i")")
			args+=(--dhcp-host="$mac,$subnet.$((10 + i)),vm$i")
		done
		local rec name ip
		for rec in "${records[@]}"; do
			name=${rec%%=*}
			ip=${rec#*=}
			[ "$ip" != "$rec" ] || ip=$host_ip
			args+=(--host-record="$name,$ip")
		done
		touch "$state_dir/leases"
		in_ns dnsmasq "${args[@]}"
		record dnsmasq "$state_dir/dnsmasq.pid"
	fi
	trap - ERR
	status
}

down() {
	local kind value lines=()
	if [ ! -f "$state" ]; then
		echo "netbridge.sh: nothing to take down ($state does not exist)" >&2
		return 0
	fi
	mapfile -t lines <"$state"
	local n=${#lines[@]}
	while [ "$n" -gt 0 ]; do
		n=$((n - 1))
		read -r kind value <<<"${lines[$n]}"
		case "$kind" in
		dnsmasq)
			if [ -f "$value" ]; then
				kill "$(cat "$value")" 2>/dev/null || true
			fi
			;;
		nat) nat_rules -D 2>/dev/null || true ;;
		ip_forward) in_ns sh -c "echo $value >/proc/sys/net/ipv4/ip_forward" || true ;;
		link) ipc link del "$value" 2>/dev/null || true ;;
		netns)
			# Whatever still runs in it (VMs, servers) goes with it.
			local pids
			pids=$(ip netns pids "$value" 2>/dev/null || true)
			if [ -n "$pids" ]; then
				# shellcheck disable=SC2086 # a list of pids
				kill $pids 2>/dev/null || true
				sleep 1
				pids=$(ip netns pids "$value" 2>/dev/null || true)
				# shellcheck disable=SC2086
				[ -z "$pids" ] || kill -9 $pids 2>/dev/null || true
			fi
			ip netns del "$value" 2>/dev/null || true
			;;
		esac
	done
	rm -rf "$state_dir"
	echo "netbridge.sh: $bridge${netns:+ in namespace $netns} is down"
}

status() {
	[ -f "$state" ] || { echo "$bridge${netns:+ in namespace $netns}: down"; return 0; }
	echo "bridge $bridge${netns:+ in namespace $netns}: $host_ip/24 (host.$domain)"
	local tap first='' i=0 lease=no kind value
	if grep -q '^dnsmasq ' "$state"; then lease=yes; fi
	while read -r kind value; do
		if [ "$kind" != link ] || [ "$value" = "$bridge" ]; then continue; fi
		i=$((i + 1))
		tap=$value
		first=${first:-$tap}
		printf '  vm%d: tap %s, mac %s' "$i" "$tap" "$(qemu_mac_for "$tap")"
		if [ "$lease" = yes ]; then printf ', lease %s (vm%d.%s)' "$subnet.$((10 + i))" "$i" "$domain"; fi
		echo
	done <"$state"
	if grep -q '^dnsmasq ' "$state"; then
		echo "  dnsmasq: DHCP + DNS on $host_ip, log $state_dir/dnsmasq.log"
	fi
	if grep -q '^nat' "$state"; then
		echo "  NAT: $subnet.0/24 masqueraded"
	fi
	echo "boot a VM: ${netns:+ip netns exec $netns }output/images/run.sh --tap ${first:-TAP} output/images"
}

"$action"
