################################################################################
# toolchain-external: an installed gcc (the host's: Debian's native or cross
# gcc, see toolchain/toolchain.mk) as the target compiler; installs its glibc
# runtime into the target
################################################################################

TOOLCHAIN_EXTERNAL_LICENSE = LGPL-2.1+ (glibc), GPL-3.0+ WITH GCC-exception-3.1 (libgcc_s)
# The host's gcc (no toolchain path): the copied libraries are Debian's libc6 and
# libgcc-s1 (or their -<arch>-cross twins), whose copyright files state their licences.
TOOLCHAIN_EXTERNAL_LICENSE_FILES = $(if $(call qstrip,$(SMARTOS_TOOLCHAIN_EXTERNAL_PATH)),,\
	$(call debian-copyright,libc6) $(call debian-copyright,libgcc-s1))
TOOLCHAIN_EXTERNAL_INSTALL_TARGET = YES
TOOLCHAIN_EXTERNAL_DEPENDENCIES = host-toolchain-wrapper
TOOLCHAIN_EXTERNAL_CONFIG_VARS = $(TOOLCHAIN_WRAPPER_CONFIG_VARS) SMARTOS_TOOLCHAIN_EXTERNAL_HOST \
	SMARTOS_TOOLCHAIN_EXTERNAL_CUSTOM SMARTOS_TOOLCHAIN_EXTERNAL_PATH SMARTOS_TOOLCHAIN_EXTERNAL_PREFIX \
	SMARTOS_DISTCC

# Where the real compiler is: the configured path, or PATH as make found it
# (without $(HOST_DIR)/bin, where the wrapper goes).
TOOLCHAIN_EXTERNAL_REAL_DIR = $(if $(TOOLCHAIN_EXTERNAL_BIN),$(patsubst %/,%,$(TOOLCHAIN_EXTERNAL_BIN)),$$(dirname "$$(PATH=$(ORIG_PATH) command -v $(TOOLCHAIN_TUPLE)-gcc)"))

# The wrapper in front of the external gcc, g++, cpp (see
# toolchain/toolchain.mk): it adds the target flags and refuses host paths.
# No sysroot for the host's native gcc (it has its own: its glibc in /usr)
# or a custom one; Debian's cross gcc gets the staging directory as its
# sysroot (relative to the wrapper, as for the internal toolchain): it finds
# its C library in /usr/<tuple> whatever the sysroot, and the sysroot takes
# the place of the build machine's /usr/include, /lib and /usr/lib, which it
# would search otherwise (a build machine header must not end up in a
# target program). The other
# tools are symbolic links to the real ones, so that TARGET_CROSS names one
# directory for all. With distcc (SMARTOS_DISTCC) there is no wrapper: the
# remote daemon runs the compiler by its own name (see TARGET_CC_CROSS in
# package/Makefile.in), so the compilers are the real ones from PATH.
define TOOLCHAIN_EXTERNAL_BUILD_CMDS
	real_dir=$(TOOLCHAIN_EXTERNAL_REAL_DIR); \
	if [ ! -x "$$real_dir/$(TOOLCHAIN_TUPLE)-gcc" ]; then \
		$(if $(TOOLCHAIN_EXTERNAL_DEBIAN_CROSS),echo "toolchain-external: SMARTOS_ARCH is $(ARCH): SMARTOS_TOOLCHAIN_EXTERNAL_HOST needs Debian's cross compiler $(TOOLCHAIN_TUPLE)-gcc (SMARTOS_TOOLCHAIN_EXTERNAL_PREFIX) but it is not installed: install the Debian packages $(TOOLCHAIN_EXTERNAL_DEBIAN_CROSS_PACKAGES) (support/scripts/install-host-deps.sh)" >&2; exit 1;) \
		echo "toolchain-external: no $(TOOLCHAIN_TUPLE)-gcc in $${real_dir:-PATH} (SMARTOS_TOOLCHAIN_EXTERNAL_PATH, SMARTOS_TOOLCHAIN_EXTERNAL_PREFIX)" >&2; \
		exit 1; \
	fi; \
	$(if $(TOOLCHAIN_EXTERNAL_DEBIAN_CROSS),if [ ! -f $(TOOLCHAIN_EXTERNAL_DEBIAN_CROSS_DIR)/include/stdio.h ]; then \
		echo "toolchain-external: Debian's cross compiler $(TOOLCHAIN_TUPLE)-gcc has no C library in $(TOOLCHAIN_EXTERNAL_DEBIAN_CROSS_DIR) (SMARTOS_ARCH=$(ARCH)): install the Debian package libc6-dev-$(ARCH_DEBIAN_NAME)-cross" >&2; \
		exit 1; \
	fi;) \
	echo "$$real_dir" > $(@D)/real-dir
	mkdir -p $(HOST_DIR)/bin
	for t in $(TOOLCHAIN_PLAIN_TOOLS); do \
		real=$$(cat $(@D)/real-dir)/$(TOOLCHAIN_TUPLE)-$$t; \
		if [ -e "$$real" ]; then ln -sfn "$$real" $(HOST_DIR)/bin/$(TOOLCHAIN_TUPLE)-$$t || exit 1; fi; \
	done
	$(if $(filter y,$(SMARTOS_DISTCC)),,$(call toolchain-wrapper-install,$$(cat $(@D)/real-dir),,$(if $(TOOLCHAIN_EXTERNAL_DEBIAN_CROSS),../../staging)))
endef

# The program interpreter path is fixed by the architecture's ABI
# (ARCH_DYNAMIC_LOADER, arch/arch.mk) and written into every dynamic
# executable; the seed's README warns that the kernel panics at boot when it
# is missing.
TOOLCHAIN_EXTERNAL_INTERP = $(ARCH_DYNAMIC_LOADER)
TOOLCHAIN_EXTERNAL_INTERP_DIR = $(patsubst %/,%,$(dir $(TOOLCHAIN_EXTERNAL_INTERP)))

# glibc's runtime, the NSS modules that /etc/nsswitch.conf names, and
# libgcc_s (needed for pthread_cancel and C++ exceptions).
TOOLCHAIN_EXTERNAL_LIBS = \
	$(notdir $(TOOLCHAIN_EXTERNAL_INTERP)) libc.so.6 libm.so.6 libresolv.so.2 \
	libpthread.so.0 libdl.so.2 librt.so.1 libutil.so.1 libanl.so.1 \
	libnss_files.so.2 libnss_dns.so.2 libgcc_s.so.1

# The compiler tells where each library is (-print-file-name echoes the bare
# name back when it has no such file): Debian's cross gcc names the files in
# /usr/<tuple>/lib. Every library goes to /lib; an interpreter whose ABI path
# is elsewhere (/lib64) is a symbolic link to its copy there.
define TOOLCHAIN_EXTERNAL_INSTALL_TARGET_CMDS
	mkdir -p $(TARGET_DIR)/lib $(TARGET_DIR)$(TOOLCHAIN_EXTERNAL_INTERP_DIR)
	for lib in $(TOOLCHAIN_EXTERNAL_LIBS); do \
		path=$$($(TARGET_CC) -print-file-name=$$lib); \
		if [ "$$path" = "$$lib" ] || [ ! -e "$$path" ]; then \
			echo "toolchain-external: $(TARGET_CC) has no $$lib" >&2; \
			exit 1; \
		fi; \
		cp -L "$$path" $(TARGET_DIR)/lib/$$lib || exit 1; \
	done
	$(if $(filter /lib,$(TOOLCHAIN_EXTERNAL_INTERP_DIR)),,ln -sfn ../lib/$(notdir $(TOOLCHAIN_EXTERNAL_INTERP)) $(TARGET_DIR)$(TOOLCHAIN_EXTERNAL_INTERP))
endef

# glibc's getent (SMARTOS_TOOLCHAIN_EXTERNAL_GETENT): a target program like
# the libraries, found in the toolchain's sysroot (/ for the host's native
# gcc). Debian's cross C library packages carry no programs: there is none.
define TOOLCHAIN_EXTERNAL_INSTALL_GETENT
	$(if $(TOOLCHAIN_EXTERNAL_DEBIAN_CROSS),sysroot=$(TOOLCHAIN_EXTERNAL_DEBIAN_CROSS_DIR),sysroot=$$($(TARGET_CC) -print-sysroot)); \
	getent="$${sysroot:-/}/usr/bin/getent"; \
	if [ ! -f "$$getent" ]; then \
		echo "toolchain-external: no $$getent in the toolchain's sysroot (SMARTOS_TOOLCHAIN_EXTERNAL_GETENT)$(if $(TOOLCHAIN_EXTERNAL_DEBIAN_CROSS),: Debian's cross packages have no target programs; say n to SMARTOS_TOOLCHAIN_EXTERNAL_GETENT)" >&2; \
		exit 1; \
	fi; \
	install -D -m 0755 "$$getent" $(TARGET_DIR)/usr/bin/getent
endef
ifeq ($(SMARTOS_TOOLCHAIN_EXTERNAL_GETENT),y)
TOOLCHAIN_EXTERNAL_POST_INSTALL_TARGET_HOOKS += TOOLCHAIN_EXTERNAL_INSTALL_GETENT
endif

# The image step (support/scripts/check-elf) then checks that every dynamic
# ELF in the target finds this interpreter and its libraries.

$(eval $(generic-package))
