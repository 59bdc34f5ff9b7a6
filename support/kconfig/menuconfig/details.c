// SPDX-License-Identifier: GPL-2.0
/* details.c - the help page of a menu entry: type, value, origin, dependencies, help text. */
#include <stdlib.h>
#include <string.h>

#include "mc.h"

static const struct kc_menu *opening_parent(const struct kc_menu *m)
{
	for (const struct kc_menu *p = kc_menu_parent(m); p; p = kc_menu_parent(p))
		if (kc_menu_kind(p) == KC_M_ROOT || mc_node_opens(p))
			return p;
	return NULL;
}

char *mc_location(struct kc_ctx *kc, const struct kc_menu *m, const char *sep)
{
	const struct kc_menu *chain[64];
	int n = 0;
	struct mc_buf b = {0};

	for (const struct kc_menu *p = opening_parent(m); p && n < 64; p = opening_parent(p))
		chain[n++] = p;
	for (int i = n - 1; i >= 0; i--) {
		const char *label =
		    kc_menu_kind(chain[i]) == KC_M_ROOT ? mc_tr(kc_mainmenu(kc)) : mc_node_label(chain[i]);
		mc_buf_add(&b, "%s%s", i == n - 1 ? "" : sep, label);
	}
	return mc_buf_take(&b);
}

static const char *tri_text(enum kc_tri v)
{
	return v == KC_YES ? "y" : v == KC_MOD ? "m" : "n";
}

void mc_add_term(struct mc_buf *b, const char *indent, const struct kc_term *t);

/* "  PCI && !X86_32  [= n]   (PCI = n, X86_32 = y)" */
void mc_add_term(struct mc_buf *b, const char *indent, const struct kc_term *t)
{
	mc_buf_add(b, "%s%s  [= %s]", indent, t->text ? t->text : "?", tri_text(t->value));
	if (t->n_ops) {
		mc_buf_add(b, "   (");
		for (size_t i = 0; i < t->n_ops; i++)
			mc_buf_add(b, "%s%s = %s", i ? ", " : "",
				   t->ops[i].name ? t->ops[i].name : "?",
				   t->ops[i].value ? t->ops[i].value : "?");
		mc_buf_add(b, ")");
	}
	mc_buf_add(b, "\n");
}

/* A term's text with each operand's value after it: "NET [=y] && !LEGACY [=y]". */
static void add_annotated(struct mc_buf *b, const struct kc_term *t)
{
	const char *p = t->text ? t->text : "?";

	while (*p) {
		size_t len = 0;

		if (*p == '"' || *p == '\'') {
			/* a quoted constant: copy it whole, names inside are not operands */
			const char *q = p + 1;

			while (*q && *q != *p)
				q += q[0] == '\\' && q[1] ? 2 : 1;
			if (*q)
				q++;
			mc_buf_add(b, "%.*s", (int)(q - p), p);
			p = q;
			continue;
		}
		while (p[len] == '_' || (p[len] >= 'A' && p[len] <= 'Z') ||
		       (p[len] >= 'a' && p[len] <= 'z') || (p[len] >= '0' && p[len] <= '9'))
			len++;
		if (!len) {
			mc_buf_add(b, "%c", *p++);
			continue;
		}
		mc_buf_add(b, "%.*s", (int)len, p);
		for (size_t i = 0; i < t->n_ops; i++)
			if (t->ops[i].name && strlen(t->ops[i].name) == len &&
			    !strncmp(t->ops[i].name, p, len)) {
				mc_buf_add(b, " [=%s]", t->ops[i].value ? t->ops[i].value : "?");
				break;
			}
		p += len;
	}
}

/* "Depends on: NET [=y] && PCI [=n]  => n": all terms, and what they give together. */
static void add_term_line(struct mc_buf *b, const char *label, const struct kc_term *t, size_t n)
{
	enum kc_tri all = KC_YES;

	mc_buf_add(b, "%s", label);
	for (size_t i = 0; i < n; i++) {
		bool paren = n > 1 && t[i].text && strstr(t[i].text, "||");

		mc_buf_add(b, "%s%s", i ? " && " : "", paren ? "(" : "");
		add_annotated(b, &t[i]);
		mc_buf_add(b, "%s", paren ? ")" : "");
		if (t[i].value < all)
			all = t[i].value;
	}
	mc_buf_add(b, "  => %s\n", tri_text(all));
}

const char *mc_origin_text(enum kc_origin o);

const char *mc_origin_text(enum kc_origin o)
{
	switch (o) {
	case KC_FROM_USER:
		return _("user value (set here or read from the .config)");
	case KC_FROM_DEFAULT:
		return _("a default");
	case KC_FROM_SELECT:
		return _("a select");
	case KC_FROM_IMPLY:
		return _("an imply");
	case KC_FROM_CHOICE:
		return _("the choice's selection");
	case KC_FROM_NONE:
		break;
	}
	return _("nothing (no default applies)");
}

/* "Selects:     FOO [=y], BAR if BAZ [=n]" style lines of select/imply targets. */
static void add_targets(struct mc_buf *b, const char *label, const struct kc_term *t, size_t n)
{
	if (!n)
		return;
	mc_buf_add(b, "%s", label);
	for (size_t i = 0; i < n; i++) {
		mc_buf_add(b, "%s", i ? ", " : "");
		add_annotated(b, &t[i]);
	}
	mc_buf_add(b, "\n");
}

static void add_choice_part(struct mc_buf *b, struct kc_ctx *kc, struct kc_sym *s)
{
	struct kc_explain e;

	if (kc_explain(kc, s, &e) != 0)
		return;
	if (e.origin_sym)
		mc_buf_add(b, _("Choice:     selected entry %s (%s)\n"),
			   kc_sym_name(e.origin_sym) ? kc_sym_name(e.origin_sym) : "?",
			   mc_origin_text(e.origin));
	else
		mc_buf_add(b, "%s\n", _("Choice:     no entry selected"));
	if (kc_sym_type(s) == KC_TRISTATE)
		mc_buf_add(b, _("Mode:       %s\n"), e.value);
	mc_buf_add(b, _("Visible:    %s\n"), tri_text(e.visible));
	if (e.n_deps)
		add_term_line(b, _("Depends on: "), e.deps, e.n_deps);
	kc_explain_free(&e);
}

static void add_symbol_part(struct mc_buf *b, struct kc_ctx *kc, struct kc_sym *s)
{
	struct kc_explain e;
	const char *name = kc_sym_name(s);

	if (kc_sym_is_choice(s)) {
		add_choice_part(b, kc, s);
		return;
	}
	mc_buf_add(b, _("Symbol:     %s%s [=%s]\n"), kc_prefix(kc), name ? name : "?",
		   kc_sym_str(kc, s));
	mc_buf_add(b, _("Type:       %s\n"), kc_type_name(kc_sym_type(s)));
	mc_buf_add(b, _("Value:      %s\n"), kc_sym_str(kc, s));
	if (kc_explain(kc, s, &e) != 0)
		return;
	if (e.range_min)
		mc_buf_add(b, _("Range:      [%s %s]\n"), e.range_min, e.range_max);
	mc_buf_add(b, _("Set by:     %s"), mc_origin_text(e.origin));
	if (e.origin_sym && kc_sym_name(e.origin_sym))
		mc_buf_add(b, _(" from %s"), kc_sym_name(e.origin_sym));
	if (e.origin_text && *e.origin_text)
		mc_buf_add(b, ": %s", e.origin_text);
	if (e.origin_file)
		mc_buf_add(b, " (%s:%d)", e.origin_file, e.origin_line);
	mc_buf_add(b, _("\nVisible:    %s\n"), tri_text(e.visible));
	if (e.n_deps)
		add_term_line(b, _("Depends on: "), e.deps, e.n_deps);
	else
		mc_buf_add(b, "%s\n", _("Depends on: (nothing)"));
	if (e.n_visible_if)
		add_term_line(b, _("Visible if: "), e.visible_if, e.n_visible_if);
	if (e.n_unmet) {
		mc_buf_add(b, "%s\n",
			   _("Unmet (terms that keep it hidden, with each operand's value):"));
		for (size_t i = 0; i < e.n_unmet; i++)
			mc_add_term(b, "  ", &e.unmet[i]);
	} else {
		mc_buf_add(b, "%s\n", _("Unmet:      none, all dependencies are met"));
	}
	add_targets(b, _("Selects:    "), e.selects, e.n_selects);
	add_targets(b, _("Implies:    "), e.implies, e.n_implies);
	if (e.n_selectors) {
		mc_buf_add(b, "%s\n", _("Selected by:"));
		for (size_t i = 0; i < e.n_selectors; i++)
			mc_add_term(b, "  ", &e.selectors[i]);
	}
	if (e.n_implied_by) {
		mc_buf_add(b, "%s\n", _("Implied by:"));
		for (size_t i = 0; i < e.n_implied_by; i++)
			mc_add_term(b, "  ", &e.implied_by[i]);
	}
	kc_explain_free(&e);
}

char *mc_details(struct kc_ctx *kc, const struct kc_menu *m)
{
	struct mc_buf b = {0};
	struct kc_sym *s = kc_menu_sym(m);
	const char *prompt = mc_prompt(m);
	const char *help = kc_menu_help(m);

	if (s)
		add_symbol_part(&b, kc, s);
	mc_buf_add(&b, _("Prompt:     %s\n"), prompt ? prompt : _("(none)"));
	mc_buf_add(&b, _("Defined at: %s:%d\n"), kc_menu_file(m), kc_menu_line(m));
	char *loc = mc_location(kc, m, " > ");
	mc_buf_add(&b, _("Location:   %s > %s\n"), loc, mc_node_label(m));
	free(loc);
	mc_buf_add(&b, "\n%s\n",
		   help && *help ? help : _("There is no help available for this option."));
	return mc_buf_take(&b);
}
