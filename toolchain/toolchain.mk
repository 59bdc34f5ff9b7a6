################################################################################
# The virtual package "toolchain": every target package depends on it (unless
# it sets FOO_ADD_TOOLCHAIN_DEPENDENCY = NO; packages named toolchain* never
# depend on it). It depends on the package that provides the chosen toolchain:
#   SMARTOS_TOOLCHAIN_EXTERNAL -> toolchain-external (toolchain/toolchain-external/)
#   SMARTOS_TOOLCHAIN_INTERNAL -> toolchain-internal (built from source)
# Its hash holds the target and toolchain options, so changing any of them
# rebuilds every target package.
################################################################################

TOOLCHAIN_PROVIDER = $(if $(filter y,$(SMARTOS_TOOLCHAIN_INTERNAL)),toolchain-internal,toolchain-external)

$(eval $(call register-package,toolchain,TOOLCHAIN,,target,generic))
TOOLCHAIN_DEPENDENCIES = $(TOOLCHAIN_PROVIDER)
TOOLCHAIN_INSTALL_TARGET = NO
TOOLCHAIN_QUIET = YES
TOOLCHAIN_CONFIG_VARS = SMARTOS_TARGET_OPTIMIZATION SMARTOS_TOOLCHAIN_EXTERNAL \
	SMARTOS_TOOLCHAIN_INTERNAL SMARTOS_TOOLCHAIN_EXTERNAL_PATH SMARTOS_TOOLCHAIN_EXTERNAL_PREFIX
TOOLCHAIN_INPUT_FILES = toolchain/toolchain.mk
# The runtime libraries copied into the target (SMARTOS_TOOLCHAIN_TARGET_*,
# which select SMARTOS_PACKAGE_TOOLCHAIN_RUNTIME) are toolchain-runtime's
# inputs: choosing one must not rebuild every package.
TOOLCHAIN_CONFIG_VARS_IGNORE = SMARTOS_TOOLCHAIN_TARGET_% SMARTOS_PACKAGE_TOOLCHAIN_RUNTIME \
	SMARTOS_PACKAGE_TOOLCHAIN_RUNTIME_%

################################################################################
# The internal toolchain (SMARTOS_TOOLCHAIN_INTERNAL): built from source for
# $(GNU_TARGET_NAME) into $(HOST_DIR), with the staging directory as sysroot.
#   linux-headers -> host-binutils -> host-gcc-initial (C, no libc) -> glibc
#   -> host-gcc-final (C, C++) -> toolchain-internal (the wrapper) -> toolchain
# Versions are Debian 12's; every package fetches its sources through apt
# (Debian source packages) and checks them against its own .hash file.
# The values below are shared by several packages (host-gcc-initial,
# host-gcc-final and the target gcc all take gcc's); each package's input hash
# holds the expanded values, so changing one rebuilds what uses it.
################################################################################

# gcc: Debian's gcc-12 source package. Its .orig tarball is not gcc itself but
# a wrapper around upstream's release: gcc-12-12.2.0/gcc-12.2.0-dfsg.tar.xz
# (upstream gcc-12.2.0 with the manuals under the GFDL's invariant sections
# removed), newlib and gm2 tarballs. We unpack only gcc-12.2.0-dfsg.tar.xz and
# apply none of Debian's patches (debian/patches is in the separate
# .debian.tar.xz, which we do not download).
TOOLCHAIN_GCC_VERSION = 12.2.0
TOOLCHAIN_GCC_SOURCE = gcc-12_$(TOOLCHAIN_GCC_VERSION).orig.tar.gz
TOOLCHAIN_GCC_APT_SOURCE = gcc-12
TOOLCHAIN_GCC_APT_VERSION = 12.2.0-14+deb12u1
TOOLCHAIN_GCC_INNER = gcc-12-$(TOOLCHAIN_GCC_VERSION)/gcc-$(TOOLCHAIN_GCC_VERSION)-dfsg.tar.xz
TOOLCHAIN_GCC_LICENSE = GPL-3.0+, GPL-3.0+ WITH GCC-exception-3.1 (runtime libraries)
TOOLCHAIN_GCC_LICENSE_FILES = COPYING3 COPYING.RUNTIME
# gcc-extract <PREFIX>: unpack the upstream gcc tree from Debian's wrapper tarball.
define gcc-extract
	tar -xOf $($(1)_DL_DIR)/$(TOOLCHAIN_GCC_SOURCE) $(TOOLCHAIN_GCC_INNER) | \
		tar -xJ -C $(@D) --strip-components=1 --no-same-owner
endef

# binutils: Debian's binutils_2.40.orig.tar.xz (source package binutils
# 2.40-2), the upstream 2.40 tree; none of Debian's patches.
TOOLCHAIN_BINUTILS_VERSION = 2.40
TOOLCHAIN_BINUTILS_SOURCE = binutils_$(TOOLCHAIN_BINUTILS_VERSION).orig.tar.xz
TOOLCHAIN_BINUTILS_APT_SOURCE = binutils
TOOLCHAIN_BINUTILS_APT_VERSION = 2.40-2
TOOLCHAIN_BINUTILS_LICENSE = GPL-3.0+ (tools), GPL-3.0+ (libbfd, libopcodes), LGPL-2.0+ (libiberty)
TOOLCHAIN_BINUTILS_LICENSE_FILES = COPYING3 COPYING COPYING.LIB COPYING3.LIB

# The sysroot the cross tools are configured with. It lies under their prefix
# (so binutils and gcc relocate it along with themselves) and is a relative
# symbolic link to the staging directory next to the host directory, made by
# host-binutils: it points at per-package/<pkg>/staging inside a package's
# step and at $(O)/staging in the final tree.
TOOLCHAIN_SYSROOT_LINK = $(HOST_DIR)/$(GNU_TARGET_NAME)/sysroot

# The gcc libraries gcc needs on the build machine (gmp, mpfr, mpc) are the
# host's (Debian's libgmp-dev, libmpfr-dev, libmpc-dev: see
# support/scripts/install-host-deps.sh), not built here: they only run on the
# build machine and do not reach the target.

################################################################################
# The external toolchain "the host's gcc" (SMARTOS_TOOLCHAIN_EXTERNAL_HOST) is
# Debian's <prefix>-gcc from PATH: the build machine's native gcc when the
# prefix is its own tuple, else Debian's cross gcc (gcc-<tuple>), whose C
# library (libc6-dev-<debian arch>-cross) is in /usr/<tuple>: include/ and
# lib/, a directory of its own rather than a sysroot with usr/ inside.
################################################################################
TOOLCHAIN_EXTERNAL_DEBIAN_CROSS = $(if $(filter y,$(SMARTOS_TOOLCHAIN_EXTERNAL_HOST)),$(if $(filter $(GNU_HOST_NAME),$(TOOLCHAIN_TUPLE)),,y))
TOOLCHAIN_EXTERNAL_DEBIAN_CROSS_DIR = /usr/$(TOOLCHAIN_TUPLE)
# Debian's packages of the cross toolchain, for messages: gcc-<tuple> and
# libc6-dev-<debian arch>-cross; the runtime packages are <name>-<debian arch>-cross.
TOOLCHAIN_EXTERNAL_DEBIAN_CROSS_PACKAGES = gcc-$(TOOLCHAIN_TUPLE) libc6-dev-$(ARCH_DEBIAN_NAME)-cross
# debian-copyright <package>: the copyright file of a Debian runtime package, the
# native one or its cross twin.
debian-copyright = /usr/share/doc/$(1)$(if $(TOOLCHAIN_EXTERNAL_DEBIAN_CROSS),-$(ARCH_DEBIAN_NAME)-cross)/copyright

################################################################################
# The toolchain wrapper (toolchain/toolchain-wrapper), put in front of the
# compiler drivers by toolchain-internal and toolchain-external. Its
# configuration file is $(HOST_DIR)/etc/smartos-toolchain-wrapper.conf.
################################################################################

# The wrapped drivers (<tuple>-cc is a symbolic link to the gcc wrapper).
TOOLCHAIN_WRAPPED_TOOLS = gcc g++ c++ cpp
# Other tools of the toolchain (not wrapped).
TOOLCHAIN_PLAIN_TOOLS = as ld ld.bfd ar nm ranlib objcopy objdump readelf strip strings \
	size addr2line c++filt elfedit gprof gcc-ar gcc-nm gcc-ranlib gcov gcov-dump gcov-tool

# Target flags from the configuration (the symbols below are in
# TOOLCHAIN_WRAPPER_CONFIG_VARS, which the toolchain packages list in their
# _CONFIG_VARS: changing one rebuilds the toolchain and every target package).
TOOLCHAIN_WRAPPER_SSP = $(if $(filter y,$(SMARTOS_TARGET_SSP_REGULAR)),-fstack-protector)$(if \
	$(filter y,$(SMARTOS_TARGET_SSP_STRONG)),-fstack-protector-strong)$(if \
	$(filter y,$(SMARTOS_TARGET_SSP_ALL)),-fstack-protector-all)
# The architecture's own flags (ARCH_TARGET_CFLAGS, arch/arch.mk) follow the
# optimisation (SMARTOS_ARCH is in the toolchain's configuration symbols).
TOOLCHAIN_WRAPPER_CFLAGS = $(TARGET_OPTIMIZATION)$(if $(ARCH_TARGET_CFLAGS), $(ARCH_TARGET_CFLAGS)) $(TOOLCHAIN_WRAPPER_SSP)
TOOLCHAIN_WRAPPER_FORTIFY = $(if $(filter y,$(SMARTOS_TARGET_FORTIFY_1)),1)$(if $(filter y,$(SMARTOS_TARGET_FORTIFY_2)),2)
TOOLCHAIN_WRAPPER_PIE = $(if $(filter y,$(SMARTOS_TARGET_PIE)),y,n)
TOOLCHAIN_WRAPPER_LDFLAGS = $(if $(filter y,$(SMARTOS_TARGET_RELRO_PARTIAL) $(SMARTOS_TARGET_RELRO_FULL)),-Wl$(comma)-z$(comma)relro)$(if \
	$(filter y,$(SMARTOS_TARGET_RELRO_FULL)), -Wl$(comma)-z$(comma)now)
TOOLCHAIN_WRAPPER_CONFIG_VARS = SMARTOS_ARCH SMARTOS_TARGET_OPTIMIZATION SMARTOS_TARGET_SSP_NONE \
	SMARTOS_TARGET_SSP_REGULAR SMARTOS_TARGET_SSP_STRONG SMARTOS_TARGET_SSP_ALL \
	SMARTOS_TARGET_FORTIFY_NONE SMARTOS_TARGET_FORTIFY_1 SMARTOS_TARGET_FORTIFY_2 \
	SMARTOS_TARGET_PIE SMARTOS_TARGET_RELRO_NONE SMARTOS_TARGET_RELRO_PARTIAL \
	SMARTOS_TARGET_RELRO_FULL
TOOLCHAIN_CONFIG_VARS += $(TOOLCHAIN_WRAPPER_CONFIG_VARS) SMARTOS_TOOLCHAIN_EXTERNAL_HOST \
	SMARTOS_TOOLCHAIN_EXTERNAL_CUSTOM

# toolchain-wrapper-install <real dir>,<real suffix>,<sysroot>[,<compiler id>]:
# the wrapper as $(HOST_DIR)/bin/$(TOOLCHAIN_TUPLE)-<tool> for each wrapped
# tool whose real driver exists, and its configuration. <real dir> and
# <sysroot> are absolute or relative to $(HOST_DIR)/bin; an empty sysroot
# means none. <compiler id> names the real compiler for ccache (empty: ccache
# looks at the real driver itself).
define toolchain-wrapper-install
	mkdir -p $(HOST_DIR)/bin $(HOST_DIR)/etc
	for t in $(TOOLCHAIN_WRAPPED_TOOLS); do \
		real=$(HOST_DIR)/bin/$(1)/$(TOOLCHAIN_TUPLE)-$$t$(2); \
		case "$(1)" in /*) real=$(1)/$(TOOLCHAIN_TUPLE)-$$t$(2);; esac; \
		[ -e "$$real" ] || continue; \
		rm -f $(HOST_DIR)/bin/$(TOOLCHAIN_TUPLE)-$$t; \
		cp $(HOST_DIR)/libexec/smartos/toolchain-wrapper $(HOST_DIR)/bin/$(TOOLCHAIN_TUPLE)-$$t || exit 1; \
	done
	ln -sfn $(TOOLCHAIN_TUPLE)-gcc $(HOST_DIR)/bin/$(TOOLCHAIN_TUPLE)-cc
	{ \
		echo '# smart-os toolchain wrapper configuration (written by $($(PKG)_NAME))'; \
		echo "real_dir=$(1)"; \
		echo 'real_suffix=$(2)'; \
		echo 'sysroot=$(3)'; \
		echo 'cflags=$(TOOLCHAIN_WRAPPER_CFLAGS)'; \
		echo 'fortify=$(TOOLCHAIN_WRAPPER_FORTIFY)'; \
		echo 'pie=$(TOOLCHAIN_WRAPPER_PIE)'; \
		echo 'ldflags=$(TOOLCHAIN_WRAPPER_LDFLAGS)'; \
		echo 'compiler_id=$(4)'; \
	} > $(HOST_DIR)/etc/smartos-toolchain-wrapper.conf.tmp
	mv $(HOST_DIR)/etc/smartos-toolchain-wrapper.conf.tmp $(HOST_DIR)/etc/smartos-toolchain-wrapper.conf
endef
