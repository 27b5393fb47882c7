#!/usr/bin/env bats
# Real files from real coordinators: what Dutch Excel saves (a byte-order
# mark, ';', CRLF, decimal comma, dd-mm-yyyy, Dutch column names) and what
# people type by hand, read as the person sees the cell or refused with
# file, line, column and the value (SPEC section 1).  Every answer below
# is worked out by hand.

load test_helper/common

# dutch FILE: writes standard input to FILE as Dutch Excel saves it: a
# byte-order mark, and CRLF line ends.
dutch() {
	{ printf '\357\273\277'; sed 's/$/\r/'; } >"$1"
}

@test "numbers: the Dutch way with ';', a thousands point between groups of three" {
	dutch m.csv <<'EOF'
kpi;periode;waarde
cost;2026-W01;1.400
cost;2026-W02;1.350,5
cost;2026-W03;1400
EOF
	# 1400, 1350.5, 1400: mean 1383.5; moving ranges 49.5 and 49.5, so the
	# limits are 1383.5 -/+ 2.66 x 49.5 = 131.67
	run -0 chain-kpi check m.csv
	assert_output - <<'EOF'
kpi,period,value,target,met,mean,lower,upper,signal,rule
cost,2026-W01,1400,,,1383.5,1251.83,1515.17,,
cost,2026-W02,1350.5,,,1383.5,1251.83,1515.17,,
cost,2026-W03,1400,,,1383.5,1251.83,1515.17,,
EOF
	# the same numbers in a comma file
	printf 'kpi,period,value\ncost,2026-W01,1400\ncost,2026-W02,1350.5\ncost,2026-W03,1400\n' > c.csv
	run -0 chain-kpi check c.csv
	assert_line --index 1 'cost,2026-W01,1400,,,1383.5,1251.83,1515.17,,'
	# in a comma file the point is the decimal point
	printf 'kpi,period,value\ncost,2026-W01,1.400\n' > p.csv
	run -0 chain-kpi check p.csv
	assert_line --index 1 'cost,2026-W01,1.4,,,1.4,,,,'
}

@test "numbers: anything ambiguous is refused, naming file, line, column and value" {
	dutch m.csv <<'EOF'
kpi;periode;waarde
cost;2026-W01;3.5
cost;2026-W02;1.40
cost;2026-W03;12.34.567
cost;2026-W04;3,5
EOF
	run -3 --separate-stderr chain-kpi check m.csv
	assert_equal "$stderr" "chain-kpi: m.csv:2: waarde: '3.5' is not a valid number: in a file separated by ';' a number has a decimal comma (3,5) and '.' only between thousands (1.400)
chain-kpi: m.csv:3: waarde: '1.40' is not a valid number: in a file separated by ';' a number has a decimal comma (3,5) and '.' only between thousands (1.400)
chain-kpi: m.csv:4: waarde: '12.34.567' is not a valid number"
	printf 'kpi,period,value\ncost,2026-W01,"1,400"\n' > c.csv
	run -3 --separate-stderr chain-kpi check c.csv
	assert_equal "${stderr_lines[0]}" "chain-kpi: c.csv:2: value: '1,400' is not a valid number"
}

@test "--excel: a signed decimal passed through stays a number, a text is guarded" {
	csv r.csv <<'EOF'
id,owner,due,delta,note
A1,OM,2026-01-01,-3.5,-foo
A2,OM,2026-01-01,+2.25,=1+1
EOF
	expected=$'\xef\xbb\xbfid;owner;due;delta;note;state;effective_due;days_late;surprise\r
A1;OM;2026-01-01;-3,5;\'-foo;overdue;2026-01-01;4;1\r
A2;OM;2026-01-01;+2,25;\'=1+1;overdue;2026-01-01;4;1\r'
	run -0 chain-agree status --as-of 2026-01-05 --excel r.csv
	assert_output "$expected"
	run -0 chain-agree list --state overdue --as-of 2026-01-05 --excel r.csv
	assert_output "$expected"
	# from a Dutch file the numbers are Dutch already: 1.400 stays 1400
	dutch d.csv <<'EOF'
id;owner;due;delta
A1;OM;1-1-2026;-3,5
A2;OM;1-1-2026;1.400
EOF
	run -0 chain-agree status --as-of 2026-01-05 --excel d.csv
	assert_line --index 1 $'A1;OM;1-1-2026;-3,5;overdue;2026-01-01;4;1\r'
	assert_line --index 2 $'A2;OM;1-1-2026;1.400;overdue;2026-01-01;4;1\r'
	# every writer: numbers it computes are numbers too
	printf 'kpi,period,value\nd,2026-01,-0.5\nd,2026-02,-1.25\n' > m.csv
	run -0 chain-kpi check --excel m.csv
	assert_line --index 1 $'d;2026-01;-0,5;;;-0,875;-2,87;1,12;;\r'
}

@test "CSV edges: a literal quote, ';;;' rows, a comma in a ';' header" {
	csv q.csv <<'EOF'
id,owner,due,title
A1,OM,2026-06-01,12" scherm
A2,OM,2026-06-01,"37°36'37.8""N"
EOF
	run -0 chain-agree status --as-of 2026-06-10 q.csv
	assert_output - <<'EOF'
id,owner,due,title,state,effective_due,days_late,surprise
A1,OM,2026-06-01,"12"" scherm",overdue,2026-06-01,9,1
A2,OM,2026-06-01,"37°36'37.8""N",overdue,2026-06-01,9,1
EOF
	# the rows of nothing but delimiters Excel leaves below a table
	dutch r.csv <<'EOF'
id;owner;due;Opmerking, intern
A1;OM;1-6-2026;x, y
;;;
;;;
EOF
	run -0 chain-agree check r.csv
	assert_output ''
	run -0 chain-agree status --as-of 2026-06-10 r.csv
	assert_output - <<'EOF'
id,owner,due,"Opmerking, intern",state,effective_due,days_late,surprise
A1,OM,1-6-2026,"x, y",overdue,2026-06-01,9,1
EOF
	# a quoted field with text after its closing quote is still an error
	printf 'id,owner,due\n1,"PO"L,2026-01-01\n' > bad.csv
	run -3 chain-agree status bad.csv
	assert_output --partial 'bad.csv:2: owner: malformed CSV at byte 20: a character after a closing quote'
}

@test "CSV edges: a missing column names the delimiter and the columns found" {
	dutch r.csv <<'EOF'
id;wie;due
A1;OM;1-6-2026
EOF
	run -3 chain-agree status r.csv
	assert_output "chain-agree: r.csv:1: owner: required column is missing (the header, split at ';', has: id, wie, due)"
	printf 'kpi\tperiod\n' > t.csv
	run -3 --separate-stderr chain-kpi check t.csv
	assert_equal "$stderr" "chain-kpi: t.csv:1: value: required column is missing (the header, split at '\\t', has: kpi, period)"
}
