################################################################################
# linux-headers: the kernel's user-space API headers (make headers_install)
# from the same source as package/linux, installed into the staging directory
# (the internal toolchain's sysroot) for glibc and gcc.
################################################################################

LINUX_HEADERS_VERSION = $(LINUX_VERSION)
LINUX_HEADERS_SOURCE = $(LINUX_SOURCE)
LINUX_HEADERS_APT_SOURCE = $(LINUX_APT_SOURCE)
LINUX_HEADERS_APT_VERSION = $(LINUX_APT_VERSION)
LINUX_HEADERS_APT_FILE = $(LINUX_APT_FILE)
LINUX_HEADERS_LICENSE = GPL-2.0 WITH Linux-syscall-note
LINUX_HEADERS_LICENSE_FILES = COPYING LICENSES/exceptions/Linux-syscall-note
LINUX_HEADERS_INSTALL_STAGING = YES
LINUX_HEADERS_INSTALL_TARGET = NO
# The toolchain is built on top of these headers.
LINUX_HEADERS_ADD_TOOLCHAIN_DEPENDENCY = NO

# Only the host compiler runs here (unifdef and the syscall table scripts).
define LINUX_HEADERS_BUILD_CMDS
	$(HOST_MAKE_ENV) $(MAKE) -C $(@D) ARCH=$(KERNEL_ARCH) HOSTCC=gcc \
		INSTALL_HDR_PATH=$(@D)/smartos-headers headers_install
endef

define LINUX_HEADERS_INSTALL_STAGING_CMDS
	mkdir -p $(STAGING_DIR)/usr
	cp -a $(@D)/smartos-headers/include $(STAGING_DIR)/usr/
endef

$(eval $(generic-package))
