/*
 * instrument.c: a survey instrument.  An instrument is a list of statements
 * (items), each scoring one dimension on an answer scale; negatively worded
 * items are reverse scored.  It is a CSV file (item,dimension,text and
 * optionally dimension_nl, text_nl, reverse, min, max), either the user's own or one of
 * the built-in instruments in the data directory: $CHAIN_DATA_DIR, else the
 * directory compiled in, else examples/ of the source tree the program was
 * built in.  The items of a dimension share one scale, so that a dimension
 * score is a mean on that scale; when every dimension shares it, the
 * respondent's overall score (dimension '*') exists too.  The cells a
 * command shows are the dimensions and then '*'; items lists the built-in
 * instruments.
 */
#include <dirent.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "chain_priv.h"

#ifndef CHAIN_DATADIR
#define CHAIN_DATADIR "/usr/local/share/chain"
#endif

#define INSTRUMENTS "/instruments"
#define SOURCE_TREE "/examples/instruments"
#define BESIDE_BIN "/share/chain/instruments"	/* PREFIX/bin beside it */
/*
 * How far up from the program's directory the source tree is looked for:
 * it holds bin/, or build/san/bin/ for the sanitizer build.
 */
#define PARENTS_SEARCHED 4

/* The columns of a responses file; no item may be called so. */
static const char *const reserved[] = { "respondent", "partner", "about",
	"wave", "item", "value", NULL };

int
chain_reserved_column(const char *name)
{
	size_t i;

	for (i = 0; reserved[i] != NULL; i++)
		if (chain_strcasecmp(name, reserved[i]) == 0)
			return 1;
	return 0;
}

struct columns {
	int item, dimension, dimension_nl, text, text_nl, reverse, min, max;
};

static int
find_columns(struct chain_csv *r, struct columns *c)
{
	static const char *const required[] = { "item", "dimension", "text",
		NULL };
	int cols[3];

	chain_csv_keys(r, CHAIN_FORMAT_ITEMS);
	if (chain_csv_require(r, required, cols) != 0)
		return -1;
	c->item = cols[0];
	c->dimension = cols[1];
	c->text = cols[2];
	c->dimension_nl = chain_csv_column(r, "dimension_nl");
	c->text_nl = chain_csv_column(r, "text_nl");
	c->reverse = chain_csv_column(r, "reverse");
	c->min = chain_csv_column(r, "min");
	c->max = chain_csv_column(r, "max");
	return 0;
}

/* 1/yes/ja/true or 0/no/nee/false (empty is 0); -1 for anything else. */
static int
parse_flag(const char *s)
{
	static const char *const yes[] = { "1", "yes", "ja", "true", "y", "j",
		NULL };
	static const char *const no[] = { "", "0", "no", "nee", "false", "n",
		NULL };
	char *copy = chain_strdup(s), *t = chain_trim(copy);
	int i, v = -1;

	for (i = 0; yes[i] != NULL && v < 0; i++)
		if (chain_strcasecmp(t, yes[i]) == 0)
			v = 1;
	for (i = 0; no[i] != NULL && v < 0; i++)
		if (chain_strcasecmp(t, no[i]) == 0)
			v = 0;
	free(copy);
	return v;
}

static char *
trimmed_copy(const char *s)
{
	char *copy = chain_strdup(s), *t = chain_trim(copy);

	memmove(copy, t, strlen(t) + 1);
	return copy;
}

/* Reads min and max of an item; the default scale where they are empty. */
static int
read_scale(struct chain_csv *r, const struct chain_row *row,
    const struct columns *c, struct chain_item *it)
{
	int a = c->min >= 0 ? chain_csv_number(r, row, c->min, &it->min) : 0;
	int b = c->max >= 0 ? chain_csv_number(r, row, c->max, &it->max) : 0;

	if (a < 0 || b < 0)
		return -1;
	if (it->min >= it->max) {
		chain_csv_error(r, row->line, c->max >= 0 ?
		    chain_csv_column_name(r, (size_t)c->max) : NULL,
		    "the scale %g-%g is empty (min must be below max)",
		    it->min, it->max);
		return -1;
	}
	return 0;
}

static int
check_item_id(struct chain_csv *r, const struct chain_row *row,
    const struct columns *c, const struct chain_instrument *in,
    const char *id)
{
	const char *column = chain_csv_column_name(r, (size_t)c->item);

	if (*id == '\0') {
		chain_csv_error(r, row->line, column, "missing value");
		return -1;
	}
	if (chain_reserved_column(id)) {
		chain_csv_error(r, row->line, column, "'%s' is a column of the "
		    "responses and cannot be an item", id);
		return -1;
	}
	if (chain_instrument_item(in, id) >= 0) {
		chain_csv_error(r, row->line, column, "item '%s' appears more "
		    "than once", id);
		return -1;
	}
	return 0;
}

static int
check_dimension(struct chain_csv *r, const struct chain_row *row,
    const struct columns *c, const char *name)
{
	const char *column = chain_csv_column_name(r, (size_t)c->dimension);

	if (*name == '\0') {
		chain_csv_error(r, row->line, column, "missing value");
		return -1;
	}
	if (strcmp(name, CHAIN_OVERALL) == 0) {
		chain_csv_error(r, row->line, column, "'*' is the overall "
		    "score, not a dimension");
		return -1;
	}
	return 0;
}

/* The dimension of that name, made when it is new. */
static size_t
dimension_of(struct chain_instrument *in, const char *name,
    const struct chain_item *it)
{
	struct chain_dimension *d;
	size_t i;

	for (i = 0; i < in->ndims; i++)
		if (strcmp(in->dims[i].name, name) == 0)
			return i;
	in->dims = chain_reallocarray(in->dims, in->ndims + 1,
	    sizeof(*in->dims));
	d = &in->dims[in->ndims];
	memset(d, 0, sizeof(*d));
	d->name = chain_strdup(name);
	d->min = it->min;
	d->max = it->max;
	return in->ndims++;
}

static int
add_item(struct chain_instrument *in, struct chain_csv *r,
    const struct chain_row *row, const struct columns *c, double min,
    double max)
{
	struct chain_item it;
	struct chain_dimension *d;
	char *id = trimmed_copy(chain_field(row, c->item));
	char *dim = trimmed_copy(chain_field(row, c->dimension));
	int bad;

	memset(&it, 0, sizeof(it));
	it.min = min;
	it.max = max;
	bad = check_item_id(r, row, c, in, id);
	bad |= check_dimension(r, row, c, dim);
	bad |= read_scale(r, row, c, &it);
	if (c->reverse >= 0 &&
	    (it.reverse = parse_flag(chain_field(row, c->reverse))) < 0) {
		chain_csv_error(r, row->line, chain_csv_column_name(r,
		    (size_t)c->reverse), "'%s' is not 1 (yes) or 0 (no)",
		    chain_field(row, c->reverse));
		bad = -1;
	}
	if (!bad) {
		it.dimension = dimension_of(in, dim, &it);
		d = &in->dims[it.dimension];
		if (d->name_nl == NULL && c->dimension_nl >= 0 &&
		    *chain_field(row, c->dimension_nl) != '\0')
			d->name_nl = trimmed_copy(chain_field(row,
			    c->dimension_nl));
		if (d->min != it.min || d->max != it.max) {
			chain_csv_error(r, row->line, NULL, "item '%s' is on "
			    "scale %g-%g, the other items of '%s' on %g-%g",
			    id, it.min, it.max, dim, d->min, d->max);
			bad = -1;
		}
	}
	free(dim);
	if (bad) {
		free(id);
		return -1;
	}
	it.id = id;
	it.text = chain_strdup(chain_field(row, c->text));
	it.text_nl = c->text_nl >= 0 ?
	    chain_strdup(chain_field(row, c->text_nl)) : NULL;
	in->items = chain_reallocarray(in->items, in->nitems + 1,
	    sizeof(*in->items));
	in->items[in->nitems++] = it;
	return 0;
}

/* Each dimension's list of items, and whether one scale holds throughout. */
static void
link_dimensions(struct chain_instrument *in)
{
	size_t i;

	for (i = 0; i < in->ndims; i++)
		in->dims[i].items = chain_calloc(in->nitems,
		    sizeof(*in->dims[i].items));
	in->overall = 1;
	for (i = 0; i < in->nitems; i++) {
		struct chain_dimension *d = &in->dims[in->items[i].dimension];

		d->items[d->nitems++] = i;
		if (d->min != in->dims[0].min || d->max != in->dims[0].max)
			in->overall = 0;
	}
}

static char *
name_of(const char *path)
{
	const char *base = strrchr(path, '/');
	size_t n;

	base = base != NULL ? base + 1 : path;
	n = strlen(base);
	if (n > 4 && strcmp(base + n - 4, ".csv") == 0)
		n -= 4;
	return chain_strndup(base, n);
}

/*
 * Reads an instrument; min and max are the scale of items that give none.
 * Every problem is reported; NULL when there was any.
 */
struct chain_instrument *
chain_instrument_read(const char *path, const struct chain_opts *o,
    double min, double max)
{
	struct chain_opts own = *o;
	struct chain_instrument *in;
	struct chain_csv *r;
	const struct chain_row *row;
	struct columns c;
	int bad = 0;

	/* -d and --encoding are about the responses; the instruments that
	   come with the toolkit are UTF-8, one of a user's is detected */
	own.delimiter = 0;
	own.encoding = NULL;
	if ((r = chain_csv_open(path, &own)) == NULL)
		return NULL;
	in = chain_calloc(1, sizeof(*in));
	in->name = name_of(path);
	if (find_columns(r, &c) != 0)
		bad = 1;
	else
		while ((row = chain_csv_read(r)) != NULL)
			if (add_item(in, r, row, &c, min, max) != 0)
				bad = 1;
	if (!bad && chain_csv_errors(r) == 0 && in->nitems == 0) {
		chain_csv_error(r, 0, NULL, "the instrument has no items");
		bad = 1;
	}
	if (chain_csv_close(r) != 0 || bad) {
		chain_instrument_free(in);
		return NULL;
	}
	link_dimensions(in);
	return in;
}

/* Its name, as messages give it: the file's, without directory and .csv. */
const char *
chain_instrument_name(const struct chain_instrument *in)
{
	return in->name;
}

void
chain_instrument_free(struct chain_instrument *in)
{
	size_t i;

	if (in == NULL)
		return;
	for (i = 0; i < in->nitems; i++) {
		free(in->items[i].id);
		free(in->items[i].text);
		free(in->items[i].text_nl);
	}
	for (i = 0; i < in->ndims; i++) {
		free(in->dims[i].name);
		free(in->dims[i].name_nl);
		free(in->dims[i].items);
	}
	free(in->items);
	free(in->dims);
	free(in->name);
	free(in);
}

/* The index of an item (ids match as column names do), or -1. */
int
chain_instrument_item(const struct chain_instrument *in, const char *id)
{
	size_t i;

	for (i = 0; i < in->nitems; i++)
		if (chain_strcasecmp(in->items[i].id, id) == 0)
			return (int)i;
	return -1;
}

/* The index of a dimension, ndims for '*', or -1. */
int
chain_instrument_dimension(const struct chain_instrument *in,
    const char *name)
{
	size_t i;

	if (strcmp(name, CHAIN_OVERALL) == 0)
		return in->overall ? (int)in->ndims : -1;
	for (i = 0; i < in->ndims; i++)
		if (strcmp(in->dims[i].name, name) == 0)
			return (int)i;
	for (i = 0; i < in->ndims; i++)
		if (chain_strcasecmp(in->dims[i].name, name) == 0)
			return (int)i;
	return -1;
}

/*
 * The cell of --dimension NAME: a dimension, or ndims for '*'; -1 when no
 * name is given, for every cell.  An unknown name is a usage error.
 */
int
chain_instrument_cell(const struct chain_instrument *in, const char *name)
{
	int cell;

	if (name == NULL)
		return -1;
	if ((cell = chain_instrument_dimension(in, name)) >= 0)
		return cell;
	if (strcmp(name, CHAIN_OVERALL) == 0)
		chain_usage_error("--dimension: instrument '%s' has no "
		    "dimension '%s' (its dimensions are on different scales)",
		    in->name, name);
	chain_usage_error("--dimension: instrument '%s' has no dimension '%s'",
	    in->name, name);
}

/* Whether a command shows cell c: the one chosen, else every one there is. */
int
chain_cell_shown(const struct chain_instrument *in, int chosen, size_t c)
{
	if (chosen >= 0)
		return (int)c == chosen;
	return c < in->ndims || in->overall;
}

const char *
chain_cell_name(const struct chain_instrument *in, size_t c)
{
	return c < in->ndims ? in->dims[c].name : CHAIN_OVERALL;
}

/* --scale MIN-MAX: the scale of the items whose instrument gives none. */
void
chain_scale_parse(const char *arg, double *min, double *max)
{
	const char *dash = arg[0] != '\0' ? strchr(arg + 1, '-') : NULL;
	char *lo;
	int ok;

	if (dash == NULL)
		chain_usage_error("--scale: '%s' is not MIN-MAX", arg);
	lo = chain_strndup(arg, (size_t)(dash - arg));
	ok = chain_number_parse(lo, 0, min) == 0 &&
	    chain_number_parse(dash + 1, 0, max) == 0 && *min < *max;
	free(lo);
	if (!ok)
		chain_usage_error("--scale: '%s' is not MIN-MAX with MIN below "
		    "MAX", arg);
}

/* The instrument as CSV, its texts in English or (where given) Dutch. */
void
chain_instrument_write(struct chain_out *w, const struct chain_instrument *in,
    int dutch)
{
	size_t i;

	chain_out_header(w, chain_format_header(CHAIN_FORMAT_ITEMS));
	for (i = 0; i < in->nitems; i++) {
		const struct chain_item *it = &in->items[i];

		chain_out_text(w, it->id);
		chain_out_text(w, dutch && in->dims[it->dimension].name_nl !=
		    NULL ? in->dims[it->dimension].name_nl :
		    in->dims[it->dimension].name);
		chain_out_text(w, dutch && it->text_nl != NULL &&
		    *it->text_nl != '\0' ? it->text_nl : it->text);
		chain_out_int(w, it->reverse);
		chain_out_number(w, it->min);
		chain_out_number(w, it->max);
		chain_out_end(w);
	}
}

static int
is_directory(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static char *
joined(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b);
	char *s = chain_malloc(na + nb + 1);

	memcpy(s, a, na);
	memcpy(s + na, b, nb + 1);
	return s;
}

/* The program's own path: the kernel's word for it, else argv[0]. */
static char *
executable(const char *argv0)
{
	char buf[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);

	if (n > 0) {
		buf[n] = '\0';
		return chain_strdup(buf);
	}
	if (argv0 != NULL && strchr(argv0, '/') != NULL)
		return chain_strdup(argv0);
	return NULL;
}

/* dir + suffix when that is a directory, else NULL. */
static char *
existing(const char *dir, const char *suffix)
{
	char *path = joined(*dir != '\0' ? dir : "/", suffix);

	if (is_directory(path))
		return path;
	free(path);
	return NULL;
}

/*
 * The instruments near the program: PREFIX/share/chain/instruments of an
 * installation whose programs are in PREFIX/bin (installed with another
 * PREFIX than the one compiled in), or examples/instruments of the source
 * tree the program was run from.
 */
static char *
source_tree_dir(const char *argv0)
{
	char *path = executable(argv0), *slash, *dir = NULL;
	int i;

	for (i = 0; path != NULL && dir == NULL && i < PARENTS_SEARCHED; i++) {
		if ((slash = strrchr(path, '/')) == NULL)
			break;
		*slash = '\0';
		if (i == 1)
			dir = existing(path, BESIDE_BIN);
		if (dir == NULL)
			dir = existing(path, SOURCE_TREE);
	}
	free(path);
	return dir;
}

/*
 * The directory of the built-in instruments: $CHAIN_DATA_DIR/instruments
 * when that is set, else the one installed, else the source tree's; NULL
 * when there is none.
 */
char *
chain_instrument_dir(const char *argv0)
{
	const char *env = getenv("CHAIN_DATA_DIR");
	char *dir;

	if (env != NULL && *env != '\0')
		return joined(env, INSTRUMENTS);
	dir = joined(CHAIN_DATADIR, INSTRUMENTS);
	if (is_directory(dir))
		return dir;
	free(dir);
	return source_tree_dir(argv0);
}

/* The file of a built-in instrument, or NULL when there is no such one. */
char *
chain_instrument_path(const char *dir, const char *name)
{
	char *file, *path;
	size_t i;

	if (dir == NULL || *name == '\0')
		return NULL;
	for (i = 0; name[i] != '\0'; i++)
		if (strchr("/.", name[i]) != NULL)
			return NULL;
	file = joined("/", name);
	path = joined(dir, file);
	free(file);
	file = joined(path, ".csv");
	free(path);
	if (access(file, R_OK) != 0) {
		free(file);
		return NULL;
	}
	return file;
}

static int
compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names of the built-in instruments, sorted; NULL-terminated. */
char **
chain_instrument_names(const char *dir, size_t *n)
{
	DIR *d = dir != NULL ? opendir(dir) : NULL;
	struct dirent *e;
	char **names = chain_calloc(1, sizeof(*names));

	*n = 0;
	while (d != NULL && (e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);

		if (len <= 4 || e->d_name[0] == '.' ||
		    strcmp(e->d_name + len - 4, ".csv") != 0)
			continue;
		names = chain_reallocarray(names, *n + 2, sizeof(*names));
		names[(*n)++] = chain_strndup(e->d_name, len - 4);
	}
	if (d != NULL)
		closedir(d);
	names[*n] = NULL;
	qsort(names, *n, sizeof(*names), compare_names);
	return names;
}

static void
free_names(char **names, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

#define NO_BUILTINS N_("no built-in instruments in %s (set CHAIN_DATA_DIR)")

static const char *
dir_name(const char *dir)
{
	return dir != NULL ? dir : "the data directory";
}

/*
 * The file of built-in instrument name.  An unknown name is a usage error
 * that lists the names there are; none at all is a file error.
 */
char *
chain_instrument_builtin(const char *argv0, const char *name)
{
	char *dir = chain_instrument_dir(argv0);
	char *path = chain_instrument_path(dir, name), *list, **names;
	size_t n;

	if (path != NULL) {
		free(dir);
		return path;
	}
	names = chain_instrument_names(dir, &n);
	list = chain_join((const char *const *)names, n, ", ");
	free_names(names, n);
	if (*list == '\0')
		chain_errx(CHAIN_EXIT_IO, NO_BUILTINS, dir_name(dir));
	chain_usage_error("--instrument: unknown instrument '%s' (built in: "
	    "%s)", name, list);
}

/* An instrument's dimensions, separated by spaces. */
static char *
dimension_list(const struct chain_instrument *in)
{
	const char **names = chain_calloc(in->ndims, sizeof(*names));
	char *list;
	size_t i;

	for (i = 0; i < in->ndims; i++)
		names[i] = in->dims[i].name;
	list = chain_join(names, in->ndims, " ");
	free(names);
	return list;
}

static void
list_one(struct chain_out *w, const char *name,
    const struct chain_instrument *in)
{
	char *dims = dimension_list(in);

	chain_out_text(w, name);
	chain_out_int(w, (long long)in->nitems);
	chain_out_text(w, dims);
	chain_out_end(w);
	free(dims);
}

/* The built-in instruments, a row each: name, items, dimensions. */
void
chain_instrument_list(struct chain_out *w, const char *argv0,
    const struct chain_opts *o, double min, double max)
{
	char *dir = chain_instrument_dir(argv0);
	size_t i, n;
	char **names = chain_instrument_names(dir, &n);

	if (n == 0)
		chain_warnx(NO_BUILTINS, dir_name(dir));
	chain_out_header(w, chain_format_header(CHAIN_FORMAT_INSTRUMENTS));
	for (i = 0; i < n; i++) {
		char *path = chain_instrument_path(dir, names[i]);
		struct chain_instrument *in = chain_instrument_read(path, o,
		    min, max);

		if (in != NULL)
			list_one(w, names[i], in);
		chain_instrument_free(in);
		free(path);
	}
	free_names(names, n);
	free(dir);
}
