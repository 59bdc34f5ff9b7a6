################################################################################
# lsof: list open files
################################################################################

LSOF_VERSION = 4.95.0
# Debian's tarball (top directory lsof_4.95.0.linux); not known to equal an
# upstream release file byte for byte, so it keeps Debian's name.
LSOF_SOURCE = lsof_$(LSOF_VERSION).orig.tar.bz2
LSOF_APT_SOURCE = lsof
LSOF_APT_VERSION = 4.95.0-1
LSOF_APT_FILE = $(LSOF_SOURCE)
# lsof has no licence file: 00README (section "License") gives the Purdue
# University terms found in every source file (permissive, BSD-like).
LSOF_LICENSE = lsof (Purdue University terms, BSD-like)
LSOF_LICENSE_FILES = 00README

# lsof's own Configure script (not autotools) reads these; the build-host
# details it would record are left out so the binary is reproducible.
LSOF_CONFIGURE_ENV = \
	LSOF_CC="$(TARGET_CC)" LSOF_CFGF="$(TARGET_CFLAGS)" LSOF_CFGL="$(TARGET_LDFLAGS)" \
	LSOF_AR="$(TARGET_AR) cr" LSOF_RANLIB="$(TARGET_RANLIB)" LINUX_CONF_CC="$(HOST_CC)" \
	LSOF_CCDATE=none LSOF_HOST=none LSOF_LOGNAME=none LSOF_SYSINFO=none LSOF_USER=none \
	LINUX_HASSELINUX=N
# (LINUX_HASSELINUX=N: Configure would otherwise link -lselinux whenever the
# build machine has SELinux's headers, and the target has no libselinux.)

# Configure finds the build host's libtirpc headers (RPC port names) and
# links -ltirpc, a library the target does not have: build without RPC
# (HASNORPC_H, what Configure does when there are no RPC headers).
define LSOF_CONFIGURE_CMDS
	cd $(@D) && $(TARGET_MAKE_ENV) $(LSOF_CONFIGURE_ENV) ./Configure -n linux
	sed -i -e 's/ -ltirpc//' -e 's|^DINC=.*-I/usr/include/tirpc.*|DINC=|' \
		-e 's/^CFGF=\(.*\)$$/CFGF=\1 -DHASNORPC_H/' $(@D)/Makefile $(@D)/lib/Makefile
endef

# lsof's lib/Makefile relies on make's built-in .c.o rule, which our
# top-level make turns off (--no-builtin-rules) for every make it starts.
define LSOF_BUILD_CMDS
	$(TARGET_MAKE_ENV) $(LSOF_CONFIGURE_ENV) MAKEFLAGS= $(MAKE) -C $(@D)
endef

define LSOF_INSTALL_TARGET_CMDS
	install -D -m 0755 $(@D)/lsof $(TARGET_DIR)/usr/bin/lsof
endef

$(eval $(generic-package))
