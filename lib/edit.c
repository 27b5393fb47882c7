/*
 * edit.c: a change to one record of a CSV file (or one record added), made
 * so that nothing else in the file changes: every other record is copied
 * byte for byte, with its quoting, its line ends and its unknown columns.
 * The file is locked and replaced atomically (replace.c); what must be
 * written after the new version is on disk and before it is renamed into
 * place (a register's journal) is written then, by the editor's hook.
 * When the change needs a column the file does not have, the column is
 * added at the end and every other record gets an empty field for it.
 *
 * A register in another encoding than UTF-8 (Windows-1252 from Excel,
 * UTF-16) stays in it: the byte ranges of its records are the file's own,
 * so the untouched ones are copied as they are, and what is written anew
 * is encoded (encoding.c).  A value the encoding cannot hold (an emoji in
 * Windows-1252, bytes that are not UTF-8 in UTF-8) is refused before
 * anything is written.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "chain_priv.h"

struct chain_edit {
	struct chain_replace x;
	struct chain_opts opts;
	struct chain_csv *csv;
	char **columns;
	size_t ncolumns, nbase;
	int delimiter, crlf, fresh;
	struct chain_encoding enc;	/* the register's */
	struct chain_encoder *encoder;	/* NULL for UTF-8 */
	FILE *out;		/* the new version: encoded into x.tmp */
	int has_target;
	off_t target_start, target_end;
	long target_line;
	char **target, **append;
	size_t ntarget, nappend;
	chain_edit_hook *before_rename;	/* the journal, or NULL */
	void *hook_ctx;
};

static char **
copy_fields(const char *const fields[], size_t n)
{
	char **copy = chain_calloc(n, sizeof(*copy));
	size_t i;

	for (i = 0; i < n; i++)
		copy[i] = chain_strdup(fields[i] != NULL ? fields[i] : "");
	return copy;
}

static void
free_fields(char **fields, size_t n)
{
	size_t i;

	if (fields == NULL)
		return;
	for (i = 0; i < n; i++)
		free(fields[i]);
	free(fields);
}

static void
add_column(struct chain_edit *e, const char *name)
{
	e->columns = chain_reallocarray(e->columns, e->ncolumns + 1,
	    sizeof(*e->columns));
	e->columns[e->ncolumns++] = chain_strdup(name);
}

/*
 * Locks the file and reads its header.  An empty (or, with create, new) file
 * gets default_header.  The rows are then read with chain_edit_csv.
 */
struct chain_edit *
chain_edit_open(const char *path, const struct chain_opts *o, int create,
    const char *default_header)
{
	struct chain_edit *e = chain_calloc(1, sizeof(*e));
	size_t i;

	e->opts = *o;
	e->opts.allow_ragged = 1;
	e->out = NULL;
	if (chain_replace_begin(&e->x, path, create, o->lock_wait) != 0) {
		free(e);
		return NULL;
	}
	if (e->x.size == 0) {
		const char *p = default_header;

		e->fresh = 1;
		e->delimiter = o->delimiter ? o->delimiter : ',';
		while (p != NULL) {
			const char *comma = strchr(p, ',');
			char *name = chain_strndup(p, comma ? (size_t)(comma - p) :
			    strlen(p));

			add_column(e, name);
			free(name);
			p = comma ? comma + 1 : NULL;
		}
		e->nbase = 0;
		/* a new register is written in the encoding named, if any */
		chain_encoding_named(&e->enc, o->encoding != NULL ?
		    o->encoding : "UTF-8", NULL, 0);
		e->encoder = chain_encoder_open(&e->enc);
		return e;
	}
	e->csv = chain_csv_fdopen(dup(e->x.fd), path, &e->opts);
	if (chain_csv_errors(e->csv) > 0) {
		chain_edit_abort(e);
		return NULL;
	}

	for (i = 0; i < chain_csv_ncolumns(e->csv); i++)
		add_column(e, chain_csv_column_name(e->csv, i));
	e->nbase = e->ncolumns;
	e->delimiter = chain_csv_delimiter(e->csv);
	e->crlf = chain_csv_crlf(e->csv);
	return e;
}

/* The reader over the file's rows, or NULL for a new file. */
struct chain_csv *
chain_edit_csv(struct chain_edit *e)
{
	return e->csv;
}

size_t
chain_edit_ncolumns(const struct chain_edit *e)
{
	return e->ncolumns;
}

/*
 * The index of a column, added at the end when the file lacks it.  The
 * file's own columns are found as the reader finds them (a Dutch name,
 * --column); a column added before by its name.
 */
int
chain_edit_column(struct chain_edit *e, const char *name)
{
	size_t i;
	int col;

	if (e->csv != NULL && (col = chain_csv_column(e->csv, name)) >= 0)
		return col;
	for (i = e->csv != NULL ? e->nbase : 0; i < e->ncolumns; i++)
		if (chain_name_same(e->columns[i], name))
			return (int)i;
	add_column(e, name);
	return (int)e->ncolumns - 1;
}

/*
 * Whether every field can be written in the register's encoding; each one
 * that cannot (an emoji in Windows-1252) is reported.
 */
static void
check_fields(struct chain_edit *e, long line, char **fields, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		char shown[48];
		const char *f = fields[i];

		if (chain_encoder_fits(e->encoder, f))
			continue;
		snprintf(shown, sizeof(shown), "%.*s%s", (int)chain_utf8_cut(f,
		    40), f, f[chain_utf8_cut(f, 40)] != '\0' ? "..." : "");
		if (e->csv != NULL)
			chain_csv_error(e->csv, line, e->columns[i], "'%s' cannot "
			    "be written in %s, the register's encoding", shown,
			    e->enc.shown);
		else {
			chain_warnx("%s: %s: '%s' cannot be written in %s",
			    e->x.path, e->columns[i], shown, e->enc.shown);
			chain_raise_status(CHAIN_EXIT_DATA);
		}
	}
}

/* The record row is to be written as fields (one per column). */
void
chain_edit_replace(struct chain_edit *e, const struct chain_row *row,
    const char *const fields[])
{
	free_fields(e->target, e->ntarget);
	e->ntarget = e->ncolumns;
	e->target = copy_fields(fields, e->ntarget);
	e->has_target = 1;
	e->target_line = row->line;
	e->target_start = row->start;
	e->target_end = row->end;
}

void
chain_edit_append(struct chain_edit *e, const char *const fields[])
{
	free_fields(e->append, e->nappend);
	e->nappend = e->ncolumns;
	e->append = copy_fields(fields, e->nappend);
}

/* A record of n fields, padded with empty ones to the file's width. */
static void
write_record(struct chain_edit *e, struct chain_out *w, char **fields,
    size_t n)
{
	size_t i;

	for (i = 0; i < e->ncolumns; i++)
		chain_out_text(w, i < n ? fields[i] : "");
	chain_out_end(w);
}

/*
 * What the new version holds so far goes out before bytes of the old one
 * are copied after it.
 */
static void
sync_out(struct chain_edit *e, struct chain_out *w)
{
	chain_out_flush(w);
	fflush(e->out);
}

/* Where a record's bytes end without its line end (LF or CRLF). */
static off_t
body_end(struct chain_edit *e, off_t start, off_t end)
{
	unsigned char tail[8];
	off_t u = (off_t)e->enc.unit;
	off_t from = end - 2 * u < start ? start : end - 2 * u;
	ssize_t n = pread(e->x.fd, tail, (size_t)(end - from), from);

	if (n >= u && memcmp(tail + n - u, e->enc.nl, (size_t)u) == 0) {
		end -= u;
		if (n == 2 * u && memcmp(tail, e->enc.cr, (size_t)u) == 0)
			end -= u;
	}
	return end;
}

/* Every record copied, with an empty field for each added column. */
static int
copy_widened(struct chain_edit *e, struct chain_out *w)
{
	struct chain_csv *r;
	const struct chain_row *row;
	size_t i;

	if (lseek(e->x.fd, 0, SEEK_SET) != 0)
		return -1;
	r = chain_csv_fdopen(dup(e->x.fd), e->x.path, &e->opts);
	chain_replace_copy(&e->x, 0, body_end(e, 0, chain_csv_header_end(r)));
	chain_out_resume(w, e->nbase);
	for (i = e->nbase; i < e->ncolumns; i++)
		chain_out_text(w, e->columns[i]);
	chain_out_end(w);
	while ((row = chain_csv_read(r)) != NULL) {
		if (e->has_target && row->line == e->target_line) {
			write_record(e, w, e->target, e->ntarget);
			continue;
		}
		sync_out(e, w);
		chain_replace_copy(&e->x, row->start,
		    body_end(e, row->start, row->end));
		chain_out_resume(w, row->nfields);
		for (i = row->nfields; i < e->ncolumns; i++)
			chain_out_empty(w);
		chain_out_end(w);
	}
	return chain_csv_close(r);
}

static int
ends_in_newline(struct chain_edit *e)
{
	unsigned char last[4];
	size_t u = e->enc.unit;

	return e->x.size == 0 || ((off_t)u <= e->x.size && pread(e->x.fd, last,
	    u, e->x.size - (off_t)u) == (ssize_t)u &&
	    memcmp(last, e->enc.nl, u) == 0);
}

static int
write_new_version(struct chain_edit *e, struct chain_out *w)
{
	if (e->fresh)
		write_record(e, w, e->columns, e->ncolumns);
	else if (e->ncolumns > e->nbase) {
		if (copy_widened(e, w) != 0)
			return -1;
	} else if (e->has_target) {
		chain_replace_copy(&e->x, 0, e->target_start);
		write_record(e, w, e->target, e->ntarget);
		sync_out(e, w);
		chain_replace_copy(&e->x, e->target_end, e->x.size);
	} else {
		chain_replace_copy(&e->x, 0, e->x.size);
		if (!ends_in_newline(e))
			chain_out_end(w);
	}
	if (e->append != NULL)
		write_record(e, w, e->append, e->nappend);
	return 0;
}

/*
 * What must be written after the new version is on disk and before it
 * takes the old one's place (the journal of record.c): fn gets the file
 * itself (a link resolved) and its locked descriptor, and returns -1 to
 * leave the file as it was.
 */
void
chain_edit_before_rename(struct chain_edit *e, chain_edit_hook *fn,
    void *ctx)
{
	e->before_rename = fn;
	e->hook_ctx = ctx;
}

/* Writes the new version and puts it in place of the old one. */
int
chain_edit_commit(struct chain_edit *e)
{
	struct chain_out *w;
	int rc;

	if (e->csv != NULL && chain_csv_errors(e->csv) > 0) {
		chain_edit_abort(e);
		return -1;
	}
	/* the encoding the whole file was read in: Windows-1252 may show
	   itself only after rows of ASCII */
	if (e->csv != NULL) {
		e->enc = *chain_csv_encoding(e->csv);
		e->encoder = chain_encoder_open(&e->enc);
		/* read again (widened) as now, without its warnings again */
		e->opts.encoding = e->enc.name;
		e->opts.quiet = 1;
	}
	if (e->has_target)
		check_fields(e, e->target_line, e->target, e->ntarget);
	if (e->append != NULL)
		check_fields(e, 0, e->append, e->nappend);
	if (chain_exit_status() >= CHAIN_EXIT_DATA) {
		chain_edit_abort(e);
		return -1;
	}
	e->out = e->encoder != NULL ? chain_encoder_stream(e->encoder,
	    e->x.tmp) : e->x.tmp;
	if (e->out == NULL) {
		chain_warn("%s", e->x.path);
		chain_raise_status(CHAIN_EXIT_IO);
		chain_edit_abort(e);
		return -1;
	}
	/* a new UTF-16 register starts with its mark, as Excel writes it */
	if (e->fresh && e->enc.bom > 0)
		fputs("\xEF\xBB\xBF", e->out);
	w = chain_out_stream(e->out, e->delimiter, 0, e->crlf);
	rc = write_new_version(e, w);
	chain_out_free(w);
	if (e->out != e->x.tmp && fclose(e->out) != 0) {
		chain_warn("%s", e->x.path);
		chain_raise_status(CHAIN_EXIT_IO);
		rc = -1;
	}
	e->out = NULL;
	if (rc != 0 || chain_exit_status() >= CHAIN_EXIT_DATA ||
	    chain_replace_sync(&e->x) != 0 || (e->before_rename != NULL &&
	    e->before_rename(e->hook_ctx, e->x.real, e->x.fd) != 0)) {
		chain_edit_abort(e);
		return -1;
	}
	rc = chain_replace_commit(&e->x);
	e->x.fd = -1;
	chain_edit_abort(e);
	return rc;
}

/* Leaves the file as it was and frees the edit. */
void
chain_edit_abort(struct chain_edit *e)
{
	if (e->x.fd >= 0 || e->x.tmp != NULL)
		chain_replace_abort(&e->x);
	if (e->csv != NULL)
		chain_csv_close(e->csv);
	free_fields(e->target, e->ntarget);
	free_fields(e->append, e->nappend);
	free_fields(e->columns, e->ncolumns);
	chain_encoder_free(e->encoder);
	free(e);
}
