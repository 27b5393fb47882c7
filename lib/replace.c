/*
 * replace.c: the locked, atomic rewrite of a register, safe in a directory
 * that others share.  A writer takes an exclusive lock on the register
 * itself (flock, waiting at most --wait seconds), writes the new version to
 * a temporary file beside it, flushes it to disk (chain_replace_sync; what
 * must follow the new version and precede the rename, a journal, is
 * written then) and renames it over the old one, then flushes the
 * directory.  A reader or a crash at any moment
 * sees the old or the new version, never a mix; concurrent writers queue
 * on the lock and each sees the version its predecessor left.
 *
 * Nothing a co-user plants can be followed: the temporary file has an
 * unpredictable name and is created exclusively (mkstemp), so a link or a
 * FIFO of any name is never opened; it is removed on every error and on
 * SIGINT, SIGTERM and SIGHUP.  The new version keeps the register's owner
 * (when the writer may give it; else its group alone), mode and ACL.  A
 * register named through a symbolic link is edited where the link points,
 * and stays a link; a register with hard links is refused, since a rename
 * would split them.  Because a rename gives the path a new file, a writer
 * that waited for the lock checks that the file it locked is still the one
 * at the path, and starts again if not.
 */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/acl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "chain_priv.h"

/* The temporary files a signal must not leave behind. */
#define TEMPS 8
static char *volatile temps[TEMPS];
static int handlers;

static void
on_signal(int sig)
{
	int i;

	for (i = 0; i < TEMPS; i++)
		if (temps[i] != NULL)
			unlink(temps[i]);
	signal(sig, SIG_DFL);
	raise(sig);
}

/* path is a temporary file until chain_temp_drop: a signal removes it. */
void
chain_temp_hold(char *path)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP };
	struct sigaction sa;
	size_t i;

	if (!handlers) {
		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = on_signal;
		sigemptyset(&sa.sa_mask);
		for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
			struct sigaction old;

			/* an ignored signal (nohup) stays ignored */
			if (sigaction(sigs[i], NULL, &old) == 0 &&
			    old.sa_handler != SIG_IGN)
				sigaction(sigs[i], &sa, NULL);
		}
		handlers = 1;
	}
	for (i = 0; i < TEMPS; i++)
		if (temps[i] == NULL) {
			temps[i] = path;
			return;
		}
}

void
chain_temp_drop(const char *path)
{
	int i;

	for (i = 0; i < TEMPS; i++)
		if (temps[i] == path)
			temps[i] = NULL;
}

/*
 * A file made to replace another gets its owner (the writer's own, when
 * it may not give it: then the group alone), mode and ACL.
 */
void
chain_copy_attributes(int from, const struct stat *st, int to)
{
	acl_t acl;

	if (fchown(to, st->st_uid, st->st_gid) != 0 &&
	    fchown(to, (uid_t)-1, st->st_gid) != 0) {
		/* neither: the file is the writer's, in the writer's group */
	}
	fchmod(to, st->st_mode & 07777);
	/* after the mode, which sets an extended ACL's mask */
	if (from >= 0 && (acl = acl_get_fd(from)) != NULL) {
		acl_set_fd(to, acl);
		acl_free(acl);
	}
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/*
 * The exclusive lock, waited for at most wait seconds: -1 (errno
 * EWOULDBLOCK) when another writer still holds it then.
 */
static int
lock(struct chain_replace *x, int fd, double wait)
{
	double until = now() + wait;
	int told = 0;

	while (flock(fd, LOCK_EX | LOCK_NB) != 0) {
		struct timespec pause = { 0, 50 * 1000 * 1000 };

		if (errno != EWOULDBLOCK && errno != EINTR)
			return -1;
		if (now() >= until) {
			errno = EWOULDBLOCK;
			return -1;
		}
		if (!told && isatty(STDERR_FILENO)) {
			chain_warnx("%s: waiting for another writer's lock (up "
			    "to %g s)", x->path, wait);
			told = 1;
		}
		nanosleep(&pause, NULL);
	}
	return 0;
}

/*
 * The register opened (never through a link planted since it was named)
 * and locked: 0, or LOCK_OPEN (errno tells), LOCK_NOT_FILE, LOCK_BUSY.
 */
enum { LOCK_OPEN = 1, LOCK_NOT_FILE, LOCK_BUSY };

static int
lock_current(struct chain_replace *x, int create, double wait,
    struct stat *st)
{
	struct stat now_st;

	for (;;) {
		int fd = open(x->real, O_RDWR | O_NOFOLLOW | O_NONBLOCK |
		    O_CLOEXEC | (create ? O_CREAT : 0), 0666);
		int rc = 0;

		if (fd < 0)
			return LOCK_OPEN;
		if (fstat(fd, st) != 0)
			rc = LOCK_OPEN;
		else if (!S_ISREG(st->st_mode))
			rc = LOCK_NOT_FILE;
		else if (lock(x, fd, wait) != 0)
			rc = errno == EWOULDBLOCK ? LOCK_BUSY : LOCK_OPEN;
		else if (fstat(fd, st) != 0)
			rc = LOCK_OPEN;
		if (rc != 0) {
			int saved = errno;

			close(fd);
			errno = saved;
			return rc;
		}
		if (stat(x->real, &now_st) == 0 &&
		    now_st.st_ino == st->st_ino && now_st.st_dev == st->st_dev) {
			x->fd = fd;
			return 0;
		}
		close(fd);
	}
}

/* The file the path names: the path, or the file a link points at. */
char *
chain_real_path(const char *path)
{
	struct stat st;

	if (lstat(path, &st) != 0 || !S_ISLNK(st.st_mode))
		return chain_strdup(path);
	return realpath(path, NULL);
}

/*
 * The replacement given up, with the message fmt: the path, then what when
 * the message has a second %s (an argument beyond the format is ignored).
 */
static void
fail(struct chain_replace *x, const char *fmt, const char *what)
{
	if (fmt != NULL)
		chain_warnx(fmt, x->path, what);
	else
		chain_warn("%s", x->path);
	chain_raise_status(CHAIN_EXIT_IO);
	if (x->fd >= 0)
		close(x->fd);
	x->fd = -1;
	free(x->real);
	x->real = NULL;
}

/* The temporary file beside the real one: an unpredictable name. */
static int
open_temporary(struct chain_replace *x, const struct stat *st)
{
	char *copy1 = chain_strdup(x->real), *copy2 = chain_strdup(x->real);
	const char *dir = dirname(copy1), *base = basename(copy2);
	size_t n = strlen(dir) + strlen(base) + 16;
	int fd;

	x->tmp_path = chain_malloc(n);
	snprintf(x->tmp_path, n, "%s/.%s.XXXXXX", dir, base);
	free(copy1);
	free(copy2);
	if ((fd = mkstemp(x->tmp_path)) < 0) {
		free(x->tmp_path);
		x->tmp_path = NULL;
		return -1;
	}
	chain_temp_hold(x->tmp_path);
	chain_copy_attributes(x->fd, st, fd);
	if ((x->tmp = fdopen(fd, "w")) == NULL) {
		close(fd);
		return -1;
	}
	return 0;
}

/*
 * Opens and locks path (creating it, empty, when create is set), waiting
 * at most wait seconds for another writer, and the temporary file that
 * will replace it.  Returns -1 after reporting a problem (status 4).
 */
int
chain_replace_begin(struct chain_replace *x, const char *path, int create,
    double wait)
{
	char waited[32];
	struct stat st;

	memset(x, 0, sizeof(*x));
	x->path = path;
	x->fd = -1;
	if ((x->real = chain_real_path(path)) == NULL) {
		fail(x, N_("%s: a link to nowhere"), NULL);
		return -1;
	}
	switch (lock_current(x, create, wait, &st)) {
	case 0:
		break;
	case LOCK_BUSY:
		snprintf(waited, sizeof(waited), "%g s", wait);
		fail(x, N_("%s: another writer holds the lock; given up after "
		    "%s (--wait SECONDS waits longer)"), waited);
		return -1;
	case LOCK_NOT_FILE:
		fail(x, N_("%s: not a regular file"), NULL);
		return -1;
	default:
		if (errno == ELOOP)
			fail(x, N_("%s: became a link while being opened"),
			    NULL);
		else
			fail(x, NULL, NULL);
		return -1;
	}
	if (st.st_nlink > 1) {
		fail(x, N_("%s: has other hard links; replacing it would "
		    "split them (keep one name, or edit a copy)"), NULL);
		return -1;
	}
	x->size = st.st_size;
	if (open_temporary(x, &st) != 0) {
		chain_warn("%s", x->tmp_path != NULL ? x->tmp_path : x->path);
		chain_replace_abort(x);
		chain_raise_status(CHAIN_EXIT_IO);
		return -1;
	}
	return 0;
}

/* Copies bytes [from, to) of the original file into the new version. */
int
chain_replace_copy(struct chain_replace *x, off_t from, off_t to)
{
	char buf[64 * 1024];

	while (from < to) {
		size_t want = (size_t)(to - from) < sizeof(buf) ?
		    (size_t)(to - from) : sizeof(buf);
		ssize_t n = pread(x->fd, buf, want, from);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			chain_warn("%s: read error", x->path);
			chain_raise_status(CHAIN_EXIT_IO);
			return -1;
		}
		fwrite(buf, 1, (size_t)n, x->tmp);
		from += n;
	}
	return 0;
}

static void
sync_directory(const char *path)
{
	char *copy = chain_strdup(path);
	int fd = open(dirname(copy), O_RDONLY);

	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	free(copy);
}

/*
 * The new version flushed to disk and closed, before anything that must
 * not come before it (the journal) is written; -1 after reporting a
 * problem, the file left as it was.
 */
int
chain_replace_sync(struct chain_replace *x)
{
	int failed = 0;

	if (x->tmp == NULL)
		return 0;
	if (fflush(x->tmp) != 0 || ferror(x->tmp) ||
	    fsync(fileno(x->tmp)) != 0)
		failed = 1;
	if (fclose(x->tmp) != 0)
		failed = 1;
	x->tmp = NULL;
	if (failed) {
		chain_warn("%s", x->path);
		chain_raise_status(CHAIN_EXIT_IO);
		chain_replace_abort(x);
		return -1;
	}
	return 0;
}

int
chain_replace_commit(struct chain_replace *x)
{
	if (chain_replace_sync(x) != 0)
		return -1;
	/* the real file: a link to it stays a link */
	if (rename(x->tmp_path, x->real) != 0) {
		chain_warn("%s", x->path);
		chain_raise_status(CHAIN_EXIT_IO);
		chain_replace_abort(x);
		return -1;
	}
	chain_temp_drop(x->tmp_path);
	sync_directory(x->real);
	close(x->fd);
	free(x->tmp_path);
	free(x->real);
	memset(x, 0, sizeof(*x));
	x->fd = -1;
	return 0;
}

/* Leaves the file as it was; the caller sets the exit status. */
void
chain_replace_abort(struct chain_replace *x)
{
	if (x->tmp != NULL)
		fclose(x->tmp);
	if (x->tmp_path != NULL) {
		unlink(x->tmp_path);
		chain_temp_drop(x->tmp_path);
		free(x->tmp_path);
	}
	if (x->fd >= 0)
		close(x->fd);
	free(x->real);
	memset(x, 0, sizeof(*x));
	x->fd = -1;
}
