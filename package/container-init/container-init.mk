################################################################################
# container-init: PID 1 for container images (our own code in src/): runs the
# command, reaps orphans, forwards signals, stops promptly on SIGTERM
################################################################################

CONTAINER_INIT_VERSION = 1.0
CONTAINER_INIT_SITE = $(CONTAINER_INIT_PKGDIR)/src
CONTAINER_INIT_SITE_METHOD = local
CONTAINER_INIT_LICENSE = GPL-2.0
# The SPDX line of the source, and the licence text (Debian's base-files copy).
CONTAINER_INIT_LICENSE_FILES = container-init.c /usr/share/common-licenses/GPL-2

define CONTAINER_INIT_BUILD_CMDS
	$(TARGET_CC) $(TARGET_CFLAGS) -std=c11 -Wall -Wextra -Werror $(TARGET_LDFLAGS) \
		-o $(@D)/container-init $(@D)/container-init.c
endef

define CONTAINER_INIT_INSTALL_TARGET_CMDS
	install -D -m 0755 $(@D)/container-init $(TARGET_DIR)/sbin/container-init
endef

$(eval $(generic-package))
