// SPDX-License-Identifier: GPL-2.0
/*
 * termcheck.c - refuse terminals menuconfig cannot drive, with a message instead of garbage.
 *
 * Kept apart from screen.c because <term.h> defines macros (lines, columns, ...) that would
 * clash with ordinary names.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <curses.h>
#include <term.h>

#include <libintl.h>

/* mc.h clashes with term.h (its `lines`), so the gettext shorthand is repeated here. */
#define _(s) gettext(s)

static bool has_cap(const char *cap)
{
	const char *s = tigetstr(cap);
	return s != NULL && s != (const char *)-1 && *s != '\0';
}

int mc_term_check(void);

/* 0 if the terminal can run a full-screen interface; otherwise prints why and returns -1. */
int mc_term_check(void)
{
	const char *term = getenv("TERM");
	int err = 0;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "%s", _("mconf: standard input and output must be a terminal.\n"));
		return -1;
	}
	if (!term || !*term) {
		fprintf(stderr,
			"%s", _("mconf: TERM is not set; menuconfig needs to know the terminal type "
			  "(for example TERM=xterm-256color or TERM=linux).\n"));
		return -1;
	}
	if (setupterm(NULL, STDOUT_FILENO, &err) != OK) {
		fprintf(stderr,
			_("mconf: unknown terminal type '%s' (no terminfo entry); try "
			  "TERM=xterm-256color or TERM=linux.\n"),
			term);
		return -1;
	}
	bool ok = has_cap("cup") && has_cap("clear") && !tigetflag("hc") && !tigetflag("gn");
	del_curterm(cur_term);
	if (!ok) {
		fprintf(
		    stderr,
		    _("mconf: the terminal type '%s' cannot position the cursor (its terminfo entry "
		      "lacks 'cup'/'clear'), so the full-screen menuconfig cannot run on it.\n"
		      "mconf: use a full-screen terminal (e.g. TERM=xterm-256color or TERM=linux), "
		      "or the line-based 'conf --oldconfig' instead.\n"),
		    term);
		return -1;
	}
	return 0;
}
