/*
 * gen.h: what the generators of make bench share: a fixed pseudo-random
 * sequence (xorshift64), so that every run writes the same files, and the
 * partners of the generated chain.
 */
#ifndef GEN_H
#define GEN_H

static unsigned long long state = 88172645463325252ULL;

/* The next number from 0 to n - 1. */
static unsigned
next(unsigned n)
{
	state ^= state << 13;
	state ^= state >> 7;
	state ^= state << 17;
	return (unsigned)(state % n);
}

static const char *const partners[] = { "POL", "OM", "RvdK", "GEM", "ZORG",
	"RECL", "DJI", "HALT" };

#endif
