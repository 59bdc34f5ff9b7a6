################################################################################
# iptables: the legacy xtables tools (no nftables backend), extensions built
# into one binary
################################################################################

IPTABLES_VERSION = 1.8.9
# Debian's orig tarball, kept under Debian's name (no upstream site listed).
IPTABLES_SOURCE = iptables_$(IPTABLES_VERSION).orig.tar.xz
IPTABLES_APT_SOURCE = iptables
IPTABLES_APT_VERSION = 1.8.9-2
IPTABLES_APT_FILE = $(IPTABLES_SOURCE)
IPTABLES_LICENSE = GPL-2.0
IPTABLES_LICENSE_FILES = COPYING

# Static extensions (--disable-shared, after the infrastructure's
# --enable-shared): no dlopen()ed plugins in /usr/lib/xtables. Every optional
# library dependency off, so nothing is picked up from the build machine.
IPTABLES_CONF_OPTS = --disable-shared --enable-static --disable-nftables \
	--disable-bpf-compiler --disable-nfsynproxy --disable-connlabel \
	--disable-libipq --disable-devel

# Only the programs: no manual pages, headers, static libraries or
# pkg-config files, and no iptables-apply (a bash script; the target has no
# bash).
define IPTABLES_REMOVE_DOCS
	rm -rf $(TARGET_DIR)/usr/share/man $(TARGET_DIR)/usr/include $(TARGET_DIR)/usr/lib/pkgconfig
	rm -f $(TARGET_DIR)/usr/lib/libip4tc.* $(TARGET_DIR)/usr/lib/libip6tc.* $(TARGET_DIR)/usr/lib/libxtables.*
	rm -f $(TARGET_DIR)/usr/sbin/iptables-apply $(TARGET_DIR)/usr/sbin/ip6tables-apply
endef
IPTABLES_POST_INSTALL_TARGET_HOOKS += IPTABLES_REMOVE_DOCS

$(eval $(autotools-package))
