################################################################################
# strace: trace system calls and signals
################################################################################

STRACE_VERSION = 6.1
# Debian's strace_6.1.orig.tar.xz is the upstream release file: Debian ships
# upstream's detached signature of it (strace_6.1.orig.tar.xz.asc).
STRACE_SOURCE = strace-$(STRACE_VERSION).tar.xz
STRACE_SITE = https://strace.io/files/$(STRACE_VERSION)
STRACE_APT_SOURCE = strace
STRACE_APT_VERSION = 6.1-0.1
STRACE_APT_FILE = strace_$(STRACE_VERSION).orig.tar.xz
STRACE_LICENSE = LGPL-2.1+ (strace), GPL-2.0+ (tests)
STRACE_LICENSE_FILES = COPYING LGPL-2.1-or-later
# strace's own copy of the kernel UAPI headers (the host's newer ones renamed
# fields it prints, e.g. nexthop_grp.resvd1); no multi-personality support
# (it needs 32-bit headers and libraries); no stack tracing libraries;
# warnings not fatal with a newer gcc.
STRACE_CONF_OPTS = --enable-bundled=yes --disable-mpers --without-libunwind --without-libdw \
	--without-libiberty --without-libselinux --disable-gcc-Werror --disable-dependency-tracking
# Only the strace binary (no strace-log-merge, no manual pages).
define STRACE_INSTALL_TARGET_CMDS
	install -D -m 0755 $(@D)/src/strace $(TARGET_DIR)/usr/bin/strace
endef

$(eval $(autotools-package))
