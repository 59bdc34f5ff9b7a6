################################################################################
# skeleton: the base root file system (the files under skeleton/ plus the
# standard directories). Root has no password here ("*": no password
# login); the image step sets it (SMARTOS_TARGET_GENERIC_ROOT_PASSWD*).
################################################################################

SKELETON_LICENSE = GPL-2.0
# Our own files; the licence text is Debian's copy (base-files) on the build host.
SKELETON_LICENSE_FILES = /usr/share/common-licenses/GPL-2
SKELETON_INSTALL_TARGET = YES
# Copies files, compiles nothing.
SKELETON_ADD_TOOLCHAIN_DEPENDENCY = NO

SKELETON_DIRS = \
	bin sbin lib lib64 usr/bin usr/sbin usr/lib boot dev proc sys \
	tmp run root home mnt media var/log etc/profile.d

# The framework writes /etc/hostname from the same symbol after all
# packages; /etc/hosts must agree with it.
SKELETON_CONFIG_VARS = SMARTOS_TARGET_GENERIC_HOSTNAME
SKELETON_HOSTNAME = $(or $(call qstrip,$(SMARTOS_TARGET_GENERIC_HOSTNAME)),smart-os)
SKELETON_GETTY_PORT = $(call qstrip,$(SMARTOS_PACKAGE_SKELETON_GETTY_PORT))
# Both go into sed expressions (the hostname is checked by the framework).
CONFIG_CHECKS += word:SMARTOS_PACKAGE_SKELETON_GETTY_PORT

# The files keep their modes as in the tree, but never writable by group or
# others (a checkout made under umask 000 has them so); the modes that must be
# otherwise are set here or in the device table.
define SKELETON_INSTALL_TARGET_CMDS
	mkdir -p $(addprefix $(TARGET_DIR)/,$(SKELETON_DIRS))
	rsync -a --chmod=go-w $(SKELETON_PKGDIR)/skeleton/ $(TARGET_DIR)/
	sed -i -e 's/@HOSTNAME@/$(SKELETON_HOSTNAME)/g' \
		$(TARGET_DIR)/etc/hostname $(TARGET_DIR)/etc/hosts
	sed -i -e 's/@GETTY_PORT@/$(SKELETON_GETTY_PORT)/g' $(TARGET_DIR)/etc/inittab
	$(if $(filter y,$(SMARTOS_PACKAGE_SKELETON_GETTY_TTY1)),,sed -i -e '/^tty1::/d' $(TARGET_DIR)/etc/inittab)
	chmod 0600 $(TARGET_DIR)/etc/shadow
	chmod 1777 $(TARGET_DIR)/tmp
	chmod 0700 $(TARGET_DIR)/root
endef

$(eval $(generic-package))
