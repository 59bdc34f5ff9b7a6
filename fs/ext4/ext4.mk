################################################################################
# ext4: images/rootfs.ext4 (SMARTOS_TARGET_ROOTFS_EXT4), made by mke2fs -d
# without root privileges or a loop device.
#
# Reproducible (docs/reproducible.md): the UUID and directory hash seed are a
# hash of the label and SOURCE_DATE_EPOCH (support/scripts/stable-uuid),
# mke2fs and debugfs run with that time (E2FSPROGS_FAKE_TIME), and debugfs sets every inode's times to it
# (mke2fs -d copies the change time, which touch cannot set, and the access
# time, which its own reading may have changed).
################################################################################

FS_TYPES += ext4
FS_EXT4_ENABLED = $(SMARTOS_TARGET_ROOTFS_EXT4)
ROOTFS_EXT4_LABEL = $(call qstrip,$(SMARTOS_TARGET_ROOTFS_EXT4_LABEL))
ROOTFS_EXT4_MKFS_OPTIONS = $(call qstrip,$(SMARTOS_TARGET_ROOTFS_EXT4_MKFS_OPTIONS))
# A bad size would only fail here, after everything was built: checked first.
CONFIG_CHECKS += size:SMARTOS_TARGET_ROOTFS_EXT4_SIZE ext4-label:SMARTOS_TARGET_ROOTFS_EXT4_LABEL

define FS_EXT4_CMDS
truncate -s $(call qstrip,$(SMARTOS_TARGET_ROOTFS_EXT4_SIZE)) $(FS_WORK_DIR)/rootfs.ext4
uuid=$$($(SCRIPTS)/stable-uuid rootfs $(call shq,$(ROOTFS_EXT4_LABEL)) '$(SOURCE_DATE_EPOCH)')
if ! E2FSPROGS_FAKE_TIME='$(SOURCE_DATE_EPOCH)' mke2fs -q -F -t ext4 -d $(TARGET_DIR) -L $(call shq,$(ROOTFS_EXT4_LABEL)) \
	-U "$$uuid" -E hash_seed="$$uuid" $(ROOTFS_EXT4_MKFS_OPTIONS) $(FS_WORK_DIR)/rootfs.ext4 2> $(ROOTFS_DIR)/mke2fs.err; then \
	cat $(ROOTFS_DIR)/mke2fs.err >&2; \
	echo "ERROR: SMARTOS_TARGET_ROOTFS_EXT4_SIZE: the target ($$(du -s --apparent-size -k $(TARGET_DIR) | cut -f1) KiB in" \
		"$$(find $(TARGET_DIR) | wc -l) files) does not fit in an ext4 file system of" \
		"$(call qstrip,$(SMARTOS_TARGET_ROOTFS_EXT4_SIZE)) ($$(stat -c %s $(FS_WORK_DIR)/rootfs.ext4) bytes)$(if $(ROOTFS_EXT4_MKFS_OPTIONS), with mke2fs options $(ROOTFS_EXT4_MKFS_OPTIONS)): make it larger" >&2; \
	exit 1; \
fi
(cd $(TARGET_DIR) && find . | LC_ALL=C sort | sed -e 's|^\.||' -e 's|^$$|/|' | \
	while IFS= read -r p; do for f in atime ctime mtime; do \
		printf 'sif "%s" %s @%s\nsif "%s" %s_extra 0\n' "$$p" $$f '$(SOURCE_DATE_EPOCH)' "$$p" $$f; done; done) \
	> $(ROOTFS_DIR)/ext4-times.debugfs
E2FSPROGS_FAKE_TIME='$(SOURCE_DATE_EPOCH)' debugfs -w -f $(ROOTFS_DIR)/ext4-times.debugfs $(FS_WORK_DIR)/rootfs.ext4 >/dev/null
$(call fs-made,rootfs.ext4)
endef
