/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mc.h - internal interfaces of smart-os menuconfig (mconf).
 *
 * Layers, bottom up:
 *   termcheck.c refuse terminals that cannot address the cursor (TERM=dumb) with a message
 *   screen.c   terminal setup, UTF-8 aware text drawing, keys, the painter stack
 *   listview.c a scrolling list of pre-formatted lines
 *   dialog.c   message, yes/no, text/number/file-name input with validation
 *   textview.c a scrolling text page with optional buttons (help, why)
 *   rows.c     turns one engine menu into list lines ("[*] Foo  --->")
 *   details.c  help/details text of a menu entry
 *   value.c    the refusal message of string/int/hex input (with the allowed range)
 *   why.c      the why/resolve view on top of kc_explain()
 *   search.c   `/` search with jump-to
 *   main.c     the menu stack and key dispatch
 * Only rows.c, details.c, value.c, why.c, search.c and main.c know about the engine.
 */
#ifndef MC_H
#define MC_H

#include <stdbool.h>
#include <stddef.h>

#include <libintl.h>

#include "../kconfig.h"

/* menuconfig's own words are translated with gettext (domain "smartos-mconf"). */
#define MC_TEXTDOMAIN "smartos-mconf"
#define _(s) gettext(s)
#define N_(s) (s)

/* ---- screen.c ------------------------------------------------------------------------- */

/* Keys: characters are returned as their code point, function keys as MC_KEY(KEY_xxx). */
#define MC_KEY(k) (0x200000 + (k))
#define MC_ESC 27

enum mc_attr {
	MC_NORMAL,
	MC_TITLE,
	MC_SELECTED,
	MC_BORDER,
	MC_HIDDEN,
	MC_ERROR,
	MC_BUTTON,
	MC_HOTKEY,
	MC_SELECTED_HOTKEY,
};

/*
 * The locale: the user's language for our messages, UTF-8 decoding, the catalogues (ours and,
 * when $KCONFIG_TEXTDOMAIN names one, the Kconfig prompts'). Called first thing in main().
 */
void mc_locale_init(void);
/* Checks the terminal (cursor addressing etc.) and starts curses. On failure prints why. */
int mc_screen_init(void);
void mc_screen_end(void);
int mc_rows(void);
int mc_cols(void);
/* Too small for our layout: the painters draw only a notice. */
bool mc_too_small(void);

/* Display width of a UTF-8 string (wcwidth per character; bad bytes count 1). */
int mc_width(const char *s);
/* Draw s at (y,x) using at most maxw columns; returns columns used. */
int mc_put(int y, int x, const char *s, int maxw, enum mc_attr a);
/* The end of s that fits in maxw columns (for paths whose end matters most). */
const char *mc_tail(const char *s, int maxw);
/* Like mc_put but pads with blanks to exactly maxw columns. */
void mc_put_pad(int y, int x, const char *s, int maxw, enum mc_attr a);
void mc_box(int y, int x, int h, int w, const char *title);
/* A horizontal rule across a box of width w whose left frame is at x: "├───┤". */
void mc_separator(int y, int x, int w);
void mc_fill(int y, int x, int h, int w, enum mc_attr a);

/* Next key; MC_KEY(KEY_RESIZE) after a resize (callers just redraw). */
int mc_getkey(void);
/* After a lone ESC: the next key, or MC_ESC again for "Esc Esc". */
bool mc_is_back(int key);

/*
 * Painter stack: every full-screen view and every open dialog pushes a painter, so after a
 * resize each loop repaints the whole stack bottom-up with mc_redraw().
 */
typedef void (*mc_paint_fn)(void *arg);
void mc_push_painter(mc_paint_fn fn, void *arg);
/*
 * What the top painter says in a few words (malloc'd text), drawn instead of the frames when the
 * terminal is below the minimum size: a waiting dialog stays readable and answerable.
 */
typedef char *(*mc_summary_fn)(void *arg);
void mc_set_summary(mc_summary_fn fn);
void mc_pop_painter(void);
void mc_redraw(void);

/* Wrap UTF-8 text to `width` columns. Returns a NULL-terminated array; free with mc_lines_free. */
char **mc_wrap(const char *text, int width, size_t *n);
void mc_lines_free(char **lines);

/* Small growable string used to build texts. */
struct mc_buf {
	char *s;
	size_t len, cap;
};
void mc_buf_add(struct mc_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *mc_buf_take(struct mc_buf *b);

void *mc_xmalloc(size_t n);
char *mc_xstrdup(const char *s);

/* ---- listview.c ----------------------------------------------------------------------- */

struct mc_list {
	int n;	    /* number of lines */
	int cur;    /* selected line */
	int top;    /* first line shown */
	int height; /* lines shown (set by the last draw) */
};
/*
 * Draw lines [top, top+h) in the rectangle; get(i) returns the text of line i and may set *hot
 * to the byte offset of a character to highlight as its hotkey.
 */
void mc_list_draw(struct mc_list *l, int y, int x, int h, int w,
		  const char *(*get)(void *arg, int i, enum mc_attr *a, int *hot), void *arg);
/* Arrow/Page/Home/End handling; returns true if the key was a movement key. */
bool mc_list_key(struct mc_list *l, int key);
void mc_list_clamp(struct mc_list *l);

/* ---- dialog.c ------------------------------------------------------------------------- */

void mc_message(const char *title, const char *text);
/* Returns 1 yes, 0 no, -1 cancelled (Esc Esc). */
int mc_yesno(const char *title, const char *text, const char *yes, const char *no);
/*
 * Text input. `valid` (may be NULL) returns NULL if the text is acceptable, else a message
 * shown in the dialog (the input is refused). Returns a malloc'd string or NULL if cancelled.
 */
typedef const char *(*mc_valid_fn)(void *arg, const char *text);
char *mc_input(const char *title, const char *prompt, const char *init, mc_valid_fn valid,
	       void *arg);

/* ---- textview.c ----------------------------------------------------------------------- */

/*
 * Show text (UTF-8, '\n' separated, wrapped to the window) with buttons (NULL-terminated, NULL =
 * just "Exit"). Returns the index of the button chosen, or -1 for Esc Esc / exit keys.
 */
int mc_textview(const char *title, const char *text, const char *const *buttons);

/* ---- the application (main.c and the engine-aware files) ------------------------------ */

struct mc_app;

struct mc_row {
	const struct kc_menu *node;
	int depth;
	bool hidden; /* not visible; listed only because of `z` */
};

/* rows.c */
size_t mc_rows_build(struct kc_ctx *kc, const struct kc_menu *menu, bool show_all,
		     struct mc_row **out);
/*
 * Text of a row as the list shows it; *hot gets the byte offset of the prompt's hotkey in it
 * (-1: none).
 */
char *mc_row_text(struct kc_ctx *kc, const struct mc_row *r, bool in_choice, int *hot);
/* Letters that are commands in a menu, so never hotkeys (the kernel's "YyNnMmHh", and ours). */
#define MC_COMMAND_LETTERS "ynmhzwu"
/*
 * The hotkey of a prompt, as the kernel's menuconfig picks it: the byte offset of its first
 * letter outside brackets that is not a command letter; -1 if there is none.
 */
int mc_hotkey(const char *prompt);
/* The menu node a row opens as a submenu, NULL if none. */
bool mc_node_opens(const struct kc_menu *m);
const char *mc_node_label(const struct kc_menu *m);
/* A menu node's prompt in the user's language (the Kconfig prompts' catalogue), or NULL. */
const char *mc_prompt(const struct kc_menu *m);
/* Any Kconfig text (the main menu's title) through the same catalogue. */
const char *mc_tr(const char *text);
void mc_set_prompt_domain(const char *domain);

/* value.c: why `text` is refused for s, naming the allowed range of an int/hex. */
void mc_refusal(struct kc_ctx *kc, struct kc_sym *s, const char *text, char *msg, size_t n);

/* details.c */
char *mc_details(struct kc_ctx *kc, const struct kc_menu *m);
/* "Main menu > Sub > Foo" style path to a node. */
char *mc_location(struct kc_ctx *kc, const struct kc_menu *m, const char *sep);

/*
 * why.c: shows why `s` has its value and offers the resolver's change sets (enable, as module,
 * off, make editable), each shown whole before it is applied. EDIT: a set was applied to make
 * a value editable, the caller opens the value dialog.
 */
enum mc_why_result { MC_WHY_NONE, MC_WHY_APPLIED, MC_WHY_EDIT };
enum mc_why_result mc_why(struct kc_ctx *kc, struct kc_sym *s);
/* Undo the last change set applied from the why view; false if there is none. */
bool mc_undo(struct kc_ctx *kc);

/* search.c: returns the node to jump to, or NULL. */
const struct kc_menu *mc_search(struct kc_ctx *kc);

#endif /* MC_H */
