// SPDX-License-Identifier: GPL-2.0
/* dialog.c - message box, yes/no question and line input with validation. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <curses.h>

#include "mc.h"

struct frame {
	int y, x, h, w;
};

/* Centre a box for `text` wrapped to at most `maxw` columns plus `extra` rows. */
static struct frame place(const char *text, int minw, int extra, char ***lines, size_t *n)
{
	struct frame f;
	int maxw = COLS - 6 < 72 ? COLS - 6 : 72;
	int tw = mc_width(text) + 4;
	f.w = tw < minw ? minw : tw;
	if (f.w > maxw)
		f.w = maxw;
	*lines = mc_wrap(text, f.w - 4, n);
	int maxtext = LINES - 4 - extra;
	if ((int)*n > maxtext)
		*n = (size_t)(maxtext > 1 ? maxtext : 1);
	f.h = (int)*n + extra + 2;
	f.y = (LINES - f.h) / 2;
	f.x = (COLS - f.w) / 2;
	return f;
}

static void draw_buttons(int y, int x, int w, const char *const *labels, int n, int sel)
{
	int total = 0;
	for (int i = 0; i < n; i++)
		total += mc_width(labels[i]) + 4 + (i ? 2 : 0);
	int bx = x + (w - total) / 2;
	for (int i = 0; i < n; i++) {
		char b[64];
		snprintf(b, sizeof(b), "< %s >", labels[i]);
		bx += mc_put(y, bx, b, w, i == sel ? MC_SELECTED : MC_BUTTON) + 2;
	}
}

/* ---- message and yes/no --------------------------------------------------------------- */

struct ask {
	const char *title, *text;
	const char *labels[2];
	int n_labels, sel;
};

static void paint_ask(void *arg)
{
	struct ask *a = arg;
	char **lines;
	size_t n;
	struct frame f = place(a->text, 30, 2, &lines, &n);
	mc_fill(f.y, f.x, f.h, f.w, MC_NORMAL);
	mc_box(f.y, f.x, f.h, f.w, a->title);
	for (size_t i = 0; i < n; i++)
		mc_put(f.y + 1 + (int)i, f.x + 2, lines[i], f.w - 4, MC_NORMAL);
	draw_buttons(f.y + f.h - 2, f.x + 1, f.w - 2, a->labels, a->n_labels, a->sel);
	mc_lines_free(lines);
}

/* "Title: text  [keys]" for a terminal too small to draw the box. */
static char *ask_summary(void *arg)
{
	struct ask *a = arg;
	struct mc_buf b = {0};

	mc_buf_add(&b, "%s: %s\n", a->title, a->text);
	if (a->n_labels == 1)
		mc_buf_add(&b, _("[Enter] %s"), a->labels[0]);
	else
		mc_buf_add(&b, _("[y] %s   [n] %s   [Esc Esc] back"), a->labels[0], a->labels[1]);
	return mc_buf_take(&b);
}

void mc_message(const char *title, const char *text)
{
	struct ask a = {title, text, {_("OK"), NULL}, 1, 0};
	mc_push_painter(paint_ask, &a);
	mc_set_summary(ask_summary);
	for (;;) {
		mc_redraw();
		int k = mc_getkey();
		if (k == '\n' || k == '\r' || k == ' ' || k == MC_KEY(KEY_ENTER) || mc_is_back(k))
			break;
	}
	mc_pop_painter();
}

int mc_yesno(const char *title, const char *text, const char *yes, const char *no)
{
	struct ask a = {title, text, {yes, no}, 2, 0};
	int ret;
	mc_push_painter(paint_ask, &a);
	mc_set_summary(ask_summary);
	for (;;) {
		mc_redraw();
		int k = mc_getkey();
		if (k == MC_KEY(KEY_LEFT) || k == MC_KEY(KEY_RIGHT) || k == '\t') {
			a.sel = !a.sel;
		} else if (k == 'y' || k == 'Y') {
			ret = 1;
			break;
		} else if (k == 'n' || k == 'N') {
			ret = 0;
			break;
		} else if (k == '\n' || k == '\r' || k == ' ' || k == MC_KEY(KEY_ENTER)) {
			ret = a.sel == 0;
			break;
		} else if (mc_is_back(k)) {
			ret = -1;
			break;
		}
	}
	mc_pop_painter();
	return ret;
}

/* ---- line input ----------------------------------------------------------------------- */

struct input {
	const char *title, *prompt;
	wchar_t *buf;
	size_t len, cap, cur, scroll;
	const char *error;
	int sel; /* 0 = OK, 1 = Cancel */
};

static int wwidth(const wchar_t *s, size_t n)
{
	int w = 0;
	for (size_t i = 0; i < n; i++) {
		int c = wcwidth(s[i]);
		w += c < 0 ? 1 : c;
	}
	return w;
}

static void paint_input(void *arg)
{
	struct input *in = arg;
	char **lines;
	size_t n;
	struct frame f = place(in->prompt, 72, 6, &lines, &n);
	int fw = f.w - 6;

	mc_fill(f.y, f.x, f.h, f.w, MC_NORMAL);
	mc_box(f.y, f.x, f.h, f.w, in->title);
	for (size_t i = 0; i < n; i++)
		mc_put(f.y + 1 + (int)i, f.x + 2, lines[i], f.w - 4, MC_NORMAL);
	mc_lines_free(lines);

	/* Keep the cursor inside the field: scroll by characters. */
	if (in->scroll > in->cur)
		in->scroll = in->cur;
	while (in->scroll < in->cur && wwidth(in->buf + in->scroll, in->cur - in->scroll) >= fw)
		in->scroll++;
	int fy = f.y + 1 + (int)n + 1;
	mc_box(fy - 1, f.x + 2, 3, f.w - 4, NULL);
	attrset(A_UNDERLINE);
	mvhline(fy, f.x + 3, ' ', fw);
	int col = 0;
	size_t i;
	for (i = in->scroll; i < in->len; i++) {
		int c = wcwidth(in->buf[i]);
		c = c < 0 ? 1 : c;
		if (col + c > fw)
			break;
		col += c;
	}
	mvaddnwstr(fy, f.x + 3, in->buf + in->scroll, (int)(i - in->scroll));
	attrset(A_NORMAL);
	if (in->error) {
		size_t ne;
		char **el = mc_wrap(in->error, f.w - 4, &ne);
		for (size_t i = 0; i < ne && i < 2; i++)
			mc_put_pad(fy + 2 + (int)i, f.x + 2, el[i], f.w - 4, MC_ERROR);
		mc_lines_free(el);
	}
	const char *labels[] = {_("OK"), _("Cancel")};
	draw_buttons(f.y + f.h - 2, f.x + 1, f.w - 2, labels, 2, in->sel);
	move(fy, f.x + 3 + wwidth(in->buf + in->scroll, in->cur - in->scroll));
	curs_set(1);
}

static void insert(struct input *in, wchar_t c)
{
	if (in->len + 2 > in->cap) {
		in->cap = in->cap * 2 + 16;
		wchar_t *b = realloc(in->buf, in->cap * sizeof(*b));
		if (!b)
			return;
		in->buf = b;
	}
	memmove(in->buf + in->cur + 1, in->buf + in->cur, (in->len - in->cur) * sizeof(wchar_t));
	in->buf[in->cur++] = c;
	in->len++;
}

static char *to_utf8(const wchar_t *w, size_t n)
{
	char *out = mc_xmalloc(n * MB_CUR_MAX + 1);
	size_t o = 0;
	mbstate_t st;
	memset(&st, 0, sizeof(st));
	for (size_t i = 0; i < n; i++) {
		size_t k = wcrtomb(out + o, w[i], &st);
		if (k != (size_t)-1)
			o += k;
	}
	out[o] = '\0';
	return out;
}

static char *input_summary(void *arg)
{
	struct input *in = arg;
	struct mc_buf b = {0};
	char *text = to_utf8(in->buf, in->len);

	mc_buf_add(&b, "%s: %s\n> %s\n", in->title, in->prompt, text);
	if (in->error)
		mc_buf_add(&b, "%s\n", in->error);
	mc_buf_add(&b, "%s", _("[Enter] OK   [Esc Esc] cancel"));
	free(text);
	return mc_buf_take(&b);
}

char *mc_input(const char *title, const char *prompt, const char *init, mc_valid_fn valid,
	       void *arg)
{
	struct input in = {.title = title, .prompt = prompt};
	char *result = NULL;
	mbstate_t st;

	memset(&st, 0, sizeof(st));
	for (const char *p = init ? init : ""; *p;) {
		wchar_t wc;
		size_t k = mbrtowc(&wc, p, strlen(p), &st);
		if (k == (size_t)-1 || k == (size_t)-2 || k == 0) {
			wc = L'?';
			k = 1;
			memset(&st, 0, sizeof(st));
		}
		insert(&in, wc);
		p += k;
	}
	mc_push_painter(paint_input, &in);
	mc_set_summary(input_summary);
	for (;;) {
		mc_redraw();
		int k = mc_getkey();
		bool enter = k == '\n' || k == '\r' || k == MC_KEY(KEY_ENTER);
		if (enter && in.sel == 1)
			break;
		if (enter) {
			char *text = to_utf8(in.buf, in.len);
			in.error = valid ? valid(arg, text) : NULL;
			if (!in.error) {
				result = text;
				break;
			}
			free(text);
			beep();
			continue;
		}
		if (mc_is_back(k))
			break;
		in.error = NULL;
		switch (k) {
		case '\t':
			in.sel = !in.sel;
			break;
		case MC_KEY(KEY_LEFT):
			if (in.cur > 0)
				in.cur--;
			break;
		case MC_KEY(KEY_RIGHT):
			if (in.cur < in.len)
				in.cur++;
			break;
		case MC_KEY(KEY_HOME):
		case 1: /* ^A */
			in.cur = 0;
			break;
		case MC_KEY(KEY_END):
		case 5: /* ^E */
			in.cur = in.len;
			break;
		case MC_KEY(KEY_BACKSPACE):
		case 127:
		case 8:
			if (in.cur > 0) {
				in.cur--;
				memmove(in.buf + in.cur, in.buf + in.cur + 1,
					(in.len - in.cur - 1) * sizeof(wchar_t));
				in.len--;
			}
			break;
		case MC_KEY(KEY_DC):
			if (in.cur < in.len) {
				memmove(in.buf + in.cur, in.buf + in.cur + 1,
					(in.len - in.cur - 1) * sizeof(wchar_t));
				in.len--;
			}
			break;
		case 21: /* ^U: clear */
			in.len = in.cur = in.scroll = 0;
			break;
		default:
			if (k >= 32 && k < MC_KEY(0) && k != 127 && wcwidth((wchar_t)k) >= 0)
				insert(&in, (wchar_t)k);
			break;
		}
	}
	curs_set(0);
	mc_pop_painter();
	free(in.buf);
	return result;
}
