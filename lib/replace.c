/*
 * replace.c: the locked, atomic rewrite of a register.  A writer takes an
 * exclusive lock on the file, writes the new version to a temporary file in
 * the same directory, flushes it to disk and renames it over the old one,
 * then flushes the directory.  A reader or a crash at any moment sees either
 * the old or the new version, never a mix; concurrent writers queue on the
 * lock and each sees the version its predecessor left.
 *
 * The lock is on the register itself.  Because a rename gives the path a
 * new file, a writer that waited for the lock checks that the file it locked
 * is still the one at the path, and starts again if not.
 */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "chain_priv.h"

static int
lock_current(struct chain_replace *x, int create, struct stat *st)
{
	struct stat now;

	for (;;) {
		int fd = open(x->path, O_RDWR | (create ? O_CREAT : 0), 0666);

		if (fd < 0)
			return -1;
		while (flock(fd, LOCK_EX) != 0)
			if (errno != EINTR) {
				close(fd);
				return -1;
			}
		if (fstat(fd, st) != 0) {
			close(fd);
			return -1;
		}
		if (stat(x->path, &now) == 0 && now.st_ino == st->st_ino &&
		    now.st_dev == st->st_dev) {
			x->fd = fd;
			return 0;
		}
		close(fd);
	}
}

/* The temporary file: a fixed name, which only the lock holder touches. */
static char *
temporary_name(const char *path)
{
	char *copy1 = chain_strdup(path), *copy2 = chain_strdup(path);
	const char *dir = dirname(copy1), *base = basename(copy2);
	size_t n = strlen(dir) + strlen(base) + 16;
	char *tmp = chain_malloc(n);

	snprintf(tmp, n, "%s/.%s.chain-new", dir, base);
	free(copy1);
	free(copy2);
	return tmp;
}

/*
 * Opens and locks path (creating it, empty, when create is set) and the
 * temporary file that will replace it.  Returns -1 after reporting a
 * problem.
 */
int
chain_replace_begin(struct chain_replace *x, const char *path, int create)
{
	struct stat st;
	int fd;

	memset(x, 0, sizeof(*x));
	x->path = path;
	x->fd = -1;
	if (lock_current(x, create, &st) != 0) {
		chain_warn("%s", path);
		chain_raise_status(CHAIN_EXIT_IO);
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		chain_warnx("%s: not a regular file", path);
		chain_raise_status(CHAIN_EXIT_IO);
		close(x->fd);
		return -1;
	}
	x->size = st.st_size;
	x->tmp_path = temporary_name(path);
	fd = open(x->tmp_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd < 0 || (x->tmp = fdopen(fd, "w")) == NULL) {
		chain_warn("%s", x->tmp_path);
		if (fd >= 0)
			close(fd);
		chain_raise_status(CHAIN_EXIT_IO);
		close(x->fd);
		free(x->tmp_path);
		x->tmp_path = NULL;
		return -1;
	}
	fchmod(fd, st.st_mode & 07777);
	if (fchown(fd, st.st_uid, st.st_gid) != 0) {
		/* keep going: the file simply becomes the writer's own */
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

int
chain_replace_commit(struct chain_replace *x)
{
	int failed = 0;

	if (fflush(x->tmp) != 0 || ferror(x->tmp) ||
	    fsync(fileno(x->tmp)) != 0)
		failed = 1;
	if (fclose(x->tmp) != 0)
		failed = 1;
	x->tmp = NULL;
	if (failed) {
		chain_warn("%s", x->tmp_path);
		chain_raise_status(CHAIN_EXIT_IO);
		chain_replace_abort(x);
		return -1;
	}
	if (rename(x->tmp_path, x->path) != 0) {
		chain_warn("%s", x->path);
		chain_raise_status(CHAIN_EXIT_IO);
		chain_replace_abort(x);
		return -1;
	}
	sync_directory(x->path);
	close(x->fd);
	free(x->tmp_path);
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
		free(x->tmp_path);
	}
	if (x->fd >= 0)
		close(x->fd);
	memset(x, 0, sizeof(*x));
	x->fd = -1;
}
