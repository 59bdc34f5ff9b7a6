################################################################################
# network-config: bring the network up at boot (busybox udhcpc or a static
# address) from the SMARTOS_SYSTEM_NET_* options; /etc/resolv.conf
################################################################################

NETWORK_CONFIG_LICENSE = GPL-2.0
# Our own files; the licence text is Debian's copy (base-files) on the build host.
NETWORK_CONFIG_LICENSE_FILES = /usr/share/common-licenses/GPL-2
NETWORK_CONFIG_INSTALL_TARGET = YES
NETWORK_CONFIG_ADD_TOOLCHAIN_DEPENDENCY = NO
# After the skeleton (its /etc files stay, ours are added) and busybox,
# whose udhcpc, ip, ifconfig and route the scripts call.
NETWORK_CONFIG_DEPENDENCIES = skeleton busybox
NETWORK_CONFIG_CONFIG_VARS = SMARTOS_SYSTEM_NET_IFACE SMARTOS_SYSTEM_NET_DHCP \
	SMARTOS_SYSTEM_NET_STATIC SMARTOS_SYSTEM_NET_ADDRESS SMARTOS_SYSTEM_NET_NETMASK \
	SMARTOS_SYSTEM_NET_GATEWAY SMARTOS_SYSTEM_NET_EXTRA_IFACES \
	SMARTOS_SYSTEM_NET_DNS_SERVERS SMARTOS_SYSTEM_NET_DNS_SEARCH \
	SMARTOS_SYSTEM_NET_DHCP_WAIT

NETWORK_CONFIG_IFACE = $(call qstrip,$(SMARTOS_SYSTEM_NET_IFACE))
# mknetconf takes every interface as one entry of the further-interfaces form.
NETWORK_CONFIG_IFACES = \
	$(if $(NETWORK_CONFIG_IFACE),$(if $(filter y,$(SMARTOS_SYSTEM_NET_STATIC)),$(NETWORK_CONFIG_IFACE):static:$(call qstrip,$(SMARTOS_SYSTEM_NET_ADDRESS)):$(call qstrip,$(SMARTOS_SYSTEM_NET_NETMASK)):$(call qstrip,$(SMARTOS_SYSTEM_NET_GATEWAY)),$(NETWORK_CONFIG_IFACE):dhcp))

define NETWORK_CONFIG_INSTALL_TARGET_CMDS
	$(NETWORK_CONFIG_PKGDIR)/mknetconf $(TARGET_DIR) \
		$(call shq,$(NETWORK_CONFIG_IFACES)) \
		$(call shq,$(call qstrip,$(SMARTOS_SYSTEM_NET_EXTRA_IFACES))) \
		$(call shq,$(call qstrip,$(SMARTOS_SYSTEM_NET_DNS_SERVERS))) \
		$(call shq,$(call qstrip,$(SMARTOS_SYSTEM_NET_DNS_SEARCH))) \
		$(call shq,$(SMARTOS_SYSTEM_NET_DHCP_WAIT))
	install -D -m 0755 $(NETWORK_CONFIG_PKGDIR)/files/S40network $(TARGET_DIR)/etc/init.d/S40network
	install -D -m 0755 $(NETWORK_CONFIG_PKGDIR)/files/udhcpc.script $(TARGET_DIR)/usr/share/udhcpc/default.script
endef

$(eval $(generic-package))
