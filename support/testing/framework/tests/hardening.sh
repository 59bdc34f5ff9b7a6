# shellcheck shell=bash
# Framework tests: hardening against hostile or careless input: crafted artifact
# cache entries, two makes in one output directory, signals, bad option values,
# leftovers of killed runs, the build user's umask and PATH.
# Sourced by run-tests (helpers in lib.sh); each test_* runs in a process of its own.

# replace_entry ENTRY < MEMBERS: rewrite the artifact cache entry ENTRY (its
# header kept, its payload's size and sha256 made right) with a payload of the
# given members, one per line: "file NAME TEXT", "dir NAME",
# "symlink NAME TARGET", "hardlink NAME TARGET" or "chardev NAME".
replace_entry() {
	local py
	py=$(cat <<-'PY'
		import hashlib, io, json, sys, tarfile
		path = sys.argv[1]
		with open(path, "rb") as f:
		    magic = f.readline()
		    header = json.loads(f.readline())
		buf = io.BytesIO()
		with tarfile.open(fileobj=buf, mode="w:gz", format=tarfile.PAX_FORMAT) as tar:
		    for line in sys.stdin:
		        kind, name, *rest = line.split()
		        info = tarfile.TarInfo(name)
		        info.mode = 0o755 if kind == "dir" else 0o644
		        data = None
		        if kind == "file":
		            data = (" ".join(rest) + "\n").encode()
		            info.size = len(data)
		        elif kind == "dir":
		            info.type = tarfile.DIRTYPE
		        elif kind == "chardev":
		            info.type, info.devmajor, info.devminor = tarfile.CHRTYPE, 8, 0
		        else:
		            info.type = tarfile.SYMTYPE if kind == "symlink" else tarfile.LNKTYPE
		            info.linkname = rest[0]
		        tar.addfile(info, io.BytesIO(data) if data else None)
		payload = buf.getvalue()
		header.update(payload_size=len(payload), payload_sha256=hashlib.sha256(payload).hexdigest())
		with open(path, "wb") as f:
		    f.write(magic + json.dumps(header).encode() + b"\n" + payload)
	PY
	)
	/usr/bin/python3 -c "$py" "$1"
}

test_artifact_cache_refuses_escapes() {
	# An entry crafted by someone who can write to the cache directory must not
	# write outside the package's per-package directory, nor link a file of the
	# build machine in: such an entry is refused, removed, and the package built.
	new_tree escape
	local cache=$SCRATCH/escape/artifacts outside=$SCRATCH/escape/outside secret=$SCRATCH/escape/host-secret
	local entry ppd
	mkdir -p "$outside"
	echo "secret of the build machine" >"$secret"
	simple_pkg alpha 1.0
	# Symlinks a package may install: absolute (a path of the target system) and relative.
	cat >>"$T/package/alpha/alpha.mk" <<-'MK'
		define ALPHA_LINKS
			ln -s /usr/share/alpha.txt $(TARGET_DIR)/usr/share/alpha.abs
			ln -s ../share/alpha.txt $(TARGET_DIR)/usr/share/alpha.rel
		endef
		ALPHA_POST_INSTALL_TARGET_HOOKS += ALPHA_LINKS
	MK
	defconfig SMARTOS_PACKAGE_ALPHA=y SMARTOS_ARTIFACT_CACHE=y "SMARTOS_ARTIFACT_CACHE_DIR=\"$cache\""
	mk || { fail "first build failed: $(tail -n 20 "$OUT")"; return; }
	entry=$(ls "$cache"/alpha/*.art)
	cp "$entry" "$SCRATCH/escape/good.art"
	# The genuine entry restores, its symlinks as they were.
	mk clean >/dev/null
	mk || { fail "restore of the genuine entry failed: $(tail -n 20 "$OUT")"; return; }
	expect_contains "$OUT" ">>> alpha 1.0 Restoring from the artifact cache" || return
	expect_not_contains "$OUT" "Building" || return
	ppd=$T/output/per-package/alpha
	[ "$(readlink "$ppd/target/usr/share/alpha.abs")" = /usr/share/alpha.txt ] || fail "absolute symlink not restored" || return
	[ "$(readlink "$ppd/target/usr/share/alpha.rel")" = ../share/alpha.txt ] || fail "relative symlink not restored" || return
	# Through make: the entry is refused, removed, the package built; nothing
	# reaches the directory the symlink named.
	printf '%s\n' "symlink target/usr/share/esc $outside" "file target/usr/share/esc/planted written outside" |
		replace_entry "$entry"
	mk clean >/dev/null
	mk || { fail "build with a crafted entry failed: $(tail -n 20 "$OUT")"; return; }
	expect_contains "$OUT" "WARNING: artifact cache: refused entry of package alpha: $entry: member 'target/usr/share/esc/planted' goes through the symlink 'target/usr/share/esc'" || return
	expect_contains "$OUT" ">>> alpha 1.0 Building" || return
	[ -z "$(ls -A "$outside")" ] || fail "written outside the output directory: $(ls -A "$outside")" || return
	expect_contains "$T/output/target/usr/share/alpha.txt" "alpha 1.0" || return
	# The other ways out, restored by the script itself into a scratch directory.
	local case members reason hash rc
	hash=$(basename "$entry" .art)
	for case in \
		"hard link, absolute target|file target/usr/share/alpha.txt alpha
hardlink target/usr/share/stolen $secret|hard link 'target/usr/share/stolen' to '$secret'" \
		"hard link, .. target|hardlink target/usr/share/stolen target/../../host-secret|hard link 'target/usr/share/stolen' to 'target/../../host-secret'" \
		"hard link to a symlink|symlink target/usr/share/s $secret
hardlink target/usr/share/stolen target/usr/share/s|hard link 'target/usr/share/stolen' to 'target/usr/share/s': not a file of this entry" \
		"symlink climbing out|symlink target/usr/share/up ../../../../escape|symlink 'target/usr/share/up' to '../../../../escape' points outside" \
		"absolute member|file /tmp/smartos-planted x|member '/tmp/smartos-planted' is not a plain path" \
		"device node|chardev target/dev/sda|member 'target/dev/sda' is not a file, directory or link" \
		"symlink inside the package's directory|symlink host/x86_64-linux-gnu/sysroot ../../staging|"; do
		members=${case#*|} reason=${members##*|} members=${members%|*}
		rm -rf "$SCRATCH/escape/ppd" && mkdir -p "$SCRATCH/escape/ppd/target"
		cp "$SCRATCH/escape/good.art" "$entry"
		printf '%s\n' "$members" | replace_entry "$entry"
		rc=0
		/usr/bin/python3 "$TOP/support/scripts/artifact-cache" restore --cache "$cache" --package alpha --hash "$hash" \
			--ppd "$SCRATCH/escape/ppd" --output-dir "$T/output" >"$SCRATCH/escape/restore.out" 2>&1 || rc=$?
		if [ -z "$reason" ]; then
			[ "$rc" = 0 ] || fail "${case%%|*}: a harmless entry was not restored: $(cat "$SCRATCH/escape/restore.out")" || return
			continue
		fi
		[ "$rc" = 3 ] || fail "${case%%|*}: restore exited with $rc, expected 3: $(cat "$SCRATCH/escape/restore.out")" || return
		expect_contains "$SCRATCH/escape/restore.out" "refused entry of package alpha: $entry: $reason" || return
		expect_no_file "$entry" || return
		[ "$(stat -c %h "$secret")" = 1 ] || fail "${case%%|*}: the host file got a hard link" || return
		[ ! -e /tmp/smartos-planted ] || fail "${case%%|*}: /tmp/smartos-planted written" || return
		[ ! -L "$SCRATCH/escape/ppd/target/usr/share/up" ] || fail "${case%%|*}: the symlink was made" || return
	done
}

TESTS+=(artifact_cache_refuses_escapes)

# wait_for FILE SECONDS: until FILE exists; fails after SECONDS.
wait_for() {
	local i
	for ((i = 0; i < $2 * 5; i++)); do
		[ -e "$1" ] && return 0
		sleep 0.2
	done
	fail "$1 did not appear within $2 s"
}

# gone PID SECONDS: until process PID has ended; fails after SECONDS.
gone() {
	local i
	for ((i = 0; i < $2 * 5; i++)); do
		kill -0 "$1" 2>/dev/null || return 0
		sleep 0.2
	done
	fail "process $1 ($(ps -o args= -p "$1")) still runs $2 s later"
}

test_one_make_per_output_dir() {
	# A second make in an output directory where one runs stops at once and
	# names the first; killing the top make alone (SIGTERM, or SIGKILL) stops
	# the inner make and the package's commands too.
	new_tree lock
	local d=$SCRATCH/lock top step sig
	mkpkg slow <<-MK
		SLOW_VERSION = 1
		define SLOW_BUILD_CMDS
			echo \$\$BASHPID > $d/step; while [ ! -e $d/go ]; do sleep 0.2; done
		endef
		\$(eval \$(generic-package))
	MK
	kconfig_add 'config SMARTOS_PACKAGE_SLOW
	bool "slow"'
	defconfig SMARTOS_PACKAGE_SLOW=y
	# Whatever happens, what is still waiting ends with the test.
	# shellcheck disable=SC2064 # $d is known now
	trap "mkdir -p '$d' && touch '$d/go'" EXIT
	setsid make -C "$T" --no-print-directory >"$d/first.out" 2>&1 &
	top=$!
	wait_for "$d/step" 120 || return
	if mk show-info; then fail "a second make in the same output directory ran"; return; fi
	expect_contains "$OUT" "ERROR: another make is running in $T/output: pid $top, user $(id -un), since " || return
	expect_contains "$OUT" "make all (in $T)" || return
	# Another output directory is free.
	mk O="$d/out2" test_defconfig >/dev/null || { fail "make in another output directory failed: $(tail -n 5 "$OUT")"; return; }
	touch "$d/go"
	wait "$top" || { fail "the first make failed: $(tail -n 20 "$d/first.out")"; return; }
	for sig in TERM KILL; do
		rm -f "$d/go" "$d/step"
		mk slow-dirclean >/dev/null
		setsid make -C "$T" --no-print-directory >"$d/$sig.out" 2>&1 &
		top=$!
		wait_for "$d/step" 120 || return
		step=$(cat "$d/step")
		kill -"$sig" "$top"
		wait "$top" 2>/dev/null || true
		gone "$step" 20 || return
		! pgrep -f -- "O=$T/output SMARTOS_NO_REEXEC=1" >/dev/null ||
			fail "SIG$sig to the top make: the inner make still runs: $(pgrep -a -f -- "O=$T/output SMARTOS_NO_REEXEC=1")" || return
		expect_no_file "$T/output/build/slow/.stamp_built" || return
	done
	# The lock is free again; the build finishes.
	touch "$d/go"
	mk || fail "make after the killed ones failed: $(tail -n 20 "$OUT")"
}

TESTS+=(one_make_per_output_dir)

test_output_dir_with_space() {
	# O= with a space is refused with a message that says so (make would split it).
	new_tree space
	simple_pkg alpha 1.0
	defconfig SMARTOS_PACKAGE_ALPHA=y
	local goal
	for goal in test_defconfig all; do
		if mk O="$SCRATCH/space/with space" "$goal"; then fail "make O='with space' $goal succeeded"; return; fi
		expect_contains "$OUT" "O=\"$SCRATCH/space/with space\" contains a space: make cannot handle paths with spaces" || return
	done
	expect_no_file "$SCRATCH/space/with" || return
	expect_no_file "$T/with"
}

TESTS+=(output_dir_with_space)

test_bad_option_values_stop_before_building() {
	# Values that would only fail at the image step, or break the file they are
	# written into, stop make before any package builds, naming option and value.
	new_tree values
	simple_pkg alpha 1.0
	defconfig SMARTOS_PACKAGE_ALPHA=y SMARTOS_TARGET_ROOTFS_EXT4=y
	local c sym val reason
	for c in \
		'SMARTOS_TARGET_ROOTFS_EXT4_SIZE|abc|not a size' \
		'SMARTOS_TARGET_ROOTFS_EXT4_SIZE|512K|too small' \
		'SMARTOS_SOURCE_DATE_EPOCH|x|not a number of seconds since 1970-01-01' \
		'SMARTOS_SOURCE_DATE_EPOCH|99999999999|after 2106-02-07' \
		'SMARTOS_TARGET_GENERIC_HOSTNAME|a&b|not a host name' \
		'SMARTOS_TARGET_GENERIC_HOSTNAME|a/b|not a host name' \
		"SMARTOS_TARGET_GENERIC_HOSTNAME|it's|not a host name" \
		'SMARTOS_TARGET_GENERIC_HOSTNAME|-node|not a host name' \
		'SMARTOS_TARGET_ROOTFS_EXT4_LABEL|a-label-of-17-chr|longer than 16 bytes'; do
		IFS='|' read -r sym val reason <<<"$c"
		cp "$T/output/.config" "$SCRATCH/values/good.config"
		set_config "$sym" "\"$val\"" || return
		rm -f "$SCRATCH/build-order"
		if mk; then fail "make passed with $sym=\"$val\""; return; fi
		expect_contains "$OUT" "ERROR: $sym=\"$val\" in $T/output/.config: $reason" || return
		expect_no_file "$SCRATCH/build-order" || return
		expect_no_file "$T/output/build/alpha" || return
		cp "$SCRATCH/values/good.config" "$T/output/.config"
	done
	# Good ones build.
	set_config SMARTOS_TARGET_GENERIC_HOSTNAME '"node-1.example.org"' || return
	set_config SMARTOS_TARGET_ROOTFS_EXT4_SIZE '"2M"' || return
	set_config SMARTOS_SOURCE_DATE_EPOCH '"4294967295"' || return
	mk || { fail "make with good values failed: $(tail -n 20 "$OUT")"; return; }
	[ "$(tar -xOf "$T/output/images/rootfs.tar" ./etc/hostname)" = node-1.example.org ] ||
		fail "hostname in rootfs.tar: $(tar -xOf "$T/output/images/rootfs.tar" ./etc/hostname)"
}

TESTS+=(bad_option_values_stop_before_building)

test_root_password_hash() {
	# The root password option takes a ready SHA-512 crypt hash as it is (make
	# expands nothing in it), and clear text with "$" inside; a changed hash
	# reaches the image; other "$" values are refused before anything builds.
	new_tree passwd
	simple_pkg alpha 1.0
	local h1 h2 shadow
	h1=$(openssl passwd -6 -salt saltsalt 'first pw')
	h2=$(openssl passwd -6 -salt othersalt 'second pw')
	defconfig SMARTOS_PACKAGE_ALPHA=y "SMARTOS_TARGET_GENERIC_ROOT_PASSWD=\"$h1\""
	mk || { fail "build with a hash failed: $(tail -n 20 "$OUT")"; return; }
	shadow=$(tar -xOf "$T/output/images/rootfs.tar" ./etc/shadow | awk -F: '$1 == "root" { print $2 }')
	[ "$shadow" = "$h1" ] || fail "root's hash in /etc/shadow is '$shadow', expected '$h1'" || return
	set_config SMARTOS_TARGET_GENERIC_ROOT_PASSWD "\"$h2\"" || return
	mk || { fail "build with another hash failed: $(tail -n 20 "$OUT")"; return; }
	shadow=$(tar -xOf "$T/output/images/rootfs.tar" ./etc/shadow | awk -F: '$1 == "root" { print $2 }')
	[ "$shadow" = "$h2" ] || fail "after changing the hash /etc/shadow has '$shadow', expected '$h2'" || return
	# Clear text with a "$" inside is hashed as written.
	# shellcheck disable=SC2016 # no expansion wanted
	set_config SMARTOS_TARGET_GENERIC_ROOT_PASSWD '"pa$word$(x)"' || return
	mk || { fail "build with a clear text failed: $(tail -n 20 "$OUT")"; return; }
	shadow=$(tar -xOf "$T/output/images/rootfs.tar" ./etc/shadow | awk -F: '$1 == "root" { print $2 }')
	# shellcheck disable=SC2016 # no expansion wanted
	[ "$(openssl passwd -6 -salt "$(echo "$shadow" | cut -d'$' -f3)" 'pa$word$(x)')" = "$shadow" ] ||
		fail "root's hash '$shadow' is not that of 'pa\$word\$(x)'" || return
	# Refused: yescrypt, MD5, doubled "$", a truncated hash.
	local bad
	# shellcheck disable=SC2016 # no expansion wanted
	for bad in "$(openssl passwd -1 -salt abc x)|an MD5 hash" '$y$j9T$abc$def|a yescrypt hash' \
		"${h1//\$/\$\$}|starts with \"\$\" but is not a SHA-256" "${h1:0:30}|starts with \"\$\" but is not a SHA-256"; do
		set_config SMARTOS_TARGET_GENERIC_ROOT_PASSWD "\"${bad%|*}\"" || return
		if mk; then fail "build passed with the root password '${bad%|*}'"; return; fi
		expect_contains "$OUT" "ERROR: SMARTOS_TARGET_GENERIC_ROOT_PASSWD=(not shown) in $T/output/.config: ${bad#*|}" || return
	done
}

TESTS+=(root_password_hash)

test_failure_report_shows_last_attempt() {
	# A step that fails twice: its log keeps both attempts, each after a
	# separator line, and the second failure report shows only the second.
	new_tree attempts
	kconfig_add 'config SMARTOS_PACKAGE_FLAKY
	bool "flaky"'
	mkpkg flaky <<-MK
		FLAKY_VERSION = 1
		define FLAKY_BUILD_CMDS
			echo "compiling"
			if [ -e $SCRATCH/attempts/once ]; then echo "error: reason of the second attempt"; false; fi
			touch $SCRATCH/attempts/once; echo "error: reason of the first attempt"; false
		endef
		\$(eval \$(generic-package))
	MK
	defconfig SMARTOS_PACKAGE_FLAKY=y
	if mk; then fail "first make succeeded"; return; fi
	expect_contains "$OUT" "| error: reason of the first attempt" || return
	if mk; then fail "second make succeeded"; return; fi
	expect_contains "$OUT" "| error: reason of the second attempt" || return
	expect_not_contains "$OUT" "reason of the first attempt" || return
	expect_contains "$OUT" "| ======== flaky: build, attempt started " || return
	local log=$T/output/build/flaky/smartos-build.log
	expect_contains "$log" "reason of the first attempt" || return
	[ "$(grep -c '^======== flaky: build, attempt started ' "$log")" = 2 ] ||
		fail "expected two separators of the build step in $log: $(grep '^========' "$log")"
}

TESTS+=(failure_report_shows_last_attempt)

test_stale_download_temps_removed() {
	# A download killed with SIGKILL leaves its temporary file in the download
	# directory; the next run removes it, and the apt directory's temporaries
	# of killed runs, but not those another run still holds.
	new_tree stale
	local d=$SCRATCH/stale top holder
	mkdir -p "$SRC/fifo-1"
	echo fifo >"$SRC/fifo-1/fifo.txt"
	tar -C "$SRC" -czf "$d/fifo-1.tar.gz" fifo-1
	mkpkg fifo <<-MK
		FIFO_VERSION = 1
		FIFO_SITE = file://$SRC
		\$(eval \$(generic-package))
	MK
	echo "sha256  $(sha256sum <"$d/fifo-1.tar.gz" | cut -d' ' -f1)  fifo-1.tar.gz" >"$T/package/fifo/fifo.hash"
	kconfig_add 'config SMARTOS_PACKAGE_FIFO
	bool "fifo"'
	defconfig SMARTOS_PACKAGE_FIFO=y
	# The source is a named pipe nobody writes to: the download hangs, then is killed.
	mkfifo "$SRC/fifo-1.tar.gz"
	setsid make -C "$T" --no-print-directory >"$d/killed.out" 2>&1 &
	top=$!
	local i
	for ((i = 0; i < 300; i++)); do
		compgen -G "$DL/fifo/.fifo-1.tar.gz.*" >/dev/null && break
		kill -0 "$top" 2>/dev/null || { fail "make ended before the download started: $(tail -n 20 "$d/killed.out")"; return; }
		sleep 0.2
	done
	kill -KILL -- "-$top"
	wait "$top" 2>/dev/null || true
	exec 3<>"$SRC/fifo-1.tar.gz" # (the killed cp may still wait to open it)
	compgen -G "$DL/fifo/.fifo-1.tar.gz.*" >/dev/null || fail "the killed download left no temporary file" || return
	# Temporaries of the apt method: one of a killed run, one of a run still going.
	mkdir -p "$DL/.apt/tmp.k1ll3d" "$DL/.apt/tmp.l1v3ly"
	head -c 100000 /dev/zero >"$DL/.apt/tmp.k1ll3d/big.orig.tar.xz"
	touch "$DL/fifo/.fifo-1.tar.gz.l1v3ly"
	setsid flock "$DL/.apt/tmp.l1v3ly" flock "$DL/fifo/.fifo-1.tar.gz.l1v3ly" sleep 600 >/dev/null 2>&1 &
	holder=$!
	# shellcheck disable=SC2064 # the pid is known now
	trap "kill -- -$holder 2>/dev/null" EXIT
	sleep 1
	rm "$SRC/fifo-1.tar.gz"
	exec 3<&-
	cp "$d/fifo-1.tar.gz" "$SRC/"
	mk || { fail "make after the killed one failed: $(tail -n 20 "$OUT")"; return; }
	expect_file "$DL/fifo/fifo-1.tar.gz" || return
	[ "$(cd "$DL/fifo" && find . -name '.fifo-1.tar.gz.*' ! -name '*.l1v3ly')" = "" ] ||
		fail "temporaries of the killed run are left: $(ls -A "$DL/fifo")" || return
	expect_no_file "$DL/.apt/tmp.k1ll3d" || return
	expect_file "$DL/.apt/tmp.l1v3ly" || return
	expect_file "$DL/fifo/.fifo-1.tar.gz.l1v3ly" || return
	expect_contains "$T/output/build/fifo/smartos-build.log" "Removing $DL/.apt/tmp.k1ll3d (left by a run that was killed)"
}

TESTS+=(stale_download_temps_removed)

test_apt_drops_to_sandbox_user() {
	# Run as root, apt runs its download methods as its sandbox user (_apt)
	# when that user can reach the private apt directory, and says so once
	# when it cannot (a download directory under a mode-700 directory).
	new_tree sandbox
	local version sha file open
	version=$(sl_version) || return
	read -r sha file < <(archive_sha256 sl "$version" '\\.orig\\.tar\\.[a-z0-9]+$' 2>>"$SCRATCH/apt.err")
	[ -n "$sha" ] || { fail "no .orig checksum for sl $version"; return; }
	if [ "$(id -u)" != 0 ]; then
		# Not root: apt has no user to drop to; the fetch works and says nothing of it.
		"$TOP/support/scripts/apt-source" --apt-dir "$DL/.apt" fetch sl "$version" "$SCRATCH/sandbox/$file" \
			>"$SCRATCH/sandbox/fetch.out" 2>&1 || { fail "fetch failed: $(tail -n 5 "$SCRATCH/sandbox/fetch.out")"; return; }
		expect_not_contains "$SCRATCH/sandbox/fetch.out" "note: apt downloads as root"
		return
	fi
	open=$(mktemp -d /tmp/smartos-apt-sandbox.XXXXXX)
	# shellcheck disable=SC2064 # the path is known now
	trap "rm -rf '$open'" EXIT
	chmod 755 "$open"
	"$TOP/support/scripts/apt-source" --apt-dir "$open/dl/.apt" fetch sl "$version" "$open/$file" \
		>"$SCRATCH/sandbox/open.out" 2>&1 || { fail "fetch failed: $(tail -n 5 "$SCRATCH/sandbox/open.out")"; return; }
	[ "$(sha256sum <"$open/$file" | cut -d' ' -f1)" = "$sha" ] || fail "sha256 of $open/$file differs" || return
	expect_not_contains "$SCRATCH/sandbox/open.out" "unsandboxed" || return
	expect_not_contains "$SCRATCH/sandbox/open.out" "note: apt downloads as root" || return
	# apt hands its partial directories to the user its methods run as.
	[ "$(stat -c %U "$open/dl/.apt/lists/partial")" = _apt ] ||
		fail "lists/partial is owned by $(stat -c %U "$open/dl/.apt/lists/partial"), not _apt: apt did not drop to its sandbox user" || return
	# $DL is inside the test's mode-700 scratch directory: _apt cannot reach it.
	"$TOP/support/scripts/apt-source" --apt-dir "$DL/.apt" fetch sl "$version" "$SCRATCH/sandbox/$file" \
		>"$SCRATCH/sandbox/closed.out" 2>&1 || { fail "fetch failed: $(tail -n 5 "$SCRATCH/sandbox/closed.out")"; return; }
	expect_contains "$SCRATCH/sandbox/closed.out" "note: apt downloads as root here: its sandbox user _apt cannot reach $DL/.apt" || return
	expect_not_contains "$SCRATCH/sandbox/closed.out" "unsandboxed"
}

TESTS+=(apt_drops_to_sandbox_user)

test_build_with_a_users_path() {
	# Debian gives normal users a PATH without /usr/sbin and /sbin, where
	# mke2fs, debugfs and depmod live: the build finds them all the same.
	new_tree userpath
	simple_pkg alpha 1.0
	cat >>"$T/package/alpha/alpha.mk" <<-'MK'
		define ALPHA_MODULES_DIR
			mkdir -p $(TARGET_DIR)/lib/modules/6.1.0-test/kernel
		endef
		ALPHA_POST_INSTALL_TARGET_HOOKS += ALPHA_MODULES_DIR
	MK
	defconfig SMARTOS_PACKAGE_ALPHA=y SMARTOS_TARGET_ROOTFS_EXT4=y
	PATH=/usr/local/bin:/usr/bin:/bin mk || { fail "make with a user's PATH failed: $(tail -n 20 "$OUT")"; return; }
	expect_file "$T/output/images/rootfs.ext4" || return
	expect_file "$T/output/target/lib/modules/6.1.0-test/modules.dep" || return
	# install-host-deps.sh --check looks for the build's commands in the same PATH, and says
	# which directories the build adds.
	PATH=/usr/local/bin:/usr/bin:/bin "$TOP/support/scripts/install-host-deps.sh" --check >"$SCRATCH/userpath/check.out" 2>&1 ||
		fail "--check with a user's PATH failed: $(cat "$SCRATCH/userpath/check.out")" || return
	expect_contains "$SCRATCH/userpath/check.out" "your PATH lacks /usr/sbin /sbin: the build adds them (for debugfs depmod mke2fs mkfs.vfat)" || return
	# A PATH where the build's commands cannot be found: --check names them.
	local bin=$SCRATCH/userpath/bin c
	mkdir -p "$bin"
	for c in bash dpkg-query grep id sed sort tr; do ln -s "$(command -v "$c")" "$bin/$c"; done
	if PATH=$bin "$TOP/support/scripts/install-host-deps.sh" --check >"$SCRATCH/userpath/bad.out" 2>&1; then
		fail "--check passed with PATH=$bin: $(cat "$SCRATCH/userpath/bad.out")"
		return
	fi
	expect_contains "$SCRATCH/userpath/bad.out" "not found in the build's PATH ($bin:/usr/sbin:/sbin): " || return
	expect_contains "$SCRATCH/userpath/bad.out" " fakeroot (fakeroot) " || return
	expect_contains "$SCRATCH/userpath/bad.out" " make (build-essential) "
}

TESTS+=(build_with_a_users_path)

# tar_modes TARBALL: "mode owner name" of every entry, sorted by name.
tar_modes() {
	tar -tvf "$1" | awk '{ print $1, $2, $NF }' | sort -k3
}

test_image_independent_of_umask() {
	# The images are the same whatever the umask of the user who builds, or of
	# the checkout: here the skeleton package and an overlay made under umask
	# 000 (every file and directory writable by all), built under umask 000,
	# against the same built under umask 022. Overlays keep execute bits;
	# world-writable modes come only from a permission table.
	new_tree umask
	local d=$SCRATCH/umask
	(umask 000 && cp -r "$TOP/package/skeleton" "$T/package/skeleton" && chmod -R a+w "$T/package/skeleton")
	kconfig_add "$(cat "$T/package/skeleton/Kconfig")"
	simple_pkg alpha 1.0
	cat >>"$T/package/alpha/alpha.mk" <<-'MK'
		define ALPHA_MADE_HERE
			mkdir -p $(TARGET_DIR)/var/lib/alpha
			echo state > $(TARGET_DIR)/var/lib/alpha/state
		endef
		ALPHA_POST_INSTALL_TARGET_HOOKS += ALPHA_MADE_HERE
	MK
	mkdir -p "$d/overlay/usr/bin" "$d/overlay/etc/alpha"
	printf '#!/bin/sh\necho hi\n' >"$d/overlay/usr/bin/hi"
	echo conf >"$d/overlay/etc/alpha/alpha.conf"
	echo shared >"$d/overlay/etc/alpha/shared"
	chmod -R a+w "$d/overlay" && chmod a+x "$d/overlay/usr/bin/hi"
	echo '/etc/alpha/shared f 666 0 0 - - - - -' >"$d/perms"
	defconfig SMARTOS_PACKAGE_ALPHA=y "SMARTOS_ROOTFS_OVERLAY=\"$d/overlay\"" \
		"SMARTOS_ROOTFS_DEVICE_TABLE=\"system/device_table.txt $d/perms\""
	(umask 000 && mk) || { fail "build under umask 000 failed: $(tail -n 20 "$OUT")"; return; }
	(umask 022 && mk O="$d/out022" test_defconfig >/dev/null && mk O="$d/out022") ||
		{ fail "build under umask 022 failed: $(tail -n 20 "$OUT")"; return; }
	tar_modes "$T/output/images/rootfs.tar" >"$d/modes000"
	tar_modes "$d/out022/images/rootfs.tar" >"$d/modes022"
	diff "$d/modes022" "$d/modes000" >"$d/diff" ||
		fail "rootfs.tar differs between umask 022 and 000 (< 022, > 000):$(printf '\n'; cat "$d/diff")" || return
	grep -q '^-rwxr-xr-x 0/0 ./usr/bin/hi$' "$d/modes000" || fail "overlay's /usr/bin/hi is not 0755: $(grep hi "$d/modes000")" || return
	grep -q '^-rw-r--r-- 0/0 ./etc/passwd$' "$d/modes000" || fail "/etc/passwd is not 0644: $(grep passwd "$d/modes000")" || return
	grep -q '^drwxr-xr-x 0/0 ./$' "$d/modes000" || fail "/ is not 0755: $(grep ' ./$' "$d/modes000")" || return
	# Writable by all: what the tables say (the default one's /dev/null and /tmp), nothing else.
	awk 'substr($1, 9, 1) == "w" && $1 !~ /^l/ { print $3 }' "$d/modes000" >"$d/writable"
	[ "$(tr '\n' ' ' <"$d/writable")" = "./dev/null ./etc/alpha/shared ./tmp/ " ] ||
		fail "writable by all: $(tr '\n' ' ' <"$d/writable"), expected ./dev/null ./etc/alpha/shared ./tmp/" || return
	awk 'substr($1, 6, 1) == "w" && $1 !~ /^l/ { print $3 }' "$d/modes000" | diff "$d/writable" - >"$d/group" ||
		fail "writable by the group but not by all: $(cat "$d/group")"
}

TESTS+=(image_independent_of_umask)

test_build_steps_have_no_network() {
	# Only the download step may reach the network: a package whose build
	# step connects to a port this test listens on (127.0.0.1) fails, naming
	# the package and the step, and the listener sees no connection.
	new_tree nonet
	local d=$SCRATCH/nonet port
	python3 - "$d/port" "$d/connections" <<-'PY' &
		import socket, sys
		s = socket.socket()
		s.bind(("127.0.0.1", 0))
		s.listen(5)
		s.settimeout(300)
		open(sys.argv[1] + ".tmp", "w").write(str(s.getsockname()[1]))
		__import__("os").rename(sys.argv[1] + ".tmp", sys.argv[1])
		while True:
		    try:
		        c, _ = s.accept()
		    except socket.timeout:
		        break
		    with open(sys.argv[2], "a") as f:
		        f.write("connection\n")
		    c.close()
	PY
	NONET_LISTENER=$!
	trap 'kill "$NONET_LISTENER" 2>/dev/null || true; rm -rf "${NONET_USER_DIR:-}"' EXIT
	for _ in $(seq 50); do [ -f "$d/port" ] && break; sleep 0.1; done
	port=$(cat "$d/port")
	# The listener answers outside the build.
	bash -c "echo probe >/dev/tcp/127.0.0.1/$port" || fail "the test's own connection to port $port failed" || return
	for _ in $(seq 50); do [ -s "$d/connections" ] && break; sleep 0.1; done
	[ "$(wc -l <"$d/connections")" = 1 ] || fail "the listener did not record the test's connection" || return
	mkdir -p "$SRC/fetcher"
	echo source >"$SRC/fetcher/README"
	mkpkg fetcher <<-MK
		FETCHER_VERSION = 1
		FETCHER_SITE = $SRC/fetcher
		FETCHER_SITE_METHOD = local
		define FETCHER_BUILD_CMDS
			bash -c 'echo fetch >/dev/tcp/127.0.0.1/$port'
		endef
		\$(eval \$(generic-package))
	MK
	kconfig_add 'config SMARTOS_PACKAGE_FETCHER
	bool "fetcher"'
	defconfig SMARTOS_PACKAGE_FETCHER=y
	mk printvars VARS=SMARTOS_STEP_NETNS || { fail "printvars failed: $(cat "$OUT")"; return; }
	if [ "$(id -u)" = 0 ]; then
		expect_contains "$OUT" "SMARTOS_STEP_NETNS=unshare --net" || return
	fi
	if mk; then fail "a build step reached 127.0.0.1:$port"; return; fi
	expect_contains "$OUT" "ERROR: package fetcher: step build failed" || return
	expect_contains "$OUT" "the step ran without network, in a network namespace of its own" || return
	expect_contains "$T/output/build/fetcher/smartos-build.log" "Network is unreachable" || return
	[ "$(wc -l <"$d/connections")" = 1 ] || fail "the listener saw a connection from the build step" || return
	# The documented way out: SMARTOS_STEP_NETWORK=y keeps the network.
	SMARTOS_STEP_NETWORK=y mk || { fail "make with SMARTOS_STEP_NETWORK=y failed: $(tail -n 20 "$OUT")"; return; }
	for _ in $(seq 50); do [ "$(wc -l <"$d/connections")" = 2 ] && break; sleep 0.1; done
	[ "$(wc -l <"$d/connections")" = 2 ] || fail "with SMARTOS_STEP_NETWORK=y the build step did not connect" || return
	# A normal user: the step shell with the user-namespace command line.
	if [ "$(id -u)" = 0 ] && id nobody >/dev/null 2>&1; then
		# (a directory the user can reach: the scratch directory is root's)
		NONET_USER_DIR=$(mktemp -d)
		local u=$NONET_USER_DIR
		chmod 777 "$u"
		if runuser -u nobody -- env SMARTOS_STEP_NETNS="unshare --user --map-current-user --net" \
			"$TOP/support/scripts/step-shell" "$u/pkg/log" pkg build -c "id -u; echo user >/dev/tcp/127.0.0.1/$port" \
			>"$u/out" 2>&1; then
			fail "as user nobody, a build step reached 127.0.0.1:$port: $(cat "$u/out")"
			return
		fi
		expect_contains "$u/out" "ERROR: package pkg: step build failed" || return
		expect_contains "$u/pkg/log" "$(id -u nobody)" || return
		expect_contains "$u/pkg/log" "Network is unreachable" || return
		[ "$(wc -l <"$d/connections")" = 2 ] || fail "the listener saw a connection from the user's step" || return
	fi
}

TESTS+=(build_steps_have_no_network)
