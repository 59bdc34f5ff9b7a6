################################################################################
# host-binutils: the cross assembler, linker and binary tools for the internal
# toolchain ($(GNU_TARGET_NAME)-as, -ld, ... in $(HOST_DIR)/bin).
# Source: see TOOLCHAIN_BINUTILS_* in toolchain/toolchain.mk.
################################################################################

HOST_BINUTILS_VERSION = $(TOOLCHAIN_BINUTILS_VERSION)
HOST_BINUTILS_SOURCE = $(TOOLCHAIN_BINUTILS_SOURCE)
HOST_BINUTILS_APT_SOURCE = $(TOOLCHAIN_BINUTILS_APT_SOURCE)
HOST_BINUTILS_APT_VERSION = $(TOOLCHAIN_BINUTILS_APT_VERSION)
HOST_BINUTILS_LICENSE = $(TOOLCHAIN_BINUTILS_LICENSE)
HOST_BINUTILS_LICENSE_FILES = $(TOOLCHAIN_BINUTILS_LICENSE_FILES)

# Only what a cross toolchain uses: no gdb, simulators, gprofng, translations.
# Deterministic archives (ar without timestamps, uids) for reproducible builds.
HOST_BINUTILS_CONF_OPTS = \
	--target=$(GNU_TARGET_NAME) \
	--with-sysroot=$(TOOLCHAIN_SYSROOT_LINK) \
	--disable-multilib --disable-werror --disable-nls \
	--disable-gdb --disable-gdbserver --disable-sim --disable-gprofng \
	--disable-libdecnumber --disable-readline --without-debuginfod \
	--enable-deterministic-archives
# The shipped manuals are used as they are (no makeinfo needed).
HOST_BINUTILS_MAKE_OPTS = MAKEINFO=true
HOST_BINUTILS_INSTALL_OPTS = MAKEINFO=true install

# The sysroot link (see TOOLCHAIN_SYSROOT_LINK): relative, so it follows the
# host directory into every per-package directory and into $(O)/host.
define HOST_BINUTILS_SYSROOT_LINK
	mkdir -p $(HOST_DIR)/$(GNU_TARGET_NAME)
	ln -sfn ../../staging $(TOOLCHAIN_SYSROOT_LINK)
endef
HOST_BINUTILS_POST_INSTALL_HOOKS += HOST_BINUTILS_SYSROOT_LINK

$(eval $(host-autotools-package))
