################################################################################
# toolchain-external: an installed gcc (e.g. the host's) as the target
# compiler; installs its glibc runtime into the target
################################################################################

TOOLCHAIN_EXTERNAL_LICENSE = LGPL-2.1+ (glibc), GPL-3.0+ WITH GCC-exception-3.1 (libgcc_s)
# The host's gcc (no toolchain path): the copied libraries are Debian's libc6 and
# libgcc-s1, whose copyright files state their licences.
TOOLCHAIN_EXTERNAL_LICENSE_FILES = $(if $(call qstrip,$(SMARTOS_TOOLCHAIN_EXTERNAL_PATH)),,\
	/usr/share/doc/libc6/copyright /usr/share/doc/libgcc-s1/copyright)
TOOLCHAIN_EXTERNAL_INSTALL_TARGET = YES
TOOLCHAIN_EXTERNAL_DEPENDENCIES = host-toolchain-wrapper
TOOLCHAIN_EXTERNAL_CONFIG_VARS = $(TOOLCHAIN_WRAPPER_CONFIG_VARS) SMARTOS_TOOLCHAIN_EXTERNAL_HOST \
	SMARTOS_TOOLCHAIN_EXTERNAL_CUSTOM SMARTOS_TOOLCHAIN_EXTERNAL_PATH SMARTOS_TOOLCHAIN_EXTERNAL_PREFIX \
	SMARTOS_DISTCC

# Where the real compiler is: the configured path, or PATH as make found it
# (without $(HOST_DIR)/bin, where the wrapper goes).
TOOLCHAIN_EXTERNAL_REAL_DIR = $(if $(TOOLCHAIN_EXTERNAL_BIN),$(patsubst %/,%,$(TOOLCHAIN_EXTERNAL_BIN)),$$(dirname "$$(PATH=$(ORIG_PATH) command -v $(TOOLCHAIN_TUPLE)-gcc)"))

# The wrapper in front of the external gcc, g++, cpp (see
# toolchain/toolchain.mk): it adds the target flags and refuses host paths
# but no sysroot (the host's gcc has its own: its glibc in /usr). The other
# tools are symbolic links to the real ones, so that TARGET_CROSS names one
# directory for all. With distcc (SMARTOS_DISTCC) there is no wrapper: the
# remote daemon runs the compiler by its own name (see TARGET_CC_CROSS in
# package/Makefile.in), so the compilers are the real ones from PATH.
define TOOLCHAIN_EXTERNAL_BUILD_CMDS
	real_dir=$(TOOLCHAIN_EXTERNAL_REAL_DIR); \
	if [ ! -x "$$real_dir/$(TOOLCHAIN_TUPLE)-gcc" ]; then \
		echo "toolchain-external: no $(TOOLCHAIN_TUPLE)-gcc in $${real_dir:-PATH} (SMARTOS_TOOLCHAIN_EXTERNAL_PATH, SMARTOS_TOOLCHAIN_EXTERNAL_PREFIX)" >&2; \
		exit 1; \
	fi; \
	echo "$$real_dir" > $(@D)/real-dir
	mkdir -p $(HOST_DIR)/bin
	for t in $(TOOLCHAIN_PLAIN_TOOLS); do \
		real=$$(cat $(@D)/real-dir)/$(TOOLCHAIN_TUPLE)-$$t; \
		if [ -e "$$real" ]; then ln -sfn "$$real" $(HOST_DIR)/bin/$(TOOLCHAIN_TUPLE)-$$t || exit 1; fi; \
	done
	$(if $(filter y,$(SMARTOS_DISTCC)),,$(call toolchain-wrapper-install,$$(cat $(@D)/real-dir),,))
endef

# The program interpreter path is fixed by the x86_64 ABI and written into
# every dynamic executable; the seed's README warns that the kernel panics
# at boot when it is missing.
TOOLCHAIN_EXTERNAL_INTERP = /lib64/ld-linux-x86-64.so.2

# glibc's runtime, the NSS modules that /etc/nsswitch.conf names, and
# libgcc_s (needed for pthread_cancel and C++ exceptions).
TOOLCHAIN_EXTERNAL_LIBS = \
	ld-linux-x86-64.so.2 libc.so.6 libm.so.6 libresolv.so.2 \
	libpthread.so.0 libdl.so.2 librt.so.1 libutil.so.1 libanl.so.1 \
	libnss_files.so.2 libnss_dns.so.2 libgcc_s.so.1

# The compiler tells where each library is (-print-file-name echoes the bare
# name back when it has no such file).
define TOOLCHAIN_EXTERNAL_INSTALL_TARGET_CMDS
	mkdir -p $(TARGET_DIR)/lib $(TARGET_DIR)/lib64
	for lib in $(TOOLCHAIN_EXTERNAL_LIBS); do \
		path=$$($(TARGET_CC) -print-file-name=$$lib); \
		if [ "$$path" = "$$lib" ] || [ ! -e "$$path" ]; then \
			echo "toolchain-external: $(TARGET_CC) has no $$lib" >&2; \
			exit 1; \
		fi; \
		cp -L "$$path" $(TARGET_DIR)/lib/$$lib || exit 1; \
	done
	ln -sfn ../lib/$(notdir $(TOOLCHAIN_EXTERNAL_INTERP)) $(TARGET_DIR)$(TOOLCHAIN_EXTERNAL_INTERP)
endef

# glibc's getent (SMARTOS_TOOLCHAIN_EXTERNAL_GETENT): a target program like
# the libraries, found in the toolchain's sysroot (/ for the host's gcc).
define TOOLCHAIN_EXTERNAL_INSTALL_GETENT
	sysroot=$$($(TARGET_CC) -print-sysroot); \
	getent="$${sysroot:-/}/usr/bin/getent"; \
	if [ ! -f "$$getent" ]; then \
		echo "toolchain-external: no $$getent in the toolchain's sysroot (SMARTOS_TOOLCHAIN_EXTERNAL_GETENT)" >&2; \
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
