/*
 * i18n.c: the language of the messages.  Every error, warning, usage line
 * and help text is looked up in the catalogue of the chain-toolkit domain
 * (po/nl.po, compiled by make), which the locale chooses as in every GNU
 * program: LANGUAGE, then LC_ALL, LC_MESSAGES and LANG, with glibc's rule
 * that LANGUAGE counts only when the locale of messages is not C (so
 * LANGUAGE=nl speaks Dutch beside LANG=C.UTF-8, English beside LC_ALL=C).
 * Where no locale is set at all, LANGUAGE alone speaks too (C.UTF-8 for
 * the messages), as a user who sets only LANGUAGE expects.  Only the locale of messages follows the environment:
 * numbers, dates and the case of letters are read and written the
 * toolkit's own way whatever LC_NUMERIC or LC_CTYPE say, and messages are
 * UTF-8 whatever the character set of the locale (the system's own, such
 * as strerror's, too).  The report's texts are not here: --lang chooses
 * them (lang.c), the locale does not.
 *
 * The catalogue is the source tree's build/locale when the program is one
 * built in a source tree (so that a tree's programs never speak an older
 * installed catalogue), else PREFIX/share/locale beside the program's
 * PREFIX/bin when it holds one (installed with another PREFIX or DESTDIR
 * than the one compiled in), else the LOCALEDIR compiled in.  No variable
 * of the environment chooses it.
 */
#include <limits.h>
#include <stdlib.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "chain_priv.h"

#ifndef CHAIN_LOCALEDIR
#define CHAIN_LOCALEDIR "/usr/local/share/locale"
#endif
#ifndef CHAIN_LANGUAGES
#define CHAIN_LANGUAGES "nl"	/* the catalogues make builds, of po/ */
#endif

#define SOURCE_TREE "/build/locale"
#define SOURCE_MARK "/po"	/* what tells a source tree from any build/ */
#define BESIDE_BIN "/share/locale"
/* From the program's directory up: bin/, or build/san/bin/ in a tree. */
#define PARENTS_SEARCHED 4

static int
is_directory(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* a + b into buf (a may be buf itself); 0 when it does not fit. */
static int
joined(char *buf, size_t size, const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b);

	if (na + nb >= size)
		return 0;
	memmove(buf, a, na);
	memcpy(buf + na, b, nb + 1);
	return 1;
}

/* Whether dir holds a catalogue of the toolkit in any of its languages. */
static int
holds_catalogue(const char *dir)
{
	const char *p = CHAIN_LANGUAGES, *w;
	char path[PATH_MAX], lang[64];
	size_t len;

	while (*p != '\0') {
		w = p + strspn(p, " ");
		len = strcspn(w, " ");
		p = w + len;
		if (len == 0 || len >= sizeof(lang))
			continue;
		memcpy(lang, w, len);
		lang[len] = '\0';
		if (joined(path, sizeof(path), dir, "/") &&
		    joined(path, sizeof(path), path, lang) &&
		    joined(path, sizeof(path), path, "/LC_MESSAGES/"
		    CHAIN_DOMAIN ".mo") && access(path, R_OK) == 0)
			return 1;
	}
	return 0;
}

/* dir + suffix into buf, when that holds a catalogue. */
static int
found(char *buf, size_t size, const char *dir, const char *suffix)
{
	return joined(buf, size, dir, suffix) && holds_catalogue(buf);
}

/* The source tree's catalogue or the one beside bin/, into buf. */
static int
near_program(char *buf, size_t size)
{
	char path[PATH_MAX], mark[PATH_MAX], *slash;
	ssize_t n = readlink("/proc/self/exe", path, sizeof(path) - 1);
	int i;

	if (n <= 0)
		return 0;
	path[n] = '\0';
	for (i = 0; i < PARENTS_SEARCHED; i++) {
		if ((slash = strrchr(path, '/')) == NULL || slash == path)
			break;
		*slash = '\0';
		if (joined(mark, sizeof(mark), path, SOURCE_MARK) &&
		    is_directory(mark) && found(buf, size, path, SOURCE_TREE))
			return 1;
		if (i == 1 && found(buf, size, path, BESIDE_BIN))
			return 1;
	}
	return 0;
}

/* Whether a variable of the environment is unset or empty. */
static int
unset(const char *name)
{
	const char *v = getenv(name);

	return v == NULL || *v == '\0';
}

/*
 * Chooses the language of messages from the locale and finds the
 * catalogue; once, before anything is said.
 */
void
chain_i18n_init(void)
{
	char dir[PATH_MAX];

	/*
	 * LANGUAGE=nl where no locale is set at all (a bare cron job or
	 * container) would be ignored in the C locale; asked for nothing
	 * else, the messages take C.UTF-8, so that LANGUAGE is heard.  A C
	 * locale that is asked for (LC_ALL=C) stays English.
	 */
	if (unset("LC_ALL") && unset("LC_MESSAGES") && unset("LANG") &&
	    !unset("LANGUAGE") && setlocale(LC_MESSAGES, "C.UTF-8") != NULL)
		;
	else if (setlocale(LC_MESSAGES, "") == NULL)
		return;		/* a locale not installed: C, English */
	bindtextdomain(CHAIN_DOMAIN, near_program(dir, sizeof(dir)) ? dir :
	    CHAIN_LOCALEDIR);
	bind_textdomain_codeset(CHAIN_DOMAIN, "UTF-8");
	/* strerror's texts, and getopt's */
	bind_textdomain_codeset("libc", "UTF-8");
}
