#!/usr/bin/env bats
# chain-survey under attack (SPEC section 4, "Anonymity"): each attack of
# issue 12 tries to work out the answers of fewer than min-n respondents
# from what the program shows, across runs, --by, --wave, commands and the
# overall '*', and must fail.  Every one of them succeeded on the rule that
# decided suppression per run and per grouping.  tests/anon/attack.sh
# gathers everything shown; tests/anon/attack (C) solves the linear system.

load test_helper/common

setup_file() {
	if [ -z "${CHAIN_ATTACK:-}" ]; then
		CHAIN_ATTACK=$BATS_FILE_TMPDIR/attack
		cc -O2 -std=c11 -D_DEFAULT_SOURCE -o "$CHAIN_ATTACK" \
		    "$BATS_TEST_DIRNAME/anon/attack.c" -lm
	fi
	export CHAIN_ATTACK
}

attack() {
	ATTACK=$CHAIN_ATTACK sh "$BATS_TEST_DIRNAME/anon/attack.sh" "$@"
}

one_item() {
	csv one.csv <<'EOF'
item,dimension,text
S,s,score
EOF
}

@test "the default min-n is 5: a group of five is shown, of four not" {
	one_item
	printf 'respondent,partner,S\n' > r.csv
	for i in 1 2 3 4 5; do printf 'a%s,A,4\n' $i >> r.csv; done
	for i in 1 2 3 4; do printf 'b%s,B,2\n' $i >> r.csv; done
	for i in 1 2 3 4 5 6; do printf 'c%s,C,3\n' $i >> r.csv; done
	# B alone is hidden; the whole chain less A and C would give it away,
	# so A, the smaller, is hidden with it
	run -0 chain-survey score --items one.csv --dimension s r.csv
	assert_output - <<'EOF'
wave,partner,about,dimension,n,mean,sd,index,level,suppressed
,A,,s,,,,,,1
,B,,s,,,,,,1
,C,,s,6,3,0,50,discuss,0
EOF
	run -0 chain-survey score --items one.csv --by none --dimension s r.csv
	assert_output - <<'EOF'
wave,partner,about,dimension,n,mean,sd,index,level,suppressed
,,,s,15,3.0667,0.7988,51.6667,discuss,0
EOF
	run -0 chain-survey --help
	assert_output --partial 'show no group of fewer respondents (default 5)'
}

# GEM: two respondents in w1 (answers 1 and 1), five in w2 (all 4);
# POL: six in each wave.
two_runs_fixture() {
	one_item
	{
		printf 'respondent,partner,about,wave,S\n'
		printf 'g1,GEM,POL,w1,1\ng2,GEM,POL,w1,1\n'
		for i in 3 4 5 6 7; do printf 'g%s,GEM,POL,w2,4\n' $i; done
		for i in 1 2 3 4 5 6; do printf 'p%s,POL,GEM,w1,3\n' $i; done
		for i in 7 8 9 10 11 12; do printf 'p%s,POL,GEM,w2,5\n' $i; done
	} > r.csv
}

@test "attack 1: two runs, --by partner and --wave w2, do not give w1 away" {
	two_runs_fixture
	# the attack: GEM over both waves (n 7) less GEM in w2 (n 5) is the
	# sum of the two w1 answers (per-run suppression showed both: 7 x
	# 3.1429 - 5 x 4 = 2)
	chain-survey score --items one.csv --by partner --dimension s r.csv > all.csv
	chain-survey score --items one.csv --wave w2 --dimension s r.csv > w2.csv
	run -1 awk -F, 'FNR == 1 { next } $2 == "GEM" && $5 != "" {
		if (FILENAME == "all.csv") { n = $5; s = $5 * $6 } else { m = $5; t = $5 * $6 } }
	    END { if (n == "" || m == "") exit 1; printf "%d answers sum to %.4f\n", n - m, s - t }' all.csv w2.csv
	# one of them is hidden, however the runs are chosen
	run -0 cat all.csv w2.csv
	assert_output --regexp '(,GEM,,s,,,,,,1|w2,GEM,,s,,,,,,1)'
	run -0 attack 5 one.csv r.csv
	assert_line --regexp '^[1-9][0-9]* figures shown, [1-9][0-9]* sets .* tried, 0 recovered$'
}

@test "attack 2: the overall '*' row does not give a hidden dimension away" {
	csv two.csv <<'EOF'
item,dimension,text
A,a,first
B,b,second
EOF
	# G: five answer a only (3 each), two answer b only (1 and 5): b has
	# two respondents, '*' seven.  Per-dimension suppression showed a
	# (n 5) and '*' (n 7): 7 x mean(*) - 5 x mean(a) = the two b answers
	{
		printf 'respondent,partner,A,B\n'
		for i in 1 2 3 4 5; do printf 'r%s,G,3,\n' $i; done
		printf 'r6,G,,1\nr7,G,,5\n'
		for i in 1 2 3 4 5 6; do printf 'h%s,H,4,4\n' $i; done
	} > r.csv
	chain-survey score --items two.csv --by partner r.csv > out.csv
	run -1 awk -F, '$2 == "G" && $5 != "" { n[$4] = $5; m[$4] = $6 }
	    END { if (!("*" in n) || !("a" in n)) exit 1
		printf "b sums to %.4f\n", n["*"] * m["*"] - n["a"] * m["a"] }' out.csv
	# the group is hidden in every dimension and '*'
	run -0 grep -c '^,G,,.*,1$' out.csv
	assert_output 3
	run -0 attack 5 two.csv r.csv
	assert_line --regexp ', 0 recovered$'
}

@test "attack 3: random 5 x 5 tables, two waves: nothing below min-n is ever recovered" {
	one_item
	# 200 fixed seeds; each table has cells of 0 to 6 respondents, so
	# many below 5; per-run suppression lost about every table this way
	# (two hidden cells per row and column are not enough)
	# under valgrind (make valgrind) one table takes minutes, and the
	# memory of these runs is that of attacks 1 and 2: left to make check
	# and make sanitize
	[ -z "${CHAIN_VALGRIND:-}" ] || skip "minutes under valgrind; make check and make sanitize run it"
	seeds=${ANON_SEEDS:-200}
	for seed in $(seq 1 "$seeds"); do
		awk -v seed="$seed" -f "$BATS_TEST_DIRNAME/anon/table.awk" > t.csv
		run -0 attack 5 one.csv t.csv
		assert_line --regexp '^[1-9][0-9]* figures shown, [0-9]+ sets of fewer than 5 respondents tried, 0 recovered$'
	done
	# and with a lower min-n, on some of them
	for seed in $(seq 1 $((seeds < 20 ? seeds : 20))); do
		awk -v seed="$seed" -f "$BATS_TEST_DIRNAME/anon/table.awk" > t.csv
		run -0 attack 3 one.csv t.csv
		assert_line --regexp ', 0 recovered$'
	done
}

@test "attack 3: the attacker finds what figures below min-n give away" {
	one_item
	awk -v seed=7 -f "$BATS_TEST_DIRNAME/anon/table.awk" > t.csv
	# chain-survey as if it showed every group (a later --min-n wins)
	printf '#!/bin/sh\nexec chain-survey "$@" --min-n 1\n' > show-all
	chmod +x show-all
	CHAIN_SURVEY=./show-all run -1 attack 5 one.csv t.csv
	assert_output --partial 'recovered s: the sum of'
}

@test "attack 4: alpha obeys min-n and the pattern of the scores" {
	csv two.csv <<'EOF'
item,dimension,text
Q1,d,one
Q2,d,two
EOF
	csv r.csv <<'EOF'
respondent,partner,Q1,Q2
r1,A,4,5
r2,A,2,1
EOF
	# two respondents: score hides them, and so does alpha (per-run
	# suppression showed alpha 0.9231, r_drop 1 and n 2 for them)
	run -0 chain-survey score --items two.csv --by none r.csv
	assert_line --index 1 ',,,d,,,,,,1'
	run -0 chain-survey alpha --items two.csv r.csv
	assert_output - <<'EOF'
dimension,item,items,n,alpha,r_drop,alpha_if_dropped
d,,2,,,,
d,Q1,,,,,
d,Q2,,,,,
EOF
	# wave 1: five respondents, Q1 4,2,3,5,1 and Q2 5,1,3,4,2 (variances
	# 2.5 and 2.5, covariance 2): alpha = 2 (1 - 5 / 9) = 0.8889.  Wave 2:
	# five respondents, of whom two answered both items: score shows the
	# wave, alpha hides it, and the whole input too (less wave 1 it is
	# those two)
	printf 'respondent,partner,wave,Q1,Q2\n' > w.csv
	printf 'a%s,A,1,%s,%s\n' 1 4 5 2 2 1 3 3 3 4 5 4 5 1 2 >> w.csv
	printf 'b1,A,2,4,4\nb2,A,2,1,2\nb3,A,2,3,\nb4,A,2,2,\nb5,A,2,5,\n' >> w.csv
	run -0 chain-survey score --items two.csv --by wave w.csv
	assert_line --index 3 --regexp '^2,,,d,5,'
	run -0 chain-survey alpha --items two.csv --wave 1 w.csv
	assert_line --index 1 'd,,2,5,0.8889,,'
	run -0 chain-survey alpha --items two.csv --wave 2 w.csv
	assert_line --index 1 'd,,2,,,,'
	run -0 chain-survey alpha --items two.csv w.csv
	assert_line --index 1 'd,,2,,,,'
	# wave 2 of two respondents only: hidden in score and alpha, and the
	# whole input less wave 1 would give it away, so score hides wave 1
	# (the smaller part) and shows the whole: so does alpha.  All seven:
	# Q1 4,2,3,5,1,4,1 and Q2 5,1,3,4,2,4,2 (variances 2.4762 and 2,
	# covariance 1.8333): alpha = 2 (1 - 4.4762 / 8.1429) = 0.9006
	sed -i '/^b[345],/d' w.csv
	run -0 chain-survey score --items two.csv --by wave w.csv
	assert_line --index 1 '1,,,d,,,,,,1'
	assert_line --index 3 '2,,,d,,,,,,1'
	run -0 chain-survey alpha --items two.csv --wave 1 w.csv
	assert_line --index 1 'd,,2,,,,'
	run -0 chain-survey alpha --items two.csv --wave 2 w.csv
	assert_line --index 1 'd,,2,,,,'
	run -0 chain-survey alpha --items two.csv w.csv
	assert_line --index 1 'd,,2,7,0.9006,,'
}

@test "attack 5: an insider of a group of three reads nothing with the default min-n" {
	one_item
	csv r.csv <<'EOF'
respondent,partner,S
i1,A,4
i2,A,2
i3,A,5
b1,B,3
b2,B,3
b3,B,4
b4,B,2
b5,B,3
EOF
	# the insider answered 4; from n 3, mean and sd the two others are
	# the roots of x^2 - s x + p: s = 3 mean - 4, p = (s^2 - q) / 2 with
	# q = 2 sd^2 + 3 mean^2 - 16
	insider='$2 == "A" && $5 == 3 { m = $6; sd = $7; s = 3 * m - 4
		q = 2 * sd * sd + 3 * m * m - 16; p = (s * s - q) / 2
		r = sqrt(s * s - 4 * p); printf "%.0f %.0f\n", (s - r) / 2, (s + r) / 2; found = 1 }
	    END { exit !found }'
	run -0 chain-survey score --items one.csv --by partner r.csv
	assert_line --index 1 ',A,,s,,,,,,1'
	chain-survey score --items one.csv --by partner --dimension s r.csv > out.csv
	run -1 awk -F, "$insider" out.csv
	# a --min-n of 3, asked for, shows the group: then the insider reads
	# both colleagues' answers (what chain-survey(1) warns of)
	chain-survey score --items one.csv --by partner --min-n 3 --dimension s r.csv > out.csv
	run -0 awk -F, "$insider" out.csv
	assert_output '2 5'
}

@test "one pattern: every command and option shows a group the same way" {
	one_item
	awk -v seed=11 -f "$BATS_TEST_DIRNAME/anon/table.awk" > t.csv
	# the finest groups as score shows them, and as compare and matrix do
	chain-survey score --items one.csv --by wave,partner,about --dimension s t.csv |
	    awk -F, 'NR > 1 { print $1, $2, $3, $5, $6 }' | sort > score.txt
	for w in w1 w2; do
		chain-survey matrix -q --items one.csv --dimension s --wave "$w" t.csv |
		    awk -F, -v w="$w" 'NR > 1 && $3 != "" { print w, $1, $2, $3, $4 }'
	done | sort > matrix.txt
	chain-survey compare --items one.csv --from w1 --to w2 --dimension s t.csv |
	    awk -F, 'NR > 1 { if ($4 != "") print "w1", $1, $2, $4, $5
		if ($6 != "") print "w2", $1, $2, $6, $7 }' | sort > compare.txt
	run -0 awk '$4 != ""' score.txt
	[ "${#lines[@]}" -gt 0 ]
	awk '$4 != ""' score.txt > shown.txt
	run -0 diff shown.txt matrix.txt
	run -0 diff shown.txt compare.txt
}
