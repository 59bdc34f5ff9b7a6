# shellcheck shell=bash
# Framework tests: the meson and cmake package infrastructures with tiny local
# packages, and the Debian source importer (support/scripts/pkg-import) on real
# Debian 12 source packages.
# Sourced by run-tests (helpers in lib.sh); each test_* runs in a process of its own.

# The download directory the tests were started with (new_tree points
# SMARTOS_DL_DIR at a scratch one): the importer test's Debian sources are
# real and large enough to keep.
DESKTOP_DL_DIR=${SMARTOS_DL_DIR:-$HOME/.cache/smart-os/dl}

# full_toolchain: the test tree's toolchain-external with every tool of the
# host's x86_64-linux-gnu- set (new_tree's links only gcc: meson and
# cmake ask for g++, ar, nm, strip...), and the glibc runtime in the target.
full_toolchain() {
	mkpkg toolchain-external <<-'MK'
		TOOLCHAIN_EXTERNAL_VERSION = test
		define TOOLCHAIN_EXTERNAL_BUILD_CMDS
			mkdir -p $(HOST_DIR)/bin
			for t in gcc g++ cpp ar nm ranlib strip objcopy objdump readelf ld as; do \
				ln -sfn "$$(command -v x86_64-linux-gnu-$$t)" $(HOST_DIR)/bin/x86_64-linux-gnu-$$t || exit 1; \
			done
		endef
		define TOOLCHAIN_EXTERNAL_INSTALL_TARGET_CMDS
			install -D /lib64/ld-linux-x86-64.so.2 $(TARGET_DIR)/lib64/ld-linux-x86-64.so.2
			for l in libc.so.6 libm.so.6 libgcc_s.so.1; do install -D /lib/x86_64-linux-gnu/$$l $(TARGET_DIR)/lib/$$l || exit 1; done
		endef
		$(eval $(generic-package))
	MK
}

# tarball_pkg NAME VERSION: $SRC/NAME-VERSION.tar.gz from $SRC/NAME-VERSION and
# its hash file in package/NAME.
tarball_pkg() {
	tar -C "$SRC" --sort=name --mtime=@0 -czf "$SRC/$1-$2.tar.gz" "$1-$2"
	mkdir -p "$T/package/$1"
	(cd "$SRC" && echo "sha256  $(sha256sum "$1-$2.tar.gz" | cut -d' ' -f1)  $1-$2.tar.gz") >"$T/package/$1/$1.hash"
}

# A meson library with a pkg-config file, a program linked to it, a generator
# built for and run on the build machine, and an option set from Kconfig.
make_mtiny() {
	local d=$SRC/mtiny-1.0
	mkdir -p "$d"
	cat >"$d/meson.build" <<-'EOF'
		project('mtiny', 'c', version : '1.0')
		gen = executable('gen', 'gen.c', native : true)
		greeting_h = custom_target('greeting', output : 'greeting.h', command : [gen, get_option('greeting'), '@OUTPUT@'])
		lib = shared_library('mtiny', 'mtiny.c', greeting_h, version : '1.0.0', install : true)
		install_headers('mtiny.h')
		import('pkgconfig').generate(lib, description : 'a tiny test library')
		executable('mtiny-hello', 'main.c', link_with : lib, install : true)
	EOF
	cat >"$d/meson_options.txt" <<-'EOF'
		option('greeting', type : 'string', value : 'hello')
	EOF
	cat >"$d/gen.c" <<-'EOF'
		#include <stdio.h>
		int main(int argc, char **argv)
		{
			FILE *f;
			if (argc != 3 || !(f = fopen(argv[2], "w")))
				return 1;
			fprintf(f, "#define GREETING \"%s\"\n", argv[1]);
			return fclose(f) != 0;
		}
	EOF
	cat >"$d/mtiny.h" <<-'EOF'
		const char *mtiny_greeting(void);
	EOF
	cat >"$d/mtiny.c" <<-'EOF'
		#include "mtiny.h"
		#include "greeting.h"
		const char *mtiny_greeting(void) { return GREETING; }
	EOF
	cat >"$d/main.c" <<-'EOF'
		#include <stdio.h>
		#include "mtiny.h"
		int main(void) { puts(mtiny_greeting()); return 0; }
	EOF
	tarball_pkg mtiny 1.0
	mkpkg mtiny <<-MK
		MTINY_VERSION = 1.0
		MTINY_SITE = file://$SRC
		MTINY_LICENSE = MIT
		MTINY_INSTALL_STAGING = YES
		MTINY_CONF_OPTS = -Dgreeting=\$(call qstrip,\$(SMARTOS_PACKAGE_MTINY_GREETING))
		\$(eval \$(meson-package))
		HOST_MTINY_CONF_OPTS = -Dgreeting=host-greeting
		\$(eval \$(host-meson-package))
	MK
	kconfig_add 'config SMARTOS_PACKAGE_MTINY
	bool "mtiny"
config SMARTOS_PACKAGE_MTINY_GREETING
	string "greeting"
	default "hello-from-meson"
	depends on SMARTOS_PACKAGE_MTINY'
}

# run_target PROGRAM: run a program of the target tree with its libraries
# (target and build machine are both x86_64 with the host's glibc here).
run_target() {
	LD_LIBRARY_PATH=$T/output/target/usr/lib "$T/output/target/usr/bin/$1"
}

test_meson_package() {
	new_tree meson
	full_toolchain
	make_mtiny
	mkpkg muser <<-'MK'
		MUSER_VERSION = 1
		MUSER_DEPENDENCIES = host-mtiny
		define MUSER_BUILD_CMDS
			mtiny-hello > $(@D)/from-host
		endef
		define MUSER_INSTALL_TARGET_CMDS
			install -D -m 644 $(@D)/from-host $(TARGET_DIR)/usr/share/from-host
		endef
		$(eval $(generic-package))
	MK
	kconfig_add 'config SMARTOS_PACKAGE_MUSER
	bool "muser"'
	defconfig SMARTOS_PACKAGE_MTINY=y SMARTOS_PACKAGE_MUSER=y
	mk || { fail "make failed: $(tail -n 20 "$OUT")"; return; }
	local b=$T/output/build/mtiny ppd=$T/output/per-package/mtiny
	# Out of tree, with a cross file made from the toolchain and the staging dir.
	expect_file "$b/smartos-build/build.ninja" || return
	expect_no_file "$b/build.ninja" || return
	expect_contains "$b/smartos-build/cross.ini" "c = ['$ppd/host/bin/x86_64-linux-gnu-gcc']" || return
	expect_contains "$b/smartos-build/cross.ini" "sys_root = '$ppd/staging'" || return
	expect_contains "$b/smartos-build/cross.ini" "pkg_config_libdir = '$ppd/staging/usr/lib/pkgconfig:" || return
	# Staging: the library, its header and its pkg-config file; target: the program.
	for f in usr/lib/libmtiny.so.1.0.0 usr/include/mtiny.h usr/lib/pkgconfig/mtiny.pc; do
		expect_file "$T/output/staging/$f" || return
	done
	expect_contains "$T/output/staging/usr/lib/pkgconfig/mtiny.pc" "prefix=/usr" || return
	[ "$(run_target mtiny-hello)" = hello-from-meson ] ||
		fail "target mtiny-hello printed '$(run_target mtiny-hello)', expected hello-from-meson" || return
	# The host variant: into the host dir, usable by a later package's build.
	expect_file "$T/output/host/bin/mtiny-hello" || return
	expect_contains "$T/output/target/usr/share/from-host" "host-greeting" || return
	# The option is an input: changing it rebuilds mtiny with the new value.
	set_config SMARTOS_PACKAGE_MTINY_GREETING '"changed-greeting"' || return
	mk || { fail "make after the option change failed: $(tail -n 20 "$OUT")"; return; }
	expect_contains "$OUT" ">>> mtiny 1.0 Configuring" || return
	[ "$(run_target mtiny-hello)" = changed-greeting ] ||
		fail "after the option change mtiny-hello printed '$(run_target mtiny-hello)'"
}

test_cmake_package() {
	new_tree cmake
	full_toolchain
	make_mtiny
	# A cmake program that finds mtiny through pkg-config and find_library/find_path.
	local d=$SRC/ctiny-2.0
	mkdir -p "$d"
	cat >"$d/CMakeLists.txt" <<-'EOF'
		cmake_minimum_required(VERSION 3.13)
		project(ctiny C)
		option(CTINY_SHOUT "print in capitals" OFF)
		find_package(PkgConfig REQUIRED)
		pkg_check_modules(MTINY REQUIRED mtiny)
		find_library(MTINY_LIB mtiny)
		find_path(MTINY_INC mtiny.h)
		if(NOT MTINY_LIB OR NOT MTINY_INC)
			message(FATAL_ERROR "mtiny not found by find_library/find_path")
		endif()
		file(WRITE ${CMAKE_BINARY_DIR}/found.txt "lib=${MTINY_LIB}\ninc=${MTINY_INC}\npc=${MTINY_INCLUDE_DIRS} ${MTINY_VERSION}\n")
		add_executable(ctiny main.c)
		if(CTINY_SHOUT)
			target_compile_definitions(ctiny PRIVATE SHOUT=1)
		endif()
		target_include_directories(ctiny PRIVATE ${MTINY_INCLUDE_DIRS})
		target_link_libraries(ctiny ${MTINY_LINK_LIBRARIES})
		install(TARGETS ctiny DESTINATION bin)
	EOF
	cat >"$d/main.c" <<-'EOF'
		#include <stdio.h>
		#include <mtiny.h>
		int main(void)
		{
		#ifdef SHOUT
			printf("CTINY ");
		#else
			printf("ctiny ");
		#endif
			puts(mtiny_greeting());
			return 0;
		}
	EOF
	tarball_pkg ctiny 2.0
	mkpkg ctiny <<-MK
		CTINY_VERSION = 2.0
		CTINY_SITE = file://$SRC
		CTINY_LICENSE = MIT
		CTINY_DEPENDENCIES = mtiny
		CTINY_CONF_OPTS = -DCTINY_SHOUT=\$(if \$(SMARTOS_PACKAGE_CTINY_SHOUT),ON,OFF)
		\$(eval \$(cmake-package))
		HOST_CTINY_DEPENDENCIES = host-mtiny
		\$(eval \$(host-cmake-package))
	MK
	kconfig_add 'config SMARTOS_PACKAGE_CTINY
	bool "ctiny"
	select SMARTOS_PACKAGE_MTINY
config SMARTOS_PACKAGE_CTINY_SHOUT
	bool "shout"
	depends on SMARTOS_PACKAGE_CTINY
config SMARTOS_PACKAGE_HOST_CTINY
	bool "host-ctiny"'
	# A pkg-config file of the same name outside the staging dir, on the
	# user's PKG_CONFIG_PATH: a target package must not see it.
	mkdir -p "$SCRATCH/decoy-pc"
	printf 'Name: mtiny\nDescription: decoy\nVersion: 9.9\nCflags: -I/decoy\n' >"$SCRATCH/decoy-pc/mtiny.pc"
	defconfig SMARTOS_PACKAGE_CTINY=y SMARTOS_PACKAGE_HOST_CTINY=y
	PKG_CONFIG_PATH=$SCRATCH/decoy-pc mk || { fail "make failed: $(tail -n 20 "$OUT")"; return; }
	local b=$T/output/build/ctiny ppd=$T/output/per-package/ctiny
	expect_file "$b/smartos-build/build.ninja" || return
	expect_no_file "$b/CMakeCache.txt" || return
	expect_contains "$b/smartos-build/toolchain.cmake" "set(CMAKE_C_COMPILER \"$ppd/host/bin/x86_64-linux-gnu-gcc\")" || return
	expect_contains "$b/smartos-build/found.txt" "lib=$ppd/staging/usr/lib/libmtiny.so" || return
	expect_contains "$b/smartos-build/found.txt" "inc=$ppd/staging/usr/include" || return
	expect_contains "$b/smartos-build/found.txt" "pc=$ppd/staging/usr/include 1.0" || return
	expect_not_contains "$b/smartos-build/found.txt" "decoy" || return
	[ "$(run_target ctiny)" = "ctiny hello-from-meson" ] ||
		fail "target ctiny printed '$(run_target ctiny)', expected 'ctiny hello-from-meson'" || return
	# The host variant, linked to host-mtiny in the host dir (RPATH there).
	[ "$("$T/output/host/bin/ctiny")" = "ctiny host-greeting" ] ||
		fail "host ctiny printed '$("$T/output/host/bin/ctiny")'" || return
	# A cmake option from Kconfig is an input.
	set_config SMARTOS_PACKAGE_CTINY_SHOUT y || return
	mk || { fail "make after the option change failed: $(tail -n 20 "$OUT")"; return; }
	[ "$(run_target ctiny)" = "CTINY hello-from-meson" ] ||
		fail "after the option change ctiny printed '$(run_target ctiny)'"
}

# hash_file_ok HASHFILE NAME FILE: the sha256 line for NAME in HASHFILE is FILE's.
hash_file_ok() {
	local want got
	want=$(awk -v f="$2" '$1 == "sha256" && $3 == f { print $2 }' "$1")
	got=$(sha256sum "$3" | cut -d' ' -f1)
	[ -n "$want" ] || fail "no sha256 line for $2 in $1" || return
	[ "$want" = "$got" ] || fail "$1: $2 has sha256 $want, the file $3 has $got"
}

# The importer on five real Debian 12 source packages it has no knowledge of,
# one per build system (freetype: ./configure, libdrm: meson, expat: cmake in
# its expat/ subdirectory, xxhash: a plain Makefile) and fontconfig, whose
# Build-Depends name expat and freetype, imported before it. Every one builds
# as written.
test_pkg_import() {
	new_tree import
	full_toolchain
	export SMARTOS_DL_DIR=$DESKTOP_DL_DIR
	local p want
	declare -A want_infra=([expat]=cmake [libdrm]=meson [xxhash]=generic [freetype]=autotools
		[fontconfig]=autotools)
	for p in expat libdrm xxhash freetype fontconfig; do
		"$TOP/support/scripts/pkg-import" --tree "$T" --menu Imported "$p" >"$SCRATCH/import-$p.out" 2>&1 ||
			fail "pkg-import $p failed: $(tail -n 20 "$SCRATCH/import-$p.out")" || return
		for f in "$p.mk" "$p.hash" Kconfig; do expect_file "$T/package/$p/$f" || return; done
		want=${want_infra[$p]}
		grep -q "^\$(eval \$($want-package))\$" "$T/package/$p/$p.mk" ||
			fail "$p: expected \$(eval \$($want-package)) in $p.mk; it has: $(grep eval "$T/package/$p/$p.mk")" || return
		expect_contains "$T/package/Kconfig" "source \"package/$p/Kconfig\"" || return
	done
	# xxhash's Makefile installs with DESTDIR and PREFIX.
	expect_contains "$T/package/xxhash/xxhash.mk" "DESTDIR=\$(TARGET_DIR) install" || return
	# fontconfig depends on the two packages imported before it.
	expect_contains "$T/package/fontconfig/Kconfig" "select SMARTOS_PACKAGE_EXPAT" || return
	expect_contains "$T/package/fontconfig/Kconfig" "select SMARTOS_PACKAGE_FREETYPE" || return
	grep -q "^FONTCONFIG_DEPENDENCIES = .*expat" "$T/package/fontconfig/fontconfig.mk" &&
		grep -q "^FONTCONFIG_DEPENDENCIES = .*freetype" "$T/package/fontconfig/fontconfig.mk" ||
		fail "fontconfig.mk: expected expat and freetype in FONTCONFIG_DEPENDENCIES: $(grep DEPENDENCIES "$T/package/fontconfig/fontconfig.mk")" || return
	# Build them all as written. (Not into an image: what an imported package
	# finds through the test toolchain's default paths, e.g. the build
	# machine's libpng for freetype, is for the person reviewing it to turn off.)
	defconfig SMARTOS_PACKAGE_LIBDRM=y SMARTOS_PACKAGE_XXHASH=y SMARTOS_PACKAGE_FONTCONFIG=y || return
	mk libdrm xxhash fontconfig || { fail "make failed: $(tail -n 30 "$OUT")"; return; }
	local ppd=$T/output/per-package
	for f in libdrm/target/usr/lib/libdrm.so.2 xxhash/target/usr/bin/xxhsum \
		fontconfig/target/usr/lib/libexpat.so.1 fontconfig/target/usr/lib/libfreetype.so.6 \
		fontconfig/target/usr/lib/libfontconfig.so.1 fontconfig/target/usr/bin/fc-list \
		fontconfig/staging/usr/lib/pkgconfig/fontconfig.pc; do
		expect_file "$ppd/$f" || return
	done
	# The hashes are those of the files: the .orig tarballs in the download
	# directory, and (make legal-info checks them again) the licence files.
	mk show-info || { fail "make show-info failed: $(tail -n 5 "$OUT")"; return; }
	local name file
	for p in expat libdrm xxhash freetype fontconfig; do
		file=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))[sys.argv[2]]["source"])' "$OUT" "$p")
		hash_file_ok "$T/package/$p/$p.hash" "$file" "$DESKTOP_DL_DIR/$p/$file" || return
		while read -r name; do
			hash_file_ok "$T/package/$p/$p.hash" "$name" "$T/output/build/$p/$name" || return
		done < <(awk '$1 == "sha256" && $3 !~ /\.tar\./ { print $3 }' "$T/package/$p/$p.hash")
	done
	mk legal-info || fail "make legal-info failed: $(tail -n 20 "$OUT")"
}

# The importer's errors name the package: one the archive does not have, a
# folder that exists already, a name unusable as a package name.
test_pkg_import_errors() {
	new_tree import-errors
	export SMARTOS_DL_DIR=$DESKTOP_DL_DIR
	local out=$SCRATCH/import-errors.out
	if "$TOP/support/scripts/pkg-import" --tree "$T" no-such-source-package >"$out" 2>&1; then
		fail "pkg-import of a package the archive lacks succeeded"; return
	fi
	expect_contains "$out" "Debian source package no-such-source-package is not in the archive" || return
	mkdir -p "$T/package/sl"
	if "$TOP/support/scripts/pkg-import" --tree "$T" sl >"$out" 2>&1; then
		fail "pkg-import over an existing package folder succeeded"; return
	fi
	expect_contains "$out" "$T/package/sl exists already (--force replaces it)" || return
	if "$TOP/support/scripts/pkg-import" --tree "$T" --name Bad_Name sl >"$out" 2>&1; then
		fail "pkg-import with an unusable name succeeded"; return
	fi
	expect_contains "$out" "'Bad_Name' is not usable as a package name" || return
	# --dry-run writes nothing.
	rmdir "$T/package/sl"
	"$TOP/support/scripts/pkg-import" --tree "$T" --dry-run sl >"$out" 2>&1 || { fail "pkg-import --dry-run sl failed: $(tail -n 5 "$out")"; return; }
	expect_contains "$out" "==> package/sl/sl.mk" || return
	expect_no_file "$T/package/sl"
}

TESTS+=(meson_package cmake_package pkg_import_errors)
# Five real packages built with the real toolchain: the long suite.
LONG_TESTS+=(pkg_import)
