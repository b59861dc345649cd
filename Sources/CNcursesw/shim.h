// Warren — the ncursesw interface as Swift sees it.
//
// Only TerminalUI imports this module. Every helper here is prefixed `cwarren_` and exists because
// Swift cannot use the C original directly: function-like macros are not imported at all, and
// Swift 6 refuses to read mutable C globals such as `LINES`, `COLS`, `stdscr` and `stdout`.
#ifndef CWARREN_SHIM_H
#define CWARREN_SHIM_H

// SwiftPM drops pkg-config's -D flags, so ask for the wide-character API here, before any include.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <stdio.h>
#include <wchar.h>
#include <sys/ioctl.h>

#if __has_include(<ncursesw/curses.h>)
#include <ncursesw/curses.h>
#else
#include <curses.h>
#endif

// `stdscr` is a mutable C global, which Swift 6 will not read.
static inline WINDOW *cwarren_stdscr(void) { return stdscr; }

// `LINES` is a mutable C global, which Swift 6 will not read.
static inline int cwarren_lines(void) { return LINES; }

// `COLS` is a mutable C global, which Swift 6 will not read.
static inline int cwarren_cols(void) { return COLS; }

// `COLORS` and `COLOR_PAIRS` are mutable C globals (set by start_color), which Swift 6 will not read.
static inline int cwarren_colors(void) { return COLORS; }
static inline int cwarren_color_pairs(void) { return COLOR_PAIRS; }

// `newterm` needs the `stdout`/`stdin` globals; unlike `initscr` it fails with NULL instead of exiting.
static inline SCREEN *cwarren_newterm(const char *type) { return newterm(type, stdout, stdin); }

// Whether the terminal can put the cursor anywhere (terminfo `cup`), which a full screen needs:
// `dumb`, `emacs`' shell and hardcopy types lack it, and curses then draws only the last row.
// `tigetstr` returns NULL for a capability the type lacks, (char *)-1 for a name that is no string.
static inline int cwarren_can_address_cursor(void) {
    const char *cup = tigetstr("cup");
    return cup != NULL && cup != (const char *)-1;
}

// `curscr` is a mutable C global; `clearok(curscr, TRUE)` forces a full repaint on the next refresh.
static inline void cwarren_force_repaint(void) { clearok(curscr, TRUE); }

// `A_NORMAL` is a macro built from NCURSES_BITS, which Swift cannot import.
static inline attr_t cwarren_a_normal(void) { return A_NORMAL; }

// `A_BOLD` is a macro built from NCURSES_BITS, which Swift cannot import.
static inline attr_t cwarren_a_bold(void) { return A_BOLD; }

// `A_DIM` is a macro built from NCURSES_BITS, which Swift cannot import.
static inline attr_t cwarren_a_dim(void) { return A_DIM; }

// `A_REVERSE` is a macro built from NCURSES_BITS, which Swift cannot import.
static inline attr_t cwarren_a_reverse(void) { return A_REVERSE; }

// `A_UNDERLINE` is a macro built from NCURSES_BITS, which Swift cannot import.
static inline attr_t cwarren_a_underline(void) { return A_UNDERLINE; }

// `COLOR_PAIR(n)` is a function-like macro.
static inline attr_t cwarren_color_pair(int pair) { return COLOR_PAIR(pair); }

// `KEY_F(n)` is a function-like macro.
static inline int cwarren_key_f(int n) { return KEY_F(n); }

// `attrset` is a macro over `wattrset`, whose int parameter would need a cast at every call.
static inline void cwarren_attrset(attr_t attrs) { wattrset(stdscr, (int)attrs); }

// `bkgdset` is a macro; the background is what `clrtoeol` fills with.
static inline void cwarren_bkgdset(attr_t attrs) { wbkgdset(stdscr, attrs | (chtype)' '); }

// The mouse events Warren uses: a first-button press or click, and wheel steps (buttons 4 and
// 5); the `BUTTONn_*` masks are macros. `mouseinterval(0)` reports presses at once.
static inline void cwarren_mouse_enable(int on) {
    mousemask(on ? (BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED) : 0, NULL);
    mouseinterval(0);
}

// Reads the mouse event behind a KEY_MOUSE: 1 a press, 2 wheel up, 3 wheel down, 0 anything else.
static inline int cwarren_mouse_read(int *row, int *column) {
    MEVENT event;
    if (getmouse(&event) != OK) return 0;
    *row = event.y;
    *column = event.x;
    if (event.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)) return 1;
    if (event.bstate & BUTTON4_PRESSED) return 2;
#ifdef BUTTON5_PRESSED
    if (event.bstate & BUTTON5_PRESSED) return 3;
#endif
    return 0;
}

// `ioctl` is variadic in C; this reads the real window size (0 when `fd` is not a terminal).
static inline void cwarren_window_size(int fd, int *rows, int *columns) {
    struct winsize size = {0};
    if (ioctl(fd, TIOCGWINSZ, &size) == 0) {
        *rows = size.ws_row;
        *columns = size.ws_col;
    } else {
        *rows = 0;
        *columns = 0;
    }
}

// A picture's cell colours (palette numbers, -1 for the terminal's own) through ncurses'
// extended pairs, so a picture may use many more combinations than the 255 the theme's
// COLOR_PAIR attributes can name. find_pair reuses a pair that has the colours already;
// alloc_pair makes one (the caller counts them, so the table never fills and ncurses never
// takes back one of the theme's); free_pair gives them back when no picture is shown.
static inline int cwarren_find_pair(int foreground, int background) { return find_pair(foreground, background); }
static inline int cwarren_alloc_pair(int foreground, int background) { return alloc_pair(foreground, background); }
static inline void cwarren_free_pair(int pair) { free_pair(pair); }
static inline void cwarren_use_pair(int pair, int reverse) {
    wattr_set(stdscr, reverse ? A_REVERSE : A_NORMAL, 0, &pair);
}

#endif
