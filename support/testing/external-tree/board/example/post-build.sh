#!/bin/bash
# Post-build script of the example board: runs on the target directory
# before the images are made; records its arguments in /etc/build-info.
# Usage: post-build.sh TARGET_DIR [--flavour NAME]
set -eu -o pipefail
target=$1
shift
printf 'post-build arguments: %s\n' "$*" >"$target/etc/build-info"
