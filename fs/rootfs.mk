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
	SMARTOS_RUN_SCRIPT SMARTOS_SOURCE_DATE_EPOCH,$(.VARIABLES)))
# (FS_INPUT_FILES: files the image types name, e.g. a genimage configuration.)
ROOTFS_INPUT_FILES = $(wildcard $(ROOTFS_OVERLAYS) $(ROOTFS_POST_BUILD_SCRIPTS) \
	$(ROOTFS_POST_IMAGE_SCRIPTS) $(ROOTFS_DEVICE_TABLES) $(ROOTFS_USERS_TABLES) $(SMARTOS_RUN_SCRIPT_PATH) \
	$(SMARTOS_RUN_SCRIPT_INLINES) $(foreach t,$(FS_TYPES),$(FS_$(call UPPERCASE,$(t))_INPUT_FILES)) \
	system fs support/makedevs/makedevs.c)

define rootfs-manifest-record
P ROOTFS
S rootfs $(foreach s,$(ROOTFS_CONFIG_SYMBOLS),$(s)=$(value $(s)))
F $(ROOTFS_INPUT_FILES)
D $(foreach p,$(PACKAGES_CLOSURE),$(call UPPERCASE,$(p)))
E
endef
