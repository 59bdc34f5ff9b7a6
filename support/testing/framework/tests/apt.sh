# shellcheck shell=bash
# Framework tests: the apt download method and Debian patches.
# Sourced by run-tests (helpers in lib.sh); each test_* runs in a process of its own.

# sl_version: the newest version of the tiny Debian source package sl the
# archive carries (through our private apt configuration).
sl_version() {
	local v
	v=$(cd "$TOP" && support/scripts/apt-source --apt-dir "$DL/.apt" versions sl 2>>"$SCRATCH/apt.err" | tail -n 1)
	[ -n "$v" ] || { fail "no version of sl in the archive: $(tail -n 5 "$SCRATCH/apt.err")"; return 1; }
	echo "$v"
}

# archive_sha256 SRCPKG VERSION REGEX: "sha256 name" of the file of SRCPKG
# VERSION whose name matches REGEX, from the archive's signed Sources index.
archive_sha256() {
	(cd "$TOP" && support/scripts/apt-source --apt-dir "$DL/.apt" showsrc "$1") | awk -v v="$2" -v re="$3" '
		/^Version:/ { cur = $2 } /^Checksums-Sha256:/ { c = 1; next } /^[A-Z]/ { c = 0 }
		c && cur == v && $3 ~ re { print $1, $3; exit }'
}

test_apt_method() {
	new_tree apt
	# sl is a tiny Debian source package (a 5 kB .orig tarball). Its sha256 comes from the
	# archive's signed Sources index, not from the downloaded file.
	local version sha file
	version=$(sl_version) || return
	read -r sha file < <(archive_sha256 sl "$version" '\\.orig\\.tar\\.[a-z0-9]+$')
	[ -n "$sha" ] || { fail "no .orig checksum for sl $version"; return; }
	kconfig_add 'config SMARTOS_PACKAGE_SL
	bool "sl"'
	mkpkg sl <<-MK
		SL_VERSION = ${version#*:}
		SL_SOURCE = $file
		SL_APT_SOURCE = sl
		SL_APT_VERSION = $version
		\$(eval \$(generic-package))
	MK
	echo "sha256  $sha  $file" >"$T/package/sl/sl.hash"
	defconfig SMARTOS_PACKAGE_SL=y
	mk sl-source || { fail "sl-source failed: $(tail -n 20 "$OUT"; tail -n 20 "$T/output/build/sl/smartos-build.log")"; return; }
	[ "$(sha256sum <"$DL/sl/$file" | cut -d' ' -f1)" = "$sha" ] || fail "sha256 of $DL/sl/$file differs" || return
	mk sl-extract || { fail "sl-extract failed"; return; }
	# The host's apt configuration is untouched: ours is private.
	[ -s "$DL/.apt/etc/sources.list.d/smartos.sources" ] || [ -s "$DL/.apt/etc/sources.list" ] ||
		fail "no private sources file in $DL/.apt/etc" || return
	# A version the archive no longer has: a clear message and how to move on.
	sed -i "s/^SL_APT_VERSION = .*/SL_APT_VERSION = 0.0-0/" "$T/package/sl/sl.mk"
	rm -f "$DL/sl/$file"
	if mk sl-source; then fail "sl-source succeeded with a missing Debian version"; return; fi
	expect_contains "$T/output/build/sl/smartos-build.log" "no longer has source package sl version 0.0-0" || return
	expect_contains "$T/output/build/sl/smartos-build.log" "support/scripts/apt-bump sl"
}

# FOO_APT_DEBIAN_PATCHES: sl's .debian.tar.xz (sha256 from the archive's signed
# Sources index) is downloaded and its debian/patches/series applied in order;
# an excluded patch is left out; an excluded name the series lacks fails
# naming it, a patch that does not apply fails naming its series line.
test_apt_debian_patches() {
	new_tree debpatch
	local version orig_sha orig deb_sha deb
	version=$(sl_version) || return
	read -r orig_sha orig < <(archive_sha256 sl "$version" '\\.orig\\.tar\\.[a-z0-9]+$')
	read -r deb_sha deb < <(archive_sha256 sl "$version" '\\.debian\\.tar\\.xz$')
	if [ -z "$orig_sha" ] || [ -z "$deb_sha" ]; then fail "no .orig/.debian checksums for sl $version"; return; fi
	kconfig_add 'config SMARTOS_PACKAGE_SL
	bool "sl"'
	mkpkg sl <<-MK
		SL_VERSION = ${version#*:}
		SL_SOURCE = $orig
		SL_APT_SOURCE = sl
		SL_APT_VERSION = $version
		SL_APT_DEBIAN_PATCHES = YES
		\$(eval \$(generic-package))
	MK
	printf 'sha256  %s  %s\nsha256  %s  %s\n' "$orig_sha" "$orig" "$deb_sha" "$deb" >"$T/package/sl/sl.hash"
	defconfig SMARTOS_PACKAGE_SL=y
	mk sl-patch || { fail "sl-patch failed: $(tail -n 20 "$OUT"; tail -n 20 "$T/output/build/sl/smartos-build.log")"; return; }
	[ "$(sha256sum <"$DL/sl/$deb" | cut -d' ' -f1)" = "$deb_sha" ] || fail "sha256 of $DL/sl/$deb differs" || return
	local series log=$T/output/build/sl/smartos-build.log
	series=$(tar -xOf "$DL/sl/$deb" debian/patches/series | sed 's/#.*//' | awk 'NF { print $1 }')
	[ -n "$series" ] || { fail "sl's series is empty"; return; }
	local p n=0
	for p in $series; do
		expect_contains "$log" "Applying debian/patches/$p (from $deb)" || return
		n=$((n + 1))
	done
	expect_contains "$log" "$n Debian patches applied" || return
	# Each patch's changes are in the tree: applying it again is refused as done.
	for p in $series; do
		tar -xOf "$DL/sl/$deb" "debian/patches/$p" | patch -d "$T/output/build/sl" -p1 --dry-run -N -s >/dev/null &&
			{ fail "debian/patches/$p is not applied in the tree"; return; }
	done
	# repatch VAR VALUE: the patch step again with SL_VAR = VALUE as the only
	# option of that kind; what it logged goes to $SCRATCH/debpatch/again.log.
	local again=$SCRATCH/debpatch/again.log
	repatch() {
		local before
		sed -i '/^SL_APT_DEBIAN_PATCHES_\(EXCLUDE\|ONLY\) = /d' "$T/package/sl/sl.mk"
		echo "SL_$1 = $2" >>"$T/package/sl/sl.mk"
		before=$(wc -l <"$log")
		mk sl-patch
		local rc=$?
		tail -n +"$((before + 1))" "$log" >"$again"
		return "$rc"
	}
	# Leave the first patch out: it is not applied, the others are.
	local first=${series%%$'\n'*}
	repatch APT_DEBIAN_PATCHES_EXCLUDE "$first" || { fail "sl-patch with an exclusion failed: $(tail -n 20 "$again")"; return; }
	expect_contains "$again" "Leaving out debian/patches/$first" || return
	expect_not_contains "$again" "Applying debian/patches/$first " || return
	expect_contains "$again" "$((n - 1)) Debian patches applied" || return
	# Only the first one.
	repatch APT_DEBIAN_PATCHES_ONLY "$first" || { fail "sl-patch with ONLY failed: $(tail -n 20 "$again")"; return; }
	expect_contains "$again" "Applying debian/patches/$first " || return
	expect_contains "$again" "1 Debian patches applied" || return
	# An excluded name the series does not have.
	if repatch APT_DEBIAN_PATCHES_EXCLUDE no-such.patch; then fail "sl-patch accepted an excluded patch the series lacks"; return; fi
	expect_contains "$log" "debian/patches/series has no patch no-such.patch (named by the package)" || return
	# A series line whose patch does not apply, in a tarball of our own.
	local fake=$SCRATCH/debpatch/fake
	mkdir -p "$fake/debian/patches" "$fake/src"
	printf 'one\n' >"$fake/src/file"
	printf -- '--- a/file\n+++ b/file\n@@ -1 +1 @@\n-two\n+three\n' >"$fake/debian/patches/wrong.patch"
	printf '# comment\n\nwrong.patch\n' >"$fake/debian/patches/series"
	tar -cJf "$fake/x.debian.tar.xz" -C "$fake" debian
	if "$TOP/support/scripts/apply-debian-patches" --only wrong.patch "$fake/x.debian.tar.xz" "$fake/src" >"$fake/out" 2>&1; then
		fail "a patch that does not apply was accepted"; return
	fi
	expect_contains "$fake/out" "ERROR: $fake/x.debian.tar.xz: debian/patches/series:3: wrong.patch does not apply to $fake/src"
}

test_apt_sources_derived() {
	# Both formats of apt sources become deb-src entries in our private files;
	# disabled deb822 stanzas and other lines are left out. No network needed.
	local etc=$SCRATCH/aptetc
	mkdir -p "$etc/sources.list.d"
	cat >"$etc/sources.list" <<-'EOF'
		# a comment
		deb http://mirror.example/debian bookworm main contrib
		deb [signed-by=/usr/share/keyrings/k.gpg] http://mirror.example/debian-security bookworm-security main
		deb-src http://mirror.example/debian bookworm main contrib
	EOF
	cat >"$etc/sources.list.d/extra.sources" <<-'EOF'
		Types: deb
		URIs: http://mirror.example/debian
		Suites: bookworm-updates
		Components: main
		Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

		Types: deb
		URIs: http://disabled.example/debian
		Suites: bookworm
		Components: main
		Enabled: no
	EOF
	echo "deb http://ignored.example/ x main" >"$etc/sources.list.d/off.list.disabled"
	SMARTOS_APT_HOST_ETC=$etc "$TOP/support/scripts/apt-source" --apt-dir "$SCRATCH/aptdir" print-sources \
		>"$SCRATCH/apt-sources.out" 2>&1 || { fail "print-sources failed: $(cat "$SCRATCH/apt-sources.out")"; return; }
	local list=$SCRATCH/aptdir/etc/sources.list deb822=$SCRATCH/aptdir/etc/sources.list.d/smartos.sources
	[ "$(grep -c . "$list")" = 2 ] || fail "expected 2 deb-src lines in $list: $(cat "$list")" || return
	expect_contains "$list" "deb-src http://mirror.example/debian bookworm main contrib" || return
	expect_contains "$list" "deb-src [signed-by=/usr/share/keyrings/k.gpg] http://mirror.example/debian-security bookworm-security main" || return
	expect_not_contains "$list" "ignored.example" || return
	expect_contains "$deb822" "Types: deb-src" || return
	expect_contains "$deb822" "Suites: bookworm-updates" || return
	expect_contains "$deb822" "Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg" || return
	expect_not_contains "$deb822" "disabled.example"
}

TESTS+=(apt_method apt_debian_patches apt_sources_derived)
