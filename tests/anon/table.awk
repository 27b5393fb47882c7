# table.awk -v seed=N: a random survey: partners P1-P5 about A1-A5 in waves
# w1 and w2, 0 to 6 respondents a cell (often fewer than 5), each answering
# one item S from 1 to 5; the same table for the same seed.
BEGIN {
	srand(seed)
	print "respondent,partner,about,wave,S"
	r = 0
	for (w = 1; w <= 2; w++)
		for (p = 1; p <= 5; p++)
			for (a = 1; a <= 5; a++) {
				n = int(rand() * 7)
				for (i = 0; i < n; i++)
					printf "r%d,P%d,A%d,w%d,%d\n", ++r, p, a, w, 1 + int(rand() * 5)
			}
}
