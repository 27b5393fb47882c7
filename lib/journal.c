/*
 * journal.c: the journal of a register, the history its rows do not keep.
 * Every add and set appends what it changed, a line per column (when, who,
 * the agreement, the column, the old and the new value, and the kind of
 * change: add, set, again for an announcement after an earlier one,
 * correct for a mistake put right), to NAME.journal beside the register
 * (beside the file a link names).  The lines are written under the
 * register's lock after its new version is on disk and before that
 * version is renamed into place, so that a crash may leave the journal
 * one change ahead of the register, never behind it.
 *
 * The register's directory may be shared: the journal is created
 * exclusively with the register's owner, group, mode and ACL, never
 * opened through a link, and must be a regular file with one name whose
 * first line is the journal's header; anything else is refused, and the
 * register is then left as it was.  A reader takes the journal as it
 * stood at one moment (the lines whole), under a shared lock held only
 * while it notes the size, and a writer waits for its own lock no longer
 * than --wait, so that no reader holds up a writer for long.  It is read
 * back to count each agreement's announcements (status) and printed by
 * chain-agree log.
 */
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "chain_priv.h"

#define SUFFIX ".journal"

struct line {
	char *id, *column, *old, *new_, *kind;
};

struct chain_journal {
	struct line *lines;
	size_t n;
	double wait;		/* seconds a writer waits for its lock */
};

/* The changes of one add or set; wait is --wait, as for the register. */
struct chain_journal *
chain_journal_new(double wait)
{
	struct chain_journal *j = chain_calloc(1, sizeof(*j));

	j->wait = wait;
	return j;
}

void
chain_journal_free(struct chain_journal *j)
{
	size_t i;

	if (j == NULL)
		return;
	for (i = 0; i < j->n; i++) {
		free(j->lines[i].id);
		free(j->lines[i].column);
		free(j->lines[i].old);
		free(j->lines[i].new_);
		free(j->lines[i].kind);
	}
	free(j->lines);
	free(j);
}

/* A change of one column of agreement id, to be journalled. */
void
chain_journal_add(struct chain_journal *j, const char *id, const char *column,
    const char *old, const char *new_, const char *kind)
{
	struct line *l;

	j->lines = chain_reallocarray(j->lines, j->n + 1, sizeof(*j->lines));
	l = &j->lines[j->n++];
	l->id = chain_strdup(id);
	l->column = chain_strdup(column);
	l->old = chain_strdup(old != NULL ? old : "");
	l->new_ = chain_strdup(new_ != NULL ? new_ : "");
	l->kind = chain_strdup(kind);
}

static char *
journal_name(const char *file)
{
	size_t n = strlen(file);
	char *path = chain_malloc(n + sizeof(SUFFIX));

	memcpy(path, file, n);
	memcpy(path + n, SUFFIX, sizeof(SUFFIX));
	return path;
}

/* The journal of the register at path: beside the file a link names. */
char *
chain_journal_path(const char *path)
{
	char *real = chain_real_path(path), *journal;

	journal = journal_name(real != NULL ? real : path);
	free(real);
	return journal;
}

/* Now, as ISO 8601 local time with its offset: 2026-11-20T14:03:12+01:00. */
static void
timestamp(char buf[32])
{
	time_t now = time(NULL);
	struct tm tm;
	size_t n;

	localtime_r(&now, &tm);
	n = strftime(buf, 32, "%Y-%m-%dT%H:%M:%S%z", &tm);
	if (n == 24) {	/* +0100 becomes +01:00 */
		memmove(buf + 23, buf + 22, 3);
		buf[22] = ':';
	}
}

/* Who writes: the login name of the effective user, or its number. */
static void
user_name(char buf[64])
{
	uid_t uid = geteuid();
	struct passwd *pw = getpwuid(uid);

	if (pw != NULL && pw->pw_name != NULL)
		snprintf(buf, 64, "%s", pw->pw_name);
	else
		snprintf(buf, 64, "%lu", (unsigned long)uid);
}

/* The lines as CSV, the header first when the journal is new. */
static char *
format_lines(const struct chain_journal *j, int header, size_t *len)
{
	char when[32], who[64], *text = NULL;
	FILE *fp = open_memstream(&text, len);
	struct chain_out *w;
	size_t i;

	if (fp == NULL)
		chain_errx(CHAIN_EXIT_IO, "out of memory");
	timestamp(when);
	user_name(who);
	w = chain_out_stream(fp, ',', 0, 0);
	if (header)
		chain_out_header(w, chain_format_header(CHAIN_FORMAT_JOURNAL));
	for (i = 0; i < j->n; i++) {
		chain_out_text(w, when);
		chain_out_text(w, who);
		chain_out_text(w, j->lines[i].id);
		chain_out_text(w, j->lines[i].column);
		chain_out_text(w, j->lines[i].old);
		chain_out_text(w, j->lines[i].new_);
		chain_out_text(w, j->lines[i].kind);
		chain_out_end(w);
	}
	chain_out_flush(w);
	chain_out_free(w);
	if (fclose(fp) != 0)
		chain_errx(CHAIN_EXIT_IO, "out of memory");
	return text;
}

/* Whether a file starts with the journal's header line. */
static int
has_header(int fd)
{
	const char *header = chain_format_header(CHAIN_FORMAT_JOURNAL);
	size_t n = strlen(header);
	char buf[128];

	if (n + 1 > sizeof(buf) || pread(fd, buf, n + 1, 0) != (ssize_t)(n + 1))
		return 0;
	return memcmp(buf, header, n) == 0 && (buf[n] == '\n' || buf[n] == '\r');
}

/*
 * The journal's lock, waited for at most wait seconds: a reader holds it
 * for an instant only, so a lock held longer is another's doing, and does
 * not hold the register up for ever.
 */
static int
lock_journal(int fd, double wait)
{
	struct timespec pause = { 0, 50 * 1000 * 1000 };
	double waited = 0;

	while (flock(fd, LOCK_EX | LOCK_NB) != 0) {
		if (errno != EWOULDBLOCK && errno != EINTR)
			return -1;
		if (waited >= wait) {
			errno = EWOULDBLOCK;
			return -1;
		}
		nanosleep(&pause, NULL);
		waited += 0.05;
	}
	return 0;
}

/* why: in the language of the messages already (_() or strerror). */
static int
refuse(const char *path, const char *why, int fd)
{
	chain_warnx("%s: %s; the register is left as it was", path, why);
	chain_raise_status(CHAIN_EXIT_IO);
	if (fd >= 0)
		close(fd);
	return -1;
}

/*
 * The journal opened for appending, created when there is none (with the
 * attributes of the register, open as reg_fd); -1 after reporting why
 * not.  *size is its size.
 */
static int
open_journal(const char *path, int reg_fd, double wait, off_t *size)
{
	struct stat st, reg;
	int fd;

	for (;;) {
		fd = open(path, O_RDWR | O_APPEND | O_NOFOLLOW | O_NONBLOCK |
		    O_CLOEXEC);
		if (fd >= 0 || errno != ENOENT)
			break;
		fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_EXCL |
		    O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0600);
		if (fd >= 0) {
			if (fstat(reg_fd, &reg) == 0)
				chain_copy_attributes(reg_fd, &reg, fd);
			break;
		}
		if (errno != EEXIST)
			break;
	}
	if (fd < 0) {
		if (errno == ELOOP)
			return refuse(path, _("a symbolic link; the journal "
			    "is never written through one"), -1);
		if (errno == ENXIO)
			return refuse(path, _("not a regular file"), -1);
		return refuse(path, strerror(errno), -1);
	}
	if (fstat(fd, &st) != 0)
		return refuse(path, strerror(errno), fd);
	if (!S_ISREG(st.st_mode))
		return refuse(path, _("not a regular file"), fd);
	if (st.st_nlink > 1)
		return refuse(path, _("has other hard links"), fd);
	if (lock_journal(fd, wait) != 0)
		return refuse(path, errno == EWOULDBLOCK ? _("another process "
		    "holds its lock") : strerror(errno), fd);
	if (fstat(fd, &st) != 0)
		return refuse(path, strerror(errno), fd);
	if (st.st_size > 0 && !has_header(fd))
		return refuse(path, _("not a journal of chain-agree (its first "
		    "line is not the journal's header)"), fd);
	*size = st.st_size;
	return fd;
}

static int
write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t k = write(fd, p, n);

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return -1;
		p += k;
		n -= (size_t)k;
	}
	return 0;
}

/*
 * Appends the lines to the journal of the register real (a
 * chain_edit_hook: called under the register's lock, its new version on
 * disk, before the rename) and flushes them to disk.  Returns -1 after
 * reporting a problem; the register is then left as it was.
 */
int
chain_journal_write(void *journal, const char *real, int reg_fd)
{
	const struct chain_journal *j = journal;
	char *path, *text;
	off_t size;
	size_t len;
	int fd, rc = 0;

	if (j->n == 0)
		return 0;
	path = journal_name(real);
	if ((fd = open_journal(path, reg_fd, j->wait, &size)) < 0) {
		free(path);
		return -1;
	}
	text = format_lines(j, size == 0, &len);
	if (write_all(fd, text, len) != 0 || fsync(fd) != 0) {
		refuse(path, strerror(errno), -1);
		rc = -1;
	}
	close(fd);
	free(text);
	free(path);
	return rc;
}

/*
 * The journal at path as it stands now, opened for reading, or NULL: with
 * *missing set when there is none, else after reporting why (status 4).
 * The lines are copied while no writer can be halfway through one.
 */
static struct chain_csv *
open_snapshot(const char *path, const struct chain_opts *o, int *missing)
{
	char buf[64 * 1024];
	struct stat st;
	off_t at = 0;
	FILE *spool;
	int fd, copy;

	*missing = 0;
	if ((fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK |
	    O_CLOEXEC)) < 0) {
		if (errno == ENOENT) {
			*missing = 1;
			return NULL;
		}
		chain_warn("%s", path);
		chain_raise_status(CHAIN_EXIT_IO);
		return NULL;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		chain_warnx("%s: not a regular file", path);
		chain_raise_status(CHAIN_EXIT_IO);
		close(fd);
		return NULL;
	}
	flock(fd, LOCK_SH);
	fstat(fd, &st);
	flock(fd, LOCK_UN);
	if ((spool = tmpfile()) == NULL)
		chain_err(CHAIN_EXIT_IO, "temporary file");
	while (at < st.st_size) {
		size_t want = (size_t)(st.st_size - at) < sizeof(buf) ?
		    (size_t)(st.st_size - at) : sizeof(buf);
		ssize_t n = pread(fd, buf, want, at);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		fwrite(buf, 1, (size_t)n, spool);
		at += n;
	}
	close(fd);
	if (fflush(spool) != 0 || ferror(spool))
		chain_err(CHAIN_EXIT_IO, "temporary file");
	rewind(spool);
	copy = dup(fileno(spool));
	fclose(spool);
	if (copy < 0)
		chain_err(CHAIN_EXIT_IO, "temporary file");
	return chain_csv_fdopen(copy, path, o);
}

/*
 * A journal is read as it is: the register's --column, -d and --encoding
 * are not its (the journal is the toolkit's own, in UTF-8, whatever the
 * register is in).
 */
static struct chain_opts
journal_opts(const struct chain_opts *o)
{
	struct chain_opts opts = *o;

	opts.ncolumn_map = 0;
	opts.delimiter = 0;
	opts.encoding = NULL;
	return opts;
}

/* The columns of a journal; kind may be missing (every change a set). */
struct columns {
	int time, user, id, column, old, new_, kind;
};

static int
journal_columns(struct chain_csv *r, struct columns *c)
{
	static const char *const required[] = { "time", "user", "id",
	    "column", "old", "new", NULL };
	int cols[6];

	if (chain_csv_require(r, required, cols) != 0)
		return -1;
	c->time = cols[0];
	c->user = cols[1];
	c->id = cols[2];
	c->column = cols[3];
	c->old = cols[4];
	c->new_ = cols[5];
	c->kind = chain_csv_column(r, "kind");
	chain_csv_keys(r, CHAIN_FORMAT_JOURNAL);
	return 0;
}

/* A journal's announcements of one agreement, as they are counted. */
struct announcements {
	long n;
	int seen;
};

/* A date of the journal that has happened by as_of (a bad one has not). */
static int
by(const char *date, int as_of)
{
	int days;

	return chain_date_parse(date, &days) == 0 && days <= as_of;
}

static void
count_line(struct chain_map *m, const struct chain_row *row,
    const struct columns *c, int as_of)
{
	struct announcements **slot;
	const char *kind = chain_field(row, c->kind);

	if (!chain_name_same(chain_field(row, c->column), "announced"))
		return;
	slot = (struct announcements **)chain_map_slot(m, chain_field(row,
	    c->id), NULL);
	if (*slot == NULL)
		*slot = chain_calloc(1, sizeof(**slot));
	/* one made before the journal began */
	if (!(*slot)->seen && by(chain_field(row, c->old), as_of))
		(*slot)->n++;
	(*slot)->seen = 1;
	if (strcmp(kind, "correct") != 0 && by(chain_field(row, c->new_), as_of))
		(*slot)->n++;
}

/*
 * How many announcements each agreement of the register at path has had,
 * by --as-of, from its journal (corrections not counted; one made before
 * the journal began counted once): a map of id to a count, or NULL when
 * the register has no journal (or it cannot be read: reported).
 */
struct chain_map *
chain_journal_announcements(const char *path, const struct chain_opts *o)
{
	char *journal = chain_journal_path(path);
	struct chain_opts opts = journal_opts(o);
	struct chain_csv *r;
	const struct chain_row *row;
	struct chain_map *m = NULL;
	struct columns c;
	int missing;

	r = open_snapshot(journal, &opts, &missing);
	free(journal);
	if (r == NULL)
		return NULL;
	if (journal_columns(r, &c) == 0) {
		m = chain_map_new();
		while ((row = chain_csv_read(r)) != NULL)
			count_line(m, row, &c, o->as_of);
	}
	chain_csv_close(r);
	return m;
}

/* An agreement's announcements by that map; 0 for an id it lacks. */
long
chain_journal_count(const struct chain_map *m, const char *id)
{
	const struct announcements *a = chain_map_get(m, id);

	return a != NULL ? a->n : 0;
}

void
chain_journal_counts_free(struct chain_map *m)
{
	chain_map_free(m, free);
}

/* Whether the register at path has an agreement with the id. */
static int
register_has(const char *path, const char *id, const struct chain_opts *o)
{
	struct chain_csv *r = chain_csv_open(path, o);
	struct chain_register c;
	const struct chain_row *row;
	int found = 0;

	if (r == NULL)
		return -1;
	if (chain_register_columns(r, &c) == 0)
		while (!found && (row = chain_csv_read(r)) != NULL)
			found = strcmp(chain_field(row, c.id), id) == 0;
	chain_csv_close(r);
	return found;
}

static long
write_log(struct chain_csv *r, const char *id, struct chain_out *w)
{
	const struct chain_row *row;
	struct columns c;
	long n = 0;

	if (journal_columns(r, &c) != 0)
		return 0;
	while ((row = chain_csv_read(r)) != NULL) {
		if (id != NULL && strcmp(chain_field(row, c.id), id) != 0)
			continue;
		chain_out_text(w, chain_field(row, c.time));
		chain_out_text(w, chain_field(row, c.user));
		chain_out_text(w, chain_field(row, c.id));
		chain_out_text(w, chain_field(row, c.column));
		chain_out_text(w, chain_field(row, c.old));
		chain_out_text(w, chain_field(row, c.new_));
		chain_out_text(w, chain_field(row, c.kind));
		chain_out_end(w);
		n++;
	}
	return n;
}

/*
 * chain-agree log: the journal of the register at path (NULL: a journal
 * on standard input), the lines of agreement id only when id is given.
 * An id that neither the journal nor the register has is an error.
 */
void
chain_journal_log(const char *path, const char *id, const struct chain_opts *o)
{
	struct chain_opts opts = journal_opts(o);
	struct chain_out *w;
	struct chain_csv *r;
	char *journal = NULL;
	long n = 0;
	int missing = 0;

	if (path != NULL && access(path, F_OK) != 0) {
		chain_warn("%s", path);
		chain_raise_status(CHAIN_EXIT_IO);
		return;
	}
	w = chain_out_open(o);
	chain_out_header(w, chain_format_header(CHAIN_FORMAT_JOURNAL));
	if (path == NULL)
		r = chain_csv_open(NULL, &opts);
	else {
		journal = chain_journal_path(path);
		r = open_snapshot(journal, &opts, &missing);
	}
	if (r != NULL) {
		n = write_log(r, id, w);
		chain_csv_close(r);
	}
	if (missing && !o->quiet)
		chain_warnx("warning: %s: no journal yet; %s begins with the "
		    "next add or set", path, journal);
	if (id != NULL && n == 0 && chain_exit_status() < CHAIN_EXIT_DATA &&
	    (path == NULL || register_has(path, id, o) == 0)) {
		chain_warnx("log: no agreement has id '%s' (%s)", id,
		    path == NULL ? _("the journal has none") :
		    _("neither the register nor its journal"));
		chain_raise_status(CHAIN_EXIT_DATA);
	}
	free(journal);
	chain_out_close(w, chain_exit_status() <= CHAIN_EXIT_FOUND);
}
