/* test-plan-file.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The .backcare-plan exchange format against a real database in a
 * temporary folder and the real built-in catalog: export → import →
 * export gives the same bytes (in the same database and in a fresh one),
 * the shipped templates are canonical, and every hostile or damaged file
 * is refused with its own error while the database stays as it was.
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <locale.h>

#include "bc-database.h"
#include "bc-exercise-catalog.h"
#include "bc-plan-file.h"
#include "bc-plan-store.h"
#include "bc-profile-store.h"

/* A 2×2 RGBA PNG: a real image, small enough to read in a diff. */
static const guint8 tiny_png[] = {
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44,
  0x52, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x02, 0x08, 0x06, 0x00, 0x00, 0x00, 0x72,
  0xb6, 0x0d, 0x24, 0x00, 0x00, 0x00, 0x11, 0x49, 0x44, 0x41, 0x54, 0x78, 0xda, 0x63, 0x38,
  0x51, 0x61, 0xf3, 0x1f, 0x84, 0x19, 0x60, 0x0c, 0x00, 0x58, 0x8c, 0x09, 0xed, 0xb4, 0x72,
  0xb7, 0xf9, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
};

#define MWF (BC_DAY_MONDAY | BC_DAY_WEDNESDAY | BC_DAY_FRIDAY)

/* The position of the custom exercise among the fixture plan's items. */
#define CUSTOM_ITEM "2"

#define PLAN_TITLE "Back on track"

typedef struct
{
  char              *root;
  BcDatabase        *db;
  BcExerciseCatalog *catalog;
  gint64             profile_id;
  char              *custom_ref;
  GBytes            *export;
} Fixture;

typedef struct
{
  gint64  plans;
  gint64  items;
  gint64  customs;
  gint64  versions;
  gint64  active_plan;
  GBytes *active_export;
} DbState;

static gint64
query_int (BcDatabase *db,
           const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = bc_database_prepare (db, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL &&
         (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autoptr(GFile) child = g_file_get_child (file, g_file_info_get_name (info));

      remove_tree (child);
      g_object_unref (info);
    }

  g_file_delete (file, NULL, NULL);
}

static GBytes *
serialize_active (BcDatabase        *db,
                  BcExerciseCatalog *catalog,
                  gint64             profile_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcPlan) plan = bc_plan_store_load_active (db, profile_id, &error);
  GBytes *bytes;

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  bytes = bc_plan_file_serialize (plan, catalog, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);

  return bytes;
}

static void
assert_same_bytes (GBytes *expected,
                   GBytes *actual)
{
  if (!g_bytes_equal (expected, actual))
    {
      g_test_message ("expected:\n%.*s", (int)g_bytes_get_size (expected),
                      (const char *)g_bytes_get_data (expected, NULL));
      g_test_message ("got:\n%.*s", (int)g_bytes_get_size (actual),
                      (const char *)g_bytes_get_data (actual, NULL));
    }
  g_assert_true (g_bytes_equal (expected, actual));
}

static BcPlanItem *
item_new (const char *ref,
          guint       sets,
          guint       reps,
          guint       hold,
          guint       rest,
          guint       times_per_day,
          BcDays      days,
          const char *notes)
{
  BcDosage dosage = {
    .sets = sets,
    .reps = reps,
    .hold_seconds = hold,
    .rest_seconds = rest,
    .times_per_day = times_per_day,
    .days = days,
  };

  return bc_plan_item_new (ref, &dosage, notes);
}

static void
append_item (BcPlan     *plan,
             BcPlanItem *item)
{
  g_list_store_append (bc_plan_get_items (plan), item);
  g_object_unref (item);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcPlan) plan = NULL;
  g_autoptr(GBytes) image = g_bytes_new_static (tiny_png, sizeof tiny_png);
  g_autofree char *data_dir = NULL;
  static const char * const steps[] = {
    "Sit tall on a firm chair with a rolled towel between your knees.",
    "Squeeze the towel gently and hold, breathing normally.",
    "Relax slowly, then repeat.",
    NULL,
  };
  static const char * const cautions[] = {
    "Stop if you feel sharp pain or pain spreading down a leg.",
    NULL,
  };
  BcExerciseData custom = {
    .name = "Towel squeeze between the knees",
    .category = BC_EXERCISE_CATEGORY_STRENGTHEN,
    .muscles = "Inner thighs, deep abdominal muscles",
    .position = "Sitting on a chair",
    .equipment = "Rolled towel",
    .per_side = FALSE,
    .dosage = { 2, 12, 5, 30, 1, MWF },
    .days_per_week = 3,
    .steps = steps,
    .cautions = cautions,
    .image_mime_type = "image/png",
    .image = image,
    .based_on_ref = "builtin:abdominal-bracing",
  };
  BcExercise *exercise;

  fixture->root = g_dir_make_tmp ("backcare-plan-file-XXXXXX", &error);
  g_assert_no_error (error);
  data_dir = g_build_filename (fixture->root, "data", NULL);

  fixture->db = bc_database_open (data_dir, &error);
  g_assert_no_error (error);
  fixture->catalog = bc_exercise_catalog_new (fixture->db, &error);
  g_assert_no_error (error);
  fixture->profile_id = bc_profile_store_find (fixture->db, "Me", &error);
  g_assert_no_error (error);
  g_assert_cmpint (fixture->profile_id, >, 0);

  exercise = bc_exercise_catalog_add_custom (fixture->catalog, fixture->db, &custom, &error);
  g_assert_no_error (error);
  g_assert_nonnull (exercise);
  fixture->custom_ref = g_strdup (bc_exercise_get_ref (exercise));

  /* Every kind of value the format carries: dates, texts that need
   * escaping, every day pattern, several times a day, a custom exercise.
   */
  plan = bc_plan_new (PLAN_TITLE);
  bc_plan_set_clinician (plan, "Dr. Ana Souza, PT");
  bc_plan_set_start_date (plan, "2026-03-02");
  bc_plan_set_review_date (plan, "2026-04-13");
  bc_plan_set_notes (plan, "Two weeks, then we review.\nStop anything that causes “sharp” pain — "
                           "call me if it spreads down a leg.\tBackslash: \\ done.");
  append_item (plan, item_new ("builtin:pelvic-tilt", 2, 10, 5, 30, 1, MWF,
                               "Small movements; keep breathing."));
  append_item (plan, item_new ("builtin:hamstring-stretch-supine-strap", 3, 1, 30, 15, 2,
                               BC_DAYS_ALL, ""));
  append_item (plan, item_new (fixture->custom_ref, 2, 12, 5, 30, 1,
                               BC_DAY_TUESDAY | BC_DAY_THURSDAY, "With the blue towel"));
  append_item (plan, item_new ("builtin:bird-dog", 3, 8, 5, 45, 1,
                               BC_DAY_SATURDAY | BC_DAY_SUNDAY, "Slowly — quality first."));
  append_item (plan, item_new ("builtin:chest-stretch-doorway", 2, 1, 25, 10, 3,
                               BC_DAY_MONDAY | BC_DAY_TUESDAY | BC_DAY_WEDNESDAY |
                               BC_DAY_THURSDAY | BC_DAY_FRIDAY, "At every coffee break"));

  g_assert_true (bc_plan_store_save (fixture->db, fixture->profile_id, plan, NULL, &error));
  g_assert_no_error (error);

  fixture->export = bc_plan_file_serialize (plan, fixture->catalog, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->export);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GFile) root = g_file_new_for_path (fixture->root);

  g_clear_object (&fixture->catalog);
  g_clear_object (&fixture->db);
  g_clear_pointer (&fixture->export, g_bytes_unref);
  remove_tree (root);
  g_free (fixture->root);
  g_free (fixture->custom_ref);
}

static void
db_state_read (Fixture *fixture,
               DbState *state)
{
  g_autofree char *active_sql = NULL;

  active_sql = g_strdup_printf ("SELECT coalesce (max (id), 0) FROM plans "
                                "WHERE active = 1 AND profile_id = %" G_GINT64_FORMAT,
                                fixture->profile_id);

  state->plans = query_int (fixture->db, "SELECT count(*) FROM plans");
  state->items = query_int (fixture->db, "SELECT count(*) FROM plan_items");
  state->customs = query_int (fixture->db, "SELECT count(*) FROM custom_exercises");
  state->versions = query_int (fixture->db, "SELECT count(*) FROM plan_versions");
  state->active_plan = query_int (fixture->db, active_sql);
  state->active_export = serialize_active (fixture->db, fixture->catalog, fixture->profile_id);
}

static void
assert_db_unchanged (Fixture *fixture,
                     DbState *before)
{
  DbState after;

  db_state_read (fixture, &after);
  g_assert_cmpint (before->plans, ==, after.plans);
  g_assert_cmpint (before->items, ==, after.items);
  g_assert_cmpint (before->customs, ==, after.customs);
  g_assert_cmpint (before->versions, ==, after.versions);
  g_assert_cmpint (before->active_plan, ==, after.active_plan);
  assert_same_bytes (before->active_export, after.active_export);

  g_clear_pointer (&before->active_export, g_bytes_unref);
  g_clear_pointer (&after.active_export, g_bytes_unref);
}

static void
assert_refused_either (Fixture *fixture,
                       GBytes  *bytes,
                       int      expected_code,
                       int      other_code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcPlanFileContents) contents = NULL;
  DbState before;

  db_state_read (fixture, &before);

  contents = bc_plan_file_parse (bytes, fixture->catalog, &error);
  g_assert_null (contents);
  if (!g_error_matches (error, BC_PLAN_FILE_ERROR, other_code))
    g_assert_error (error, BC_PLAN_FILE_ERROR, expected_code);
  g_assert_nonnull (error->message);
  g_assert_cmpstr (error->message, !=, "");
  g_test_message ("refused with: %s", error->message);

  assert_db_unchanged (fixture, &before);
}

static void
assert_refused (Fixture *fixture,
                GBytes  *bytes,
                int      expected_code)
{
  assert_refused_either (fixture, bytes, expected_code, expected_code);
}

static BcPlanFileContents *
parse_ok (GBytes            *bytes,
          BcExerciseCatalog *catalog)
{
  g_autoptr(GError) error = NULL;
  BcPlanFileContents *contents = bc_plan_file_parse (bytes, catalog, &error);

  g_assert_no_error (error);
  g_assert_nonnull (contents);
  g_assert_nonnull (contents->plan);
  g_assert_nonnull (contents->custom_exercises);

  return contents;
}

/* Building documents */

static JsonNode *
child_node (JsonNode   *node,
            const char *name)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      guint64 index = g_ascii_strtoull (name, NULL, 10);

      g_assert_cmpuint (index, <, json_array_get_length (array));
      return json_array_get_element (array, index);
    }

  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  g_assert_true (json_object_has_member (json_node_get_object (node), name));
  return json_object_get_member (json_node_get_object (node), name);
}

/* @document with the member at @path (names and list positions, joined
 * with dots) set to the JSON text @value, or removed when @value is NULL.
 */
static GBytes *
with_member (GBytes     *document,
             const char *path,
             const char *value)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) parts = g_strsplit (path, ".", -1);
  guint n = g_strv_length (parts);
  JsonNode *node;
  JsonObject *object;
  char *text;
  gsize length;

  json_parser_load_from_data (parser, g_bytes_get_data (document, NULL),
                              g_bytes_get_size (document), &error);
  g_assert_no_error (error);

  node = json_parser_get_root (parser);
  for (guint i = 0; i + 1 < n; i++)
    node = child_node (node, parts[i]);

  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  object = json_node_get_object (node);

  if (value == NULL)
    {
      g_assert_true (json_object_has_member (object, parts[n - 1]));
      json_object_remove_member (object, parts[n - 1]);
    }
  else
    {
      JsonNode *new_value = json_from_string (value, &error);

      g_assert_no_error (error);
      g_assert_nonnull (new_value);
      json_object_set_member (object, parts[n - 1], new_value);
    }

  json_generator_set_root (generator, json_parser_get_root (parser));
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, &length);

  return g_bytes_new_take (text, length);
}

/* @document with the first @needle replaced by @length bytes of @replacement. */
static GBytes *
with_bytes_replaced (GBytes     *document,
                     const char *needle,
                     const char *replacement,
                     gsize       length)
{
  gsize size;
  const char *data = g_bytes_get_data (document, &size);
  const char *found = g_strstr_len (data, size, needle);
  GByteArray *result = g_byte_array_new ();
  gsize before;

  g_assert_nonnull (found);
  before = found - data;

  g_byte_array_append (result, (const guint8 *)data, before);
  g_byte_array_append (result, (const guint8 *)replacement, length);
  g_byte_array_append (result, (const guint8 *)found + strlen (needle),
                       size - before - strlen (needle));

  return g_byte_array_free_to_bytes (result);
}

static char *
nested_arrays (guint depth)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, ']');

  return g_string_free (text, FALSE);
}

#define SMALL_ITEM \
  "{\"exercise\":\"builtin:pelvic-tilt\",\"sets\":2,\"reps\":10,\"hold_seconds\":5," \
  "\"rest_seconds\":30,\"times_per_day\":1,\"days\":[\"mon\"],\"notes\":\"\"}"

/* A compact, otherwise valid plan with @n_items small items. */
static GBytes *
plan_with_items (guint n_items)
{
  GString *text = g_string_new ("{\"format\":\"backcare-plan\",\"version\":1,"
                                "\"plan\":{\"title\":\"Many\",\"items\":[");

  for (guint i = 0; i < n_items; i++)
    {
      if (i > 0)
        g_string_append_c (text, ',');
      g_string_append (text, SMALL_ITEM);
    }
  g_string_append (text, "]},\"custom_exercises\":[]}\n");

  return g_string_free_to_bytes (text);
}

/* @size bytes: the fixture's export followed by whitespace, valid JSON. */
static GBytes *
padded_export (Fixture *fixture,
               gsize    size)
{
  gsize length;
  const char *data = g_bytes_get_data (fixture->export, &length);
  char *padded;

  g_assert_cmpuint (size, >, length);
  padded = g_malloc (size);
  memcpy (padded, data, length);
  memset (padded + length, ' ', size - length);

  return g_bytes_new_take (padded, size);
}

/* The fixture's export with its custom exercise under a new id, so an
 * import has something new to write.
 */
static GBytes *
export_with_new_custom (Fixture  *fixture,
                        char    **out_ref)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *ref = g_strconcat (BC_EXERCISE_REF_CUSTOM, uuid, NULL);
  g_autofree char *value = g_strdup_printf ("\"%s\"", ref);
  g_autoptr(GBytes) step = with_member (fixture->export, "custom_exercises.0.id", value);

  g_assert_null (bc_exercise_catalog_lookup (fixture->catalog, ref));
  *out_ref = g_steal_pointer (&ref);
  return with_member (step, "plan.items." CUSTOM_ITEM ".exercise", value);
}

/* Round trips */

static void
test_round_trip_same_database (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcPlanFileContents) contents = NULL;
  g_autoptr(GBytes) stored = NULL;
  g_autoptr(GBytes) imported = NULL;
  g_autoptr(GBytes) me_after = NULL;
  gint64 kim;

  /* What the database holds serializes like the plan that was saved. */
  stored = serialize_active (fixture->db, fixture->catalog, fixture->profile_id);
  assert_same_bytes (fixture->export, stored);

  contents = parse_ok (fixture->export, fixture->catalog);
  g_assert_cmpstr (bc_plan_get_title (contents->plan), ==, PLAN_TITLE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bc_plan_get_items (contents->plan))),
                    ==, 5);
  g_assert_cmpuint (contents->custom_exercises->len, ==, 1);
  g_assert_cmpstr (bc_exercise_get_ref (g_ptr_array_index (contents->custom_exercises, 0)), ==,
                   fixture->custom_ref);

  kim = bc_profile_store_create (fixture->db, "Kim", &error);
  g_assert_no_error (error);
  g_assert_cmpint (kim, >, 0);

  g_assert_true (bc_plan_file_import (fixture->db, fixture->catalog, contents, kim, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bc_plan_get_id (contents->plan), >, 0);

  imported = serialize_active (fixture->db, fixture->catalog, kim);
  assert_same_bytes (fixture->export, imported);

  /* Kim's copy is a plan of its own; Me's plan and the one custom
   * exercise (written again with the same id) are as they were.
   */
  g_assert_cmpint (query_int (fixture->db, "SELECT count(*) FROM plans WHERE active = 1"), ==, 2);
  g_assert_cmpint (query_int (fixture->db, "SELECT count(*) FROM custom_exercises"), ==, 1);
  me_after = serialize_active (fixture->db, fixture->catalog, fixture->profile_id);
  assert_same_bytes (fixture->export, me_after);
}

static void
test_round_trip_fresh_database (Fixture       *fixture,
                                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcDatabase) other = NULL;
  g_autoptr(BcExerciseCatalog) other_catalog = NULL;
  g_autoptr(BcPlanFileContents) contents = NULL;
  g_autoptr(GBytes) imported = NULL;
  g_autoptr(GBytes) reopened = NULL;
  g_autofree char *other_dir = g_build_filename (fixture->root, "other", NULL);
  BcExercise *exercise;
  gint64 me;

  other = bc_database_open (other_dir, &error);
  g_assert_no_error (error);
  other_catalog = bc_exercise_catalog_new (other, &error);
  g_assert_no_error (error);
  g_assert_null (bc_exercise_catalog_lookup (other_catalog, fixture->custom_ref));
  me = bc_profile_store_find (other, "Me", &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (other, "SELECT count(*) FROM plans"), ==, 0);

  /* The custom exercise is not in this database: it comes with the file. */
  contents = parse_ok (fixture->export, other_catalog);
  g_assert_true (bc_plan_file_import (other, other_catalog, contents, me, &error));
  g_assert_no_error (error);

  imported = serialize_active (other, other_catalog, me);
  assert_same_bytes (fixture->export, imported);

  exercise = bc_exercise_catalog_lookup (other_catalog, fixture->custom_ref);
  g_assert_nonnull (exercise);
  g_assert_cmpstr (bc_exercise_get_image_mime_type (exercise), ==, "image/png");
  g_assert_nonnull (bc_exercise_get_image (exercise));
  g_assert_cmpmem (g_bytes_get_data (bc_exercise_get_image (exercise), NULL),
                   g_bytes_get_size (bc_exercise_get_image (exercise)),
                   tiny_png, sizeof tiny_png);

  /* And it was written down, not only kept in memory. */
  g_clear_object (&other_catalog);
  g_clear_object (&other);
  other = bc_database_open (other_dir, &error);
  g_assert_no_error (error);
  other_catalog = bc_exercise_catalog_new (other, &error);
  g_assert_no_error (error);
  reopened = serialize_active (other, other_catalog, me);
  assert_same_bytes (fixture->export, reopened);
}

static void
test_serialize_deterministic (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcPlan) plan = bc_plan_store_load_active (fixture->db, fixture->profile_id, &error);
  g_autoptr(BcPlan) copy = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GBytes) of_copy = NULL;
  gsize length;
  const char *data;

  g_assert_no_error (error);
  first = bc_plan_file_serialize (plan, fixture->catalog, &error);
  g_assert_no_error (error);
  second = bc_plan_file_serialize (plan, fixture->catalog, &error);
  g_assert_no_error (error);
  copy = bc_plan_copy (plan);
  of_copy = bc_plan_file_serialize (copy, fixture->catalog, &error);
  g_assert_no_error (error);

  assert_same_bytes (first, second);
  assert_same_bytes (first, of_copy);

  /* A text file: one final newline, no NUL. */
  data = g_bytes_get_data (first, &length);
  g_assert_cmpuint (length, >, 2);
  g_assert_cmpint (data[length - 1], ==, '\n');
  g_assert_cmpint (data[length - 2], !=, '\n');
  g_assert_null (memchr (data, '\0', length));
  g_assert_true (g_utf8_validate (data, length, NULL));
}

static void
test_unknown_keys_ignored (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcPlanFileContents) contents = NULL;
  g_autoptr(GBytes) imported = NULL;
  GBytes *document = g_bytes_ref (fixture->export);
  static const char * const paths[] = {
    "x_root",
    "plan.x_plan",
    "plan.items.0.x_item",
    "plan.items." CUSTOM_ITEM ".x_item",
    "plan.items.4.x_item",
    "custom_exercises.0.x_custom",
    "custom_exercises.0.image.x_image",
  };
  gint64 kim;

  /* Every level gets something a later version might add. */
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      GBytes *next = with_member (document, paths[i],
                                  "{\"later\": [1, 2.5, \"three\", null, true], \"n\": 7}");

      g_bytes_unref (document);
      document = next;
    }

  contents = parse_ok (document, fixture->catalog);
  g_bytes_unref (document);

  kim = bc_profile_store_create (fixture->db, "Kim", &error);
  g_assert_no_error (error);
  g_assert_true (bc_plan_file_import (fixture->db, fixture->catalog, contents, kim, &error));
  g_assert_no_error (error);

  /* The unknown keys are dropped; everything known arrived. */
  imported = serialize_active (fixture->db, fixture->catalog, kim);
  assert_same_bytes (fixture->export, imported);
}

/* Templates */

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

static void
test_templates (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "..", "data", "templates", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *name;
  gint64 kim;

  g_assert_no_error (error);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_suffix (name, ".backcare-plan"))
        g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_sort (names, compare_names);
  g_assert_cmpuint (names->len, >=, 3);

  kim = bc_profile_store_create (fixture->db, "Kim", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir_path, g_ptr_array_index (names, i), NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GBytes) written = NULL;
      g_autoptr(GBytes) imported = NULL;
      g_autoptr(BcPlanFileContents) contents = NULL;
      GListModel *items;
      guint n_items;

      bytes = g_file_load_bytes (file, NULL, NULL, &error);
      g_assert_no_error (error);

      contents = parse_ok (bytes, fixture->catalog);
      items = G_LIST_MODEL (bc_plan_get_items (contents->plan));
      n_items = g_list_model_get_n_items (items);
      g_test_message ("%s: “%s”, %u exercises", (const char *)g_ptr_array_index (names, i),
                      bc_plan_get_title (contents->plan), n_items);

      g_assert_cmpuint (n_items, >=, 5);
      g_assert_cmpuint (contents->custom_exercises->len, ==, 0);
      g_assert_cmpstr (bc_plan_get_notes (contents->plan), !=, "");
      g_assert_null (bc_plan_get_start_date (contents->plan));
      g_assert_null (bc_plan_get_review_date (contents->plan));
      g_assert_false (g_hash_table_contains (titles, bc_plan_get_title (contents->plan)));
      g_hash_table_add (titles, g_strdup (bc_plan_get_title (contents->plan)));

      for (guint j = 0; j < n_items; j++)
        {
          g_autoptr(BcPlanItem) item = g_list_model_get_item (items, j);
          const char *ref = bc_plan_item_get_exercise_ref (item);

          g_assert_true (g_str_has_prefix (ref, BC_EXERCISE_REF_BUILTIN));
          g_assert_nonnull (bc_exercise_catalog_lookup (fixture->catalog, ref));
        }

      /* Canonical: writing it again gives exactly the shipped bytes. */
      written = bc_plan_file_serialize (contents->plan, fixture->catalog, &error);
      g_assert_no_error (error);
      assert_same_bytes (bytes, written);

      /* And it survives the trip through the database. */
      g_assert_true (bc_plan_file_import (fixture->db, fixture->catalog, contents, kim, &error));
      g_assert_no_error (error);
      imported = serialize_active (fixture->db, fixture->catalog, kim);
      assert_same_bytes (bytes, imported);
    }
}

/* Limits: what is allowed right up to the line */

static void
test_limit_items_accepted (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GBytes) bytes = plan_with_items (BC_PLAN_FILE_MAX_ITEMS);
  g_autoptr(BcPlanFileContents) contents = parse_ok (bytes, fixture->catalog);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bc_plan_get_items (contents->plan))),
                    ==, BC_PLAN_FILE_MAX_ITEMS);
}

static void
test_limit_depth_accepted (Fixture       *fixture,
                           gconstpointer  user_data)
{
  /* The root object is one level; 63 more fill the limit exactly. */
  g_autofree char *deep = nested_arrays (BC_PLAN_FILE_MAX_DEPTH - 1);
  g_autoptr(GBytes) bytes = with_member (fixture->export, "x_deep", deep);
  g_autoptr(BcPlanFileContents) contents = parse_ok (bytes, fixture->catalog);
}

static void
test_limit_size_accepted (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(GBytes) bytes = padded_export (fixture, BC_PLAN_FILE_MAX_SIZE);
  g_autoptr(BcPlanFileContents) contents = parse_ok (bytes, fixture->catalog);
}

/* Hostile and damaged files */

typedef GBytes *(*BuildFunc) (Fixture *fixture);

typedef struct
{
  const char      *name;
  BcPlanFileError  code;
  BuildFunc        build;
  const char      *path;   /* without build: the export with this member… */
  const char      *value;  /* …set to this JSON, or removed when NULL */
} RefuseCase;

static GBytes *
build_empty (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->root, "empty.backcare-plan", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GBytes *bytes;

  g_assert_true (g_file_set_contents (path, "", 0, &error));
  g_assert_no_error (error);
  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, 0);

  return bytes;
}

static GBytes *
build_junk (Fixture *fixture)
{
  return g_bytes_new_static ("junk", 4);
}

static GBytes *
build_truncated (Fixture *fixture)
{
  return g_bytes_new_from_bytes (fixture->export, 0, g_bytes_get_size (fixture->export) / 2);
}

static GBytes *
build_array (Fixture *fixture)
{
  gsize length;
  const char *data = g_bytes_get_data (fixture->export, &length);
  GString *text = g_string_new ("[");

  g_string_append_len (text, data, length);
  g_string_append (text, "]\n");

  return g_string_free_to_bytes (text);
}

static GBytes *
build_deep_100 (Fixture *fixture)
{
  g_autofree char *deep = nested_arrays (100);

  return with_member (fixture->export, "plan.x_deep", deep);
}

static GBytes *
build_deep_one_over (Fixture *fixture)
{
  g_autofree char *deep = nested_arrays (BC_PLAN_FILE_MAX_DEPTH);

  return with_member (fixture->export, "x_deep", deep);
}

static GBytes *
build_deep_unclosed (Fixture *fixture)
{
  gsize size = 1000 * 1000;
  char *data = g_malloc (size);

  /* A million opening brackets and nothing else: a recursive parser's
   * stack would not survive it.
   */
  memset (data, '[', size);
  return g_bytes_new_take (data, size);
}

static GBytes *
build_items_20000 (Fixture *fixture)
{
  return plan_with_items (20000);
}

static GBytes *
build_items_1001 (Fixture *fixture)
{
  return plan_with_items (BC_PLAN_FILE_MAX_ITEMS + 1);
}

static GBytes *
build_hidden_containers (Fixture *fixture)
{
  GString *text = g_string_new ("[");
  g_autofree char *value = NULL;

  /* Under a key the reader ignores: only the pre-scan can count them. */
  for (guint i = 0; i < 5000; i++)
    g_string_append (text, i > 0 ? ",{}" : "{}");
  g_string_append_c (text, ']');
  value = g_string_free (text, FALSE);

  return with_member (fixture->export, "x_padding", value);
}

static GBytes *
build_too_large (Fixture *fixture)
{
  return padded_export (fixture, BC_PLAN_FILE_MAX_SIZE + 1);
}

static GBytes *
build_invalid_utf8 (Fixture *fixture)
{
  static const char bad[] = "\"Back \xff\xfe on track\"";

  return with_bytes_replaced (fixture->export, "\"" PLAN_TITLE "\"", bad, sizeof bad - 1);
}

static GBytes *
build_overlong_utf8 (Fixture *fixture)
{
  /* An overlong encoding of "/", which lax decoders accept. */
  static const char bad[] = "\"Back \xc0\xaf on track\"";

  return with_bytes_replaced (fixture->export, "\"" PLAN_TITLE "\"", bad, sizeof bad - 1);
}

static GBytes *
build_nul_in_string (Fixture *fixture)
{
  static const char bad[] = "\"Back\0on track\"";

  return with_bytes_replaced (fixture->export, "\"" PLAN_TITLE "\"", bad, sizeof bad - 1);
}

static GBytes *
build_nul_between_tokens (Fixture *fixture)
{
  static const char bad[] = "\"version\" :\0 1";

  return with_bytes_replaced (fixture->export, "\"version\" : 1", bad, sizeof bad - 1);
}

static const RefuseCase refuse_cases[] = {
  { "empty", BC_PLAN_FILE_ERROR_NOT_A_PLAN, build_empty, NULL, NULL },
  { "junk", BC_PLAN_FILE_ERROR_MALFORMED, build_junk, NULL, NULL },
  { "truncated", BC_PLAN_FILE_ERROR_MALFORMED, build_truncated, NULL, NULL },
  { "array", BC_PLAN_FILE_ERROR_NOT_A_PLAN, build_array, NULL, NULL },
  { "wrong-format", BC_PLAN_FILE_ERROR_NOT_A_PLAN, NULL, "format", "\"backcare-diary\"" },
  { "no-format", BC_PLAN_FILE_ERROR_NOT_A_PLAN, NULL, "format", NULL },
  { "no-version", BC_PLAN_FILE_ERROR_INVALID, NULL, "version", NULL },
  { "version-as-text", BC_PLAN_FILE_ERROR_INVALID, NULL, "version", "\"1\"" },
  { "version-0", BC_PLAN_FILE_ERROR_INVALID, NULL, "version", "0" },
  { "version-2", BC_PLAN_FILE_ERROR_NEWER_VERSION, NULL, "version", "2" },
  { "no-plan", BC_PLAN_FILE_ERROR_INVALID, NULL, "plan", NULL },
  { "too-deep", BC_PLAN_FILE_ERROR_TOO_DEEP, build_deep_100, NULL, NULL },
  { "too-deep-by-one", BC_PLAN_FILE_ERROR_TOO_DEEP, build_deep_one_over, NULL, NULL },
  { "too-deep-unclosed", BC_PLAN_FILE_ERROR_TOO_DEEP, build_deep_unclosed, NULL, NULL },
  { "too-many-20000", BC_PLAN_FILE_ERROR_TOO_MANY, build_items_20000, NULL, NULL },
  { "too-many-hidden", BC_PLAN_FILE_ERROR_TOO_MANY, build_hidden_containers, NULL, NULL },
  { "too-many-1001", BC_PLAN_FILE_ERROR_TOO_MANY, build_items_1001, NULL, NULL },
  { "too-large", BC_PLAN_FILE_ERROR_TOO_LARGE, build_too_large, NULL, NULL },
  { "unknown-builtin", BC_PLAN_FILE_ERROR_UNKNOWN_EXERCISE, NULL,
    "plan.items.0.exercise", "\"builtin:no-such-exercise\"" },
  { "unknown-custom", BC_PLAN_FILE_ERROR_UNKNOWN_EXERCISE, NULL,
    "plan.items.0.exercise", "\"custom:4f0d7e3c-5a61-4c1e-9f53-0c2b7d9a8e11\"" },
  { "unknown-ref-kind", BC_PLAN_FILE_ERROR_INVALID, NULL,
    "plan.items.0.exercise", "\"file:///etc/passwd\"" },
  { "sets-0", BC_PLAN_FILE_ERROR_INVALID, NULL, "plan.items.0.sets", "0" },
  { "sets-11", BC_PLAN_FILE_ERROR_INVALID, NULL, "plan.items.0.sets", "11" },
  { "sets-negative", BC_PLAN_FILE_ERROR_INVALID, NULL, "plan.items.0.sets", "-1" },
  { "sets-huge", BC_PLAN_FILE_ERROR_INVALID, NULL, "plan.items.0.sets", "4294967298" },
  { "reps-101", BC_PLAN_FILE_ERROR_INVALID, NULL, "plan.items.1.reps", "101" },
  { "hold-301", BC_PLAN_FILE_ERROR_INVALID, NULL, "plan.items.1.hold_seconds", "301" },
  { "days-empty", BC_PLAN_FILE_ERROR_INVALID, NULL, "plan.items.0.days", "[]" },
  { "days-unknown", BC_PLAN_FILE_ERROR_INVALID, NULL, "plan.items.0.days", "[\"xyz\"]" },
  { "no-title", BC_PLAN_FILE_ERROR_INVALID, NULL, "plan.title", NULL },
  { "blank-title", BC_PLAN_FILE_ERROR_INVALID, NULL, "plan.title", "\"   \"" },
  { "bad-date", BC_PLAN_FILE_ERROR_INVALID, NULL, "plan.start_date", "\"2026-02-30\"" },
  { "text-for-number", BC_PLAN_FILE_ERROR_INVALID, NULL, "plan.items.0.sets", "\"3\"" },
  { "fraction-for-number", BC_PLAN_FILE_ERROR_INVALID, NULL, "plan.items.0.reps", "10.5" },
  { "number-for-text", BC_PLAN_FILE_ERROR_INVALID, NULL, "plan.items.0.notes", "42" },
  { "items-not-a-list", BC_PLAN_FILE_ERROR_INVALID, NULL, "plan.items", "{}" },
  { "custom-bad-id", BC_PLAN_FILE_ERROR_INVALID, NULL, "custom_exercises.0.id",
    "\"custom:../../etc\"" },
  { "custom-image-html", BC_PLAN_FILE_ERROR_INVALID, NULL,
    "custom_exercises.0.image.mime_type", "\"text/html\"" },
  { "custom-image-empty", BC_PLAN_FILE_ERROR_INVALID, NULL, "custom_exercises.0.image.data",
    "\"\"" },
  { "invalid-utf8", BC_PLAN_FILE_ERROR_MALFORMED, build_invalid_utf8, NULL, NULL },
  { "overlong-utf8", BC_PLAN_FILE_ERROR_MALFORMED, build_overlong_utf8, NULL, NULL },
  { "nul-in-string", BC_PLAN_FILE_ERROR_MALFORMED, build_nul_in_string, NULL, NULL },
  { "nul-between-tokens", BC_PLAN_FILE_ERROR_MALFORMED, build_nul_between_tokens, NULL, NULL },
};

static void
test_refuse (Fixture       *fixture,
             gconstpointer  user_data)
{
  const RefuseCase *refuse_case = user_data;
  g_autoptr(GBytes) bytes = NULL;

  if (refuse_case->build != NULL)
    bytes = refuse_case->build (fixture);
  else
    bytes = with_member (fixture->export, refuse_case->path, refuse_case->value);

  assert_refused (fixture, bytes, refuse_case->code);
}

/* Known bugs in bc-plan-file.c. Each case runs in a child process, so a
 * crash stays contained, and is marked TODO (not a failure) while the bug
 * is there; once fixed, it passes like any other case. Either of two
 * codes is accepted, as either is a sound fix.
 */

typedef struct
{
  const char      *name;
  BuildFunc        build;
  BcPlanFileError  code;
  BcPlanFileError  other_code;
  const char      *bug;
} KnownBugCase;

/* GBytes holding nothing may have a NULL data pointer: g_bytes_new
 * (NULL, 0), or any zero-length copy such as g_bytes_new ("", 0).
 */
static GBytes *
build_empty_null_data (Fixture *fixture)
{
  GBytes *bytes = g_bytes_new (NULL, 0);

  g_assert_null (g_bytes_get_data (bytes, NULL));
  return bytes;
}

/* The export with @raw (one "key": value, not necessarily strict JSON)
 * as its first member.
 */
static GBytes *
export_with_raw_member (Fixture    *fixture,
                        const char *raw)
{
  gsize length;
  const char *data = g_bytes_get_data (fixture->export, &length);
  GString *text = g_string_new ("{");

  g_assert_cmpint (data[0], ==, '{');
  g_string_append (text, raw);
  g_string_append_c (text, ',');
  g_string_append_len (text, data + 1, length - 1);

  return g_string_free_to_bytes (text);
}

/* json-glib also reads single-quoted strings and C comments. A '"'
 * inside either puts the pre-scan "inside a string" until the next '"',
 * so the brackets between are never counted.
 */
static GBytes *
build_deep_in_single_quotes (guint    depth,
                             Fixture *fixture)
{
  g_autofree char *deep = nested_arrays (depth);
  g_autofree char *raw = g_strdup_printf ("\"x_hidden\": ['\"', %s, '\"']", deep);

  return export_with_raw_member (fixture, raw);
}

static GBytes *
build_deep_100_in_single_quotes (Fixture *fixture)
{
  return build_deep_in_single_quotes (100, fixture);
}

static GBytes *
build_deep_million_in_single_quotes (Fixture *fixture)
{
  return build_deep_in_single_quotes (1000 * 1000, fixture);
}

static GBytes *
build_deep_million_in_comments (Fixture *fixture)
{
  g_autofree char *deep = nested_arrays (1000 * 1000);
  g_autofree char *raw = g_strdup_printf ("\"x_hidden\": /*\"*/ %s /*\"*/", deep);

  return export_with_raw_member (fixture, raw);
}

static GBytes *
build_many_in_single_quotes (Fixture *fixture)
{
  GString *text = g_string_new ("\"x_hidden\": ['\"'");
  g_autofree char *raw = NULL;

  for (guint i = 0; i < 100 * 1000; i++)
    g_string_append (text, ",{}");
  g_string_append (text, ",'\"']");
  raw = g_string_free (text, FALSE);

  return export_with_raw_member (fixture, raw);
}

#define PRESCAN_BUG \
  "prescan() tracks only double-quoted strings, but json-glib 1.6 also accepts " \
  "single-quoted strings and /* */ comments; a '\"' inside either desynchronises " \
  "the scan, so the nesting and container limits can be bypassed"

static const KnownBugCase known_bug_cases[] = {
  { "empty-null-data", build_empty_null_data,
    BC_PLAN_FILE_ERROR_NOT_A_PLAN, BC_PLAN_FILE_ERROR_MALFORMED,
    "bc_plan_file_parse passes the NULL data pointer of an empty GBytes to "
    "json_parser_load_from_data, whose precondition fails without setting the GError; "
    "local_error->message is then read through NULL (crash)" },
  { "too-deep-hidden-in-single-quotes", build_deep_100_in_single_quotes,
    BC_PLAN_FILE_ERROR_TOO_DEEP, BC_PLAN_FILE_ERROR_MALFORMED,
    PRESCAN_BUG " (100 levels are accepted)" },
  { "too-deep-hidden-in-single-quotes-crash", build_deep_million_in_single_quotes,
    BC_PLAN_FILE_ERROR_TOO_DEEP, BC_PLAN_FILE_ERROR_MALFORMED,
    PRESCAN_BUG " (a million levels overflow json-glib's recursive parser: crash)" },
  { "too-deep-hidden-in-comments-crash", build_deep_million_in_comments,
    BC_PLAN_FILE_ERROR_TOO_DEEP, BC_PLAN_FILE_ERROR_MALFORMED,
    PRESCAN_BUG " (a million levels overflow json-glib's recursive parser: crash)" },
  { "too-many-hidden-in-single-quotes", build_many_in_single_quotes,
    BC_PLAN_FILE_ERROR_TOO_MANY, BC_PLAN_FILE_ERROR_MALFORMED,
    PRESCAN_BUG " (100 000 objects reach json-glib and the file is accepted)" },
};

static void
test_known_bug (Fixture       *fixture,
                gconstpointer  user_data)
{
  const KnownBugCase *bug = user_data;

  if (g_test_subprocess ())
    {
      g_autoptr(GBytes) bytes = bug->build (fixture);

      assert_refused_either (fixture, bytes, bug->code, bug->other_code);
      return;
    }

  g_test_trap_subprocess (NULL, 0, 0);
  if (g_test_trap_has_passed ())
    return;

  g_test_message ("BUG (src/core/bc-plan-file.c): %s", bug->bug);
  g_test_incomplete (bug->bug);
}

/* Failed imports leave the database as it was */

static void
note_phantom_exercise (Fixture    *fixture,
                       const char *ref)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcExerciseCatalog) reloaded = bc_exercise_catalog_new (fixture->db, &error);

  g_assert_no_error (error);
  g_assert_null (bc_exercise_catalog_lookup (reloaded, ref));

  /* The database is right; the in-memory catalog may not be. */
  if (bc_exercise_catalog_lookup (fixture->catalog, ref) != NULL)
    g_test_message ("BUG (bc-plan-file.c, bc_plan_file_import): after the rollback the "
                    "catalog still lists %s, which the database does not have", ref);
}

static void
test_import_rollback_invalid_plan (Fixture       *fixture,
                                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(BcPlanFileContents) contents = NULL;
  g_autoptr(BcPlanItem) item = NULL;
  g_autofree char *new_ref = NULL;
  BcDosage dosage;
  DbState before;

  bytes = export_with_new_custom (fixture, &new_ref);
  contents = parse_ok (bytes, fixture->catalog);

  /* The file was fine; the plan is damaged after reading it. */
  item = g_list_model_get_item (G_LIST_MODEL (bc_plan_get_items (contents->plan)), 1);
  dosage = *bc_plan_item_get_dosage (item);
  dosage.sets = 0;
  bc_plan_item_set_dosage (item, &dosage);

  db_state_read (fixture, &before);
  g_assert_false (bc_plan_file_import (fixture->db, fixture->catalog, contents,
                                       fixture->profile_id, &error));
  g_assert_nonnull (error);
  g_test_message ("import failed with: %s", error->message);
  g_assert_cmpint (bc_plan_get_id (contents->plan), ==, 0);

  /* Not even the new custom exercise, written first, stayed. */
  assert_db_unchanged (fixture, &before);
  note_phantom_exercise (fixture, new_ref);
}

static void
test_import_rollback_unknown_profile (Fixture       *fixture,
                                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(BcPlanFileContents) contents = NULL;
  g_autofree char *new_ref = NULL;
  DbState before;

  bytes = export_with_new_custom (fixture, &new_ref);
  contents = parse_ok (bytes, fixture->catalog);

  db_state_read (fixture, &before);
  g_assert_false (bc_plan_file_import (fixture->db, fixture->catalog, contents, 9999, &error));
  g_assert_nonnull (error);
  g_test_message ("import failed with: %s", error->message);

  assert_db_unchanged (fixture, &before);
  note_phantom_exercise (fixture, new_ref);
}

static void
test_import_rollback_midway (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(BcPlanFileContents) contents = NULL;
  g_autofree char *new_ref = NULL;
  DbState before;

  bytes = export_with_new_custom (fixture, &new_ref);
  contents = parse_ok (bytes, fixture->catalog);

  /* The disk "fills up" at the fourth item: by then the custom exercise,
   * the snapshot of the old plan, its retirement, the new plan and three
   * items are written. All of it must go.
   */
  g_assert_true (bc_database_exec (fixture->db,
                                   "CREATE TEMP TRIGGER fail_fourth_item "
                                   "BEFORE INSERT ON main.plan_items WHEN NEW.position = 3 "
                                   "BEGIN SELECT RAISE (ABORT, 'disk full (test)'); END;",
                                   &error));
  g_assert_no_error (error);

  db_state_read (fixture, &before);
  g_assert_false (bc_plan_file_import (fixture->db, fixture->catalog, contents,
                                       fixture->profile_id, &error));
  g_assert_nonnull (error);
  g_test_message ("import failed with: %s", error->message);
  g_assert_cmpint (bc_plan_get_id (contents->plan), ==, 0);

  assert_db_unchanged (fixture, &before);
  note_phantom_exercise (fixture, new_ref);
  g_clear_error (&error);

  /* Once the disk has room again, the same contents import. */
  g_assert_true (bc_database_exec (fixture->db, "DROP TRIGGER fail_fourth_item", &error));
  g_assert_no_error (error);
  g_assert_true (bc_plan_file_import (fixture->db, fixture->catalog, contents,
                                      fixture->profile_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture->db, "SELECT count(*) FROM custom_exercises"), ==, 2);
  g_assert_cmpint (query_int (fixture->db, "SELECT count(*) FROM plans"), ==, 2);
  g_assert_cmpint (query_int (fixture->db, "SELECT count(*) FROM plan_versions"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  /* Messages (refusals included) print in UTF-8, not as "?". */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, data) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("/plan-file/round-trip/same-database", test_round_trip_same_database, NULL);
  ADD ("/plan-file/round-trip/fresh-database", test_round_trip_fresh_database, NULL);
  ADD ("/plan-file/round-trip/deterministic", test_serialize_deterministic, NULL);
  ADD ("/plan-file/round-trip/unknown-keys-ignored", test_unknown_keys_ignored, NULL);
  ADD ("/plan-file/templates", test_templates, NULL);
  ADD ("/plan-file/limits/max-items-accepted", test_limit_items_accepted, NULL);
  ADD ("/plan-file/limits/max-depth-accepted", test_limit_depth_accepted, NULL);
  ADD ("/plan-file/limits/max-size-accepted", test_limit_size_accepted, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (refuse_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/plan-file/refuse/", refuse_cases[i].name, NULL);

      ADD (path, test_refuse, &refuse_cases[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (known_bug_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/plan-file/refuse/", known_bug_cases[i].name, NULL);

      ADD (path, test_known_bug, &known_bug_cases[i]);
    }

  ADD ("/plan-file/import/rollback/invalid-plan", test_import_rollback_invalid_plan, NULL);
  ADD ("/plan-file/import/rollback/unknown-profile", test_import_rollback_unknown_profile, NULL);
  ADD ("/plan-file/import/rollback/midway", test_import_rollback_midway, NULL);

#undef ADD

  return g_test_run ();
}
