/*
 * map.c: a string-keyed hash map (open addressing, FNV-1a) that holds the
 * per-group state of a streaming pass: one entry per partner, KPI and period,
 * case or survey group.  Memory grows with the number of groups, never with
 * the number of rows.
 */
#include <stdlib.h>
#include <string.h>

#include "chain_priv.h"

struct entry {
	char *key;
	void *value;
	size_t hash;
};

struct chain_map {
	struct entry *slots;
	size_t size;		/* a power of two */
	size_t count;
};

static size_t
hash_key(const char *s)
{
	size_t h = (size_t)1469598103934665603ULL;

	while (*s != '\0') {
		h ^= (unsigned char)*s++;
		h *= (size_t)1099511628211ULL;
	}
	return h;
}

struct chain_map *
chain_map_new(void)
{
	struct chain_map *m = chain_malloc(sizeof(*m));

	m->size = 64;
	m->count = 0;
	m->slots = chain_calloc(m->size, sizeof(*m->slots));
	return m;
}

void
chain_map_free(struct chain_map *m, void (*free_value)(void *))
{
	size_t i;

	if (m == NULL)
		return;
	for (i = 0; i < m->size; i++)
		if (m->slots[i].key != NULL) {
			free(m->slots[i].key);
			if (free_value != NULL)
				free_value(m->slots[i].value);
		}
	free(m->slots);
	free(m);
}

static struct entry *
find(const struct chain_map *m, const char *key, size_t h)
{
	size_t i = h & (m->size - 1);

	while (m->slots[i].key != NULL) {
		if (m->slots[i].hash == h && strcmp(m->slots[i].key, key) == 0)
			return &m->slots[i];
		i = (i + 1) & (m->size - 1);
	}
	return &m->slots[i];
}

static void
grow(struct chain_map *m)
{
	struct entry *old = m->slots;
	size_t i, oldsize = m->size;

	m->size *= 2;
	m->slots = chain_calloc(m->size, sizeof(*m->slots));
	for (i = 0; i < oldsize; i++)
		if (old[i].key != NULL)
			*find(m, old[i].key, old[i].hash) = old[i];
	free(old);
}

/*
 * The value slot of key, made (holding NULL) when the key is new; *created
 * tells which.  The slot stays valid until the next insertion.
 */
void **
chain_map_slot(struct chain_map *m, const char *key, int *created)
{
	size_t h = hash_key(key);
	struct entry *e = find(m, key, h);

	if (e->key != NULL) {
		if (created != NULL)
			*created = 0;
		return &e->value;
	}
	if ((m->count + 1) * 4 > m->size * 3) {
		grow(m);
		e = find(m, key, h);
	}
	e->key = chain_strdup(key);
	e->hash = h;
	e->value = NULL;
	m->count++;
	if (created != NULL)
		*created = 1;
	return &e->value;
}

void *
chain_map_get(const struct chain_map *m, const char *key)
{
	const struct entry *e = find(m, key, hash_key(key));

	return e->key != NULL ? e->value : NULL;
}

size_t
chain_map_count(const struct chain_map *m)
{
	return m->count;
}

static int
compare_strings(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The keys, optionally sorted bytewise; the caller frees the array only. */
const char **
chain_map_keys(const struct chain_map *m, int sorted)
{
	const char **keys = chain_calloc(m->count + 1, sizeof(*keys));
	size_t i, n = 0;

	for (i = 0; i < m->size; i++)
		if (m->slots[i].key != NULL)
			keys[n++] = m->slots[i].key;
	if (sorted)
		qsort(keys, n, sizeof(*keys), compare_strings);
	return keys;
}
