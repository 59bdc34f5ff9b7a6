# shellcheck shell=bash
# Framework tests: boot media helpers: the EFI system partition (mkesp) and
# GRUB's BIOS images on a GPT disk (grub-bios-locate), the minimal system's
# library pruning (prune-libs).
# Sourced by run-tests (helpers in lib.sh); each test_* runs in a process of its own.

# An ESP too small for what it must hold stops with the option's name and
# both sizes; one large enough holds the file, byte for byte, in \EFI\BOOT.
test_esp_size() {
	local d=$SCRATCH/esp
	mkdir -p "$d"
	head -c 300000 /dev/urandom >"$d/BOOTX64.EFI"
	if SOURCE_DATE_EPOCH=1704067200 "$TOP/support/scripts/mkesp" --option SMARTOS_TARGET_ROOTFS_DISK_ESP_SIZE_KIB \
		"$d/small.img" 128 "$d/BOOTX64.EFI" 2>"$d/err"; then
		fail "a 128 KiB ESP for a 300000-byte file did not fail"
		return
	fi
	grep -Eq '^ERROR: SMARTOS_TARGET_ROOTFS_DISK_ESP_SIZE_KIB: an EFI system partition of 128 KiB has [0-9]+ bytes free; BOOTX64.EFI needs 300000 bytes \(293 KiB\): make it larger$' "$d/err" ||
		fail "unexpected error: $(cat "$d/err")" || return
	expect_no_file "$d/small.img" || return
	expect_no_file "$d/small.img.tmp" || return
	SOURCE_DATE_EPOCH=1704067200 "$TOP/support/scripts/mkesp" --option X "$d/esp.img" 512 "$d/BOOTX64.EFI" ||
		fail "mkesp of a 512 KiB ESP failed" || return
	[ "$(stat -c %s "$d/esp.img")" = $((512 * 1024)) ] || fail "esp.img is $(stat -c %s "$d/esp.img") bytes, not 512 KiB" || return
	mcopy -i "$d/esp.img" ::/EFI/BOOT/BOOTX64.EFI "$d/back.efi"
	cmp -s "$d/BOOTX64.EFI" "$d/back.efi" || fail "\\EFI\\BOOT\\BOOTX64.EFI differs from the input"
	# Reproducible: the same input makes the same image.
	SOURCE_DATE_EPOCH=1704067200 "$TOP/support/scripts/mkesp" "$d/esp2.img" 512 "$d/BOOTX64.EFI"
	cmp -s "$d/esp.img" "$d/esp2.img" || fail "two ESP images of the same file differ"
}

# boot.img learns the sector of core.img (64-bit at 0x5c), core.img the
# sector of its second sector (64-bit at 0x1f4); nothing else changes.
test_grub_bios_locate() {
	local d=$SCRATCH/locate
	mkdir -p "$d"
	head -c 512 /dev/urandom >"$d/boot.img"
	head -c 4096 /dev/urandom >"$d/core.img"
	cp "$d/boot.img" "$d/boot.orig" && cp "$d/core.img" "$d/core.orig"
	/usr/bin/python3 "$TOP/support/scripts/grub-bios-locate" "$d/boot.img" "$d/core.img" 128 ||
		fail "grub-bios-locate failed" || return
	[ "$(od -An -t u8 -j $((0x5c)) -N 8 "$d/boot.img" | tr -d ' ')" = 128 ] || fail "boot.img: sector at 0x5c is not 128" || return
	[ "$(od -An -t u8 -j $((0x1f4)) -N 8 "$d/core.img" | tr -d ' ')" = 129 ] || fail "core.img: block list start is not 129" || return
	[ "$(cmp -l "$d/boot.orig" "$d/boot.img" | awk '$1 < 93 || $1 > 100' | wc -l)" = 0 ] ||
		fail "boot.img changed outside bytes 0x5c..0x63" || return
	[ "$(cmp -l "$d/core.orig" "$d/core.img" | awk '$1 < 501 || $1 > 508' | wc -l)" = 0 ] ||
		fail "core.img changed outside bytes 0x1f4..0x1fb" || return
	head -c 100 /dev/zero >"$d/short.img"
	if /usr/bin/python3 "$TOP/support/scripts/grub-bios-locate" "$d/short.img" "$d/core.img" 128 2>"$d/err"; then
		fail "a 100-byte boot.img was accepted"
		return
	fi
	expect_contains "$d/err" "short.img is 100 bytes, not a GRUB image"
}
# prune-libs keeps what programs link (and --keep), removes the rest and
# the links to it.
test_prune_libs() {
	local d=$SCRATCH/prune l
	mkdir -p "$d/bin" "$d/lib" "$d/lib64"
	cp /bin/true "$d/bin/"
	for l in libc.so.6 libm.so.6 libresolv.so.2 libgcc_s.so.1 ld-linux-x86-64.so.2; do
		cp -L "$(gcc -print-file-name="$l")" "$d/lib/$l"
	done
	ln -s ../lib/ld-linux-x86-64.so.2 "$d/lib64/ld-linux-x86-64.so.2"
	ln -s libm.so.6 "$d/lib/libm.so"
	"$TOP/support/scripts/prune-libs" --keep libgcc_s.so.1 "$d" >"$d/out" || fail "prune-libs failed: $(cat "$d/out")" || return
	[ "$(cd "$d/lib" && find . -mindepth 1 -printf '%f\n' | LC_ALL=C sort | tr '\n' ' ')" = "ld-linux-x86-64.so.2 libc.so.6 libgcc_s.so.1 " ] ||
		fail "left in lib/: $(ls "$d/lib")" || return
	[ -e "$d/lib64/ld-linux-x86-64.so.2" ] || fail "the interpreter's link went" || return
	expect_contains "$d/out" "prune-libs: removed lib/libm.so.6" || return
	expect_contains "$d/out" "prune-libs: 2 libraries no program needs"
}
TESTS+=(esp_size grub_bios_locate prune_libs)
