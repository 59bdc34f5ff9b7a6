################################################################################
# host-toolchain-wrapper: our compiler wrapper (src/toolchain-wrapper.c),
# built for the build machine. The toolchain packages (toolchain-internal,
# toolchain-external) install it in front of the target compiler drivers and
# write its configuration (see toolchain-wrapper-install in
# toolchain/toolchain.mk).
################################################################################

HOST_TOOLCHAIN_WRAPPER_VERSION = 1.0
HOST_TOOLCHAIN_WRAPPER_SITE = $(HOST_TOOLCHAIN_WRAPPER_PKGDIR)/src
HOST_TOOLCHAIN_WRAPPER_SITE_METHOD = local
HOST_TOOLCHAIN_WRAPPER_LICENSE = GPL-2.0
HOST_TOOLCHAIN_WRAPPER_LICENSE_FILES = toolchain-wrapper.c /usr/share/common-licenses/GPL-2

define HOST_TOOLCHAIN_WRAPPER_BUILD_CMDS
	$(HOST_CC) -std=c11 -O2 -Wall -Wextra -Werror -o $(@D)/toolchain-wrapper \
		$(@D)/toolchain-wrapper.c
endef

define HOST_TOOLCHAIN_WRAPPER_INSTALL_CMDS
	install -D -m 0755 $(@D)/toolchain-wrapper $(HOST_DIR)/libexec/smartos/toolchain-wrapper
endef

$(eval $(host-generic-package))
