#!/bin/sh
# attack.sh MIN_N ITEMS RESPONSES: everything chain-survey shows of the
# responses (score under every --by, alone and with every --wave; matrix on
# every dimension, pooled and per wave; compare between every two waves
# under every --by), with --min-n MIN_N, as the groups' counts and sums;
# then tests/anon/attack works out what it can.  The instrument has one
# item per dimension, so that a dimension's score is its answer.  Exit 1
# when a set of fewer than MIN_N respondents is recovered.
# CHAIN_SURVEY is the program (default chain-survey), ATTACK the attacker.
set -u
min_n=$1 items=$2 data=$3
cs=${CHAIN_SURVEY:-chain-survey}
attack=${ATTACK:-attack}
tmp=${TMPDIR:-/tmp}/attack.$$
mkdir -p "$tmp"
trap 'rm -rf "$tmp"' EXIT

dims=$(awk -F, 'NR > 1 { print $2 }' "$items" | sort -u)
waves=$(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "wave") w = i; next }
    { print $w }' "$data" | sort -u)

# The truth: per finest cell and dimension, n, sum and respondents.
awk -F, -v items="$items" '
BEGIN {
	while ((getline l < items) > 0) {
		split(l, f, ",")
		if (f[1] != "item") dim[f[1]] = f[2]
	}
}
NR == 1 { for (i = 1; i <= NF; i++) col[i] = $i; n = NF; next }
{
	for (i = 1; i <= n; i++) v[col[i]] = $i
	cell = v["wave"] "," v["partner"] "," v["about"]
	total = 0; k = 0
	for (i = 1; i <= n; i++)
		if ((col[i] in dim) && $i != "") {
			add(cell "," dim[col[i]], $i, v["respondent"])
			total += $i; k++
		}
	if (k > 0) add(cell ",*", total / k, v["respondent"])
}
function add(key, x, who) {
	cn[key]++; cs[key] += x
	if (index(" " ids[key] " ", " " who " ") == 0)
		ids[key] = ids[key] (ids[key] == "" ? "" : " ") who
}
END { for (key in cn) printf "%s,%d,%.10g,%s\n", key, cn[key], cs[key], ids[key] }
' "$data" > "$tmp/truth"

facts=$tmp/facts
: > "$facts"
# score: wave,partner,about,dimension,n,mean: '*' where not grouped by
score_facts() {
	awk -F, -v by="$1" -v wave="$2" 'NR > 1 && $5 != "" {
		w = by ~ /wave/ ? $1 : (wave != "" ? wave : "*")
		p = by ~ /partner/ ? $2 : "*"
		a = by ~ /about/ ? $3 : "*"
		printf "%s,%s,%s,%s,%s,%.10g\n", w, p, a, $4, $5, $5 * $6
	}' >> "$facts"
}
for by in none wave partner about wave,partner wave,about partner,about \
    wave,partner,about; do
	"$cs" score -q --items "$items" --min-n "$min_n" --by "$by" "$data" |
	    score_facts "$by" ""
	for w in $waves; do
		"$cs" score -q --items "$items" --min-n "$min_n" --by "$by" \
		    --wave "$w" "$data" | score_facts "$by" "$w"
	done
done
# matrix: partner,about,n,mean
for d in $dims '*'; do
	"$cs" matrix -q --items "$items" --min-n "$min_n" --dimension "$d" \
	    "$data" | awk -F, -v d="$d" 'NR > 1 && $3 != "" {
		printf "*,%s,%s,%s,%s,%.10g\n", $1, $2, d, $3, $3 * $4 }' >> "$facts"
	for w in $waves; do
		"$cs" matrix -q --items "$items" --min-n "$min_n" --dimension \
		    "$d" --wave "$w" "$data" | awk -F, -v d="$d" -v w="$w" '
		    NR > 1 && $3 != "" {
			printf "%s,%s,%s,%s,%s,%.10g\n", w, $1, $2, d, $3, $3 * $4 }' \
		    >> "$facts"
	done
done
# compare: partner,about,dimension,n_from,mean_from,n_to,mean_to
for from in $waves; do
	for to in $waves; do
		[ "$from" = "$to" ] && continue
		for by in none partner about partner,about; do
			"$cs" compare -q --items "$items" --min-n "$min_n" \
			    --by "$by" --from "$from" --to "$to" "$data" |
			    awk -F, -v by="$by" -v f="$from" -v t="$to" 'NR > 1 {
				p = by ~ /partner/ ? $1 : "*"
				a = by ~ /about/ ? $2 : "*"
				if ($4 != "") printf "%s,%s,%s,%s,%s,%.10g\n", f, p, a, $3, $4, $4 * $5
				if ($6 != "") printf "%s,%s,%s,%s,%s,%.10g\n", t, p, a, $3, $6, $6 * $7
			    }' >> "$facts"
		done
	done
done
"$attack" "$min_n" "$tmp/truth" "$facts"
