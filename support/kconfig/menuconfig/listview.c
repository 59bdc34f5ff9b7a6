// SPDX-License-Identifier: GPL-2.0
/* listview.c - a scrolling list of lines with one selected line. */
#include <stdlib.h>

#include <curses.h>

#include "mc.h"

void mc_list_clamp(struct mc_list *l)
{
	int h = l->height > 0 ? l->height : 1;
	if (l->cur >= l->n)
		l->cur = l->n - 1;
	if (l->cur < 0)
		l->cur = 0;
	if (l->top > l->cur)
		l->top = l->cur;
	if (l->cur >= l->top + h)
		l->top = l->cur - h + 1;
	if (l->top > l->n - h)
		l->top = l->n - h;
	if (l->top < 0)
		l->top = 0;
}

void mc_list_draw(struct mc_list *l, int y, int x, int h, int w,
		  const char *(*get)(void *arg, int i, enum mc_attr *a, int *hot), void *arg)
{
	l->height = h;
	mc_list_clamp(l);
	for (int r = 0; r < h; r++) {
		int i = l->top + r;
		if (i >= l->n)
			break;
		enum mc_attr a = MC_NORMAL;
		int hot = -1;
		const char *text = get(arg, i, &a, &hot);
		mc_put_pad(y + r, x, text, w, i == l->cur ? MC_SELECTED : a);
		if (hot >= 0) {
			/* redraw the hotkey letter over the line, highlighted */
			char *pre = mc_xstrdup(text);
			char key[2] = {text[hot], 0};
			pre[hot] = '\0';
			int col = mc_width(pre);
			free(pre);
			if (col < w)
				mc_put(y + r, x + col, key, 1,
				       i == l->cur ? MC_SELECTED_HOTKEY : MC_HOTKEY);
		}
	}
	/* Scroll hints in the frame, as "(-)" / "(+)" like the kernel's. */
	if (l->top > 0)
		mc_put(y - 1, x + w - 4, "(-)", 3, MC_BORDER);
	if (l->top + h < l->n)
		mc_put(y + h, x + w - 4, "(+)", 3, MC_BORDER);
}

bool mc_list_key(struct mc_list *l, int key)
{
	int page = l->height > 1 ? l->height - 1 : 1;
	switch (key) {
	case MC_KEY(KEY_UP):
	case '-': /* the kernel's menuconfig moves with + and - too */
		l->cur--;
		break;
	case MC_KEY(KEY_DOWN):
	case '+':
		l->cur++;
		break;
	case MC_KEY(KEY_PPAGE):
		l->cur -= page;
		l->top -= page;
		break;
	case MC_KEY(KEY_NPAGE):
		l->cur += page;
		l->top += page;
		break;
	case MC_KEY(KEY_HOME):
		l->cur = 0;
		break;
	case MC_KEY(KEY_END):
		l->cur = l->n - 1;
		break;
	default:
		return false;
	}
	mc_list_clamp(l);
	return true;
}
