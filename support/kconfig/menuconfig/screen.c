// SPDX-License-Identifier: GPL-2.0
/*
 * screen.c - curses setup, UTF-8 aware drawing, key input and the painter stack.
 *
 * Every view redraws the whole screen from its painters on each key, so a terminal resize
 * (KEY_RESIZE, which ncurses turns SIGWINCH into) needs nothing more than another redraw.
 */
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <wchar.h>

#include <curses.h>

#include "mc.h"

int mc_term_check(void);

#define MIN_ROWS 19
#define MIN_COLS 80
#define MAX_PAINTERS 16

static struct {
	mc_paint_fn fn;
	void *arg;
	mc_summary_fn summary;
} painters[MAX_PAINTERS];
static int n_painters;
static bool started;

void *mc_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p) {
		mc_screen_end();
		fprintf(stderr, "mconf: out of memory\n");
		exit(1);
	}
	return p;
}

char *mc_xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;
	return memcpy(mc_xmalloc(n), s, n);
}

void mc_buf_add(struct mc_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if (b->len + (size_t)n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 256;
		while (cap < b->len + (size_t)n + 1)
			cap *= 2;
		char *s = realloc(b->s, cap);
		if (!s) {
			mc_screen_end();
			fprintf(stderr, "mconf: out of memory\n");
			exit(1);
		}
		b->s = s;
		b->cap = cap;
	}
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, b->cap - b->len, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

char *mc_buf_take(struct mc_buf *b)
{
	char *s = b->s ? b->s : mc_xstrdup("");
	b->s = NULL;
	b->len = b->cap = 0;
	return s;
}

/* Decode one character; invalid bytes become U+FFFD and consume one byte. */
static int decode(const char *s, wchar_t *wc)
{
	mbstate_t st;
	memset(&st, 0, sizeof(st));
	size_t n = mbrtowc(wc, s, MB_CUR_MAX, &st);
	if (n == (size_t)-1 || n == (size_t)-2) {
		*wc = 0xFFFD;
		return 1;
	}
	if (n == 0)
		return 1;
	return (int)n;
}

/* Columns a character takes when we draw it (control characters are drawn as '?'). */
static int cwidth(wchar_t wc)
{
	if (wc == L'\t')
		return 1;
	int w = wcwidth(wc);
	return w < 0 ? 1 : w;
}

int mc_width(const char *s)
{
	int w = 0;
	while (*s) {
		wchar_t wc;
		s += decode(s, &wc);
		w += cwidth(wc);
	}
	return w;
}

static attr_t attr_of(enum mc_attr a)
{
	bool color = has_colors();
	switch (a) {
	case MC_TITLE:
		return color ? COLOR_PAIR(1) | A_BOLD : A_REVERSE;
	case MC_SELECTED:
		return color ? COLOR_PAIR(2) | A_BOLD : A_REVERSE;
	case MC_BORDER:
		return color ? COLOR_PAIR(3) : A_NORMAL;
	case MC_HIDDEN:
		return A_DIM;
	case MC_ERROR:
		return color ? COLOR_PAIR(4) | A_BOLD : A_BOLD;
	case MC_BUTTON:
		return A_BOLD;
	case MC_HOTKEY:
		return (color ? COLOR_PAIR(4) : A_NORMAL) | A_BOLD | A_UNDERLINE;
	case MC_SELECTED_HOTKEY:
		return (color ? COLOR_PAIR(5) : A_REVERSE) | A_BOLD | A_UNDERLINE;
	case MC_NORMAL:
		break;
	}
	return A_NORMAL;
}

int mc_put(int y, int x, const char *s, int maxw, enum mc_attr a)
{
	wchar_t buf[256];
	int used = 0, n = 0;

	if (maxw <= 0 || y < 0 || y >= LINES || x >= COLS)
		return 0;
	if (x + maxw > COLS)
		maxw = COLS - x;
	attrset(attr_of(a));
	move(y, x);
	while (*s) {
		wchar_t wc;
		int len = decode(s, &wc);
		int w = cwidth(wc);
		if (used + w > maxw)
			break;
		if (wc < 32 || wc == 127 || wcwidth(wc) < 0)
			wc = wc == L'\t' ? L' ' : L'?';
		buf[n++] = wc;
		used += w;
		s += len;
		if (n == (int)(sizeof(buf) / sizeof(buf[0]))) {
			addnwstr(buf, n);
			n = 0;
		}
	}
	if (n)
		addnwstr(buf, n);
	attrset(A_NORMAL);
	return used;
}

const char *mc_tail(const char *s, int maxw)
{
	int w = mc_width(s);
	while (*s && w > maxw) {
		wchar_t wc;
		int n = decode(s, &wc);
		w -= cwidth(wc);
		s += n;
	}
	return s;
}

void mc_put_pad(int y, int x, const char *s, int maxw, enum mc_attr a)
{
	int used = mc_put(y, x, s, maxw, a);
	if (used < maxw) {
		attrset(attr_of(a));
		mvhline(y, x + used, ' ', maxw - used);
		attrset(A_NORMAL);
	}
}

void mc_fill(int y, int x, int h, int w, enum mc_attr a)
{
	attrset(attr_of(a));
	for (int i = 0; i < h; i++)
		mvhline(y + i, x, ' ', w);
	attrset(A_NORMAL);
}

/* Unicode line drawing in a UTF-8 locale (also readable in text captures), else ACS. */
static void box_h(int y, int x, int n)
{
	if (MB_CUR_MAX > 1)
		for (int i = 0; i < n; i++)
			mvaddwstr(y, x + i, L"\u2500");
	else
		mvhline(y, x, ACS_HLINE, n);
}

static void box_v(int y, int x, int n)
{
	if (MB_CUR_MAX > 1)
		for (int i = 0; i < n; i++)
			mvaddwstr(y + i, x, L"\u2502");
	else
		mvvline(y, x, ACS_VLINE, n);
}

static void corner(int y, int x, const wchar_t *u, chtype acs)
{
	if (MB_CUR_MAX > 1)
		mvaddwstr(y, x, u);
	else
		mvaddch(y, x, acs);
}

void mc_separator(int y, int x, int w)
{
	attrset(attr_of(MC_BORDER));
	corner(y, x, L"\u251c", ACS_LTEE);
	box_h(y, x + 1, w - 2);
	corner(y, x + w - 1, L"\u2524", ACS_RTEE);
	attrset(A_NORMAL);
}

void mc_box(int y, int x, int h, int w, const char *title)
{
	attrset(attr_of(MC_BORDER));
	corner(y, x, L"\u250c", ACS_ULCORNER);
	box_h(y, x + 1, w - 2);
	corner(y, x + w - 1, L"\u2510", ACS_URCORNER);
	box_v(y + 1, x, h - 2);
	box_v(y + 1, x + w - 1, h - 2);
	corner(y + h - 1, x, L"\u2514", ACS_LLCORNER);
	box_h(y + h - 1, x + 1, w - 2);
	corner(y + h - 1, x + w - 1, L"\u2518", ACS_LRCORNER);
	attrset(A_NORMAL);
	if (title && *title) {
		int tw = mc_width(title) + 2;
		if (tw > w - 4)
			tw = w - 4;
		int tx = x + (w - tw) / 2;
		mc_put(y, tx, " ", 1, MC_BORDER);
		mc_put(y, tx + 1, title, tw - 2, MC_BUTTON);
		mc_put(y, tx + tw - 1, " ", 1, MC_BORDER);
	}
}

int mc_rows(void)
{
	return LINES;
}

int mc_cols(void)
{
	return COLS;
}

bool mc_too_small(void)
{
	return LINES < MIN_ROWS || COLS < MIN_COLS;
}

/* Where the compiled catalogues are: beside the program (build tree), else MC_LOCALEDIR. */
#ifndef MC_LOCALEDIR
#define MC_LOCALEDIR "/usr/local/share/locale"
#endif
static const char *locale_dir(void)
{
	static char dir[4096];
	ssize_t n = readlink("/proc/self/exe", dir, sizeof(dir) - 16);
	struct stat st;

	if (getenv("MCONF_LOCALEDIR") && *getenv("MCONF_LOCALEDIR"))
		return getenv("MCONF_LOCALEDIR");
	if (n > 0) {
		dir[n] = '\0';
		char *slash = strrchr(dir, '/');
		if (slash) {
			strcpy(slash, "/locale");
			if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
				return dir;
		}
	}
	return MC_LOCALEDIR;
}

/*
 * The user's locale picks the language of our messages (LANG=zh_CN.UTF-8: Chinese). Kconfig
 * files are UTF-8, so the C library must decode UTF-8 whatever the locale. When the user's
 * locale is not installed on this machine, setlocale() fails: we still honour its language
 * (through LANGUAGE) on top of C.UTF-8.
 */
static void set_locale(void)
{
	if (!setlocale(LC_ALL, "")) {
		const char *names[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
		const char *lang = NULL;
		for (size_t i = 0; i < 3 && !lang; i++)
			if (getenv(names[i]) && *getenv(names[i]))
				lang = getenv(names[i]);
		if (lang && !(getenv("LANGUAGE") && *getenv("LANGUAGE"))) {
			char buf[64];
			snprintf(buf, sizeof(buf), "%.*s", (int)strcspn(lang, ".@"), lang);
			setenv("LANGUAGE", buf, 1);
		}
		setlocale(LC_ALL, "C.UTF-8");
	}
	const char *cs = nl_langinfo(CODESET);
	if (!cs || (strcmp(cs, "UTF-8") != 0 && strcmp(cs, "utf8") != 0))
		if (!setlocale(LC_CTYPE, "C.UTF-8"))
			setlocale(LC_CTYPE, "en_US.UTF-8");
	const char *dir = locale_dir();
	bindtextdomain(MC_TEXTDOMAIN, dir);
	bind_textdomain_codeset(MC_TEXTDOMAIN, "UTF-8");
	textdomain(MC_TEXTDOMAIN);
	const char *kd = getenv("KCONFIG_TEXTDOMAIN");
	if (kd && *kd) {
		bindtextdomain(kd, dir);
		bind_textdomain_codeset(kd, "UTF-8");
		mc_set_prompt_domain(kd);
	}
}

void mc_locale_init(void)
{
	set_locale();
}

int mc_screen_init(void)
{
	if (mc_term_check())
		return -1;
	if (!initscr()) {
		fprintf(stderr, "%s", _("mconf: cannot initialise the terminal\n"));
		return -1;
	}
	started = true;
	set_escdelay(25);
	raw();
	noecho();
	keypad(stdscr, TRUE);
	curs_set(0);
	if (has_colors()) {
		start_color();
		use_default_colors();
		init_pair(1, COLOR_WHITE, COLOR_BLUE);
		init_pair(2, COLOR_WHITE, COLOR_BLUE);
		init_pair(3, COLOR_CYAN, -1);
		init_pair(4, COLOR_RED, -1);
		init_pair(5, COLOR_YELLOW, COLOR_BLUE);
	}
	return 0;
}

void mc_screen_end(void)
{
	if (started) {
		endwin();
		started = false;
	}
}

int mc_getkey(void)
{
	static int errors;
	wint_t ch;

	for (;;) {
		int r = get_wch(&ch);
		if (r == KEY_CODE_YES)
			return MC_KEY((int)ch);
		if (r == OK) {
			errors = 0;
			return (int)ch;
		}
		/* ERR: interrupted, or the terminal went away. Don't spin forever. */
		if (++errors > 1000) {
			mc_screen_end();
			fprintf(stderr, "mconf: lost the terminal\n");
			exit(1);
		}
		if (errno != EINTR)
			napms(1);
	}
}

bool mc_is_back(int key)
{
	if (key != MC_ESC)
		return false;
	/* Esc Esc goes back at once; a lone Esc goes back after a short wait, like the kernel's. */
	timeout(1000);
	wint_t ch;
	int r = get_wch(&ch);
	timeout(-1);
	if (r == ERR || (r == OK && ch == 27))
		return true;
	if (r == KEY_CODE_YES)
		ungetch((int)ch);
	else
		unget_wch((wchar_t)ch);
	return false;
}

void mc_push_painter(mc_paint_fn fn, void *arg)
{
	if (n_painters < MAX_PAINTERS) {
		painters[n_painters].fn = fn;
		painters[n_painters].arg = arg;
		painters[n_painters].summary = NULL;
	}
	n_painters++;
}

void mc_set_summary(mc_summary_fn fn)
{
	if (n_painters > 0 && n_painters <= MAX_PAINTERS)
		painters[n_painters - 1].summary = fn;
}

/* Draw text wrapped to the terminal's width from line y on; returns the line after it. */
static int put_wrapped(int y, const char *text, enum mc_attr a)
{
	size_t n;
	char **lines = mc_wrap(text, COLS, &n);

	for (size_t i = 0; i < n; i++)
		mc_put(y++, 0, lines[i], COLS, a);
	mc_lines_free(lines);
	return y;
}

/*
 * A terminal below the minimum size cannot show the frames, but a dialog may be waiting for an
 * answer (a blind Enter would answer it): show the topmost dialog's own words, wrapped to
 * whatever room there is, under the notice.
 */
static void paint_too_small(void)
{
	char msg[256];
	int y = 0;

	snprintf(msg, sizeof(msg), _("Terminal too small (%dx%d): menuconfig needs at least %dx%d."),
		 COLS, LINES, MIN_COLS, MIN_ROWS);
	y = put_wrapped(y, msg, MC_BUTTON);
	for (int i = (n_painters < MAX_PAINTERS ? n_painters : MAX_PAINTERS) - 1; i >= 0; i--) {
		if (!painters[i].summary)
			continue;
		char *text = painters[i].summary(painters[i].arg);
		put_wrapped(y + 1, text, MC_NORMAL);
		free(text);
		return;
	}
	put_wrapped(y, _("Enlarge the window, or press Esc Esc to leave."), MC_NORMAL);
}

void mc_pop_painter(void)
{
	if (n_painters > 0)
		n_painters--;
}

void mc_redraw(void)
{
	erase();
	curs_set(0);
	if (mc_too_small()) {
		paint_too_small();
	} else {
		int n = n_painters < MAX_PAINTERS ? n_painters : MAX_PAINTERS;
		for (int i = 0; i < n; i++)
			painters[i].fn(painters[i].arg);
	}
	refresh();
}

/* ---- wrapping ------------------------------------------------------------------------- */

struct lines {
	char **v;
	size_t n, cap;
};

static void push_line(struct lines *l, const char *s, size_t len)
{
	if (l->n + 2 > l->cap) {
		l->cap = l->cap ? l->cap * 2 : 32;
		char **v = realloc(l->v, l->cap * sizeof(*v));
		if (!v) {
			mc_screen_end();
			fprintf(stderr, "mconf: out of memory\n");
			exit(1);
		}
		l->v = v;
	}
	char *c = mc_xmalloc(len + 1);
	memcpy(c, s, len);
	c[len] = '\0';
	l->v[l->n++] = c;
	l->v[l->n] = NULL;
}

/* Wrap one paragraph (no '\n'); continuation lines keep the paragraph's indentation. */
static void wrap_para(struct lines *l, const char *p, size_t len, int width)
{
	size_t indent = 0;
	while (indent < len && p[indent] == ' ')
		indent++;
	if ((int)indent > width / 2)
		indent = (size_t)(width / 2);
	char *line = mc_xmalloc(len + indent * (len / 2 + 2) + 1);
	size_t pos = 0;

	while (pos < len || pos == 0) {
		size_t out = 0, last_space = 0, brk = pos;
		int col = 0;
		bool cont = pos > 0;
		if (cont) {
			memset(line, ' ', indent);
			out = indent;
			col = (int)indent;
			while (pos < len && p[pos] == ' ')
				pos++;
		}
		size_t start_out = out;
		brk = pos;
		while (brk < len) {
			wchar_t wc;
			char tmp[8] = {0};
			size_t cl = 1;
			memcpy(tmp, p + brk, len - brk < 7 ? len - brk : 7);
			cl = (size_t)decode(tmp, &wc);
			int w = cwidth(wc);
			if (col + w > width)
				break;
			if (p[brk] == ' ')
				last_space = out;
			memcpy(line + out, p + brk, cl);
			out += cl;
			brk += cl;
			col += w;
		}
		if (brk < len && last_space > start_out) {
			/* Break at the last blank that fits; resume after it. */
			brk -= out - last_space;
			out = last_space;
		} else if (brk == pos && brk < len) {
			/* A single character wider than the width: take it anyway. */
			wchar_t wc;
			int cl = decode(p + brk, &wc);
			memcpy(line + out, p + brk, (size_t)cl);
			out += (size_t)cl;
			brk += (size_t)cl;
		}
		while (out > 0 && line[out - 1] == ' ' && out > start_out)
			out--;
		push_line(l, line, out);
		pos = brk;
		if (pos >= len)
			break;
	}
	free(line);
}

char **mc_wrap(const char *text, int width, size_t *n)
{
	struct lines l = {0};
	if (width < 8)
		width = 8;
	const char *p = text;
	for (;;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		if (!nl && len == 0)
			break;
		wrap_para(&l, p, len, width);
		if (!nl)
			break;
		p = nl + 1;
	}
	if (!l.v)
		push_line(&l, "", 0);
	*n = l.n;
	return l.v;
}

void mc_lines_free(char **lines)
{
	if (!lines)
		return;
	for (char **p = lines; *p; p++)
		free(*p);
	free(lines);
}
