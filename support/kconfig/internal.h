/* SPDX-License-Identifier: GPL-2.0 */
/*
 * internal.h - data structures shared by the engine's modules (not installed).
 *
 * The model follows the kernel's kconfig because byte-for-byte compatible output
 * depends on it: symbols live in a 9973-bucket FNV-1a hash table whose walking
 * order decides the order of auto.conf/autoconf.h and of randconfig's draws;
 * menu nodes form the tree written to .config; properties carry the per-location
 * conditions after dependency propagation.
 */
#ifndef KC_INTERNAL_H
#define KC_INTERNAL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "kconfig.h"

#define KC_HASHSIZE 9973

typedef enum kc_tri tri;
/* functions, not macros: arguments are often expensive calls */
static inline enum kc_tri tri_and(enum kc_tri a, enum kc_tri b)
{
	return a < b ? a : b;
}
static inline enum kc_tri tri_or(enum kc_tri a, enum kc_tri b)
{
	return a > b ? a : b;
}
static inline enum kc_tri tri_not(enum kc_tri a)
{
	return (enum kc_tri)(2 - a);
}

/* ---- arena + growable strings (util.c) ---- */
struct arena_blk;
struct arena {
	struct arena_blk *head;
	char *cur, *end;
};
void *arena_alloc(struct arena *a, size_t n);
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);
void arena_free(struct arena *a);

struct sbuf {
	char *s;
	size_t len, cap;
};
void sb_putn(struct sbuf *b, const char *s, size_t n);
void sb_puts(struct sbuf *b, const char *s);
void sb_putc(struct sbuf *b, char c);
void sb_printf(struct sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *sb_steal(struct sbuf *b); /* malloc'ed, never NULL */
void sb_free(struct sbuf *b);
void *xmalloc(size_t n);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* ---- expressions (expr.c) ---- */
enum expr_type {
	E_NONE,
	E_OR,
	E_AND,
	E_NOT,
	E_EQUAL,
	E_UNEQUAL,
	E_LTH,
	E_LEQ,
	E_GTH,
	E_GEQ,
	E_SYMBOL,
	E_RANGE,
};
struct kc_sym;
struct expr {
	enum expr_type type;
	union {
		struct expr *expr;
		struct kc_sym *sym;
	} left, right;
};

/* ---- symbols ---- */
enum {
	S_CONST = 0x0001,
	S_CHECK = 0x0008,
	S_CHOICE = 0x0010,
	S_CHOICEVAL = 0x0020,
	S_VALID = 0x0080,
	S_OPTIONAL = 0x0100,
	S_WRITE = 0x0200,
	S_CHANGED = 0x0400,
	S_WRITTEN = 0x0800,
	S_NO_WRITE = 0x1000,
	S_CHECKED = 0x2000,
	S_WARNED = 0x8000,
	S_DEF_USER = 0x10000,
	S_DEF_AUTO = 0x20000,
	S_NEED_SET_CHOICE_VALUES = 0x100000,
	S_ALLNOCONFIG_Y = 0x200000, /* `option allnoconfig_y` (kconfig-frontends language) */
};
enum { DEF_USER, DEF_AUTO, DEF_COUNT };

struct symval {
	const char *val; /* string value (bool/tristate: "n"/"m"/"y") */
	tri tri;
	struct kc_sym *choice; /* for choice symbols: the selected value */
};

struct dep {
	struct expr *expr;
	tri tri;
};

enum prop_type {
	P_UNKNOWN,
	P_PROMPT,
	P_COMMENT,
	P_MENU,
	P_DEFAULT,
	P_CHOICE,
	P_SELECT,
	P_IMPLY,
	P_RANGE,
	P_SYMBOL,
};

struct kc_file {
	struct kc_file *next, *parent;
	const char *name;
	int lineno; /* line of the `source` in the parent while nested */
};

struct kc_menu;
struct prop {
	struct prop *next;
	enum prop_type type;
	const char *text; /* prompt text */
	struct dep visible;
	struct expr *expr;
	struct kc_menu *menu;
	struct kc_file *file;
	int lineno;
};

struct kc_sym {
	struct kc_sym *next; /* hash chain */
	const char *name;
	enum kc_type type;
	struct symval curr;
	struct symval def[DEF_COUNT];
	tri visible;
	unsigned flags;
	struct prop *prop;
	struct dep dir_dep, rev_dep, implied;
	struct kc_sym *choice; /* choice values: their choice */
	struct kc_sym **cvals; /* choices: values in order */
	int ncvals, acvals;
	struct kc_menu *menu; /* first menu node */
};

enum { M_CHANGED = 1 };
struct kc_menu {
	struct kc_menu *next, *parent, *list;
	struct kc_sym *sym;
	struct prop *prompt;
	struct expr *visibility;
	struct expr *dep;
	unsigned flags;
	char *help;
	struct kc_file *file;
	int lineno;
};

/* An `option env="VAR"` (KFRONTENDS_4_11), most recent first. */
struct kc_env_sym {
	struct kc_env_sym *next;
	struct kc_sym *sym;
	const char *var;
};

/* ---- macro language (macro.c) ---- */
struct macro_var;
struct macro_env;

/* ---- context ---- */
struct kc_ctx {
	struct kc_opts opts;
	struct arena arena;
	struct kc_sym *hash[KC_HASHSIZE];
	struct kc_sym sym_yes, sym_mod, sym_no, sym_empty;
	struct kc_sym *modules_sym;
	tri modules_val;
	struct kc_menu rootmenu;
	struct kc_file *files; /* most recent first, like the kernel */
	struct macro_var *vars;
	struct macro_env *envs, **envs_tail;
	const char *prefix;
	struct kc_sym *defconfig_list; /* `option defconfig_list` (KFRONTENDS_4_11) */
	struct kc_env_sym *env_syms;   /* `option env` symbols (KFRONTENDS_4_11) */
	bool changed;
	int errors, warnings, dep_warnings;
	int conf_warnings;
	/* parse-time state */
	struct kc_menu *cur_entry, *cur_menu;
	struct kc_menu **last_entry_ptr;
	struct kc_file *cur_file;
	struct kc_file *top_file; /* entries ended by the final EOF still get a file */
	int cur_lineno;		  /* line of the statement being parsed */
	int lex_lineno;		  /* current physical line (for $(lineno)) */
	bool fatal;		  /* a macro error: stop parsing */
	int macro_depth; /* nesting of $(...) being expanded */
	/* dependency check stack */
	struct dep_stack *check_top;
	char *depfile_dir; /* include/config/ while reading auto.conf */
};

/* The kconfig-frontends 4.11 language and files (kc_opts.compat). */
static inline bool kc_kfront(const struct kc_ctx *kc)
{
	return kc->opts.compat == KC_COMPAT_KFRONTENDS_4_11;
}

/* diagnostics (util.c) */
void kc_diag(struct kc_ctx *kc, enum kc_diag_level lvl, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Raw stderr-like text (multi-line messages), routed through diag as INFO-less. */
void kc_diag_raw(struct kc_ctx *kc, enum kc_diag_level lvl, const char *text);

/* macro.c */
char *macro_expand_string(struct kc_ctx *kc, const char *in);	/* malloc'ed */
char *macro_expand_dollar(struct kc_ctx *kc, const char **str); /* after '$' */
char *macro_expand_token(struct kc_ctx *kc, const char **str);	/* word */
void macro_var_add(struct kc_ctx *kc, const char *name, const char *value, int flavor);
void macro_free_all(struct kc_ctx *kc);
void macro_free_vars(struct kc_ctx *kc);
void macro_write_env_deps(struct kc_ctx *kc, FILE *f, const char *autoconf);
enum { VAR_RECURSIVE, VAR_SIMPLE, VAR_APPEND };

/* parser.c */
int kc_parse(struct kc_ctx *kc, const char *file);
FILE *kc_fopen(struct kc_ctx *kc, const char *name);
struct kc_file *kc_file_lookup(struct kc_ctx *kc, const char *name);

/* expr.c */
struct expr *expr_alloc_symbol(struct kc_ctx *kc, struct kc_sym *s);
struct expr *expr_alloc_one(struct kc_ctx *kc, enum expr_type t, struct expr *e);
struct expr *expr_alloc_two(struct kc_ctx *kc, enum expr_type t, struct expr *a, struct expr *b);
struct expr *expr_alloc_comp(struct kc_ctx *kc, enum expr_type t, struct kc_sym *a,
			     struct kc_sym *b);
struct expr *expr_alloc_and(struct kc_ctx *kc, struct expr *a, struct expr *b);
struct expr *expr_alloc_or(struct kc_ctx *kc, struct expr *a, struct expr *b);
struct expr *expr_copy(struct kc_ctx *kc, const struct expr *e);
bool expr_eq(const struct expr *a, const struct expr *b);
tri expr_calc_value(struct kc_ctx *kc, struct expr *e);
bool expr_contains_symbol(struct expr *e, struct kc_sym *s);
bool expr_depends_symbol(struct expr *e, struct kc_sym *s);
bool expr_is_yes(const struct expr *e);
struct expr *expr_simplify(struct kc_ctx *kc, struct expr *e);
/* Print like the kernel's expr_gstr_print. */
void expr_print(struct kc_ctx *kc, struct sbuf *b, const struct expr *e);
void expr_print_plain(struct kc_ctx *kc, struct sbuf *b, const struct expr *e);
void expr_print_consts(struct sbuf *b, const struct expr *e, bool values, struct kc_sym *cy,
		       struct kc_sym *cn);
void expr_print_revdep(struct kc_ctx *kc, struct sbuf *b, struct expr *e, tri pr,
		       const char *title);

/* symbol.c */
struct kc_sym *sym_lookup(struct kc_ctx *kc, const char *name, unsigned flags);
struct kc_sym *sym_find(const struct kc_ctx *kc, const char *name);
unsigned sym_hash(const char *name);
void sym_calc_value(struct kc_ctx *kc, struct kc_sym *s);
void sym_calc_visibility(struct kc_ctx *kc, struct kc_sym *s);
enum kc_type sym_get_type(const struct kc_ctx *kc, const struct kc_sym *s);
const char *sym_get_string_value(struct kc_sym *s);
const char *sym_get_string_default(struct kc_ctx *kc, struct kc_sym *s);
bool sym_string_valid(struct kc_sym *s, const char *str);
bool sym_string_within_range(struct kc_ctx *kc, struct kc_sym *s, const char *str);
bool sym_tristate_within_range(struct kc_ctx *kc, struct kc_sym *s, tri v);
bool sym_set_tristate_value(struct kc_ctx *kc, struct kc_sym *s, tri v);
bool sym_set_string_value(struct kc_ctx *kc, struct kc_sym *s, const char *v);
void sym_clear_all_valid(struct kc_ctx *kc);
struct kc_sym *sym_choice_default(struct kc_ctx *kc, struct kc_sym *cs);
struct prop *sym_get_default_prop(struct kc_ctx *kc, struct kc_sym *s);
struct prop *sym_get_range_prop(struct kc_ctx *kc, struct kc_sym *s);
struct kc_sym *prop_get_symbol(const struct prop *p);
const char *prop_type_name(enum prop_type t);
/* "bool", "tristate", "integer", ... as the kernel's messages name types */
const char *sym_type_name(enum kc_type t);
void set_all_choice_values(struct kc_ctx *kc, struct kc_sym *cs);
int sym_check_all_deps(struct kc_ctx *kc);
static inline bool sym_is_choice(const struct kc_sym *s)
{
	return s->flags & S_CHOICE;
}
static inline bool sym_is_choice_value(const struct kc_sym *s)
{
	return s->flags & S_CHOICEVAL;
}
static inline bool sym_has_value(const struct kc_sym *s)
{
	return s->flags & S_DEF_USER;
}
static inline bool sym_is_changeable(const struct kc_sym *s)
{
	return s->visible > s->rev_dep.tri;
}
#define for_all_symbols(kc, i, s)                                                                  \
	for (i = 0; i < KC_HASHSIZE; i++)                                                          \
		for (s = (kc)->hash[i]; s; s = s->next)

/* menu.c */
void menu_init(struct kc_ctx *kc);
void menu_add_entry(struct kc_ctx *kc, struct kc_sym *s);
struct kc_menu *menu_add_menu(struct kc_ctx *kc);
void menu_end_menu(struct kc_ctx *kc);
void menu_add_dep(struct kc_ctx *kc, struct expr *dep);
void menu_set_type(struct kc_ctx *kc, enum kc_type t);
struct prop *menu_add_prompt(struct kc_ctx *kc, enum prop_type t, const char *text,
			     struct expr *dep);
void menu_add_visibility(struct kc_ctx *kc, struct expr *e);
void menu_add_expr(struct kc_ctx *kc, enum prop_type t, struct expr *e, struct expr *dep);
void menu_add_symbol(struct kc_ctx *kc, enum prop_type t, struct kc_sym *s, struct expr *dep);
void menu_finalize(struct kc_ctx *kc, struct kc_menu *parent);
bool menu_is_visible(struct kc_ctx *kc, struct kc_menu *m);
const char *menu_get_prompt(const struct kc_menu *m);
void menu_warn(struct kc_ctx *kc, struct kc_menu *m, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void prop_warn(struct kc_ctx *kc, struct prop *p, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* kfront.c: the kconfig-frontends 4.11 language (KC_COMPAT_KFRONTENDS_4_11) */
enum kfront_option {
	KFRONT_OPT_OK,
	KFRONT_OPT_UNKNOWN,
	KFRONT_OPT_NEEDS_VALUE,
	KFRONT_OPT_MODULES_TWICE,
	KFRONT_OPT_DEFCONFIG_TWICE,
};
void kfront_begin(struct kc_ctx *kc); /* before the parse: UNAME_RELEASE */
void kfront_end(struct kc_ctx *kc);   /* after it: $NAME in the mainmenu prompt */
/* `option NAME[=ARG]` on the entry being parsed; the caller reports what is not OK. */
enum kfront_option kfront_option(struct kc_ctx *kc, const char *name, const char *arg);
/* $NAME -> symbol NAME's value; unknown names give "" or, with unknown_as_name, NAME. */
char *kfront_expand(struct kc_ctx *kc, const char *in, bool unknown_as_name);
/* The first readable file among the defaults of the `option defconfig_list` symbol. */
FILE *kfront_open_defconfig_list(struct kc_ctx *kc, const char **name);

/* confdata.c */
int conf_read_simple(struct kc_ctx *kc, const char *name, int def);
int conf_read(struct kc_ctx *kc, const char *name);
const char *conf_get_configname(struct kc_ctx *kc);

#endif
