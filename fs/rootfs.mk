################################################################################
# The inputs of the root file system: what target-finalize and the image step
# (fs/fs.mk) depend on, as one record of the package hash manifest (read by
# pkg-generate-all, which computes ROOTFS_HASH with the packages' hashes):
# every package of the configuration, the system and image options (system/,
# fs/*/Kconfig; as written, "$" unexpanded: a password hash), the files they
# name, and the commands of system/ and fs/.
################################################################################

ROOTFS_DIR := $(BUILD_DIR)/rootfs
ROOTFS_LOG := $(ROOTFS_DIR)/smartos-build.log

SMARTOS_RUN_SCRIPT_PATH = $(call qstrip,$(SMARTOS_RUN_SCRIPT))
# Helpers the run script sources and install-run-script inlines ("# smartos-inline: PATH").
SMARTOS_RUN_SCRIPT_INLINES = $(if $(SMARTOS_RUN_SCRIPT_PATH),$(shell sed -n 's/.*# smartos-inline: *\([^ ]*\).*/\1/p' $(call abs-path,$(SMARTOS_RUN_SCRIPT_PATH)) 2>/dev/null))

ROOTFS_CONFIG_SYMBOLS = $(sort $(filter SMARTOS_TARGET_GENERIC_% SMARTOS_ROOTFS_% SMARTOS_TARGET_ROOTFS_% \
	SMARTOS_RUN_SCRIPT SMARTOS_RUN_HOSTFWD SMARTOS_SOURCE_DATE_EPOCH,$(.VARIABLES)))

# The root password (clear text or a crypt hash) goes into one file only,
# $(ROOTFS_ROOT_PASSWORD_FILE), in a directory of mode 0700 and itself 0600:
# the fakeroot session reads it there, and the input record below names the
# file (whose contents pkg-hashes reads, as @SECRETS@/root-password) instead
# of the value, so pkg-inputs.txt, fakeroot.sh and the logs never hold it.
# (.config and what syncconfig writes are the owner's alone: see run-kconfig.)
ROOTFS_SECRETS_DIR := $(BUILD_DIR)/secrets
ROOTFS_ROOT_PASSWORD_FILE := $(ROOTFS_SECRETS_DIR)/root-password
ROOTFS_ROOT_PASSWORD = $(call config-raw,SMARTOS_TARGET_GENERIC_ROOT_PASSWD)
PKG_HASH_ALIASES += --alias $(ROOTFS_SECRETS_DIR)=@SECRETS@
ifneq ($(ROOTFS_ROOT_PASSWORD),)
$(shell mkdir -p $(BUILD_DIR) && mkdir -p -m 700 $(ROOTFS_SECRETS_DIR) && chmod 700 $(ROOTFS_SECRETS_DIR) && \
	touch $(ROOTFS_ROOT_PASSWORD_FILE) && chmod 600 $(ROOTFS_ROOT_PASSWORD_FILE))
$(file >$(ROOTFS_ROOT_PASSWORD_FILE),$(ROOTFS_ROOT_PASSWORD))
CONFIG_CHECK_FILE_SMARTOS_TARGET_GENERIC_ROOT_PASSWD := $(ROOTFS_ROOT_PASSWORD_FILE)
# A .config copied or edited by hand keeps its mode: make it the owner's.
$(shell chmod go= $(SMARTOS_CONFIG) $(wildcard $(SMARTOS_CONFIG).old $(KCONFIG_DIR)/rustc_cfg $(KCONFIG_DIR)/config/auto.conf $(KCONFIG_DIR)/config/autoconf.h))
else
$(shell rm -f $(ROOTFS_ROOT_PASSWORD_FILE))
endif
rootfs-symbol-record = $(1)=$(if $(filter SMARTOS_TARGET_GENERIC_ROOT_PASSWD,$(1)),$(if $(ROOTFS_ROOT_PASSWORD),@SECRETS@/root-password),$(value $(1)))
# (FS_INPUT_FILES: files the image types name, e.g. a genimage configuration.)
ROOTFS_INPUT_FILES = $(wildcard $(ROOTFS_OVERLAYS) $(ROOTFS_POST_BUILD_SCRIPTS) \
	$(ROOTFS_POST_IMAGE_SCRIPTS) $(ROOTFS_DEVICE_TABLES) $(ROOTFS_USERS_TABLES) $(SMARTOS_RUN_SCRIPT_PATH) \
	$(SMARTOS_RUN_SCRIPT_INLINES) $(foreach t,$(FS_TYPES),$(FS_$(call UPPERCASE,$(t))_INPUT_FILES)) \
	system fs support/makedevs/makedevs.c $(if $(ROOTFS_ROOT_PASSWORD),$(ROOTFS_ROOT_PASSWORD_FILE)))

define rootfs-manifest-record
P ROOTFS
S rootfs $(foreach s,$(ROOTFS_CONFIG_SYMBOLS),$(call rootfs-symbol-record,$(s)))
F $(ROOTFS_INPUT_FILES)
D $(foreach p,$(PACKAGES_CLOSURE),$(call UPPERCASE,$(p)))
E
endef
