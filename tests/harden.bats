#!/usr/bin/env bats
# Hardening: a writer killed at random moments never leaves a partial
# register nor a journal behind it, a hundred concurrent writers lose
# nothing, every input that once
# crashed a fuzz target is handled, and progress shows only on a terminal.

load test_helper/common

big_register() {
	{
		echo 'id,owner,counterpart,title,made,due,done,note'
		awk 'BEGIN { for (i = 1; i <= 20000; i++)
			printf "A%05d,POL,OM,\"Agreement %d, quoted \"\"x\"\"\",2026-01-01,2026-03-01,,\"line\nbreak\"\n", i, i }'
	} > reg.csv
}

@test "crash safety: a writer killed at random moments leaves the old or the new register" {
	big_register
	rounds=${CHAIN_KILL_ROUNDS:-40}
	[ -z "${CHAIN_VALGRIND:-}" ] || rounds=5
	old=0 new=0
	for i in $(seq 1 "$rounds"); do
		cp reg.csv before.csv
		cp reg.csv expect.csv
		if [ $((i % 2)) -eq 0 ]; then
			args="add --owner OM --due 2026-12-01 --made 2026-11-20 --id K$i --title t$i"
		else
			args="set A$(printf %05d "$i") --done 2026-02-0$((i % 9 + 1))"
		fi
		# shellcheck disable=SC2086
		chain-agree $args -f expect.csv > /dev/null
		# shellcheck disable=SC2086
		chain-agree $args -f reg.csv > /dev/null &
		pid=$!
		sleep "0.0$((RANDOM % 4))$((RANDOM % 10))"
		kill -KILL "$pid" 2> /dev/null || true
		wait "$pid" || true
		if cmp -s reg.csv before.csv; then
			old=$((old + 1))
		elif cmp -s reg.csv expect.csv; then
			new=$((new + 1))
		else
			echo "round $i: the register is neither the old nor the new version" >&2
			diff before.csv reg.csv | head >&2
			return 1
		fi
	done
	echo "# $rounds rounds: $old times the old version, $new times the new" >&3
	# the journal is never behind the register: every agreement added has
	# its lines, every done date the register shows its line; it may be
	# one change ahead in a round that left the old version, never more
	for id in $(grep -o '^K[0-9]*' reg.csv); do
		grep -q "^[^,]*,[^,]*,$id,due,,2026-12-01,add\$" reg.csv.journal ||
		    fail "$id is in the register, not in its journal"
	done
	mapfile -t done_rows < <(grep -o '^A[0-9]*,.*,2026-03-01,2026-02-0[1-9],' reg.csv)
	for l in "${done_rows[@]}"; do
		row=${l%%,*}
		done_on=${l%,}
		done_on=${done_on##*,}
		grep -q "^[^,]*,[^,]*,$row,done,,$done_on,set\$" reg.csv.journal ||
		    fail "$row was done on $done_on by the register, not by its journal"
	done
	# (no journal at all when every writer died before its first change,
	# as under valgrind, where a writer starts slowly)
	changes=0
	if [ -e reg.csv.journal ]; then
		changes=$(cut -d, -f3,4 reg.csv.journal | grep -c ',\(due\|done\)$' || true)
	fi
	[ "$changes" -ge "$new" ]
	[ "$changes" -le "$rounds" ]
	# the register still reads, and a writer after the kills works
	run -0 chain-agree check reg.csv
	run -0 chain-agree add -f reg.csv --owner GEM --due 2026-12-01 --id LAST
	[ "$(tail -n 1 reg.csv)" = "LAST,GEM,,,$(date +%Y-%m-%d),2026-12-01,," ]
}

@test "a hundred concurrent writers lose nothing" {
	printf 'id,owner,due,done\nA000,POL,2026-01-01,\n' > reg.csv
	for i in $(seq 1 100); do
		chain-agree add -f reg.csv --owner "P$i" --due 2026-02-01 > /dev/null &
	done
	wait
	[ "$(wc -l < reg.csv)" -eq 102 ]
	[ -z "$(cut -d, -f1 reg.csv | sort | uniq -d)" ]
	for i in $(seq 1 100); do
		grep -q ",P$i,2026-02-01," reg.csv
	done
	for i in $(seq 1 50); do
		chain-agree set -f reg.csv "A$(printf %03d "$i")" --done 2026-01-15 &
	done
	wait
	[ "$(grep -c ',2026-01-15$' reg.csv)" -eq 50 ]
	run -0 chain-agree check reg.csv
}

@test "every input that once crashed a fuzz target is handled by every program" {
	shopt -s nullglob
	for f in "$CHAIN_ROOT"/tests/fuzz/regress/*/*; do
		tail -c +2 "$f" > input.csv
		for cmd in "chain-agree status" "chain-agree score --per week" \
		    "chain-agree matrix" "chain-agree check"; do
			run $cmd input.csv
			if [ "$status" -ne 0 ] && [ "$status" -ne 1 ] &&
			    [ "$status" -ne 3 ]; then
				echo "$cmd on $f: exit status $status" >&2
				return 1
			fi
		done
	done
}

@test "progress: shown on a terminal for inputs over 100 MB, never otherwise" {
	command -v script > /dev/null || skip "script(1) is not installed"
	[ -z "${CHAIN_VALGRIND:-}" ] || skip "110 MB under valgrind takes too long"
	{ echo 'id,owner,due,pad'; yes 'A1,POL,2026-01-01,xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' | head -n 1500000; } > big.csv
	[ "$(stat -c %s big.csv)" -gt 104857600 ]
	script -qfec "chain-agree score big.csv > /dev/null" typescript > /dev/null
	grep -q 'chain-agree: big.csv: [0-9]* rows, [0-9]* MB of 1[0-9][0-9] MB' typescript
	script -qfec "chain-agree score -q big.csv > /dev/null" typescript > /dev/null
	! grep -q 'rows,' typescript
	run -0 --separate-stderr chain-agree score big.csv
	[ -z "$stderr" ]
}
