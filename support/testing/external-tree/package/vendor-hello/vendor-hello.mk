################################################################################
# vendor-hello: a tiny C program from the example external tree, patched by
# the framework (0001-greeting.patch) before it is built
################################################################################

VENDOR_HELLO_VERSION = 1.0
VENDOR_HELLO_SITE = $(VENDOR_HELLO_PKGDIR)/src
VENDOR_HELLO_SITE_METHOD = local
VENDOR_HELLO_LICENSE = MIT
VENDOR_HELLO_LICENSE_FILES = LICENSE

define VENDOR_HELLO_BUILD_CMDS
	$(TARGET_CC) $(TARGET_CFLAGS) -std=c11 -Wall -Wextra -Werror $(TARGET_LDFLAGS) \
		-o $(@D)/vendor-hello $(@D)/vendor-hello.c
endef

define VENDOR_HELLO_INSTALL_TARGET_CMDS
	install -D -m 0755 $(@D)/vendor-hello $(TARGET_DIR)/usr/bin/vendor-hello
endef

$(eval $(generic-package))
