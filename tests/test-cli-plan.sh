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

out=$("$backcare" --data-dir "$w/a" --export-plan "$w/plan.pdf" --paper a4 2>&1); rc=$?
pages=$(pdfinfo "$w/plan.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
[ "$rc" = 0 ] && [ "${pages:-0}" -ge 2 ] && pdfinfo "$w/plan.pdf" | grep -q "(A4)"; ok $? "--export-plan FILE.pdf writes an A4 PDF of $pages pages: $out"

pdftotext "$w/plan.pdf" - | grep -q "Tracking sheet"; ok $? "the PDF has the tracking sheet"

"$backcare" --data-dir "$w/a" --export-plan "$w/letter.pdf" --paper letter >/dev/null 2>&1
pdfinfo "$w/letter.pdf" | grep -q "(letter)"; ok $? "--paper letter gives US Letter"

# This machine has no en_CA locale; GTK warns about that, which is not ours to test.
G_DEBUG= LC_PAPER=en_CA.UTF-8 LC_ALL= "$backcare" --data-dir "$w/a" --export-plan "$w/locale.pdf" >/dev/null 2>&1
pdfinfo "$w/locale.pdf" | grep -q "(letter)"; ok $? "LC_PAPER in Canada gives Letter by default"

err=$("$backcare" --data-dir "$w/a" --export-plan "$w/legal.pdf" --paper legal 2>&1 >/dev/null); rc=$?
[ "$rc" = 2 ] && one_line "$err" && [ ! -e "$w/legal.pdf" ]; ok $? "an unknown paper size is a usage error (rc $rc): $err"

err=$("$backcare" --data-dir "$w/a" --export-plan "$w/p.backcare-plan" --paper a4 2>&1 >/dev/null); rc=$?
[ "$rc" = 2 ]; ok $? "--paper without a PDF is a usage error (rc $rc): $err"

err=$("$backcare" --data-dir "$w/b" --profile Nobody --export-plan "$w/nobody.pdf" 2>&1 >/dev/null); rc=$?
[ "$rc" = 1 ] && one_line "$err" && [ ! -e "$w/nobody.pdf" ]; ok $? "a PDF for an unknown profile is a data error (rc $rc): $err"

err=$("$backcare" --data-dir "$w/empty" --export-plan "$w/none.pdf" 2>&1 >/dev/null); rc=$?
[ "$rc" = 1 ] && one_line "$err" && [ ! -e "$w/none.pdf" ]; ok $? "a PDF with no plan is a data error (rc $rc): $err"

err=$("$backcare" --data-dir "$w/a" --export-plan "$w/blocker/plan.pdf" 2>&1 >/dev/null); rc=$?
[ "$rc" = 1 ] && one_line "$err"; ok $? "an unwritable PDF path is a data error (rc $rc): $err"

after=$(sha256sum "$w/b/backcare.db" | cut -d' ' -f1)
[ "$before" = "$after" ]; ok $? "none of the failures changed the database"

echo "1..$n"
exit $failed
