// SPDX-License-Identifier: GPL-2.0
/*
 * fuzz_config.c - libFuzzer target: any bytes as a .config read against a
 * fixed Kconfig covering every type, a choice, selects and ranges.
 */
#include <stdint.h>
#include <sys/stat.h>

#include "fuzz_common.h"

static const char kconfig[] = "config MODULES\n\tbool \"m\"\n\tmodules\n"
			      "config B\n\tbool \"b\"\n\tselect T\n"
			      "config T\n\ttristate \"t\"\n\tdepends on !N2\n"
			      "config N\n\tint \"n\"\n\trange 1 100\n"
			      "config N2\n\tbool \"n2\"\n"
			      "config H\n\thex \"h\"\n\trange 0x10 0xffff\n"
			      "config S\n\tstring \"s\"\n"
			      "choice\n\tprompt \"c\"\n\toptional\n"
			      "config C1\n\ttristate \"c1\"\nconfig C2\n\tbool \"c2\"\nendchoice\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct kc_opts o = {.diag = fuzz_quiet, .getenv = fuzz_getenv, .no_shell = true};
	static char kpath[128];
	char cpath[128];
	struct kc_ctx *kc;

	if (!kpath[0]) {
		snprintf(kpath, sizeof(kpath), "%s", fuzz_path("Kconfig"));
		fuzz_write(kpath, (const uint8_t *)kconfig, sizeof(kconfig) - 1);
	}
	snprintf(cpath, sizeof(cpath), "%s", fuzz_path("in.config"));
	fuzz_write(cpath, data, size);
	kc = kc_new(&o);
	if (kc_load(kc, kpath))
		abort();
	kc_read_config(kc, cpath);
	for (struct kc_sym *s = kc_sym_next(kc, NULL); s; s = kc_sym_next(kc, s))
		(void)kc_sym_str(kc, s);
	kc_write_config(kc, fuzz_path("out.config"));
	kc_write_defconfig(kc, fuzz_path("defconfig"));
	kc_free(kc);
	return 0;
}
