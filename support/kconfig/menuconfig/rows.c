// SPDX-License-Identifier: GPL-2.0
/* rows.c - the lines of one menu: which entries are listed and how each one reads. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mc.h"

struct rows {
	struct mc_row *v;
	size_t n, cap;
};

static void add_row(struct rows *r, const struct kc_menu *m, int depth, bool hidden)
{
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 64;
		struct mc_row *v = realloc(r->v, r->cap * sizeof(*v));
		if (!v)
			abort();
		r->v = v;
	}
	r->v[r->n++] = (struct mc_row){m, depth, hidden};
}

bool mc_node_opens(const struct kc_menu *m)
{
	switch (kc_menu_kind(m)) {
	case KC_M_MENU:
	case KC_M_CHOICE:
		return true;
	case KC_M_CONFIG:
		return kc_menu_is_menu(m);
	default:
		return false;
	}
}

static const char *prompt_domain;

void mc_set_prompt_domain(const char *domain)
{
	prompt_domain = domain;
}

const char *mc_tr(const char *text)
{
	return text && *text && prompt_domain ? dgettext(prompt_domain, text) : text;
}

const char *mc_prompt(const struct kc_menu *m)
{
	return mc_tr(kc_menu_prompt(m));
}

const char *mc_node_label(const struct kc_menu *m)
{
	const char *p = mc_prompt(m);
	if (p)
		return p;
	struct kc_sym *s = kc_menu_sym(m);
	const char *name = s ? kc_sym_name(s) : NULL;
	return name ? name : _("(no prompt)");
}

/*
 * Entries of `menu` at `depth`. Blocks without a prompt (if-blocks, prompt-less configs that
 * carry dependants) are transparent; a config's dependants are indented under it, as the
 * kernel's menuconfig shows them; submenus and choices are opened separately.
 */
static void add_children(struct kc_ctx *kc, struct rows *r, const struct kc_menu *menu, int depth,
			 bool show_all)
{
	for (const struct kc_menu *c = kc_menu_child(menu); c; c = kc_menu_next(c)) {
		enum kc_menu_kind kind = kc_menu_kind(c);
		if (kind == KC_M_IF || !kc_menu_prompt(c)) {
			if (kc_menu_child(c))
				add_children(kc, r, c, depth, show_all);
			continue;
		}
		bool shown = kc_menu_shown(kc, c);
		if (!shown && !show_all)
			continue;
		add_row(r, c, depth, !shown);
		if (!mc_node_opens(c) && kc_menu_child(c))
			add_children(kc, r, c, depth + 1, show_all);
	}
}

size_t mc_rows_build(struct kc_ctx *kc, const struct kc_menu *menu, bool show_all,
		     struct mc_row **out)
{
	struct rows r = {0};
	add_children(kc, &r, menu, 0, show_all);
	*out = r.v;
	return r.n;
}

int mc_hotkey(const char *prompt)
{
	int paren = 0;

	for (int i = 0; prompt[i]; i++) {
		unsigned char c = (unsigned char)prompt[i];

		if (strchr("<[(", c))
			paren++;
		else if (strchr(">])", c) && paren)
			paren--;
		else if (!paren && c < 128 && isalpha(c) && !strchr(MC_COMMAND_LETTERS, tolower(c)))
			return i;
	}
	return -1;
}

/* A submenu with nothing to show reads "----" instead of "--->", as in the kernel's. */
static bool has_shown_child(struct kc_ctx *kc, const struct kc_menu *m)
{
	for (const struct kc_menu *c = kc_menu_child(m); c; c = kc_menu_next(c)) {
		if (kc_menu_kind(c) == KC_M_IF || !kc_menu_prompt(c)) {
			if (has_shown_child(kc, c))
				return true;
		} else if (kc_menu_shown(kc, c)) {
			return true;
		}
	}
	return false;
}

static const char *arrow(struct kc_ctx *kc, const struct kc_menu *m)
{
	return has_shown_child(kc, m) ? "  --->" : "  ----";
}

static char tri_char(enum kc_tri v)
{
	return v == KC_YES ? '*' : v == KC_MOD ? 'M' : ' ';
}

/* The "[*]", "<M>", "{*}", "-*-" box in front of a bool/tristate. */
static void tri_marker(struct kc_ctx *kc, struct kc_sym *s, char out[4])
{
	enum kc_tri v = kc_sym_tri(kc, s), lo = KC_NO, hi = KC_YES;
	bool changeable = kc_sym_tri_range(kc, s, &lo, &hi);
	char c = tri_char(v);

	if (!changeable)
		snprintf(out, 4, "-%c-", v == KC_NO ? ' ' : c);
	else if (kc_sym_type(s) == KC_TRISTATE && lo > KC_NO && !kc_sym_is_choice(s))
		snprintf(out, 4, "{%c}", c);
	else if (kc_sym_type(s) == KC_TRISTATE)
		snprintf(out, 4, "<%c>", c);
	else
		snprintf(out, 4, "[%c]", c);
}

static void add_value_prefix(struct mc_buf *b, struct kc_ctx *kc, struct kc_sym *s)
{
	char mark[4];
	switch (kc_sym_type(s)) {
	case KC_BOOLEAN:
	case KC_TRISTATE:
		tri_marker(kc, s, mark);
		mc_buf_add(b, "%s ", mark);
		break;
	case KC_INT:
	case KC_HEX:
	case KC_STRING:
		mc_buf_add(b, "(%s) ", kc_sym_str(kc, s));
		break;
	default:
		mc_buf_add(b, "    ");
		break;
	}
}

static void add_indent(struct mc_buf *b, int depth)
{
	for (int i = 0; i < depth; i++)
		mc_buf_add(b, "  ");
}

/* Add the prompt, noting where its hotkey lands in the row. */
static void add_prompt(struct mc_buf *b, const char *prompt, int *hot)
{
	int h = mc_hotkey(prompt);

	*hot = h < 0 ? -1 : (int)b->len + h;
	mc_buf_add(b, "%s", prompt);
}

char *mc_row_text(struct kc_ctx *kc, const struct mc_row *r, bool in_choice, int *hot)
{
	struct mc_buf b = {0};
	const struct kc_menu *m = r->node;
	struct kc_sym *s = kc_menu_sym(m);
	const char *prompt = mc_node_label(m);

	switch (kc_menu_kind(m)) {
	case KC_M_COMMENT:
		mc_buf_add(&b, "    ");
		add_indent(&b, r->depth);
		mc_buf_add(&b, "*** ");
		add_prompt(&b, prompt, hot);
		mc_buf_add(&b, " ***");
		break;
	case KC_M_MENU:
		mc_buf_add(&b, "    ");
		add_indent(&b, r->depth);
		add_prompt(&b, prompt, hot);
		mc_buf_add(&b, "%s", arrow(kc, m));
		break;
	case KC_M_CHOICE: {
		if (s && kc_sym_type(s) == KC_TRISTATE)
			add_value_prefix(&b, kc, s);
		else
			mc_buf_add(&b, "    ");
		add_indent(&b, r->depth);
		struct kc_sym *sel = s ? kc_choice_selected(kc, s) : NULL;
		const struct kc_menu *sm = sel ? kc_sym_menu(sel) : NULL;
		add_prompt(&b, prompt, hot);
		if (sm)
			mc_buf_add(&b, " (%s)", mc_node_label(sm));
		mc_buf_add(&b, "  --->");
		break;
	}
	default:
		if (!s) {
			mc_buf_add(&b, "    ");
			add_prompt(&b, prompt, hot);
			break;
		}
		struct kc_sym *ch = kc_sym_choice(s);
		/* A choice in y mode is a radio list; in m mode (tristate) each value is <M> or <
		 * >. */
		if (in_choice && ch && kc_sym_tri(kc, ch) == KC_YES) {
			bool on = kc_choice_selected(kc, ch) == s;
			mc_buf_add(&b, "(%c) ", on ? 'X' : ' ');
		} else {
			add_value_prefix(&b, kc, s);
		}
		add_indent(&b, r->depth);
		add_prompt(&b, prompt, hot);
		if (!kc_sym_has_value(s) && !r->hidden)
			mc_buf_add(&b, " (NEW)");
		if (mc_node_opens(m))
			mc_buf_add(&b, "%s", arrow(kc, m));
		break;
	}
	if (r->hidden)
		mc_buf_add(&b, "  [hidden: w = why]");
	return mc_buf_take(&b);
}
