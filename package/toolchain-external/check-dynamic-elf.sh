#!/bin/bash
# Check that every dynamically linked ELF file in a target tree finds its
# program interpreter and each library it needs inside that tree, the way
# the target's loader will look for them (/lib, /usr/lib, /lib64 and any
# DT_RUNPATH/DT_RPATH). A missing /lib64/ld-linux-x86-64.so.2 would
# otherwise only show as a kernel panic at boot.
# Usage: check-dynamic-elf.sh TARGET_DIR
# Prints one line per problem, naming the file, and exits 1 if any.
set -eu -o pipefail

if [ "$#" -ne 1 ] || [ ! -d "$1" ]; then
	echo "usage: $0 TARGET_DIR" >&2
	exit 2
fi
root=$(cd "$1" && pwd)
READELF=${READELF:-readelf}

# Resolve PATH (absolute inside the target) following symlinks within the
# target; prints the resolved in-target path or nothing.
resolve() {
	local path=$1 n=0 link
	while [ -L "$root$path" ]; do
		n=$((n + 1))
		[ "$n" -le 40 ] || return 0
		link=$(readlink "$root$path")
		case "$link" in
		/*) path=$link ;;
		*) path=$(dirname "$path")/$link ;;
		esac
	done
	[ -e "$root$path" ] && printf '%s\n' "$path"
	return 0
}

errors=0
checked=0
while IFS= read -r -d '' file; do
	# Only ELF files: compare the magic bytes.
	[ "$(head -c 4 "$file" | od -An -c | tr -d ' ')" = '177ELF' ] || continue
	headers=$("$READELF" -lW "$file" 2>/dev/null) || continue
	interp=$(printf '%s\n' "$headers" | sed -n 's/.*\[Requesting program interpreter: \(.*\)\]/\1/p')
	dynamic=$("$READELF" -dW "$file" 2>/dev/null || true)
	needed=$(printf '%s\n' "$dynamic" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
	[ -n "$interp" ] || [ -n "$needed" ] || continue
	checked=$((checked + 1))
	rel=${file#"$root"}
	if [ -n "$interp" ] && [ -z "$(resolve "$interp")" ]; then
		echo "$rel: program interpreter $interp not found in $root" >&2
		errors=$((errors + 1))
	fi
	dirs="/lib /usr/lib /lib64 /usr/lib64"
	runpath=$(printf '%s\n' "$dynamic" | sed -n 's/.*(R\(UN\)\{0,1\}PATH).*\[\(.*\)\]/\2/p' | tr ':' ' ')
	# shellcheck disable=SC2016 # the literal string $ORIGIN of DT_RUNPATH
	origin='$ORIGIN'
	for dir in $runpath; do
		case "$dir" in
		"$origin"*) dirs="$dirs $(dirname "$rel")${dir#"$origin"}" ;;
		/*) dirs="$dirs $dir" ;;
		esac
	done
	for lib in $needed; do
		found=
		for dir in $dirs; do
			if [ -n "$(resolve "$dir/$lib")" ]; then
				found=yes
				break
			fi
		done
		if [ -z "$found" ]; then
			echo "$rel: needs $lib, not found in $root (searched: $dirs)" >&2
			errors=$((errors + 1))
		fi
	done
done < <(find "$root" -type f -print0)

if [ "$errors" -gt 0 ]; then
	echo "check-dynamic-elf: $errors problem(s) in $root" >&2
	exit 1
fi
echo "check-dynamic-elf: $checked dynamic ELF file(s) in $root find their interpreter and libraries"
