/* test-pain-csv.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pain log as CSV in a real sqlite file: the exact format, export →
 * import → export byte for byte, every malformed case with its line
 * number and nothing imported, and the limits checked before parsing.
 */

#include "config.h"

#include "bc-pain-csv.h"
#include "bc-profile-store.h"

typedef struct
{
  char       *dir;
  BcDatabase *db;
  gint64      me;
  gint64      other;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("backcare-csv-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db = bc_database_open (fixture->dir, &error);
  g_assert_no_error (error);
  fixture->me = bc_profile_store_resolve (fixture->db, "Me", &error);
  g_assert_no_error (error);
  fixture->other = bc_profile_store_create (fixture->db, "Ana Souza", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->db);
  g_free (fixture->dir);
}

static char *
export (Fixture *fixture,
        gint64   profile_id)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (bc_pain_csv_export (fixture->db, profile_id, stream, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (stream, "", 1, NULL, NULL, &error));
  g_assert_true (g_output_stream_close (stream, NULL, &error));

  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));
}

static void
import (Fixture    *fixture,
        gint64      profile_id,
        const char *csv,
        guint       expected_imported,
        guint       expected_skipped)
{
  g_autoptr(GBytes) bytes = g_bytes_new (csv, strlen (csv));
  g_autoptr(GError) error = NULL;
  guint imported = 99, skipped = 99;

  g_assert_true (bc_pain_csv_import (fixture->db, profile_id, bytes, &imported, &skipped,
                                     &error));
  g_assert_no_error (error);
  g_assert_cmpuint (imported, ==, expected_imported);
  g_assert_cmpuint (skipped, ==, expected_skipped);
}

static gint64
add (Fixture    *fixture,
     gint64      time,
     int         utc_offset,
     int         intensity,
     const char *areas,
     const char *qualities,
     const char *helped,
     BcPainSleep sleep,
     const char *note)
{
  g_autoptr(BcPainEntry) entry = bc_pain_entry_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  entry->time = time;
  entry->utc_offset = utc_offset;
  entry->intensity = intensity;
  g_strfreev (entry->areas);
  entry->areas = areas[0] ? g_strsplit (areas, ";", -1) : g_new0 (char *, 1);
  g_strfreev (entry->qualities);
  entry->qualities = qualities[0] ? g_strsplit (qualities, ";", -1) : g_new0 (char *, 1);
  g_strfreev (entry->helped);
  entry->helped = helped[0] ? g_strsplit (helped, ";", -1) : g_new0 (char *, 1);
  entry->sleep = sleep;
  entry->numbness = intensity >= 7;
  entry->tingling = intensity == 8;
  entry->radiating = intensity >= 9;
  g_free (entry->note);
  entry->note = g_strdup (note);

  id = bc_pain_store_add (fixture->db, fixture->me, entry, &error);
  g_assert_no_error (error);
  return id;
}

/* 2026-11-23T08:15:00+01:00 */
#define MONDAY_0815 G_GINT64_CONSTANT (1795418100)

static void
test_format (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autofree char *csv = NULL;
  g_autofree char *empty = NULL;

  empty = export (fixture, fixture->me);
  g_assert_cmpstr (empty, ==, BC_PAIN_CSV_HEADER "\n");

  add (fixture, MONDAY_0815, 3600, 5, "lower-back-left;neck", "aching;sharp", "heat;rest",
       BC_PAIN_SLEEP_POOR, "Said \"ouch\", then rested");
  add (fixture, MONDAY_0815 - 3600, -5 * 3600, 9, "", "", "", BC_PAIN_SLEEP_UNKNOWN, "");
  add (fixture, MONDAY_0815 + 60, 5 * 3600 + 45 * 60, 0, "hip-right", "stiffness", "massage",
       BC_PAIN_SLEEP_GOOD, "Line one\nline two");

  csv = export (fixture, fixture->me);
  g_assert_cmpstr (csv, ==,
                   "time,intensity,areas,quality,numbness,tingling,radiating,sleep,helped,note\n"
                   "2026-11-23T01:15:00-05:00,9,,,1,0,1,,,\n"
                   "2026-11-23T08:15:00+01:00,5,lower-back-left;neck,aching;sharp,0,0,0,poor,"
                   "heat;rest,\"Said \"\"ouch\"\", then rested\"\n"
                   "2026-11-23T13:01:00+05:45,0,hip-right,stiffness,0,0,0,good,massage,"
                   "\"Line one\nline two\"\n");
}

static void
test_time (void)
{
  struct
  {
    const char *text;
    gint64      time;
    int         offset;
  } cases[] = {
    { "2026-11-23T08:15:00+01:00", MONDAY_0815, 3600 },
    { "1970-01-01T00:00:00+00:00", 0, 0 },
    { "2026-11-23T02:15:00-05:00", MONDAY_0815, -5 * 3600 },
    { "2026-11-23T13:00:00+05:45", MONDAY_0815, 5 * 3600 + 45 * 60 },
    { "2026-11-22T21:45:00-09:30", MONDAY_0815, -(9 * 3600 + 30 * 60) },
    { "2026-11-24T01:15:00+18:00", MONDAY_0815, 18 * 3600 },
    { "2100-12-31T23:59:59-18:00", G_GINT64_CONSTANT (4134045599), -18 * 3600 },
    { "2024-02-29T12:00:00+00:00", G_GINT64_CONSTANT (1709208000), 0 },
  };
  const char *bad[] = {
    "2026-11-23T08:15:00", "2026-11-23 08:15:00+01:00", "2026-11-23T08:15+01:00",
    "2026-02-29T08:15:00+01:00", "2026-13-01T08:15:00+01:00", "2026-11-23T24:00:00+01:00",
    "2026-11-23T08:60:00+01:00", "2026-11-23T08:15:00+18:01", "2026-11-23T08:15:00+0100",
    "2026-11-23T08:15:00.5+01:00", "0000-01-01T00:00:00+00:00", "2026-11-23t08:15:00z",
    "", "x",
  };
  gint64 time;
  int offset;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *formatted = bc_pain_csv_format_time (cases[i].time, cases[i].offset);

      g_assert_true (bc_pain_csv_parse_time (cases[i].text, -1, &time, &offset));
      g_assert_cmpint (time, ==, cases[i].time);
      g_assert_cmpint (offset, ==, cases[i].offset);
      g_assert_cmpstr (formatted, ==, cases[i].text);
    }

  g_assert_true (bc_pain_csv_parse_time ("2026-11-23T07:15:00Z", -1, &time, &offset));
  g_assert_cmpint (time, ==, MONDAY_0815);
  g_assert_cmpint (offset, ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      if (bc_pain_csv_parse_time (bad[i], -1, &time, &offset))
        g_error ("“%s” was accepted", bad[i]);
    }
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autofree char *long_note = g_strnfill (BC_PAIN_NOTE_MAX_CHARS, 'z');
  const char * const *areas = bc_pain_area_codes ();
  g_autofree char *all_areas = g_strjoinv (";", (char **)areas);

  add (fixture, MONDAY_0815, 3600, 5, "lower-back-left;neck", "aching;sharp", "heat;rest",
       BC_PAIN_SLEEP_POOR, "Said \"ouch\", then rested");
  add (fixture, MONDAY_0815, 3600, 5, "", "", "", BC_PAIN_SLEEP_UNKNOWN,
       "Same minute, other entry");
  add (fixture, MONDAY_0815 + 86400, 3600, 7, all_areas, "aching;sharp;burning;stiffness",
       "exercise;stretch;massage;heat;medication;rest", BC_PAIN_SLEEP_FAIR,
       "Windows line end\r\ninside, and a lone\rcarriage return");
  add (fixture, MONDAY_0815 + 2 * 86400, -7 * 3600, 3, "upper-back", "", "", BC_PAIN_SLEEP_GOOD,
       "腰痛が少し良くなった。Πόνος στη μέση. Боль в пояснице 😌");
  add (fixture, MONDAY_0815 + 3 * 86400, 0, 10, "", "burning", "", BC_PAIN_SLEEP_UNKNOWN,
       "\"\"");
  add (fixture, MONDAY_0815 + 4 * 86400, 3600, 2, "", "", "", BC_PAIN_SLEEP_UNKNOWN,
       ",,,\n\n,\"");
  add (fixture, MONDAY_0815 + 5 * 86400, 3600, 1, "", "", "", BC_PAIN_SLEEP_UNKNOWN,
       "  leading and trailing spaces  ");
  add (fixture, MONDAY_0815 + 6 * 86400, 3600, 8, "", "", "", BC_PAIN_SLEEP_UNKNOWN, long_note);
  /* Logged earlier than the ones above but added last: exported first. */
  add (fixture, 86400 * 365, 3600, 4, "", "", "", BC_PAIN_SLEEP_UNKNOWN, "1971");

  first = export (fixture, fixture->me);
  g_assert_true (g_str_has_prefix (first, BC_PAIN_CSV_HEADER "\n1971-01-01T01:00:00+01:00,4,"));
  g_assert_nonnull (strstr (first, "\"Windows line end\r\ninside, and a lone\rcarriage return\""));
  g_assert_nonnull (strstr (first, ",腰痛が少し良くなった。Πόνος στη μέση. Боль в пояснице 😌\n"));
  g_assert_nonnull (strstr (first, ",\"\"\"\"\"\"\n"));
  g_assert_nonnull (strstr (first, ",\",,,\n\n,\"\"\"\n"));
  g_assert_nonnull (strstr (first, ",  leading and trailing spaces  \n"));

  import (fixture, fixture->other, first, 9, 0);
  second = export (fixture, fixture->other);
  g_assert_cmpstr (second, ==, first);

  /* Importing the same rows again adds nothing. */
  import (fixture, fixture->other, second, 0, 9);
  third = export (fixture, fixture->other);
  g_assert_cmpstr (third, ==, first);
  g_assert_cmpuint (bc_pain_store_count (fixture->db, fixture->other, NULL, NULL), ==, 9);
}

/* Spreadsheets write CRLF and a byte order mark; both are read. */
static void
test_crlf_and_bom (Fixture       *fixture,
                   gconstpointer  user_data)
{
  const char *crlf =
    "\xEF\xBB\xBF"
    "time,intensity,areas,quality,numbness,tingling,radiating,sleep,helped,note\r\n"
    "2026-11-23T08:15:00+01:00,5,neck,,0,1,0,fair,,\"two\r\nlines\"\r\n"
    "2026-11-23T07:15:00Z,6,,,0,0,0,,,last row without a line end";
  g_autofree char *csv = NULL;

  import (fixture, fixture->me, crlf, 2, 0);
  csv = export (fixture, fixture->me);
  g_assert_cmpstr (csv, ==,
                   BC_PAIN_CSV_HEADER "\n"
                   "2026-11-23T08:15:00+01:00,5,neck,,0,1,0,fair,,\"two\r\nlines\"\n"
                   "2026-11-23T07:15:00+00:00,6,,,0,0,0,,,last row without a line end\n");

  /* The same time, intensity and note: skipped, even written differently. */
  import (fixture, fixture->me,
          BC_PAIN_CSV_HEADER "\n"
          "2026-11-23T08:15:00+01:00,6,,,0,0,0,,,last row without a line end\n"
          "2026-11-23T08:15:00+01:00,5,hip-left,,1,1,1,good,,\"two\r\nlines\"\n",
          0, 2);

  /* A header alone is an empty log. */
  import (fixture, fixture->me, BC_PAIN_CSV_HEADER "\r\n", 0, 0);
  import (fixture, fixture->me, BC_PAIN_CSV_HEADER, 0, 0);
}

/* Two rows that match each other are both imported: the rule only
 * skips rows matching entries that were there before.
 */
static void
test_duplicates_in_one_file (Fixture       *fixture,
                             gconstpointer  user_data)
{
  const char *csv =
    BC_PAIN_CSV_HEADER "\n"
    "2026-11-23T08:15:00+01:00,5,neck,,0,0,0,,,\n"
    "2026-11-23T08:15:00+01:00,5,neck,,0,0,0,,,\n";
  g_autofree char *exported = NULL;

  import (fixture, fixture->me, csv, 2, 0);
  exported = export (fixture, fixture->me);
  g_assert_cmpstr (exported, ==, csv);
  import (fixture, fixture->me, csv, 0, 2);
}

typedef struct
{
  const char *name;
  const char *rows;          /* after the header */
  const char *message;       /* the whole message */
} Malformed;

#define GOOD_ROW "2026-11-23T08:15:00+01:00,5,neck,aching,0,0,0,poor,heat,fine\n"

static const Malformed malformed[] = {
  { "time-without-offset", GOOD_ROW "2026-11-23T08:15:00,5,,,0,0,0,,,\n",
    "Line 3: The time “2026-11-23T08:15:00” is not an ISO 8601 date and time with its UTC "
    "offset, such as 2026-11-23T08:15:00+01:00." },
  { "time-with-space", GOOD_ROW GOOD_ROW "2026-11-23 08:15,5,,,0,0,0,,,\n",
    "Line 4: The time “2026-11-23 08:15” is not an ISO 8601 date and time with its UTC "
    "offset, such as 2026-11-23T08:15:00+01:00." },
  { "no-such-day", "2026-02-29T08:15:00+01:00,5,,,0,0,0,,,\n",
    "Line 2: The time “2026-02-29T08:15:00+01:00” is not an ISO 8601 date and time with its "
    "UTC offset, such as 2026-11-23T08:15:00+01:00." },
  { "offset-beyond-18-hours", "2026-11-23T08:15:00+19:00,5,,,0,0,0,,,\n",
    "Line 2: The time “2026-11-23T08:15:00+19:00” is not an ISO 8601 date and time with its "
    "UTC offset, such as 2026-11-23T08:15:00+01:00." },
  { "time-after-2100", GOOD_ROW "2101-01-01T00:00:00+00:00,5,,,0,0,0,,,\n",
    "Line 3: The time must be in the years 1970 to 2100." },
  { "time-before-1970", "1969-12-31T23:59:59+00:00,5,,,0,0,0,,,\n",
    "Line 2: The time must be in the years 1970 to 2100." },
  { "intensity-11", GOOD_ROW "2026-11-24T08:15:00+01:00,11,,,0,0,0,,,\n",
    "Line 3: The intensity must be a whole number from 0 to 10, not “11”." },
  { "intensity-negative", "2026-11-24T08:15:00+01:00,-1,,,0,0,0,,,\n",
    "Line 2: The intensity must be a whole number from 0 to 10, not “-1”." },
  { "intensity-fraction", "2026-11-24T08:15:00+01:00,5.5,,,0,0,0,,,\n",
    "Line 2: The intensity must be a whole number from 0 to 10, not “5.5”." },
  { "intensity-empty", "2026-11-24T08:15:00+01:00,,,,0,0,0,,,\n",
    "Line 2: The intensity must be a whole number from 0 to 10, not “”." },
  { "unknown-area", GOOD_ROW "2026-11-24T08:15:00+01:00,5,neck;knee,,0,0,0,,,\n",
    "Line 3: “knee” is not a known body area." },
  { "area-with-space", "2026-11-24T08:15:00+01:00,5,neck; upper-back,,0,0,0,,,\n",
    "Line 2: “ upper-back” is not a known body area." },
  { "empty-code", "2026-11-24T08:15:00+01:00,5,neck;,,0,0,0,,,\n",
    "Line 2: “” is not a known body area." },
  { "unknown-quality", "2026-11-24T08:15:00+01:00,5,,throbbing,0,0,0,,,\n",
    "Line 2: “throbbing” is not a known kind of pain." },
  { "unknown-helped", "2026-11-24T08:15:00+01:00,5,,,0,0,0,,yoga,\n",
    "Line 2: “yoga” is not a known kind of relief." },
  { "code-twice", "2026-11-24T08:15:00+01:00,5,,,0,0,0,,heat;rest;heat,\n",
    "Line 2: “heat” is listed twice." },
  { "bad-boolean", GOOD_ROW "2026-11-24T08:15:00+01:00,5,,,yes,0,0,,,\n",
    "Line 3: numbness must be 0 or 1, not “yes”." },
  { "boolean-2", "2026-11-24T08:15:00+01:00,5,,,0,2,0,,,\n",
    "Line 2: tingling must be 0 or 1, not “2”." },
  { "boolean-empty", "2026-11-24T08:15:00+01:00,5,,,0,0,,,,\n",
    "Line 2: radiating must be 0 or 1, not “”." },
  { "bad-sleep", "2026-11-24T08:15:00+01:00,5,,,0,0,0,ok,,\n",
    "Line 2: Sleep must be poor, fair, good or empty, not “ok”." },
  { "too-few-fields", GOOD_ROW "2026-11-24T08:15:00+01:00,5,,,0,0,0,,\n",
    "Line 3: Expected 10 fields, found 9." },
  { "too-many-fields", "2026-11-24T08:15:00+01:00,5,,,0,0,0,,,note,more\n",
    "Line 2: Expected 10 fields, found 11." },
  { "empty-line", GOOD_ROW "\n" GOOD_ROW, "Line 3: Expected 10 fields, found 1." },
  { "unterminated-quote", GOOD_ROW "2026-11-24T08:15:00+01:00,5,,,0,0,0,,,\"never closed\n"
    GOOD_ROW GOOD_ROW, "Line 3: A quoted field is not closed." },
  { "text-after-quote", "2026-11-24T08:15:00+01:00,5,,,0,0,0,,,\"quoted\"then\n",
    "Line 2: A closing quote must be followed by a comma or the end of the line." },
  { "quote-in-unquoted", "2026-11-24T08:15:00+01:00,5,,,0,0,0,,,say \"hi\"\n",
    "Line 2: A field with a quote in it must be enclosed in quotes." },
  { "lone-carriage-return", "2026-11-24T08:15:00+01:00,5,,,0,0,0,,,a\rb\n",
    "Line 2: A carriage return must be followed by a line feed." },
  { "invalid-utf8", GOOD_ROW "2026-11-24T08:15:00+01:00,5,,,0,0,0,,,caf\xe9\n",
    "Line 3: The text is not valid UTF-8." },
  /* The bad byte is on the third line of a note that starts on line 2. */
  { "invalid-utf8-in-long-note", "2026-11-24T08:15:00+01:00,5,,,0,0,0,,,\"one\ntwo\nth\xc3\n\"\n",
    "Line 4: The text is not valid UTF-8." },
  { "nul-byte", "2026-11-24T08:15:00+01:00,5,,,0,0,0,,,a\0b\n",
    "Line 2: The text is not valid UTF-8." },
  /* Line numbers count the lines of quoted notes before. */
  { "after-multiline-note", "2026-11-24T08:15:00+01:00,5,,,0,0,0,,,\"a\nb\nc\"\n"
    "2026-11-24T09:15:00+01:00,12,,,0,0,0,,,\n",
    "Line 5: The intensity must be a whole number from 0 to 10, not “12”." },
};

static char *
with_header (const char *header,
             const char *rows,
             gsize       rows_length,
             gsize      *out_length)
{
  GString *csv = g_string_new (header);

  g_string_append_len (csv, rows, (gssize)rows_length);
  *out_length = csv->len;
  return g_string_free (csv, FALSE);
}

static void
assert_refused (Fixture    *fixture,
                GBytes     *bytes,
                int         code,
                const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) check_error = NULL;
  guint imported = 77;
  guint before = bc_pain_store_count (fixture->db, fixture->me, NULL, NULL);

  g_assert_false (bc_pain_csv_check (bytes, NULL, &check_error));
  g_assert_error (check_error, BC_PAIN_CSV_ERROR, code);
  g_assert_false (bc_pain_csv_import (fixture->db, fixture->me, bytes, &imported, NULL, &error));
  g_assert_error (error, BC_PAIN_CSV_ERROR, code);
  g_assert_cmpstr (error->message, ==, check_error->message);
  if (message != NULL)
    g_assert_cmpstr (error->message, ==, message);
  g_test_message ("%s", error->message);

  g_assert_cmpuint (imported, ==, 77);
  g_assert_cmpuint (bc_pain_store_count (fixture->db, fixture->me, NULL, NULL), ==, before);
}

static void
test_malformed (Fixture       *fixture,
                gconstpointer  user_data)
{
  const Malformed *test = user_data;
  g_autofree char *csv = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize rows_length = strlen (test->rows);
  gsize length;

  /* The NUL case: the rows go on past it. */
  if (g_str_equal (test->name, "nul-byte"))
    rows_length = strlen (test->rows) + 1 + strlen (test->rows + strlen (test->rows) + 1);

  add (fixture, MONDAY_0815 - 86400, 3600, 4, "", "", "", BC_PAIN_SLEEP_UNKNOWN, "already here");

  csv = with_header (BC_PAIN_CSV_HEADER "\n", test->rows, rows_length, &length);
  bytes = g_bytes_new_take (g_steal_pointer (&csv), length);
  assert_refused (fixture, bytes, BC_PAIN_CSV_ERROR_MALFORMED, test->message);
}

static void
test_bad_header (Fixture       *fixture,
                 gconstpointer  user_data)
{
  const char *headers[] = {
    "",
    "\n",
    "time,intensity,areas,quality,numbness,tingling,radiating,sleep,helped\n",
    "Time,Intensity,Areas,Quality,Numbness,Tingling,Radiating,Sleep,Helped,Note\n",
    "intensity,time,areas,quality,numbness,tingling,radiating,sleep,helped,note\n",
    GOOD_ROW,
  };

  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    {
      g_autofree char *csv = g_strconcat (headers[i], GOOD_ROW, NULL);
      g_autoptr(GBytes) bytes = g_bytes_new (csv, i == 0 ? 0 : strlen (csv));

      assert_refused (fixture, bytes, BC_PAIN_CSV_ERROR_MALFORMED,
                      "Line 1: The first line must be the header “" BC_PAIN_CSV_HEADER "”.");
    }
}

static void
test_note_too_long (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autofree char *note = g_strnfill (BC_PAIN_NOTE_MAX_CHARS + 1, 'n');
  g_autofree char *csv = g_strconcat (BC_PAIN_CSV_HEADER "\n" GOOD_ROW
                                      "2026-11-24T08:15:00+01:00,5,,,0,0,0,,,", note, "\n",
                                      NULL);
  g_autoptr(GBytes) bytes = g_bytes_new (csv, strlen (csv));

  assert_refused (fixture, bytes, BC_PAIN_CSV_ERROR_MALFORMED,
                  "Line 3: The note is longer than 10000 characters.");

  /* 10 000 is fine. */
  csv[strlen (csv) - 2] = '\n';
  csv[strlen (csv) - 1] = '\0';
  import (fixture, fixture->me, csv, 2, 0);
}

/* Over 64 MiB: refused from the size alone. The bytes are zeros, which
 * parsing would reject differently (as invalid UTF-8 on line 1).
 */
static void
test_size_limit (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GBytes) too_large = g_bytes_new_take (g_malloc0 (BC_PAIN_CSV_MAX_SIZE + 1),
                                                  BC_PAIN_CSV_MAX_SIZE + 1);
  g_autoptr(GBytes) zeros = g_bytes_new_take (g_malloc0 (16), 16);

  assert_refused (fixture, too_large, BC_PAIN_CSV_ERROR_TOO_LARGE,
                  "The file is larger than 64 MiB, too large to import.");
  assert_refused (fixture, zeros, BC_PAIN_CSV_ERROR_MALFORMED,
                  "Line 1: The text is not valid UTF-8.");
}

/* Rows are counted as lines before anything is parsed: 2 000 001 empty
 * lines are refused for their number, 2 000 000 get to the parser,
 * which finds line 2 malformed.
 */
static void
test_row_limit (Fixture       *fixture,
                gconstpointer  user_data)
{
  gsize header = strlen (BC_PAIN_CSV_HEADER "\n");
  gsize length = header + BC_PAIN_CSV_MAX_ROWS + 1;
  char *data = g_malloc (length);
  g_autoptr(GBytes) too_many = NULL;
  g_autoptr(GBytes) at_limit = NULL;

  memcpy (data, BC_PAIN_CSV_HEADER "\n", header);
  memset (data + header, '\n', BC_PAIN_CSV_MAX_ROWS + 1);
  too_many = g_bytes_new_take (data, length);
  at_limit = g_bytes_new_from_bytes (too_many, 0, length - 1);

  assert_refused (fixture, too_many, BC_PAIN_CSV_ERROR_TOO_MANY_ROWS,
                  "The file has more than 2000000 rows, too many to import.");
  assert_refused (fixture, at_limit, BC_PAIN_CSV_ERROR_MALFORMED,
                  "Line 2: Expected 10 fields, found 1.");
}

static void
test_check_counts_rows (void)
{
  const char *csv = BC_PAIN_CSV_HEADER "\n" GOOD_ROW
                    "2026-11-24T08:15:00+01:00,5,,,0,0,0,,,\"a\nb\"\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (csv, strlen (csv));
  g_autoptr(GError) error = NULL;
  guint n_rows = 0;

  g_assert_true (bc_pain_csv_check (bytes, &n_rows, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_rows, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pain-csv/time", test_time);
  g_test_add_func ("/pain-csv/check-counts-rows", test_check_counts_rows);
#define ADD(path, func, data) \
  g_test_add ("/pain-csv/" path, Fixture, data, fixture_set_up, func, fixture_tear_down)
  ADD ("format", test_format, NULL);
  ADD ("round-trip", test_round_trip, NULL);
  ADD ("crlf-and-bom", test_crlf_and_bom, NULL);
  ADD ("duplicates-in-one-file", test_duplicates_in_one_file, NULL);
  ADD ("bad-header", test_bad_header, NULL);
  ADD ("note-too-long", test_note_too_long, NULL);
  ADD ("size-limit", test_size_limit, NULL);
  ADD ("row-limit", test_row_limit, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autofree char *path = g_strconcat ("/pain-csv/malformed/", malformed[i].name, NULL);

      g_test_add (path, Fixture, &malformed[i], fixture_set_up, test_malformed,
                  fixture_tear_down);
    }
#undef ADD

  return g_test_run ();
}
