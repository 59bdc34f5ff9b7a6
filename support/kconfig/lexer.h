/* SPDX-License-Identifier: GPL-2.0 */
/* lexer.h - tokens of the Kconfig language (lexer.c), used by parser.c only. */
#ifndef KC_LEXER_H
#define KC_LEXER_H

#include "internal.h"

enum tok {
	T_EOF,
	T_EOL,
	T_HELPTEXT,
	T_WORD,
	T_WORD_QUOTE,
	T_ASSIGN_VAL,
	/* keywords */
	T_BOOL,
	T_CHOICE,
	T_COMMENT,
	T_CONFIG,
	T_DEF_BOOL,
	T_DEF_TRISTATE,
	T_DEFAULT,
	T_DEPENDS,
	T_ENDCHOICE,
	T_ENDIF,
	T_ENDMENU,
	T_HELP,
	T_HEX,
	T_IF,
	T_IMPLY,
	T_INT,
	T_MAINMENU,
	T_MENU,
	T_MENUCONFIG,
	T_MODULES,
	T_ON,
	T_OPTION, /* kconfig-frontends 4.11 only */
	T_OPTIONAL,
	T_PROMPT,
	T_RANGE,
	T_SELECT,
	T_SOURCE,
	T_STRING,
	T_TRISTATE,
	T_VISIBLE,
	/* operators */
	T_OR,
	T_AND,
	T_EQUAL,
	T_UNEQUAL,
	T_LESS,
	T_LESS_EQUAL,
	T_GREATER,
	T_GREATER_EQUAL,
	T_NOT,
	T_OPEN_PAREN,
	T_CLOSE_PAREN,
	T_COLON_EQUAL,
	T_PLUS_EQUAL,
};

struct lex_buf {
	struct lex_buf *parent;
	char *text; /* whole file, NUL-terminated */
	size_t pos, len;
	int lineno;
};

struct lexer {
	struct kc_ctx *kc;
	struct lex_buf *buf;
	int prev_tok, prev_prev_tok;
	bool assign_val; /* next token is the value of an assignment */
	char *str;	 /* value of T_WORD / T_WORD_QUOTE / T_HELPTEXT / T_ASSIGN_VAL (arena) */
};

/* Open the top file; false (and an error reported) if it cannot be read. */
bool lex_open(struct lexer *lx, const char *name);
/* Push a sourced file; false on error (reported; parsing must stop). */
bool lex_source(struct lexer *lx, const char *name);
enum tok lex_next(struct lexer *lx);
/* Read a help text block (after `help` EOL). Returns T_HELPTEXT. */
enum tok lex_help(struct lexer *lx);
void lex_close(struct lexer *lx);
const char *tok_name(enum tok t);

#endif
