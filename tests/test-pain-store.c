/* test-pain-store.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pain log in a real sqlite file: validation, saving, paging,
 * searching, daily aggregates across daylight saving changes, and the
 * Patient-Specific Functional Scale.
 */

#include "config.h"

#include "bc-pain-stats.h"
#include "bc-pain-store.h"
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

  fixture->dir = g_dir_make_tmp ("backcare-pain-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db = bc_database_open (fixture->dir, &error);
  g_assert_no_error (error);
  fixture->me = bc_profile_store_resolve (fixture->db, "Me", &error);
  g_assert_no_error (error);
  fixture->other = bc_profile_store_create (fixture->db, "Ana Souza", &error);
  g_assert_no_error (error);
  g_assert_cmpint (fixture->other, >, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->db);
  g_free (fixture->dir);
}

/* An entry at a wall-clock time in @zone_id, with that zone's offset. */
static BcPainEntry *
entry_at (const char *zone_id,
          int         year,
          int         month,
          int         day,
          int         hour,
          int         minute,
          int         intensity)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (zone_id);
  g_autoptr(GDateTime) time = NULL;
  BcPainEntry *entry = bc_pain_entry_new ();

  g_assert_nonnull (zone);
  time = g_date_time_new (zone, year, month, day, hour, minute, 0);
  g_assert_nonnull (time);
  bc_pain_entry_set_date_time (entry, time);
  entry->intensity = intensity;

  return entry;
}

static gint64
add (Fixture     *fixture,
     BcPainEntry *entry)
{
  g_autoptr(GError) error = NULL;
  gint64 id = bc_pain_store_add (fixture->db, fixture->me, entry, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
replace_strv (char       ***strv,
              const char   *joined)
{
  g_strfreev (*strv);
  *strv = joined[0] != '\0' ? g_strsplit (joined, ";", -1) : g_new0 (char *, 1);
}

static void
assert_invalid (const BcPainEntry *entry,
                const char        *fragment)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (bc_pain_entry_validate (entry, &error));
  g_assert_error (error, BC_PAIN_ERROR, BC_PAIN_ERROR_INVALID);
  if (strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not contain “%s”", error->message, fragment);
}

static void
test_validation (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(BcPainEntry) entry = entry_at ("Europe/Berlin", 2026, 11, 23, 8, 15, 5);
  g_autoptr(GError) error = NULL;
  g_autofree char *long_note = NULL;

  g_assert_true (bc_pain_entry_validate (entry, &error));
  g_assert_no_error (error);

  entry->intensity = 11;
  assert_invalid (entry, "not 11");
  entry->intensity = -1;
  assert_invalid (entry, "not -1");

  /* Rejected by the store too: nothing is written. */
  g_assert_cmpint (bc_pain_store_add (fixture->db, fixture->me, entry, &error), ==, 0);
  g_assert_error (error, BC_PAIN_ERROR, BC_PAIN_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (bc_pain_store_count (fixture->db, fixture->me, NULL, NULL), ==, 0);

  entry->intensity = 0;
  g_assert_true (bc_pain_entry_validate (entry, NULL));
  entry->intensity = 10;
  g_assert_true (bc_pain_entry_validate (entry, NULL));

  replace_strv (&entry->areas, "neck;knee");
  assert_invalid (entry, "“knee” is not a known body area");
  replace_strv (&entry->areas, "neck;neck");
  assert_invalid (entry, "“neck” is listed twice");
  replace_strv (&entry->areas, "lower-back-centre;below-knee-right");
  g_assert_true (bc_pain_entry_validate (entry, NULL));

  replace_strv (&entry->qualities, "throbbing");
  assert_invalid (entry, "“throbbing” is not a known kind of pain");
  replace_strv (&entry->qualities, "aching;stiffness");

  replace_strv (&entry->helped, "yoga");
  assert_invalid (entry, "“yoga” is not a known kind of relief");
  replace_strv (&entry->helped, "heat;rest");
  g_assert_true (bc_pain_entry_validate (entry, NULL));

  entry->sleep = 7;
  assert_invalid (entry, "sleep");
  entry->sleep = BC_PAIN_SLEEP_GOOD;

  long_note = g_strnfill (BC_PAIN_NOTE_MAX_CHARS, 'a');
  g_free (entry->note);
  entry->note = g_strdup (long_note);
  g_assert_true (bc_pain_entry_validate (entry, NULL));
  /* Characters, not bytes: 10 000 “é” are 20 000 bytes and allowed. */
  {
    GString *accented = g_string_new (NULL);

    for (guint i = 0; i < BC_PAIN_NOTE_MAX_CHARS; i++)
      g_string_append (accented, "é");
    g_free (entry->note);
    entry->note = g_string_free (accented, FALSE);
  }
  g_assert_true (bc_pain_entry_validate (entry, NULL));
  g_free (entry->note);
  entry->note = g_strconcat (long_note, "!", NULL);
  assert_invalid (entry, "longer than");
  g_free (entry->note);
  entry->note = g_strdup ("caf\xe9");
  assert_invalid (entry, "UTF-8");
  g_free (entry->note);
  entry->note = NULL;
  g_assert_true (bc_pain_entry_validate (entry, NULL));

  entry->utc_offset = 18 * 3600;
  g_assert_true (bc_pain_entry_validate (entry, NULL));
  entry->utc_offset = -18 * 3600;
  g_assert_true (bc_pain_entry_validate (entry, NULL));
  entry->utc_offset = 18 * 3600 + 60;
  assert_invalid (entry, "UTC offset");
  entry->utc_offset = 3600 + 30;
  assert_invalid (entry, "UTC offset");
  entry->utc_offset = 0;

  entry->time = 0;
  g_assert_true (bc_pain_entry_validate (entry, NULL));
  entry->time = -1;
  assert_invalid (entry, "1970 to 2100");
  /* 2100-12-31T23:59:59 local is the last moment allowed. */
  entry->time = G_GINT64_CONSTANT (4133980799);
  g_assert_true (bc_pain_entry_validate (entry, NULL));
  entry->time++;
  assert_invalid (entry, "1970 to 2100");
}

static void
test_codes_and_labels (void)
{
  const char * const *areas = bc_pain_area_codes ();
  BcPainSleep sleep = BC_PAIN_SLEEP_GOOD;

  g_assert_cmpuint (g_strv_length ((char **)areas), ==, 13);
  g_assert_cmpuint (g_strv_length ((char **)bc_pain_quality_codes ()), ==, 4);
  g_assert_cmpuint (g_strv_length ((char **)bc_pain_helped_codes ()), ==, 6);

  for (guint i = 0; areas[i] != NULL; i++)
    g_assert_nonnull (bc_pain_code_get_label (areas[i]));
  for (guint i = 0; bc_pain_quality_codes ()[i] != NULL; i++)
    g_assert_nonnull (bc_pain_code_get_label (bc_pain_quality_codes ()[i]));
  for (guint i = 0; bc_pain_helped_codes ()[i] != NULL; i++)
    g_assert_nonnull (bc_pain_code_get_label (bc_pain_helped_codes ()[i]));

  g_assert_cmpstr (bc_pain_code_get_label ("below-knee-left"), ==, "Below the knee, left");
  g_assert_cmpstr (bc_pain_code_get_label ("poor"), ==, "Poor");
  g_assert_null (bc_pain_code_get_label ("knee"));

  g_assert_cmpstr (bc_pain_sleep_to_string (BC_PAIN_SLEEP_UNKNOWN), ==, "");
  g_assert_cmpstr (bc_pain_sleep_to_string (BC_PAIN_SLEEP_FAIR), ==, "fair");
  g_assert_true (bc_pain_sleep_from_string ("poor", &sleep));
  g_assert_cmpint (sleep, ==, BC_PAIN_SLEEP_POOR);
  g_assert_true (bc_pain_sleep_from_string ("", &sleep));
  g_assert_cmpint (sleep, ==, BC_PAIN_SLEEP_UNKNOWN);
  g_assert_false (bc_pain_sleep_from_string ("Good", &sleep));
}

static void
test_crud (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(BcPainEntry) entry = entry_at ("Europe/Berlin", 2026, 11, 23, 8, 15, 6);
  g_autoptr(BcPainEntry) loaded = NULL;
  g_autoptr(BcPainEntry) again = NULL;
  g_autoptr(BcPainEntry) copy = NULL;
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *day = NULL;
  g_autofree char *iso = NULL;
  gint64 id;

  replace_strv (&entry->areas, "lower-back-left;buttock-left");
  replace_strv (&entry->qualities, "sharp");
  replace_strv (&entry->helped, "massage;heat");
  entry->radiating = TRUE;
  entry->sleep = BC_PAIN_SLEEP_POOR;
  g_free (entry->note);
  entry->note = g_strdup ("Pain down the left leg after gardening");

  g_assert_true (bc_pain_entry_has_red_flag (entry));
  day = bc_pain_entry_dup_day (entry);
  g_assert_cmpstr (day, ==, "2026-11-23");
  time = bc_pain_entry_dup_date_time (entry);
  iso = g_date_time_format_iso8601 (time);
  g_assert_cmpstr (iso, ==, "2026-11-23T08:15:00+01");

  id = add (fixture, entry);
  loaded = bc_pain_store_get (fixture->db, fixture->me, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (loaded->id, ==, id);
  g_assert_cmpint (loaded->time, ==, entry->time);
  g_assert_cmpint (loaded->utc_offset, ==, 3600);
  g_assert_cmpint (loaded->intensity, ==, 6);
  g_assert_cmpstrv (loaded->areas, ((const char *[]) { "lower-back-left", "buttock-left", NULL }));
  g_assert_cmpstrv (loaded->qualities, ((const char *[]) { "sharp", NULL }));
  g_assert_cmpstrv (loaded->helped, ((const char *[]) { "massage", "heat", NULL }));
  g_assert_false (loaded->numbness);
  g_assert_false (loaded->tingling);
  g_assert_true (loaded->radiating);
  g_assert_cmpint (loaded->sleep, ==, BC_PAIN_SLEEP_POOR);
  g_assert_cmpstr (loaded->note, ==, "Pain down the left leg after gardening");

  copy = bc_pain_entry_copy (loaded);
  g_assert_cmpstrv (copy->areas, loaded->areas);
  g_assert_cmpstr (copy->note, ==, loaded->note);

  /* Another profile cannot see, change or delete it. */
  g_assert_null (bc_pain_store_get (fixture->db, fixture->other, id, &error));
  g_assert_error (error, BC_PAIN_ERROR, BC_PAIN_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (bc_pain_store_update (fixture->db, fixture->other, loaded, &error));
  g_assert_error (error, BC_PAIN_ERROR, BC_PAIN_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (bc_pain_store_delete (fixture->db, fixture->other, id, &error));
  g_assert_error (error, BC_PAIN_ERROR, BC_PAIN_ERROR_NOT_FOUND);
  g_clear_error (&error);

  loaded->intensity = 3;
  loaded->radiating = FALSE;
  replace_strv (&loaded->areas, "");
  loaded->sleep = BC_PAIN_SLEEP_UNKNOWN;
  g_assert_true (bc_pain_store_update (fixture->db, fixture->me, loaded, &error));
  g_assert_no_error (error);

  loaded->intensity = 12;
  g_assert_false (bc_pain_store_update (fixture->db, fixture->me, loaded, &error));
  g_assert_error (error, BC_PAIN_ERROR, BC_PAIN_ERROR_INVALID);
  g_clear_error (&error);

  again = bc_pain_store_get (fixture->db, fixture->me, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (again->intensity, ==, 3);
  g_assert_false (again->radiating);
  g_assert_nonnull (again->areas);
  g_assert_null (again->areas[0]);
  g_assert_cmpint (again->sleep, ==, BC_PAIN_SLEEP_UNKNOWN);
  g_assert_false (bc_pain_entry_has_red_flag (again));

  g_assert_true (bc_pain_store_delete (fixture->db, fixture->me, id, &error));
  g_assert_no_error (error);
  g_assert_null (bc_pain_store_get (fixture->db, fixture->me, id, &error));
  g_assert_error (error, BC_PAIN_ERROR, BC_PAIN_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (bc_pain_store_delete (fixture->db, fixture->me, id, &error));
  g_assert_error (error, BC_PAIN_ERROR, BC_PAIN_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_cmpint (bc_pain_store_add (fixture->db, 0, entry, &error), ==, 0);
  g_assert_error (error, BC_PAIN_ERROR, BC_PAIN_ERROR_INVALID);
}

static void
test_paging (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) last = NULL;
  g_autoptr(GPtrArray) past = NULL;
  g_autoptr(GError) error = NULL;
  gint64 tie_first, tie_second;

  /* 25 days of one entry each, at 09:00 Berlin time. */
  for (int d = 1; d <= 25; d++)
    {
      g_autoptr(BcPainEntry) entry = entry_at ("Europe/Berlin", 2026, 3, d, 9, 0, d % 11);

      add (fixture, entry);
    }

  /* Two at the same time: the later id is newer. */
  {
    g_autoptr(BcPainEntry) a = entry_at ("Europe/Berlin", 2026, 3, 26, 9, 0, 1);
    g_autoptr(BcPainEntry) b = entry_at ("Europe/Berlin", 2026, 3, 26, 9, 0, 2);

    tie_first = add (fixture, a);
    tie_second = add (fixture, b);
  }

  g_assert_cmpuint (bc_pain_store_count (fixture->db, fixture->me, NULL, &error), ==, 27);
  g_assert_no_error (error);
  g_assert_cmpuint (bc_pain_store_count (fixture->db, fixture->other, NULL, &error), ==, 0);

  first = bc_pain_store_list_page (fixture->db, fixture->me, NULL, 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->len, ==, 10);
  g_assert_cmpint (((BcPainEntry *)first->pdata[0])->id, ==, tie_second);
  g_assert_cmpint (((BcPainEntry *)first->pdata[1])->id, ==, tie_first);
  for (guint i = 2; i < first->len; i++)
    {
      const BcPainEntry *entry = first->pdata[i];
      g_autofree char *day = bc_pain_entry_dup_day (entry);
      g_autofree char *expected = g_strdup_printf ("2026-03-%02u", 25 - (i - 2));

      g_assert_cmpstr (day, ==, expected);
    }

  last = bc_pain_store_list_page (fixture->db, fixture->me, NULL, 20, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (last->len, ==, 7);
  {
    g_autofree char *day = bc_pain_entry_dup_day (last->pdata[6]);

    g_assert_cmpstr (day, ==, "2026-03-01");
  }

  past = bc_pain_store_list_page (fixture->db, fixture->me, NULL, 27, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (past->len, ==, 0);

  g_assert_true (bc_pain_store_has_entry_on (fixture->db, fixture->me, "2026-03-26", &error));
  g_assert_false (bc_pain_store_has_entry_on (fixture->db, fixture->me, "2026-03-27", &error));
  g_assert_no_error (error);
  g_assert_false (bc_pain_store_has_entry_on (fixture->db, fixture->other, "2026-03-26", &error));
  g_assert_false (bc_pain_store_has_entry_on (fixture->db, fixture->me, "26.03.2026", &error));
  g_assert_error (error, BC_PAIN_ERROR, BC_PAIN_ERROR_INVALID);
}

static void
add_with_note (Fixture    *fixture,
               int         day,
               const char *note)
{
  g_autoptr(BcPainEntry) entry = entry_at ("Europe/Berlin", 2026, 5, day, 12, 0, 4);

  g_free (entry->note);
  entry->note = g_strdup (note);
  add (fixture, entry);
}

static void
test_search (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;

  add_with_note (fixture, 1, "Walked to the park");
  add_with_note (fixture, 2, "50% better after the massage");
  add_with_note (fixture, 3, "file_name was wrong");
  add_with_note (fixture, 4, "filename test");
  add_with_note (fixture, 5, "Back\\slash");
  add_with_note (fixture, 6, "Rückenschmerzen beim Sitzen");
  add_with_note (fixture, 7, "");

  g_assert_cmpuint (bc_pain_store_count (fixture->db, fixture->me, "walked", NULL), ==, 1);
  g_assert_cmpuint (bc_pain_store_count (fixture->db, fixture->me, "WALKED", NULL), ==, 1);
  /* % and _ are literal, not wildcards. */
  g_assert_cmpuint (bc_pain_store_count (fixture->db, fixture->me, "%", NULL), ==, 1);
  g_assert_cmpuint (bc_pain_store_count (fixture->db, fixture->me, "50%", NULL), ==, 1);
  g_assert_cmpuint (bc_pain_store_count (fixture->db, fixture->me, "file_name", NULL), ==, 1);
  g_assert_cmpuint (bc_pain_store_count (fixture->db, fixture->me, "_", NULL), ==, 1);
  g_assert_cmpuint (bc_pain_store_count (fixture->db, fixture->me, "\\", NULL), ==, 1);
  g_assert_cmpuint (bc_pain_store_count (fixture->db, fixture->me, "Rücken", NULL), ==, 1);
  g_assert_cmpuint (bc_pain_store_count (fixture->db, fixture->me, "nothing like it", NULL), ==, 0);
  g_assert_cmpuint (bc_pain_store_count (fixture->db, fixture->me, "", NULL), ==, 7);
  g_assert_cmpuint (bc_pain_store_count (fixture->db, fixture->me, NULL, NULL), ==, 7);
  g_assert_cmpuint (bc_pain_store_count (fixture->db, fixture->other, "walked", NULL), ==, 0);

  found = bc_pain_store_list_page (fixture->db, fixture->me, "file", 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 2);
  g_assert_cmpstr (((BcPainEntry *)found->pdata[0])->note, ==, "filename test");
  g_assert_cmpstr (((BcPainEntry *)found->pdata[1])->note, ==, "file_name was wrong");
}

static const BcPainDay *
find_day (GArray     *days,
          const char *day)
{
  for (guint i = 0; i < days->len; i++)
    {
      const BcPainDay *d = &g_array_index (days, BcPainDay, i);

      if (g_str_equal (d->day, day))
        return d;
    }

  g_error ("No day %s", day);
  return NULL;
}

static void
add_at (Fixture    *fixture,
        const char *zone,
        int         year,
        int         month,
        int         day,
        int         hour,
        int         minute,
        int         intensity,
        gboolean    tingling)
{
  g_autoptr(BcPainEntry) entry = entry_at (zone, year, month, day, hour, minute, intensity);

  entry->tingling = tingling;
  add (fixture, entry);
}

/* Europe/Berlin: 2026-03-29 has 23 hours (02:00 → 03:00), 2026-10-25
 * has 25 (03:00 → 02:00). Grouping by the UTC date or by 24-hour steps
 * from the first midnight would move entries to the wrong day.
 */
static void
test_daily_berlin_dst (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GArray) days = NULL;
  g_autoptr(GArray) autumn = NULL;
  g_autoptr(GError) error = NULL;
  const BcPainDay *d;

  g_assert_cmpstr (g_getenv ("TZ"), ==, "Europe/Berlin");

  add_at (fixture, "Europe/Berlin", 2026, 3, 28, 23, 30, 8, FALSE);
  add_at (fixture, "Europe/Berlin", 2026, 3, 29, 0, 30, 2, FALSE);   /* 23:30 UTC the day before */
  add_at (fixture, "Europe/Berlin", 2026, 3, 29, 3, 30, 6, FALSE);   /* after the jump */
  add_at (fixture, "Europe/Berlin", 2026, 3, 29, 23, 30, 4, FALSE);  /* 21:30 UTC */
  add_at (fixture, "Europe/Berlin", 2026, 3, 30, 0, 15, 1, TRUE);

  days = bc_pain_store_daily (fixture->db, fixture->me, "2026-03-01", "2026-03-31", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 3);

  d = find_day (days, "2026-03-28");
  g_assert_cmpuint (d->count, ==, 1);
  g_assert_cmpfloat (d->mean, ==, 8.0);

  d = find_day (days, "2026-03-29");
  g_assert_cmpuint (d->count, ==, 3);
  g_assert_cmpfloat_with_epsilon (d->mean, 4.0, 1e-9);
  g_assert_cmpint (d->min, ==, 2);
  g_assert_cmpint (d->max, ==, 6);
  g_assert_false (d->red_flag);

  d = find_day (days, "2026-03-30");
  g_assert_cmpuint (d->count, ==, 1);
  g_assert_true (d->red_flag);

  /* The hour from 02:00 to 03:00 happens twice on 2026-10-25. */
  add_at (fixture, "Europe/Berlin", 2026, 10, 25, 0, 30, 3, FALSE);   /* 22:30 UTC on the 24th */
  {
    g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Berlin");
    g_autoptr(GDateTime) utc = g_date_time_new_utc (2026, 10, 25, 0, 30, 0);
    g_autoptr(GDateTime) first = g_date_time_to_timezone (utc, zone);
    g_autoptr(GDateTime) second = g_date_time_add_hours (first, 1);
    g_autoptr(BcPainEntry) a = bc_pain_entry_new ();
    g_autoptr(BcPainEntry) b = bc_pain_entry_new ();

    g_assert_cmpint (g_date_time_get_hour (first), ==, 2);
    g_assert_cmpint (g_date_time_get_hour (second), ==, 2);
    bc_pain_entry_set_date_time (a, first);
    bc_pain_entry_set_date_time (b, second);
    g_assert_cmpint (a->utc_offset, ==, 7200);
    g_assert_cmpint (b->utc_offset, ==, 3600);
    a->intensity = 5;
    b->intensity = 7;
    add (fixture, a);
    add (fixture, b);
  }
  add_at (fixture, "Europe/Berlin", 2026, 10, 25, 23, 59, 9, FALSE);
  add_at (fixture, "Europe/Berlin", 2026, 10, 26, 0, 0, 0, FALSE);

  autumn = bc_pain_store_daily (fixture->db, fixture->me, "2026-10-25", "2026-10-25", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (autumn->len, ==, 1);
  d = &g_array_index (autumn, BcPainDay, 0);
  g_assert_cmpstr (d->day, ==, "2026-10-25");
  g_assert_cmpuint (d->count, ==, 4);
  g_assert_cmpfloat_with_epsilon (d->mean, 6.0, 1e-9);
  g_assert_cmpint (d->min, ==, 3);
  g_assert_cmpint (d->max, ==, 9);
}

/* An entry logged in New York keeps New York's day, whatever TZ is:
 * 2026-11-01 has 25 hours there, and 23:30 EST is already the 2nd in
 * Berlin and in UTC.
 */
static void
test_daily_new_york_dst (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GArray) days = NULL;
  g_autoptr(GArray) spring = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  const BcPainDay *d;

  g_assert_false (bc_pain_store_range (fixture->db, fixture->me, &first, &last, &error));
  g_assert_no_error (error);
  g_assert_null (first);
  g_assert_null (last);

  add_at (fixture, "America/New_York", 2026, 11, 1, 0, 30, 2, FALSE);   /* EDT, -04:00 */
  add_at (fixture, "America/New_York", 2026, 11, 1, 12, 0, 4, FALSE);   /* EST, -05:00 */
  add_at (fixture, "America/New_York", 2026, 11, 1, 23, 30, 6, TRUE);   /* 04:30 UTC on the 2nd */
  add_at (fixture, "America/New_York", 2026, 11, 2, 0, 30, 8, FALSE);

  days = bc_pain_store_daily (fixture->db, fixture->me, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 2);
  d = find_day (days, "2026-11-01");
  g_assert_cmpuint (d->count, ==, 3);
  g_assert_cmpfloat_with_epsilon (d->mean, 4.0, 1e-9);
  g_assert_true (d->red_flag);
  d = find_day (days, "2026-11-02");
  g_assert_cmpuint (d->count, ==, 1);
  g_assert_false (d->red_flag);

  /* 2026-03-08: 02:00 EST → 03:00 EDT, a day of 23 hours. */
  add_at (fixture, "America/New_York", 2026, 3, 8, 1, 59, 1, FALSE);
  add_at (fixture, "America/New_York", 2026, 3, 8, 3, 0, 3, FALSE);
  add_at (fixture, "America/New_York", 2026, 3, 8, 23, 59, 5, FALSE);
  spring = bc_pain_store_daily (fixture->db, fixture->me, "2026-03-08", "2026-03-08", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (spring->len, ==, 1);
  g_assert_cmpuint (g_array_index (spring, BcPainDay, 0).count, ==, 3);
  g_assert_cmpfloat_with_epsilon (g_array_index (spring, BcPainDay, 0).mean, 3.0, 1e-9);

  g_assert_true (bc_pain_store_range (fixture->db, fixture->me, &first, &last, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (first, ==, "2026-03-08");
  g_assert_cmpstr (last, ==, "2026-11-02");

  g_assert_null (bc_pain_store_daily (fixture->db, fixture->me, "2026-3-8", NULL, &error));
  g_assert_error (error, BC_PAIN_ERROR, BC_PAIN_ERROR_INVALID);
}

static gboolean
collect_cb (const BcPainEntry  *entry,
            gpointer            user_data,
            GError            **error)
{
  g_ptr_array_add (user_data, bc_pain_entry_copy (entry));
  return TRUE;
}

static gboolean
stop_cb (const BcPainEntry  *entry,
         gpointer            user_data,
         GError            **error)
{
  guint *calls = user_data;

  (*calls)++;
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "stop");
  return FALSE;
}

static void
test_foreach (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func ((GDestroyNotify)bc_pain_entry_free);
  g_autoptr(GError) error = NULL;
  guint calls = 0;

  add_at (fixture, "Europe/Berlin", 2026, 6, 3, 9, 0, 3, FALSE);
  add_at (fixture, "Europe/Berlin", 2026, 6, 1, 9, 0, 1, FALSE);
  add_at (fixture, "Europe/Berlin", 2026, 6, 2, 9, 0, 2, FALSE);

  g_assert_true (bc_pain_store_foreach (fixture->db, fixture->me, NULL, NULL, collect_cb, seen,
                                        &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (((BcPainEntry *)seen->pdata[i])->intensity, ==, i + 1);

  g_ptr_array_set_size (seen, 0);
  g_assert_true (bc_pain_store_foreach (fixture->db, fixture->me, "2026-06-02", "2026-06-02",
                                        collect_cb, seen, &error));
  g_assert_cmpuint (seen->len, ==, 1);

  g_assert_false (bc_pain_store_foreach (fixture->db, fixture->me, NULL, NULL, stop_cb, &calls,
                                         &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (calls, ==, 1);
}

typedef struct
{
  BcPainEntry **entries;
  guint         n;
  guint         next;
} Source;

static gboolean
next_cb (gpointer            user_data,
         const BcPainEntry **out_entry,
         GError            **error)
{
  Source *source = user_data;

  *out_entry = source->next < source->n ? source->entries[source->next++] : NULL;
  return TRUE;
}

static void
test_add_all (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(BcPainEntry) a = entry_at ("Europe/Berlin", 2026, 7, 1, 9, 0, 3);
  g_autoptr(BcPainEntry) b = entry_at ("Europe/Berlin", 2026, 7, 1, 9, 0, 3);
  g_autoptr(BcPainEntry) c = entry_at ("Europe/Berlin", 2026, 7, 2, 9, 0, 4);
  g_autoptr(BcPainEntry) bad = entry_at ("Europe/Berlin", 2026, 7, 3, 9, 0, 42);
  g_autoptr(GError) error = NULL;
  BcPainEntry *batch[] = { a, b, c };
  BcPainEntry *with_bad[] = { c, bad };
  Source source = { batch, G_N_ELEMENTS (batch), 0 };
  guint added = 0, skipped = 0;

  /* Two equal rows in one batch are both kept. */
  replace_strv (&b->areas, "neck");
  g_assert_true (bc_pain_store_add_all (fixture->db, fixture->me, next_cb, &source, &added,
                                        &skipped, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, 3);
  g_assert_cmpuint (skipped, ==, 0);

  /* Again: time, intensity and note match, so all are skipped. */
  source.next = 0;
  g_assert_true (bc_pain_store_add_all (fixture->db, fixture->me, next_cb, &source, &added,
                                        &skipped, &error));
  g_assert_cmpuint (added, ==, 0);
  g_assert_cmpuint (skipped, ==, 3);

  /* Another note is another entry; so is another profile. */
  g_free (c->note);
  c->note = g_strdup ("later");
  source.next = 0;
  g_assert_true (bc_pain_store_add_all (fixture->db, fixture->me, next_cb, &source, &added,
                                        &skipped, &error));
  g_assert_cmpuint (added, ==, 1);
  g_assert_cmpuint (skipped, ==, 2);
  source.next = 0;
  g_assert_true (bc_pain_store_add_all (fixture->db, fixture->other, next_cb, &source, &added,
                                        &skipped, &error));
  g_assert_cmpuint (added, ==, 3);

  /* One invalid entry: nothing is added. */
  g_free (c->note);
  c->note = g_strdup ("not added");
  source = (Source) { with_bad, G_N_ELEMENTS (with_bad), 0 };
  g_assert_false (bc_pain_store_add_all (fixture->db, fixture->me, next_cb, &source, &added,
                                         &skipped, &error));
  g_assert_error (error, BC_PAIN_ERROR, BC_PAIN_ERROR_INVALID);
  g_assert_cmpuint (bc_pain_store_count (fixture->db, fixture->me, NULL, NULL), ==, 4);
  g_assert_cmpuint (bc_pain_store_count (fixture->db, fixture->me, "not added", NULL), ==, 0);
}

static GDateTime *
berlin (int month,
        int day,
        int hour)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Berlin");

  return g_date_time_new (zone, 2026, month, day, hour, 0, 0);
}

static void
score (Fixture *fixture,
       gint64   activity,
       int      value,
       int      month,
       int      day,
       int      hour)
{
  g_autoptr(GDateTime) when = berlin (month, day, hour);
  g_autoptr(GError) error = NULL;

  g_assert_true (bc_psfs_score (fixture->db, activity, value, when, &error));
  g_assert_no_error (error);
}

/* A worked example: three activities scored at the first visit and four
 * weeks later.
 *   first visit:  sitting 30 min 3, tying shoes 4, walking 1 km 2 → 3.0
 *   four weeks:   sitting 30 min 5, tying shoes 4, walking 1 km 6 → 5.0
 * The change of 2.0 points is clinically important.
 */
static void
test_psfs (Fixture       *fixture,
           gconstpointer  user_data)
{
  const char *names[] = { "Sitting 30 min", "Tying shoes", "Walking 1 km", "Lifting a child",
                          "Driving 1 hour" };
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GArray) daily = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ids[G_N_ELEMENTS (names)];
  int latest[3];
  const BcPsfsDay *day;
  gboolean retired;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      ids[i] = bc_psfs_add_activity (fixture->db, fixture->me, names[i], &error);
      g_assert_no_error (error);
      g_assert_cmpint (ids[i], >, 0);
    }

  /* Five at most. */
  g_assert_cmpint (bc_psfs_add_activity (fixture->db, fixture->me, "Gardening", &error), ==, 0);
  g_assert_error (error, BC_PAIN_ERROR, BC_PAIN_ERROR_INVALID);
  g_clear_error (&error);
  /* Per profile. */
  g_assert_cmpint (bc_psfs_add_activity (fixture->db, fixture->other, "Gardening", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (bc_psfs_add_activity (fixture->db, fixture->me, "   ", &error), ==, 0);
  g_assert_error (error, BC_PAIN_ERROR, BC_PAIN_ERROR_INVALID);
  g_clear_error (&error);

  /* Retiring one frees a place. */
  retired = bc_psfs_archive_activity (fixture->db, ids[3], &error);
  g_assert_no_error (error);
  g_assert_true (retired);
  g_assert_true (bc_psfs_archive_activity (fixture->db, ids[4], &error));
  g_assert_false (bc_psfs_archive_activity (fixture->db, ids[4], &error));
  g_assert_error (error, BC_PAIN_ERROR, BC_PAIN_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (bc_psfs_score (fixture->db, ids[0], 11, NULL, &error));
  g_assert_error (error, BC_PAIN_ERROR, BC_PAIN_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (bc_psfs_score (fixture->db, ids[0], -1, NULL, &error));
  g_assert_error (error, BC_PAIN_ERROR, BC_PAIN_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (bc_psfs_score (fixture->db, 9999, 5, NULL, &error));
  g_assert_error (error, BC_PAIN_ERROR, BC_PAIN_ERROR_NOT_FOUND);
  g_clear_error (&error);

  score (fixture, ids[0], 3, 11, 2, 10);
  score (fixture, ids[1], 4, 11, 2, 10);
  score (fixture, ids[2], 2, 11, 2, 10);
  score (fixture, ids[3], 9, 11, 2, 10);   /* retired, but scored that day */

  score (fixture, ids[0], 4, 11, 30, 9);
  score (fixture, ids[0], 5, 11, 30, 18);  /* the last of the day counts */
  score (fixture, ids[1], 4, 11, 30, 9);
  score (fixture, ids[2], 6, 11, 30, 9);

  activities = bc_psfs_list_activities (fixture->db, fixture->me, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (activities->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      BcPsfsActivity *activity = activities->pdata[i];

      g_assert_cmpint (activity->activity_id, ==, ids[i]);
      g_assert_cmpstr (activity->name, ==, names[i]);
      latest[i] = (int)activity->latest;
    }
  g_assert_cmpint (latest[0], ==, 5);
  g_assert_cmpint (latest[1], ==, 4);
  g_assert_cmpint (latest[2], ==, 6);
  g_assert_cmpfloat_with_epsilon (bc_psfs_mean (latest, 3), 5.0, 1e-9);

  /* A new activity has no score yet. */
  g_clear_pointer (&activities, g_ptr_array_unref);
  g_assert_cmpint (bc_psfs_add_activity (fixture->db, fixture->me, "Gardening", &error), >, 0);
  activities = bc_psfs_list_activities (fixture->db, fixture->me, &error);
  g_assert_cmpuint (activities->len, ==, 4);
  g_assert_cmpfloat (((BcPsfsActivity *)activities->pdata[3])->latest, ==, -1.0);

  daily = bc_psfs_daily (fixture->db, fixture->me, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (daily->len, ==, 2);
  day = &g_array_index (daily, BcPsfsDay, 0);
  g_assert_cmpstr (day->day, ==, "2026-11-02");
  g_assert_cmpuint (day->count, ==, 4);
  g_assert_cmpfloat_with_epsilon (day->mean, (3 + 4 + 2 + 9) / 4.0, 1e-9);
  day = &g_array_index (daily, BcPsfsDay, 1);
  g_assert_cmpstr (day->day, ==, "2026-11-30");
  g_assert_cmpuint (day->count, ==, 3);
  g_assert_cmpfloat_with_epsilon (day->mean, 5.0, 1e-9);

  {
    int first_visit[] = { 3, 4, 2 };

    g_assert_true (bc_psfs_change_is_important (bc_psfs_mean (first_visit, 3),
                                                bc_psfs_mean (latest, 3)));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pain-store/codes-and-labels", test_codes_and_labels);
#define ADD(path, func) \
  g_test_add ("/pain-store/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("validation", test_validation);
  ADD ("crud", test_crud);
  ADD ("paging", test_paging);
  ADD ("search", test_search);
  ADD ("daily-berlin-dst", test_daily_berlin_dst);
  ADD ("daily-new-york-dst", test_daily_new_york_dst);
  ADD ("foreach", test_foreach);
  ADD ("add-all", test_add_all);
  ADD ("psfs", test_psfs);
#undef ADD

  return g_test_run ();
}
