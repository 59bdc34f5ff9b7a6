// SPDX-License-Identifier: GPL-2.0
/*
 * prompts.c - kconfig-prompts: write a gettext template (.pot) of every prompt of a
 * Kconfig tree (mainmenu, menus, options, choices, comments), so a tree's prompts can
 * be translated; menuconfig shows them through the text domain named by
 * $KCONFIG_TEXTDOMAIN. Each message lists where it is defined; the same text defined
 * twice is one message.
 *
 * usage: kconfig-prompts [Kconfig] > prompts.pot     (environment as for conf)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kconfig.h"

struct msg {
	const char *text;
	char *where; /* "file:line file:line" */
};

static struct msg *msgs;
static size_t n_msgs, cap_msgs;

static void add(const char *text, const char *file, int line)
{
	char ref[4096];

	if (line > 0)
		snprintf(ref, sizeof(ref), "%s:%d", file, line);
	else
		snprintf(ref, sizeof(ref), "%s", file);
	for (size_t i = 0; i < n_msgs; i++)
		if (!strcmp(msgs[i].text, text)) {
			size_t n = strlen(msgs[i].where) + strlen(ref) + 2;
			char *w = malloc(n);

			if (!w)
				exit(1);
			snprintf(w, n, "%s %s", msgs[i].where, ref);
			free(msgs[i].where);
			msgs[i].where = w;
			return;
		}
	if (n_msgs == cap_msgs) {
		cap_msgs = cap_msgs ? cap_msgs * 2 : 256;
		msgs = realloc(msgs, cap_msgs * sizeof(*msgs));
		if (!msgs)
			exit(1);
	}
	msgs[n_msgs].text = text;
	msgs[n_msgs].where = strdup(ref);
	if (!msgs[n_msgs++].where)
		exit(1);
}

static void walk(const struct kc_menu *m)
{
	for (const struct kc_menu *c = kc_menu_child(m); c; c = kc_menu_next(c)) {
		if (kc_menu_prompt(c) && *kc_menu_prompt(c))
			add(kc_menu_prompt(c), kc_menu_file(c), kc_menu_line(c));
		walk(c);
	}
}

/* A C string literal as gettext wants it in a .po file. */
static void put_quoted(const char *s)
{
	putchar('"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			putchar('\\');
		if (*s == '\n')
			fputs("\\n", stdout);
		else
			putchar(*s);
	}
	putchar('"');
}

int main(int argc, char **argv)
{
	struct kc_ctx *kc = kc_new(NULL);

	if (argc > 2 || !kc) {
		fprintf(stderr, "usage: %s [Kconfig] > prompts.pot\n", argv[0]);
		return 2;
	}
	if (kc_load(kc, argc > 1 ? argv[1] : "Kconfig"))
		return 1;
	add(kc_mainmenu(kc), argc > 1 ? argv[1] : "Kconfig", 0);
	walk(kc_menu_root(kc));
	printf("# Prompts of a Kconfig tree, written by kconfig-prompts.\n"
	       "msgid \"\"\nmsgstr \"\"\n"
	       "\"Project-Id-Version: smart-os\\n\"\n"
	       "\"MIME-Version: 1.0\\n\"\n"
	       "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
	       "\"Content-Transfer-Encoding: 8bit\\n\"\n");
	for (size_t i = 0; i < n_msgs; i++) {
		printf("\n#: %s\nmsgid ", msgs[i].where);
		put_quoted(msgs[i].text);
		printf("\nmsgstr \"\"\n");
		free(msgs[i].where);
	}
	free(msgs);
	kc_free(kc);
	return 0;
}
