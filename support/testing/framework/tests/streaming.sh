# shellcheck shell=bash
# Framework tests: the streaming packages (smart_rtmpd, nginx): bad input
# stops the build with a message naming the option or the file.
# Sourced by run-tests (helpers in lib.sh); each test_* runs in a process of
# its own, in a scratch tree that links the real package folders it needs.

# streaming_link_packages NAME...: the real package/NAME folders in the
# scratch tree, their Kconfig files sourced, and the symbols they depend on
# that the scratch tree has no package for.
streaming_link_packages() {
	local p list=''
	for p in "$@"; do
		ln -s "$TOP/package/$p" "$T/package/$p"
		list+="source \"package/$p/Kconfig\""$'\n'
	done
	kconfig_add "config SMARTOS_PACKAGE_BUSYBOX
	bool
	default y
$list"
}

# streaming_archive DIR NAME: DIR/NAME.tar.gz holding NAME/smart_rtmpd (a
# shell script standing in for the program) and NAME/config.xml.
streaming_archive() {
	mkdir -p "$1/$2"
	printf '#!/bin/sh\necho stand-in\n' >"$1/$2/smart_rtmpd"
	chmod 755 "$1/$2/smart_rtmpd"
	echo '<config><rtmp_port>1935</rtmp_port></config>' >"$1/$2/config.xml"
	tar -C "$1" --sort=name --mtime=@0 -czf "$1/$2.tar.gz" "$2"
}

# smart_rtmpd takes the user's archive and its sha256; each missing or wrong
# one stops the build at its first step, naming the option. A right one
# installs the archive's directory, its config.xml and the start script.
test_smart_rtmpd_archive_errors() {
	new_tree rtmpd
	streaming_link_packages smart_rtmpd
	streaming_archive "$SRC" vendor
	local sha wrong log=$T/output/build/smart_rtmpd/smartos-build.log
	sha=$(sha256sum "$SRC/vendor.tar.gz" | cut -d' ' -f1)
	wrong=$(printf '%s' wrong | sha256sum | cut -d' ' -f1)
	# No archive at all.
	defconfig SMARTOS_PACKAGE_SMART_RTMPD=y
	if mk; then fail "make succeeded without SMARTOS_PACKAGE_SMART_RTMPD_ARCHIVE"; return; fi
	expect_contains "$OUT" "ERROR: smart_rtmpd: SMARTOS_PACKAGE_SMART_RTMPD_ARCHIVE is empty" || return
	expect_contains "$OUT" "package smart_rtmpd: step extract failed" || return
	# An archive but no sha256.
	set_config SMARTOS_PACKAGE_SMART_RTMPD_ARCHIVE "\"$SRC/vendor.tar.gz\"" || return
	if mk; then fail "make succeeded without SMARTOS_PACKAGE_SMART_RTMPD_SHA256"; return; fi
	expect_contains "$OUT" "ERROR: smart_rtmpd: SMARTOS_PACKAGE_SMART_RTMPD_SHA256 is empty: set it to the sha256 of $SRC/vendor.tar.gz" || return
	# Not a sha256.
	set_config SMARTOS_PACKAGE_SMART_RTMPD_SHA256 '"1234"' || return
	if mk; then fail "make succeeded with a malformed sha256"; return; fi
	expect_contains "$OUT" "SMARTOS_PACKAGE_SMART_RTMPD_SHA256 '1234' is not a sha256" || return
	# A missing archive.
	set_config SMARTOS_PACKAGE_SMART_RTMPD_SHA256 "\"$sha\"" || return
	set_config SMARTOS_PACKAGE_SMART_RTMPD_ARCHIVE "\"$SRC/missing.tar.gz\"" || return
	if mk; then fail "make succeeded with a missing archive"; return; fi
	expect_contains "$OUT" "ERROR: smart_rtmpd: SMARTOS_PACKAGE_SMART_RTMPD_ARCHIVE: $SRC/missing.tar.gz does not exist" || return
	# The wrong sha256: the mismatch, both sums, the option; nothing kept.
	set_config SMARTOS_PACKAGE_SMART_RTMPD_ARCHIVE "\"$SRC/vendor.tar.gz\"" || return
	set_config SMARTOS_PACKAGE_SMART_RTMPD_SHA256 "\"$wrong\"" || return
	if mk; then fail "make succeeded with a wrong sha256"; return; fi
	expect_contains "$log" "sha256 mismatch for vendor.tar.gz" || return
	expect_contains "$log" "expected: $wrong" || return
	expect_contains "$log" "actual:   $sha" || return
	expect_contains "$OUT" "could not fetch SMARTOS_PACKAGE_SMART_RTMPD_ARCHIVE ($SRC/vendor.tar.gz) with the sha256 SMARTOS_PACKAGE_SMART_RTMPD_SHA256 names" || return
	expect_no_file "$DL/smart_rtmpd/vendor.tar.gz" || return
	expect_no_file "$T/output/build/smart_rtmpd/.stamp_extracted."* || return
	# The right one: installed, started at boot, options in /etc/default.
	set_config SMARTOS_PACKAGE_SMART_RTMPD_SHA256 "\"$sha\"" || return
	set_config SMARTOS_PACKAGE_SMART_RTMPD_ARGS '"-x 1"' || return
	mk || { fail "make with the right archive failed: $(tail -n 20 "$OUT")"; return; }
	expect_file "$T/output/target/opt/smart_rtmpd/smart_rtmpd" || return
	expect_contains "$T/output/target/opt/smart_rtmpd/config.xml" "<rtmp_port>1935</rtmp_port>" || return
	expect_file "$T/output/target/etc/init.d/S61smart_rtmpd" || return
	expect_contains "$T/output/target/etc/default/smart_rtmpd" 'SMART_RTMPD_ARGS="-x 1"' || return
	# (the listing in a file: grep -q ending early would fail tar's pipe)
	tar -tf "$T/output/images/rootfs.tar" >"$SCRATCH/rtmpd-rootfs.list"
	grep -qx './opt/smart_rtmpd/smart_rtmpd' "$SCRATCH/rtmpd-rootfs.list" ||
		fail "opt/smart_rtmpd/smart_rtmpd is not in rootfs.tar" || return
	# A config.xml of the user's replaces the archive's.
	echo '<config><rtmp_port>1936</rtmp_port></config>' >"$SRC/mine.xml"
	set_config SMARTOS_PACKAGE_SMART_RTMPD_CONFIG_FILE "\"$SRC/mine.xml\"" || return
	mk || { fail "make with a config file failed: $(tail -n 20 "$OUT")"; return; }
	expect_contains "$T/output/target/opt/smart_rtmpd/config.xml" "<rtmp_port>1936</rtmp_port>" || return
	# An archive without the program (e.g. the vendor's zip of archives).
	mkdir -p "$SRC/other"
	echo x >"$SRC/other/readme.txt"
	(cd "$SRC" && python3 -m zipfile -c rtmpd.zip other)
	set_config SMARTOS_PACKAGE_SMART_RTMPD_ARCHIVE "\"$SRC/rtmpd.zip\"" || return
	set_config SMARTOS_PACKAGE_SMART_RTMPD_SHA256 "\"$(sha256sum "$SRC/rtmpd.zip" | cut -d' ' -f1)\"" || return
	if mk; then fail "make succeeded with an archive without smart_rtmpd"; return; fi
	expect_contains "$OUT" "rtmpd.zip must hold exactly one file named smart_rtmpd; found: none" || return
	expect_contains "$OUT" "./other/readme.txt"
}

# The image step's ELF check proves that the program's libraries are in the
# image: a C++ program (it needs libstdc++) in the archive, a target with
# only the C library (the test toolchain copies nothing else) is refused,
# naming the program and the library.
test_smart_rtmpd_elf_check() {
	new_tree rtmpdelf
	streaming_link_packages smart_rtmpd
	mkdir -p "$SRC/cxx/app"
	printf '#include <iostream>\nint main() { std::cout << "hi" << std::endl; }\n' >"$SRC/cxx/main.cpp"
	g++ -O2 -o "$SRC/cxx/app/smart_rtmpd" "$SRC/cxx/main.cpp" || { fail "g++ failed"; return; }
	echo '<config/>' >"$SRC/cxx/app/config.xml"
	tar -C "$SRC/cxx" -czf "$SRC/cxx.tar.gz" app
	defconfig SMARTOS_PACKAGE_SMART_RTMPD=y SMARTOS_TEST_GLIBC=y \
		"SMARTOS_PACKAGE_SMART_RTMPD_ARCHIVE=\"$SRC/cxx.tar.gz\"" \
		"SMARTOS_PACKAGE_SMART_RTMPD_SHA256=\"$(sha256sum "$SRC/cxx.tar.gz" | cut -d' ' -f1)\""
	grep -qx 'SMARTOS_TOOLCHAIN_TARGET_LIBSTDCXX=y' "$T/output/.config" ||
		fail "smart_rtmpd does not select SMARTOS_TOOLCHAIN_TARGET_LIBSTDCXX" || return
	if mk; then fail "the image step passed a C++ program without libstdc++ in the target"; return; fi
	expect_contains "$OUT" "/opt/smart_rtmpd/smart_rtmpd: needs libstdc++.so.6" || return
	expect_file "$T/output/target/opt/smart_rtmpd/smart_rtmpd"
}

# A malformed nginx configuration from the board stops the build before
# anything is compiled, naming the option, the file and the line; the
# package's own file passes. (Downloads nginx's and the RTMP module's
# sources from Debian's archive, about 1.3 MB; nothing is compiled.)
test_nginx_config_checked() {
	new_tree nginxconf
	streaming_link_packages zlib openssl pcre2 nginx
	# nginx depends on the toolchain's runtime libraries (libcrypt).
	ln -s "$TOP/toolchain/toolchain-runtime" "$T/toolchain/toolchain-runtime"
	local log=$T/output/build/nginx/smartos-build.log conf=$SRC/nginx.conf
	defconfig SMARTOS_PACKAGE_NGINX=y
	mk nginx-patch || { fail "nginx-patch with the package's configuration failed: $(tail -n 20 "$OUT"; tail -n 20 "$log")"; return; }
	expect_contains "$log" "package/nginx/nginx.conf: syntax ok" || return
	expect_contains "$T/output/build/nginx/smartos-nginx.conf" "listen 1935;" || return
	# A typo in a directive name, in the board's file.
	sed 's/hls_fragment 2s;/hls_fragmnt 2s;/' "$TOP/package/nginx/nginx.conf" >"$conf"
	local line
	line=$(grep -n 'hls_fragmnt' "$conf" | cut -d: -f1)
	set_config SMARTOS_PACKAGE_NGINX_CONFIG_FILE "\"$conf\"" || return
	if mk nginx-patch; then fail "nginx-patch accepted an unknown directive"; return; fi
	expect_contains "$OUT" "ERROR: SMARTOS_PACKAGE_NGINX_CONFIG_FILE: $conf:$line: unknown directive \"hls_fragmnt\"" || return
	expect_contains "$OUT" "package nginx: step patch failed" || return
	# An unclosed block, an unclosed quote, a missing events block.
	printf 'events {\n}\nhttp {\n\tserver {\n\t\tlisten 80;\n\t}\n' >"$conf"
	if mk nginx-patch; then fail "nginx-patch accepted an unclosed block"; return; fi
	expect_contains "$OUT" "ERROR: SMARTOS_PACKAGE_NGINX_CONFIG_FILE: $conf:7: unexpected end of file, expecting \"}\" (the block \"http\" of line 3 is not closed)" || return
	printf 'events {\n}\nhttp {\n\tadd_header X "open;\n}\n' >"$conf"
	if mk nginx-patch; then fail "nginx-patch accepted an unclosed quote"; return; fi
	expect_contains "$OUT" "ERROR: SMARTOS_PACKAGE_NGINX_CONFIG_FILE: $conf:4: unexpected end of file, expecting \"" || return
	printf 'http {\n}\n' >"$conf"
	if mk nginx-patch; then fail "nginx-patch accepted a file without events"; return; fi
	expect_contains "$OUT" "no \"events\" section in the configuration" || return
	# A file that is not there.
	set_config SMARTOS_PACKAGE_NGINX_CONFIG_FILE "\"$SRC/none.conf\"" || return
	if mk nginx-patch; then fail "nginx-patch accepted a missing file"; return; fi
	expect_contains "$OUT" "ERROR: SMARTOS_PACKAGE_NGINX_CONFIG_FILE: $SRC/none.conf is not a file" || return
	# The ports of menuconfig go into the installed file.
	set_config SMARTOS_PACKAGE_NGINX_CONFIG_FILE '""' || return
	set_config SMARTOS_PACKAGE_NGINX_RTMP_PORT 1936 || return
	mk nginx-patch || { fail "nginx-patch with another port failed: $(tail -n 20 "$OUT")"; return; }
	expect_contains "$T/output/build/nginx/smartos-nginx.conf" "listen 1936;"
}

TESTS+=(smart_rtmpd_archive_errors smart_rtmpd_elf_check nginx_config_checked)
