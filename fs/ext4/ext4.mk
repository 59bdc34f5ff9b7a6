################################################################################
# ext4: images/rootfs.ext4 (SMARTOS_TARGET_ROOTFS_EXT4), made by mke2fs -d
# without root privileges or a loop device.
#
# Reproducible (docs/reproducible.md): the UUID and directory hash seed are a
# hash of the label and SOURCE_DATE_EPOCH, mke2fs and debugfs run with that
# time (E2FSPROGS_FAKE_TIME), and debugfs sets every inode's times to it
# (mke2fs -d copies the change time, which touch cannot set, and the access
# time, which its own reading may have changed).
################################################################################

FS_TYPES += ext4
FS_EXT4_ENABLED = $(SMARTOS_TARGET_ROOTFS_EXT4)
ROOTFS_EXT4_LABEL = $(call qstrip,$(SMARTOS_TARGET_ROOTFS_EXT4_LABEL))
# A bad size would only fail here, after everything was built: checked first.
CONFIG_CHECKS += size:SMARTOS_TARGET_ROOTFS_EXT4_SIZE ext4-label:SMARTOS_TARGET_ROOTFS_EXT4_LABEL

define FS_EXT4_CMDS
truncate -s $(call qstrip,$(SMARTOS_TARGET_ROOTFS_EXT4_SIZE)) $(FS_WORK_DIR)/rootfs.ext4
uuid=$$(printf 'smart-os rootfs %s %s' $(call shq,$(ROOTFS_EXT4_LABEL)) '$(SOURCE_DATE_EPOCH)' | sha256sum | \
	sed -E 's/^(.{8})(.{4}).(.{3}).(.{3})(.{12}).*/\1-\2-4\3-8\4-\5/')
E2FSPROGS_FAKE_TIME='$(SOURCE_DATE_EPOCH)' mke2fs -q -F -t ext4 -d $(TARGET_DIR) -L $(call shq,$(ROOTFS_EXT4_LABEL)) \
	-U "$$uuid" -E hash_seed="$$uuid" $(FS_WORK_DIR)/rootfs.ext4
(cd $(TARGET_DIR) && find . | LC_ALL=C sort | sed -e 's|^\.||' -e 's|^$$|/|' | \
	while IFS= read -r p; do for f in atime ctime mtime; do \
		printf 'sif "%s" %s @%s\nsif "%s" %s_extra 0\n' "$$p" $$f '$(SOURCE_DATE_EPOCH)' "$$p" $$f; done; done) \
	> $(ROOTFS_DIR)/ext4-times.debugfs
E2FSPROGS_FAKE_TIME='$(SOURCE_DATE_EPOCH)' debugfs -w -f $(ROOTFS_DIR)/ext4-times.debugfs $(FS_WORK_DIR)/rootfs.ext4 >/dev/null
$(call fs-made,rootfs.ext4)
endef
