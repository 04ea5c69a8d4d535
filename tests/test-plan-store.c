/* test-plan-store.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Plans in a real sqlite file: saving, ordering, replacing and the
 * history of earlier versions; profiles.
 */

#include "config.h"

#include "bc-plan-file.h"
#include "bc-plan-store.h"
#include "bc-profile-store.h"

typedef struct
{
  char       *dir;
  BcDatabase *db;
  gint64      me;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("backcare-plans-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db = bc_database_open (fixture->dir, &error);
  g_assert_no_error (error);
  fixture->me = bc_profile_store_resolve (fixture->db, "Me", &error);
  g_assert_no_error (error);
  g_assert_cmpint (fixture->me, >, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->db);
  g_free (fixture->dir);
}

static void
add_item (BcPlan     *plan,
          const char *slug,
          guint       sets,
          guint       reps)
{
  g_autofree char *ref = g_strconcat ("builtin:", slug, NULL);
  BcDosage dosage = { sets, reps, 5, 30, 1, BC_DAYS_ALL };
  g_autoptr(BcPlanItem) item = bc_plan_item_new (ref, &dosage, NULL);

  g_list_store_append (bc_plan_get_items (plan), item);
}

static char *
item_refs (BcPlan *plan)
{
  GListModel *items = G_LIST_MODEL (bc_plan_get_items (plan));
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(BcPlanItem) item = g_list_model_get_item (items, i);

      if (i > 0)
        g_string_append_c (str, ',');
      g_string_append (str, bc_plan_item_get_exercise_ref (item) + strlen ("builtin:"));
    }

  return g_string_free (str, FALSE);
}

static gint64
count (BcDatabase *db,
       const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = bc_database_prepare (db, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static void
test_save_and_load (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcPlan) plan = bc_plan_new ("Back on track");
  g_autoptr(BcPlan) loaded = NULL;
  g_autofree char *refs = NULL;
  g_autoptr(BcPlanItem) first = NULL;

  g_assert_null (bc_plan_store_load_active (fixture->db, fixture->me, &error));
  g_assert_no_error (error);

  bc_plan_set_clinician (plan, "Dr. Rivera");
  bc_plan_set_start_date (plan, "2026-11-23");
  bc_plan_set_review_date (plan, "2026-12-21");
  bc_plan_set_notes (plan, "Little and often.");
  add_item (plan, "pelvic-tilt", 2, 10);
  add_item (plan, "glute-bridge", 3, 12);
  add_item (plan, "chest-stretch-doorway", 3, 1);

  g_assert_true (bc_plan_store_save (fixture->db, fixture->me, plan, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bc_plan_get_id (plan), >, 0);

  loaded = bc_plan_store_load_active (fixture->db, fixture->me, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bc_plan_get_title (loaded), ==, "Back on track");
  g_assert_cmpstr (bc_plan_get_clinician (loaded), ==, "Dr. Rivera");
  g_assert_cmpstr (bc_plan_get_review_date (loaded), ==, "2026-12-21");
  refs = item_refs (loaded);
  g_assert_cmpstr (refs, ==, "pelvic-tilt,glute-bridge,chest-stretch-doorway");
  first = g_list_model_get_item (G_LIST_MODEL (bc_plan_get_items (loaded)), 1);
  g_assert_cmpuint (bc_plan_item_get_dosage (first)->reps, ==, 12);
}

static void
test_reorder_and_remove (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcPlan) plan = bc_plan_new ("Order");
  g_autoptr(BcPlan) loaded = NULL;
  g_autoptr(BcPlanItem) moved = NULL;
  g_autofree char *refs = NULL;
  GListStore *items = bc_plan_get_items (plan);

  add_item (plan, "pelvic-tilt", 2, 10);
  add_item (plan, "glute-bridge", 2, 10);
  add_item (plan, "bird-dog", 2, 10);
  g_assert_true (bc_plan_store_save (fixture->db, fixture->me, plan, NULL, &error));

  /* Move the last item to the top and remove the middle one. */
  moved = g_list_model_get_item (G_LIST_MODEL (items), 2);
  g_list_store_remove (items, 2);
  g_list_store_insert (items, 0, moved);
  g_list_store_remove (items, 2);
  g_assert_true (bc_plan_store_save (fixture->db, fixture->me, plan, NULL, &error));
  g_assert_no_error (error);

  loaded = bc_plan_store_load_active (fixture->db, fixture->me, &error);
  refs = item_refs (loaded);
  g_assert_cmpstr (refs, ==, "bird-dog,pelvic-tilt");
  g_assert_cmpint (count (fixture->db, "SELECT count(*) FROM plan_items"), ==, 2);
}

static void
test_invalid_never_stored (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcPlan) plan = bc_plan_new ("Valid");
  g_autoptr(BcPlan) loaded = NULL;
  g_autoptr(BcPlanItem) item = NULL;
  BcDosage too_many = { 11, 10, 5, 30, 1, BC_DAYS_ALL };

  add_item (plan, "plank", 3, 1);
  g_assert_true (bc_plan_store_save (fixture->db, fixture->me, plan, NULL, &error));

  item = g_list_model_get_item (G_LIST_MODEL (bc_plan_get_items (plan)), 0);
  bc_plan_item_set_dosage (item, &too_many);
  bc_plan_set_title (plan, "Changed");
  g_assert_false (bc_plan_store_save (fixture->db, fixture->me, plan, NULL, &error));
  g_assert_error (error, BC_PLAN_ERROR, BC_PLAN_ERROR_ITEM);
  g_test_message ("refused: %s", error->message);
  g_clear_error (&error);

  bc_plan_set_title (plan, "   ");
  g_assert_false (bc_plan_store_save (fixture->db, fixture->me, plan, NULL, &error));
  g_assert_error (error, BC_PLAN_ERROR, BC_PLAN_ERROR_TITLE);
  g_clear_error (&error);

  bc_plan_set_title (plan, "Dates");
  bc_plan_set_start_date (plan, "2026-02-30");
  g_assert_false (bc_plan_store_save (fixture->db, fixture->me, plan, NULL, &error));
  g_assert_error (error, BC_PLAN_ERROR, BC_PLAN_ERROR_DATE);
  g_clear_error (&error);

  loaded = bc_plan_store_load_active (fixture->db, fixture->me, &error);
  g_assert_cmpstr (bc_plan_get_title (loaded), ==, "Valid");
  g_assert_cmpint (count (fixture->db, "SELECT sets FROM plan_items"), ==, 3);
}

static void
test_history (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcPlan) plan = bc_plan_new ("First plan");
  g_autoptr(BcPlan) replacement = bc_plan_new ("Second plan");
  g_autoptr(GDateTime) day1 = g_date_time_new_local (2026, 11, 2, 10, 0, 0);
  g_autoptr(GDateTime) day1_later = g_date_time_new_local (2026, 11, 2, 18, 0, 0);
  g_autoptr(GDateTime) day2 = g_date_time_new_local (2026, 11, 9, 10, 0, 0);
  g_autoptr(GDateTime) day3 = g_date_time_new_local (2026, 11, 16, 10, 0, 0);
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(BcPlanFileContents) oldest = NULL;
  g_autoptr(GBytes) snapshot = NULL;
  g_autoptr(BcPlan) active = NULL;
  BcPlanVersion *version;

  add_item (plan, "pelvic-tilt", 2, 10);
  g_assert_true (bc_plan_store_save (fixture->db, fixture->me, plan, day1, &error));

  /* Two edits on one day keep one snapshot: the plan before that day. */
  add_item (plan, "glute-bridge", 2, 10);
  g_assert_true (bc_plan_store_save (fixture->db, fixture->me, plan, day1, &error));
  add_item (plan, "bird-dog", 2, 10);
  g_assert_true (bc_plan_store_save (fixture->db, fixture->me, plan, day1_later, &error));
  g_assert_cmpint (count (fixture->db, "SELECT count(*) FROM plan_versions"), ==, 1);

  add_item (plan, "plank", 2, 1);
  g_assert_true (bc_plan_store_save (fixture->db, fixture->me, plan, day2, &error));
  g_assert_cmpint (count (fixture->db, "SELECT count(*) FROM plan_versions"), ==, 2);

  /* Replacing keeps the old plan too. */
  add_item (replacement, "cat-cow", 2, 10);
  g_assert_true (bc_plan_store_save (fixture->db, fixture->me, replacement, day3, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (fixture->db, "SELECT count(*) FROM plans"), ==, 2);
  g_assert_cmpint (count (fixture->db, "SELECT count(*) FROM plans WHERE active = 1"), ==, 1);
  active = bc_plan_store_load_active (fixture->db, fixture->me, &error);
  g_assert_cmpstr (bc_plan_get_title (active), ==, "Second plan");

  versions = bc_plan_store_list_versions (fixture->db, fixture->me, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 3);

  /* Oldest: the plan as it was before the first day's edits. */
  version = g_ptr_array_index (versions, versions->len - 1);
  g_assert_cmpstr (version->day, ==, "2026-11-02");
  snapshot = g_bytes_new (version->snapshot, strlen (version->snapshot));
  oldest = bc_plan_file_parse (snapshot, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bc_plan_get_items (oldest->plan))),
                    ==, 1);

  /* Newest: the first plan as it was when it was replaced. */
  version = g_ptr_array_index (versions, 0);
  g_assert_cmpstr (version->day, ==, "2026-11-16");
  g_assert_false (version->active);
  g_assert_nonnull (strstr (version->snapshot, "builtin:plank"));
}

static void
test_profiles (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;
  gboolean created = FALSE;
  gint64 ana;

  ana = bc_profile_store_create (fixture->db, "  Ana Souza ", &error);
  g_assert_no_error (error);
  g_assert_cmpint (ana, >, fixture->me);

  g_assert_cmpint (bc_profile_store_create (fixture->db, "ana souza", &error), ==, -1);
  g_assert_error (error, BC_PROFILE_ERROR, BC_PROFILE_ERROR_EXISTS);
  g_clear_error (&error);

  g_assert_cmpint (bc_profile_store_create (fixture->db, "   ", &error), ==, -1);
  g_assert_error (error, BC_PROFILE_ERROR, BC_PROFILE_ERROR_INVALID_NAME);
  g_clear_error (&error);

  g_assert_cmpint (bc_profile_store_ensure (fixture->db, "Ana Souza", &created, &error), ==, ana);
  g_assert_false (created);
  g_assert_cmpint (bc_profile_store_ensure (fixture->db, "Kim", &created, &error), >, ana);
  g_assert_true (created);

  g_assert_cmpint (bc_profile_store_resolve (fixture->db, "Nobody", &error), ==, -1);
  g_assert_error (error, BC_PROFILE_ERROR, BC_PROFILE_ERROR_NOT_FOUND);

  names = bc_profile_store_list_names (fixture->db, NULL);
  g_assert_cmpuint (g_strv_length (names), ==, 3);
  g_assert_cmpstr (names[1], ==, "Ana Souza");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/plan-store/save-and-load", test_save_and_load);
  ADD ("/plan-store/reorder-and-remove", test_reorder_and_remove);
  ADD ("/plan-store/invalid-never-stored", test_invalid_never_stored);
  ADD ("/plan-store/history", test_history);
  ADD ("/plan-store/profiles", test_profiles);

#undef ADD

  return g_test_run ();
}
