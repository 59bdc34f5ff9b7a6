################################################################################
# iso: images/rootfs.iso (SMARTOS_TARGET_ROOTFS_ISO), a hybrid ISO made by
# xorriso from a tree of its own:
#   /boot/<kernel image>          the kernel (from the target's /boot; its name
#                                 is the architecture's KERNEL_IMAGE)
#   /boot/initrd.gz               the initramfs: the target without /boot
#                                 (_INITRAMFS); or the whole target (_ISO9660)
#   /boot/grub/grub.cfg           SMARTOS_TARGET_ROOTFS_ISO_GRUB_CFG, filled in
#   /boot/grub/eltorito.img       BIOS: GRUB's El Torito image (cdboot + core)
#   /boot/grub/efi.img            UEFI: FAT image with \EFI\BOOT\<boot file>
# BIOS from a CD runs the El Torito image; BIOS from a stick the MBR code
# (GRUB's boot_hybrid.img, which xorriso points at the El Torito image);
# UEFI runs GRUB from efi.img, the El Torito UEFI entry on a CD and a GPT
# partition on a stick. Both GRUBs have every module they need built in and
# an embedded configuration that finds the ISO by its file system UUID,
# which for GRUB is the volume's modification time: set from
# SOURCE_DATE_EPOCH, so it is known in advance (and the image reproducible).
################################################################################

FS_TYPES += iso
FS_ISO_ENABLED = $(SMARTOS_TARGET_ROOTFS_ISO)
FS_ISO_CFG = $(call abs-path,$(call qstrip,$(SMARTOS_TARGET_ROOTFS_ISO_GRUB_CFG)))
FS_ISO_INPUT_FILES = $(if $(filter y,$(SMARTOS_TARGET_ROOTFS_ISO)),$(FS_ISO_CFG))
FS_ISO_DIR = $(FS_WORK_DIR)/iso
FS_ISO_TREE = $(FS_ISO_DIR)/tree

# xorriso's spelling of SOURCE_DATE_EPOCH, and GRUB's UUID of the ISO, the
# same time (YYYY-MM-DD-hh-mm-ss-cc): one date run while make reads this file,
# and only when the ISO is selected. Not deferred to the image step: a $(shell)
# expanded in its recipe runs through that recipe's SHELL (step-shell, which
# logs the output instead of returning it) and comes back empty.
ifeq ($(SMARTOS_TARGET_ROOTFS_ISO),y)
ifeq ($(call qstrip,$(SMARTOS_TARGET_ROOTFS_ISO_GRUB_CFG)),)
$(error SMARTOS_TARGET_ROOTFS_ISO_GRUB_CFG is empty: name the board's GRUB configuration for the ISO (e.g. board/<board>/grub-iso.cfg))
endif
FS_ISO_DATES := $(shell LC_ALL=C date -u -d @$(SOURCE_DATE_EPOCH) '+%Y%m%d%H%M%S00 %Y-%m-%d-%H-%M-%S-00' 2>/dev/null)
endif
FS_ISO_DATE = $(word 1,$(FS_ISO_DATES))
FS_ISO_UUID = $(word 2,$(FS_ISO_DATES))
FS_ISO_GRUB_MODULES = iso9660 search normal linux serial terminal test echo
FS_ISO_ROOT_ARGS = $(if $(filter y,$(SMARTOS_TARGET_ROOTFS_ISO_INITRAMFS)),rdinit=/sbin/init,root=$(call qstrip,$(SMARTOS_TARGET_ROOTFS_ISO_ROOT_DEVICE)) rootfstype=iso9660 ro rootwait)
FS_ISO_INITRD = $(if $(filter y,$(SMARTOS_TARGET_ROOTFS_ISO_INITRAMFS)),initrd /boot/initrd.gz)
FS_ISO_BIOS = $(filter y,$(SMARTOS_PACKAGE_GRUB2_BIOS))
FS_ISO_EFI = $(filter y,$(SMARTOS_PACKAGE_GRUB2_EFI))

define FS_ISO_CMDS
test -f $(FS_ISO_CFG) || { echo "ERROR: SMARTOS_TARGET_ROOTFS_ISO_GRUB_CFG: $(FS_ISO_CFG) is not a file" >&2; exit 1; }
test -f $(TARGET_DIR)/boot/$(KERNEL_IMAGE) || { echo "ERROR: SMARTOS_TARGET_ROOTFS_ISO: the target has no kernel /boot/$(KERNEL_IMAGE) (SMARTOS_PACKAGE_LINUX)" >&2; exit 1; }
rm -rf $(FS_ISO_DIR) && mkdir -p $(FS_ISO_TREE)/boot/grub
$(if $(filter y,$(SMARTOS_TARGET_ROOTFS_ISO_INITRAMFS)),
cp $(TARGET_DIR)/boot/$(KERNEL_IMAGE) $(FS_ISO_TREE)/boot/$(KERNEL_IMAGE)
(cd $(TARGET_DIR) && find . -mindepth 1 ! -path ./boot ! -path './boot/*' | LC_ALL=C sort | \
	cpio --quiet -o -H newc --reproducible) | gzip -9n > $(FS_ISO_TREE)/boot/initrd.gz,
cp -a $(TARGET_DIR)/. $(FS_ISO_TREE)/ && rm -rf $(FS_ISO_TREE)/boot/grub && mkdir -p $(FS_ISO_TREE)/boot/grub)
$(call grub2-cfg,$(FS_ISO_CFG),$(FS_ISO_DIR)/grub.cfg)
sed -e 's|@ROOT_ARGS@|$(FS_ISO_ROOT_ARGS)|g' -e 's|@INITRD@|$(FS_ISO_INITRD)|g' $(FS_ISO_DIR)/grub.cfg > $(FS_ISO_TREE)/boot/grub/grub.cfg
printf 'search --no-floppy --fs-uuid --set=root %s\nset prefix=($$root)/boot/grub\n' '$(FS_ISO_UUID)' > $(FS_ISO_DIR)/early.cfg
$(if $(FS_ISO_BIOS),$(HOST_DIR)/bin/grub-mkimage -d $(call grub2-modules-dir,$(GRUB2_BIOS_PLATFORM)) -O $(GRUB2_BIOS_PLATFORM)-eltorito \
	-c $(FS_ISO_DIR)/early.cfg -p /boot/grub -o $(FS_ISO_TREE)/boot/grub/eltorito.img biosdisk $(FS_ISO_GRUB_MODULES))
$(if $(FS_ISO_EFI),$(HOST_DIR)/bin/grub-mkimage -d $(call grub2-modules-dir,$(GRUB2_EFI_PLATFORM)) -O $(GRUB2_EFI_PLATFORM) \
	-c $(FS_ISO_DIR)/early.cfg -p /boot/grub -o $(FS_ISO_DIR)/$(GRUB2_EFI_BOOT_FILE) $(FS_ISO_GRUB_MODULES)
$(SCRIPTS)/mkesp $(FS_ISO_TREE)/boot/grub/efi.img $$(( $$(stat -c %s $(FS_ISO_DIR)/$(GRUB2_EFI_BOOT_FILE)) / 1024 + 128 )) \
	$(FS_ISO_DIR)/$(GRUB2_EFI_BOOT_FILE))
find $(FS_ISO_TREE) -exec touch -h -d @'$(SOURCE_DATE_EPOCH)' {} +
xorriso -as mkisofs -quiet -o $(FS_WORK_DIR)/rootfs.iso -R -V $(call shq,$(call qstrip,$(SMARTOS_TARGET_ROOTFS_ISO_VOLUME_ID))) \
	--modification-date=$(FS_ISO_DATE) \
	$(if $(FS_ISO_BIOS),-b boot/grub/eltorito.img -no-emul-boot -boot-load-size 4 -boot-info-table --grub2-boot-info \
		--grub2-mbr $(call grub2-modules-dir,$(GRUB2_BIOS_PLATFORM))/boot_hybrid.img) \
	$(if $(FS_ISO_EFI),--efi-boot boot/grub/efi.img -efi-boot-part --efi-boot-image) \
	--protective-msdos-label $(FS_ISO_TREE)
rm -rf $(FS_ISO_DIR)
$(call fs-made,rootfs.iso)
endef
