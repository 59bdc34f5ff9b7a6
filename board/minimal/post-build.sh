#!/bin/bash
# Post-build step of the minimal system: strip every ELF file of the target
# (debug sections and symbols other packages do not need) so the image stays
# small. Kernel modules keep what the module loader needs.
# Then it removes the shared libraries no program needs (support/scripts/prune-libs).
# Usage: post-build.sh TARGET_DIR      (STRIP: the strip to use, default strip)
set -eu -o pipefail

if [ "$#" -lt 1 ] || [ ! -d "$1" ]; then
	echo "usage: $0 TARGET_DIR" >&2
	exit 2
fi
target_dir=$1
strip=${STRIP:-strip}

before=$(du -sb "$target_dir" | cut -f1)
while IFS= read -r -d '' f; do
	[ "$(head -c 4 "$f" | od -An -c | tr -d ' \n')" = '177ELF' ] || continue
	case "$f" in
	*.ko) "$strip" --strip-debug "$f" ;;
	*) "$strip" --strip-unneeded "$f" ;;
	esac
done < <(find "$target_dir" -type f ! -path "$target_dir/boot/*" -print0)
after=$(du -sb "$target_dir" | cut -f1)
echo "post-build.sh: stripped the target: $before -> $after bytes"

# Only the glibc libraries the programs link (libc, the dynamic loader, ...):
# the others (libm, libresolv, the NSS stubs, ...) go. Nothing here loads a
# library with dlopen(): glibc itself would, for pthread_cancel (libgcc_s),
# which busybox does not use.
"$(dirname "$0")/../../support/scripts/prune-libs" "$target_dir"
