# msg-formats.awk -v keywords="NAME:N ..." FILE...: prints file:line of
# every call of a message function (NAME, whose message is argument N)
# whose message xgettext would see only in part, so that the program
# looks up another text than the catalogue holds: a choice (cond ? "a" :
# "b"), of which xgettext takes the first branch, or literals pasted
# together with a macro ("default " CHAIN_STRING(X) ")"), which it cuts at
# the macro.  Write each message in a call of its own, and a number as
# %d.  po-check.sh runs it on the sources.
BEGIN {
	n = split(keywords, kw, " ")
	for (i = 1; i <= n; i++) {
		split(kw[i], f, ":")
		argn[f[1]] = f[2] == "" ? 1 : f[2]
	}
}
FNR == 1 && NR > 1 { scan(prev) }
{ text[FNR] = $0; nlines = FNR; prev = FILENAME }
END { if (NR > 0) scan(prev) }

function scan(file,    s, i, c, len, line, state, id, depth, arg, want, \
    callline, name, found, j, lit, pasted) {
	s = ""
	for (i = 1; i <= nlines; i++)
		s = s text[i] "\n"
	len = length(s); line = 1; state = ""; depth = 0
	for (i = 1; i <= len; i++) {
		c = substr(s, i, 1)
		if (c == "\n")
			line++
		if (state == "comment") {
			if (c == "*" && substr(s, i + 1, 1) == "/") { state = ""; i++ }
			continue
		}
		if (state == "string" || state == "char") {
			if (c == "\\") { i++; continue }
			if ((state == "string" && c == "\"") || (state == "char" && c == "'"))
				state = ""
			continue
		}
		if (c == "/" && substr(s, i + 1, 1) == "*") { state = "comment"; i++; continue }
		if (c == "\"") {
			state = "string"
			if (depth == 1 && arg == want)
				lit = 1
			continue
		}
		if (c == "'") { state = "char"; continue }
		if (depth == 0 && c ~ /[A-Za-z_]/) {
			j = i
			while (j <= len && substr(s, j, 1) ~ /[A-Za-z0-9_]/)
				j++
			name = substr(s, i, j - i)
			if (substr(s, i - 1, 1) !~ /[A-Za-z0-9_]/ && name in argn) {
				while (substr(s, j, 1) ~ /[ \t\n]/)
					j++
				if (substr(s, j, 1) == "(") {
					depth = 1; arg = 1; want = argn[name]
					callline = line; found = 0; lit = 0
					pasted = 0
					i = j
					continue
				}
			}
			i = j - 1
			continue
		}
		if (depth == 0)
			continue
		if (c == "(" || c == "[" || c == "{") depth++
		else if (c == ")" || c == "]" || c == "}") {
			if (--depth == 0 && found)
				print file ":" callline ": a message that is a choice (?:)"
			if (depth == 0 && pasted)
				print file ":" callline ": a message pasted together with a macro"
		} else if (c == "," && depth == 1) { arg++; lit = 0 }
		else if (c == "?" && depth == 1 && arg == want) found = 1
		else if (c ~ /[A-Za-z_]/ && depth == 1 && arg == want && lit) {
			pasted = 1
			while (substr(s, i + 1, 1) ~ /[A-Za-z0-9_]/)
				i++
		}
	}
	delete text
}
