/*
 * gen-agree: the generated register of make bench, the same on every run (a
 * fixed pseudo-random sequence).  gen-agree N writes a register of N
 * agreements among eight partners over two years.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen.h"

#define NITEMS 40
#define PER_DIMENSION 4

static void
date(char *buf, int days)
{
	/* days since 2025-01-01, written as YYYY-MM-DD */
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	int y = 2025, m = 0;

	for (;;) {
		int ylen = (y % 4 == 0) ? 366 : 365;

		if (days < ylen)
			break;
		days -= ylen;
		y++;
	}
	for (;;) {
		int len = mdays[m] + (m == 1 && y % 4 == 0);

		if (days < len)
			break;
		days -= len;
		m++;
	}
	sprintf(buf, "%04d-%02d-%02d", y, m + 1, days + 1);
}

static void
agreements(long n)
{
	long i;
	char made[16], due[16], done[16], ann[16], nd[16], canc[16];

	printf("id,owner,counterpart,title,made,due,done,announced,new_due,"
	    "plan,cancelled\n");
	for (i = 1; i <= n; i++) {
		int m = (int)next(700), d = m + 7 + (int)next(60);
		int r = (int)next(100);
		const char *owner = partners[next(8)];
		const char *cp = next(10) == 0 ? "*" : partners[next(8)];

		date(made, m);
		date(due, d);
		done[0] = ann[0] = nd[0] = canc[0] = '\0';
		if (r < 60)
			date(done, d - 5 + (int)next(12));
		else if (r < 80) {
			date(ann, d - 3 + (int)next(6));
			date(nd, d + 14);
			if (next(2))
				date(done, d + (int)next(20));
		} else if (r < 83)
			date(canc, d - (int)next(5));
		printf("A%07ld,%s,%s,\"Agreement %ld, on %s\",%s,%s,%s,%s,%s,%s,%s\n",
		    i, owner, cp, i, owner, made, due, done, ann, nd,
		    ann[0] ? "Extra staff" : "", canc);
	}
}

int
main(int argc, char *argv[])
{
	if (argc != 2) {
		fprintf(stderr, "usage: gen-agree N\n");
		return 2;
	}
	agreements(atol(argv[1]));
	return 0;
}
