################################################################################
# disk: images/disk.img, a partitioned disk with GRUB and the ext4 root file
# system (SMARTOS_TARGET_ROOTFS_DISK), in one of the layouts of
# fs/disk/Kconfig:
#   bios    msdos table; boot.img in the MBR, core.img in sectors 1.. (the
#           gap before partition 1 at 1 MiB); root in partition 1
#   uefi    GPT; ESP (1, at 1 MiB) with \EFI\BOOT\<EFI boot file>; root (2)
#   hybrid  GPT; boot.img in the protective MBR, core.img in a BIOS boot
#           partition (1, at 64 KiB), ESP (2, at 1 MiB), root (3)
#   custom  the board's genimage configuration (_GENIMAGE_CFG, _IMAGES)
# The built-in layouts make their GRUB images here, with host-grub2's tools
# and modules: both GRUBs read /boot/grub/grub.cfg of the root partition,
# "(,<partition>)/boot/grub" on the disk they were loaded from, and nothing
# else (every module they need is built in). genimage assembles the disk from
# a configuration written here; the GPT and partition UUIDs are derived from
# SOURCE_DATE_EPOCH, so two builds make the same image.
################################################################################

FS_TYPES += disk
FS_DISK_ENABLED = $(SMARTOS_TARGET_ROOTFS_DISK)
FS_DISK_AFTER = ext4 tar cpio
FS_DISK_LAYOUT = $(strip \
	$(if $(filter y,$(SMARTOS_TARGET_ROOTFS_DISK_LAYOUT_BIOS)),bios) \
	$(if $(filter y,$(SMARTOS_TARGET_ROOTFS_DISK_LAYOUT_UEFI)),uefi) \
	$(if $(filter y,$(SMARTOS_TARGET_ROOTFS_DISK_LAYOUT_HYBRID)),hybrid) \
	$(if $(filter y,$(SMARTOS_TARGET_ROOTFS_DISK_LAYOUT_CUSTOM)),custom))
FS_DISK_CFG = $(call abs-path,$(call qstrip,$(SMARTOS_TARGET_ROOTFS_DISK_GENIMAGE_CFG)))
FS_DISK_IMAGES = $(if $(filter custom,$(FS_DISK_LAYOUT)),$(call qstrip,$(SMARTOS_TARGET_ROOTFS_DISK_IMAGES)),disk.img)
FS_DISK_INPUT_FILES = $(if $(filter custom,$(FS_DISK_LAYOUT)),$(FS_DISK_CFG))

ifeq ($(FS_DISK_LAYOUT),custom)
ifeq ($(call qstrip,$(SMARTOS_TARGET_ROOTFS_DISK_GENIMAGE_CFG)),)
$(error SMARTOS_TARGET_ROOTFS_DISK_GENIMAGE_CFG is empty: name the board's genimage configuration, or choose a built-in layout (SMARTOS_TARGET_ROOTFS_DISK_LAYOUT_BIOS, _UEFI, _HYBRID))
endif
ifeq ($(FS_DISK_IMAGES),)
$(error SMARTOS_TARGET_ROOTFS_DISK_IMAGES is empty: name the images the genimage configuration makes)
endif
endif

# What GRUB needs built in to boot the kernel from grub.cfg on an ext4
# partition (probe: the partition UUID for the kernel's root=).
FS_DISK_GRUB_MODULES = ext2 normal linux serial terminal probe test echo
FS_DISK_GRUB_BIOS_MODULES = biosdisk $(FS_DISK_GRUB_MODULES)
FS_DISK_ESP_KIB = $(SMARTOS_TARGET_ROOTFS_DISK_ESP_SIZE_KIB)
# Partition of the root file system, per layout.
FS_DISK_ROOT_PART_bios = msdos1
FS_DISK_ROOT_PART_uefi = gpt2
FS_DISK_ROOT_PART_hybrid = gpt3
FS_DISK_GEN = $(FS_WORK_DIR)/genimage

# fs-disk-uuid <name>: a shell word: a UUID made from NAME and SOURCE_DATE_EPOCH
# (support/scripts/stable-uuid, as the file systems' UUIDs).
fs-disk-uuid = "$$($(SCRIPTS)/stable-uuid disk $(1) '$(SOURCE_DATE_EPOCH)')"

# GRUB's BIOS images: boot.img cut to the 440 bytes of boot code before the
# disk signature and the partition table, core.img reading the root
# partition; on GPT core.img is not at sector 1, so both learn where it is.
define fs-disk-grub-bios
$(HOST_DIR)/bin/grub-mkimage -d $(call grub2-modules-dir,$(GRUB2_BIOS_PLATFORM)) -O $(GRUB2_BIOS_PLATFORM) \
	-p '(,$(FS_DISK_ROOT_PART_$(FS_DISK_LAYOUT)))/boot/grub' -o $(FS_DISK_GEN)/input/grub-core.img \
	$(FS_DISK_GRUB_BIOS_MODULES) $(if $(filter bios,$(FS_DISK_LAYOUT)),part_msdos,part_gpt)
cp $(call grub2-modules-dir,$(GRUB2_BIOS_PLATFORM))/boot.img $(FS_DISK_GEN)/input/grub-boot.img
$(if $(filter hybrid,$(FS_DISK_LAYOUT)),$(PYTHON3) $(SCRIPTS)/grub-bios-locate $(FS_DISK_GEN)/input/grub-boot.img $(FS_DISK_GEN)/input/grub-core.img 128)
truncate -s 440 $(FS_DISK_GEN)/input/grub-boot.img
endef

# GRUB's UEFI image on a FAT EFI system partition of SMARTOS_TARGET_ROOTFS_DISK_ESP_SIZE_KIB.
define fs-disk-esp
$(HOST_DIR)/bin/grub-mkimage -d $(call grub2-modules-dir,$(GRUB2_EFI_PLATFORM)) -O $(GRUB2_EFI_PLATFORM) \
	-p '(,$(FS_DISK_ROOT_PART_$(FS_DISK_LAYOUT)))/boot/grub' -o $(FS_DISK_GEN)/$(GRUB2_EFI_BOOT_FILE) \
	$(FS_DISK_GRUB_MODULES) part_gpt
$(SCRIPTS)/mkesp --option SMARTOS_TARGET_ROOTFS_DISK_ESP_SIZE_KIB $(FS_DISK_GEN)/input/esp.img $(FS_DISK_ESP_KIB) \
	$(FS_DISK_GEN)/$(GRUB2_EFI_BOOT_FILE)
endef

# The genimage configuration of a built-in layout.
define fs-disk-genimage-cfg
{ echo 'image disk.img {'
  echo '  hdimage {'
  $(if $(filter bios,$(FS_DISK_LAYOUT)),echo '    partition-table-type = "mbr"'
  echo '    disk-signature = 0x'"$$(printf 'smart-os disk mbr %s' '$(SOURCE_DATE_EPOCH)' | sha256sum | cut -c1-8)",
  echo '    partition-table-type = "gpt"'
  echo '    disk-uuid = "'$(call fs-disk-uuid,gpt)'"')
  echo '  }'
  $(if $(filter uefi,$(FS_DISK_LAYOUT)),,
  echo '  partition mbr-boot-code { in-partition-table = false image = "grub-boot.img" offset = 0 size = 440 }')
  $(if $(filter bios,$(FS_DISK_LAYOUT)),
  echo '  partition grub-core { in-partition-table = false image = "grub-core.img" offset = 512 }')
  $(if $(filter hybrid,$(FS_DISK_LAYOUT)),
  echo '  partition bios-boot { partition-type-uuid = "21686148-6449-6e6f-744e-656564454649" image = "grub-core.img"'
  echo '    offset = 64K size = 960K partition-uuid = "'$(call fs-disk-uuid,bios-boot)'" }')
  $(if $(filter bios,$(FS_DISK_LAYOUT)),,
  echo '  partition esp { partition-type-uuid = "c12a7328-f81f-11d2-ba4b-00a0c93ec93b" image = "esp.img"'
  echo '    offset = 1M partition-uuid = "'$(call fs-disk-uuid,esp)'" }')
  $(if $(filter bios,$(FS_DISK_LAYOUT)),
  echo '  partition rootfs { partition-type = 0x83 bootable = true offset = 1M image = "rootfs.ext4" }',
  echo '  partition rootfs { partition-type-uuid = "0fc63daf-8483-4772-8e79-3d69d8477de4" image = "rootfs.ext4"'
  echo '    partition-uuid = "'$(call fs-disk-uuid,rootfs)'" }')
  echo '}'
} > $(FS_DISK_GEN)/disk.cfg
endef

# genimage leaves partial output behind on error: it works in its own
# directories, and only the finished images are named as made.
define FS_DISK_CMDS
rm -rf $(FS_DISK_GEN) && mkdir -p $(FS_DISK_GEN)/input $(FS_DISK_GEN)/root
$(if $(filter custom,$(FS_DISK_LAYOUT)),
test -f $(FS_DISK_CFG) || { echo "ERROR: SMARTOS_TARGET_ROOTFS_DISK_GENIMAGE_CFG: $(FS_DISK_CFG) is not a file" >&2; exit 1; }
cp $(FS_DISK_CFG) $(FS_DISK_GEN)/disk.cfg
for f in $(BINARIES_DIR)/* $(FS_WORK_DIR)/*; do if [ -f "$$f" ]; then ln -sfn "$$f" $(FS_DISK_GEN)/input/; fi; done,
ln -sfn $(FS_WORK_DIR)/rootfs.ext4 $(FS_DISK_GEN)/input/rootfs.ext4
$(if $(filter uefi,$(FS_DISK_LAYOUT)),,$(fs-disk-grub-bios))
$(if $(filter bios,$(FS_DISK_LAYOUT)),,$(fs-disk-esp))
$(fs-disk-genimage-cfg))
genimage --config $(FS_DISK_GEN)/disk.cfg --rootpath $(FS_DISK_GEN)/root --tmppath $(FS_DISK_GEN)/tmp \
	--inputpath $(FS_DISK_GEN)/input --outputpath $(FS_DISK_GEN)/output
$(foreach f,$(FS_DISK_IMAGES),test -f $(FS_DISK_GEN)/output/$(f) || { echo "ERROR: $(if $(filter custom,$(FS_DISK_LAYOUT)),SMARTOS_TARGET_ROOTFS_DISK_IMAGES: $(FS_DISK_CFG),the $(FS_DISK_LAYOUT) disk layout) made no $(f)" >&2; exit 1; }
mv $(FS_DISK_GEN)/output/$(f) $(FS_WORK_DIR)/$(f)
$(call fs-made,$(f))
)
rm -rf $(FS_DISK_GEN)
endef
