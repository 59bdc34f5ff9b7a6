/* SPDX-License-Identifier: GPL-2.0 */
/* fuzz_common.h - shared helpers of the libFuzzer targets: a private scratch dir. */
#ifndef FUZZ_COMMON_H
#define FUZZ_COMMON_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kconfig.h"

static const char *fuzz_dir(void)
{
	static char dir[64];

	if (!dir[0]) {
		const char *d = getenv("KC_FUZZ_DIR"); /* set by run-fuzz.sh */

		if (d && strlen(d) < 48)
			snprintf(dir, sizeof(dir), "%s", d);
		else
			snprintf(dir, sizeof(dir), "/tmp/kc-fuzz-%d", (int)getpid());
		if (mkdir(dir, 0700) && access(dir, W_OK)) {
			perror(dir);
			abort();
		}
	}
	return dir;
}

static char *fuzz_path(const char *name)
{
	static char path[128];

	snprintf(path, sizeof(path), "%s/%s", fuzz_dir(), name);
	return path;
}

static void fuzz_write(const char *path, const uint8_t *data, size_t size)
{
	FILE *f = fopen(path, "wb");

	if (!f)
		abort();
	fwrite(data, 1, size, f);
	fclose(f);
}

static void fuzz_quiet(void *arg, enum kc_diag_level lvl, const char *msg)
{
	(void)arg;
	(void)lvl;
	(void)msg;
}

/* Hermetic: no environment, so no srctree and no $(ENV) leaks into runs. */
static const char *fuzz_getenv(void *arg, const char *name)
{
	(void)arg;
	(void)name;
	return NULL;
}

#endif
