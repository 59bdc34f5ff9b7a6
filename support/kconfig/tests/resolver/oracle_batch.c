// SPDX-License-Identifier: GPL-2.0
/*
 * oracle_batch.c - the kernel's own `conf --olddefconfig`, once per .config, in one
 * process: linked with the Linux 6.1 kconfig objects of the oracle build (confdata.o,
 * symbol.o, ... everything but conf.o), it parses the tree once, then for each file
 * does what the kernel's conf does for olddefconfig (conf_read, conf_write) and
 * writes the result to FILE.out. conf_read() starts every symbol afresh, so each file
 * gets the result a separate run would give; a run saves parsing the tree and running
 * its compiler probes again for each of the resolver's 200 configurations.
 *
 * usage: ORACLE_BATCH_LIST=FILE oracle_batch [conf's options] Kconfig
 *   run the way kbuild runs conf (its environment, its arguments: the last one is the
 *   Kconfig file); FILE lists the .config files, one path a line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lkc.h"

int main(int argc, char **argv)
{
	const char *list = getenv("ORACLE_BATCH_LIST");
	char in[4096], out[4200];
	int rc = 0;
	FILE *f;

	if (argc < 2 || !list || !(f = fopen(list, "r"))) {
		fprintf(stderr, "usage: ORACLE_BATCH_LIST=FILE %s [options] Kconfig\n", argv[0]);
		return 2;
	}
	conf_set_message_callback(NULL);
	conf_parse(argv[argc - 1]);
	while (fgets(in, sizeof(in), f)) {
		in[strcspn(in, "\n")] = '\0';
		if (!*in)
			continue;
		snprintf(out, sizeof(out), "%s.out", in);
		if (conf_read(in) || conf_write(out)) {
			fprintf(stderr, "%s: failed\n", in);
			rc = 1;
		}
	}
	fclose(f);
	return rc;
}
