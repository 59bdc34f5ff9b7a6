// SPDX-License-Identifier: GPL-2.0
/*
 * search.c - `/`: find entries by symbol name or prompt (a regular expression, or a plain
 * substring when the text is not a valid regex; case-insensitive), list them with their value
 * and location, show details, or jump to one.
 */
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <curses.h>

#include "mc.h"

struct matcher {
	regex_t re;
	bool is_re;
	const char *text;
};

struct hits {
	const struct kc_menu **v;
	char **lines;
	size_t n, cap;
};

struct results {
	struct kc_ctx *kc;
	struct hits *h;
	struct mc_list list;
	const char *query;
};

static bool matches(const struct matcher *mt, const char *s)
{
	if (!s)
		return false;
	if (mt->is_re)
		return regexec(&mt->re, s, 0, NULL, 0) == 0;
	return strcasestr(s, mt->text) != NULL;
}

static char *hit_line(struct kc_ctx *kc, const struct kc_menu *m)
{
	struct mc_buf b = {0};
	struct kc_sym *s = kc_menu_sym(m);
	const char *name = s ? kc_sym_name(s) : NULL;
	char *loc = mc_location(kc, m, " > ");

	if (name)
		mc_buf_add(&b, "%s [=%s]  ", name, kc_sym_str(kc, s));
	mc_buf_add(&b, "%s", mc_prompt(m) ? mc_prompt(m) : _("(no prompt)"));
	if (!kc_menu_shown(kc, m))
		mc_buf_add(&b, " (hidden)");
	/* The main menu's title is the same for every hit: show the path below it. */
	const char *where = loc;
	size_t root = strlen(mc_tr(kc_mainmenu(kc)));
	if (strncmp(loc, mc_tr(kc_mainmenu(kc)), root) == 0)
		where = loc[root] ? loc + root + 3 : _("main menu");
	mc_buf_add(&b, "   in %s", where);
	free(loc);
	return mc_buf_take(&b);
}

static void collect(struct kc_ctx *kc, const struct kc_menu *menu, const struct matcher *mt,
		    struct hits *h)
{
	for (const struct kc_menu *c = kc_menu_child(menu); c; c = kc_menu_next(c)) {
		struct kc_sym *s = kc_menu_sym(c);
		const char *prompt = kc_menu_prompt(c);
		/* Only entries a user can reach: those with a prompt. */
		if (prompt && (matches(mt, prompt) || matches(mt, mc_tr(prompt)) ||
			       (s && matches(mt, kc_sym_name(s))))) {
			if (h->n == h->cap) {
				h->cap = h->cap ? h->cap * 2 : 64;
				h->v = realloc(h->v, h->cap * sizeof(*h->v));
				h->lines = realloc(h->lines, h->cap * sizeof(*h->lines));
				if (!h->v || !h->lines)
					abort();
			}
			h->v[h->n] = c;
			h->lines[h->n++] = hit_line(kc, c);
		}
		if (kc_menu_child(c))
			collect(kc, c, mt, h);
	}
}

static const char *hit_text(void *arg, int i, enum mc_attr *a, int *hot)
{
	struct results *r = arg;
	(void)a;
	(void)hot;
	return r->h->lines[i];
}

static void paint_results(void *arg)
{
	struct results *r = arg;
	char title[200];
	int w = COLS, h = LINES - 2;

	snprintf(title, sizeof(title), "Search results for \"%s\": %zu", r->query, r->h->n);
	mc_fill(1, 0, h, w, MC_NORMAL);
	mc_box(1, 0, h, w, title);
	mc_list_draw(&r->list, 2, 2, h - 4, w - 4, hit_text, r);
	mc_separator(h - 2, 0, w);
	mc_put(h - 1, 2, _("Enter: jump to it   ?: details   w: why   Esc Esc: back"), w - 4,
	       MC_BUTTON);
}

/* Strip the symbol prefix the user may have typed ("CONFIG_FOO" finds FOO). */
static const char *strip_prefix(struct kc_ctx *kc, const char *q)
{
	const char *pre = kc_prefix(kc);
	size_t n = strlen(pre);
	if (n && strncasecmp(q, pre, n) == 0 && q[n])
		return q + n;
	return q;
}

static const char *need_text(void *arg, const char *text)
{
	(void)arg;
	return *text ? NULL : _("Enter some text to search for.");
}

const struct kc_menu *mc_search(struct kc_ctx *kc)
{
	const struct kc_menu *jump = NULL;
	char *q = mc_input(_("Search Configuration Parameter"),
			   _("Enter part of a symbol name or prompt, or a regular expression "
			     "(case-insensitive; a leading CONFIG_ prefix is ignored)."),
			   NULL, need_text, NULL);
	if (!q)
		return NULL;

	struct matcher mt = {.text = strip_prefix(kc, q)};
	mt.is_re = regcomp(&mt.re, mt.text, REG_EXTENDED | REG_ICASE | REG_NOSUB) == 0;
	struct hits h = {0};
	collect(kc, kc_menu_root(kc), &mt, &h);
	if (mt.is_re)
		regfree(&mt.re);

	if (h.n == 0) {
		struct mc_buf b = {0};
		mc_buf_add(&b, "No symbol or prompt matches \"%s\".", q);
		char *msg = mc_buf_take(&b);
		mc_message(_("Search"), msg);
		free(msg);
	} else {
		struct results r = {.kc = kc, .h = &h, .query = q};
		r.list.n = (int)h.n;
		mc_push_painter(paint_results, &r);
		for (;;) {
			mc_redraw();
			int k = mc_getkey();
			if (mc_list_key(&r.list, k))
				continue;
			const struct kc_menu *m = h.v[r.list.cur];
			if (k == '\n' || k == '\r' || k == MC_KEY(KEY_ENTER)) {
				jump = m;
				break;
			} else if (k == '?' || k == 'h') {
				char *d = mc_details(kc, m);
				mc_textview(mc_node_label(m), d, NULL);
				free(d);
			} else if ((k == 'w' || k == 'W') && kc_menu_sym(m)) {
				if (mc_why(kc, kc_menu_sym(m)) != MC_WHY_NONE) {
					free(h.lines[r.list.cur]);
					h.lines[r.list.cur] = hit_line(kc, m);
				}
			} else if (mc_is_back(k)) {
				break;
			}
		}
		mc_pop_painter();
	}
	for (size_t i = 0; i < h.n; i++)
		free(h.lines[i]);
	free(h.lines);
	free(h.v);
	free(q);
	return jump;
}
