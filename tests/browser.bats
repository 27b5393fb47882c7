#!/usr/bin/env bats
# The weekly report in a real browser: examples/weekly.sh writes
# out/report.html, headless Chromium renders it to a PNG that must not be
# blank, and the rendered page holds the expected charts.

load test_helper/common

chromium_run() {
	timeout 120 chromium --headless --no-sandbox --disable-gpu \
	    --disable-quic --no-first-run --disable-background-networking \
	    --disable-component-update --disable-sync --disable-dev-shm-usage \
	    --user-data-dir="$BATS_TEST_TMPDIR/profile" "$@" 2> chromium.log
}

@test "browser: the weekly report renders with its charts" {
	command -v chromium > /dev/null || fail "chromium is not installed: run make deps as root"
	CHAIN_OUT=$BATS_TEST_TMPDIR/out run -0 sh "$EXAMPLES/weekly.sh"
	[ -s out/report.html ] && [ -s out/report.md ] && [ -s out/actions-2026-W47.csv ]
	chromium_run --dump-dom "file://$BATS_TEST_TMPDIR/out/report.html" > dom.html
	# the page as the browser built it: every section and chart
	for id in glance plan do check act; do
		grep -q "<section id=\"$id\"" dom.html
	done
	# one chart per KPI of examples/plan.csv and per weekly lead-time KPI
	# of leadtime-check.csv (6), the quadrant, the partners' bars, the
	# mutual-trust heat map, the relay view, the small multiples and the
	# Pareto of the reasons why promises break
	[ "$(grep -o '<svg class="chart xmr"' dom.html | wc -l)" -eq 10 ]
	[ "$(grep -o '<svg class="chart relay"' dom.html | wc -l)" -eq 1 ]
	[ "$(grep -o '<svg class="chart multiples"' dom.html | wc -l)" -eq 1 ]
	[ "$(grep -o '<svg class="chart quadrant"' dom.html | wc -l)" -eq 1 ]
	[ "$(grep -o '<svg class="chart bars"' dom.html | wc -l)" -eq 1 ]
	[ "$(grep -o '<svg class="chart heatmap"' dom.html | wc -l)" -eq 1 ]
	[ "$(grep -o '<svg class="chart pareto"' dom.html | wc -l)" -eq 1 ]
	[ "$(grep -o '<svg class="chart ' dom.html | wc -l)" -eq 16 ]
	# the first ten points of the Act list (--top), all of them in the CSV
	n=$(grep -c '^[0-9]*,' out/actions-2026-W47.csv)
	[ "$n" -gt 10 ]
	[ "$(sed 's/<ol class="act">/\n&/; s/<\/ol>/&\n/' dom.html | grep '^<ol class="act">' | grep -o '<li>' | wc -l)" -eq 10 ]
	chromium_run --screenshot="$BATS_TEST_TMPDIR/report.png" \
	    --window-size=1000,2400 --hide-scrollbars \
	    "file://$BATS_TEST_TMPDIR/out/report.html"
	# a blank page of this size compresses to a few kilobytes
	[ "$(stat -c %s report.png)" -gt 60000 ]
	chromium_run --print-to-pdf="$BATS_TEST_TMPDIR/report.pdf" \
	    --no-pdf-header-footer "file://$BATS_TEST_TMPDIR/out/report.html"
	[ "$(head -c 5 report.pdf)" = "%PDF-" ]
	[ "$(grep -ac '/Type /Page$\|/Type /Page\b' report.pdf)" -ge 3 ] ||
	    [ "$(grep -ac '/Type */Page[^s]' report.pdf)" -ge 3 ]
}

@test "browser: an input text stays inside its own <bdi>, with no override left" {
	command -v chromium > /dev/null || fail "chromium is not installed: run make deps as root"
	{
		echo 'id,owner,counterpart,title,due,done,announced,new_due,cancelled,state,effective_due,days_late,surprise'
		printf 'A1,OM,POL,Weg \xe2\x80\xaeterug <i>x</i>,2026-11-10,,,,,overdue,2026-11-10,10,0\n'
	} > status.csv
	run -0 chain-report --as-of 2026-11-20 -o r.html status.csv
	chromium_run --dump-dom "file://$BATS_TEST_TMPDIR/r.html" > dom.html
	# the browser built one element for the title, its markup as text
	grep -q '<td class="t"><bdi>Weg terug &lt;i&gt;x&lt;/i&gt;</bdi></td><td><bdi>OM</bdi></td>' dom.html
	run -1 grep -c $'\xe2\x80\xae\|<i>' dom.html
}

@test "browser: a 30-partner chain prints on A4 without a heading left at a page's foot" {
	command -v chromium > /dev/null || fail "chromium is not installed: run make deps as root"
	command -v pdftotext > /dev/null || fail "pdftotext is not installed: run make deps as root"
	sh "$CHAIN_ROOT/tests/gen-chain.sh" 30 .
	chain-agree status --as-of 2026-11-20 -o st.csv agreements.csv
	chain-agree score --as-of 2026-11-20 -o sc.csv agreements.csv
	chain-agree score --per month --as-of 2026-11-20 -o tr.csv agreements.csv
	chain-survey score --instrument trust -o ss.csv survey-2026-05.csv survey-2026-11.csv
	chain-survey matrix --instrument trust --wave 2026-11 -o sm.csv survey-2026-05.csv survey-2026-11.csv
	chain-kpi check --plan "$EXAMPLES/plan.csv" --as-of 2026-11-20 -o ck.csv "$EXAMPLES/measurements.csv"
	chain-kpi handoffs --as-of 2026-11-20 -o ho.csv "$EXAMPLES/events.csv"
	for lang in en nl; do
		chain-report --lang $lang --as-of 2026-11-20 -o r.html \
		    st.csv sc.csv tr.csv ss.csv sm.csv ck.csv ho.csv partners.csv \
		    "$EXAMPLES/plan.csv"
		chromium_run --print-to-pdf="$BATS_TEST_TMPDIR/r.pdf" \
		    --no-pdf-header-footer "file://$BATS_TEST_TMPDIR/r.html"
		# a heading, and the line that says what its chart shows
		grep -o '<h[23]>[^<]*</h[23]>\(<p class="muted">[^<]*</p>\)\?' r.html |
		    sed 's/<\/h[23]>/\n/; s/<[^>]*>//g' > headings
		[ "$(grep -c . headings)" -gt 8 ]
		pages=$(pdfinfo r.pdf | sed -n 's/^Pages: *//p')
		[ "$pages" -gt 3 ]
		for p in $(seq 1 "$pages"); do
			last=$(pdftotext -f "$p" -l "$p" -layout r.pdf - |
			    grep -v '^[[:space:]]*$' | tail -1 | sed 's/^ *//; s/ *$//')
			if grep -qxF -- "$last" headings; then
				fail "$lang: page $p ends with the heading '$last'"
			fi
		done
	done
}
