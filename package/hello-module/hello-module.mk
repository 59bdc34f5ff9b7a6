################################################################################
# hello-module: the driver demo, a "hello" kernel module (our own code in
# src/) built out of tree against the configured kernel
################################################################################

HELLO_MODULE_VERSION = 1.0
HELLO_MODULE_SITE = $(HELLO_MODULE_PKGDIR)/src
HELLO_MODULE_SITE_METHOD = local
HELLO_MODULE_LICENSE = GPL-2.0
# The SPDX line of the source, and the licence text (Debian's base-files copy).
HELLO_MODULE_LICENSE_FILES = hello.c /usr/share/common-licenses/GPL-2

# Optional load at boot: an init script that runs modprobe with the
# configured greeting (rcS starts /etc/init.d/S??* in order).
HELLO_MODULE_WHOM = $(call qstrip,$(SMARTOS_PACKAGE_HELLO_MODULE_WHOM))

define HELLO_MODULE_INSTALL_BOOT_SCRIPT
	$(if $(filter y,$(SMARTOS_PACKAGE_HELLO_MODULE_LOAD_AT_BOOT)),\
	install -D -m 0755 $(HELLO_MODULE_PKGDIR)/S05hello $(TARGET_DIR)/etc/init.d/S05hello && \
	sed -i -e 's/@WHOM@/$(HELLO_MODULE_WHOM)/' $(TARGET_DIR)/etc/init.d/S05hello)
endef
HELLO_MODULE_POST_INSTALL_TARGET_HOOKS += HELLO_MODULE_INSTALL_BOOT_SCRIPT

$(eval $(kernel-module))
