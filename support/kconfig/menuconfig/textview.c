// SPDX-License-Identifier: GPL-2.0
/* textview.c - a scrolling page of text (help, details, why) with buttons. */
#include <stdio.h>
#include <stdlib.h>

#include <curses.h>

#include "mc.h"

struct page {
	const char *title, *text;
	const char *const *buttons;
	int n_buttons, sel;
	int top, height, n_lines;
};

static void paint_page(void *arg)
{
	struct page *p = arg;
	int y = 1, x = 0, h = LINES - 2, w = COLS;
	size_t n;
	char **lines = mc_wrap(p->text, w - 4, &n);

	p->height = h - 4;
	p->n_lines = (int)n;
	if (p->top > p->n_lines - p->height)
		p->top = p->n_lines - p->height;
	if (p->top < 0)
		p->top = 0;
	mc_fill(y, x, h, w, MC_NORMAL);
	mc_box(y, x, h, w, p->title);
	for (int i = 0; i < p->height && p->top + i < p->n_lines; i++)
		mc_put(y + 1 + i, x + 2, lines[p->top + i], w - 4, MC_NORMAL);
	mc_separator(y + h - 3, x, w);
	if (p->top > 0)
		mc_put(y, x + w - 5, "(-)", 3, MC_BORDER);
	if (p->top + p->height < p->n_lines) {
		char pct[16];
		snprintf(pct, sizeof(pct), "(%d%%)", (p->top + p->height) * 100 / p->n_lines);
		mc_put(y + h - 3, x + w - 8, pct, 6, MC_BORDER);
	}
	int total = 0;
	for (int i = 0; i < p->n_buttons; i++)
		total += mc_width(p->buttons[i]) + 6;
	int bx = x + (w - total) / 2;
	for (int i = 0; i < p->n_buttons; i++) {
		char b[80];
		snprintf(b, sizeof(b), "< %s >", p->buttons[i]);
		bx += mc_put(y + h - 2, bx, b, w, i == p->sel ? MC_SELECTED : MC_BUTTON) + 2;
	}
	mc_lines_free(lines);
}

/* A button's hotkey is its first letter (the letters also used for scrolling are skipped). */
static int button_hotkey(const struct page *p, int k)
{
	if (k >= 128 || k < 'A' || k == 'j' || k == 'k' || k == 'b' || k == 'g' || k == 'G')
		return -1;
	for (int i = 0; i < p->n_buttons; i++)
		if ((p->buttons[i][0] | 0x20) == (k | 0x20))
			return i;
	return -1;
}

static char *page_summary(void *arg)
{
	struct page *p = arg;
	struct mc_buf b = {0};

	/* the keys first: the text may not fit */
	mc_buf_add(&b, "%s\n", p->title);
	for (int i = 0; i < p->n_buttons; i++)
		mc_buf_add(&b, "%s<%s>", i ? "  " : "", p->buttons[i]);
	mc_buf_add(&b, "%s\n%s", _("  [Esc Esc] back"), p->text);
	return mc_buf_take(&b);
}

int mc_textview(const char *title, const char *text, const char *const *buttons)
{
	const char *const exit_only[] = {_("Exit"), NULL};
	struct page p = {.title = title, .text = text, .buttons = buttons ? buttons : exit_only};
	int ret;

	while (p.buttons[p.n_buttons])
		p.n_buttons++;
	mc_push_painter(paint_page, &p);
	mc_set_summary(page_summary);
	for (;;) {
		mc_redraw();
		int k = mc_getkey();
		int page = p.height > 1 ? p.height - 1 : 1;
		int hot = button_hotkey(&p, k);
		if (hot >= 0) {
			ret = hot;
			break;
		}
		if (k == MC_KEY(KEY_UP) || k == 'k')
			p.top--;
		else if (k == MC_KEY(KEY_DOWN) || k == 'j')
			p.top++;
		else if (k == MC_KEY(KEY_PPAGE) || k == 'b')
			p.top -= page;
		else if (k == MC_KEY(KEY_NPAGE) || k == ' ')
			p.top += page;
		else if (k == MC_KEY(KEY_HOME) || k == 'g')
			p.top = 0;
		else if (k == MC_KEY(KEY_END) || k == 'G')
			p.top = p.n_lines;
		else if (k == MC_KEY(KEY_LEFT))
			p.sel = (p.sel + p.n_buttons - 1) % p.n_buttons;
		else if (k == MC_KEY(KEY_RIGHT) || k == '\t')
			p.sel = (p.sel + 1) % p.n_buttons;
		else if (k == '\n' || k == '\r' || k == MC_KEY(KEY_ENTER)) {
			ret = p.sel;
			break;
		} else if (k == 'q' || k == 'e' || k == 'x' || k == '?' || k == 'h' ||
			   mc_is_back(k)) {
			ret = -1;
			break;
		}
		if (p.top < 0)
			p.top = 0;
	}
	mc_pop_painter();
	return ret;
}
