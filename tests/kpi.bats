#!/usr/bin/env bats
# chain-kpi: XmR charts worked out by hand, each special-cause rule alone and
# in precedence, assurance, combining, periods across year boundaries, lead
# times across daylight saving and UTC offsets, the real road-traffic log,
# every bad input, and the examples of the man page.

load test_helper/common

# One series per KPI: a baseline of twelve points alternating 11 and 9
# (centre 10, every moving range 2, so limits 10 -/+ 2.66 x 2 = 4.68 and
# 15.32, two thirds of the way at 10 -/+ 3.5467), then the points under test
# from week 13 on.
rules_csv() {
	{
		echo kpi,period,value
		while read -r kpi points; do
			i=0
			for v in 11 9 11 9 11 9 11 9 11 9 11 9 $points; do
				i=$((i + 1))
				printf '%s,2026-W%02d,%s\n' "$kpi" "$i" "$v"
			done
		done
	} > rules.csv
}

# The chart of 13 points:
#   values 10 12 11 13 12 10 11 12 14 11 10 12 20, sum 158
#   mean 158 / 13 = 12.153846
#   moving ranges 2 1 2 1 2 1 1 2 3 1 2 8, sum 26, mean 26 / 12 = 2.166667
#   limits 12.153846 -/+ 2.66 x 2.166667 = 12.153846 -/+ 5.763333
#          = 6.390513 and 17.917179
#   the 13th point, 20, is above the upper limit: outside; lead time is
#   better down, so a concern; the target 12 is met (<=) by 5 of 13 points.
chart_csv() {
	csv m.csv <<'EOF'
kpi,period,value,partner
lt,2026-W01,10,POL
lt,2026-W02,12,POL
lt,2026-W03,11,POL
lt,2026-W04,13,POL
lt,2026-W05,12,POL
lt,2026-W06,10,POL
lt,2026-W07,11,POL
lt,2026-W08,12,POL
lt,2026-W09,14,POL
lt,2026-W10,11,POL
lt,2026-W11,10,POL
lt,2026-W12,12,POL
lt,2026-W13,20,POL
EOF
	csv plan.csv <<'EOF'
kpi,name,unit,better,target
lt,Lead time,days,down,12
EOF
}

@test "check: an XmR chart of 13 points, its mean and limits" {
	chart_csv
	run -0 --separate-stderr chain-kpi check --plan plan.csv m.csv
	assert_output - <<'EOF'
kpi,period,value,target,met,mean,lower,upper,signal,rule
lt,2026-W01,10,12,1,12.1538,6.3905,17.9172,none,
lt,2026-W02,12,12,1,12.1538,6.3905,17.9172,none,
lt,2026-W03,11,12,1,12.1538,6.3905,17.9172,none,
lt,2026-W04,13,12,0,12.1538,6.3905,17.9172,none,
lt,2026-W05,12,12,1,12.1538,6.3905,17.9172,none,
lt,2026-W06,10,12,1,12.1538,6.3905,17.9172,none,
lt,2026-W07,11,12,1,12.1538,6.3905,17.9172,none,
lt,2026-W08,12,12,1,12.1538,6.3905,17.9172,none,
lt,2026-W09,14,12,0,12.1538,6.3905,17.9172,none,
lt,2026-W10,11,12,1,12.1538,6.3905,17.9172,none,
lt,2026-W11,10,12,1,12.1538,6.3905,17.9172,none,
lt,2026-W12,12,12,1,12.1538,6.3905,17.9172,none,
lt,2026-W13,20,12,0,12.1538,6.3905,17.9172,concern,outside
EOF
	[ -z "$stderr" ]
	# summary: the change since week 12 is 20 - 12 = 8; the band
	# 6.39..17.92 holds the target 12: hit and miss
	run -1 chain-kpi summary --plan plan.csv --fail-on concern m.csv
	assert_output - <<'EOF'
kpi,name,period,value,target,met,change,variation,assurance,recalc
lt,Lead time,2026-W13,20,12,0,8,concern,hit-and-miss,
EOF
	run -1 chain-kpi check --plan plan.csv --fail-on concern m.csv
	# without the last point: common cause, nothing to fail on
	sed -i '$d' m.csv
	run -0 chain-kpi summary --plan plan.csv --fail-on concern m.csv
	assert_line --index 1 'lt,Lead time,2026-W12,12,12,1,2,common,hit-and-miss,'
}

@test "check: the limits on a --baseline, the rest judged against them" {
	chart_csv
	# the first 12 points: mean 138 / 12 = 11.5; moving ranges sum 18 over
	# 11, 1.636364; limits 11.5 -/+ 4.352727 = 7.147273 and 15.852727
	run -0 chain-kpi check --baseline 12 m.csv
	assert_line --index 1 'lt,2026-W01,10,,,11.5,7.1473,15.8527,none,'
	assert_line --index 13 'lt,2026-W13,20,,,11.5,7.1473,15.8527,special,outside'
	run -2 chain-kpi check --baseline 11 m.csv
	assert_output --partial "--baseline: '11' is not a whole number from 12"
}

@test "rules: each fires alone; a point on the centre breaks a shift, an equal value a trend" {
	rules_csv <<'EOF'
shift 11 11.5 11 12 11 11.5 11
centre 11 11.5 11 10 11 11.5 11
trend 7 8 9 10 11 12 13
equal 7 8 9 9 10 11 12
twothree 14 12 14 9 11
outside 16 9 11
EOF
	run -0 bash -c "chain-kpi check --baseline 12 rules.csv | grep -v ',none,\$'"
	# shift: seven points above 10; centre: the fourth is on it (10);
	# trend: seven points each higher; equal: 9 then 9 stops the rises;
	# two-of-three: 14 and 14 beyond 13.5467, all three above, and only
	# those two are flagged (12, the third, is common cause); outside:
	# 16 above 15.32 (the baseline's alternation fires nothing)
	assert_output - <<'EOF'
kpi,period,value,target,met,mean,lower,upper,signal,rule
outside,2026-W13,16,,,10,4.68,15.32,special,outside
shift,2026-W13,11,,,10,4.68,15.32,special,shift
shift,2026-W14,11.5,,,10,4.68,15.32,special,shift
shift,2026-W15,11,,,10,4.68,15.32,special,shift
shift,2026-W16,12,,,10,4.68,15.32,special,shift
shift,2026-W17,11,,,10,4.68,15.32,special,shift
shift,2026-W18,11.5,,,10,4.68,15.32,special,shift
shift,2026-W19,11,,,10,4.68,15.32,special,shift
trend,2026-W13,7,,,10,4.68,15.32,special,trend
trend,2026-W14,8,,,10,4.68,15.32,special,trend
trend,2026-W15,9,,,10,4.68,15.32,special,trend
trend,2026-W16,10,,,10,4.68,15.32,special,trend
trend,2026-W17,11,,,10,4.68,15.32,special,trend
trend,2026-W18,12,,,10,4.68,15.32,special,trend
trend,2026-W19,13,,,10,4.68,15.32,special,trend
twothree,2026-W13,14,,,10,4.68,15.32,special,two-of-three
twothree,2026-W15,14,,,10,4.68,15.32,special,two-of-three
EOF
}

@test "rules: precedence when two fire, and the direction of a signal" {
	rules_csv <<'EOF'
first 16 14 10.5 9 11
overlap 10.5 11 11.5 12 12.5 13 13.2 11
EOF
	csv plan.csv <<'EOF'
kpi,better,target
first,up,
overlap,down,12
EOF
	# first: 16 is outside, and a point outside the limits is not near
	# one, so 14 (beyond 13.5467) has no second point near the limit: it
	# is common cause, and so is 10.5.  overlap: the
	# last baseline point (9) starts eight rising points (trend); the seven
	# rises after it and the 11 that follows are eight points above the
	# centre (shift): trend wins, the last is a shift; going up is a
	# concern when better is down
	run -0 bash -c "chain-kpi check --plan plan.csv --baseline 12 rules.csv | grep -v ',none,\$'"
	assert_output - <<'EOF'
kpi,period,value,target,met,mean,lower,upper,signal,rule
first,2026-W13,16,,,10,4.68,15.32,improvement,outside
overlap,2026-W12,9,12,1,10,4.68,15.32,concern,trend
overlap,2026-W13,10.5,12,1,10,4.68,15.32,concern,trend
overlap,2026-W14,11,12,1,10,4.68,15.32,concern,trend
overlap,2026-W15,11.5,12,1,10,4.68,15.32,concern,trend
overlap,2026-W16,12,12,1,10,4.68,15.32,concern,trend
overlap,2026-W17,12.5,12,0,10,4.68,15.32,concern,trend
overlap,2026-W18,13,12,0,10,4.68,15.32,concern,trend
overlap,2026-W19,13.2,12,0,10,4.68,15.32,concern,trend
overlap,2026-W20,11,12,1,10,4.68,15.32,concern,shift
EOF
}

@test "rules: two-of-three flags only the points near the limit, as NHSRplotthedots does" {
	# The reference's own cases (ptd_part_of_two_in_three, tests of
	# NHSRplotthedots 0.2.0), as series on the baseline of rules_csv:
	# near the limit is beyond 13.5467 (above) or below 6.4533, up to the
	# limit; 14 is near, 11 and 9 are not.
	#   near: 11 11 14 11 14 11 | 9   windows (14 11 14): W15 and W17 only
	#   apart: 14 11 11 14 | 9        no window holds two: nothing
	#   late: 14 11 11 14 14 | 9      (11 14 14) and (14 14 9 is mixed):
	#                                 W16 and W17; the 11 of W15 is not
	#   inshift: 11 11.5 14 14 11 11.5 11   seven above the centre: a shift;
	#                                 W15 and W16 near the limit win over it
	#   low: 6 6 9 | 11               below the centre: W13 and W14
	# The old rule flagged every point of a window: the 11 of near's W16,
	# late's W15 (a concern for a lead time) and inshift's W14 and W17
	# (two-of-three where the reference says shift).
	rules_csv <<'EOF'
near 11 11 14 11 14 11 9
apart 14 11 11 14 9
late 14 11 11 14 14 9
inshift 11 11.5 14 14 11 11.5 11
low 6 6 9 11
EOF
	csv plan.csv <<'EOF'
kpi,better
near,
apart,
late,down
inshift,
low,up
EOF
	run -0 --separate-stderr bash -c "chain-kpi check --plan plan.csv --baseline 12 rules.csv | grep -v ',none,\$'"
	assert_output - <<'EOF'
kpi,period,value,target,met,mean,lower,upper,signal,rule
near,2026-W15,14,,,10,4.68,15.32,special,two-of-three
near,2026-W17,14,,,10,4.68,15.32,special,two-of-three
late,2026-W16,14,,,10,4.68,15.32,concern,two-of-three
late,2026-W17,14,,,10,4.68,15.32,concern,two-of-three
inshift,2026-W13,11,,,10,4.68,15.32,special,shift
inshift,2026-W14,11.5,,,10,4.68,15.32,special,shift
inshift,2026-W15,14,,,10,4.68,15.32,special,two-of-three
inshift,2026-W16,14,,,10,4.68,15.32,special,two-of-three
inshift,2026-W17,11,,,10,4.68,15.32,special,shift
inshift,2026-W18,11.5,,,10,4.68,15.32,special,shift
inshift,2026-W19,11,,,10,4.68,15.32,special,shift
low,2026-W13,6,,,10,4.68,15.32,concern,two-of-three
low,2026-W14,6,,,10,4.68,15.32,concern,two-of-three
EOF
	# the third point of late's window: common cause, as the reference says
	run -0 bash -c "chain-kpi check --plan plan.csv --baseline 12 rules.csv | grep '^late,2026-W15,'"
	assert_output 'late,2026-W15,11,,,10,4.68,15.32,none,'
}

@test "trial limits: a warning at 11 points, none at 12, per KPI and segment" {
	# t alternates 11 and 9 from 2026-W01; 11 points are trial limits
	series() {
		echo kpi,period,value
		for i in $(seq 1 "$1"); do
			printf 't,2026-W%02d,%s\n' "$i" $((i % 2 ? 11 : 9))
		done
	}
	series 11 > m.csv
	run -0 --separate-stderr chain-kpi check m.csv
	assert_equal "$stderr" "chain-kpi: warning: kpi t: the limits from 2026-W01 rest on 11 points, fewer than 12: trial limits, which each new point will revise"
	run -0 --separate-stderr chain-kpi summary m.csv
	assert_equal "$stderr" "chain-kpi: warning: kpi t: the limits from 2026-W01 rest on 11 points, fewer than 12: trial limits, which each new point will revise"
	run -0 --separate-stderr chain-kpi check -q m.csv
	[ -z "$stderr" ]
	series 12 > m.csv
	run -0 --separate-stderr chain-kpi check m.csv
	[ -z "$stderr" ]
	# new limits from week 13: a segment of 11 points (W13..W23) is named
	# by its first period; at 12 (W13..W24) it rests on enough; the first
	# segment rests on its first 12 with --baseline 12 either way
	series 23 > m.csv
	run -0 --separate-stderr chain-kpi check --baseline 12 --recalc 2026-W13 m.csv
	assert_equal "$stderr" "chain-kpi: warning: kpi t: the limits from 2026-W13 rest on 11 points, fewer than 12: trial limits, which each new point will revise"
	series 24 > m.csv
	run -0 --separate-stderr chain-kpi check --baseline 12 --recalc 2026-W13 m.csv
	[ -z "$stderr" ]
	series 40 > m.csv
	run -0 --separate-stderr chain-kpi summary --baseline 12 m.csv
	[ -z "$stderr" ]
}

@test "signal and rule are empty below six points; no limits below two" {
	csv m.csv <<'EOF'
kpi,period,value
a,2026-03,5
a,2026-04,7
a,2026-05,6
a,2026-06,20
a,2026-07,6
b,2026-Q1,3
EOF
	run -0 --separate-stderr chain-kpi check m.csv
	# a: mean 44 / 5 = 8.8, mean moving range (2+1+14+14)/4 = 7.75
	assert_output - <<'EOF'
kpi,period,value,target,met,mean,lower,upper,signal,rule
a,2026-03,5,,,8.8,-11.815,29.415,,
a,2026-04,7,,,8.8,-11.815,29.415,,
a,2026-05,6,,,8.8,-11.815,29.415,,
a,2026-06,20,,,8.8,-11.815,29.415,,
a,2026-07,6,,,8.8,-11.815,29.415,,
b,2026-Q1,3,,,3,,,,
EOF
	# limits on fewer than 12 points are trial limits, and one point has none
	assert_equal "$stderr" "chain-kpi: warning: kpi a: the limits from 2026-03 rest on 5 points, fewer than 12: trial limits, which each new point will revise
chain-kpi: warning: kpi b: the limits from 2026-Q1 rest on 1 point: none until a second point, trial limits until 12"
}

@test "assurance: pass, fail, hit-and-miss, and a target exactly on a limit" {
	# twelve points alternating 0 and 50: centre 25, moving range 50,
	# limits 25 -/+ 133 = -108 and 158
	{
		echo kpi,period,value
		for k in up_pass up_fail up_hit up_on down_pass down_fail down_on none; do
			for i in 1 2 3 4 5 6; do
				printf '%s,2026-W%02d,0\n%s,2026-W%02d,50\n' $k $((2 * i - 1)) $k $((2 * i))
			done
		done
	} > m.csv
	csv plan.csv <<'EOF'
kpi,name,better,target
up_pass,lower limit above the target,up,-109
up_fail,upper limit below the target,up,158.5
up_hit,target inside,up,30
up_on,target on the upper limit,up,158
down_pass,upper limit below the target,down,160
down_fail,lower limit above the target,down,-200
down_on,target on the lower limit,down,-108
none,no direction,,10
EOF
	run -1 chain-kpi summary --plan plan.csv --fail-on concern m.csv
	assert_output - <<'EOF'
kpi,name,period,value,target,met,change,variation,assurance,recalc
up_pass,lower limit above the target,2026-W12,50,-109,1,50,common,pass,
up_fail,upper limit below the target,2026-W12,50,158.5,0,50,common,fail,
up_hit,target inside,2026-W12,50,30,1,50,common,hit-and-miss,
up_on,target on the upper limit,2026-W12,50,158,0,50,common,hit-and-miss,
down_pass,upper limit below the target,2026-W12,50,160,1,50,common,pass,
down_fail,lower limit above the target,2026-W12,50,-200,0,50,common,fail,
down_on,target on the lower limit,2026-W12,50,-108,0,50,common,hit-and-miss,
none,no direction,2026-W12,50,10,,50,common,,
EOF
	grep -v fail plan.csv > ok.csv
	grep -v fail m.csv > ok-m.csv
	run -0 chain-kpi summary --plan ok.csv --fail-on concern ok-m.csv
}

@test "combine: mean by default, sum, median, min, max and last in input order" {
	csv plan.csv <<'EOF'
kpi,combine
mean,
sum,sum
median,median
min,MIN
max,max
last,last
EOF
	{
		echo kpi,period,partner,value
		for k in mean sum median min max last; do
			printf '%s,2026-01,POL,4\n%s,2026-01,OM,10\n%s,2026-01,GEM,1\n%s,2026-01,ZORG,\n' $k $k $k $k
		done
	} > m.csv
	# 4, 10 and 1 (the empty value is missing): mean 5, sum 15, median 4,
	# min 1, max 10, last 1
	run -0 bash -c 'chain-kpi check -q --plan plan.csv m.csv | cut -d, -f1-3'
	assert_output - <<'EOF'
kpi,period,value
mean,2026-01,5
sum,2026-01,15
median,2026-01,4
min,2026-01,1
max,2026-01,10
last,2026-01,1
EOF
}

@test "periods: ISO weeks across year boundaries, 53-week years, months and days" {
	csv m.csv <<'EOF'
kpi,period,value
w,2021-W01,3
w,2020-W52,1
w,2020-W53,2
x,2026-W01,5
x,2025-W52,4
m,2026-01,2
m,2025-12,1
d,2026-01-01,2
d,31-12-2025,1
EOF
	run -0 --separate-stderr bash -c 'chain-kpi check m.csv | cut -d, -f1-3'
	assert_output - <<'EOF'
kpi,period,value
d,2025-12-31,1
d,2026-01-01,2
m,2025-12,1
m,2026-01,2
w,2020-W52,1
w,2020-W53,2
w,2021-W01,3
x,2025-W52,4
x,2026-W01,5
EOF
	# no period is missing: the only warnings are of trial limits
	[ -z "$(printf '%s\n' "$stderr" | grep -v 'trial limits')" ]
}

@test "periods: a missing period is named in a warning; mixed kinds are an error" {
	csv m.csv <<'EOF'
kpi,period,value
lt,2026-W01,1
lt,2026-W02,2
lt,2026-W04,3
lt,2026-W08,4
EOF
	run -0 --separate-stderr chain-kpi check m.csv
	assert_equal "$stderr" "chain-kpi: warning: kpi lt: no value for 2026-W03, 2026-W05, 2026-W06, 2026-W07
chain-kpi: warning: kpi lt: the limits from 2026-W01 rest on 4 points, fewer than 12: trial limits, which each new point will revise"
	assert_line --index 4 --partial 'lt,2026-W08,4,'
	run -0 --separate-stderr chain-kpi check -q m.csv
	[ -z "$stderr" ]
	# the latest week's change needs the week before it
	run -0 chain-kpi summary -q m.csv
	assert_line --index 1 'lt,,2026-W08,4,,,,,,'
	echo 'lt,2026-W07,1.5' >> m.csv
	run -0 chain-kpi summary -q m.csv
	assert_line --index 1 'lt,,2026-W08,4,,,2.5,,,'
	echo 'lt,2026-02,5' >> m.csv
	run -3 --separate-stderr chain-kpi check m.csv
	assert_equal "$stderr" "chain-kpi: m.csv:7: period: '2026-02' is a month but kpi 'lt' has weeks (m.csv:2)
chain-kpi: warning: kpi lt: no value for 2026-W03, 2026-W05, 2026-W06
chain-kpi: warning: kpi lt: the limits from 2026-W01 rest on 5 points, fewer than 12: trial limits, which each new point will revise"
}

@test "--recalc: new limits from a process change; --screen" {
	{
		echo kpi,period,value
		i=0
		for v in 40 44 40 44 40 44 20 24 20 24 20 24; do
			i=$((i + 1))
			printf 'lt,2025-%02d,%s\n' $i $v
		done
	} > m.csv
	# one segment: mean 32, moving ranges ten of 4 and one of 24 (from 44
	# to 20): 64 / 11 = 5.8182, limits 32 -/+ 15.4764; with a new segment
	# from July each half has its mean (42 and 22) and moving range 4:
	# limits -/+ 10.64
	run -0 bash -c 'chain-kpi check -q --recalc 2025-07 m.csv | cut -d, -f2,6-8 | sed -n "2p;7p;8p"'
	assert_output - <<'EOF'
2025-01,42,31.36,52.64
2025-06,42,31.36,52.64
2025-07,22,11.36,32.64
EOF
	run -0 bash -c 'chain-kpi check -q m.csv | cut -d, -f2,6-8 | sed -n 2p'
	assert_output '2025-01,32,16.5236,47.4764'
	# --screen: 24 > 3.267 x 5.8182 = 19.01 is dropped, the mean range
	# becomes 40 / 10 = 4: limits 32 -/+ 10.64
	run -0 bash -c 'chain-kpi check -q --screen m.csv | cut -d, -f2,6-8 | sed -n 2p'
	assert_output '2025-01,32,21.36,42.64'
	run -2 chain-kpi check --recalc 2026-13 m.csv
	assert_output --partial "--recalc: '2026-13' is not a period"
}

# Two KPIs with the same months: 40 44 40 44 40 44 20 24 20 24 20 24.
changes_csv() {
	{
		echo kpi,period,value
		for k in a b; do
			i=0
			for v in 40 44 40 44 40 44 20 24 20 24 20 24; do
				i=$((i + 1))
				printf '%s,2025-%02d,%s\n' $k $i $v
			done
		done
	} > m.csv
	csv plan.csv <<'EOF'
kpi,name,better,target
a,Lead time,down,30
b,Cost per case,down,30
EOF
}

@test "--changes: new limits for the KPI whose process changed, with its reason" {
	changes_csv
	csv changes.csv <<'EOF'
kpi,period,note
a,2025-07,"Joint intake desk opened; files go straight to the prosecutor"
EOF
	# a: new limits from July, each half its own mean (42, 22) and moving
	# range 4: limits -/+ 10.64; six points each, trial limits.
	# b: one segment, mean 32, moving ranges ten of 4 and one of 24: 64 /
	# 11 = 5.8182, limits 32 -/+ 15.4764 = 16.5236 and 47.4764; two thirds
	# of the way is 32 -/+ 10.3176: 44 (above 42.3176) and 20 (below
	# 21.6824) are near a limit, two of each three, so the 44s and the
	# 20s are two-of-three and the 40s and 24s between them are not.
	run -0 --separate-stderr chain-kpi check --plan plan.csv --changes changes.csv m.csv
	assert_output - <<'EOF'
kpi,period,value,target,met,mean,lower,upper,signal,rule
a,2025-01,40,30,0,42,31.36,52.64,none,
a,2025-02,44,30,0,42,31.36,52.64,none,
a,2025-03,40,30,0,42,31.36,52.64,none,
a,2025-04,44,30,0,42,31.36,52.64,none,
a,2025-05,40,30,0,42,31.36,52.64,none,
a,2025-06,44,30,0,42,31.36,52.64,none,
a,2025-07,20,30,1,22,11.36,32.64,none,
a,2025-08,24,30,1,22,11.36,32.64,none,
a,2025-09,20,30,1,22,11.36,32.64,none,
a,2025-10,24,30,1,22,11.36,32.64,none,
a,2025-11,20,30,1,22,11.36,32.64,none,
a,2025-12,24,30,1,22,11.36,32.64,none,
b,2025-01,40,30,0,32,16.5236,47.4764,none,
b,2025-02,44,30,0,32,16.5236,47.4764,concern,two-of-three
b,2025-03,40,30,0,32,16.5236,47.4764,none,
b,2025-04,44,30,0,32,16.5236,47.4764,concern,two-of-three
b,2025-05,40,30,0,32,16.5236,47.4764,none,
b,2025-06,44,30,0,32,16.5236,47.4764,concern,two-of-three
b,2025-07,20,30,1,32,16.5236,47.4764,improvement,two-of-three
b,2025-08,24,30,1,32,16.5236,47.4764,none,
b,2025-09,20,30,1,32,16.5236,47.4764,improvement,two-of-three
b,2025-10,24,30,1,32,16.5236,47.4764,none,
b,2025-11,20,30,1,32,16.5236,47.4764,improvement,two-of-three
b,2025-12,24,30,1,32,16.5236,47.4764,none,
EOF
	assert_equal "$stderr" "chain-kpi: warning: kpi a: the limits from 2025-01 rest on 6 points, fewer than 12: trial limits, which each new point will revise
chain-kpi: warning: kpi a: the limits from 2025-07 rest on 6 points, fewer than 12: trial limits, which each new point will revise"
	# summary: the latest month 24, 4 up on November, met; both bands hold
	# the target 30: hit and miss
	run -0 chain-kpi summary -q --plan plan.csv --changes changes.csv m.csv
	assert_output - <<'EOF'
kpi,name,period,value,target,met,change,variation,assurance,recalc
a,Lead time,2025-12,24,30,1,4,common,hit-and-miss,
b,Cost per case,2025-12,24,30,1,4,common,hit-and-miss,
EOF
	# '*' or an empty kpi is every KPI, as --recalc is: both split in July
	printf 'kpi,period,note\n*,2025-07,New case system\n' > every.csv
	chain-kpi check -q --recalc 2025-07 m.csv > recalc.csv
	run -0 chain-kpi check -q --changes every.csv m.csv
	assert_output "$(cat recalc.csv)"
	printf 'kpi;periode;toelichting\n;2025-07;Nieuw zaaksysteem\n' > leeg.csv
	run -0 chain-kpi check -q --changes leeg.csv m.csv
	assert_output "$(cat recalc.csv)"
	# --recalc and --changes together: both.  a splits in July and
	# October (20 24 20: 21.3333; 24 20 24: 22.6667), b in October only
	# (the first nine: 316 / 9 = 35.1111)
	run -0 bash -c 'chain-kpi check -q --changes changes.csv --recalc 2025-10 m.csv | cut -d, -f1,2,6 | grep -e ",2025-0[17]," -e ",2025-10,"'
	assert_output - <<'EOF'
a,2025-01,42
a,2025-07,21.3333
a,2025-10,22.6667
b,2025-01,35.1111
b,2025-07,35.1111
b,2025-10,22.6667
EOF
}

@test "--changes: a change no KPI has, a missing reason, a period out of reach: exit 3" {
	changes_csv
	csv changes.csv <<'EOF'
kpi,period,note
ab,2025-07,typo
a,2025-W27,a week for a KPI of months
a,2026-03,after the last month
b,,no period
b,2025-07,
*,2024-12,before the first month
a,2025-13,no month
EOF
	run -3 --separate-stderr chain-kpi check -q --changes changes.csv m.csv
	assert_equal "$stderr" "chain-kpi: changes.csv:5: period: missing value
chain-kpi: changes.csv:6: note: missing value: a process change is recorded with its reason
chain-kpi: changes.csv:8: period: '2025-13' is not a valid period
chain-kpi: changes.csv:2: kpi: 'ab' is not a KPI of the measurements (they have: a, b)
chain-kpi: changes.csv:3: period: kpi a has no value for 2025-W27 (its periods run from 2025-01 to 2025-12)
chain-kpi: changes.csv:4: period: kpi a has no value for 2026-03 (its periods run from 2025-01 to 2025-12)
chain-kpi: changes.csv:7: period: 2024-12 starts new limits for no KPI: the measurements run from 2025-01 to 2025-12"
	# the changes in error start no new limits: the output is that of none
	chain-kpi check -q m.csv > none.csv
	assert_output "$(cat none.csv)"
	# a change after --as-of has not happened yet: left out, with a warning
	printf 'kpi,period,note\na,2025-07,desk\nb,2025-12,later\n' > later.csv
	run -0 --separate-stderr chain-kpi check --as-of 2025-11-15 --changes later.csv m.csv
	assert_equal "$stderr" "chain-kpi: warning: 2 rows after 2025-11-15 left out, up to 2025-12
chain-kpi: warning: later.csv: 1 change after 2025-11-15 left out, up to 2025-12
chain-kpi: warning: kpi a: the limits from 2025-01 rest on 6 points, fewer than 12: trial limits, which each new point will revise
chain-kpi: warning: kpi a: the limits from 2025-07 rest on 5 points, fewer than 12: trial limits, which each new point will revise
chain-kpi: warning: kpi b: the limits from 2025-01 rest on 11 points, fewer than 12: trial limits, which each new point will revise"
	run -4 chain-kpi check --changes nothere.csv m.csv
	assert_output 'chain-kpi: nothere.csv: No such file or directory'
	run -2 chain-kpi leadtime --changes changes.csv m.csv
	assert_output --partial '--changes does not go with leadtime (only with check,summary)'
	printf 'kpi,period\na,2025-07\n' > short.csv
	run -3 chain-kpi check -q --changes short.csv m.csv
	assert_output --partial 'chain-kpi: short.csv:1: note: required column is missing'
}

@test "--changes: a KPI rebased where its run began no longer says recalculate" {
	printf 'kpi,better,target\nx,down,12\ny,down,12\n' > p.csv
	# x and y alike: 12 baseline points 10, 11, ... (limits 7.84 to 13.16),
	# 8 more like them, then 8 points at 12, a shift from 2026-W21
	{
		echo kpi,period,value
		for k in x y; do
			for i in $(seq 1 28); do
				if [ "$i" -le 12 ]; then v=$((i % 2 ? 10 : 11))
				elif [ "$i" -le 20 ]; then v=$((i % 2 ? 11 : 10))
				else v=12; fi
				printf '%s,2026-W%02d,%s\n' "$k" "$i" "$v"
			done
		done
	} > m.csv
	printf 'kpi,period,note\nx,2026-W21,New intake desk\n' > c.csv
	run -0 chain-kpi summary -q --plan p.csv --baseline 12 --changes c.csv m.csv
	assert_output - <<'EOF'
kpi,name,period,value,target,met,change,variation,assurance,recalc
x,,2026-W28,12,12,1,0,common,hit-and-miss,
y,,2026-W28,12,12,1,0,concern,recalculate,2026-W21
EOF
}

@test "plan: output in plan order; a KPI without measurements; unknown KPIs are errors" {
	csv plan.csv <<'EOF'
kpi,name,better,target,combine
zz,Last in the alphabet,up,1,
aa,First,down,,sum
none,Nothing measured,,,
EOF
	csv m.csv <<'EOF'
kpi,period,value
aa,2026-01,1
zz,2026-01,2
EOF
	run -0 --separate-stderr chain-kpi summary --plan plan.csv m.csv
	assert_output - <<'EOF'
kpi,name,period,value,target,met,change,variation,assurance,recalc
zz,Last in the alphabet,2026-01,2,1,1,,,,
aa,First,2026-01,1,,,,,,
none,Nothing measured,,,,,,,,
EOF
	assert_equal "$stderr" "chain-kpi: warning: kpi zz: the limits from 2026-01 rest on 1 point: none until a second point, trial limits until 12
chain-kpi: warning: kpi aa: the limits from 2026-01 rest on 1 point: none until a second point, trial limits until 12
chain-kpi: warning: kpi none: no measurements"
	printf 'xyz,2026-01,3\nxyz,2026-02,3\nabc,2026-01,1\n' >> m.csv
	run -3 --separate-stderr chain-kpi check --plan plan.csv m.csv
	assert_equal "$stderr" "chain-kpi: m.csv:4: kpi: 'xyz' is not a KPI of the plan
chain-kpi: m.csv:6: kpi: 'abc' is not a KPI of the plan
chain-kpi: warning: kpi zz: the limits from 2026-01 rest on 1 point: none until a second point, trial limits until 12
chain-kpi: warning: kpi aa: the limits from 2026-01 rest on 1 point: none until a second point, trial limits until 12
chain-kpi: warning: kpi none: no measurements"
	# without a plan every KPI is checked, sorted by code
	run -0 bash -c 'chain-kpi check -q m.csv | cut -d, -f1 | uniq | tr "\n" " "'
	assert_output 'kpi aa abc xyz zz '
}

@test "bad input: values, periods, plan, columns, rows; all listed, exit 3" {
	csv m.csv <<'EOF'
kpi,period,value
a,2026-W01,1
a,2026-W02,abc
a,2026-W54,3
,2026-W03,3
a,,3
a,2026-W04
EOF
	run -3 --separate-stderr chain-kpi check -q m.csv
	assert_equal "$stderr" "chain-kpi: m.csv:3: value: 'abc' is not a valid number
chain-kpi: m.csv:4: period: '2026-W54' is not a valid period
chain-kpi: m.csv:5: kpi: missing value
chain-kpi: m.csv:6: period: missing value
chain-kpi: m.csv:7: 2 fields where the header has 3 (--allow-ragged pads short rows)"
	assert_output - <<'EOF'
kpi,period,value,target,met,mean,lower,upper,signal,rule
a,2026-W01,1,,,1,,,,
EOF
	printf 'kpi,period,value,partner\na,2026-W01,1,POL\na,2026-W02,2\n' > short.csv
	run -3 --separate-stderr chain-kpi check -q short.csv
	[ "$stderr" = 'chain-kpi: short.csv:3: 3 fields where the header has 4 (--allow-ragged pads short rows)' ]
	run -0 chain-kpi check -q --allow-ragged short.csv
	assert_line --index 2 'a,2026-W02,2,,,1.5,-1.16,4.16,,'
	csv p.csv <<'EOF'
kpi,better,target,combine,baseline
a,upward,x,avg,five
a,up,,,
EOF
	run -3 --separate-stderr chain-kpi check --plan p.csv m.csv
	assert_equal "$stderr" "chain-kpi: p.csv:2: better: 'upward' is not up or down
chain-kpi: p.csv:2: target: 'x' is not a valid number
chain-kpi: p.csv:2: baseline: 'five' is not a valid number
chain-kpi: p.csv:2: combine: 'avg' is not mean, sum, median, min, max or last
chain-kpi: p.csv:3: kpi: 'a' is in the plan twice"
	assert_output ''
	printf 'kpi,when,value\na,2026-01,1\n' > c.csv
	run -3 --separate-stderr chain-kpi check c.csv
	[ "$stderr" = "chain-kpi: c.csv:1: period: required column is missing (the header, split at ',', has: kpi, when, value)" ]
	: > empty.csv
	run -3 --separate-stderr chain-kpi check empty.csv
	[ "$stderr" = 'chain-kpi: empty.csv: empty input: no header row' ]
	run -3 --separate-stderr chain-kpi leadtime empty.csv
	[ "$stderr" = 'chain-kpi: empty.csv: empty input: no header row' ]
}

@test "files: missing input (4), unwritable output, full disk, -o kept on bad data" {
	chart_csv
	run -4 --separate-stderr chain-kpi check nosuch.csv
	[ "$stderr" = 'chain-kpi: nosuch.csv: No such file or directory' ]
	run -4 chain-kpi check --plan nosuch.csv m.csv
	assert_output 'chain-kpi: nosuch.csv: No such file or directory'
	run -4 chain-kpi leadtime nosuch.csv
	run -4 bash -c 'chain-kpi check m.csv > /dev/full'
	assert_output --partial 'write error'
	run -4 bash -c 'chain-kpi summary m.csv > /dev/full'
	run -4 bash -c 'chain-kpi leadtime "$EXAMPLES/events.csv" > /dev/full'
	run -4 bash -c 'chain-kpi handoffs "$EXAMPLES/events.csv" > /dev/full'
	run -4 chain-kpi check -o /nonexistent/dir/out.csv m.csv
	echo old > out.csv
	echo 'lt,2026-W14,x' >> m.csv
	run -3 chain-kpi check -o out.csv m.csv
	[ "$(cat out.csv)" = old ]
}

@test "input: standard input, '-', CRLF, BOM, ';' with decimal comma; --excel out" {
	chart_csv
	chain-kpi check m.csv > want.csv
	run -0 bash -c 'chain-kpi check < m.csv'
	assert_output "$(cat want.csv)"
	run -0 bash -c 'cat m.csv | chain-kpi check -'
	assert_output "$(cat want.csv)"
	{ printf '\xef\xbb\xbf'; sed 's/$/\r/' m.csv; } > crlf.csv
	run -0 chain-kpi check crlf.csv
	assert_output "$(cat want.csv)"
	printf '\xef\xbb\xbfKPI;Period;Value\r\ncost;2026-01;1,5\r\ncost;2026-02;2,25\r\n' > nl.csv
	run -0 chain-kpi check -q nl.csv
	# mean 1.875, one moving range 0.75: limits 1.875 -/+ 1.995
	assert_output - <<'EOF'
kpi,period,value,target,met,mean,lower,upper,signal,rule
cost,2026-01,1.5,,,1.875,-0.12,3.87,,
cost,2026-02,2.25,,,1.875,-0.12,3.87,,
EOF
	chain-kpi check --excel nl.csv > x.csv
	printf '\xef\xbb\xbfkpi;period;value;target;met;mean;lower;upper;signal;rule\r\ncost;2026-01;1,5;;;1,875;-0,12;3,87;;\r\ncost;2026-02;2,25;;;1,875;-0,12;3,87;;\r\n' | cmp - x.csv
	printf 'case;step;time;partner\r\n"=1+1";start;2026-01-01 10:00;POL\r\n"=1+1";end;2026-01-02 22:00;OM\r\n' > ev.csv
	chain-kpi leadtime --excel ev.csv > x.csv
	printf "\xef\xbb\xbfcase;start;end;lead_time;events;partners;handoffs;rework;returns\r\n'=1+1;2026-01-01T10:00:00;2026-01-02T22:00:00;1,5;2;2;1;0;0\r\n" | cmp - x.csv
}

@test "usage: --help, --version, bad options and commands exit 2" {
	run -0 chain-kpi --help
	assert_line --index 0 'usage: chain-kpi [options] check|summary [--plan FILE] [FILE...]'
	run -0 chain-kpi -V
	assert_output --regexp '^chain-kpi [0-9]+\.[0-9]+\.[0-9]+$'
	run -2 chain-kpi
	run -2 chain-kpi frobnicate
	assert_output --partial "unknown command 'frobnicate'"
	run -2 chain-kpi --bogus check
	run -2 chain-kpi check --per week
	assert_output --partial '--per does not go with check'
	run -2 chain-kpi leadtime --plan plan.csv
	run -2 chain-kpi leadtime --kpi x
	assert_output --partial '--kpi goes with --per'
	run -2 chain-kpi leadtime --unit weeks
	run -2 chain-kpi leadtime --norm soon
	run -2 chain-kpi leadtime --per fortnight
	run -2 chain-kpi check --fail-on overdue
	run -2 chain-kpi check --as-of 2026-02-30
}

@test "leadtime: daylight saving, UTC offsets, equal times, fractions, events out of order" {
	csv ev.csv <<'EOF'
case,step,time,partner
dst,start,2026-03-28T12:00:00+01:00,POL
dst,end,2026-03-29T12:00:00+02:00,OM
utc,start,2026-01-10T23:30:00-05:00,POL
utc,end,2026-01-11T06:30:00+01:00,POL
tie,a,2026-02-02 09:00,POL
tie,b,2026-02-02 09:00,OM
tie,c,2026-02-02 09:00,GEM
tie,d,2026-02-02 09:00,OM
order,c,2026-02-03T10:00:00.5Z,GEM
order,a,2026-02-01T10:00Z,POL
order,b,2026-02-02T10:00:00.25Z,
EOF
	# dst: 12:00 CET to 12:00 CEST is 23 hours, 0.9583 days;
	# utc: 04:30Z to 05:30Z is one hour; tie: equal times in input order,
	# POL OM GEM OM: three handoffs among three partners, the last one back
	# to OM (a return); order: sorted by time, the event without a partner
	# counts as an event but not for partners or handoffs
	run -0 chain-kpi leadtime ev.csv
	assert_output - <<'EOF'
case,start,end,lead_time,events,partners,handoffs,rework,returns
dst,2026-03-28T12:00:00+01:00,2026-03-29T12:00:00+02:00,0.9583,2,2,1,0,0
utc,2026-01-10T23:30:00-05:00,2026-01-11T06:30:00+01:00,0.0417,2,1,0,0,0
tie,2026-02-02T09:00:00,2026-02-02T09:00:00,0,4,3,3,0,1
order,2026-02-01T10:00:00Z,2026-02-03T10:00:00.5Z,2,3,2,1,0,0
EOF
	run -0 chain-kpi leadtime --unit hours ev.csv
	assert_line --index 1 --partial ',23,2,2,1,0,0'
	assert_line --index 2 --partial ',1,2,1,0,0,0'
	assert_line --index 4 --partial ',48.0001,3,2,1,0,0'
}

@test "leadtime --per: periods of the end as written, not in UTC; --norm; --kpi" {
	csv ev.csv <<'EOF'
case,step,time
a,start,2026-01-01T10:00:00+01:00
a,end,2026-01-05T00:30:00+01:00
b,start,2026-01-02T00:00:00Z
b,end,2026-01-04T12:00:00Z
c,start,2026-01-02T00:00:00Z
c,end,2026-01-03T00:00:00Z
d,start,2025-12-20T00:00:00Z
d,end,2026-01-22T00:00:00Z
EOF
	# a ends on Monday 2026-01-05 as written (Sunday 23:30 in UTC): W02;
	# b (2.5 days) and c (1 day) end in W01; d (33 days) in W04; W03 has
	# no case.  W01: median 1.75, p90 1 + 0.9 x 1.5 = 2.35, mean 1.75;
	# within 2 days: c only
	run -0 chain-kpi leadtime --per week --norm 2d --kpi chain ev.csv
	assert_output - <<'EOF'
kpi,period,value
chain_leadtime_median,2026-W01,1.75
chain_leadtime_median,2026-W02,3.6042
chain_leadtime_median,2026-W04,33
chain_leadtime_p90,2026-W01,2.35
chain_leadtime_p90,2026-W02,3.6042
chain_leadtime_p90,2026-W04,33
chain_leadtime_mean,2026-W01,1.75
chain_leadtime_mean,2026-W02,3.6042
chain_leadtime_mean,2026-W04,33
chain_cases,2026-W01,2
chain_cases,2026-W02,1
chain_cases,2026-W03,0
chain_cases,2026-W04,1
chain_within_norm,2026-W01,0.5
chain_within_norm,2026-W02,0
chain_within_norm,2026-W04,0
chain_rework_share,2026-W01,0
chain_rework_share,2026-W02,0
chain_rework_share,2026-W04,0
EOF
	run -0 bash -c 'chain-kpi leadtime --per month --norm 60h ev.csv | grep within'
	assert_output 'within_norm,2026-01,0.5'
	run -0 chain-kpi leadtime --norm 60h ev.csv
	assert_line --index 0 'case,start,end,lead_time,events,partners,handoffs,within_norm,rework,returns'
	assert_line --index 2 'b,2026-01-02T00:00:00Z,2026-01-04T12:00:00Z,2.5,2,0,0,1,0,0'
	# straight into check
	run -0 bash -c 'chain-kpi leadtime --per week ev.csv | chain-kpi check -q | grep -c ^leadtime_median'
	assert_output 3
}

@test "leadtime --from/--to: the first later event; cases that never reach it" {
	csv ev.csv <<'EOF'
case,step,time,partner
a,intake,2026-01-01 08:00,POL
a,file,2026-01-02 08:00,POL
a,decide,2026-01-04 08:00,OM
a,file,2026-01-05 08:00,POL
a,decide,2026-01-06 20:00,OM
b,file,2026-01-01 08:00,POL
b,intake,2026-01-02 08:00,POL
c,file,2026-01-01 08:00,POL
c,decide,2026-01-03 08:00,OM
c,file,2026-01-03 08:00,RvdK
EOF
	# a: from its first 'file' to the first 'decide' after it: 2 days;
	# b never decides; c: the 'file' at the same time as 'decide' comes
	# after it in the input, so c measures from the first 'file'
	run -0 --separate-stderr chain-kpi leadtime --from file --to decide ev.csv
	assert_output - <<'EOF'
case,start,end,lead_time,events,partners,handoffs,rework,returns
a,2026-01-02T08:00:00,2026-01-04T08:00:00,2,2,2,1,0,0
c,2026-01-01T08:00:00,2026-01-03T08:00:00,2,2,2,1,0,0
EOF
	[ "$stderr" = "chain-kpi: warning: 1 of 3 cases never reach 'decide' after 'file'; left out" ]
	# a from intake: file and decide come twice (rework 2), and POL and OM
	# each get the case back once (returns 2)
	run -0 --separate-stderr chain-kpi leadtime --from intake ev.csv
	assert_line --index 1 'a,2026-01-01T08:00:00,2026-01-06T20:00:00,5.5,5,2,3,2,2'
	assert_line --index 2 'b,2026-01-02T08:00:00,2026-01-02T08:00:00,0,1,1,0,0,0'
	[ "$stderr" = "chain-kpi: warning: 1 of 3 cases never reach 'intake'; left out" ]
	run -0 chain-kpi handoffs -q --from file --to decide --unit hours ev.csv
	assert_output - <<'EOF'
from,to,handoffs,median_wait,p90_wait,mean_wait,returns
POL,OM,2,48,48,48,0
EOF
}

@test "leadtime --unit workdays: Easter, King's Day, Christmas, parts of days, leap years" {
	csv wd.csv <<'EOF'
case,step,time
easter,start,2026-04-02T12:00
easter,end,2026-04-07T12:00
kings,start,2025-04-25T12:00
kings,end,2025-04-28T12:00
kings26,start,2026-04-24T12:00
kings26,end,2026-04-28T12:00
xmas,start,2021-12-24T12:00
xmas,end,2021-12-27T12:00
hours,start,2026-01-13T09:00
hours,end,2026-01-13T17:00
edges,start,2026-01-14T18:00
edges,end,2026-01-16T06:00
leap,start,2024-02-26T12:00
leap,end,2024-03-04T12:00
noleap,start,2026-02-26T12:00
noleap,end,2026-03-03T12:00
dst,start,2026-03-27T17:00+01:00
dst,end,2026-03-30T09:00+02:00
EOF
	# each day counts the share of its 24 hours that the stretch covers:
	# easter: Thursday 2 April 2026 noon .5, Good Friday 1 (no general
	#   holiday), the weekend, Easter Monday 0, Tuesday noon .5: 2;
	# kings: 27 April 2025 is a Sunday, so King's Day is Saturday the
	#   26th and no working day is lost: Friday .5 + Monday .5 = 1;
	# kings26: King's Day on Monday 27 April 2026: .5 + 0 + .5 = 1;
	# xmas: Christmas 2021 on Saturday and Sunday takes no Monday off:
	#   Friday 24 December .5 + Monday 27th .5 = 1;
	# hours: 9:00 to 17:00 on a Tuesday: 8 / 24 = 0.3333;
	# edges: Wednesday from 18:00 6/24, Thursday 1, Friday to 6:00 6/24;
	# leap: Monday 26 February 2024 noon to Monday 4 March noon: .5, then
	#   Tuesday to Friday (the 29th a Thursday) 4, then .5: 5 of 7 days;
	# noleap: Thursday 26 February 2026 noon to Tuesday 3 March noon:
	#   .5 + 1 + 1 + .5 = 3 of 5 days;
	# dst: by the clock as written, Friday 17:00 to Monday 9:00 is 7/24 +
	#   9/24 = 0.6667 (2.625 days of 24 hours exactly)
	run -0 chain-kpi leadtime --unit workdays --norm 1d wd.csv
	assert_output - <<'EOF'
case,start,end,lead_time,events,partners,handoffs,within_norm,rework,returns
easter,2026-04-02T12:00:00,2026-04-07T12:00:00,2,2,0,0,0,0,0
kings,2025-04-25T12:00:00,2025-04-28T12:00:00,1,2,0,0,1,0,0
kings26,2026-04-24T12:00:00,2026-04-28T12:00:00,1,2,0,0,1,0,0
xmas,2021-12-24T12:00:00,2021-12-27T12:00:00,1,2,0,0,1,0,0
hours,2026-01-13T09:00:00,2026-01-13T17:00:00,0.3333,2,0,0,1,0,0
edges,2026-01-14T18:00:00,2026-01-16T06:00:00,1.5,2,0,0,0,0,0
leap,2024-02-26T12:00:00,2024-03-04T12:00:00,5,2,0,0,0,0,0
noleap,2026-02-26T12:00:00,2026-03-03T12:00:00,3,2,0,0,0,0,0
dst,2026-03-27T17:00:00+01:00,2026-03-30T09:00:00+02:00,0.6667,2,0,0,1,0,0
EOF
	run -0 bash -c 'chain-kpi leadtime wd.csv | cut -d, -f4 | paste -sd" "'
	assert_output 'lead_time 5 3 4 3 0.3333 1.5 7 5 2.625'
	# a norm in hours is a share of a working day's 24 hours: 12h is .5
	run -0 bash -c 'chain-kpi leadtime --unit workdays --norm 12h wd.csv | cut -d, -f8 | paste -sd" "'
	assert_output 'within_norm 0 0 0 0 1 0 0 0 0'
	# per month: easter and kings26 end in April 2026 (2 and 1 working days)
	run -0 bash -c 'chain-kpi leadtime --unit workdays --per month wd.csv | grep 2026-04'
	assert_output - <<'EOF'
leadtime_median,2026-04,1.5
leadtime_p90,2026-04,1.9
leadtime_mean,2026-04,1.5
cases,2026-04,2
rework_share,2026-04,0
EOF
}

@test "leadtime --holidays: Good Friday and local days off, in Dutch Excel's format" {
	csv wd.csv <<'EOF'
case,step,time,partner
easter,start,2026-04-02T12:00,POL
easter,end,2026-04-07T12:00,OM
fair,start,2026-09-14T08:00,POL
fair,end,2026-09-16T08:00,OM
EOF
	# Good Friday off, and a local fair on Tuesday 15 September; a date on
	# a Saturday and Easter Monday listed again change nothing
	printf 'datum;naam
3-4-2026;Goede Vrijdag
15-9-2026;Kermis
4-4-2026;zaterdag
6-4-2026;Tweede Paasdag
' > vrij.csv
	# easter: Thursday .5, Friday off, Monday off, Tuesday .5: 1;
	# fair: Monday from 8:00 16/24, Tuesday off, Wednesday to 8:00 8/24: 1
	run -0 chain-kpi leadtime --unit workdays --holidays vrij.csv wd.csv
	assert_output - <<'EOF'
case,start,end,lead_time,events,partners,handoffs,rework,returns
easter,2026-04-02T12:00:00,2026-04-07T12:00:00,1,2,2,1,0,0
fair,2026-09-14T08:00:00,2026-09-16T08:00:00,1,2,2,1,0,0
EOF
	run -0 chain-kpi handoffs --unit workdays --holidays vrij.csv wd.csv
	assert_output - <<'EOF'
from,to,handoffs,median_wait,p90_wait,mean_wait,returns
POL,OM,2,1,1,1,0
EOF
	printf 'date,name
' > none.csv
	run -0 chain-kpi leadtime --unit workdays --holidays none.csv wd.csv
	assert_line --index 1 --partial ',2,2,2,1,0,0'
	# a holidays file means working days: alone it is a usage error
	run -2 --separate-stderr chain-kpi leadtime --holidays vrij.csv wd.csv
	assert_equal "$stderr" "chain-kpi: --holidays goes with --unit workdays
Try 'chain-kpi --help' for more information."
	run -2 chain-kpi handoffs --unit hours --holidays vrij.csv wd.csv
	run -2 chain-kpi check --holidays vrij.csv wd.csv
	run -4 --separate-stderr chain-kpi leadtime --unit workdays --holidays nothere.csv wd.csv
	assert_equal "$stderr" "chain-kpi: nothere.csv: No such file or directory"
	assert_output ''
	printf 'date,name
2026-04-31,x
,empty
3 April,y
' > bad.csv
	run -3 --separate-stderr chain-kpi leadtime --unit workdays --holidays bad.csv wd.csv
	assert_equal "$stderr" "chain-kpi: bad.csv:2: date: '2026-04-31' is not a valid date
chain-kpi: bad.csv:3: date: missing value
chain-kpi: bad.csv:4: date: '3 April' is not a valid date"
	assert_output ''
	printf 'dag,naam
2026-04-03,x
' > nodate.csv
	run -3 --separate-stderr chain-kpi leadtime --unit workdays --holidays nodate.csv wd.csv
	assert_equal "$stderr" "chain-kpi: nodate.csv:1: date: required column is missing (the header, split at ',', has: dag, naam)"
	run -0 chain-kpi leadtime --unit workdays --holidays nodate.csv --column date=dag wd.csv
	assert_line --index 1 --partial ',1,2,2,1,0,0'
	run -3 chain-kpi leadtime --unit workdays --holidays /dev/null wd.csv
	run -2 chain-kpi leadtime --unit weekdays wd.csv
	assert_output --partial "--unit: 'weekdays' is not hours, days or workdays"
}

@test "rework and returns: a case drawn by hand, per case, per period and per pair" {
	csv ev.csv <<'EOF'
case,step,time,partner
r,Report,2026-03-02T09:00,POL
r,Police file,2026-03-03T09:00,POL
r,Decision,2026-03-05T09:00,OM
r,Police file,2026-03-09T09:00,POL
r,Decision,2026-03-10T09:00,OM
r,Hearing,2026-03-12T09:00,ZM
r,Decision,2026-03-13T09:00,OM
s,Report,2026-03-02T10:00,POL
s,Decision,2026-03-04T10:00,OM
EOF
	# r:  POL  POL   OM    POL    OM     ZM    OM
	#     Rep  file  Dec   file*  Dec*   Hear  Dec*   (* rework: 3)
	#              ->    <-r    ->r    ->    <-r    (handoffs 5, returns 3)
	# the police file goes back to POL for completion and comes back to
	# OM, and the court (ZM) hands the case back to OM: three partners,
	# eleven days; in working days Monday from 9:00 15/24, eight whole
	# days, Friday 13 March to 9:00 9/24: 9
	run -0 chain-kpi leadtime ev.csv
	assert_output - <<'EOF'
case,start,end,lead_time,events,partners,handoffs,rework,returns
r,2026-03-02T09:00:00,2026-03-13T09:00:00,11,7,3,5,3,3
s,2026-03-02T10:00:00,2026-03-04T10:00:00,2,2,2,1,0,0
EOF
	run -0 chain-kpi leadtime --unit workdays ev.csv
	assert_line --index 1 'r,2026-03-02T09:00:00,2026-03-13T09:00:00,9,7,3,5,3,3'
	# one of the two cases of March has rework
	run -0 bash -c 'chain-kpi leadtime --per month --kpi chain ev.csv | grep rework'
	assert_output 'chain_rework_share,2026-03,0.5'
	# from the police file to the hearing: the file and the decision come
	# twice, POL and OM each get the case back once, the court's return
	# to OM is past the stretch (s never reaches a hearing)
	run -0 chain-kpi leadtime -q --from 'Police file' --to Hearing ev.csv
	assert_output - <<'EOF'
case,start,end,lead_time,events,partners,handoffs,rework,returns
r,2026-03-03T09:00:00,2026-03-12T09:00:00,9,5,3,4,2,2
EOF
	# per pair: POL->OM waits 2 and 1 days (s: 2), the second a return;
	# OM->POL 4 days, a return; OM->ZM 2; ZM->OM 1, a return
	run -0 chain-kpi handoffs ev.csv
	assert_output - <<'EOF'
from,to,handoffs,median_wait,p90_wait,mean_wait,returns
OM,POL,1,4,4,4,1
OM,ZM,1,2,2,2,0
POL,OM,3,2,2,1.6667,1
ZM,OM,1,1,1,1,1
EOF
	# in working days OM->POL is Thursday 9:00 to Monday 9:00: 15/24 + 1 +
	# 9/24 = 2
	run -0 bash -c 'chain-kpi handoffs --unit workdays ev.csv | grep ^OM,POL'
	assert_output 'OM,POL,1,2,2,2,1'
}

@test "handoffs: waits per ordered pair of partners, linear percentiles" {
	csv ev.csv <<'EOF'
case,step,time,partner
a,1,2026-01-01T00:00Z,POL
a,2,2026-01-02T00:00Z,OM
a,3,2026-01-02T12:00Z,
a,4,2026-01-03T00:00Z,POL
b,1,2026-01-01T00:00Z,POL
b,2,2026-01-04T00:00Z,OM
c,1,2026-01-01T00:00Z,POL
c,2,2026-01-01T00:00Z,POL
c,3,2026-01-11T00:00Z,OM
EOF
	# POL->OM waits 1, 3 and 10 days: median 3, p90 3 + 0.8 x 7 = 8.6,
	# mean 14 / 3; OM->POL skips the event without a partner: 1 day, and
	# brings case a back to POL, which had it first: a return
	run -0 chain-kpi handoffs ev.csv
	assert_output - <<'EOF'
from,to,handoffs,median_wait,p90_wait,mean_wait,returns
OM,POL,1,1,1,1,1
POL,OM,3,3,8.6,4.6667,0
EOF
}

@test "event logs: grouped by case or sorted by time give the same results" {
	# the example log is sorted by time; group it by case (stable)
	{ head -1 "$EXAMPLES/events.csv"; tail -n +2 "$EXAMPLES/events.csv" | sort -s -t, -k1,1; } > grouped.csv
	chain-kpi leadtime --per week --norm 60d "$EXAMPLES/events.csv" > a.csv
	chain-kpi leadtime --per week --norm 60d grouped.csv > b.csv
	cmp a.csv b.csv
	chain-kpi handoffs "$EXAMPLES/events.csv" > a.csv
	chain-kpi handoffs grouped.csv > b.csv
	cmp a.csv b.csv
	chain-kpi leadtime --from Report --to Close "$EXAMPLES/events.csv" 2>/dev/null | sort > a.csv
	chain-kpi leadtime --from Report --to Close grouped.csv 2>/dev/null | sort > b.csv
	cmp a.csv b.csv
	[ "$(wc -l < a.csv)" -eq 2616 ]
	# grouped, the rows come in the order of the cases
	run -0 bash -c 'chain-kpi leadtime grouped.csv | sed -n "2p;3p" | cut -d, -f1'
	assert_output $'Z00001\nZ00002'
	# a case that comes back at the very end is still one case
	{ cat grouped.csv; echo 'Z00001,Reopened,2026-11-20T10:00+01:00,OM'; } > back.csv
	run -0 bash -c 'chain-kpi leadtime back.csv | grep -c "^Z00001,"'
	assert_output 1
	run -0 bash -c 'chain-kpi leadtime back.csv | grep "^Z00001," | cut -d, -f3,5'
	assert_output '2026-11-20T10:00:00+01:00,7'
	# grouped, the ids in no order (fingerprints), one case coming back
	{ head -1 grouped.csv; tail -n +2 grouped.csv | sort -s -r -t, -k1,1; echo 'Z00002,Reopened,2026-11-20T10:00+01:00,OM'; } > shuffled.csv
	chain-kpi leadtime --from Report --to Close shuffled.csv 2>/dev/null | grep -v '^Z00002,' | sort > c.csv
	grep -v '^Z00002,' a.csv | cmp - c.csv
	run -0 bash -c 'chain-kpi leadtime shuffled.csv | grep "^Z00002," | cut -d, -f3,5'
	assert_output '2026-11-20T10:00:00+01:00,6'
	run -0 bash -c 'chain-kpi leadtime shuffled.csv | sed -n 2p | cut -d, -f1'
	assert_output 'Z03000'
}

@test "event logs: XES column names, --case/--step/--time/--partner, bad rows" {
	csv ev.csv <<'EOF'
id,activity,at,org:resource,org:group
1,a,2026-01-01 10:00,x,POL
1,b,2026-01-01 12:00,y,OM
EOF
	run -3 --separate-stderr chain-kpi leadtime ev.csv
	has="the header, split at ',', has: id, activity, at, org:resource, org:group"
	assert_equal "$stderr" "chain-kpi: ev.csv:1: case: required column is missing ($has)
chain-kpi: ev.csv:1: step: required column is missing ($has)
chain-kpi: ev.csv:1: time: required column is missing ($has)"
	run -0 chain-kpi handoffs --case id --step activity --time at ev.csv
	assert_line --index 1 'POL,OM,1,0.0833,0.0833,0.0833,0'
	run -0 chain-kpi handoffs --case id --step activity --time at --partner org:resource ev.csv
	assert_line --index 1 'x,y,1,0.0833,0.0833,0.0833,0'
	run -3 --separate-stderr chain-kpi leadtime --case id --step activity --time at --partner team ev.csv
	[ "$stderr" = "chain-kpi: ev.csv:1: team: required column is missing ($has)" ]
	csv bad.csv <<'EOF'
case,step,time
1,a,2026-02-30T10:00
,a,2026-01-01T10:00
2,a,
3,a,2026-01-01T10:00+25:00
4,a,2026-01-01T10:00
EOF
	run -3 --separate-stderr chain-kpi leadtime bad.csv
	assert_equal "$stderr" "chain-kpi: bad.csv:2: time: '2026-02-30T10:00' is not a valid timestamp
chain-kpi: bad.csv:3: case: missing value
chain-kpi: bad.csv:4: time: missing value
chain-kpi: bad.csv:5: time: '2026-01-01T10:00+25:00' is not a valid timestamp"
	assert_line --index 1 '4,2026-01-01T10:00:00,2026-01-01T10:00:00,0,1,0,0,0,0'
}

@test "the real road-traffic log reads as it is (XES names, UTC offsets)" {
	log=$CHAIN_ROOT/../shared/data/roadtraffic100traces.csv
	[ -f "$log" ] || log=/work/shared/data/roadtraffic100traces.csv
	[ -f "$log" ] || skip "the road-traffic sample is not here"
	run -0 chain-kpi leadtime "$log"
	# N77802: Create Fine 2005-03-23 00:00+01:00, Send Fine 2005-07-22
	# 00:00+02:00: 121 days less the hour of summer time; S106046: from
	# 2006-07-12 to 2007-07-05, both +02:00: 358 days, paid in two
	# Payments (the second is rework); A17641: 2 days
	assert_line --index 1 'N77802,2005-03-23T00:00:00+01:00,2005-07-22T00:00:00+02:00,120.9583,2,1,0,0,0'
	assert_line --index 2 'A17641,2007-07-14T00:00:00+02:00,2007-07-16T00:00:00+02:00,2,2,1,0,0,0'
	assert_line 'S106046,2006-07-12T00:00:00+02:00,2007-07-05T00:00:00+02:00,358,6,1,0,1,0'
	[ "${#lines[@]}" -eq 101 ]
	run -0 --separate-stderr chain-kpi leadtime --from 'Create Fine' --to 'Payment' --per year "$log"
	# 48 of the 100 cases have a Payment, each after its Create Fine
	[ "$stderr" = "chain-kpi: warning: 52 of 100 cases never reach 'Payment' after 'Create Fine'; left out" ]
	# only Create Fine names a resource: the steps make the relay instead
	run -0 chain-kpi handoffs --partner concept:name "$log"
	assert_line 'Create Fine,Send Fine,77,87.0417,137.2417,83.5406,0'
}

@test "--as-of leaves out what has not happened yet" {
	chart_csv
	# what comes after is left out, counted in one warning
	run -0 --separate-stderr bash -c 'chain-kpi check --as-of 2026-03-22 m.csv | tail -1 | cut -d, -f1-3'
	assert_output 'lt,2026-W12,12'
	[ "$stderr" = "chain-kpi: warning: 1 row after 2026-03-22 left out, up to 2026-W13" ]
	csv ev.csv <<'EOF'
case,step,time
a,start,2026-01-01T10:00
a,end,2026-01-03T10:00
b,start,2062-01-05T09:00
EOF
	run -0 --separate-stderr chain-kpi leadtime --as-of 2026-01-02 ev.csv
	assert_line --index 1 'a,2026-01-01T10:00:00,2026-01-01T10:00:00,0,1,0,0,0,0'
	[ "$stderr" = "chain-kpi: warning: 2 rows after 2026-01-02 left out, up to 2062-01-05T09:00" ]
	run -0 --separate-stderr chain-kpi leadtime -q --as-of 2026-01-02 ev.csv
	[ -z "$stderr" ]
}

@test "man page examples run on examples/" {
	cd "$CHAIN_ROOT"
	run -0 chain-kpi summary --plan examples/plan.csv --baseline 12 \
	    --recalc 2026-W14 --as-of 2026-11-20 examples/measurements.csv
	assert_output - <<'EOF'
kpi,name,period,value,target,met,change,variation,assurance,recalc
leadtime,Lead time from report to decision,2026-W47,31.2333,30,0,-0.2667,common,hit-and-miss,
ftr,First-time-right case files,2026-W47,0.871,0.95,0,-0.014,common,fail,
cost,Cost per case across the chain,2026-W47,1862.1,1500,0,106.84,concern,recalculate,2026-W39
inflow,New cases reported,2026-W47,42,,,-5,common,,
EOF
	run -1 chain-kpi check --plan examples/plan.csv --baseline 12 \
	    --recalc 2026-W14 --fail-on concern --as-of 2026-11-20 examples/measurements.csv
	assert_line --index 0 'kpi,period,value,target,met,mean,lower,upper,signal,rule'
	assert_line 'cost,2026-W47,1862.1,1500,0,1396.1692,1319.2299,1473.1085,concern,outside'
	run -0 bash -c 'chain-kpi leadtime --per week --from Report --to Close --kpi chain --as-of 2026-11-20 examples/events.csv 2>/dev/null | chain-kpi check -q --as-of 2026-11-20'
	assert_line --index 0 'kpi,period,value,target,met,mean,lower,upper,signal,rule'
	assert_line --partial 'chain_leadtime_median,2026-W47,'
	cd "$BATS_TEST_TMPDIR"
	run -0 --separate-stderr chain-kpi leadtime --from Report --to Close --norm 60d --excel \
	    -o leadtime.csv --as-of 2026-11-20 "$EXAMPLES/events.csv"
	[ "$stderr" = "chain-kpi: warning: 385 of 3000 cases never reach 'Close' after 'Report'; left out" ]
	[ "$(head -c 3 leadtime.csv)" = $'\xef\xbb\xbf' ]
	[ "$(sed -n 1p leadtime.csv)" = $'\xef\xbb\xbfcase;start;end;lead_time;events;partners;handoffs;within_norm;rework;returns\r' ]
	[ "$(wc -l < leadtime.csv)" -eq 2616 ]
	run -0 chain-kpi handoffs --as-of 2026-11-20 "$EXAMPLES/events.csv"
	assert_output - <<'EOF'
from,to,handoffs,median_wait,p90_wait,mean_wait,returns
GEM,RECL,404,6.4632,9.2449,6.4617,0
OM,GEM,839,6.8646,11.0529,6.9624,0
OM,RvdK,1116,12.5177,18.4448,12.555,0
OM,ZORG,823,7.116,10.8544,7.0255,0
POL,OM,2912,19.5073,33.3733,20.7917,0
RECL,GEM,793,2.9257,4.5782,2.9583,386
RvdK,GEM,520,6.8788,10.914,6.8858,0
RvdK,ZORG,555,7.0444,10.7861,6.9077,0
ZORG,GEM,908,3.0222,4.6412,3.0123,0
ZORG,RECL,421,6.2347,9.2785,6.3627,0
EOF
}

@test "examples: a real improvement, a concern and a target that cannot be met" {
	# without the new limits of week 14 the intake desk shows as special
	# cause: an improvement in lead time
	run -0 chain-kpi summary --plan "$EXAMPLES/plan.csv" --as-of 2026-11-20 "$EXAMPLES/measurements.csv"
	assert_line --index 1 'leadtime,Lead time from report to decision,2026-W47,31.2333,30,0,-0.2667,improvement,fail,'
	run -0 bash -c "chain-kpi check --plan '$EXAMPLES/plan.csv' --as-of 2026-11-20 '$EXAMPLES/measurements.csv' | grep -c '^leadtime,2026-W[0-9]*,.*,improvement,'"
	assert_output 34
	# four partners measure first-time-right; the weakest counts (min)
	run -0 bash -c "chain-kpi check --plan '$EXAMPLES/plan.csv' --as-of 2026-11-20 '$EXAMPLES/measurements.csv' | grep '^ftr,2025-W48,'"
	assert_output 'ftr,2025-W48,0.873,0.95,0,0.8866,0.8561,0.917,none,'
	[ "$(grep -c '^ftr,2025-W48,' "$EXAMPLES/measurements.csv")" -eq 4 ]
	[ "$(grep '^ftr,2025-W48,' "$EXAMPLES/measurements.csv" | cut -d, -f4 | sort -n | head -1)" = 0.873 ]
}

@test "input: quoted commas, quotes and newlines pass through" {
	printf 'kpi,name,better\nlt,"Lead time, ""report"" to\ndecision",down\n' > plan.csv
	printf 'kpi,period,value\nlt,2026-01,"3,5"\nlt,2026-02,"4"\n' > m.csv
	run -3 --separate-stderr chain-kpi summary -q --plan plan.csv m.csv
	[ "$stderr" = "chain-kpi: m.csv:2: value: '3,5' is not a valid number" ]
	printf 'kpi,period,value\nlt,2026-01,"3.5"\nlt,2026-02,"4"\n' > m.csv
	run -0 chain-kpi summary -q --plan plan.csv m.csv
	assert_output - <<'EOF'
kpi,name,period,value,target,met,change,variation,assurance,recalc
lt,"Lead time, ""report"" to
decision",2026-02,4,,,0.5,,,
EOF
	printf 'case,step,time\n"A, ""1""",x,2026-01-01T10:00\n"A, ""1""",y,2026-01-01T22:00\n' > ev.csv
	run -0 chain-kpi leadtime ev.csv
	assert_line --index 1 '"A, ""1""",2026-01-01T10:00:00,2026-01-01T22:00:00,0.5,2,0,0,0,0'
}

@test "plan: a KPI code with blanks around it (found by fuzzing)" {
	printf 'kpi,target,better\n lt ,5,up\n' > p.csv
	printf 'kpi,period,value\nlt,2026-W01,6\n' > m.csv
	run -0 chain-kpi check -q --plan p.csv --as-of 2027-01-01 m.csv
	assert_output - <<'EOF2'
kpi,period,value,target,met,mean,lower,upper,signal,rule
lt,2026-W01,6,5,1,6,,,,
EOF2
}

@test "summary: no change when the period before the latest has no value" {
	# lead time, better down, target 35; week 45 has no measurement
	printf 'kpi,name,better,target\nlt,Lead time,down,35\n' > plan.csv
	printf 'kpi,period,value\nlt,2026-W42,35\nlt,2026-W43,38\nlt,2026-W44,40\nlt,2026-W46,30\n' > m.csv
	# four points: mean 143 / 4 = 35.75; moving ranges 3 2 10, mean 5;
	# limits 35.75 -/+ 13.3 = 22.45 and 49.05 hold the target: hit and
	# miss; 30 <= 35 is met; too few points for a variation; week 44's 40
	# is not the week before, so no change (not 30 - 40 = -10)
	run -0 --separate-stderr chain-kpi summary --plan plan.csv m.csv
	assert_output - <<'EOF2'
kpi,name,period,value,target,met,change,variation,assurance,recalc
lt,Lead time,2026-W46,30,35,1,,,hit-and-miss,
EOF2
	assert_equal "$stderr" "chain-kpi: warning: kpi lt: no value for 2026-W45
chain-kpi: warning: kpi lt: the limits from 2026-W42 rest on 4 points, fewer than 12: trial limits, which each new point will revise"
	# with week 45 measured (36) the change is 30 - 36 = -6
	echo 'lt,2026-W45,36' >> m.csv
	run -0 chain-kpi summary -q --plan plan.csv m.csv
	assert_line --index 1 'lt,Lead time,2026-W46,30,35,1,-6,,hit-and-miss,'
}

@test "summary: assurance recalculate when the latest run began after the limits were fixed" {
	printf 'kpi,better,target\nx,down,12\n' > p.csv
	# 12 baseline points 10, 11, 10, ... (centre 10.5, moving ranges 1:
	# limits 7.84 to 13.16), 8 more like them, then 8 points at 12: a
	# shift from 2026-W21, after the limits were fixed on the first 12
	{
		echo kpi,period,value
		for i in $(seq 1 28); do
			if [ "$i" -le 12 ]; then v=$((i % 2 ? 10 : 11))
			elif [ "$i" -le 20 ]; then v=$((i % 2 ? 11 : 10))
			else v=12; fi
			printf 'x,2026-W%02d,%s\n' "$i" "$v"
		done
	} > m.csv
	run -0 chain-kpi summary --plan p.csv --baseline 12 m.csv
	assert_output - <<'EOF2'
kpi,name,period,value,target,met,change,variation,assurance,recalc
x,,2026-W28,12,12,1,0,concern,recalculate,2026-W21
EOF2
	# with the limits on every point the run is part of them: judged
	run -0 chain-kpi summary --plan p.csv m.csv
	assert_line --index 1 'x,,2026-W28,12,12,1,0,concern,hit-and-miss,'
	# new limits from the run's first period: the process as it runs now
	# (eight points of 12: limits 12 and 12, the target on a limit)
	# (trial limits: eight points since the change)
	run -0 --separate-stderr chain-kpi summary --plan p.csv --baseline 12 --recalc 2026-W21 m.csv
	assert_line --index 1 'x,,2026-W28,12,12,1,0,common,hit-and-miss,'
	assert_equal "$stderr" "chain-kpi: warning: kpi x: the limits from 2026-W21 rest on 8 points, fewer than 12: trial limits, which each new point will revise"
}
