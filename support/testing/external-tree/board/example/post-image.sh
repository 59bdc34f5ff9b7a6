#!/bin/bash
# Post-image script of the example board: records that it ran, with its
# arguments, and lists the root filesystem tarball.
# Usage: post-image.sh BINARIES_DIR [--flavour NAME]
set -eu -o pipefail
images=$1
shift
flavour=none
while [ $# -gt 0 ]; do
	case $1 in
	--flavour) flavour=$2; shift 2 ;;
	*) echo "post-image.sh: unknown argument $1" >&2; exit 2 ;;
	esac
done
motto=$(sed -n 's/^SMARTOS_EXAMPLE_BOARD_MOTTO="\(.*\)"$/\1/p' "$SMARTOS_CONFIG")
{
	echo "flavour: $flavour"
	echo "motto: $motto"
	echo "tree: $SMARTOS_EXTERNAL_EXAMPLE_PATH"
} >"$images/example-post-image.txt"
tar -tf "$images/rootfs.tar" | LC_ALL=C sort >"$images/example-rootfs-files.txt"
