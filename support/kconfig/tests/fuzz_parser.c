// SPDX-License-Identifier: GPL-2.0
/*
 * fuzz_parser.c - libFuzzer target: any bytes as a Kconfig file. Parses,
 * finalizes and evaluates every symbol, then writes .config: nothing may crash,
 * leak (ASan's leak checker) or trip UBSan.
 */
#include <stdint.h>
#include <sys/stat.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct kc_opts o = {.diag = fuzz_quiet, .getenv = fuzz_getenv, .no_shell = true};
	char kpath[128];
	struct kc_ctx *kc;

	snprintf(kpath, sizeof(kpath), "%s", fuzz_path("Kconfig"));
	fuzz_write(kpath, data, size);
	kc = kc_new(&o);
	if (!kc_load(kc, kpath)) {
		for (struct kc_sym *s = kc_sym_next(kc, NULL); s; s = kc_sym_next(kc, s))
			(void)kc_sym_str(kc, s);
		kc_write_config(kc, fuzz_path("config"));
	}
	kc_free(kc);
	return 0;
}
