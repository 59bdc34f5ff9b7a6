// SPDX-License-Identifier: GPL-2.0
/*
 * main.c - mconf: the menu stack, the main screen and the kernel menuconfig's keys.
 *
 * Usage: mconf [Kconfig]   (environment as for conf: KCONFIG_CONFIG, srctree, CONFIG_, ...)
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "mc.h"

#define MAX_DEPTH 64

enum button { B_SELECT, B_EXIT, B_HELP, B_SAVE, B_LOAD, N_BUTTONS };
static const char *const button_names[N_BUTTONS] = {N_("Select"), N_(" Exit "), N_(" Help "),
						    N_(" Save "), N_(" Load ")};

struct view {
	const struct kc_menu *menu;
	const struct kc_menu *cur; /* keeps the cursor on its entry while rows come and go */
	struct mc_list list;
};

struct mc_app {
	struct kc_ctx *kc;
	struct view stack[MAX_DEPTH];
	int depth;
	bool show_all;
	bool loaded;	    /* a Load happened: ask to save on exit, as the kernel's does */
	const char *config; /* the main config file (KCONFIG_CONFIG or .config) */
	char *shown_name;   /* the file name in the title: the last one saved or loaded */
	struct mc_row *rows;
	char **texts;
	int *hot; /* byte offset of each row's hotkey in its text, -1 if none */
	size_t n_rows;
	enum button button;
	char status[512];
	bool status_err;
};

static struct view *top(struct mc_app *a)
{
	return &a->stack[a->depth - 1];
}

static bool in_choice(struct mc_app *a)
{
	return kc_menu_kind(top(a)->menu) == KC_M_CHOICE;
}

static void free_rows(struct mc_app *a)
{
	for (size_t i = 0; i < a->n_rows; i++)
		free(a->texts[i]);
	free(a->texts);
	free(a->hot);
	free(a->rows);
	a->texts = NULL;
	a->rows = NULL;
	a->n_rows = 0;
}

/* Rebuild the current menu's rows from the engine (values change with every key). */
static void refresh_rows(struct mc_app *a)
{
	struct view *v = top(a);
	free_rows(a);
	a->n_rows = mc_rows_build(a->kc, v->menu, a->show_all, &a->rows);
	a->texts = mc_xmalloc((a->n_rows + 1) * sizeof(*a->texts));
	a->hot = mc_xmalloc((a->n_rows + 1) * sizeof(*a->hot));
	for (size_t i = 0; i < a->n_rows; i++)
		a->texts[i] = mc_row_text(a->kc, &a->rows[i], in_choice(a), &a->hot[i]);
	v->list.n = (int)a->n_rows;
	for (size_t i = 0; i < a->n_rows; i++)
		if (a->rows[i].node == v->cur)
			v->list.cur = (int)i;
	mc_list_clamp(&v->list);
	v->cur = a->n_rows ? a->rows[v->list.cur].node : NULL;
}

static const struct mc_row *cur_row(struct mc_app *a)
{
	return a->n_rows ? &a->rows[top(a)->list.cur] : NULL;
}

static void status(struct mc_app *a, bool err, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void status(struct mc_app *a, bool err, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(a->status, sizeof(a->status), fmt, ap);
	va_end(ap);
	a->status_err = err;
}

static const char *row_text(void *arg, int i, enum mc_attr *attr, int *hot)
{
	struct mc_app *a = arg;
	*hot = a->hot[i];
	if (a->rows[i].hidden)
		*attr = MC_HIDDEN;
	return a->texts[i];
}

static void paint_main(void *arg)
{
	struct mc_app *a = arg;
	int w = COLS, h = LINES;
	char line[1024];

	/* Values may have changed under a dialog (why/resolve, load): always show the current ones.
	 */
	refresh_rows(a);

	/* Title: the mainmenu prompt and the config file. */
	snprintf(line, sizeof(line), " %s", mc_tr(kc_mainmenu(a->kc)));
	mc_put_pad(0, 0, line, w, MC_TITLE);
	/* The config file on the right, shortened to its base name if the title needs the room. */
	int room = w - mc_width(line) - 3;
	const char *file = a->shown_name;
	if (mc_width(file) + 1 > room && strrchr(file, '/'))
		file = strrchr(file, '/') + 1;
	snprintf(line, sizeof(line), "%s ", file);
	int fw = mc_width(line);
	if (fw <= room)
		mc_put(0, w - fw, line, fw, MC_TITLE);

	/* Where we are. */
	struct mc_buf b = {0};
	mc_buf_add(&b, " %s", mc_tr(kc_mainmenu(a->kc)));
	for (int i = 1; i < a->depth; i++)
		mc_buf_add(&b, " > %s", mc_node_label(a->stack[i].menu));
	char *crumbs = mc_buf_take(&b);
	mc_put_pad(1, 0, mc_tail(crumbs, w - 12), w - 12, MC_NORMAL);
	free(crumbs);
	if (a->show_all)
		mc_put(1, w - 11, "[z: all]", 10, MC_BUTTON);
	mc_put(2, 1,
	       in_choice(a) ? _("Arrows move, Enter/Space/y picks one, ? help, w why, Esc Esc back.")
			    : _("Space/y/n/m set ? help / search w why z all u undo S save L load "
				"Esc Esc back"),
	       w - 2, MC_NORMAL);

	/* The list. */
	int by = 3, bh = h - 5;
	char *title = NULL;
	if (a->depth > 1) {
		title = mc_xstrdup(mc_node_label(top(a)->menu));
	}
	mc_box(by, 0, bh, w, title ? title : mc_tr(kc_mainmenu(a->kc)));
	free(title);
	if (a->n_rows == 0)
		mc_put(by + 1, 2, _("(nothing to show here; press z to list hidden options)"), w - 4,
		       MC_HIDDEN);
	else
		mc_list_draw(&top(a)->list, by + 1, 2, bh - 2, w - 4, row_text, a);

	mc_put_pad(h - 2, 1, a->status, w - 2, a->status_err ? MC_ERROR : MC_NORMAL);

	int total = 0;
	for (int i = 0; i < N_BUTTONS; i++)
		total += mc_width(_(button_names[i])) + 4 + 2;
	int bx = (w - total) / 2;
	for (int i = 0; i < N_BUTTONS; i++) {
		snprintf(line, sizeof(line), "<%s>", _(button_names[i]));
		bx += mc_put(h - 1, bx, line, w, i == (int)a->button ? MC_SELECTED : MC_BUTTON) + 4;
	}
}

/*
 * Engine diagnostics: before and after the full screen they go to stderr; while curses owns the
 * terminal they are collected and shown in a dialog (warnings, errors) or the status line.
 */
static struct {
	bool collect;
	struct mc_buf log;
	int worst; /* 0 info/message, 1 warning, 2 error */
} diag;

static void on_diag(void *arg, enum kc_diag_level lvl, const char *msg)
{
	(void)arg;
	if (!diag.collect) {
		fprintf(stderr, "%s\n", msg);
		return;
	}
	int w = lvl == KC_DIAG_ERROR ? 2 : lvl == KC_DIAG_WARNING ? 1 : 0;
	if (w > diag.worst)
		diag.worst = w;
	mc_buf_add(&diag.log, "%s\n", msg);
}

/* Show what the engine reported during the last action; `title` names the action. */
static void show_diag(struct mc_app *a, const char *title)
{
	if (!diag.log.len)
		return;
	char *text = mc_buf_take(&diag.log);
	if (diag.worst > 0) {
		mc_message(title, text);
	} else {
		size_t n = strlen(text);
		while (n && text[n - 1] == '\n')
			text[--n] = '\0';
		char *last = strrchr(text, '\n');
		status(a, false, "%s", last ? last + 1 : text);
	}
	free(text);
	diag.worst = 0;
}

/* ---- actions -------------------------------------------------------------------------- */

static const char *tri_name(enum kc_tri v)
{
	return v == KC_YES ? "y" : v == KC_MOD ? "m" : "n";
}

static void explain_refusal(struct mc_app *a, struct kc_sym *s, enum kc_tri want)
{
	enum kc_tri lo = KC_NO, hi = KC_YES;
	const char *name = kc_sym_name(s) ? kc_sym_name(s) : _("this choice");

	if (kc_sym_visible(a->kc, s) == KC_NO)
		status(a, true,
		       _("%s cannot be changed: its dependencies are unmet (press w for why)."), name);
	else if (kc_sym_tri_range(a->kc, s, &lo, &hi))
		status(a, true, _("%s cannot be %s: allowed values are %s..%s (press w for why)."),
		       name, tri_name(want), tri_name(lo), tri_name(hi));
	else
		status(a, true, _("%s cannot be %s: it is fixed at %s (selected; press w for why)."),
		       name, tri_name(want), kc_sym_str(a->kc, s));
}

static void set_tri(struct mc_app *a, struct kc_sym *s, enum kc_tri v)
{
	if (kc_sym_type(s) != KC_BOOLEAN && kc_sym_type(s) != KC_TRISTATE)
		return;
	/*
	 * Set even when the value would not change: like the kernel's, `y` on a `-*-` entry
	 * records a user value, which the .config keeps once the selecting option goes away.
	 */
	if (!kc_sym_set_tri(a->kc, s, v))
		explain_refusal(a, s, v);
}

/* Space: n -> m -> y -> n for tristates (skipping values not allowed), n <-> y for bools. */
static void cycle(struct mc_app *a, struct kc_sym *s)
{
	enum kc_tri v = kc_sym_tri(a->kc, s);
	for (int step = 1; step < 3; step++) {
		enum kc_tri next = (enum kc_tri)((v + step) % 3);
		if (kc_sym_type(s) == KC_BOOLEAN && next == KC_MOD)
			continue;
		if (kc_sym_set_tri(a->kc, s, next))
			return;
	}
	explain_refusal(a, s, v == KC_NO ? KC_YES : KC_NO);
}

static const char *check_value(void *arg, const char *text)
{
	void **p = arg;
	struct kc_ctx *kc = p[0];
	struct kc_sym *s = p[1];
	static char msg[256];

	if (kc_sym_str_valid(kc, s, text))
		return NULL;
	mc_refusal(kc, s, text, msg, sizeof(msg));
	return msg;
}

static void edit_value(struct mc_app *a, struct kc_sym *s, const struct kc_menu *m)
{
	char prompt[512];
	const char *how = kc_sym_type(s) == KC_INT   ? _("a decimal number")
			  : kc_sym_type(s) == KC_HEX ? _("a hexadecimal number (0x...)")
						     : _("a string");
	snprintf(prompt, sizeof(prompt), _("%s\nEnter %s for %s."), mc_node_label(m), how,
		 kc_sym_name(s) ? kc_sym_name(s) : _("it"));
	void *ctx[2] = {a->kc, s};
	char *v = mc_input(_("Enter value"), prompt, kc_sym_str(a->kc, s), check_value, ctx);
	if (!v)
		return;
	if (!kc_sym_set_str(a->kc, s, v))
		status(a, true, _("%s: the value \"%s\" was not accepted."), kc_sym_name(s), v);
	free(v);
}

/* The why view; a change set that made a value editable goes on to its dialog. */
static void why(struct mc_app *a, struct kc_sym *s, const struct kc_menu *m)
{
	if (mc_why(a->kc, s) == MC_WHY_EDIT && kc_sym_visible(a->kc, s) != KC_NO)
		edit_value(a, s, m);
}

static void push(struct mc_app *a, const struct kc_menu *m)
{
	if (a->depth >= MAX_DEPTH)
		return;
	struct view *v = &a->stack[a->depth++];
	memset(v, 0, sizeof(*v));
	v->menu = m;
}

static void show_help(struct mc_app *a, const struct kc_menu *m)
{
	char *d = mc_details(a->kc, m);
	mc_textview(mc_node_label(m), d, NULL);
	free(d);
}

/* Enter on a row (the <Select> button). */
static void select_row(struct mc_app *a)
{
	const struct mc_row *r = cur_row(a);
	if (!r)
		return;
	struct kc_sym *s = kc_menu_sym(r->node);
	if (r->hidden && s) {
		why(a, s, r->node);
		return;
	}
	if (in_choice(a) && s && kc_sym_is_choice_value(s)) {
		set_tri(a, s, KC_YES);
		if (kc_sym_tri(a->kc, s) == KC_YES)
			a->depth--;
		return;
	}
	if (mc_node_opens(r->node)) {
		push(a, r->node);
		return;
	}
	if (!s)
		return;
	switch (kc_sym_type(s)) {
	case KC_INT:
	case KC_HEX:
	case KC_STRING:
		edit_value(a, s, r->node);
		break;
	case KC_BOOLEAN:
	case KC_TRISTATE:
		cycle(a, s);
		break;
	default:
		break;
	}
}

static int save_as(struct mc_app *a)
{
	char *name = mc_input(_("Save Configuration"),
			      _("Enter a file name to which this configuration should be saved."),
			      a->shown_name, NULL, NULL);
	if (!name || !*name) {
		free(name);
		return -1;
	}
	if (kc_write_config(a->kc, name) != 0) {
		show_diag(a, _("Save failed"));
		char msg[600];
		snprintf(msg, sizeof(msg), _("Could not write %s."), name);
		mc_message(_("Save failed"), msg);
		free(name);
		return -1;
	}
	show_diag(a, _("Save"));
	status(a, false, _("Configuration saved to %s"), name);
	free(a->shown_name);
	a->shown_name = name;
	a->loaded = false;
	return 0;
}

static void load(struct mc_app *a)
{
	char *name =
	    mc_input(_("Load Configuration"), _("Enter the name of the configuration file to load."),
		     a->shown_name, NULL, NULL);
	if (!name || !*name) {
		free(name);
		return;
	}
	int r = kc_read_config(a->kc, name);
	show_diag(a, r == 0 ? _("Loaded with warnings") : _("Load failed"));
	if (r == 0) {
		status(a, false, _("Configuration loaded from %s"), name);
		free(a->shown_name);
		a->shown_name = name;
		a->loaded = true;
		return;
	}
	char msg[600];
	snprintf(msg, sizeof(msg), r == 1 ? _("File %s does not exist.") : _("Could not load %s."), name);
	mc_message(_("Load failed"), msg);
	free(name);
}

/* Jump to a search hit: open the menus leading to it and put the cursor on it. */
static void jump_to(struct mc_app *a, const struct kc_menu *m)
{
	const struct kc_menu *chain[MAX_DEPTH];
	int n = 0;
	for (const struct kc_menu *p = kc_menu_parent(m); p && n < MAX_DEPTH - 1;
	     p = kc_menu_parent(p))
		if (mc_node_opens(p))
			chain[n++] = p;
	a->depth = 1;
	while (n > 0)
		push(a, chain[--n]);
	top(a)->cur = m;
	if (!kc_menu_shown(a->kc, m) && !a->show_all) {
		a->show_all = true;
		status(a, false, _("Showing hidden options (z) to reach %s."), mc_node_label(m));
	}
}

/*
 * Letters jump to the next entry whose hotkey (rows.c: mc_hotkey, drawn highlighted) is that
 * letter, cycling through the menu, as the kernel's menuconfig does.
 */
static bool hotkey(struct mc_app *a, int k)
{
	if (k >= 128 || !isalpha(k))
		return false;
	struct view *v = top(a);
	for (int step = 1; step <= (int)a->n_rows; step++) {
		int i = (v->list.cur + step) % (int)a->n_rows;
		const char *p = mc_prompt(a->rows[i].node);
		int h = p ? mc_hotkey(p) : -1;
		if (h >= 0 && tolower((unsigned char)p[h]) == tolower(k)) {
			v->list.cur = i;
			return true;
		}
	}
	return false;
}

/* Returns true when the user confirmed leaving menuconfig; *saved tells what happened. */
static bool confirm_exit(struct mc_app *a, int *saved)
{
	if (!kc_changed(a->kc) && !a->loaded) {
		*saved = -1;
		return true;
	}
	int r = mc_yesno(_("Exit"),
			 _("Do you wish to save your new configuration?\n"
			   "(Press Esc Esc to continue your configuration.)"),
			 _("Yes"), _("No"));
	if (r < 0)
		return false;
	if (r == 0) {
		*saved = 0;
		return true;
	}
	if (kc_write_config(a->kc, a->config) != 0) {
		show_diag(a, _("Save failed"));
		mc_message(_("Save failed"), _("Could not write the configuration; it was NOT saved."));
		return false;
	}
	/* kconfig-frontends' mconf writes .config only */
	if (kc_compat(a->kc) != KC_COMPAT_KFRONTENDS_4_11 && kc_write_autoconf(a->kc, false) != 0) {
		show_diag(a, _("Save failed"));
		mc_message(_("Save failed"), _("The .config was written, but writing the autoconf "
						     "files failed."));
		return false;
	}
	*saved = 1;
	return true;
}

static void do_button(struct mc_app *a, enum button b, bool *leave)
{
	const struct mc_row *r = cur_row(a);
	switch (b) {
	case B_SELECT:
		select_row(a);
		break;
	case B_EXIT:
		if (a->depth > 1)
			a->depth--;
		else
			*leave = true;
		break;
	case B_HELP:
		if (r)
			show_help(a, r->node);
		break;
	case B_SAVE:
		save_as(a);
		break;
	case B_LOAD:
		load(a);
		break;
	default:
		break;
	}
}

static void handle_key(struct mc_app *a, int k, bool *leave)
{
	const struct mc_row *r = cur_row(a);
	struct kc_sym *s = r ? kc_menu_sym(r->node) : NULL;

	a->status[0] = '\0';
	if (a->n_rows && mc_list_key(&top(a)->list, k)) {
		top(a)->cur = a->rows[top(a)->list.cur].node;
		return;
	}
	switch (k) {
	case MC_KEY(KEY_LEFT):
		a->button = (a->button + N_BUTTONS - 1) % N_BUTTONS;
		return;
	case MC_KEY(KEY_RIGHT):
	case '\t':
		a->button = (a->button + 1) % N_BUTTONS;
		return;
	case '\n':
	case '\r':
	case MC_KEY(KEY_ENTER):
		do_button(a, a->button, leave);
		return;
	case ' ':
		if (s && in_choice(a) && kc_sym_is_choice_value(s))
			select_row(a);
		else if (s && (kc_sym_type(s) == KC_BOOLEAN || kc_sym_type(s) == KC_TRISTATE))
			cycle(a, s);
		else
			select_row(a);
		return;
	case 'y':
	case 'Y':
	case 'n':
	case 'N':
	case 'm':
	case 'M':
		if (s) {
			int c = tolower(k);
			if (in_choice(a) && kc_sym_is_choice_value(s) && c == 'y')
				select_row(a);
			else
				set_tri(a, s, c == 'y' ? KC_YES : c == 'm' ? KC_MOD : KC_NO);
		}
		return;
	case '?':
	case 'h':
		do_button(a, B_HELP, leave);
		return;
	case '/': {
		const struct kc_menu *m = mc_search(a->kc);
		if (m)
			jump_to(a, m);
		return;
	}
	case 'z':
	case 'Z':
		a->show_all = !a->show_all;
		status(a, false,
		       a->show_all ? _("Showing hidden options too (z to hide them).")
				   : _("Hidden options are not shown."));
		return;
	case 'w':
	case 'W':
		if (s)
			why(a, s, r->node);
		else
			status(a, true, _("This entry has no symbol to explain."));
		return;
	case 'u':
	case 'U':
		if (mc_undo(a->kc))
			status(a, false, "%s", _("The last change set was undone."));
		else
			status(a, true, "%s", _("There is no change set to undo."));
		return;
	case 'S':
		save_as(a);
		return;
	case 'L':
		load(a);
		return;
	case 3: /* ^C */
		*leave = true;
		return;
	case 12: /* ^L */
		clearok(curscr, TRUE);
		return;
	default:
		break;
	}
	if (mc_is_back(k)) {
		do_button(a, B_EXIT, leave);
		return;
	}
	if (hotkey(a, k)) {
		top(a)->cur = a->rows[top(a)->list.cur].node;
		return;
	}
	if (k == 'e' || k == 'x' || k == 'E' || k == 'X')
		do_button(a, B_EXIT, leave);
}

int main(int argc, char **argv)
{
	const char *kconfig = argc > 1 ? argv[1] : "Kconfig";
	struct kc_opts opts = {.diag = on_diag};
	struct mc_app a = {0};
	int saved = -1;

	if (argc > 2 || (argc == 2 && (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")))) {
		fprintf(stderr, "usage: %s [Kconfig]\n", argv[0]);
		return 2;
	}
	/* run by kconfig-frontends' name: the Kconfig language and files of its 4.11 */
	const char *slash = strrchr(argv[0], '/');
	if (!strcmp(slash ? slash + 1 : argv[0], "kconfig-mconf"))
		opts.compat = KC_COMPAT_KFRONTENDS_4_11;
	mc_locale_init();
	a.kc = kc_new(&opts);
	if (!a.kc) {
		fprintf(stderr, "mconf: out of memory\n");
		return 1;
	}
	if (kc_load(a.kc, kconfig) != 0) {
		kc_free(a.kc);
		return 1;
	}
	const char *cfg = getenv("KCONFIG_CONFIG");
	a.config = cfg && *cfg ? cfg : ".config";
	if (kc_read_config(a.kc, NULL) < 0) {
		fprintf(stderr, "mconf: could not read %s\n", a.config);
		kc_free(a.kc);
		return 1;
	}
	a.shown_name = mc_xstrdup(a.config);
	if (mc_screen_init() != 0) {
		kc_free(a.kc);
		free(a.shown_name);
		return 1;
	}
	push(&a, kc_menu_root(a.kc));
	mc_push_painter(paint_main, &a);
	diag.collect = true;
	bool leave = false;
	for (;;) {
		mc_redraw();
		int k = mc_getkey();
		if (mc_too_small()) {
			leave = mc_is_back(k) || k == 3;
		} else {
			handle_key(&a, k, &leave);
			show_diag(&a, _("Messages"));
		}
		if (leave) {
			leave = false;
			if (confirm_exit(&a, &saved))
				break;
		}
	}
	mc_pop_painter();
	mc_screen_end();
	diag.collect = false;
	if (diag.log.len) {
		char *rest = mc_buf_take(&diag.log);
		fputs(rest, stderr);
		free(rest);
	}
	if (saved == 1)
		printf("%s", _("\n*** End of the configuration.\n*** Execute 'make' to start the build or "
			       "try 'make help'.\n\n"));
	else if (saved == 0)
		printf("%s", _("\n\nYour configuration changes were NOT saved.\n\n"));
	else
		printf("%s", _("\n\n*** End of the configuration.\n\n"));
	free_rows(&a);
	free(a.shown_name);
	kc_free(a.kc);
	return 0;
}
