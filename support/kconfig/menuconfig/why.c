// SPDX-License-Identifier: GPL-2.0
/*
 * why.c - "why is this option off, and what would turn it on": the engine's kc_explain()
 * (the same analysis as `conf --explain`) shown as a page, and its change set applied on
 * confirmation.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mc.h"

void mc_add_term(struct mc_buf *b, const char *indent, const struct kc_term *t);
const char *mc_origin_text(enum kc_origin o);

static const char *sym_label(struct kc_sym *s)
{
	const char *n = kc_sym_name(s);
	if (n)
		return n;
	const struct kc_menu *m = kc_sym_menu(s);
	return m ? mc_node_label(m) : "(choice)";
}

static char *why_text(struct kc_ctx *kc, const struct kc_explain *e)
{
	struct mc_buf b = {0};
	const char *name = sym_label(e->sym);

	mc_buf_add(&b, "%s%s = %s  (%s)\n", kc_prefix(kc), name, e->value ? e->value : "",
		   kc_type_name(kc_sym_type(e->sym)));
	mc_buf_add(&b, "Prompt visible: %s\n",
		   e->visible == KC_YES	  ? "yes"
		   : e->visible == KC_MOD ? "as module only"
					  : "no");
	mc_buf_add(&b, "Value set by: %s", mc_origin_text(e->origin));
	if (e->origin_sym && kc_sym_name(e->origin_sym))
		mc_buf_add(&b, " from %s", kc_sym_name(e->origin_sym));
	if (e->origin_text && *e->origin_text)
		mc_buf_add(&b, ": %s", e->origin_text);
	if (e->origin_file)
		mc_buf_add(&b, " (%s:%d)", e->origin_file, e->origin_line);
	mc_buf_add(&b, "\n\n");
	if (e->n_unmet) {
		mc_buf_add(&b, "Unmet dependencies:\n");
		for (size_t i = 0; i < e->n_unmet; i++)
			mc_add_term(&b, "  ", &e->unmet[i]);
	} else {
		mc_buf_add(&b, "No unmet dependencies.\n");
	}
	if (e->n_selectors) {
		mc_buf_add(&b, "\nSelected or implied by:\n");
		for (size_t i = 0; i < e->n_selectors; i++)
			mc_add_term(&b, "  ", &e->selectors[i]);
	}
	mc_buf_add(&b, "\n");
	enum kc_type t = kc_sym_type(e->sym);
	if (t != KC_BOOLEAN && t != KC_TRISTATE && !(e->solvable && e->n_changes)) {
		/* A value, not a switch: there is nothing to "enable". */
		if (e->visible != KC_NO)
			mc_buf_add(
			    &b, "%s has a value rather than an on/off state; edit it with Enter.\n",
			    name);
		else
			mc_buf_add(&b, "%s can be edited once the dependencies above are met.\n",
				   name);
	} else if (!e->solvable) {
		mc_buf_add(&b, "No set of changes was found that would enable %s.\n", name);
	} else if (e->n_changes == 0 && kc_sym_tri(kc, e->sym) == KC_YES) {
		mc_buf_add(&b, "%s is already enabled.\n", name);
	} else if (e->n_changes == 0) {
		mc_buf_add(&b, "Nothing needs to change: %s can be enabled as it is.\n", name);
	} else {
		mc_buf_add(&b, "To enable %s, these changes are needed:\n", name);
		for (size_t i = 0; i < e->n_changes; i++) {
			struct kc_sym *c = e->changes[i].sym;
			mc_buf_add(&b, "  %-28s %s -> %s\n", sym_label(c), kc_sym_str(kc, c),
				   e->changes[i].value);
		}
	}
	return mc_buf_take(&b);
}

/*
 * Apply the change set. A step can depend on a later one (a symbol before its dependency), so
 * refused steps are retried after each pass that made progress. Returns NULL or a message that
 * names the steps that could not be applied.
 */
static char *apply(struct kc_ctx *kc, const struct kc_explain *e)
{
	bool *done = calloc(e->n_changes + 1, sizeof(*done));
	size_t left = e->n_changes;
	bool progress = true;

	if (!done)
		return mc_xstrdup("Out of memory.");
	while (left && progress) {
		progress = false;
		for (size_t i = 0; i < e->n_changes; i++) {
			if (done[i])
				continue;
			if (kc_sym_set_str(kc, e->changes[i].sym, e->changes[i].value) ||
			    strcmp(kc_sym_str(kc, e->changes[i].sym), e->changes[i].value) == 0) {
				done[i] = true;
				left--;
				progress = true;
			}
		}
	}
	char *msg = NULL;
	if (left) {
		struct mc_buf b = {0};
		mc_buf_add(&b, "These changes were refused:");
		for (size_t i = 0; i < e->n_changes; i++)
			if (!done[i])
				mc_buf_add(&b, " %s=%s", sym_label(e->changes[i].sym),
					   e->changes[i].value);
		mc_buf_add(&b, ". The others were applied.");
		msg = mc_buf_take(&b);
	}
	free(done);
	return msg;
}

bool mc_why(struct kc_ctx *kc, struct kc_sym *s)
{
	struct kc_explain e;
	static const char *const act[] = {"Enable with dependencies", "Cancel", NULL};
	bool applied = false;

	if (kc_explain(kc, s, &e) != 0) {
		mc_message("Why", "Out of memory while explaining this option.");
		return false;
	}
	char *text = why_text(kc, &e);
	char title[160];
	snprintf(title, sizeof(title), "Why: %s", sym_label(s));
	bool can_apply = e.solvable && e.n_changes > 0;
	if (mc_textview(title, text, can_apply ? act : NULL) == 0 && can_apply) {
		char *err = apply(kc, &e);
		struct mc_buf b = {0};
		if (err)
			mc_buf_add(&b, "%s\n", err);
		mc_buf_add(&b, "%s is now %s.", sym_label(s), kc_sym_str(kc, s));
		char *msg = mc_buf_take(&b);
		mc_message(err ? "Changes not fully applied" : "Changes applied", msg);
		free(msg);
		free(err);
		applied = true;
	}
	free(text);
	kc_explain_free(&e);
	return applied;
}
