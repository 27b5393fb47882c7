#!/usr/bin/env bats
# The register under attack (SPEC section 2): on a shared server another
# user plants links and FIFOs where the temporary file went, holds the
# lock, or relies on the register's permissions; every attack here worked
# on the old fixed temporary name and must fail now.

load test_helper/common

register() {
	csv r.csv <<'EOF'
id,owner,due
A001,POL,2026-06-01
EOF
}

add() {
	chain-agree add -f "${1:-r.csv}" --owner OM --due 2026-07-01 "${@:2}"
}

@test "a link planted as the old temporary name is never followed" {
	register
	echo 'private notes' > notes.txt
	chmod 600 notes.txt
	ln -s "$PWD/notes.txt" .r.csv.chain-new
	run -0 add
	assert_output 'A002'
	[ "$(cat notes.txt)" = 'private notes' ]
	[ "$(stat -c %a notes.txt)" = 600 ]
	[ -L .r.csv.chain-new ]
	[ "$(tail -1 r.csv)" = 'A002,OM,2026-07-01' ]
	# a dangling one does not create its target
	rm .r.csv.chain-new
	ln -s "$PWD/cron.d-evil" .r.csv.chain-new
	run -0 add
	[ ! -e cron.d-evil ]
	# nor does a FIFO make the writer hang
	rm .r.csv.chain-new
	mkfifo .r.csv.chain-new
	run -0 timeout 10 chain-agree add -f r.csv --owner OM --due 2026-07-01
	[ -p .r.csv.chain-new ]
	# and nothing is left beside the register but its journal
	run -0 ls -A
	assert_output - <<'EOF'
.r.csv.chain-new
notes.txt
r.csv
r.csv.journal
EOF
}

@test "the temporary file has an unpredictable name, created exclusively" {
	command -v strace >/dev/null || skip 'strace is not installed'
	register
	names() {
		strace -f -e trace=openat -o trace.txt chain-agree add -f r.csv \
		    --owner OM --due 2026-07-01 >/dev/null
		grep -o '"[^"]*\.r\.csv\.[^"]*", O_RDWR|O_CREAT|O_EXCL' trace.txt
	}
	first=$(names)
	second=$(names)
	[ -n "$first" ] && [ -n "$second" ]
	[ "$first" != "$second" ]
	case $first in *chain-new*) false ;; esac
}

@test "owner, group, mode and ACL of the register are kept" {
	register
	chmod 640 r.csv
	if [ "$(id -u)" = 0 ]; then
		chown nobody:nogroup r.csv
	fi
	before=$(stat -c '%U:%G %a' r.csv)
	run -0 add
	[ "$(stat -c '%U:%G %a' r.csv)" = "$before" ]
	if command -v setfacl >/dev/null && setfacl -m u:nobody:rw r.csv 2>/dev/null; then
		acl=$(getfacl -p r.csv 2>/dev/null | grep -v '^# file')
		run -0 add
		[ "$(getfacl -p r.csv 2>/dev/null | grep -v '^# file')" = "$acl" ]
		getfacl -p r.csv | grep -q '^user:nobody:rw-$'
	fi
	# -o keeps an existing output's mode too
	chain-agree status --as-of 2026-06-10 r.csv > /dev/null
	: > out.csv
	chmod 600 out.csv
	run -0 chain-agree status --as-of 2026-06-10 -o out.csv r.csv
	[ "$(stat -c %a out.csv)" = 600 ]
	[ "$(wc -l < out.csv)" -eq 4 ]
}

@test "a register named through a link is edited where it points; hard links are refused" {
	register
	mkdir real
	mv r.csv real/r.csv
	ln -s real/r.csv link.csv
	run -0 add link.csv
	[ -L link.csv ]
	[ "$(tail -1 real/r.csv)" = 'A002,OM,2026-07-01' ]
	run -0 chain-agree set -f link.csv A002 --done 2026-06-20
	[ -L link.csv ]
	[ "$(tail -1 real/r.csv)" = 'A002,OM,2026-07-01,2026-06-20' ]
	# a hard link would be split by the rename: refused, nothing changed
	ln real/r.csv hard.csv
	cp real/r.csv before.csv
	run -4 add hard.csv
	assert_output 'chain-agree: hard.csv: has other hard links; replacing it would split them (keep one name, or edit a copy)'
	cmp hard.csv before.csv
	[ "$(stat -c %i hard.csv)" = "$(stat -c %i real/r.csv)" ]
}

@test "a held lock is waited for --wait seconds, then exit 4 naming the register" {
	command -v flock >/dev/null || skip 'flock(1) is not installed'
	register
	cp r.csv before.csv
	flock r.csv sleep 4 &
	sleep 0.5
	start=$(date +%s)
	run -4 add r.csv --wait 1
	end=$(date +%s)
	assert_output 'chain-agree: r.csv: another writer holds the lock; given up after 1 s (--wait SECONDS waits longer)'
	[ $((end - start)) -le 3 ]
	cmp r.csv before.csv
	wait
	# once it is free, the writer goes on
	run -0 add r.csv --wait 1
	assert_output 'A002'
	run -2 add r.csv --wait soon
}

@test "SIGTERM and SIGINT leave no temporary file" {
	# a register large enough for the signal to come while it is written
	# (under valgrind, where every run is slow, a tenth of it)
	rows=200000
	[ -z "${CHAIN_VALGRIND:-}" ] || rows=20000
	{ echo 'id,owner,due'; seq -f 'A%06g,POL,2026-06-01' 1 "$rows"; } > r.csv
	for sig in TERM INT TERM INT TERM INT; do
		chain-agree add -f r.csv --owner OM --due 2026-07-01 >/dev/null 2>&1 &
		pid=$!
		sleep 0.0$((RANDOM % 9 + 1))
		kill -s "$sig" "$pid" 2>/dev/null || true
		wait "$pid" || true
	done
	# nothing is left beside the register but its journal, which holds
	# every add that landed (an owner and a due line each), and at most
	# one more: a writer stopped after its journal, before its rename
	run -0 ls -A
	[ "$output" = r.csv ] || assert_output $'r.csv\nr.csv.journal'
	added=$(( $(wc -l < r.csv) - rows - 1 ))
	if [ -e r.csv.journal ]; then
		lines=$(( $(wc -l < r.csv.journal) - 1 ))
		[ "$lines" -ge $((2 * added)) ]
		[ "$lines" -le $((2 * added + 2)) ]
	fi
	# the register is whole: the old or a new version
	run -0 chain-agree check r.csv
}

@test "ids: the widest numbered id goes on; ids it cannot continue fail clearly" {
	csv r.csv <<'EOF'
id,owner,due
A9,POL,2026-06-01
B0010,POL,2026-06-01
A008,POL,2026-06-01
EOF
	run -0 add
	assert_output 'B0011'
	printf 'id,owner,due\nA001x,POL,2026-06-01\nmeeting,POL,2026-06-01\n' > x.csv
	run -3 add x.csv
	assert_output "chain-agree: x.csv: its ids end in no number; give the new one with --id"
	printf 'id,owner,due\nA1234567890123456789,POL,2026-06-01\n' > w.csv
	run -3 add w.csv
	assert_output "chain-agree: w.csv: its ids end in numbers of more than 18 digits; give the new one with --id"
	run -0 add w.csv --id B1
	assert_output 'B1'
	run -2 add w.csv --id $'X\n1'
	assert_output --partial 'without control characters'
	run -2 add w.csv --id $'X\e[31m'
	[ "$(wc -l < w.csv)" -eq 3 ]
}
