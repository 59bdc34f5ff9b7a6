/*
 * A small ncurses program for the runtime tests: it draws on the terminal
 * it runs on (a box, a line of text at row 4, column 9, a wide character),
 * reads the screen back, leaves curses mode and prints what it found, one
 * "key=value" per line, for the test to compare:
 *   version   curses_version()
 *   term      the terminal type in use, lines and cols its size
 *   cup       the terminal's cursor motion to row 4, column 9, as tparm
 *             makes it from the terminfo entry (escape shown as \E)
 *   text      the text read back from the screen at row 4, column 9
 *   wide      the wide character read back (U+2192, UTF-8 encoded)
 *   bold      whether it kept its attribute (A_BOLD)
 */
#include <curses.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <wchar.h>

#define TEXT "hello from ncurses"

static void print_escaped(const char *key, const char *s)
{
	printf("%s=", key);
	for (; s != NULL && *s != '\0'; s++) {
		if (*s == '\033')
			fputs("\\E", stdout);
		else
			putchar(*s);
	}
	putchar('\n');
}

int main(void)
{
	char text[sizeof(TEXT)];
	char cup[64];
	char wide[MB_LEN_MAX + 1];
	const char *cap;
	cchar_t cc;
	wchar_t wch[CCHARW_MAX + 1];
	attr_t attrs;
	short pair;
	int nlines, ncols, n;

	if (setlocale(LC_ALL, "C.UTF-8") == NULL) {
		fprintf(stderr, "ncurses-demo: no C.UTF-8 locale\n");
		return 1;
	}
	if (initscr() == NULL)
		return 1;
	box(stdscr, 0, 0);
	mvaddstr(4, 9, TEXT);
	setcchar(&cc, L"\u2192", A_BOLD, 0, NULL);
	mvadd_wch(6, 9, &cc);
	refresh();

	mvinnstr(4, 9, text, (int)sizeof(TEXT) - 1);
	mvin_wch(6, 9, &cc);
	getcchar(&cc, wch, &attrs, &pair, NULL);
	n = (int)wcrtomb(wide, wch[0], NULL);
	wide[n > 0 ? n : 0] = '\0';
	cap = tigetstr("cup");
	snprintf(cup, sizeof(cup), "%s",
		 cap != NULL && cap != (char *)-1 ? tiparm(cap, 4, 9) : "(none)");
	nlines = LINES;
	ncols = COLS;
	endwin();

	printf("\nversion=%s\n", curses_version());
	printf("term=%s\nlines=%d\ncols=%d\n", termname(), nlines, ncols);
	print_escaped("cup", cup);
	printf("text=%s\n", text);
	printf("wide=%s\nbold=%s\n", wide, (attrs & A_BOLD) ? "yes" : "no");
	return strcmp(text, TEXT) == 0 ? 0 : 2;
}
