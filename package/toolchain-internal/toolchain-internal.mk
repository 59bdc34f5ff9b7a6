# placeholder (work in progress)
TOOLCHAIN_INTERNAL_DEPENDENCIES = host-gcc-final
TOOLCHAIN_INTERNAL_INSTALL_TARGET = NO
$(eval $(generic-package))
