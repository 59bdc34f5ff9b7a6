// SPDX-License-Identifier: GPL-2.0
/*
 * parser.c - recursive-descent parser for the Kconfig language.
 *
 * The grammar is the kernel's (scripts/kconfig/parser.y in Linux 6.1); the
 * actions build menu nodes and properties through menu.c. Actions run before the
 * next token is read, so messages carry the line of the statement they concern,
 * matching the kernel's LALR parser. After a syntax error the rest of the line is
 * skipped and parsing goes on, so one run reports every error.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexer.h"

struct parser {
	struct lexer lx;
	struct kc_ctx *kc;
	enum tok tok;
	bool have;
	bool stop; /* fatal: can't continue (missing file, macro error) */
	int depth; /* expression nesting, bounded so no input can exhaust the stack */
	int terms; /* operands in the current expression, bounded for the same reason */
	int blocks; /* nesting of menu/if/choice blocks, likewise */
	/*
	 * Tokens consumed since the last syntax error: like bison, a second error within
	 * three tokens of the previous one is not reported again.
	 */
	int shifted;
	bool limit_hit; /* a nesting limit was reported: once is enough */
};

/*
 * Far above what real trees use (Linux: 7 levels of parentheses, 14 of blocks) and above
 * what the kernel's bison stack (10000 entries) accepts; each is named when hit.
 */
#define MAX_EXPR_DEPTH 10000
#define MAX_BLOCK_DEPTH 10000
#define MAX_EXPR_TERMS 10000

static enum tok peek(struct parser *p)
{
	if (!p->have) {
		p->tok = p->stop ? T_EOF : lex_next(&p->lx);
		p->have = true;
		if (p->kc->fatal) {
			p->stop = true;
			p->tok = T_EOF;
		}
	}
	return p->tok;
}

static void consume(struct parser *p)
{
	p->have = false;
	p->shifted++;
}

static bool accept(struct parser *p, enum tok t)
{
	if (peek(p) != t)
		return false;
	consume(p);
	return true;
}

/*
 * The file being read. After the last file's end (a statement cut short by an end of file
 * without a newline) that is still the top file; the kernel says "<none>" there.
 */
static const char *curname(struct kc_ctx *kc)
{
	return kc->cur_file ? kc->cur_file->name : kc->top_file ? kc->top_file->name : "<none>";
}

/* A diagnostic located at the current file and line. */
static void pdiag(struct parser *p, enum kc_diag_level level, const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));
static void pdiag(struct parser *p, enum kc_diag_level level, const char *fmt, va_list ap)
{
	struct sbuf b = {0};
	char tmp[1024];

	vsnprintf(tmp, sizeof(tmp), fmt, ap);
	sb_printf(&b, "%s:%d: %s", curname(p->kc), p->kc->cur_lineno, tmp);
	kc_diag_raw(p->kc, level, b.s);
	sb_free(&b);
}

static void perr(struct parser *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void perr(struct parser *p, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	pdiag(p, KC_DIAG_ERROR, fmt, ap);
	va_end(ap);
}

static void pwarn(struct parser *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void pwarn(struct parser *p, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	pdiag(p, KC_DIAG_WARNING, fmt, ap);
	va_end(ap);
}

/* A syntax error: report it like bison's yyerror and skip to the end of line. */
static void syntax_error(struct parser *p, const char *what)
{
	struct sbuf b = {0};

	if (p->stop || p->kc->fatal) {
		p->have = true;
		p->tok = T_EOF;
		return;
	}
	if (!what)
		what = "invalid statement";

	/* 4.11's parser, like bison, is silent about an error within 3 tokens of the last */
	if (!kc_kfront(p->kc) || p->shifted >= 3) {
		sb_printf(&b, "%s:%d: syntax error", curname(p->kc), p->kc->cur_lineno + 1);
		kc_diag_raw(p->kc, KC_DIAG_ERROR, b.s);
		sb_free(&b);
	}
	p->shifted = 0;
	if (what)
		perr(p, "%s", what);
	while (peek(p) != T_EOL && peek(p) != T_EOF)
		consume(p);
	accept(p, T_EOL);
	if (kc_kfront(p->kc))
		p->shifted = 1; /* the tokens skipped do not count, the end of line does */
}

static bool expect_eol(struct parser *p);

/*
 * In the kconfig-frontends language a line in the option list of an entry (config,
 * choice, menu, comment) that is not an option is an error of that entry: "unknown
 * option" for a word, "invalid option" for anything else that cannot start a statement.
 * Returns false when the token ends the option list instead.
 */
static bool kfront_option_error(struct parser *p)
{
	char *msg;

	if (!kc_kfront(p->kc))
		return false;
	switch (peek(p)) {
	case T_EOF:
	case T_EOL:
	case T_CONFIG:
	case T_MENUCONFIG:
	case T_CHOICE:
	case T_ENDCHOICE:
	case T_COMMENT:
	case T_MENU:
	case T_ENDMENU:
	case T_IF:
	case T_ENDIF:
	case T_SOURCE:
	case T_MAINMENU:
		return false;
	case T_WORD:
		msg = xmalloc(strlen(p->lx.str) + 32);
		sprintf(msg, "unknown option \"%s\"", p->lx.str);
		consume(p);
		syntax_error(p, msg);
		free(msg);
		return true;
	default:
		syntax_error(p, "invalid option");
		return true;
	}
}

/* `option NAME[=VALUE] ...` (kconfig-frontends language), the `option` keyword read. */
static void parse_kfront_options(struct parser *p)
{
	struct kc_ctx *kc = p->kc;

	while (peek(p) == T_WORD) {
		const char *name, *arg = NULL;

		consume(p);
		name = p->lx.str;
		if (accept(p, T_EQUAL)) {
			if (peek(p) != T_WORD && peek(p) != T_WORD_QUOTE) {
				syntax_error(p, "invalid option");
				return;
			}
			consume(p);
			arg = p->lx.str;
		}
		switch (kfront_option(kc, name, arg)) {
		case KFRONT_OPT_OK:
			break;
		case KFRONT_OPT_UNKNOWN:
			pwarn(p, "warning: ignoring unknown option %s", name);
			break;
		case KFRONT_OPT_NEEDS_VALUE:
			perr(p, "option env needs the name of a variable: option env=\"NAME\"");
			break;
		case KFRONT_OPT_MODULES_TWICE:
			perr(p, "symbol '%s' redefines option 'modules' already defined by symbol '%s'",
			     kc->cur_entry->sym->name, kc->modules_sym->name);
			break;
		case KFRONT_OPT_DEFCONFIG_TWICE:
			perr(p, "trying to redefine defconfig symbol");
			break;
		}
	}
	expect_eol(p);
}

static bool expect_eol(struct parser *p)
{
	if (accept(p, T_EOL))
		return true;
	syntax_error(p, "invalid statement");
	return false;
}

/* ---- expressions ---- */

static struct expr *parse_expr(struct parser *p);

static struct kc_sym *parse_symbol(struct parser *p, bool allow_const)
{
	struct kc_ctx *kc = p->kc;

	if (peek(p) == T_WORD) {
		consume(p);
		return sym_lookup(kc, p->lx.str, 0);
	}
	if (allow_const && peek(p) == T_WORD_QUOTE) {
		consume(p);
		return sym_lookup(kc, p->lx.str, S_CONST);
	}
	return NULL;
}

static struct expr *parse_primary(struct parser *p)
{
	struct kc_ctx *kc = p->kc;
	struct kc_sym *s;
	struct expr *e;

	if (p->depth > MAX_EXPR_DEPTH ||
	    (peek(p) != T_OPEN_PAREN && peek(p) != T_NOT && ++p->terms > MAX_EXPR_TERMS)) {
		if (!p->limit_hit)
			perr(p, p->depth > MAX_EXPR_DEPTH
				    ? "expression nested deeper than %d levels (the engine's limit)"
				    : "expression longer than %d operands (the engine's limit)",
			     p->depth > MAX_EXPR_DEPTH ? MAX_EXPR_DEPTH : MAX_EXPR_TERMS);
		p->limit_hit = true;
		return NULL; /* then reported as a syntax error by the caller */
	}
	switch (peek(p)) {
	case T_OPEN_PAREN:
		consume(p);
		p->depth++;
		e = parse_expr(p);
		p->depth--;
		if (!e || !accept(p, T_CLOSE_PAREN))
			return NULL;
		return e;
	case T_NOT:
		consume(p);
		p->depth++;
		e = parse_primary(p);
		p->depth--;
		return e ? expr_alloc_one(kc, E_NOT, e) : NULL;
	default:
		break;
	}
	s = parse_symbol(p, true);
	if (!s)
		return NULL;
	enum expr_type t;

	switch (peek(p)) {
	case T_LESS:
		t = E_LTH;
		break;
	case T_LESS_EQUAL:
		t = E_LEQ;
		break;
	case T_GREATER:
		t = E_GTH;
		break;
	case T_GREATER_EQUAL:
		t = E_GEQ;
		break;
	case T_EQUAL:
		t = E_EQUAL;
		break;
	case T_UNEQUAL:
		t = E_UNEQUAL;
		break;
	default:
		return expr_alloc_symbol(kc, s);
	}
	consume(p);
	struct kc_sym *r = parse_symbol(p, true);

	return r ? expr_alloc_comp(kc, t, s, r) : NULL;
}

static struct expr *parse_and(struct parser *p)
{
	struct expr *e = parse_primary(p);

	while (e && peek(p) == T_AND) {
		consume(p);
		struct expr *r = parse_primary(p);

		e = r ? expr_alloc_two(p->kc, E_AND, e, r) : NULL;
	}
	return e;
}

static struct expr *parse_expr(struct parser *p)
{
	struct expr *e;

	if (p->depth == 0)
		p->terms = 0;
	e = parse_and(p);

	while (e && peek(p) == T_OR) {
		consume(p);
		struct expr *r = parse_and(p);

		e = r ? expr_alloc_two(p->kc, E_OR, e, r) : NULL;
	}
	return e;
}

/* "if <expr>" or nothing. *ok false on a syntax error. */
static struct expr *parse_if_expr(struct parser *p, bool *ok)
{
	struct expr *e;

	*ok = true;
	if (!accept(p, T_IF))
		return NULL;
	e = parse_expr(p);
	if (!e)
		*ok = false;
	return e;
}

/* ---- options ---- */

static void parse_help(struct parser *p)
{
	struct kc_ctx *kc = p->kc;
	struct kc_menu *m = kc->cur_entry;
	const char *name;

	consume(p); /* T_HELP */
	if (!accept(p, T_EOL)) {
		syntax_error(p, NULL);
		return;
	}
	lex_help(&p->lx);
	name = m->sym && m->sym->name ? m->sym->name : "<choice>";
	if (m->help)
		pwarn(p,
		      "warning: '%s' defined with more than one help text -- only the last one "
		      "will be used",
		      name);
	if (p->lx.str[strspn(p->lx.str, " \f\n\r\t\v")] == '\0')
		pwarn(p, "warning: '%s' defined with blank help text", name);
	m->help = p->lx.str;
}

static bool parse_depends(struct parser *p)
{
	struct expr *e;

	consume(p); /* depends */
	if (!accept(p, T_ON)) {
		syntax_error(p, NULL);
		return false;
	}
	e = parse_expr(p);
	if (!e || peek(p) != T_EOL) {
		syntax_error(p, NULL);
		return false;
	}
	consume(p);
	menu_add_dep(p->kc, e);
	return true;
}

static enum kc_type type_of(enum tok t)
{
	switch (t) {
	case T_BOOL:
	case T_DEF_BOOL:
		return KC_BOOLEAN;
	case T_TRISTATE:
	case T_DEF_TRISTATE:
		return KC_TRISTATE;
	case T_INT:
		return KC_INT;
	case T_HEX:
		return KC_HEX;
	case T_STRING:
		return KC_STRING;
	default:
		return KC_UNKNOWN;
	}
}

/* `prompt "text" [if expr] EOL`, or the prompt part of `bool "text" [if expr]`. */
static bool parse_prompt_tail(struct parser *p, bool required)
{
	const char *text;
	struct expr *dep;
	bool ok;

	if (peek(p) != T_WORD_QUOTE) {
		if (required) {
			syntax_error(p, NULL);
			return false;
		}
		return expect_eol(p);
	}
	consume(p);
	text = p->lx.str;
	dep = parse_if_expr(p, &ok);
	if (!ok || peek(p) != T_EOL) {
		syntax_error(p, NULL);
		return false;
	}
	consume(p);
	menu_add_prompt(p->kc, P_PROMPT, text, dep);
	return true;
}

/* Options of config/menuconfig entries; stops at the first token that is not one. */
static void parse_config_options(struct parser *p)
{
	struct kc_ctx *kc = p->kc;
	struct expr *e, *dep;
	struct kc_sym *s, *s2;
	enum tok t;
	bool ok;

	for (;;) {
		t = peek(p);
		switch (t) {
		case T_BOOL:
		case T_TRISTATE:
		case T_INT:
		case T_HEX:
		case T_STRING:
			consume(p);
			if (parse_prompt_tail(p, false))
				menu_set_type(kc, type_of(t));
			break;
		case T_PROMPT:
			consume(p);
			parse_prompt_tail(p, true);
			break;
		case T_DEFAULT:
		case T_DEF_BOOL:
		case T_DEF_TRISTATE:
			consume(p);
			e = parse_expr(p);
			dep = e ? parse_if_expr(p, &ok) : NULL;
			if (!e || !ok || peek(p) != T_EOL) {
				syntax_error(p, NULL);
				break;
			}
			consume(p);
			menu_add_expr(kc, P_DEFAULT, e, dep);
			if (type_of(t) != KC_UNKNOWN)
				menu_set_type(kc, type_of(t));
			break;
		case T_SELECT:
		case T_IMPLY:
			consume(p);
			s = parse_symbol(p, false);
			dep = s ? parse_if_expr(p, &ok) : NULL;
			if (!s || !ok || peek(p) != T_EOL) {
				syntax_error(p, NULL);
				break;
			}
			consume(p);
			menu_add_symbol(kc, t == T_SELECT ? P_SELECT : P_IMPLY, s, dep);
			break;
		case T_RANGE:
			consume(p);
			s = parse_symbol(p, true);
			s2 = s ? parse_symbol(p, true) : NULL;
			dep = s2 ? parse_if_expr(p, &ok) : NULL;
			if (!s2 || !ok || peek(p) != T_EOL) {
				syntax_error(p, NULL);
				break;
			}
			consume(p);
			menu_add_expr(kc, P_RANGE, expr_alloc_comp(kc, E_RANGE, s, s2), dep);
			break;
		case T_MODULES:
			consume(p);
			if (!expect_eol(p))
				break;
			if (kc->modules_sym)
				perr(p,
				     "symbol '%s' redefines option 'modules' already defined by "
				     "symbol '%s'",
				     kc->cur_entry->sym->name, kc->modules_sym->name);
			kc->modules_sym = kc->cur_entry->sym;
			break;
		case T_DEPENDS:
			parse_depends(p);
			break;
		case T_HELP:
			parse_help(p);
			break;
		case T_OPTION:
			consume(p);
			parse_kfront_options(p);
			break;
		default:
			if (!kfront_option_error(p))
				return;
		}
	}
}

static void parse_choice_options(struct parser *p)
{
	struct kc_ctx *kc = p->kc;
	struct expr *dep;
	struct kc_sym *s;
	enum tok t;
	bool ok;

	for (;;) {
		t = peek(p);
		switch (t) {
		case T_PROMPT:
			consume(p);
			parse_prompt_tail(p, true);
			break;
		case T_BOOL:
		case T_TRISTATE:
			consume(p);
			if (parse_prompt_tail(p, false))
				menu_set_type(kc, type_of(t));
			break;
		case T_OPTIONAL:
			consume(p);
			if (expect_eol(p))
				kc->cur_entry->sym->flags |= S_OPTIONAL;
			break;
		case T_DEFAULT:
			consume(p);
			s = parse_symbol(p, false);
			dep = s ? parse_if_expr(p, &ok) : NULL;
			if (!s || !ok || peek(p) != T_EOL) {
				syntax_error(p, NULL);
				break;
			}
			consume(p);
			menu_add_symbol(kc, P_DEFAULT, s, dep);
			break;
		case T_DEPENDS:
			parse_depends(p);
			break;
		case T_HELP:
			parse_help(p);
			break;
		default:
			if (!kfront_option_error(p))
				return;
		}
	}
}

/* ---- statements ---- */

enum block { B_TOP, B_MENU, B_IF, B_CHOICE };

static void parse_stmts(struct parser *p, enum block blk, bool in_choice);

static const char *end_name(enum tok t)
{
	return t == T_ENDMENU ? "menu" : t == T_ENDCHOICE ? "choice" : "if";
}

/* Parse the block's body and its end; the block's menu node is kc->cur_menu. */
static void parse_block(struct parser *p, enum block blk, bool in_choice, const char *expected)
{
	struct kc_ctx *kc = p->kc;
	struct kc_menu *m = kc->cur_menu;
	enum tok t;

	if (++p->blocks > MAX_BLOCK_DEPTH) {
		perr(p, "blocks nested deeper than %d levels (the engine's limit)", MAX_BLOCK_DEPTH);
		p->stop = true;
		p->have = true;
		p->tok = T_EOF;
		return;
	}
	parse_stmts(p, blk, in_choice);
	p->blocks--;
	t = peek(p);
	if (t != T_ENDMENU && t != T_ENDCHOICE && t != T_ENDIF) {
		struct sbuf b = {0};

		if (p->stop || kc->fatal)
			return;
		if (p->shifted >= 3) {
			sb_printf(&b, "%s:%d: syntax error", curname(kc), kc->cur_lineno + 1);
			kc_diag_raw(kc, KC_DIAG_ERROR, b.s);
			sb_free(&b);
		}
		sb_printf(&b, "%s:%d: missing end statement for this entry", m->file->name,
			  m->lineno);
		kc_diag_raw(kc, KC_DIAG_ERROR, b.s);
		sb_free(&b);
		if (kc->cur_menu == m)
			menu_end_menu(kc);
		return;
	}
	consume(p);
	if (!expect_eol(p))
		return;
	if (strcmp(end_name(t), expected)) {
		perr(p, "unexpected '%s' within %s block", end_name(t), expected);
		return;
	}
	if (kc->cur_menu->file != kc->cur_file) {
		struct sbuf b = {0};

		perr(p, "'%s' in different file than '%s'", end_name(t), expected);
		sb_printf(&b, "%s:%d: location of the '%s'", kc->cur_menu->file->name,
			  kc->cur_menu->lineno, expected);
		kc_diag_raw(kc, KC_DIAG_ERROR, b.s);
		sb_free(&b);
		return;
	}
	menu_end_menu(kc);
}

static void parse_config(struct parser *p, bool menuconfig)
{
	struct kc_ctx *kc = p->kc;
	struct kc_sym *s;

	consume(p);
	s = parse_symbol(p, false);
	if (!s || peek(p) != T_EOL) {
		syntax_error(p, NULL);
		return;
	}
	consume(p);
	s->flags |= S_OPTIONAL;
	menu_add_entry(kc, s);
	parse_config_options(p);
	if (menuconfig) {
		if (kc->cur_entry->prompt)
			kc->cur_entry->prompt->type = P_MENU;
		else
			pwarn(p, "warning: menuconfig statement without prompt");
	}
}

static void parse_choice(struct parser *p)
{
	struct kc_ctx *kc = p->kc;
	const char *name = NULL;
	struct kc_sym *s;

	consume(p);
	if (peek(p) == T_WORD) {
		consume(p);
		name = p->lx.str;
	}
	if (!accept(p, T_EOL)) {
		syntax_error(p, NULL);
		return;
	}
	s = sym_lookup(kc, name, S_CHOICE);
	s->flags |= S_NO_WRITE;
	menu_add_entry(kc, s);
	menu_add_expr(kc, P_CHOICE, NULL, NULL);
	parse_choice_options(p);
	menu_add_menu(kc);
	parse_block(p, B_CHOICE, true, "choice");
}

static void parse_if(struct parser *p, bool in_choice)
{
	struct kc_ctx *kc = p->kc;
	struct expr *e;

	consume(p);
	e = parse_expr(p);
	if (!e || peek(p) != T_EOL) {
		syntax_error(p, NULL);
		return;
	}
	consume(p);
	menu_add_entry(kc, NULL);
	menu_add_dep(kc, e);
	menu_add_menu(kc);
	parse_block(p, B_IF, in_choice, "if");
}

/*
 * "menu" and "comment" open the same way: the keyword, a quoted prompt and
 * the end of the line; then a menu entry carrying that prompt. Returns false
 * (after reporting) when the line is malformed.
 */
static bool begin_prompt_entry(struct parser *p, enum prop_type type)
{
	const char *text;

	consume(p);
	if (peek(p) != T_WORD_QUOTE) {
		syntax_error(p, NULL);
		return false;
	}
	consume(p);
	text = p->lx.str;
	if (!expect_eol(p))
		return false;
	menu_add_entry(p->kc, NULL);
	menu_add_prompt(p->kc, type, text, NULL);
	return true;
}

static void parse_menu(struct parser *p)
{
	struct kc_ctx *kc = p->kc;

	if (!begin_prompt_entry(p, P_MENU))
		return;
	for (;;) {
		if (peek(p) == T_VISIBLE) {
			struct expr *e;
			bool ok;

			consume(p);
			e = parse_if_expr(p, &ok);
			if (!ok || peek(p) != T_EOL) {
				syntax_error(p, NULL);
				continue;
			}
			consume(p);
			menu_add_visibility(kc, e);
		} else if (peek(p) == T_DEPENDS) {
			parse_depends(p);
		} else if (!kfront_option_error(p)) {
			break;
		}
	}
	menu_add_menu(kc);
	parse_block(p, B_MENU, false, "menu");
}

static void parse_comment(struct parser *p)
{
	if (!begin_prompt_entry(p, P_COMMENT))
		return;
	for (;;) {
		if (peek(p) == T_DEPENDS)
			parse_depends(p);
		else if (!kfront_option_error(p))
			break;
	}
}

static void parse_source(struct parser *p)
{
	const char *name;

	consume(p);
	if (peek(p) != T_WORD_QUOTE) {
		syntax_error(p, NULL);
		return;
	}
	consume(p);
	name = p->lx.str;
	if (!expect_eol(p))
		return;
	if (kc_kfront(p->kc)) {
		/* a path with $NAME references, as 4.11 reads it */
		char *path = kfront_expand(p->kc, name, false);

		name = arena_strdup(&p->kc->arena, path);
		free(path);
	}
	if (!lex_source(&p->lx, name))
		p->stop = true;
}

static void parse_assignment(struct parser *p)
{
	const char *name = p->lx.str;
	const char *val = "";
	int flavor;

	switch (peek(p)) {
	case T_EQUAL:
		flavor = VAR_RECURSIVE;
		break;
	case T_COLON_EQUAL:
		flavor = VAR_SIMPLE;
		break;
	default:
		flavor = VAR_APPEND;
		break;
	}
	consume(p);
	if (peek(p) == T_ASSIGN_VAL) {
		consume(p);
		val = p->lx.str;
	}
	if (!expect_eol(p))
		return;
	macro_var_add(p->kc, name, val, flavor);
}

static void parse_stmts(struct parser *p, enum block blk, bool in_choice)
{
	for (;;) {
		enum tok t = peek(p);

		switch (t) {
		case T_EOF:
			return;
		case T_ENDMENU:
		case T_ENDCHOICE:
		case T_ENDIF:
			if (blk != B_TOP)
				return;
			syntax_error(p, "invalid statement");
			continue;
		case T_CONFIG:
			parse_config(p, false);
			continue;
		case T_COMMENT:
			parse_comment(p);
			continue;
		case T_IF:
			parse_if(p, in_choice);
			continue;
		default:
			break;
		}
		if (in_choice) {
			syntax_error(p, "invalid statement");
			continue;
		}
		switch (t) {
		case T_MENUCONFIG:
			parse_config(p, true);
			break;
		case T_CHOICE:
			parse_choice(p);
			break;
		case T_MENU:
			parse_menu(p);
			break;
		case T_SOURCE:
			parse_source(p);
			break;
		case T_WORD: {
			const char *w = p->lx.str;

			consume(p);
			t = peek(p);
			/* no variables in the kconfig-frontends language: `X = 1` is unknown there */
			if ((t == T_EQUAL && !kc_kfront(p->kc)) || t == T_COLON_EQUAL ||
			    t == T_PLUS_EQUAL) {
				parse_assignment(p);
				break;
			}
			char *msg = xmalloc(strlen(w) + 32);

			sprintf(msg, "unknown statement \"%s\"", w);
			syntax_error(p, msg);
			free(msg);
			break;
		}
		default:
			syntax_error(p, "invalid statement");
			break;
		}
	}
}

FILE *kc_fopen(struct kc_ctx *kc, const char *name)
{
	FILE *f = fopen(name, "r");

	if (!f && name[0] != '/') {
		const char *env = kc_getenv(kc, "srctree");

		if (env) {
			char *full = xmalloc(strlen(env) + strlen(name) + 2);

			sprintf(full, "%s/%s", env, name);
			f = fopen(full, "r");
			free(full);
		}
	}
	return f;
}

struct kc_file *kc_file_lookup(struct kc_ctx *kc, const char *name)
{
	struct kc_file *f;

	for (f = kc->files; f; f = f->next)
		if (!strcmp(f->name, name))
			return f;
	f = arena_alloc(&kc->arena, sizeof(*f));
	f->name = arena_strdup(&kc->arena, name);
	f->next = kc->files;
	kc->files = f;
	return f;
}

int kc_parse(struct kc_ctx *kc, const char *file)
{
	struct parser p = {.kc = kc, .shifted = 3};

	p.lx.kc = kc;
	if (!lex_open(&p.lx, file))
		return -1;
	menu_init(kc);
	if (kc_kfront(kc))
		kfront_begin(kc);
	if (peek(&p) == T_MAINMENU) {
		consume(&p);
		if (peek(&p) == T_WORD_QUOTE) {
			const char *text;

			consume(&p);
			text = p.lx.str;
			if (expect_eol(&p))
				menu_add_prompt(kc, P_MENU, text, NULL);
		} else {
			syntax_error(&p, NULL);
		}
	}
	parse_stmts(&p, B_TOP, false);
	if (kc_kfront(kc))
		kfront_end(kc);
	lex_close(&p.lx);
	macro_free_vars(kc);
	return kc->errors || kc->fatal ? -1 : 0;
}
