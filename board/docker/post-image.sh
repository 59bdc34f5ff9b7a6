#!/bin/bash
# Post-image step of the docker board: make images/smartos-docker.tar, a
# docker-archive image ("docker load -i" / "podman load -i"), from
# images/rootfs.tar and the SMARTOS_TARGET_ROOTFS_DOCKER_* options of the
# configuration ($SMARTOS_CONFIG, set by the framework).
# Usage: post-image.sh BINARIES_DIR
set -eu -o pipefail

if [ "$#" -lt 1 ] || [ ! -d "$1" ]; then
	echo "usage: $0 BINARIES_DIR" >&2
	exit 2
fi
binaries_dir=$1
config=${SMARTOS_CONFIG:-$binaries_dir/../.config}
top_dir=$(cd "$(dirname "$0")/../.." && pwd)

if [ ! -f "$config" ]; then
	echo "post-image.sh: configuration $config not found" >&2
	exit 1
fi
if [ ! -f "$binaries_dir/rootfs.tar" ]; then
	echo "post-image.sh: $binaries_dir/rootfs.tar is missing (SMARTOS_TARGET_ROOTFS_TAR)" >&2
	exit 1
fi

# config_value SYMBOL: its value in .config, without quotes and escapes.
config_value() {
	sed -n -e "s/^$1=//p" "$config" | sed -e 's/^"//' -e 's/"$//' -e 's/\\"/"/g' -e 's/\\\\/\\/g'
}

if [ "$(config_value SMARTOS_TARGET_ROOTFS_DOCKER)" != y ]; then
	echo "post-image.sh: SMARTOS_TARGET_ROOTFS_DOCKER is not set in $config: no docker-archive image"
	exit 0
fi

env_args=()
read -r -a env_words <<<"$(config_value SMARTOS_TARGET_ROOTFS_DOCKER_ENV)"
for e in "${env_words[@]}"; do
	env_args+=(--env "$e")
done

/usr/bin/python3 "$top_dir/support/scripts/docker-archive" \
	--rootfs "$binaries_dir/rootfs.tar" \
	--output "$binaries_dir/smartos-docker.tar" \
	--arch "$(config_value SMARTOS_ARCH)" \
	--tag "$(config_value SMARTOS_TARGET_ROOTFS_DOCKER_TAG)" \
	--entrypoint "$(config_value SMARTOS_TARGET_ROOTFS_DOCKER_ENTRYPOINT)" \
	--cmd "$(config_value SMARTOS_TARGET_ROOTFS_DOCKER_CMD)" \
	--workdir "$(config_value SMARTOS_TARGET_ROOTFS_DOCKER_WORKDIR)" \
	--stop-signal "$(config_value SMARTOS_TARGET_ROOTFS_DOCKER_STOP_SIGNAL)" \
	--label "org.opencontainers.image.title=smart-os" \
	"${env_args[@]}"
