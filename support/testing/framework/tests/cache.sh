# shellcheck shell=bash
# Framework tests: the artifact cache, path-independent hashes, reproducible images, ccache and distcc.
# Sourced by run-tests (helpers in lib.sh); each test_* runs in a process of its own.

# --- artifact cache and reproducible images ------------------------------------------
# image_sums DIR: "sha256  name" of every image in DIR/images, sorted.
image_sums() {
	(cd "$1/images" && sha256sum rootfs.tar rootfs.cpio rootfs.ext4)
}

# build_steps BUILD_TIME_LOG: the package steps that ran (package:step), sorted, unique.
build_steps() {
	awk '$3 != "rootfs" { print $3 ":" $4 }' "$1" | sort -u
}

test_artifact_cache() {
	new_tree cache
	local cache=$SCRATCH/cache/artifacts out2=$SCRATCH/cache/out2
	simple_pkg alpha 1.0
	simple_pkg beta 1.0 alpha
	# A text file with the package's staging path (like a pkg-config or .la file).
	cat >>"$T/package/alpha/alpha.mk" <<-'MK'
		define ALPHA_WRITE_PATH
			mkdir -p $(STAGING_DIR)/usr/lib && echo "libdir=$(STAGING_DIR)/usr/lib" > $(STAGING_DIR)/usr/lib/alpha.pc
		endef
		ALPHA_POST_INSTALL_TARGET_HOOKS += ALPHA_WRITE_PATH
	MK
	defconfig SMARTOS_PACKAGE_BETA=y SMARTOS_ARTIFACT_CACHE=y "SMARTOS_ARTIFACT_CACHE_DIR=\"$cache\"" \
		SMARTOS_TARGET_ROOTFS_CPIO=y SMARTOS_TARGET_ROOTFS_EXT4=y
	rm -f "$SCRATCH/build-order"
	mk || { fail "clean build failed: $(tail -n 20 "$OUT")"; return; }
	local p
	for p in alpha beta toolchain toolchain-external; do
		ls "$cache/$p/"*.art >/dev/null 2>&1 || fail "no cache entry for $p in $cache" || return
	done
	image_sums "$T/output" >"$SCRATCH/cache/sums.first"
	# make clean, make: everything restored, no package step but the restores ran.
	mk clean || { fail "make clean failed"; return; }
	rm -f "$SCRATCH/build-order"
	mk || { fail "rebuild from the cache failed: $(tail -n 20 "$OUT")"; return; }
	expect_contains "$OUT" ">>> alpha 1.0 Restoring from the artifact cache" || return
	expect_contains "$OUT" ">>> beta 1.0 Restoring from the artifact cache" || return
	expect_no_file "$SCRATCH/build-order" || return
	build_steps "$T/output/build/build-time.log" | grep -E ':(download|extract|patch|configure|build|install-.*)$' \
		>"$SCRATCH/cache/steps" && { fail "package steps ran: $(tr '\n' ' ' <"$SCRATCH/cache/steps")"; return; }
	image_sums "$T/output" | diff "$SCRATCH/cache/sums.first" - >"$SCRATCH/cache/diff" ||
		fail "images differ after the rebuild from the cache: $(cat "$SCRATCH/cache/diff")" || return
	expect_contains "$T/output/target/usr/share/beta.option" "beta default" || return
	# A second make does nothing.
	mk || { fail "no-op make failed"; return; }
	[ ! -s "$OUT" ] || fail "no-op make after the restore printed: $(cat "$OUT")" || return
	# Extracting a restored package (as legal-info does) keeps it restored.
	mk alpha-extract || { fail "alpha-extract failed: $(tail -n 20 "$OUT")"; return; }
	mk || { fail "make after alpha-extract failed: $(tail -n 20 "$OUT")"; return; }
	expect_not_contains "$OUT" "Building" || return
	# Another output directory restores too, with the same images.
	mk O="$out2" test_defconfig >/dev/null || { fail "defconfig in $out2 failed"; return; }
	mk O="$out2" || { fail "build in $out2 failed: $(tail -n 20 "$OUT")"; return; }
	expect_contains "$OUT" ">>> beta 1.0 Restoring from the artifact cache" || return
	expect_no_file "$SCRATCH/build-order" || return
	image_sums "$out2" | diff "$SCRATCH/cache/sums.first" - >"$SCRATCH/cache/diff" ||
		fail "images in $out2 differ: $(cat "$SCRATCH/cache/diff")" || return
	# Paths of the other output directory in text files are moved to this one.
	expect_contains "$out2/per-package/alpha/staging/usr/lib/alpha.pc" "libdir=$out2/per-package/alpha/staging/usr/lib" || return
	# A truncated entry: reported (package and entry), removed, the package built and stored again.
	local entry
	entry=$(ls "$cache"/beta/*.art)
	truncate -s 100 "$entry"
	mk clean || { fail "make clean failed"; return; }
	mk || { fail "build with a corrupt entry failed: $(tail -n 20 "$OUT")"; return; }
	expect_contains "$OUT" "corrupt entry of package beta: $entry" || return
	expect_contains "$OUT" ">>> beta 1.0 Building" || return
	expect_not_contains "$OUT" ">>> alpha 1.0 Building" || return
	[ "$(cat "$SCRATCH/build-order")" = beta ] || fail "expected only beta built, got: $(cat "$SCRATCH/build-order")" || return
	/usr/bin/python3 "$TOP/support/scripts/artifact-cache" verify --cache "$cache" >"$SCRATCH/cache/verify" ||
		fail "cache not good again: $(cat "$SCRATCH/cache/verify")" || return
	image_sums "$T/output" | diff "$SCRATCH/cache/sums.first" - >"$SCRATCH/cache/diff" ||
		fail "images differ after rebuilding beta: $(cat "$SCRATCH/cache/diff")" || return
	# <pkg>-rebuild builds (never restores) and, the build dir being touched by hand, does not store.
	rm -f "$SCRATCH/build-order"
	mk beta-rebuild || { fail "beta-rebuild failed: $(tail -n 20 "$OUT")"; return; }
	[ "$(cat "$SCRATCH/build-order" 2>/dev/null)" = beta ] || fail "beta-rebuild did not build beta" || return
	expect_contains "$T/output/build/beta/smartos-build.log" "beta was changed by hand: not stored" || return
	# The size limit: a new entry evicts the least recently used ones.
	touch -d '2 days ago' "$cache/alpha/"*.art
	local total
	total=$(cat "$cache"/*/*.art | wc -c)
	set_config SMARTOS_ARTIFACT_CACHE_SIZE "\"$((total - 1))\"" || return
	set_config SMARTOS_PACKAGE_BETA_TEXT '"other"' || return
	mk || { fail "make with a size limit failed: $(tail -n 20 "$OUT")"; return; }
	expect_contains "$T/output/build/beta/smartos-build.log" "artifact cache: evicted $cache/alpha/" || return
	! ls "$cache/alpha/"*.art >/dev/null 2>&1 || fail "alpha's entry (least recently used) is still there" || return
	[ "$(find "$cache/beta" -name "*.art" | wc -l)" = 2 ] || fail "expected two entries of beta: $(ls "$cache/beta")" || return
	[ "$(cat "$cache"/*/*.art | wc -c)" -le "$((total - 1))" ] || fail "cache larger than the limit"
}

test_artifact_cache_concurrent() {
	# Two builds at once sharing one cache: both store the same entries (each
	# written to a temporary file and renamed), both restore; no entry is ever
	# seen half-written. The packages' files are large enough (2 MB) to make
	# storing take a while.
	new_tree concurrent
	local cache=$SCRATCH/concurrent/artifacts o p i pids rc=0
	for p in big1 big2 big3; do
		simple_pkg "$p" 1.0
		cat >>"$T/package/$p/$p.mk" <<-MK
			define ${p^^}_MAKE_BIG
				head -c 2000000 /dev/urandom > \$(TARGET_DIR)/usr/share/$p.bin
			endef
			${p^^}_POST_INSTALL_TARGET_HOOKS += ${p^^}_MAKE_BIG
		MK
	done
	defconfig SMARTOS_PACKAGE_BIG1=y SMARTOS_PACKAGE_BIG2=y SMARTOS_PACKAGE_BIG3=y SMARTOS_ARTIFACT_CACHE=y \
		"SMARTOS_ARTIFACT_CACHE_DIR=\"$cache\""
	for i in 1 2 3; do
		o=$SCRATCH/concurrent/out$i
		make -C "$T" --no-print-directory O="$o" test_defconfig >/dev/null 2>&1 || { fail "defconfig in $o failed"; return; }
	done
	for round in build restore; do
		pids=()
		for i in 1 2 3; do
			make -C "$T" --no-print-directory O="$SCRATCH/concurrent/out$i" >"$SCRATCH/concurrent/$round$i.out" 2>&1 &
			pids+=($!)
		done
		for i in 0 1 2; do wait "${pids[$i]}" || rc=1; done
		[ "$rc" = 0 ] || { fail "a concurrent $round failed: $(tail -n 5 "$SCRATCH"/concurrent/"$round"?.out)"; return; }
		/usr/bin/python3 "$TOP/support/scripts/artifact-cache" verify --cache "$cache" >"$SCRATCH/concurrent/verify" ||
			fail "after the concurrent $round: $(cat "$SCRATCH/concurrent/verify")" || return
		[ -z "$(find "$cache" -name '.tmp.*')" ] || fail "temporary files left in the cache: $(find "$cache" -name '.tmp.*')" || return
		if [ $round = build ]; then
			for i in 1 2 3; do make -C "$T" --no-print-directory O="$SCRATCH/concurrent/out$i" clean >/dev/null 2>&1; done
		fi
	done
	for i in 1 2 3; do
		expect_contains "$SCRATCH/concurrent/restore$i.out" ">>> big2 1.0 Restoring from the artifact cache" || return
		expect_not_contains "$SCRATCH/concurrent/restore$i.out" "Building" || return
		expect_not_contains "$SCRATCH/concurrent/restore$i.out" "corrupt" || return
	done
	# All three have the files of the entry that won (one of the builds): the same ones.
	[ "$(sha256sum <"$SCRATCH/concurrent/out1/target/usr/share/big2.bin")" = \
		"$(sha256sum <"$SCRATCH/concurrent/out3/target/usr/share/big2.bin")" ] || fail "restored files differ"
}

test_artifact_cache_build_dir_dependency() {
	# A package that builds inside another's build directory (as kernel modules do
	# in linux's: FOO_BUILD_DIR_DEPENDENCIES) makes the cache build that one too
	# when it has to be built itself; when both are in the cache both are restored.
	new_tree builddir
	local cache=$SCRATCH/builddir/artifacts
	simple_pkg kern 1.0
	kconfig_add 'config SMARTOS_PACKAGE_MOD
	bool "mod"
	select SMARTOS_PACKAGE_KERN
config SMARTOS_PACKAGE_MOD_TEXT
	string "mod text"
	default "one"'
	mkpkg mod <<-'MK'
		MOD_VERSION = 1
		MOD_DEPENDENCIES = kern
		MOD_BUILD_DIR_DEPENDENCIES = kern
		define MOD_BUILD_CMDS
			cat $(KERN_DIR)/kern.txt > $(@D)/mod.txt
			echo "$(SMARTOS_PACKAGE_MOD_TEXT)" >> $(@D)/mod.txt
		endef
		define MOD_INSTALL_TARGET_CMDS
			install -D -m 644 $(@D)/mod.txt $(TARGET_DIR)/usr/share/mod.txt
		endef
		$(eval $(generic-package))
	MK
	defconfig SMARTOS_PACKAGE_MOD=y SMARTOS_ARTIFACT_CACHE=y "SMARTOS_ARTIFACT_CACHE_DIR=\"$cache\""
	mk || { fail "first build failed: $(tail -n 20 "$OUT")"; return; }
	mk clean >/dev/null || { fail "make clean failed"; return; }
	mk || { fail "rebuild from the cache failed: $(tail -n 20 "$OUT")"; return; }
	expect_contains "$OUT" ">>> kern 1.0 Restoring from the artifact cache" || return
	expect_contains "$OUT" ">>> mod 1 Restoring from the artifact cache" || return
	# mod changes: it is built, and kern with it (its build directory is needed).
	set_config SMARTOS_PACKAGE_MOD_TEXT '"two"' || return
	mk || { fail "build after changing mod failed: $(tail -n 20 "$OUT")"; return; }
	expect_contains "$OUT" ">>> kern 1.0 Building" || return
	expect_contains "$OUT" ">>> mod 1 Building" || return
	expect_contains "$T/output/target/usr/share/mod.txt" "two"
}

test_hash_independent_of_paths() {
	# The same package in another output directory and in a checkout at another
	# path has the same input hash (the artifact cache's key).
	new_tree paths1
	simple_pkg alpha 1.0
	defconfig SMARTOS_PACKAGE_ALPHA=y
	mk -s alpha-show-hash || { fail "alpha-show-hash failed: $(cat "$OUT")"; return; }
	local h1 h2 h3
	h1=$(cat "$OUT")
	mk O="$SCRATCH/paths1/out2" test_defconfig >/dev/null || { fail "defconfig in out2 failed"; return; }
	mk -s O="$SCRATCH/paths1/out2" alpha-show-hash || { fail "alpha-show-hash in out2 failed"; return; }
	h2=$(cat "$OUT")
	rm -rf "$T/output" "$SCRATCH/paths1/out2"
	cp -a "$SCRATCH/paths1/tree" "$SCRATCH/paths1/moved"
	T=$SCRATCH/paths1/moved
	mk test_defconfig >/dev/null || { fail "defconfig in the moved tree failed"; return; }
	mk -s alpha-show-hash || { fail "alpha-show-hash in the moved tree failed"; return; }
	h3=$(cat "$OUT")
	if [ -z "$h1" ] || [ "$h1" != "$h2" ] || [ "$h1" != "$h3" ]; then
		fail "hashes differ: output/ $h1, other output dir $h2, moved tree $h3"
	fi
}

test_reproducible_images() {
	# Two builds into separate output directories, a few seconds apart, at a
	# different umask: identical tar, cpio and ext4 images.
	new_tree repro
	simple_pkg alpha 1.0
	simple_pkg beta 1.0 alpha
	defconfig SMARTOS_PACKAGE_BETA=y SMARTOS_TARGET_ROOTFS_CPIO=y SMARTOS_TARGET_ROOTFS_EXT4=y
	mk || { fail "first build failed: $(tail -n 20 "$OUT")"; return; }
	sleep 1.1
	mk O="$SCRATCH/repro/out2" test_defconfig >/dev/null || { fail "defconfig failed"; return; }
	mk O="$SCRATCH/repro/out2" || { fail "second build failed: $(tail -n 20 "$OUT")"; return; }
	"$TOP/support/testing/reproducible/compare-images" "$T/output/images" "$SCRATCH/repro/out2/images" \
		>"$SCRATCH/repro/compare" 2>&1 || fail "images differ: $(cat "$SCRATCH/repro/compare")" || return
	expect_contains "$SCRATCH/repro/compare" "rootfs.ext4: identical" || return
	# debugfs's edits of the inode times leave a consistent file system.
	e2fsck -fn "$T/output/images/rootfs.ext4" >"$SCRATCH/repro/fsck" 2>&1 ||
		fail "e2fsck -fn rootfs.ext4: $(cat "$SCRATCH/repro/fsck")" || return
	# The time is SOURCE_DATE_EPOCH (the default, 2024-01-01).
	tar -tvf "$T/output/images/rootfs.tar" ./usr/share/alpha.txt | grep -q '2024-01-01' ||
		fail "rootfs.tar time is not 2024-01-01: $(tar -tvf "$T/output/images/rootfs.tar" ./usr/share/alpha.txt)" || return
	# A difference is reported with the file that differs inside each image.
	local c=$SCRATCH/repro/out2/.config
	sed -i '/^SMARTOS_PACKAGE_ALPHA_TEXT=/d' "$c" && echo 'SMARTOS_PACKAGE_ALPHA_TEXT="changed"' >>"$c"
	mk O="$SCRATCH/repro/out2" || { fail "rebuild with another text failed: $(tail -n 20 "$OUT")"; return; }
	if "$TOP/support/testing/reproducible/compare-images" "$T/output/images" "$SCRATCH/repro/out2/images" \
		>"$SCRATCH/repro/compare2" 2>&1; then
		fail "compare-images found no difference"
		return
	fi
	expect_contains "$SCRATCH/repro/compare2" "rootfs.tar: DIFFERS" || return
	expect_contains "$SCRATCH/repro/compare2" "content differs: ./usr/share/alpha.option" || return
	expect_contains "$SCRATCH/repro/compare2" "content differs: usr/share/alpha.option" || return   # cpio
	expect_contains "$SCRATCH/repro/compare2" "content differs: /usr/share/alpha.option" || return  # ext4
	expect_contains "$SCRATCH/repro/compare2" "0 identical, 3 differ"
}

test_distcc_and_ccache() {
	# Compilations really go through distcc: a distccd on 127.0.0.1 logs them.
	# With ccache on too, distcc is ccache's prefix: only misses reach distccd.
	local d=$SCRATCH/distcc port dpid
	if ! command -v distcc >/dev/null || ! command -v distccd >/dev/null; then
		fail "distcc is not installed (apt-get install distcc)"
		return
	fi
	new_tree distcc
	mkdir -p "$d"
	port=$((20000 + RANDOM % 20000))
	# (its log on stderr: distccd started as root runs as nobody, who cannot write
	# here; for the same reason its temporary files go to /tmp, not to $TMPDIR)
	TMPDIR=/tmp distccd --daemon --no-detach --listen 127.0.0.1 -p "$port" -a 127.0.0.1 \
		--log-stderr --log-level=info --user nobody 2>"$d/distccd.log" &
	dpid=$!
	# shellcheck disable=SC2064 # the pid is known now
	trap "kill $dpid 2>/dev/null" EXIT
	mkdir -p "$SRC/dcc"
	printf 'int twice(int x) { return 2 * x; }\n' >"$SRC/dcc/twice.c"
	printf 'int twice(int);\nint main(void) { return twice(0); }\n' >"$SRC/dcc/main.c"
	mkpkg dcc <<-MK
		DCC_VERSION = 1
		DCC_SITE = $SRC/dcc
		DCC_SITE_METHOD = local
		define DCC_BUILD_CMDS
			env | grep -E '^(CCACHE_(MAXSIZE|REMOTE_STORAGE|PREFIX)|DISTCC_HOSTS)=' | sort > \$(@D)/env
			cd \$(@D) && \$(TARGET_CC) \$(TARGET_CFLAGS) -c twice.c -o twice.o
			cd \$(@D) && \$(TARGET_CC) \$(TARGET_CFLAGS) -c main.c -o main.o
			cd \$(@D) && \$(TARGET_CC) -o dcc main.o twice.o
		endef
		define DCC_INSTALL_TARGET_CMDS
			install -D \$(@D)/dcc \$(TARGET_DIR)/usr/bin/dcc
		endef
		\$(eval \$(generic-package))
	MK
	kconfig_add 'config SMARTOS_PACKAGE_DCC
	bool "dcc"'
	defconfig SMARTOS_PACKAGE_DCC=y SMARTOS_TEST_GLIBC=y SMARTOS_DISTCC=y \
		"SMARTOS_DISTCC_HOSTS=\"127.0.0.1:$port/2\""
	DISTCC_FALLBACK=0 mk || { fail "make with distcc failed: $(tail -n 20 "$OUT")"; return; }
	expect_contains "$T/output/build/dcc/env" "DISTCC_HOSTS=127.0.0.1:$port/2" || return
	local n
	n=$(grep -c 'COMPILE_OK.* \(twice\|main\)\.c' "$d/distccd.log")
	[ "$n" = 2 ] || fail "expected distccd to compile twice.c and main.c, its log: $(tail -n 5 "$d/distccd.log")" || return
	# ccache in front, with its options passed through; a fresh cache misses, so distcc compiles.
	set_config SMARTOS_CCACHE y || return
	set_config SMARTOS_CCACHE_DIR "\"$d/ccache\"" || return
	set_config SMARTOS_CCACHE_MAXSIZE '"200M"' || return
	set_config SMARTOS_CCACHE_REMOTE_STORAGE "\"file:$d/remote\"" || return
	DISTCC_FALLBACK=0 mk dcc-rebuild || { fail "rebuild with ccache+distcc failed: $(tail -n 20 "$OUT")"; return; }
	expect_contains "$T/output/build/dcc/env" "CCACHE_PREFIX=distcc" || return
	expect_contains "$T/output/build/dcc/env" "CCACHE_MAXSIZE=200M" || return
	expect_contains "$T/output/build/dcc/env" "CCACHE_REMOTE_STORAGE=file:$d/remote" || return
	n=$(grep -c 'COMPILE_OK.* \(twice\|main\)\.c' "$d/distccd.log")
	[ "$n" = 4 ] || fail "ccache misses did not go to distccd ($n compilations in its log, expected 4)" || return
	[ -n "$(find "$d/remote" -type f 2>/dev/null)" ] || fail "ccache wrote nothing to its remote storage $d/remote" || return
	# Again: ccache hits, distccd sees nothing new.
	DISTCC_FALLBACK=0 mk dcc-rebuild || { fail "second rebuild failed: $(tail -n 20 "$OUT")"; return; }
	n=$(grep -c 'COMPILE_OK.* \(twice\|main\)\.c' "$d/distccd.log")
	[ "$n" = 4 ] || fail "ccache hits still went to distccd ($n compilations, expected 4)"
}

TESTS+=(artifact_cache artifact_cache_concurrent artifact_cache_build_dir_dependency hash_independent_of_paths reproducible_images distcc_and_ccache)
