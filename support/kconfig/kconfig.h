/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kconfig.h - public API of the smart-os Kconfig engine (libkconfig.a).
 *
 * The engine parses a Kconfig tree (Linux 6.1 language, macro language included),
 * evaluates symbols exactly as the kernel's kconfig does, reads and writes .config,
 * auto.conf, autoconf.h and friends, and explains why a symbol has its value.
 *
 * All state lives in one struct kc_ctx; there is no global state, so several
 * contexts may coexist in one process (tests, fuzzers, front ends).
 *
 * Lifetime: every pointer the library hands out (symbols, menu nodes, strings)
 * stays valid until kc_free() unless a function says otherwise.
 *
 * Typical front end:
 *	struct kc_ctx *kc = kc_new(NULL);
 *	if (kc_load(kc, "Kconfig")) exit(1);     // diagnostics already printed
 *	kc_read_config(kc, NULL);                // NULL = $KCONFIG_CONFIG or .config
 *	... walk kc_menu_root(kc), kc_sym_set_tri(), ...
 *	kc_write_config(kc, NULL);
 *	kc_write_autoconf(kc);
 *	kc_free(kc);
 */
#ifndef KCONFIG_H
#define KCONFIG_H

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

struct kc_ctx;
struct kc_sym;
struct kc_menu;

enum kc_tri { KC_NO = 0, KC_MOD = 1, KC_YES = 2 };

enum kc_type { KC_UNKNOWN, KC_BOOLEAN, KC_TRISTATE, KC_INT, KC_HEX, KC_STRING };

/* ---- context -------------------------------------------------------------------------- */

/*
 * Kind of a diagnostic passed to kc_opts.diag. MESSAGE is a status line for the
 * user ("configuration written to .config"; conf prints it as "#\n# msg\n#" on
 * stdout); INFO is other stderr text (e.g. unmet dependency reports).
 */
enum kc_diag_level { KC_DIAG_INFO, KC_DIAG_WARNING, KC_DIAG_ERROR, KC_DIAG_MESSAGE };

/*
 * Which Kconfig the engine behaves as.
 *
 * LINUX_6_1 (the default): the Linux 6.1 kernel's language (macro language included) and
 * files, byte for byte.
 *
 * KFRONTENDS_4_11: kconfig-frontends 4.11 (the kconfig of Linux 4.11, before Linux 4.18
 * replaced its environment symbols with the macro language). The language has
 * `option env="VAR"` (a symbol whose default is $VAR, never written out),
 * `option defconfig_list` (the files to start from when there is no .config),
 * `option modules`, `option allnoconfig_y`, `---help---`, and `$SYMBOL` (a symbol's value)
 * in `source` paths and in the `mainmenu` prompt; `$(...)` is plain text and there are no
 * macro variables. Files are written as 4.11 writes them: .config without "# end of"
 * lines and rewritten even when unchanged; syncconfig writes auto.conf, autoconf.h,
 * include/config/tristate.conf, include/config/auto.conf.cmd and the stamps
 * include/config/<name with '_' as '/', lower case>.h, and no rustc_cfg.
 */
enum kc_compat { KC_COMPAT_LINUX_6_1, KC_COMPAT_KFRONTENDS_4_11 };

struct kc_opts {
	/*
	 * Called for every diagnostic ("file:line: message" already formatted, no
	 * trailing newline). NULL: warnings/errors go to stderr like the kernel's conf.
	 */
	void (*diag)(void *arg, enum kc_diag_level lvl, const char *msg);
	void *diag_arg;
	/*
	 * Environment lookup used by the macro language, srctree, KCONFIG_* and the
	 * symbol prefix. NULL: getenv(). Lets tests and fuzzers run hermetically.
	 */
	const char *(*getenv)(void *arg, const char *name);
	void *getenv_arg;
	/* If true, $(shell,...) is not run and expands to "" (fuzzing). */
	bool no_shell;
	enum kc_compat compat;
};

/* opts may be NULL (defaults above). Returns NULL only when out of memory. */
struct kc_ctx *kc_new(const struct kc_opts *opts);
void kc_free(struct kc_ctx *kc);

/*
 * Parse the tree rooted at `file` (relative names are looked up under $srctree
 * first, as the kernel does), then finalize menus and compute all values.
 * Returns 0, or -1 after reporting errors through diag (the context is then only
 * good for kc_free()).
 */
int kc_load(struct kc_ctx *kc, const char *file);

/* Number of errors reported so far. */
int kc_error_count(const struct kc_ctx *kc);
/* Warnings about the config file read last (bad values, overrides, unknown data). */
int kc_config_warning_count(const struct kc_ctx *kc);
/* Warnings about unmet dependencies of selected symbols, so far. */
int kc_dep_warning_count(const struct kc_ctx *kc);

/* The environment as the engine sees it: kc_opts.getenv, else getenv(). */
const char *kc_getenv(struct kc_ctx *kc, const char *name);

/* The symbol prefix in use ("CONFIG_" unless $CONFIG_ is set, possibly to ""). */
const char *kc_prefix(const struct kc_ctx *kc);

/* The behaviour chosen with kc_opts.compat. */
enum kc_compat kc_compat(const struct kc_ctx *kc);

/*
 * kconfig-frontends' $NAME references in text (what it does to its default --defconfig
 * file, "arch/$ARCH/defconfig"): each is replaced by the value of symbol NAME, or by
 * NAME itself when no symbol has that name. malloc'ed.
 */
char *kc_expand_refs(struct kc_ctx *kc, const char *text);

/* Text of the `mainmenu` prompt (macro-expanded), "Main menu" if none. */
const char *kc_mainmenu(const struct kc_ctx *kc);

/* ---- menu tree ------------------------------------------------------------------------ */

enum kc_menu_kind {
	KC_M_ROOT,    /* the mainmenu */
	KC_M_MENU,    /* menu ... endmenu */
	KC_M_CONFIG,  /* config / menuconfig entry (kc_menu_sym != NULL) */
	KC_M_CHOICE,  /* choice ... endchoice (kc_menu_sym is the choice symbol) */
	KC_M_COMMENT, /* comment */
	KC_M_IF,      /* if block without prompt (normally invisible to front ends) */
};

const struct kc_menu *kc_menu_root(const struct kc_ctx *kc);
const struct kc_menu *kc_menu_parent(const struct kc_menu *m);
const struct kc_menu *kc_menu_child(const struct kc_menu *m); /* first child */
const struct kc_menu *kc_menu_next(const struct kc_menu *m);  /* next sibling */
enum kc_menu_kind kc_menu_kind(const struct kc_menu *m);
/* NULL when the node has no prompt (then it is never shown). */
const char *kc_menu_prompt(const struct kc_menu *m);
struct kc_sym *kc_menu_sym(const struct kc_menu *m);
/* Help text ("" if none), with the common indentation removed. */
const char *kc_menu_help(const struct kc_menu *m);
/*
 * The help screen of a node as the kernel's conf and menuconfig show it: the help text
 * (or "There is no help available for this option."), then the symbol's name, type,
 * prompt, definition, dependencies, selects and implies. malloc'ed; free() it.
 */
char *kc_menu_help_screen(struct kc_ctx *kc, const struct kc_menu *m);
/* true for `menuconfig` entries and `menu` blocks: shown as a submenu. */
bool kc_menu_is_menu(const struct kc_menu *m);
/*
 * "Visible" in the kernel menuconfig's sense: the node or one of its children can
 * be shown. Front ends use this to decide whether to list the node at all.
 */
bool kc_menu_shown(const struct kc_ctx *kc, const struct kc_menu *m);
const char *kc_menu_file(const struct kc_menu *m);
int kc_menu_line(const struct kc_menu *m);

/* ---- symbols -------------------------------------------------------------------------- */

struct kc_sym *kc_sym_find(const struct kc_ctx *kc, const char *name);
/*
 * Iterate all defined symbols (named, typed, not constants) in symbol-table order
 * (the order of auto.conf): pass NULL first, then the previous result.
 */
struct kc_sym *kc_sym_next(const struct kc_ctx *kc, const struct kc_sym *prev);

const char *kc_sym_name(const struct kc_sym *s); /* NULL for a choice */
enum kc_type kc_sym_type(const struct kc_sym *s);
const char *kc_type_name(enum kc_type t); /* "bool", "tristate", ... */
bool kc_sym_is_choice(const struct kc_sym *s);
bool kc_sym_is_choice_value(const struct kc_sym *s); /* a config inside a choice */
/* First menu node defining s (a symbol may have several); NULL for internal symbols. */
const struct kc_menu *kc_sym_menu(const struct kc_sym *s);

/* Current value; evaluates lazily. For tristate/bool. */
enum kc_tri kc_sym_tri(struct kc_ctx *kc, struct kc_sym *s);
/* Current value as the .config would write it ("y", "m", "n", "0x10", "text"). */
const char *kc_sym_str(struct kc_ctx *kc, struct kc_sym *s);
/* Visibility of the symbol's prompts (max over its menu nodes). */
enum kc_tri kc_sym_visible(struct kc_ctx *kc, struct kc_sym *s);
/* true if the user (or a .config) gave the symbol a value. */
bool kc_sym_has_value(const struct kc_sym *s);
/* true when the user can change the value now (a prompt is visible above what selects it). */
bool kc_sym_changeable(struct kc_ctx *kc, struct kc_sym *s);
/* true when the user may set the bool/tristate s to v now. */
bool kc_sym_tri_allowed(struct kc_ctx *kc, struct kc_sym *s, enum kc_tri v);
/* Print "<prefix>NAME=value" as listnewconfig does (strings quoted and escaped). */
void kc_sym_print(struct kc_ctx *kc, struct kc_sym *s, void *file /* FILE* */);

/*
 * The range a user may choose for a bool/tristate right now: [*min, *max].
 * min > NO when selected, max < YES when dependencies limit it. Returns false
 * when the symbol cannot be changed (invisible, or min == max).
 */
bool kc_sym_tri_range(struct kc_ctx *kc, struct kc_sym *s, enum kc_tri *min, enum kc_tri *max);
/* Set a value with the kernel's rules (out-of-range -> false, nothing changed). */
bool kc_sym_set_tri(struct kc_ctx *kc, struct kc_sym *s, enum kc_tri v);
/* Set from a string ("y"/"m"/"n" for bool/tristate, number, hex, or text). */
bool kc_sym_set_str(struct kc_ctx *kc, struct kc_sym *s, const char *v);
/* For a string/int/hex symbol: is `v` valid (type and `range`)? */
bool kc_sym_str_valid(struct kc_ctx *kc, struct kc_sym *s, const char *v);

/* Choices: the selected choice value, or NULL (e.g. choice is `m`). */
struct kc_sym *kc_choice_selected(struct kc_ctx *kc, struct kc_sym *choice);
/* The choice symbol a choice value belongs to, or NULL. */
struct kc_sym *kc_sym_choice(const struct kc_sym *s);

/* true when any user-visible value changed since the last load/write. */
bool kc_changed(const struct kc_ctx *kc);

/* ---- values for the symbols the user has not set ---------------------------------------- */

enum kc_fill {
	KC_FILL_DEFAULT, /* alldefconfig, defconfig: defaults (choices settled) */
	KC_FILL_YES,	 /* allyesconfig */
	KC_FILL_MOD,	 /* allmodconfig */
	KC_FILL_NO,	 /* allnoconfig */
	KC_FILL_RANDOM,	 /* randconfig: drawn with rand(); seed it with srand() first */
};

/* randconfig's odds, in percent: a bool is y; a tristate is y, else m. */
struct kc_fill_odds {
	int bool_yes, yes, mod;
};

/*
 * Give every bool/tristate without a user value (and not evaluated since the last
 * change) a user value for `mode`, as the kernel's conf_set_all_new_symbols does.
 * odds NULL: 50/33/33. Returns true when it set anything; randconfig repeats the call
 * until it returns false, since newly visible symbols need values too.
 */
bool kc_fill_new_symbols(struct kc_ctx *kc, enum kc_fill mode, const struct kc_fill_odds *odds);
/* Change every tristate user value `from` into `to` (yes2modconfig and friends). */
void kc_rewrite_tristates(struct kc_ctx *kc, enum kc_tri from, enum kc_tri to);

/* ---- config files --------------------------------------------------------------------- */

/*
 * Read a .config-format file as user values (like the kernel's conf_read). path
 * NULL: $KCONFIG_CONFIG or ".config", else the first readable file of
 * $KCONFIG_DEFCONFIG_LIST. Unknown symbols are dropped (warned about when
 * $KCONFIG_WARN_UNKNOWN_SYMBOLS is set). Returns 0, or 1 if nothing could be read.
 */
int kc_read_config(struct kc_ctx *kc, const char *path);
/*
 * Read a .config-format file as user values without kc_read_config's
 * consistency pass (what KCONFIG_ALLCONFIG and --defconfig seeds use).
 * Returns 0, or 1 if the file cannot be opened.
 */
int kc_merge_config(struct kc_ctx *kc, const char *path);
/* Write .config atomically (tmp + rename), keeping the old file as <path>.old. */
int kc_write_config(struct kc_ctx *kc, const char *path);
/* Write the minimal config (savedefconfig). */
int kc_write_defconfig(struct kc_ctx *kc, const char *path);
/*
 * syncconfig outputs: include/config/auto.conf, auto.conf.cmd, include/generated/
 * autoconf.h, rustc_cfg and the include/config/<SYM> stamp files,
 * honouring KCONFIG_AUTOCONFIG / KCONFIG_AUTOHEADER / KCONFIG_RUSTCCFG.
 * `overwrite` false: skip if nothing changed since auto.conf (as syncconfig).
 */
int kc_write_autoconf(struct kc_ctx *kc, bool overwrite);

/* ---- explain (smart-os extension) ----------------------------------------------------- */

enum kc_origin {
	KC_FROM_NONE,	 /* no default applied: value is n / empty */
	KC_FROM_USER,	 /* user value (.config, set_tri) */
	KC_FROM_DEFAULT, /* a `default` line */
	KC_FROM_SELECT,	 /* raised by a `select` */
	KC_FROM_IMPLY,	 /* raised by an `imply` */
	KC_FROM_CHOICE,	 /* choice mode picked it */
};

/* One operand of a dependency expression, with its current value. */
struct kc_operand {
	const char *name;  /* symbol name or constant text */
	const char *value; /* current value as text ("y", "m", "n", "42", ...) */
};

/* A term of an expression (one `&&` factor) and what it evaluates to now. */
struct kc_term {
	const char *text; /* e.g. "PCI && !X86_32" */
	enum kc_tri value;
	size_t n_ops;
	struct kc_operand *ops;
};

/* One step of a change set: set `sym` to `value` (text as for kc_sym_set_str). */
struct kc_change {
	struct kc_sym *sym;
	const char *value;
};

struct kc_explain {
	struct kc_sym *sym;
	const char *value;	   /* current value */
	enum kc_origin origin;	   /* what set it */
	struct kc_sym *origin_sym; /* selector/implier, or NULL */
	const char *origin_text;   /* the winning `default`/select/imply line as text */
	const char *origin_file;   /* where that line is */
	int origin_line;
	enum kc_tri visible; /* prompt visibility */
	/* Unmet `depends on` terms (value < YES). */
	size_t n_unmet;
	struct kc_term *unmet;
	/* Symbols currently selecting / implying it, with their values. */
	size_t n_selectors;
	struct kc_term *selectors;
	/*
	 * Smallest change set found that would make the symbol `y` (or `m` if that
	 * is the best possible): dependencies turned on, conflicting options (`!FOO`
	 * terms, other choice values) turned off. `solvable` false when none exists
	 * within the search bounds.
	 */
	bool solvable;
	size_t n_changes;
	struct kc_change *changes;
	/*
	 * Every `depends on` term (one `&&` factor of the symbol's direct
	 * dependencies, including those inherited from enclosing menus and `if`
	 * blocks), met or not, in source order, with each operand's value.
	 */
	size_t n_deps;
	struct kc_term *deps;
	/*
	 * The `visible if` terms of the menus enclosing the symbol's first
	 * definition, innermost menu first, each with its operands' values.
	 */
	size_t n_visible_if;
	struct kc_term *visible_if;
	/* `select` / `imply` lines of the symbol ("FOO" or "FOO if BAR"), valued by their `if`. */
	size_t n_selects, n_implies;
	struct kc_term *selects, *implies;
	/* The options implying it, with their values (they stay listed once it is set). */
	size_t n_implied_by;
	struct kc_term *implied_by;
	/* The `range` in force for an int/hex symbol, as text; NULL if none. */
	const char *range_min, *range_max;
};

/*
 * For a choice, `origin_sym` is the entry it picked (origin USER or DEFAULT), and there are
 * no selectors and no change set: choices are neither selected nor enabled, their entries are.
 * Fill *out (caller-owned struct; release with kc_explain_free). 0 or -1 (OOM).
 */
int kc_explain(struct kc_ctx *kc, struct kc_sym *s, struct kc_explain *out);
void kc_explain_free(struct kc_explain *e);
/* Print the explanation the way `conf --explain` does. */
void kc_explain_print(struct kc_ctx *kc, const struct kc_explain *e, void *file /* FILE* */);

/* ---- resolving: change sets that reach a goal (smart-os extension) -------------------- */

enum kc_goal {
	KC_GOAL_YES,	 /* the symbol becomes y */
	KC_GOAL_MOD,	 /* the symbol becomes m (a tristate, with modules on) */
	KC_GOAL_NO,	 /* the symbol becomes n, with whatever selects it */
	KC_GOAL_VISIBLE, /* its prompt becomes visible (to edit a string/int/hex value) */
};

/* A value that changes when a change set is applied (what the user will see). */
struct kc_effect {
	struct kc_sym *sym;
	const char *before, *after;
};

struct kc_resolution {
	bool found; /* true also when the goal already holds (then nothing to change) */
	/* user assignments, dependencies first, as kc_apply() takes them */
	size_t n_changes;
	struct kc_change *changes;
	/* every symbol whose value they change, in symbol-table order */
	size_t n_effects;
	struct kc_effect *effects;
};

/*
 * Search a change set that reaches `goal` for s: dependencies are enabled (`||`:
 * the cheapest branch), blockers turned off (with what selects them), select-only
 * symbols reached through an option that selects them, numeric and string
 * comparisons given a value in range, choices switched. The search runs on the live
 * configuration and rolls back; the set is verified by applying it afresh. The
 * configuration is unchanged on return. 0, or -1 when out of memory.
 */
int kc_resolve(struct kc_ctx *kc, struct kc_sym *s, enum kc_goal goal, struct kc_resolution *out);
void kc_resolution_free(struct kc_resolution *r);
/* Apply assignments in order, retrying refused ones; returns how many hold. */
size_t kc_apply(struct kc_ctx *kc, const struct kc_change *changes, size_t n);

/* All user values, to go back to (undo). */
struct kc_snapshot;
struct kc_snapshot *kc_snapshot(struct kc_ctx *kc);
void kc_restore(struct kc_ctx *kc, const struct kc_snapshot *snap);
void kc_snapshot_free(struct kc_snapshot *snap);

#ifdef __cplusplus
}
#endif
#endif /* KCONFIG_H */
