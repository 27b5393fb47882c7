/*
 * gen-survey: the generated survey of make bench, the same on every run (a
 * fixed pseudo-random sequence).  gen-survey items writes an instrument of
 * 40 items in 10 dimensions (the last item of each reverse worded);
 * gen-survey N writes N responses to it, wide, from eight partners about
 * the others, in two waves, with about one answer in fifty left empty.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen.h"

#define NITEMS 40
#define PER_DIMENSION 4

static void
items(void)
{
	int i;

	printf("item,dimension,text,reverse,min,max\n");
	for (i = 0; i < NITEMS; i++)
		printf("Q%02d,D%02d,Statement %d,%d,1,5\n", i + 1,
		    i / PER_DIMENSION + 1, i + 1,
		    i % PER_DIMENSION == PER_DIMENSION - 1);
}

static void
responses(long n)
{
	long r;
	int i;

	printf("respondent,partner,about,wave");
	for (i = 0; i < NITEMS; i++)
		printf(",Q%02d", i + 1);
	printf("\n");
	for (r = 1; r <= n; r++) {
		unsigned p = next(8), a = (p + 1 + next(7)) % 8;
		int tendency = 2 + (int)next(3);

		printf("R%07ld,%s,%s,2026-%s", r, partners[p], partners[a],
		    next(2) ? "05" : "11");
		for (i = 0; i < NITEMS; i++) {
			int x = tendency + (int)next(3) - 1;

			if (next(50) == 0)
				printf(",");
			else
				printf(",%d", i % PER_DIMENSION ==
				    PER_DIMENSION - 1 ? 6 - x : x);
		}
		printf("\n");
	}
}

int
main(int argc, char *argv[])
{
	if (argc != 2) {
		fprintf(stderr, "usage: gen-survey items | N\n");
		return 2;
	}
	if (strcmp(argv[1], "items") == 0)
		items();
	else
		responses(atol(argv[1]));
	return 0;
}
