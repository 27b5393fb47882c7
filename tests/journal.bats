#!/usr/bin/env bats
# The journal of a register (SPEC section 2, chain-agree log): every add
# and set appends what it changed, so that a second renegotiation or a
# correction leaves the first announcement known; status counts the
# announcements from it; it is written before the register's rename, so
# that a crash leaves it ahead of the register, never behind; and it is
# as safe in a shared directory as the register.

load test_helper/common

register() {
	csv r.csv <<'EOF'
id,owner,counterpart,made,due,done,announced,new_due,plan
A1,OM,POL,2026-06-01,2026-06-19,,,,
EOF
}

# The journal without its time and user, which the test checks apart.
changes() {
	cut -d, -f3- "${1:-r.csv.journal}"
}

@test "log: a journal after add, set, a correction and a second announcement" {
	register
	run -0 chain-agree add -f r.csv --owner POL --counterpart OM --made 2026-06-02 \
	    --due 2026-06-30 --title 'Send files' --as-of 2026-06-02
	assert_output 'A2'
	run -0 chain-agree set -f r.csv A1 --announce 2026-06-15 --new-due 2026-06-26 \
	    --plan 'Extra staff' --reason capacity --as-of 2026-06-15
	run -0 chain-agree set -f r.csv A1 --announce 2026-06-14 --correct --as-of 2026-06-15
	run -0 chain-agree set -f r.csv A1 --announce 2026-06-24 --new-due 2026-07-03 \
	    --again --reason 'information late' --as-of 2026-06-24
	run -0 chain-agree set -f r.csv A2 --done 2026-06-29 --as-of 2026-06-29
	# the add: a line per column it set; the first announcement, its
	# correction (15 to 14 June: the row's date, now), the second one
	# (from the first, 14 June, to 24 June), and A2 done
	run -0 changes
	assert_output - <<'EOF'
id,column,old,new,kind
A2,owner,,POL,add
A2,counterpart,,OM,add
A2,title,,Send files,add
A2,made,,2026-06-02,add
A2,due,,2026-06-30,add
A1,announced,,2026-06-15,set
A1,new_due,,2026-06-26,set
A1,plan,,Extra staff,set
A1,reason,,capacity,set
A1,announced,2026-06-15,2026-06-14,correct
A1,announced,2026-06-14,2026-06-24,again
A1,new_due,2026-06-26,2026-07-03,again
A1,reason,capacity,information late,again
A2,done,,2026-06-29,set
EOF
	# when: ISO 8601 local time with its offset; who: the login name; all
	# the lines of one change written at one moment
	run -0 cut -d, -f1,2 r.csv.journal
	[ "${lines[0]}" = time,user ]
	for l in "${lines[@]:1}"; do
		[[ $l =~ ^20[0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9][+-][01][0-9]:[0-5][0-9],$(id -un)$ ]] ||
		    fail "not a time and user: $l"
	done
	[ "$(sed -n 2,6p r.csv.journal | cut -d, -f1 | sort -u | wc -l)" -eq 1 ]
	# the row keeps the first announcement, as corrected, and the latest
	# new due date, plan and reason (in the columns add and set added)
	assert_equal "$(sed -n 1,2p r.csv)" 'id,owner,counterpart,made,due,done,announced,new_due,plan,title,reason
A1,OM,POL,2026-06-01,2026-06-19,,2026-06-14,2026-07-03,Extra staff,,information late'
	# log prints it, or one agreement's lines
	run -0 chain-agree log -f r.csv
	assert_output "$(cat r.csv.journal)"
	run -0 bash -c 'chain-agree log -f r.csv A2 | cut -d, -f3-'
	assert_output - <<'EOF'
id,column,old,new,kind
A2,owner,,POL,add
A2,counterpart,,OM,add
A2,title,,Send files,add
A2,made,,2026-06-02,add
A2,due,,2026-06-30,add
A2,done,,2026-06-29,set
EOF
	# from standard input, for Dutch Excel
	run -0 bash -c 'chain-agree log --excel A2 < r.csv.journal | cut -d";" -f3- | head -2'
	assert_output $'id;column;old;new;kind\r\nA2;owner;;POL;add\r'
}

@test "log: an id neither the journal nor the register has; no journal yet; bad use" {
	register
	run -0 --separate-stderr chain-agree log -f r.csv
	assert_output 'time,user,id,column,old,new,kind'
	assert_equal "$stderr" "chain-agree: warning: r.csv: no journal yet; r.csv.journal begins with the next add or set"
	# an agreement of the register without a change journalled has no lines
	run -0 chain-agree log -q -f r.csv A1
	assert_output 'time,user,id,column,old,new,kind'
	run -3 --separate-stderr chain-agree log -q -f r.csv A9
	assert_equal "$stderr" "chain-agree: log: no agreement has id 'A9' (neither the register nor its journal)"
	chain-agree set -f r.csv A1 --done 2026-06-18 --as-of 2026-06-18
	run -3 --separate-stderr chain-agree log A9 < r.csv.journal
	assert_equal "$stderr" "chain-agree: log: no agreement has id 'A9' (the journal has none)"
	run -4 chain-agree log -f missing.csv
	assert_output 'chain-agree: missing.csv: No such file or directory'
	run -2 chain-agree log -f r.csv A1 A2
	run -2 chain-agree log --reason x -f r.csv
	# a journal is read as it is: not as a register
	printf 'id,owner,due\n' > not.journal
	run -3 chain-agree log < not.journal
	assert_output --partial 'time: required column is missing'
}

@test "status: renegotiations counted from the journal, corrections not; without it, 1" {
	register
	chain-agree set -f r.csv A1 --announce 2026-06-15 --new-due 2026-06-26 --as-of 2026-06-15
	chain-agree set -f r.csv A1 --announce 2026-06-14 --correct --as-of 2026-06-15
	chain-agree set -f r.csv A1 --announce 2026-06-24 --new-due 2026-07-03 --again --as-of 2026-06-24
	chain-agree set -f r.csv A1 --announce 2026-07-01 --new-due 2026-07-10 --again --as-of 2026-07-01
	# three announcements by 1 July (the correction is none); two by 30
	# June; one by 20 June; none before the first
	for pair in 2026-07-01:3 2026-06-30:2 2026-06-20:1 2026-06-13:0; do
		run -0 chain-agree status --as-of "${pair%:*}" r.csv
		assert_line --index 1 --regexp ",${pair%:*},${pair#*:}\$"
	done
	# standard input has no journal: one announcement, the row's
	run -0 bash -c 'chain-agree status --as-of 2026-07-01 < r.csv'
	assert_line --index 1 --regexp ',2026-07-01,1$'
	# a status passed on keeps the journal's count
	run -0 bash -c 'chain-agree status --as-of 2026-07-01 r.csv | chain-agree list --as-of 2026-07-01'
	assert_line --index 1 --regexp ',2026-07-01,3$'
	# an announcement made before the journal began counts once
	printf 'id,owner,due,announced,new_due\nB1,OM,2026-06-19,2026-06-15,2026-06-26\n' > old.csv
	chain-agree set -f old.csv B1 --announce 2026-06-24 --new-due 2026-07-03 --again --as-of 2026-06-24
	run -0 chain-agree status --as-of 2026-06-30 old.csv
	assert_line --index 1 --regexp ',2026-06-30,2$'
	# a count in the input that is none is an error
	printf 'id,owner,due,announced,renegotiations\nC1,OM,2026-06-19,2026-06-15,many\n' > bad.csv
	run -3 --separate-stderr chain-agree status --as-of 2026-06-30 - < bad.csv
	assert_equal "$stderr" "chain-agree: stdin:2: renegotiations: 'many' is not a count of announcements (1 or more)"
}

@test "the journal has the register's owner, group, mode and ACL; it is beside the file a link names" {
	register
	chmod 640 r.csv
	if [ "$(id -u)" = 0 ]; then
		chown nobody:nogroup r.csv
	fi
	if command -v setfacl >/dev/null; then
		setfacl -m u:daemon:rw r.csv 2>/dev/null || true
	fi
	chain-agree set -f r.csv A1 --done 2026-06-18 --as-of 2026-06-18
	[ "$(stat -c '%U:%G %a' r.csv.journal)" = "$(stat -c '%U:%G %a' r.csv)" ]
	if command -v getfacl >/dev/null; then
		[ "$(getfacl -p r.csv.journal 2>/dev/null | grep -v '^# file')" = \
		    "$(getfacl -p r.csv 2>/dev/null | grep -v '^# file')" ]
	fi
	mkdir real
	mv r.csv r.csv.journal real/
	ln -s real/r.csv link.csv
	chain-agree set -f link.csv A1 --plan 'Was late' --announce 2026-06-15 --as-of 2026-06-18
	[ ! -e link.csv.journal ]
	[ "$(wc -l < real/r.csv.journal)" -eq 4 ]
	run -0 bash -c 'chain-agree log -f link.csv | cut -d, -f3-'
	assert_output - <<'EOF'
id,column,old,new,kind
A1,done,,2026-06-18,set
A1,announced,,2026-06-15,set
A1,plan,,Was late,set
EOF
}

@test "a journal planted as a link, a FIFO, a hard link or another file: the change is refused" {
	register
	cp r.csv before.csv
	echo 'private notes' > notes.txt
	ln -s "$PWD/notes.txt" r.csv.journal
	run -4 chain-agree set -f r.csv A1 --done 2026-06-18 --as-of 2026-06-18
	assert_output "chain-agree: r.csv.journal: a symbolic link; the journal is never written through one; the register is left as it was"
	cmp r.csv before.csv
	[ "$(cat notes.txt)" = 'private notes' ]
	# a dangling link does not create its target
	rm r.csv.journal
	ln -s "$PWD/evil" r.csv.journal
	run -4 chain-agree add -f r.csv --owner OM --due 2026-07-01
	[ ! -e evil ]
	cmp r.csv before.csv
	# a FIFO makes no writer hang
	rm r.csv.journal
	mkfifo r.csv.journal
	run -4 timeout 10 chain-agree set -f r.csv A1 --done 2026-06-18 --as-of 2026-06-18
	assert_output "chain-agree: r.csv.journal: not a regular file; the register is left as it was"
	cmp r.csv before.csv
	# nor does a reader
	run -4 timeout 10 chain-agree status r.csv
	# a hard link to another file
	rm r.csv.journal
	ln notes.txt r.csv.journal
	run -4 chain-agree set -f r.csv A1 --done 2026-06-18 --as-of 2026-06-18
	assert_output "chain-agree: r.csv.journal: has other hard links; the register is left as it was"
	[ "$(cat notes.txt)" = 'private notes' ]
	# a file that is no journal
	rm r.csv.journal
	echo 'private notes' > r.csv.journal
	run -4 chain-agree set -f r.csv A1 --done 2026-06-18 --as-of 2026-06-18
	assert_output "chain-agree: r.csv.journal: not a journal of chain-agree (its first line is not the journal's header); the register is left as it was"
	cmp r.csv before.csv
	[ "$(cat r.csv.journal)" = 'private notes' ]
	# nothing else is left beside the register
	run -0 ls -A
	assert_output $'before.csv\nnotes.txt\nr.csv\nr.csv.journal'
}

@test "a journal that cannot be written refuses the change" {
	register
	cp r.csv before.csv
	mkdir r.csv.journal
	run -4 chain-agree set -f r.csv A1 --done 2026-06-18 --as-of 2026-06-18
	assert_output 'chain-agree: r.csv.journal: Is a directory; the register is left as it was'
	cmp r.csv before.csv
	rmdir r.csv.journal
	if [ "$(id -u)" != 0 ]; then	# root writes a read-only file
		: > r.csv.journal
		chmod 444 r.csv.journal
		run -4 chain-agree set -f r.csv A1 --done 2026-06-18 --as-of 2026-06-18
		assert_output 'chain-agree: r.csv.journal: Permission denied; the register is left as it was'
		cmp r.csv before.csv
	fi
}

@test "a lock on the journal held by another is waited for --wait seconds, no longer" {
	command -v flock > /dev/null || skip "flock(1) is not installed"
	register
	chain-agree set -f r.csv A1 --announce 2026-06-15 --as-of 2026-06-15
	cp r.csv before.csv
	# another user's reader holds a shared lock for four seconds
	flock -s r.csv.journal sleep 4 &
	holder=$!
	sleep 0.5
	start=$(date +%s)
	run -4 chain-agree set -f r.csv A1 --done 2026-06-18 --as-of 2026-06-18 --wait 1
	assert_output 'chain-agree: r.csv.journal: another process holds its lock; the register is left as it was'
	[ -n "${CHAIN_VALGRIND:-}" ] || [ $(( $(date +%s) - start )) -le 3 ]
	cmp r.csv before.csv
	# once it lets go, the change lands
	wait "$holder"
	run -0 chain-agree set -f r.csv A1 --done 2026-06-18 --as-of 2026-06-18 --wait 1
}

@test "an empty journal, as a crash while it was created leaves it, gets its header" {
	register
	: > r.csv.journal
	chain-agree set -f r.csv A1 --done 2026-06-18 --as-of 2026-06-18
	run -0 changes
	assert_output $'id,column,old,new,kind\nA1,done,,2026-06-18,set'
}

@test "SIGKILL between the journal and the rename: the journal one change ahead, never behind" {
	command -v strace > /dev/null || skip "strace(1) is not installed"
	[ -z "${CHAIN_VALGRIND:-}" ] || skip "strace runs the program itself"
	strace -o /dev/null true 2> /dev/null || skip "ptrace is not allowed here"
	register
	chain-agree set -f r.csv A1 --announce 2026-06-15 --new-due 2026-06-26 --as-of 2026-06-15
	cp r.csv before.csv
	# the writer is killed as it renames the new version into place
	run strace -f -o /dev/null -e trace=rename,renameat,renameat2 \
	    -e inject=rename,renameat,renameat2:signal=SIGKILL \
	    chain-agree set -f r.csv A1 --announce 2026-06-24 --new-due 2026-07-03 \
	    --again --as-of 2026-06-24
	[ "$status" -ne 0 ]
	# the register is the old one; the journal holds the change it does
	# not show, and nothing is lost: every value the register shows has
	# its line
	cmp r.csv before.csv
	run -0 changes
	assert_output - <<'EOF'
id,column,old,new,kind
A1,announced,,2026-06-15,set
A1,new_due,,2026-06-26,set
A1,announced,2026-06-15,2026-06-24,again
A1,new_due,2026-06-26,2026-07-03,again
EOF
	# the temporary file of the killed writer is all it leaves
	[ "$(ls -A | grep -cv '^\(before.csv\|r.csv\|r.csv.journal\)$')" -eq 1 ]
	# the register still works, and the next writer journals after it
	run -0 chain-agree set -f r.csv A1 --done 2026-06-25 --as-of 2026-06-25
	assert_equal "$(tail -1 r.csv.journal | cut -d, -f3-)" 'A1,done,,2026-06-25,set'
}

@test "a hundred concurrent writers: the journal has every change, in the order they landed" {
	printf 'id,owner,due,done\nA000,POL,2026-01-01,\n' > reg.csv
	for i in $(seq 1 100); do
		chain-agree add -f reg.csv --owner "P$i" --due 2026-02-01 > /dev/null &
	done
	wait
	# an owner and a due line for each
	[ "$(grep -c ',owner,,P[0-9]*,add$' reg.csv.journal)" -eq 100 ]
	[ "$(grep -c ',due,,2026-02-01,add$' reg.csv.journal)" -eq 100 ]
	# in the order of the register's rows
	assert_equal "$(grep ',owner,' reg.csv.journal | cut -d, -f3)" "$(sed 1,2d reg.csv | cut -d, -f1)"
	for i in $(seq 1 50); do
		chain-agree set -f reg.csv "A$(printf %03d "$i")" --done 2026-01-15 &
	done
	wait
	[ "$(grep -c ',done,,2026-01-15,set$' reg.csv.journal)" -eq 50 ]
	[ "$(wc -l < reg.csv.journal)" -eq 251 ]
}
