#!/usr/bin/env bats
# chain-survey: the scoring rules of SPEC section 4 on surveys worked out by
# hand (the arithmetic is in the comments), Cronbach's alpha, Welch's test
# against the t distribution, Cohen's d, both response layouts, every bad
# input, the built-in instruments wherever the program runs from, and every
# example of the man page.

load test_helper/common

# Four items of one dimension, six respondents: the alpha example.
alpha_fixture() {
	csv four.csv <<'EOF'
item,dimension,text
Q1,d,one
Q2,d,two
Q3,d,three
Q4,d,four
EOF
	csv six.csv <<'EOF'
respondent,partner,Q1,Q2,Q3,Q4
R1,A,4,4,3,5
R2,A,2,3,2,2
R3,B,5,5,4,4
R4,B,3,2,3,3
R5,B,4,5,5,4
R6,A,1,2,1,2
EOF
}

# Two dimensions, a reverse item in each, respondents who skip items.
half_fixture() {
	csv rev.csv <<'EOF'
item,dimension,text,reverse
Q1,d4,one,0
Q2,d4,two,no
Q3,d4,three,
Q4,d4,four (negative),1
P1,d3,five,0
P2,d3,six (negative),yes
P3,d3,seven,0
EOF
	csv half.csv <<'EOF'
respondent,partner,Q1,Q2,Q3,Q4,P1,P2,P3
r1,X,5,4,,1,2,,
r2,X,2,,,4,3,5,
r3,X,,,,3,4,2,4
EOF
}

# One dimension of two items, the second reverse: a respondent's score is
# the mean of the first answer and 6 minus the second.
pair_fixture() {
	csv pair.csv <<'EOF'
item,dimension,text,reverse
I1,t,They keep their word,0
I2,t,They keep things from us,1
EOF
}

@test "alpha: Cronbach's alpha, r_drop and alpha if dropped, by hand" {
	alpha_fixture
	run -0 chain-survey alpha --items four.csv six.csv
	# item variances 13/6, 19/10, 2, 22/15 (sum 113/15); the totals
	# 16,9,18,11,18,6 have variance 128/5, so
	# alpha = 4/3 (1 - (113/15) / (128/5)) = 271/288 = 0.9410.
	# Q1: the rest 12,7,13,8,14,5 has variance 401/30 and covariance
	# 151/30 with Q1: r = (151/30) / sqrt(13/6 x 401/30) = 0.9353;
	# alpha without Q1 = 3/2 (1 - (19/10 + 2 + 22/15) / (401/30))
	# = 360/401 = 0.8978.  Q2: (9/2) / sqrt(19/10 x 147/10) = 0.8515,
	# 136/147 = 0.9252.  Q3: (23/5) / sqrt(2 x 72/5) = 0.8572,
	# 133/144 = 0.9236.  Q4: (59/15) / sqrt(22/15 x 244/15) = 0.8053,
	# 459/488 = 0.9406.
	assert_output - <<'EOF'
dimension,item,items,n,alpha,r_drop,alpha_if_dropped
d,,4,6,0.941,,
d,Q1,,6,,0.9353,0.8978
d,Q2,,6,,0.8515,0.9252
d,Q3,,6,,0.8572,0.9236
d,Q4,,6,,0.8053,0.9406
EOF
}

@test "alpha: two items, one item, incomplete answers" {
	alpha_fixture
	csv split.csv <<'EOF'
item,dimension,text
Q1,a,one
Q2,b,two
Q3,b,three
EOF
	run -0 chain-survey alpha --min-n 3 --items split.csv --ignore Q4 six.csv
	# b: Q2 and Q3 have variances 19/10 and 2 and covariance 8/5:
	# alpha = 2 (1 - (39/10) / (39/10 + 2 x 8/5)) = 64/71 = 0.9014, and
	# r_drop is their correlation (8/5) / sqrt(19/10 x 2) = 0.8208; one
	# item has no alpha, nor does one left after a drop
	assert_output - <<'EOF'
dimension,item,items,n,alpha,r_drop,alpha_if_dropped
a,,1,6,,,
a,Q1,,6,,,
b,,2,6,0.9014,,
b,Q2,,6,,0.8208,
b,Q3,,6,,0.8208,
EOF
	# R6 skips Q4, R5 skips Q3: only complete answers count
	sed -i 's/^R6,A,1,2,1,2$/R6,A,1,2,1,/; s/^R5,B,4,5,5,4$/R5,B,4,5,,4/' six.csv
	run -0 chain-survey alpha --min-n 3 --items four.csv six.csv
	assert_line --index 1 --regexp '^d,,4,4,0\.[0-9]+,,$'
}

@test "score: reverse items and the at-least-half rule, by hand" {
	half_fixture
	run -0 chain-survey score --items rev.csv --by none --min-n 1 half.csv
	# r1: d4 answers 5,4 and Q4 1 reversed to 5 (3 of 4): 14/3;
	#     d3 only P1 (1 of 3, below half): no score; overall 14/3
	# r2: d4 2 and Q4 4 reversed to 2 (2 of 4, half): 2;
	#     d3 3 and P2 5 reversed to 1 (2 of 3): 2; overall 2
	# r3: d4 only Q4 (1 of 4): no score; d3 4, 6-2 = 4, 4: 4; overall 4
	# d4: 14/3 and 2: mean 10/3, sd (8/3)/sqrt(2) = 1.8856,
	#     index (10/3 - 1) / 4 x 100 = 58.3333
	# d3: 2 and 4: mean 3, sd sqrt(2), index exactly 50: discuss
	# *: 14/3, 2, 4: mean 32/9 = 3.5556, sd 1.3878, index 63.8889
	assert_output - <<'EOF'
wave,partner,about,dimension,n,mean,sd,index,level,suppressed
,,,d4,2,3.3333,1.8856,58.3333,discuss,0
,,,d3,2,3,1.4142,50,discuss,0
,,,*,3,3.5556,1.3878,63.8889,discuss,0
EOF
	run -0 chain-survey items --items rev.csv
	assert_output - <<'EOF'
item,dimension,text,reverse,min,max
Q1,d4,one,0,1,5
Q2,d4,two,0,1,5
Q3,d4,three,0,1,5
Q4,d4,four (negative),1,1,5
P1,d3,five,0,1,5
P2,d3,six (negative),1,1,5
P3,d3,seven,0,1,5
EOF
}

@test "score: a reverse item on its own scale; --scale for items without one" {
	csv ten.csv <<'EOF'
item,dimension,text,reverse,min,max
A,a,up,0,0,10
B,a,down,1,0,10
EOF
	printf 'respondent,partner,A,B\nr1,P,8,3\n' > ans.csv
	# B: 0 + 10 - 3 = 7; (8 + 7) / 2 = 7.5, index 75
	run -0 chain-survey score --items ten.csv --min-n 1 ans.csv
	assert_line --index 1 ',P,,a,1,7.5,,75,strength,0'
	printf 'item,dimension,text,reverse\nA,a,up,0\nB,a,down,1\n' > bare.csv
	run -0 chain-survey score --items bare.csv --scale 0-10 --min-n 1 ans.csv
	assert_line --index 1 ',P,,a,1,7.5,,75,strength,0'
	# the respondent is left out, the problem named
	run -3 --separate-stderr chain-survey score --items bare.csv --min-n 1 ans.csv
	assert_output 'wave,partner,about,dimension,n,mean,sd,index,level,suppressed'
	[ "$stderr" = "chain-survey: ans.csv:2: A: '8' is outside the scale 1-5" ]
	run -2 chain-survey score --items bare.csv --scale 5-1 ans.csv
	run -2 chain-survey score --items bare.csv --scale five ans.csv
}

@test "score: suppression at exactly min-n and one below" {
	pair_fixture
	csv grp.csv <<'EOF'
respondent,partner,I1,I2
x1,X,4,2
x2,X,5,1
x3,X,3,3
y1,Y,2,4
y2,Y,3,2
z1,Z,4,4
z2,Z,4,4
EOF
	# X: 4 and 6-2 = 4, 5 and 5, 3 and 3: scores 4, 5, 3: mean 4, sd 1,
	# index 75 (strength, the boundary); Y and Z have 2 respondents,
	# below 3 (two hidden groups hide each other: see the next test)
	run -0 chain-survey score --min-n 3 --items pair.csv grp.csv
	assert_output - <<'EOF'
wave,partner,about,dimension,n,mean,sd,index,level,suppressed
,X,,t,3,4,1,75,strength,0
,X,,*,3,4,1,75,strength,0
,Y,,t,,,,,,1
,Y,,*,,,,,,1
,Z,,t,,,,,,1
,Z,,*,,,,,,1
EOF
}

@test "score: complementary suppression, so no group can be recovered by differencing" {
	pair_fixture
	csv grp.csv <<'EOF'
respondent,partner,I1,I2
x1,X,4,2
x2,X,5,1
x3,X,3,3
x4,X,4,2
w1,W,2,4
w2,W,3,2
w3,W,3,2
w4,W,4,3
w5,W,4,3
y1,Y,2,4
y2,Y,3,2
EOF
	# Y (2 respondents) alone would be hidden, but the whole chain (by
	# none) less X and W would give it away: X, the smaller of the two
	# shown (4 against 5), is suppressed with it.  W: 2 and 2, 3 and 4,
	# 3 and 4, 4 and 3, 4 and 3: scores 2, 3.5, 3.5, 3.5, 3.5: mean 3.2
	run -0 chain-survey score --min-n 3 --items pair.csv grp.csv
	assert_output - <<'EOF'
wave,partner,about,dimension,n,mean,sd,index,level,suppressed
,W,,t,5,3.2,0.6708,55,discuss,0
,W,,*,5,3.2,0.6708,55,discuss,0
,X,,t,,,,,,1
,X,,*,,,,,,1
,Y,,t,,,,,,1
,Y,,*,,,,,,1
EOF
	# by wave and partner: Y in November (two) is hidden.  November's
	# total less W and X in November would give it away, and so would the
	# whole chain less W and X over both waves: the audit hides those two
	# totals (November's and the chain's: the same vector over the hidden
	# cells) rather than a part, since no single part hidden would be
	# enough.  W in May: 2, 3.5, 3.5, 3.5: mean 3.125, sd 0.75; X in May:
	# 4, 5, 3; W and X in November: flat
	csv waves.csv <<'EOF'
respondent,partner,wave,I1,I2
x1,X,may,4,2
x2,X,may,5,1
x3,X,may,3,3
x4,X,nov,4,2
x5,X,nov,4,2
x6,X,nov,4,2
w1,W,may,2,4
w2,W,may,3,2
w3,W,may,3,2
w4,W,may,4,3
w5,W,nov,4,3
w6,W,nov,4,3
w7,W,nov,4,3
w8,W,nov,4,3
y1,Y,nov,2,4
y2,Y,nov,3,2
EOF
	run -0 chain-survey score --min-n 3 --items pair.csv --dimension t waves.csv
	assert_output - <<'EOF'
wave,partner,about,dimension,n,mean,sd,index,level,suppressed
may,W,,t,4,3.125,0.75,53.125,discuss,0
may,X,,t,3,4,1,75,strength,0
nov,W,,t,4,3.5,0,62.5,discuss,0
nov,X,,t,3,4,0,75,strength,0
nov,Y,,t,,,,,,1
EOF
	run -0 chain-survey score --min-n 3 --items pair.csv --dimension t --by wave waves.csv
	assert_output - <<'EOF'
wave,partner,about,dimension,n,mean,sd,index,level,suppressed
may,,,t,7,3.5,0.9129,62.5,discuss,0
nov,,,t,,,,,,1
EOF
	run -0 chain-survey score --min-n 3 --items pair.csv --dimension t --by none waves.csv
	assert_line --index 1 ',,,t,,,,,,1'
}

@test "score: a respondent answering about several partners counts once" {
	pair_fixture
	csv pool.csv <<'EOF'
respondent,partner,about,I1,I2
R1,A,X,4,2
R1,A,Y,2,4
R1,A,Z,5,1
R2,A,X,3,3
R2,A,Y,4,2
EOF
	# five responses, two respondents: partner A is below min-n 3
	run -0 chain-survey score --min-n 3 --items pair.csv --by partner pool.csv
	assert_line --index 1 ',A,,t,,,,,,1'
	# with min-n 2 it is shown: the mean is over the five responses,
	# (4 + 2 + 5 + 3 + 4) / 5 = 3.6; squared deviations 0.16, 2.56,
	# 1.96, 0.36, 0.16 sum to 5.2: sd sqrt(5.2 / 4) = 1.1402
	run -0 chain-survey score --items pair.csv --by partner --min-n 2 pool.csv
	assert_line --index 1 ',A,,t,5,3.6,1.1402,65,discuss,0'
	# a third respondent makes three
	printf 'R3,A,X,1,5\n' >> pool.csv
	run -0 chain-survey score --min-n 3 --items pair.csv --by partner pool.csv
	assert_line --index 1 --regexp '^,A,,t,6,'
	# by partner and about: X has three respondents, Y two, Z one; A's
	# total (shown, six responses) less A about X would give Y and Z away
	# (R1 and R2 alone), so A about X, the smaller, is hidden too
	run -0 chain-survey score --min-n 3 --items pair.csv --by about,partner pool.csv
	assert_output - <<'EOF'
wave,partner,about,dimension,n,mean,sd,index,level,suppressed
,A,X,t,,,,,,1
,A,X,*,,,,,,1
,A,Y,t,,,,,,1
,A,Y,*,,,,,,1
,A,Z,t,,,,,,1
,A,Z,*,,,,,,1
EOF
}

@test "score: --by wave,partner (the default), --wave, dates as waves" {
	pair_fixture
	csv w.csv <<'EOF'
respondent,partner,wave,I1,I2
a,P,12-05-2026,4,2
b,P,2026-05-12,5,1
c,P,2026-05-12,3,3
d,P,2026-11-10,2,4
e,P,2026-11-10,2,4
f,P,10-11-2026,2,4
EOF
	# 12-05-2026 is 2026-05-12: three respondents in each wave
	run -0 chain-survey score --min-n 3 --items pair.csv --dimension t w.csv
	assert_output - <<'EOF'
wave,partner,about,dimension,n,mean,sd,index,level,suppressed
2026-05-12,P,,t,3,4,1,75,strength,0
2026-11-10,P,,t,3,2,0,25,concern,0
EOF
	run -0 chain-survey score --min-n 3 --items pair.csv --dimension '*' --wave 10-11-2026 w.csv
	assert_output - <<'EOF'
wave,partner,about,dimension,n,mean,sd,index,level,suppressed
2026-11-10,P,,*,3,2,0,25,concern,0
EOF
	# the whole chain, both waves: 4,5,3,2,2,2: mean 3
	run -0 chain-survey score --min-n 3 --items pair.csv --by none --dimension t w.csv
	assert_line --index 1 ',,,t,6,3,1.2649,50,discuss,0'
	run -1 chain-survey score --min-n 3 --items pair.csv --fail-on concern w.csv
	run -0 chain-survey score --min-n 3 --items pair.csv --fail-on concern --wave 2026-05-12 w.csv
	run -1 chain-survey score --min-n 3 --items pair.csv --fail-on discuss --by none w.csv
	run -2 chain-survey score --min-n 3 --items pair.csv --dimension nope w.csv
	assert_output --partial "instrument 'pair' has no dimension 'nope'"
	run -2 chain-survey score --min-n 3 --items pair.csv --by owner w.csv
	run -2 chain-survey score --min-n 3 --items pair.csv --by none,wave w.csv
	run -2 chain-survey score --min-n 3 --items pair.csv --fail-on decline w.csv
}

@test "matrix: how each partner sees the other, the reverse and the gap" {
	pair_fixture
	csv mx.csv <<'EOF'
respondent,partner,about,I1,I2
r1,A,B,4,2
r2,A,B,5,1
r3,A,B,3,3
r4,B,A,2,4
r5,B,A,3,2
r6,B,A,2,3
EOF
	# A about B: 4, 5, 3: mean 4, index 75.  B about A: 2, 3.5, 2.5:
	# mean 2.6667, index 41.6667.  gap 4 - 2.6667 = 1.3333 and back.
	run -0 chain-survey matrix --min-n 3 --items pair.csv mx.csv
	assert_output - <<'EOF'
partner,about,n,mean,index,reverse_mean,gap
A,B,3,4,75,2.6667,1.3333
B,A,3,2.6667,41.6667,4,-1.3333
EOF
	# A about C has two respondents: not shown, nor is it C's reverse; and
	# A's view of all partners less A about B would give it away, so A
	# about B is hidden too (complementary suppression)
	printf 'r1,A,C,4,2\nr2,A,C,5,1\n' >> mx.csv
	run -0 chain-survey matrix --min-n 3 --items pair.csv mx.csv
	assert_output - <<'EOF'
partner,about,n,mean,index,reverse_mean,gap
A,B,,,,2.6667,
A,C,,,,,
B,A,3,2.6667,41.6667,,
C,A,,,,,
EOF
}

@test "matrix: several waves are taken together with a warning; --wave picks one" {
	pair_fixture
	printf 'respondent,partner,about,wave,I1,I2\n' > m.csv
	for r in 1 2 3; do printf 'a%s,A,B,1,4,2\nb%s,B,A,1,2,4\nc%s,A,B,2,2,4\n' $r $r $r >> m.csv; done
	# A about B: 4 three times in wave 1, 2 three times in wave 2:
	# mean 3; B about A: 2 three times
	run -0 --separate-stderr chain-survey matrix --min-n 3 --items pair.csv m.csv
	assert_line --index 1 'A,B,6,3,50,2,1'
	[ "$stderr" = "chain-survey: matrix: the responses of several waves are taken together; --wave chooses one" ]
	# in wave 2 only A answered: B's view of A is not there, A's of B is
	run -0 --separate-stderr chain-survey matrix --min-n 3 --items pair.csv --wave 2 m.csv
	assert_output - <<'EOF'
partner,about,n,mean,index,reverse_mean,gap
A,B,3,2,25,,
B,A,,,,2,
EOF
	[ -z "$stderr" ]
}

@test "matrix: a partner's view of itself is its own reverse; a view one way gets its reverse row" {
	pair_fixture
	csv self.csv <<'EOF'
respondent,partner,about,I1,I2
r1,A,A,4,2
r2,A,A,5,1
r3,A,A,3,3
r1,A,B,2,4
r2,A,B,3,3
r3,A,B,1,5
EOF
	# A about A: 4, 5, 3: mean 4, index 75, and that is its reverse: gap 0.
	# A about B: 2, 3, 1: mean 2, index 25; no one answered B about A.
	run -0 chain-survey matrix --min-n 3 --items pair.csv self.csv
	assert_output - <<'EOF'
partner,about,n,mean,index,reverse_mean,gap
A,A,3,4,75,4,0
A,B,3,2,25,,
B,A,,,,2,
EOF
}

# Four partners rating each other on one item (1 to 5, the middle 3),
# three respondents per partner, each answering about several partners.
# rate P Q S...: the respondents p1, p2, ... of P rate Q with scores S.
rate() {
	local p=$1 q=$2 i=1 v
	shift 2
	for v in "$@"; do
		printf '%s%s,%s,%s,%s\n' "$(tr A-Z a-z <<< "$p")" $i "$p" "$q" "$v"
		i=$((i + 1))
	done
}

network_fixture() {
	printf 'item,dimension,text\nS,s,score\n' > one.csv
	{
		echo 'respondent,partner,about,S'
		rate A B 4 4 4; rate A C 2 2 2; rate A D 3 3 3; rate A A 5 5 5
		rate B A 4 4 4; rate B C 5 5 5
		rate C A 2 2 2; rate C B 2 2 2; rate C D 1 1 1
		rate D A 3 3 4; rate D B 2 3 3
	} > net.csv
}

@test "network: density, reciprocity, centralisation and degrees of four partners, by hand" {
	network_fixture
	# The means: A->B 4, A->C 2, A->D 3, B->A 4, B->C 5, C->A 2, C->B 2,
	# C->D 1, D->A 10/3, D->B 8/3 (B->D and D->C not answered, A->A its
	# own organisation: no tie, not in trust given or received).  Ties,
	# a mean of at least 3 (A->D on the middle counts): A->B, A->D,
	# B->A, B->C, D->A: 5 of 4 x 3 = 12 possible, density 0.4167.
	# Reciprocated: A->B, B->A, A->D, D->A, not B->C (C->B is 2): 4 of
	# 5, 0.8.  In-degrees A 2 (B, D), B 1, C 1, D 1: max 2, centralisation
	# (0 + 1 + 1 + 1) / (4 - 1)^2 = 0.3333.  Out-degrees A 2, B 2, C 0,
	# D 1.  Trust given: A (4 + 2 + 3) / 3 = 3, B (4 + 5) / 2 = 4.5, C
	# (2 + 2 + 1) / 3 = 1.6667, D (10/3 + 8/3) / 2 = 3; received: A
	# (4 + 2 + 10/3) / 3 = 3.1111, B (4 + 2 + 8/3) / 3 = 2.8889, C
	# (2 + 5) / 2 = 3.5, D (3 + 1) / 2 = 2.
	run -0 chain-survey network --min-n 3 --items one.csv net.csv
	assert_output - <<'EOF'
partner,partners,ties,density,reciprocity,centralisation,in_degree,out_degree,trust_given,trust_received
,4,5,0.4167,0.8,0.3333,,,,
A,,,,,,2,2,3,3.1111
B,,,,,,1,2,4.5,2.8889
C,,,,,,1,0,1.6667,3.5
D,,,,,,1,1,3,2
EOF
	chain-survey network --min-n 3 --items one.csv net.csv > before.out
	# two of D's staff rate C 5: a tie if it were shown, but two are
	# fewer than min-n; the matrix hides it (and, so that D's own total
	# less the rest does not give it away, D's and C's totals in score),
	# and the network counts it as no tie: nothing changes
	rate D C 5 5 >> net.csv
	run -0 chain-survey matrix --min-n 3 --items one.csv net.csv
	assert_line 'D,C,,,,1,'
	run -0 chain-survey network --min-n 3 --items one.csv net.csv
	[ "$output" = "$(cat before.out)" ]
	# Dutch Excel
	run -0 chain-survey network --min-n 3 --items one.csv --excel net.csv
	assert_line --index 1 $';4;5;0,4167;0,8;0,3333;;;;\r'
}

@test "network: few partners, no abouts, waves, dimensions, bad use" {
	network_fixture
	# one pair, rated below the middle: two partners, no ties, density 0,
	# no reciprocity (a share of no ties), centralisation 0 / 1 = 0
	printf 'respondent,partner,about,S\nr1,A,B,2\n' > ab.csv
	run -0 chain-survey network --min-n 1 --items one.csv ab.csv
	assert_output - <<'EOF'
partner,partners,ties,density,reciprocity,centralisation,in_degree,out_degree,trust_given,trust_received
,2,0,0,,0,,,,
A,,,,,,0,0,2,
B,,,,,,0,0,,2
EOF
	# a partner rating only itself: one partner, no pairs to count
	printf 'respondent,partner,about,S\nr1,A,A,4\n' > self.csv
	run -0 chain-survey network --min-n 1 --items one.csv self.csv
	assert_line --index 1 ',1,0,,,,,,,'
	assert_line --index 2 'A,,,,,,0,0,,'
	# responses about no one: no partners in the network, the chain's row
	# all the same
	printf 'respondent,partner,S\nr1,A,4\n' > none.csv
	run -0 chain-survey network --min-n 1 --items one.csv none.csv
	assert_output - <<'EOF'
partner,partners,ties,density,reciprocity,centralisation,in_degree,out_degree,trust_given,trust_received
,0,0,,,,,,,
EOF
	# several waves are taken together with a warning, as by matrix
	sed '1s/$/,wave/; 2,$s/$/,may/' net.csv > waves.csv
	rate A C 4 4 4 | sed 's/$/,nov/' >> waves.csv
	run -0 --separate-stderr chain-survey network --min-n 3 --items one.csv waves.csv
	[ "$stderr" = "chain-survey: network: the responses of several waves are taken together; --wave chooses one" ]
	run -0 --separate-stderr chain-survey network --min-n 3 --items one.csv --wave may waves.csv
	[ -z "$stderr" ]
	assert_line --index 1 ',4,5,0.4167,0.8,0.3333,,,,'
	# in November only A rated C: two partners, one tie, not returned
	run -0 chain-survey network --min-n 3 --items one.csv --wave nov waves.csv
	assert_line --index 1 ',2,1,0.5,0,1,,,,'
	run -3 chain-survey network --min-n 3 --items one.csv --wave dec waves.csv
	assert_output --partial "the responses hold no wave 'dec'"
	run -0 chain-survey network --min-n 3 --items one.csv --dimension s net.csv
	assert_line --index 1 ',4,5,0.4167,0.8,0.3333,,,,'
	run -2 chain-survey network --items one.csv --dimension nope net.csv
	run -2 chain-survey network --items one.csv --by partner net.csv
	run -2 chain-survey network --items one.csv --fail-on decline net.csv
	printf 'item,dimension,text,min,max\nA,a,one,1,5\nB,b,two,1,7\n' > i.csv
	run -2 chain-survey network --items i.csv net.csv
	assert_output --partial "network: instrument 'i' has no overall score (its dimensions are on different scales): give --dimension"
}

@test "network: nothing but what the matrix shows (the examples, 30 partners)" {
	# the chain's row worked out from the matrix's own rows: a tie where
	# a shown mean of one partner about another has an index of 50 or
	# more; the network must say the same
	from_matrix() {
		awk -F, 'function f(x) { x = sprintf("%.4f", x); sub(/0+$/, "", x); sub(/\.$/, "", x); return x }
		NR > 1 { seen[$1] = 1; seen[$2] = 1 }
		NR > 1 && $1 != $2 && $4 != "" && $5 >= 50 { tie[$1 "," $2] = 1; ties++; in_[$2]++ }
		END { for (t in tie) { split(t, q, ","); if ((q[2] "," q[1]) in tie) back++ }
			for (p in seen) { n++; if (in_[p] > max) max = in_[p] }
			for (p in seen) spread += max - in_[p]
			printf ",%d,%d,%s,%s,%s,,,,\n", n, ties, f(ties / (n * (n - 1))),
			    f(back / ties), f(spread / ((n - 1) ^ 2)) }'
	}
	waves="$EXAMPLES/survey-2026-05.csv $EXAMPLES/survey-2026-11.csv"
	chain-survey matrix --instrument trust --wave 2026-11 $waves > m.csv
	run -0 chain-survey network --instrument trust --wave 2026-11 $waves
	[ "${lines[1]}" = "$(from_matrix < m.csv)" ]
	assert_line --index 1 ',6,15,0.5,0.8,0.36,,,,'
	sh "$CHAIN_ROOT/tests/gen-chain.sh" 30 .
	chain-survey matrix --instrument trust --wave 2026-11 survey-2026-05.csv survey-2026-11.csv > m30.csv
	run -0 chain-survey network --instrument trust --wave 2026-11 survey-2026-05.csv survey-2026-11.csv
	[ "${lines[1]}" = "$(from_matrix < m30.csv)" ]
	[ "${#lines[@]}" -eq 32 ]
}

@test "compare: Welch's p-value and Cohen's d, by hand" {
	csv w.csv <<'EOF'
item,dimension,text,min,max
S,s,score,1,7
EOF
	csv waves.csv <<'EOF'
respondent,partner,wave,S
a1,P,1,2
a2,P,1,3
a3,P,1,4
b1,P,2,4
b2,P,2,5
b3,P,2,6
c1,Q,1,3
c2,Q,1,4
c3,Q,1,5
d1,Q,2,1
d2,Q,2,2
d3,Q,2,3
d4,Q,2,3
d5,Q,2,1
EOF
	run -0 chain-survey compare --min-n 3 --items w.csv --from 1 --to 2 waves.csv
	# P: 2,3,4 (mean 3, s^2 1) to 4,5,6 (mean 5, s^2 1):
	# t = 2 / sqrt(1/3 + 1/3) = 2.4495, df = (2/3)^2 / (2 (1/3)^2 / 2) = 4.
	# For 4 degrees of freedom P(T <= t) = 1/2 + 3/8 x t / sqrt(1 + t^2/4)
	# x (1 - (t^2 / (1 + t^2/4)) / 12) = 1/2 + 3/8 x sqrt(2.4) x 0.8,
	# so p = 2 (1/2 - 0.3 sqrt(2.4)) = 0.0705.
	# d = 2 / sqrt((2 x 1 + 2 x 1) / 4) = 2.
	# Q: 3,4,5 (mean 4, s^2 1, n 3) to 1,2,3,3,1 (mean 2, s^2 1, n 5):
	# t = -2 / sqrt(1/3 + 1/5) = -2.7386,
	# df = (8/15)^2 / ((1/3)^2 / 2 + (1/5)^2 / 4) = 4.339,
	# p = 0.0476 (the t distribution's density integrated numerically);
	# d = -2 / sqrt((2 x 1 + 4 x 1) / 6) = -2.
	assert_output - <<'EOF'
partner,about,dimension,n_from,mean_from,n_to,mean_to,change,p,d
P,,s,3,3,3,5,2,0.0705,2
P,,*,3,3,3,5,2,0.0705,2
Q,,s,3,4,5,2,-2,0.0476,-2
Q,,*,3,4,5,2,-2,0.0476,-2
EOF
	run -1 chain-survey compare --min-n 3 --items w.csv --from 1 --to 2 --fail-on decline waves.csv
	run -0 chain-survey compare --min-n 3 --items w.csv --from 2 --to 1 --fail-on decline waves.csv
	assert_line --index 3 'Q,,s,5,2,3,4,2,0.0476,2'
}

@test "compare: min-n applies to each wave" {
	csv w.csv <<'EOF'
item,dimension,text
S,s,score
EOF
	csv v.csv <<'EOF'
respondent,partner,about,wave,S
a,P,Q,may,3
b,P,Q,may,3
c,P,Q,may,3
d,P,Q,nov,2
e,P,Q,nov,2
f,P,R,may,4
g,P,R,may,4
h,P,R,may,5
i,P,R,nov,4
j,P,R,nov,5
k,P,R,nov,3
EOF
	# P about Q: two in November, below min-n: that side and the change
	# stay empty.  P about everyone in November less P about R would give
	# it away, and so would P about Q over both waves less May: the audit
	# hides those totals (P's in November, P about Q's), not the sides
	# compared.  P about Q in May: 3, 3, 3; P about R as below
	run -0 chain-survey compare --min-n 3 --items w.csv --from may --to nov --dimension s v.csv
	assert_output - <<'EOF'
partner,about,dimension,n_from,mean_from,n_to,mean_to,change,p,d
P,Q,s,3,3,,,,,
P,R,s,3,4.3333,3,4,-0.3333,0.6495,-0.4082
EOF
	for by in none partner about; do
		run -0 chain-survey score --min-n 3 --items w.csv --by "$by" --dimension s v.csv
		assert_line --index 1 --regexp ',s,,,,,,1$'
	done
	run -0 chain-survey score --min-n 3 --items w.csv --by wave --dimension s v.csv
	assert_line --index 2 'nov,,,s,,,,,,1' 
	# with min-n 2 every side shows.  P about R: 4,4,5 (mean 13/3, s^2
	# 1/3) to 4,5,3 (mean 4, s^2 1): t = (-1/3) / sqrt(1/9 + 1/3) = -0.5,
	# df = (4/9)^2 / ((1/9)^2 / 2 + (1/3)^2 / 2) = 3.2, p = 0.6495
	# (integrated numerically), d = (-1/3) / sqrt((2/3 + 2) / 4) = -0.4082
	run -0 chain-survey compare --items w.csv --from may --to nov --dimension s --min-n 2 v.csv
	assert_line --index 2 'P,R,s,3,4.3333,3,4,-0.3333,0.6495,-0.4082'
	# with min-n 2 the flat waves of P about Q show a change of -1: no
	# spread in either wave, so the fall is certain (p 0), and d, a
	# change in standard deviations, is empty
	run -0 chain-survey compare --items w.csv --from may --to nov --dimension s --min-n 2 v.csv
	assert_line --index 1 'P,Q,s,3,3,2,2,-1,0,'
	# the whole chain: 3,3,3,4,4,5 (mean 11/3, s^2 2/3) to 2,2,4,5,3
	# (mean 3.2, s^2 1.7): t = -0.6948, df = 6.487, p = 0.5113,
	# d = -0.4667 / sqrt((5 x 2/3 + 4 x 1.7) / 9) = -0.4398
	run -0 chain-survey compare --min-n 2 --items w.csv --from may --to nov --by none --dimension s v.csv
	assert_line --index 1 ',,s,6,3.6667,5,3.2,-0.4667,0.5113,-0.4398'
	# with min-n 3 November's whole chain less P about R is P about Q
	run -0 chain-survey compare --min-n 3 --items w.csv --from may --to nov --by none --dimension s v.csv
	assert_line --index 1 ',,s,6,3.6667,,,,,'
	run -2 chain-survey compare --min-n 3 --items w.csv --from may v.csv
	run -2 chain-survey compare --min-n 3 --items w.csv --from may --to nov --by wave v.csv
}

@test "compare: with no spread in either wave a difference is certain" {
	csv w.csv <<'EOF'
item,dimension,text
S,s,score
EOF
	printf 'respondent,partner,about,wave,S\n' > flat.csv
	for r in 1 2 3 4 5; do
		printf 'a%s,P,Q,may,4\na%s,P,Q,nov,2\n' $r $r >> flat.csv
		printf 'b%s,P,R,may,3\nb%s,P,R,nov,3\n' $r $r >> flat.csv
		printf 'c%s,Q,P,may,3\nc%s,Q,P,nov,%s\n' $r $r $((r % 3 + 1)) >> flat.csv
	done
	# P about Q: every respondent answered 4 in May, 2 in November: no
	# spread in either wave, so the fall of 2 is certain: p 0, d empty
	# (a change in standard deviations, of which there are none), and it
	# is a decline.  P about R: 3 both times: certainly no change, p 1.
	# Q about P: 3 five times (no spread) to 2, 3, 1, 2, 3 (mean 2.2,
	# s^2 = (0.04 + 0.64 + 1.44 + 0.04 + 0.64) / 4 = 0.7): Welch as
	# ever, t = -0.8 / sqrt(0 + 0.7/5) = -2.1381, df = (0.14)^2 /
	# (0.14^2 / 4) = 4; for 4 degrees of freedom P(T <= t) = 1/2 + 3/8 x
	# t / sqrt(1 + t^2/4) x (1 - (t^2 / (1 + t^2/4)) / 12), with t^2 =
	# 4.5714, so p = 2 x (1/2 - 3/8 x 1.4606 x (1 - 2.1333 / 12)) = 0.0993;
	# d = -0.8 / sqrt((0 + 4 x 0.7) / 8) = -1.3522
	run -1 chain-survey compare --items w.csv --from may --to nov --dimension s --fail-on decline flat.csv
	assert_output - <<'EOF'
partner,about,dimension,n_from,mean_from,n_to,mean_to,change,p,d
P,Q,s,5,4,5,2,-2,0,
P,R,s,5,3,5,3,0,1,
Q,P,s,5,3,5,2.2,-0.8,0.0993,-1.3522
EOF
	# the other way round it is a certain rise: no decline
	run -0 chain-survey compare --items w.csv --from nov --to may --dimension s --fail-on decline flat.csv
	assert_line --index 1 'P,Q,s,5,2,5,4,2,0,'
	# one respondent per wave (--min-n 1): no spread is known, nothing
	# is certain, p and d stay empty and nothing declines
	printf 'respondent,partner,wave,S\nx,P,may,4\ny,P,nov,2\n' > one.csv
	run -0 chain-survey compare --items w.csv --min-n 1 --by partner --from may --to nov --dimension s --fail-on decline one.csv
	assert_line --index 1 'P,,s,1,4,1,2,-2,,'
}

# The half fixture with waves and abouts, wide and long.
layouts_fixture() {
	half_fixture
	csv wide.csv <<'EOF'
respondent,partner,about,wave,Q1,Q2,Q3,Q4,P1,P2,P3
r1,X,Y,may,5,4,,1,2,,
r2,X,Y,may,2,,,4,3,5,
r3,X,Y,may,4,4,4,3,4,2,4
r4,Y,X,may,3,3,2,2,5,1,4
r5,Y,X,may,1,2,2,5,2,4,1
r6,Y,X,may,4,5,4,1,3,3,3
r1,X,Y,nov,3,3,3,3,3,3,3
r2,X,Y,nov,2,2,1,5,1,5,2
r3,X,Y,nov,1,2,,,2,4,1
r4,Y,X,nov,5,5,4,1,4,2,5
EOF
	# the same answers one a row, an empty answer written out once
	awk -F, 'NR == 1 { for (i = 5; i <= NF; i++) item[i] = $i;
		print "respondent,partner,about,wave,item,value"; next }
		{ for (i = 5; i <= NF; i++)
			if ($i != "" || (NR == 2 && i == 7))
				print $1 "," $2 "," $3 "," $4 "," item[i] "," $i }' \
		wide.csv > long.csv
}

@test "layouts: wide and long responses give the same results" {
	layouts_fixture
	[ "$(sed -n 4p long.csv)" = 'r1,X,Y,may,Q3,' ]
	# 70 answers, 8 of them empty, one of those written out: 63 rows
	[ "$(wc -l < long.csv)" -eq 64 ]
	for cmd in 'score' 'score --by about,wave' 'alpha' 'matrix --wave may' \
	    'compare --from may --to nov' 'score --by none --min-n 1'; do
		chain-survey $cmd --items rev.csv wide.csv > w.out
		chain-survey $cmd --items rev.csv long.csv > l.out
		cmp w.out l.out
		[ "$(wc -l < w.out)" -gt 2 ]
	done
	# long rows in another column order, from Dutch Excel
	{ printf '\xef\xbb\xbfWave;Item;Value;Respondent;About;Partner\r\n'
	  awk -F, 'NR > 1 { printf "%s;%s;%s;%s;%s;%s\r\n", $4, $5, $6, $1, $3, $2 }' long.csv; } > nl.csv
	chain-survey score --items rev.csv long.csv > l.out
	chain-survey score --items rev.csv nl.csv > n.out
	cmp l.out n.out
}

@test "layouts: the rows of a long response, wherever they stand" {
	half_fixture
	csv long.csv <<'EOF'
respondent,partner,item,value
r1,X,Q1,4
r1,X,Q1,5
r2,X,Q1,3
r2,Y,Q2,5
r3,X,Q9,1
r4,X,Q1,2
r1,X,Q2,4
EOF
	# every response but r4's is bad; r4 answered 1 of 4 items of d4; r1's
	# last row belongs to r1's response, as far from it as it stands
	run -3 --separate-stderr chain-survey score --items rev.csv --min-n 1 long.csv
	assert_output - <<'EOF'
wave,partner,about,dimension,n,mean,sd,index,level,suppressed
,X,,d4,,,,,,1
,X,,d3,,,,,,1
,X,,*,,,,,,1
EOF
	[ "$stderr" = "chain-survey: long.csv:3: item: item 'Q1' answered twice in this response (line 2)
chain-survey: long.csv:5: partner: 'Y' differs from the partner 'X' of this response (line 4)
chain-survey: long.csv:6: item: 'Q9' is not an item of instrument 'rev'" ]
}

@test "bad input: answers off the scale or not a number, named by file, line and column" {
	half_fixture
	csv bad.csv <<'EOF'
respondent,partner,Q1,Q2,Q3,Q4,P1,P2,P3
r1,X,5,4,,1,2,,
r2,X,6,,,4,3,5,
r3,X,,,,3,4,two,4
r4,X,0,1,1,1,1,1,1
r5,X,3.5,4,4,4,4,4,4
r6,X,-1,4,4,4,4,4,4
EOF
	run -3 --separate-stderr chain-survey score --items rev.csv --by none --min-n 1 bad.csv
	# only r1 and r5 are left.  r5: d4 3.5, 4, 4 and 6-4 = 2: 13.5/4 =
	# 3.375; d3 4, 6-4 = 2, 4: 10/3; overall (3.375 + 3.3333) / 2.
	# d4: 14/3 and 3.375: mean 4.0208, sd (14/3 - 3.375) / sqrt(2); d3:
	# r5 alone
	assert_output - <<'EOF'
wave,partner,about,dimension,n,mean,sd,index,level,suppressed
,,,d4,2,4.0208,0.9133,75.5208,strength,0
,,,d3,1,3.3333,,58.3333,discuss,0
,,,*,2,4.0104,0.9281,75.2604,strength,0
EOF
	[ "$stderr" = "chain-survey: bad.csv:3: Q1: '6' is outside the scale 1-5
chain-survey: bad.csv:4: P2: 'two' is not a valid number
chain-survey: bad.csv:5: Q1: '0' is outside the scale 1-5
chain-survey: bad.csv:7: Q1: '-1' is outside the scale 1-5" ]
	printf 'respondent,partner,item,value\nr1,X,Q4,7\nr2,X,P1,x\n' > long.csv
	run -3 chain-survey score --items rev.csv long.csv
	assert_line --index 0 "chain-survey: long.csv:2: value: '7' is outside the scale 1-5 of item Q4"
	assert_line --index 1 "chain-survey: long.csv:3: value: 'x' is not a valid number"
}

@test "bad input: a column that is no item, unless --ignore'd" {
	half_fixture
	csv export.csv <<'EOF'
Timestamp,respondent,partner,Q1,Q2,Q3,Q4,Email,P1,P2,P3,
2026-05-12 09:14,r1,X,5,4,,1,a@example.org,2,,,
EOF
	run -3 --separate-stderr chain-survey score --items rev.csv --min-n 1 export.csv
	[ "$stderr" = "chain-survey: export.csv:1: Timestamp: not an item of instrument 'rev' (--ignore Timestamp skips the column)
chain-survey: export.csv:1: Email: not an item of instrument 'rev' (--ignore Email skips the column)" ]
	assert_output 'wave,partner,about,dimension,n,mean,sd,index,level,suppressed'
	# the unnamed last column Excel leaves is skipped without a word
	run -0 --separate-stderr chain-survey score --items rev.csv --min-n 1 --ignore timestamp,EMAIL export.csv
	assert_line --index 1 ',X,,d4,1,4.6667,,91.6667,strength,0'
	[ -z "$stderr" ]
	# items the file lacks are warned about
	cut -d, -f1-6,8- export.csv > short.csv
	run -0 --separate-stderr chain-survey score --items rev.csv --min-n 1 --ignore timestamp,EMAIL short.csv
	[ "$stderr" = "chain-survey: short.csv:1: warning: 1 item of instrument 'rev' not in the file: Q4" ]
	run -0 --separate-stderr chain-survey score -q --items rev.csv --min-n 1 --ignore timestamp,EMAIL short.csv
	[ -z "$stderr" ]
}

@test "bad input: a respondent twice in a wave about a partner, in one file or two" {
	pair_fixture
	csv a.csv <<'EOF'
respondent,partner,about,wave,I1,I2
r1,A,B,may,4,2
r1,A,C,may,4,2
r1,A,B,nov,4,2
r1,A,B,may,1,1
EOF
	csv b.csv <<'EOF'
respondent,partner,I1,I2
r1,A,4,2
r2,A,4,2
r1,A,4,2
EOF
	run -3 --separate-stderr chain-survey score --items pair.csv a.csv
	[ "$stderr" = "chain-survey: a.csv:5: respondent: 'r1' has already answered in wave 'may' about 'B'" ]
	run -3 --separate-stderr chain-survey score --items pair.csv b.csv
	[ "$stderr" = "chain-survey: b.csv:4: respondent: 'r1' has already answered" ]
	head -2 b.csv > b1.csv
	run -3 --separate-stderr chain-survey score --items pair.csv b.csv b1.csv
	[ "$stderr" = "chain-survey: b.csv:4: respondent: 'r1' has already answered
chain-survey: b1.csv:2: respondent: 'r1' has already answered" ]
}

@test "order: respondents in any order give the same results and the same checks" {
	# the example waves list their respondents in order of id; reversed,
	# every key is checked in a hash set instead
	for f in survey-2026-05.csv survey-2026-11.csv; do
		{ head -1 "$EXAMPLES/$f"; tail -n +2 "$EXAMPLES/$f" | tac; } > "rev-$f"
	done
	for cmd in 'score' 'alpha' 'matrix --wave 2026-11' \
	    'compare --from 2026-05 --to 2026-11 --by partner'; do
		chain-survey $cmd --instrument trust "$EXAMPLES/survey-2026-05.csv" \
		    "$EXAMPLES/survey-2026-11.csv" > in-order.out
		chain-survey $cmd --instrument trust rev-survey-2026-05.csv \
		    rev-survey-2026-11.csv > reversed.out
		cmp in-order.out reversed.out
	done
	# a repeat far from the first answer is found either way
	sed -n 2p "$EXAMPLES/survey-2026-05.csv" >> rev-survey-2026-05.csv
	run -3 --separate-stderr chain-survey score --instrument trust rev-survey-2026-05.csv
	[ "$stderr" = "chain-survey: rev-survey-2026-05.csv:$(wc -l < rev-survey-2026-05.csv): respondent: 'r1001' has already answered in wave '2026-05' about 'OM'" ]
	{ cat "$EXAMPLES/survey-2026-05.csv"; sed -n 200p "$EXAMPLES/survey-2026-05.csv"; } > again.csv
	run -3 --separate-stderr chain-survey score --instrument trust again.csv
	[ "$stderr" = "chain-survey: again.csv:$(wc -l < again.csv): respondent: '$(sed -n 200p again.csv | cut -d, -f1)' has already answered in wave '2026-05' about '$(sed -n 200p again.csv | cut -d, -f3)'" ]
}

@test "bad input: a missing partner or respondent, column or value" {
	pair_fixture
	printf 'respondent,organisation,I1,I2\nr1,A,4,2\n' > nop.csv
	run -3 chain-survey score --items pair.csv nop.csv
	assert_output - <<'EOF'
chain-survey: nop.csv:1: partner: required column is missing (the header, split at ',', has: respondent, organisation, I1, I2)
wave,partner,about,dimension,n,mean,sd,index,level,suppressed
EOF
	printf 'partner,I1,I2\nA,4,2\n' > nor.csv
	run -3 chain-survey score --items pair.csv nor.csv
	assert_line --index 0 "chain-survey: nor.csv:1: respondent: required column is missing (the header, split at ',', has: partner, I1, I2)"
	printf 'respondent,partner,I1,I2\nr1,,4,2\n,A,4,2\n' > empty.csv
	run -3 --separate-stderr chain-survey score --items pair.csv empty.csv
	[ "$stderr" = "chain-survey: empty.csv:2: partner: missing value
chain-survey: empty.csv:3: respondent: missing value" ]
}

@test "bad input: a bad instrument" {
	printf 'respondent,partner,A\nr1,P,3\n' > r.csv
	csv i.csv <<'EOF'
item,dimension,text,reverse,min,max
A,a,one,0,,
A,a,two,0,,
partner,a,three,0,,
B,*,four,0,,
C,,five,0,,
D,b,six,0,5,1
E,b,seven,0,1,5
F,b,eight,0,1,7
G,b,nine,0,1,x
H,c,ten,maybe,,
EOF
	run -3 chain-survey score --items i.csv r.csv
	assert_output - <<'EOF'
chain-survey: i.csv:3: item: item 'A' appears more than once
chain-survey: i.csv:4: item: 'partner' is a column of the responses and cannot be an item
chain-survey: i.csv:5: dimension: '*' is the overall score, not a dimension
chain-survey: i.csv:6: dimension: missing value
chain-survey: i.csv:7: max: the scale 5-1 is empty (min must be below max)
chain-survey: i.csv:9: item 'F' is on scale 1-7, the other items of 'b' on 1-5
chain-survey: i.csv:10: max: 'x' is not a valid number
chain-survey: i.csv:11: reverse: 'maybe' is not 1 (yes) or 0 (no)
EOF
	printf 'item,dimension\nA,a\n' > notext.csv
	run -3 chain-survey score --items notext.csv r.csv
	assert_output "chain-survey: notext.csv:1: text: required column is missing (the header, split at ',', has: item, dimension)"
	printf 'item,dimension,text\n' > none.csv
	run -3 chain-survey score --items none.csv r.csv
	assert_output 'chain-survey: none.csv: the instrument has no items'
	run -4 chain-survey score --items nosuch.csv r.csv
	assert_output 'chain-survey: nosuch.csv: No such file or directory'
}

@test "bad input: dimensions on different scales have no overall score" {
	csv i.csv <<'EOF'
item,dimension,text,min,max
A,a,one,1,5
B,b,two,1,7
EOF
	printf 'respondent,partner,A,B\nr1,P,3,7\n' > r.csv
	run -0 chain-survey score --items i.csv --min-n 1 r.csv
	assert_output - <<'EOF'
wave,partner,about,dimension,n,mean,sd,index,level,suppressed
,P,,a,1,3,,50,discuss,0
,P,,b,1,7,,100,strength,0
EOF
	run -2 chain-survey matrix --items i.csv r.csv
	assert_output --partial "has no overall score (its dimensions are on different scales): give --dimension"
	run -2 chain-survey score --items i.csv --dimension '*' r.csv
}

@test "bad input: unterminated quote, ragged row, empty input" {
	pair_fixture
	printf 'respondent,partner,I1,I2\nr1,"A,4,2\n' > q.csv
	run -3 chain-survey score --min-n 3 --items pair.csv q.csv
	assert_line --index 0 'chain-survey: q.csv:2: a quoted field is never closed (unterminated quote)'
	printf 'respondent,partner,I1,I2\nr1,A,4\nr2,A,4,2\nr3,A,5,1\nr4,A,3,3\n' > rag.csv
	run -3 --separate-stderr chain-survey score --min-n 3 --items pair.csv rag.csv
	[ "$stderr" = 'chain-survey: rag.csv:2: 3 fields where the header has 4 (--allow-ragged pads short rows)' ]
	assert_line --index 1 ',A,,t,3,4,1,75,strength,0'
	# padded, r1 answered I1 only: 1 of 2 items, half: 4
	run -0 chain-survey score --min-n 3 --items pair.csv --allow-ragged rag.csv
	assert_line --index 1 ',A,,t,4,4,0.8165,75,strength,0'
	: > empty.csv
	run -3 chain-survey score --min-n 3 --items pair.csv empty.csv
	assert_output - <<'EOF'
chain-survey: empty.csv: empty input: no header row
wave,partner,about,dimension,n,mean,sd,index,level,suppressed
EOF
	# a quoted field may hold the delimiter, a quote and a line end
	printf 'respondent,partner,I1,I2\n"r,1","A ""east""\nside",4,2\nr2,"A ""east""\nside",4,2\nr3,"A ""east""\nside",4,2\n' > quoted.csv
	run -0 chain-survey score --min-n 3 --items pair.csv quoted.csv
	assert_output - <<'EOF'
wave,partner,about,dimension,n,mean,sd,index,level,suppressed
,"A ""east""
side",,t,3,4,0,75,strength,0
,"A ""east""
side",,*,3,4,0,75,strength,0
EOF
}

@test "files: missing input, unwritable output, full disk, standard input" {
	pair_fixture
	printf 'respondent,partner,I1,I2\nr1,A,4,2\nr2,A,5,1\nr3,A,3,3\n' > r.csv
	run -4 --separate-stderr chain-survey score --min-n 3 --items pair.csv nosuch.csv r.csv
	[ "$stderr" = 'chain-survey: nosuch.csv: No such file or directory' ]
	assert_line --index 1 ',A,,t,3,4,1,75,strength,0'
	run -4 chain-survey score --min-n 3 --items pair.csv -o /nonexistent/dir/out.csv r.csv
	assert_output --partial '/nonexistent/dir/out.csv'
	run -4 bash -c 'chain-survey score --min-n 3 --items pair.csv r.csv > /dev/full'
	assert_output --partial 'write error'
	run -4 bash -c 'chain-survey items > /dev/full'
	run -4 bash -c 'chain-survey alpha --min-n 3 --items pair.csv r.csv > /dev/full'
	chain-survey score --min-n 3 --items pair.csv r.csv > want.csv
	run -0 bash -c 'chain-survey score --min-n 3 --items pair.csv < r.csv'
	assert_output "$(cat want.csv)"
	run -0 bash -c 'cat r.csv | chain-survey score --min-n 3 --items pair.csv -'
	assert_output "$(cat want.csv)"
	# -o replaces the file only when the run succeeds
	echo old > out.csv
	printf 'respondent,partner,I1,I2\nr1,A,9,2\n' > bad.csv
	run -3 chain-survey score --min-n 3 --items pair.csv -o out.csv bad.csv
	[ "$(cat out.csv)" = old ]
	run -0 chain-survey score --min-n 3 --items pair.csv -o out.csv r.csv
	cmp out.csv want.csv
}

@test "Dutch Excel: ';', decimal comma, BOM, CRLF in; --excel out" {
	pair_fixture
	printf '\xef\xbb\xbfRespondent;Partner;Wave;I1;I2\r\nr1;GEM;12-05-2026;4;2\r\nr2;GEM;12-05-2026;4,5;1\r\nr3;GEM;12-05-2026;3;3,5\r\n' > nl.csv
	# 4, (4.5 + 5) / 2 = 4.75, (3 + 2.5) / 2 = 2.75: mean 23/6 = 3.8333,
	# squared deviations 1/36, 121/144, 169/144 sum to 49/24: sd
	# sqrt(49/48) = 1.0104, index 70.8333
	run -0 chain-survey score --min-n 3 --items pair.csv nl.csv
	assert_output - <<'EOF'
wave,partner,about,dimension,n,mean,sd,index,level,suppressed
2026-05-12,GEM,,t,3,3.8333,1.0104,70.8333,discuss,0
2026-05-12,GEM,,*,3,3.8333,1.0104,70.8333,discuss,0
EOF
	sed 's/\r$//' nl.csv > lf.csv
	run -0 chain-survey score --min-n 3 --items pair.csv lf.csv
	assert_line --index 1 '2026-05-12,GEM,,t,3,3.8333,1.0104,70.8333,discuss,0'
	chain-survey score --min-n 3 --excel --items pair.csv nl.csv > x.csv
	printf '\xef\xbb\xbfwave;partner;about;dimension;n;mean;sd;index;level;suppressed\r\n2026-05-12;GEM;;t;3;3,8333;1,0104;70,8333;discuss;0\r\n2026-05-12;GEM;;*;3;3,8333;1,0104;70,8333;discuss;0\r\n' > want.csv
	cmp x.csv want.csv
	# the instrument may come from Excel too
	printf '\xef\xbb\xbfItem;Dimension;Text;Reverse\r\nI1;t;"Zij houden woord; altijd";nee\r\nI2;t;=geheim;ja\r\n' > nl-items.csv
	run -0 chain-survey score --min-n 3 --items nl-items.csv nl.csv
	assert_line --index 1 '2026-05-12,GEM,,t,3,3.8333,1.0104,70.8333,discuss,0'
	chain-survey items --items nl-items.csv --excel > xi.csv
	printf "\xef\xbb\xbfitem;dimension;text;reverse;min;max\r\nI1;t;\"Zij houden woord; altijd\";0;1;5\r\nI2;t;'=geheim;1;1;5\r\n" > want.csv
	cmp xi.csv want.csv
	# -d names the delimiter; the decimal comma goes with ';' only
	tr ';' '|' < nl.csv > pipe.csv
	run -3 chain-survey score --min-n 3 -d '|' --items pair.csv pipe.csv
	assert_line --index 0 "chain-survey: pipe.csv:3: I1: '4,5' is not a valid number"
	tr ';,' '|.' < nl.csv > pipe.csv
	run -0 chain-survey score --min-n 3 -d '|' --items pair.csv pipe.csv
	assert_line --index 1 '2026-05-12,GEM,,t,3,3.8333,1.0104,70.8333,discuss,0'
}

@test "items: the built-in instruments, listed and in both languages" {
	run -0 chain-survey items
	assert_output - <<'EOF'
instrument,items,dimensions
attitude,12,i we others process
chain,15,trust collaboration community attitude governance
collaboration,12,vision goals roles processes
community,12,meaning practice community identity
pillars,16,cultural relational procedural substantive
trust,18,agreements predictability transparency attention raising-issues joint-interest
EOF
	run -0 chain-survey items --instrument trust
	assert_line --index 0 'item,dimension,text,reverse,min,max'
	assert_line --index 1 'T01,agreements,This partner keeps the agreements it makes with us.,0,1,5'
	assert_line --index 3 'T03,agreements,Agreements with this partner stay vague about who does what by when.,1,1,5'
	[ "${#lines[@]}" -eq 19 ]
	run -0 chain-survey items --instrument trust --lang nl
	assert_line --index 1 'T01,afspraken,Deze partner komt de afspraken met ons na.,0,1,5'
	assert_line --index 18 'T18,gezamenlijk belang,In overleg met ons gaat deze partner vooral voor de beste deal voor zichzelf.,1,1,5'
	# every built-in instrument: a Dutch text for every item, a reverse
	# item in every dimension, the scale 1-5, at least two items a
	# dimension so that alpha can be computed
	for name in attitude chain collaboration community pillars trust; do
		chain-survey items --instrument "$name" > en.csv
		chain-survey items --instrument "$name" --lang nl > nl.csv
		[ "$(wc -l < en.csv)" = "$(wc -l < nl.csv)" ]
		paste -d '\n' en.csv nl.csv | awk 'NR > 2 && NR % 2 == 0 && $0 == prev { exit 1 } { prev = $0 }'
		[ -z "$(tail -n +2 en.csv | grep -v ',1,5$')" ]
		tail -n +2 en.csv | awk -F, '{ n[$2]++; if ($(NF - 2) == 1) r[$2]++ }
			END { for (d in n) if (n[d] < 2 || !r[d]) exit 1 }'
	done
	run -2 chain-survey items --instrument nosuch
	assert_output - <<'EOF'
chain-survey: --instrument: unknown instrument 'nosuch' (built in: attitude, chain, collaboration, community, pillars, trust)
Try 'chain-survey --help' for more information.
EOF
	run -2 chain-survey items --instrument ../trust
	run -2 chain-survey items --lang de
	run -2 chain-survey items some.csv
}

@test "usage: --help, --version, bad options and commands exit 2" {
	run -0 chain-survey --help
	assert_line --index 0 'usage: chain-survey [options] items|score|alpha|matrix|network|compare [FILE...]'
	assert_output --partial '--ignore COL[,COL..]'
	run -0 chain-survey -V
	assert_output --regexp '^chain-survey [0-9]+\.[0-9]+\.[0-9]+$'
	run -2 chain-survey
	assert_output --partial 'a command is required'
	run -2 chain-survey frobnicate
	assert_output --partial "unknown command 'frobnicate'"
	run -2 chain-survey --bogus items
	run -2 chain-survey score
	assert_output --partial 'score needs an instrument: --items FILE or --instrument NAME'
	run -2 chain-survey score --items a.csv --instrument trust
	assert_output --partial '--items and --instrument: give one'
	run -2 chain-survey alpha --instrument trust --by partner
	assert_output --partial '--by does not go with alpha'
	run -2 chain-survey items --wave 1
	run -2 chain-survey matrix --instrument trust --from 1
	run -2 chain-survey score --instrument trust --lang nl
	run -2 chain-survey matrix --instrument trust --fail-on concern
	run -2 chain-survey score --instrument trust --min-n x
	run -2 chain-survey score --instrument trust --dimension nope
}

# A copy of the program beside instruments of its own, as in a source tree.
tree_with() {
	mkdir -p tree/bin tree/examples/instruments
	cp "$CHAIN_BIN/chain-survey" tree/bin/
	printf 'item,dimension,text\nX1,x,only here\n' > tree/examples/instruments/$1.csv
}

@test "data directory: the source tree the program runs from" {
	[ ! -d /usr/local/share/chain/instruments ] ||
		skip "an installed data directory comes first"
	tree_with treeonly
	run -0 env -u CHAIN_DATA_DIR tree/bin/chain-survey items
	assert_output - <<'EOF'
instrument,items,dimensions
treeonly,1,x
EOF
	# bin/ of the source tree finds examples/instruments
	run -0 env -u CHAIN_DATA_DIR "$CHAIN_ROOT/bin/chain-survey" items --instrument chain
	assert_line --index 1 --partial 'K01,trust,'
}

@test "data directory: CHAIN_DATA_DIR comes first" {
	tree_with treeonly
	mkdir -p data/instruments
	printf 'item,dimension,text\nY1,y,mine\nY2,y,mine too\n' > data/instruments/mine.csv
	run -0 env CHAIN_DATA_DIR="$PWD/data" tree/bin/chain-survey items
	assert_output - <<'EOF'
instrument,items,dimensions
mine,2,y
EOF
	printf 'respondent,partner,Y1,Y2\nr,P,4,5\n' > r.csv
	run -0 env CHAIN_DATA_DIR="$PWD/data" tree/bin/chain-survey score --instrument mine --min-n 1 r.csv
	assert_line --index 1 ',P,,y,1,4.5,,87.5,strength,0'
	run -4 env CHAIN_DATA_DIR="$PWD/nothing" tree/bin/chain-survey score --instrument trust r.csv
	assert_output "chain-survey: no built-in instruments in $PWD/nothing/instruments (set CHAIN_DATA_DIR)"
}

@test "data directory: after make install, with DESTDIR and with the compiled path" {
	make -s -C "$CHAIN_ROOT" install DESTDIR="$PWD/dest" > make.log 2>&1
	dest=$PWD/dest/usr/local
	[ -f "$dest/share/man/man1/chain-survey.1" ]
	[ -f "$dest/share/chain/instruments/trust.csv" ]
	run -0 env CHAIN_DATA_DIR="$dest/share/chain" "$dest/bin/chain-survey" items
	assert_line --index 6 --partial 'trust,18,agreements predictability'
	# installed under another prefix than the one compiled in (and away
	# from the source tree): found beside its bin/
	mkdir -p elsewhere
	cp -r "$dest/bin" "$dest/share" elsewhere/
	printf 'item,dimension,text\nY1,y,moved\n' > elsewhere/share/chain/instruments/moved.csv
	run -0 env -u CHAIN_DATA_DIR elsewhere/bin/chain-survey items
	assert_line --index 5 'moved,1,y'
	# a build for another prefix finds its instruments where it was
	# installed, with no help from the environment
	make -s -C "$CHAIN_ROOT" OBJDIR="$PWD/obj" BIN="$PWD/obj/bin" \
	    LIBA="$PWD/obj/libchain.a" CFLAGS=-O0 PREFIX="$PWD/prefix" install \
	    > make.log 2>&1
	printf 'item,dimension,text\nZ1,z,extra\n' > prefix/share/chain/instruments/extra.csv
	run -0 env -u CHAIN_DATA_DIR prefix/bin/chain-survey items
	assert_line --index 3 'collaboration,12,vision goals roles processes'
	assert_line --index 5 'extra,1,z'
	[ "${#lines[@]}" -eq 8 ]
}

@test "man page examples run on examples/" {
	waves="$EXAMPLES/survey-2026-05.csv $EXAMPLES/survey-2026-11.csv"
	run -0 chain-survey items
	assert_line --index 6 --partial 'trust,18,'
	run -0 chain-survey items --instrument trust --lang nl -o vragenlijst.csv
	[ "$(sed -n 2p vragenlijst.csv)" = 'T01,afspraken,Deze partner komt de afspraken met ons na.,0,1,5' ]
	run -0 chain-survey score --instrument trust $waves
	assert_line '2026-05,ZORG,,*,40,3.6378,0.6519,65.9444,discuss,0'
	assert_line '2026-11,ZORG,,*,40,2.9042,0.7576,47.6042,concern,0'
	[ "${#lines[@]}" -eq 85 ]
	run -0 chain-survey matrix --instrument trust --wave 2026-11 --excel -o matrix.csv $waves
	[ "$(head -c 3 matrix.csv)" = $'\xef\xbb\xbf' ]
	grep -q $'^ZORG;GEM;20;2,3514;33,7847;3,2109;-0,8595\r$' matrix.csv
	run -1 chain-survey compare --instrument trust --from 2026-05 --to 2026-11 \
	    --dimension '*' --fail-on decline $waves
	assert_line 'ZORG,GEM,*,20,3.7436,20,2.3514,-1.3922,0,-2.4259'
	run -0 chain-survey alpha --instrument trust $waves
	assert_line --index 1 'agreements,,3,603,0.7882,,'
	assert_line --index 2 'agreements,T01,,603,,0.6279,0.7137'
	# May alone: its two small groups (four respondents) would be the
	# whole wave less its groups shown, so the wave is hidden, alpha too
	run -0 chain-survey alpha --instrument trust "$EXAMPLES/survey-2026-05.csv"
	assert_line --index 1 'agreements,,3,,,,'
	assert_line --index 2 'agreements,T01,,,,,'
	# chain(7): the cron alert
	cd "$EXAMPLES"
	run -1 chain-survey compare --instrument trust --from 2026-05 \
	    --to 2026-11 --fail-on decline survey-*.csv
}

@test "examples: trust that falls between the waves, a group too small to report" {
	waves="$EXAMPLES/survey-2026-05.csv $EXAMPLES/survey-2026-11.csv"
	run -0 chain-survey compare --instrument trust --from 2026-05 --to 2026-11 $waves
	# youth care's trust in the municipality falls on every behaviour,
	# by more than a point, far beyond chance (p below 0.00005)
	assert_line 'ZORG,GEM,agreements,20,3.775,20,2.025,-1.75,0,-2.6668'
	[ "$(grep -c '^ZORG,GEM,.*,-1\.[0-9]*,0,-[0-9.]*$' <<< "$output")" -eq 7 ]
	# two probation officers about youth care: never shown; they answer
	# about the municipality too, and two prosecutors about both: a block
	# of four small groups that hide each other, so no complementary
	# suppression is needed elsewhere (4 groups x 7 cells)
	assert_line 'RECL,ZORG,*,,,,,,,'
	run -0 chain-survey score --instrument trust --by partner,about --wave 2026-05 $waves
	assert_line ',RECL,ZORG,*,,,,,,1'
	assert_line ',OM,GEM,*,,,,,,1'
	[ "$(grep -c ',1$' <<< "$output")" -eq 28 ]
	[ "$(grep -c '^,RECL,ZORG,\|^,RECL,GEM,\|^,OM,ZORG,\|^,OM,GEM,' <<< "$output")" -eq 28 ]
	# every item of every response is on the scale, every dimension
	# holds together (alpha from 0.7)
	run -0 chain-survey alpha --instrument trust $waves
	[ "$(awk -F, 'NR > 1 && $2 == "" && $5 >= 0.7' <<< "$output" | wc -l)" -eq 6 ]
}
