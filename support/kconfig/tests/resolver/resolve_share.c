// SPDX-License-Identifier: GPL-2.0
/*
 * resolve_share.c - how often the resolver finds a change set, on a real tree.
 *
 * Run in place of conf (argv ends with the Kconfig file, the environment is the one
 * kbuild gives conf), on a .config in the current directory:
 *
 *   RESOLVE_MODE=pick RESOLVE_SEED=N RESOLVE_COUNT=K resolve_share ... Kconfig
 *	prints K symbols drawn (seeded) from those that are off and cannot be set
 *	directly: a bool/tristate at n, or a string/int/hex without a visible prompt.
 *   RESOLVE_MODE=run RESOLVE_LIST=FILE RESOLVE_OUT=DIR resolve_share ... Kconfig
 *	for each symbol of FILE asks kc_explain() for a change set, applies it with
 *	kc_sym_set_str() (dependencies first, refused steps retried), checks that the
 *	symbol is on (or its prompt visible), and writes the result to DIR/SYMBOL.config.
 *	Prints "found SYMBOL N" or "none SYMBOL 0" per symbol, then "share F of T".
 *
 * Only the public API of the explain call is used, so the same program measures an
 * older engine as well.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kconfig.h"

static const char *env(const char *name, const char *dflt)
{
	const char *v = getenv(name);

	return v && *v ? v : dflt;
}

static bool is_tri(struct kc_sym *s)
{
	return kc_sym_type(s) == KC_BOOLEAN || kc_sym_type(s) == KC_TRISTATE;
}

static bool is_candidate(struct kc_ctx *kc, struct kc_sym *s)
{
	if (!kc_sym_name(s) || kc_sym_type(s) == KC_UNKNOWN || kc_sym_visible(kc, s) != KC_NO)
		return false;
	return !is_tri(s) || kc_sym_tri(kc, s) == KC_NO;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int pick(struct kc_ctx *kc)
{
	unsigned long long seed = strtoull(env("RESOLVE_SEED", "1"), NULL, 10);
	size_t count = strtoul(env("RESOLVE_COUNT", "200"), NULL, 10), n = 0, cap = 1024;
	const char **v = malloc(cap * sizeof(*v));

	for (struct kc_sym *s = kc_sym_next(kc, NULL); s; s = kc_sym_next(kc, s)) {
		if (!is_candidate(kc, s))
			continue;
		if (n == cap)
			v = realloc(v, (cap *= 2) * sizeof(*v));
		v[n++] = kc_sym_name(s);
	}
	qsort(v, n, sizeof(*v), by_name);
	/* Fisher-Yates with a 64-bit LCG: the same draw with any libc */
	for (size_t i = n; i > 1; i--) {
		seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
		size_t j = (size_t)((seed >> 33) % i);
		const char *t = v[i - 1];

		v[i - 1] = v[j];
		v[j] = t;
	}
	for (size_t i = 0; i < n && i < count; i++)
		printf("%s\n", v[i]);
	fprintf(stderr, "%zu candidates\n", n);
	free(v);
	return 0;
}

static bool reached(struct kc_ctx *kc, struct kc_sym *s)
{
	return is_tri(s) ? kc_sym_tri(kc, s) != KC_NO : kc_sym_visible(kc, s) == KC_YES;
}

static int run(struct kc_ctx *kc)
{
	const char *list = env("RESOLVE_LIST", NULL), *out = env("RESOLVE_OUT", NULL);
	char name[256], path[4096];
	int found = 0, total = 0;
	FILE *f;

	if (!list || !out || !(f = fopen(list, "r"))) {
		fprintf(stderr, "resolve_share: RESOLVE_LIST and RESOLVE_OUT must be set\n");
		return 2;
	}
	while (fscanf(f, "%255s", name) == 1) {
		struct kc_sym *s = kc_sym_find(kc, name);
		struct kc_explain e;
		bool ok = false;

		total++;
		if (s && kc_explain(kc, s, &e) == 0) {
			if (e.solvable && e.n_changes) {
				for (int pass = 0; pass < 3; pass++)
					for (size_t i = 0; i < e.n_changes; i++)
						kc_sym_set_str(kc, e.changes[i].sym, e.changes[i].value);
				ok = reached(kc, s);
			}
			printf("%s %s %zu\n", ok ? "found" : "none", name, ok ? e.n_changes : 0);
			kc_explain_free(&e);
		} else {
			printf("none %s 0\n", name);
		}
		if (ok) {
			found++;
			snprintf(path, sizeof(path), "%s/%s.config", out, name);
			if (kc_write_config(kc, path)) {
				fprintf(stderr, "resolve_share: cannot write %s\n", path);
				return 1;
			}
		}
		/* back to the starting configuration for the next symbol */
		if (kc_read_config(kc, ".config")) {
			fprintf(stderr, "resolve_share: cannot re-read .config\n");
			return 1;
		}
		fflush(stdout);
	}
	fclose(f);
	printf("share %d of %d\n", found, total);
	return 0;
}

int main(int argc, char **argv)
{
	struct kc_ctx *kc = kc_new(NULL);
	const char *mode = env("RESOLVE_MODE", "run");
	int rc;

	if (!kc || argc < 2 || kc_load(kc, argv[argc - 1]) || kc_read_config(kc, ".config"))
		return 1;
	rc = !strcmp(mode, "pick") ? pick(kc) : run(kc);
	kc_free(kc);
	return rc;
}
