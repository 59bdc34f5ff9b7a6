#!/bin/bash
# Run the smart-os docker image ("make run" for the docker board): load
# smartos-docker.tar into docker or podman and start a container with a
# shell on this terminal, without network.
# Usage: run.sh [IMAGES_DIR] [-- COMMAND...]
#   SMARTOS_CONTAINER_ENGINE  the engine command, e.g. "podman" or
#                             "podman --runtime runc --storage-driver vfs"
#                             (default: docker if its daemon answers, else podman)
set -eu -o pipefail

here=$(cd "$(dirname "$0")" && pwd)
images_dir=$here
if [ "$#" -gt 0 ] && [ "$1" != "--" ]; then
	images_dir=$1
	shift
fi
if [ "$#" -gt 0 ] && [ "$1" = "--" ]; then
	shift
fi
archive=$images_dir/smartos-docker.tar
if [ ! -f "$archive" ]; then
	echo "run.sh: $archive not found (run make first)" >&2
	exit 1
fi

engine=()
if [ -n "${SMARTOS_CONTAINER_ENGINE:-}" ]; then
	read -r -a engine <<<"$SMARTOS_CONTAINER_ENGINE"
elif command -v docker >/dev/null 2>&1 && timeout 10 docker info >/dev/null 2>&1; then
	engine=(docker)
elif command -v podman >/dev/null 2>&1; then
	engine=(podman)
else
	if command -v docker >/dev/null 2>&1; then
		echo "run.sh: docker is installed but its daemon does not answer (docker info failed), and podman is not installed." >&2
	else
		echo "run.sh: neither docker nor podman is installed." >&2
	fi
	echo "run.sh: install one (Debian: apt-get install podman), or load $archive into an engine elsewhere:" >&2
	echo "        docker load -i smartos-docker.tar && docker run --rm -it smartos:latest" >&2
	exit 1
fi

# "Loaded image: <name>" (docker) / "Loaded image(s): <name>" (podman).
loaded=$("${engine[@]}" load -i "$archive")
echo "$loaded"
image=$(sed -n -e 's/^Loaded image[^:]*: *//p' <<<"$loaded" | head -n 1)
if [ -z "$image" ]; then
	echo "run.sh: could not tell which image ${engine[*]} loaded" >&2
	exit 1
fi
tty_args=(-i)
if [ -t 0 ] && [ -t 1 ]; then
	tty_args=(-it)
fi
exec "${engine[@]}" run --rm "${tty_args[@]}" --network none "$image" "$@"
