# shellcheck shell=bash
# Framework tests: the root file system and images: image types, the ELF check, the makedevs table tool.
# Sourced by run-tests (helpers in lib.sh); each test_* runs in a process of its own.

test_rootfs_images() {
	new_tree images
	simple_pkg alpha 1.0
	mkdir -p "$SCRATCH/images/overlay/etc"
	echo "from the overlay" >"$SCRATCH/images/overlay/etc/motd"
	printf '%s\n' '/usr/share/alpha.txt f 4755 0 0 - - - - -' '/dev/ttyS0 c 620 0 5 4 64 - - -' >"$SCRATCH/images/perms"
	cat >>"$T/package/alpha/alpha.mk" <<-'MK'
		define ALPHA_USERS
		daemon1 -1 daemons -1 = /home/daemon1 /bin/sh audio Daemon one
		endef
	MK
	defconfig SMARTOS_PACKAGE_ALPHA=y SMARTOS_TARGET_ROOTFS_CPIO=y SMARTOS_TARGET_ROOTFS_EXT4=y \
		'SMARTOS_TARGET_GENERIC_ROOT_PASSWD="s3cret"' \
		"SMARTOS_ROOTFS_OVERLAY=\"$SCRATCH/images/overlay\"" \
		"SMARTOS_ROOTFS_DEVICE_TABLE=\"system/device_table.txt $SCRATCH/images/perms\"" \
		'SMARTOS_TARGET_GENERIC_HOSTNAME="tiny"'
	mk || { fail "make failed: $(tail -n 20 "$OUT")"; return; }
	local img=$T/output/images
	tar -tvf "$img/rootfs.tar" >"$SCRATCH/images/tar.txt"
	grep -q '^crw------- 0/0 *5,1 .* ./dev/console$' "$SCRATCH/images/tar.txt" || fail "no /dev/console 5,1 root-owned in rootfs.tar" || return
	grep -q '^crw--w---- 0/5 *4,64 .* ./dev/ttyS0$' "$SCRATCH/images/tar.txt" || fail "no /dev/ttyS0 from the extra table" || return
	grep -q '^-rwsr-xr-x 0/0 .* ./usr/share/alpha.txt$' "$SCRATCH/images/tar.txt" || fail "alpha.txt not 4755 root" || return
	[ "$(tar -xOf "$img/rootfs.tar" ./etc/hostname)" = tiny ] || fail "hostname in rootfs.tar is not 'tiny'" || return
	[ "$(tar -xOf "$img/rootfs.tar" ./etc/motd)" = "from the overlay" ] || fail "overlay file missing" || return
	# Users: FOO_USERS and the root password.
	tar -xOf "$img/rootfs.tar" ./etc/passwd | grep -q '^daemon1:x:1000:1000:Daemon one:/home/daemon1:/bin/sh$' ||
		fail "daemon1 not in /etc/passwd: $(tar -xOf "$img/rootfs.tar" ./etc/passwd)" || return
	tar -xOf "$img/rootfs.tar" ./etc/group | grep -q '^audio:x:[0-9]*:daemon1$' || fail "daemon1 not in group audio" || return
	grep -q '^drwx------ 1000/1000 .* ./home/daemon1/$' "$SCRATCH/images/tar.txt" || fail "home of daemon1 not owned by 1000:1000" || return
	local root_hash
	root_hash=$(tar -xOf "$img/rootfs.tar" ./etc/shadow | awk -F: '$1 == "root" { print $2 }')
	[ "$(openssl passwd -6 -salt "$(echo "$root_hash" | cut -d'$' -f3)" s3cret)" = "$root_hash" ] ||
		fail "root's shadow hash '$root_hash' does not match the configured password" || return
	(cd "$SCRATCH/images" && mkdir -p cpio && cd cpio && cpio -id --quiet <"$img/rootfs.cpio" 2>/dev/null)
	[ -f "$SCRATCH/images/cpio/usr/share/alpha.txt" ] || fail "alpha.txt not in rootfs.cpio" || return
	debugfs -R 'stat /dev/console' "$img/rootfs.ext4" 2>/dev/null | grep -q 'Type: character special' ||
		fail "/dev/console is not a character device in rootfs.ext4" || return
	debugfs -R 'cat /usr/share/alpha.txt' "$img/rootfs.ext4" 2>/dev/null | grep -q 'alpha 1.0' ||
		fail "alpha.txt not in rootfs.ext4"
}

test_elf_check() {
	new_tree elf
	kconfig_add 'config SMARTOS_PACKAGE_HELLO
	bool "hello"
config SMARTOS_PACKAGE_HELLO_LIBM
	bool "link with libm"'
	mkdir -p "$SRC/hello"
	cat >"$SRC/hello/hello.c" <<-'C'
		#include <stdio.h>
		int main(void) { puts("hello"); return 0; }
	C
	mkpkg hello <<-MK
		HELLO_VERSION = 1
		HELLO_SITE = $SRC/hello
		HELLO_SITE_METHOD = local
		define HELLO_BUILD_CMDS
			\$(TARGET_CC) \$(TARGET_CFLAGS) -o \$(@D)/hello \$(@D)/hello.c \$(if \$(SMARTOS_PACKAGE_HELLO_LIBM),-Wl\$(comma)--no-as-needed -lm)
		endef
		define HELLO_INSTALL_TARGET_CMDS
			install -D \$(@D)/hello \$(TARGET_DIR)/usr/bin/hello
		endef
		\$(eval \$(generic-package))
	MK
	# No C library in the target: the interpreter is missing.
	defconfig SMARTOS_PACKAGE_HELLO=y
	if mk; then fail "image step passed without an interpreter in the target"; return; fi
	expect_contains "$OUT" "/usr/bin/hello: program interpreter /lib64/ld-linux-x86-64.so.2 is missing" || return
	expect_contains "$OUT" "/usr/bin/hello: needs libc.so.6" || return
	# With the glibc runtime it passes...
	set_config SMARTOS_TEST_GLIBC y || return
	mk || { fail "make with glibc failed: $(tail -n 20 "$OUT")"; return; }
	# ...until the program needs a library the target lacks.
	set_config SMARTOS_PACKAGE_HELLO_LIBM y || return
	if mk; then fail "image step passed without libm in the target"; return; fi
	expect_contains "$OUT" "/usr/bin/hello: needs libm.so.6, which is not in the target"
}

test_makedevs_tool() {
	# support/makedevs built with the sanitizers and -Werror, run under fakeroot.
	local d=$SCRATCH/makedevs tool=$SCRATCH/makedevs/makedevs
	mkdir -p "$d/t/etc" "$d/t/usr/bin"
	gcc -std=c11 -O1 -g -Wall -Wextra -Werror -fsanitize=address,undefined -fno-sanitize-recover=all \
		-o "$tool" "$TOP/support/makedevs/makedevs.c" 2>"$d/cc.out" || { fail "compile failed: $(cat "$d/cc.out")"; return; }
	echo x >"$d/t/usr/bin/prog"
	ln -s prog "$d/t/usr/bin/link"
	printf 'root:x:0:0::/root:/bin/sh\nwww:x:33:33::/var/www:/bin/false\n' >"$d/t/etc/passwd"
	printf 'root:x:0:\ntty:x:5:\nwww:x:33:\n' >"$d/t/etc/group"
	cat >"$d/table" <<-'EOF'
		# name	type	mode	uid	gid	major	minor	start	inc	count
		/usr	r	755	0	0	-	-	-	-	-
		/usr/bin/prog	f	4755	www	0	-	-	-	-	-
		/var/www/data	d	750	www	www	-	-	-	-	-
		/dev/ttyS	c	620	0	tty	4	64	0	1	4
		/dev/sda	b	660	0	0	8	0	-	-	-
		/run/fifo	p	600	33	0	-	-	-	-	-
	EOF
	# stat inside the same fakeroot session sees what the images would record.
	# shellcheck disable=SC2016 # expanded by that inner shell
	ASAN_OPTIONS=verify_asan_link_order=0 fakeroot -- sh -c '
		"$1" "$2/t" "$2/table" || exit 1
		cd "$2/t" && stat -c "%n %F %a %u:%g %t:%T" usr/bin/prog var/www/data dev/ttyS0 dev/ttyS3 dev/sda run/fifo
	' sh "$tool" "$d" >"$d/stat.out" 2>&1 || { fail "makedevs failed: $(cat "$d/stat.out")"; return; }
	local want
	want=$(printf '%s\n' 'usr/bin/prog regular file 4755 33:0 0:0' 'var/www/data directory 750 33:33 0:0' \
		'dev/ttyS0 character special file 620 0:5 4:40' 'dev/ttyS3 character special file 620 0:5 4:43' \
		'dev/sda block special file 660 0:0 8:0' 'run/fifo fifo 600 33:0 0:0')
	[ "$(cat "$d/stat.out")" = "$want" ] || fail "expected:$(printf '\n%s' "$want")$(printf '\n')got:$(printf '\n'; cat "$d/stat.out")" || return
	[ ! -e "$d/t/dev/ttyS4" ] || fail "count 4 made a fifth device" || return
	# Errors name the table and line.
	local bad
	for bad in '/usr/bin/prog f 755 0 0 - - -|table:1: expected 10 fields' \
		'/usr/bin/none f 755 0 0 - - - - -|table:1: /usr/bin/none is not a file in the target' \
		'/usr/bin/link f 755 0 0 - - - - -|table:1: /usr/bin/link is a symlink' \
		'/usr/bin/prog f 755 nobody 0 - - - - -|table:1: no user '"'nobody'"' in' \
		'/usr/bin/prog f 9z9 0 0 - - - - -|table:1: mode '"'9z9'"' is not an octal mode' \
		'/x/../../etc d 755 0 0 - - - - -|table:1: name '"'/x/../../etc'"' must not contain' \
		'/dev/x q 600 0 0 - - - - -|table:1: type '"'q'"' is not one of f d r c b p'; do
		printf '%s\n' "${bad%%|*}" >"$d/table"
		if ASAN_OPTIONS=verify_asan_link_order=0 fakeroot -- "$tool" "$d/t" "$d/table" >"$d/err.out" 2>&1; then
			fail "makedevs accepted: ${bad%%|*}"
			return
		fi
		expect_contains "$d/err.out" "makedevs: $d/${bad#*|}" || return
	done
}



# only_config LINES...: the test defconfig with exactly these lines (no
# image type added), loaded.
only_config() {
	printf '%s\n' "$@" >"$T/configs/test_defconfig"
	mk test_defconfig >/dev/null || fail "make test_defconfig failed: $(tail -n 5 "$OUT")"
}

# images_made: the files in images/, sorted, on one line.
images_made() {
	(cd "$T/output/images" && find . -maxdepth 1 -type f -printf '%f\n' | LC_ALL=C sort | tr '\n' ' ')
}

# Every image type works when it alone is selected, and makes exactly its
# images (the docker archive and the disk image need no board script).
test_image_types_on_their_own() {
	new_tree fstypes
	simple_pkg alpha 1.0
	# A package that installs an image (as a bootloader would) for the disk.
	mkpkg blob <<-'MK'
		BLOB_VERSION = 1
		BLOB_INSTALL_TARGET = NO
		BLOB_INSTALL_IMAGES = YES
		define BLOB_INSTALL_IMAGES_CMDS
			head -c 4096 /dev/zero | tr '\0' 'B' > $(BINARIES_DIR)/blob.img
		endef
		$(eval $(generic-package))
	MK
	kconfig_add 'config SMARTOS_PACKAGE_BLOB
	bool "blob"'
	cat >"$SCRATCH/fstypes/genimage.cfg" <<-'CFG'
		image disk.img {
			hdimage {
				partition-table-type = "mbr"
			}
			partition blob {
				partition-type = 0x83
				offset = 1M
				image = "blob.img"
			}
		}
	CFG
	local base=(SMARTOS_PACKAGE_ALPHA=y SMARTOS_PACKAGE_BLOB=y) t got want
	for t in tar cpio ext4 disk docker data-disks; do
		case $t in
		tar) only_config "${base[@]}" SMARTOS_TARGET_ROOTFS_TAR=y; want='blob.img rootfs.tar ' ;;
		cpio) only_config "${base[@]}" SMARTOS_TARGET_ROOTFS_CPIO=y SMARTOS_TARGET_ROOTFS_CPIO_GZIP=y
			want='blob.img rootfs.cpio.gz ' ;;
		ext4) only_config "${base[@]}" SMARTOS_TARGET_ROOTFS_EXT4=y 'SMARTOS_TARGET_ROOTFS_EXT4_SIZE="4M"'
			want='blob.img rootfs.ext4 ' ;;
		disk) only_config "${base[@]}" SMARTOS_TARGET_ROOTFS_DISK=y SMARTOS_TARGET_ROOTFS_DISK_LAYOUT_CUSTOM=y \
			"SMARTOS_TARGET_ROOTFS_DISK_GENIMAGE_CFG=\"$SCRATCH/fstypes/genimage.cfg\""
			want='blob.img disk.img ' ;;
		docker) only_config "${base[@]}" SMARTOS_TARGET_ROOTFS_DOCKER=y
			want='blob.img rootfs.tar smartos-docker.tar ' ;;
		data-disks) only_config "${base[@]}" 'SMARTOS_TARGET_ROOTFS_DATA_DISKS="data:2M:ext4:/data"'
			want='blob.img data-data.ext4 data-disks.txt ' ;;
		esac
		mk || { fail "$t: make failed: $(tail -n 20 "$OUT")"; return; }
		expect_contains "$OUT" ">>> Checking the target and generating root filesystem images" || return
		got=$(images_made)
		[ "$got" = "$want" ] || { fail "$t alone made '$got', expected '$want'"; return; }
	done
	# The last ones' contents: the disk holds blob.img at 1 MiB, the docker
	# archive names its layer and the configured tag.
	only_config "${base[@]}" SMARTOS_TARGET_ROOTFS_DISK=y SMARTOS_TARGET_ROOTFS_DISK_LAYOUT_CUSTOM=y \
		"SMARTOS_TARGET_ROOTFS_DISK_GENIMAGE_CFG=\"$SCRATCH/fstypes/genimage.cfg\""
	mk || { fail "disk: make failed: $(tail -n 20 "$OUT")"; return; }
	[ "$(dd if="$T/output/images/disk.img" bs=1M skip=1 count=1 status=none | head -c 4 )" = BBBB ] ||
		fail "disk.img has no blob.img at 1 MiB" || return
	only_config "${base[@]}" SMARTOS_TARGET_ROOTFS_DOCKER=y 'SMARTOS_TARGET_ROOTFS_DOCKER_TAG="tiny:1"'
	mk || { fail "docker: make failed: $(tail -n 20 "$OUT")"; return; }
	tar -xOf "$T/output/images/smartos-docker.tar" manifest.json >"$SCRATCH/fstypes/manifest.json" ||
		fail "no manifest.json in smartos-docker.tar" || return
	expect_contains "$SCRATCH/fstypes/manifest.json" '"tiny:1"'
}

# A failing image step leaves no partial image in images/ (the types write to
# a scratch directory, renamed into place only when every one succeeded),
# and an empty genimage configuration option stops the build naming it.
test_failed_image_step_leaves_no_partial_image() {
	new_tree fsfail
	simple_pkg alpha 1.0
	head -c 3000000 /dev/urandom >"$SRC/big"
	cat >>"$T/package/alpha/alpha.mk" <<-MK
		define ALPHA_BIG
			install -D -m 644 $SRC/big \$(TARGET_DIR)/usr/share/big
		endef
		ALPHA_POST_INSTALL_TARGET_HOOKS += ALPHA_BIG
	MK
	only_config SMARTOS_PACKAGE_ALPHA=y SMARTOS_TARGET_ROOTFS_TAR=y SMARTOS_TARGET_ROOTFS_EXT4=y \
		'SMARTOS_TARGET_ROOTFS_EXT4_SIZE="1M"'
	if mk; then fail "an ext4 image too small for the target did not fail the build"; return; fi
	expect_no_file "$T/output/images/rootfs.ext4" || return
	expect_no_file "$T/output/images/rootfs.tar" || return
	# The message names the option and both sizes (the target holds the
	# 3000000-byte file: at least 2929 KiB).
	grep -Eq 'ERROR: SMARTOS_TARGET_ROOTFS_EXT4_SIZE: the target \((29[3-9][0-9]|3[0-9]{3}) KiB in [0-9]+ files\) does not fit in an ext4 file system of 1M \(1048576 bytes\)' "$OUT" ||
		fail "no error naming SMARTOS_TARGET_ROOTFS_EXT4_SIZE and the sizes: $(grep ERROR "$OUT")" || return
	only_config SMARTOS_PACKAGE_ALPHA=y SMARTOS_TARGET_ROOTFS_DISK=y SMARTOS_TARGET_ROOTFS_DISK_LAYOUT_CUSTOM=y
	if mk; then fail "an empty SMARTOS_TARGET_ROOTFS_DISK_GENIMAGE_CFG did not fail"; return; fi
	expect_contains "$OUT" "SMARTOS_TARGET_ROOTFS_DISK_GENIMAGE_CFG is empty"
}
# An image changed (or removed) after the image step is noticed by the next
# make, which makes the images again: the same bytes as before.
test_changed_image_is_made_again() {
	new_tree changed
	simple_pkg alpha 1.0
	defconfig SMARTOS_PACKAGE_ALPHA=y SMARTOS_TARGET_ROOTFS_EXT4=y
	mk || { fail "make failed: $(tail -n 20 "$OUT")"; return; }
	local img=$T/output/images tar_sum ext4_sum
	expect_contains "$T/output/build/rootfs/images.sha256" "./rootfs.ext4" || return
	tar_sum=$(sha256sum <"$img/rootfs.tar")
	ext4_sum=$(sha256sum <"$img/rootfs.ext4")
	mk || { fail "second make failed: $(tail -n 20 "$OUT")"; return; }
	expect_not_contains "$OUT" "generating root filesystem images" || return
	# A boot that wrote to the image: a few bytes in the middle.
	printf 'written by a guest' | dd of="$img/rootfs.ext4" bs=1 seek=70000 conv=notrunc status=none
	[ "$(sha256sum <"$img/rootfs.ext4")" != "$ext4_sum" ] || fail "the test did not change rootfs.ext4" || return
	mk || { fail "make after the change failed: $(tail -n 20 "$OUT")"; return; }
	expect_contains "$OUT" "images/rootfs.ext4 changed since the image step made it" || return
	expect_contains "$OUT" "generating root filesystem images" || return
	[ "$(sha256sum <"$img/rootfs.ext4")" = "$ext4_sum" ] ||
		fail "rootfs.ext4 made again differs from the first build's" || return
	# A removed image.
	rm "$img/rootfs.tar"
	mk || { fail "make after removing rootfs.tar failed: $(tail -n 20 "$OUT")"; return; }
	expect_contains "$OUT" "images/rootfs.tar is missing since the image step made it" || return
	[ "$(sha256sum <"$img/rootfs.tar")" = "$tar_sum" ] || fail "rootfs.tar made again differs" || return
	mk || { fail "make after the rebuild failed: $(tail -n 20 "$OUT")"; return; }
	expect_not_contains "$OUT" "generating root filesystem images"
}
TESTS+=(rootfs_images image_types_on_their_own failed_image_step_leaves_no_partial_image elf_check makedevs_tool)
# The clear-text root password is in no file under the output directory that
# others can read (.config and the kconfig files are 0600, the one copy the
# image step reads is 0600 in a 0700 directory, pkg-inputs.txt and
# fakeroot.sh name that file); a new password still makes a new image.
test_root_password_only_in_owner_files() {
	new_tree secret
	simple_pkg alpha 1.0
	# shellcheck disable=SC2016 # a "$" in the password, on purpose
	local pw='Clear-pw-4-$test' readable
	defconfig SMARTOS_PACKAGE_ALPHA=y "SMARTOS_TARGET_GENERIC_ROOT_PASSWD=\"$pw\""
	# No program of the build gets it on its command line (which ps shows to
	# every user): every execve of the build is traced.
	OUT=$SCRATCH/last-make.out
	strace -f -qq -e trace=execve -s 100000 -o "$SCRATCH/secret.trace" \
		make -C "$T" --no-print-directory >"$OUT" 2>&1 || { fail "make failed: $(tail -n 20 "$OUT")"; return; }
	expect_contains "$SCRATCH/secret.trace" "check-config" || return
	expect_contains "$SCRATCH/secret.trace" "mkusers" || return
	expect_not_contains "$SCRATCH/secret.trace" "$pw" || return
	local out=$T/output
	readable=$(find "$out" -type f -perm /044 -print0 | xargs -0 -r grep -lF -- "$pw" || true)
	[ -z "$readable" ] || fail "files others can read hold the root password: $readable" || return
	grep -qF -- "$pw" "$out/.config" || fail ".config does not hold the password" || return
	[ "$(stat -c %a "$out/.config")" = 600 ] || fail ".config is mode $(stat -c %a "$out/.config")" || return
	[ "$(stat -c %a "$out/build/kconfig/config/auto.conf")" = 600 ] || fail "auto.conf is not 0600" || return
	[ "$(stat -c %a "$out/build/secrets")" = 700 ] || fail "build/secrets is not 0700" || return
	[ "$(stat -c %a "$out/build/secrets/root-password")" = 600 ] || fail "root-password is not 0600" || return
	[ "$(cat "$out/build/secrets/root-password")" = "$pw" ] || fail "build/secrets/root-password: $(cat "$out/build/secrets/root-password")" || return
	expect_contains "$out/build/pkg-inputs.txt" "SMARTOS_TARGET_GENERIC_ROOT_PASSWD=@SECRETS@/root-password" || return
	expect_not_contains "$out/build/rootfs/fakeroot.sh" "$pw" || return
	local root_hash
	root_hash=$(tar -xOf "$out/images/rootfs.tar" ./etc/shadow | awk -F: '$1 == "root" { print $2 }')
	[ "$(openssl passwd -6 -salt "$(echo "$root_hash" | cut -d'$' -f3)" "$pw")" = "$root_hash" ] ||
		fail "root's shadow hash '$root_hash' is not the configured password's" || return
	# Another password: a new image step, the new hash in the image.
	set_config SMARTOS_TARGET_GENERIC_ROOT_PASSWD '"Other-pw"' || return
	mk || { fail "make with another password failed: $(tail -n 20 "$OUT")"; return; }
	expect_contains "$OUT" "generating root filesystem images" || return
	root_hash=$(tar -xOf "$out/images/rootfs.tar" ./etc/shadow | awk -F: '$1 == "root" { print $2 }')
	[ "$(openssl passwd -6 -salt "$(echo "$root_hash" | cut -d'$' -f3)" Other-pw)" = "$root_hash" ] ||
		fail "after the change, root's hash '$root_hash' is not Other-pw's" || return
	# No password: no copy of the old one stays.
	set_config SMARTOS_TARGET_GENERIC_ROOT_PASSWD '""' || return
	mk || { fail "make without a password failed: $(tail -n 20 "$OUT")"; return; }
	expect_no_file "$out/build/secrets/root-password"
}
# SMARTOS_RUN_HOSTFWD: the image step writes images/hostfwd.txt, a bad entry
# stops it naming the option and the entry; the run scripts' shared part
# forwards each line from 127.0.0.1 on restricted user networking, and
# --no-hostfwd boots without them.
test_run_hostfwd() {
	new_tree hostfwd
	simple_pkg alpha 1.0
	defconfig SMARTOS_PACKAGE_ALPHA=y 'SMARTOS_RUN_HOSTFWD="tcp:1935:1935 8080:80 udp:5353:53"'
	mk || { fail "make failed: $(tail -n 20 "$OUT")"; return; }
	local fwd=$T/output/images/hostfwd.txt
	[ "$(cat "$fwd")" = "$(printf 'tcp 1935 1935\ntcp 8080 80\nudp 5353 53')" ] ||
		fail "hostfwd.txt: expected the three entries, got: $(cat "$fwd")" || return
	# What qemu gets (qemu-common.sh as the run scripts source it), with the
	# run script's options given to qemu_args.
	local args=$SCRATCH/hostfwd/args
	qemu_args() {
		IMAGES=$T/output/images bash -c 'set -eu; source "$1/board/common/qemu-common.sh"; shift; usage() { :; }
			qemu_parse_args "$@"; SMARTOS_QEMU_ACCEL=tcg qemu_setup "$IMAGES"; printf "%s\n" "${QEMU_ARGS[@]}"' \
			run "$TOP" "$@"
	}
	qemu_args >"$args" 2>"$args.err" || { fail "qemu_setup failed: $(cat "$args.err")"; return; }
	expect_contains "$args" "user,id=net0,restrict=on,hostfwd=tcp:127.0.0.1:1935-:1935,hostfwd=tcp:127.0.0.1:8080-:80,hostfwd=udp:127.0.0.1:5353-:53" || return
	expect_contains "$args.err" "forwarding tcp 127.0.0.1:8080 to the guest's port 80" || return
	qemu_args --no-hostfwd >"$args" 2>&1 || { fail "qemu_setup --no-hostfwd failed: $(cat "$args")"; return; }
	expect_contains "$args" "user,id=net0,restrict=on" || return
	expect_not_contains "$args" "hostfwd=" || return
	# Bad entries, each named with the option.
	local bad
	for bad in "tcp:0:22|'0' is not a port (1-65535)" "sctp:22:22|protocol 'sctp' is neither tcp nor udp" \
		"22|is not [tcp:|udp:]HOSTPORT:GUESTPORT" "tcp:2222:22 2222:23|host port tcp 2222 is forwarded twice"; do
		set_config SMARTOS_RUN_HOSTFWD "\"${bad%%|*}\"" || return
		if mk; then fail "make accepted SMARTOS_RUN_HOSTFWD=\"${bad%%|*}\""; return; fi
		expect_contains "$OUT" "ERROR: SMARTOS_RUN_HOSTFWD: '" || return
		expect_contains "$OUT" "${bad#*|}" || return
	done
	# None: no hostfwd.txt.
	set_config SMARTOS_RUN_HOSTFWD '""' || return
	mk || { fail "make without forwards failed: $(tail -n 20 "$OUT")"; return; }
	expect_no_file "$fwd"
}

TESTS+=(changed_image_is_made_again root_password_only_in_owner_files run_hostfwd)
