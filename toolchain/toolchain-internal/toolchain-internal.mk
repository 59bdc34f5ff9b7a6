################################################################################
# toolchain-internal: the provider of the virtual "toolchain" package when the
# toolchain is built from source (SMARTOS_TOOLCHAIN_INTERNAL). It puts our
# wrapper in front of host-gcc-final's drivers (the real ones become
# $(HOST_DIR)/bin/<tuple>-gcc.real, ...) with the staging directory as sysroot
# and the configuration's target flags, and installs libgcc_s into the
# target. glibc installs itself; libstdc++ is toolchain-runtime's.
################################################################################

TOOLCHAIN_INTERNAL_VERSION = $(TOOLCHAIN_GCC_VERSION)
TOOLCHAIN_INTERNAL_LICENSE = GPL-3.0+ WITH GCC-exception-3.1 (libgcc_s)
# (in the gcc source tree host-gcc-final was built from)
TOOLCHAIN_INTERNAL_LICENSE_FILES = $(HOST_GCC_FINAL_DIR)/COPYING3 $(HOST_GCC_FINAL_DIR)/COPYING.RUNTIME
TOOLCHAIN_INTERNAL_DEPENDENCIES = host-gcc-final host-toolchain-wrapper glibc
TOOLCHAIN_INTERNAL_INSTALL_TARGET = YES
TOOLCHAIN_INTERNAL_CONFIG_VARS = $(TOOLCHAIN_WRAPPER_CONFIG_VARS) SMARTOS_TOOLCHAIN_GCC_CXX

# The real drivers keep their directory (gcc finds its own files relative
# to it): renamed in place with a ".real" suffix. A renamed file is a new
# name in this package's host directory, not a change to host-gcc-final's.
# Done once: a second run (toolchain-internal-rebuild) finds the .real files.
define TOOLCHAIN_INTERNAL_BUILD_CMDS
	for t in $(TOOLCHAIN_WRAPPED_TOOLS); do \
		f=$(HOST_DIR)/bin/$(GNU_TARGET_NAME)-$$t; \
		if [ -e "$$f" ] && [ ! -e "$$f.real" ]; then mv "$$f" "$$f.real" || exit 1; fi; \
	done
	$(call toolchain-wrapper-install,.,.real,../../staging,$(TOOLCHAIN_INTERNAL_COMPILER_ID))
endef

# For ccache: the compiler host-gcc-final built, named by its input hash (which
# covers binutils, gcc, glibc and the kernel headers, and their options), not
# by its file's time: a rebuild from the same inputs keeps the cache valid.
TOOLCHAIN_INTERNAL_COMPILER_ID = smartos-$(GNU_TARGET_NAME)-gcc-$(TOOLCHAIN_GCC_VERSION)-$(HOST_GCC_FINAL_HASH)

TOOLCHAIN_INTERNAL_REAL_GCC = $(HOST_DIR)/bin/$(GNU_TARGET_NAME)-gcc.real

# libgcc_s (glibc loads it for pthread_cancel and unwinding): where the
# compiler keeps it, into /lib. (libstdc++ is toolchain-runtime's, when a
# package selects SMARTOS_TOOLCHAIN_TARGET_LIBSTDCXX.)
define TOOLCHAIN_INTERNAL_INSTALL_TARGET_CMDS
	mkdir -p $(TARGET_DIR)/lib $(TARGET_DIR)/usr/lib
	libgcc_s=$$($(TOOLCHAIN_INTERNAL_REAL_GCC) -print-file-name=libgcc_s.so.1) && \
		[ -f "$$libgcc_s" ] && install -m 0644 "$$libgcc_s" $(TARGET_DIR)/lib/libgcc_s.so.1
endef

$(eval $(generic-package))
