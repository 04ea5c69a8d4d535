#!/bin/sh
# Plan files from a shell: no display, real data folders, exit codes
# 0 / 1 (data) / 2 (usage) with one line on stderr, nothing changed on error.
set -u
backcare="$1"
templates="$2"
n=0
failed=0
w="$BACKCARE_TEST_WORLD"

ok () {
  n=$((n + 1))
  if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=1; fi
}

one_line () {
  [ "$(printf '%s\n' "$1" | wc -l)" = 1 ]
}

[ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; ok $? "no display is available"

out=$("$backcare" --data-dir "$w/a" --import "$templates/core-and-stretch-gentle-start.backcare-plan" 2>&1); rc=$?
[ "$rc" = 0 ]; ok $? "--import of a template exits 0: $out"

out=$("$backcare" --data-dir "$w/a" --export-plan "$w/one.backcare-plan" 2>&1); rc=$?
[ "$rc" = 0 ] && [ -s "$w/one.backcare-plan" ]; ok $? "--export-plan writes the file: $out"

out=$("$backcare" --data-dir "$w/b" --profile "Ana Souza" --import "$w/one.backcare-plan" 2>&1); rc=$?
[ "$rc" = 0 ] && echo "$out" | grep -q "new profile"; ok $? "--import into an unknown profile creates it: $out"

"$backcare" --data-dir "$w/b" --profile "Ana Souza" --export-plan "$w/two.backcare-plan" >/dev/null 2>&1
cmp -s "$w/one.backcare-plan" "$w/two.backcare-plan"; ok $? "export → import elsewhere → export is byte-identical"

cmp -s "$w/one.backcare-plan" "$templates/core-and-stretch-gentle-start.backcare-plan"; ok $? "and identical to the template it came from"

before=$(sha256sum "$w/b/backcare.db" | cut -d' ' -f1)

err=$("$backcare" --data-dir "$w/b" --import "$w/plan.txt" 2>&1 >/dev/null); rc=$?
[ "$rc" = 2 ] && one_line "$err"; ok $? "an unknown extension is a usage error (rc $rc): $err"

err=$("$backcare" --data-dir "$w/b" --export-plan "$w/plan.pdf.txt" 2>&1 >/dev/null); rc=$?
[ "$rc" = 2 ] && one_line "$err"; ok $? "exporting to another extension is a usage error (rc $rc): $err"

err=$("$backcare" --data-dir "$w/b" --import "$w/missing.backcare-plan" 2>&1 >/dev/null); rc=$?
[ "$rc" = 1 ] && one_line "$err"; ok $? "a missing file is a data error (rc $rc): $err"

printf 'junk' > "$w/junk.backcare-plan"
err=$("$backcare" --data-dir "$w/b" --import "$w/junk.backcare-plan" 2>&1 >/dev/null); rc=$?
[ "$rc" = 1 ] && one_line "$err"; ok $? "a junk file is a data error (rc $rc): $err"

printf '{"format": "backcare-plan", "version": 2, "plan": {}}' > "$w/newer.backcare-plan"
err=$("$backcare" --data-dir "$w/b" --import "$w/newer.backcare-plan" 2>&1 >/dev/null); rc=$?
[ "$rc" = 1 ] && echo "$err" | grep -q "newer BackCare"; ok $? "a newer file says so (rc $rc): $err"

err=$("$backcare" --data-dir "$w/b" --profile Nobody --export-plan "$w/x.backcare-plan" 2>&1 >/dev/null); rc=$?
[ "$rc" = 1 ] && one_line "$err" && [ ! -e "$w/x.backcare-plan" ]; ok $? "an unknown profile is a data error (rc $rc): $err"

err=$("$backcare" --data-dir "$w/empty" --export-plan "$w/y.backcare-plan" 2>&1 >/dev/null); rc=$?
[ "$rc" = 1 ] && one_line "$err"; ok $? "no plan to export is a data error (rc $rc): $err"

printf 'x' > "$w/blocker"
err=$("$backcare" --data-dir "$w/b" --profile "Ana Souza" --export-plan "$w/blocker/z.backcare-plan" 2>&1 >/dev/null); rc=$?
[ "$rc" = 1 ] && one_line "$err"; ok $? "an unwritable path is a data error (rc $rc): $err"

err=$("$backcare" --data-dir "$w/b" --import "$w/one.backcare-plan" --export-plan "$w/q.backcare-plan" 2>&1 >/dev/null); rc=$?
[ "$rc" = 2 ]; ok $? "import and export together is a usage error (rc $rc): $err"

after=$(sha256sum "$w/b/backcare.db" | cut -d' ' -f1)
[ "$before" = "$after" ]; ok $? "none of the failures changed the database"

echo "1..$n"
exit $failed
