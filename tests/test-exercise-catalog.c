/* test-exercise-catalog.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The built-in catalog as shipped: complete, linked, illustrated.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "bc-exercise-catalog.h"

static void
test_builtins_complete (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcExerciseCatalog) catalog = bc_exercise_catalog_new (NULL, &error);
  GListModel *model;
  guint n, per_category[3] = { 0 };
  static const char * const required[] = {
    "pelvic-tilt", "glute-bridge", "bird-dog", "dead-bug", "curl-up", "side-plank-knees",
    "plank", "clamshell", "hamstring-stretch-supine-strap", "hamstring-stretch-seated",
    "hamstring-stretch-standing", "hip-flexor-stretch-half-kneeling",
    "hip-flexor-stretch-thomas", "hip-flexor-stretch-standing-lunge",
    "chest-stretch-doorway", "chest-stretch-corner", "chest-stretch-supine-towel",
    "knee-to-chest", "lower-trunk-rotation", "cat-cow", "childs-pose", "prone-press-up",
    "piriformis-stretch",
  };

  g_assert_no_error (error);
  model = bc_exercise_catalog_get_model (catalog);
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, >=, 24);
  g_test_message ("%u built-in exercises", n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BcExercise) exercise = g_list_model_get_item (model, i);
      g_autoptr(GBytes) svg = NULL;
      const char *easier = bc_exercise_get_easier_ref (exercise);
      const char *harder = bc_exercise_get_harder_ref (exercise);

      g_assert_true (bc_exercise_is_builtin (exercise));
      g_assert_cmpstr (bc_exercise_get_name (exercise), !=, "");
      g_assert_cmpstr (bc_exercise_get_muscles (exercise), !=, "");
      g_assert_cmpstr (bc_exercise_get_position (exercise), !=, "");
      g_assert_cmpstr (bc_exercise_get_equipment (exercise), !=, "");
      g_assert_cmpuint (g_strv_length ((GStrv)bc_exercise_get_steps (exercise)), >=, 3);
      g_assert_cmpuint (g_strv_length ((GStrv)bc_exercise_get_cautions (exercise)), >=, 1);
      g_assert_true (bc_dosage_validate (bc_exercise_get_dosage (exercise), NULL));
      g_assert_cmpuint (bc_exercise_get_days_per_week (exercise), >=, 1);

      /* Easier and harder variants are real exercises. */
      g_assert_true (easier != NULL || harder != NULL);
      if (easier != NULL)
        g_assert_nonnull (bc_exercise_catalog_lookup (catalog, easier));
      if (harder != NULL)
        g_assert_nonnull (bc_exercise_catalog_lookup (catalog, harder));

      svg = g_resources_lookup_data (bc_exercise_get_illustration_resource (exercise),
                                     G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      g_assert_no_error (error);
      g_assert_nonnull (strstr (g_bytes_get_data (svg, NULL), "<svg"));

      per_category[bc_exercise_get_category (exercise)]++;
    }

  for (guint c = 0; c < G_N_ELEMENTS (per_category); c++)
    g_assert_cmpuint (per_category[c], >, 0);

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    {
      g_autofree char *ref = g_strconcat ("builtin:", required[i], NULL);

      g_assert_nonnull (bc_exercise_catalog_lookup (catalog, ref));
    }
}

static void
test_search (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BcExerciseCatalog) catalog = bc_exercise_catalog_new (NULL, &error);
  BcExercise *doorway = bc_exercise_catalog_lookup (catalog, "builtin:chest-stretch-doorway");
  g_autofree char *query = g_utf8_casefold ("CHEST", -1);

  g_assert_nonnull (doorway);
  g_assert_true (bc_exercise_matches (doorway, query));
  g_assert_false (bc_exercise_matches (doorway, "hamstring"));
  g_assert_true (bc_exercise_matches (doorway, ""));
}

static void
test_malformed_xml (void)
{
  static const char * const bad[] = {
    "<exercises><exercise slug='x'/></exercises>",
    "<exercises><exercise slug='x' category='yoga' per-side='false' sets='1' reps='1' "
    "hold='0' rest='0' times-per-day='1' days-per-week='1' easier='' harder='' "
    "illustration='x.svg'><name>X</name><steps><step>a</step></steps></exercise></exercises>",
    "<exercises><exercise slug='x' category='stretch' per-side='false' sets='99' reps='1' "
    "hold='0' rest='0' times-per-day='1' days-per-week='1' easier='' harder='' "
    "illustration='x.svg'><name>X</name><steps><step>a</step></steps></exercise></exercises>",
    "<exercises><unclosed>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GBytes) xml = g_bytes_new_static (bad[i], strlen (bad[i]));
      g_autoptr(GError) error = NULL;
      g_autoptr(BcExerciseCatalog) catalog = bc_exercise_catalog_new_from_xml (xml, &error);

      g_assert_null (catalog);
      g_assert_nonnull (error);
      g_test_message ("refused: %s", error->message);
    }
}

static void
test_custom_exercise (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("backcare-catalog-XXXXXX", &error);
  g_autoptr(BcDatabase) db = bc_database_open (dir, &error);
  g_autoptr(BcExerciseCatalog) catalog = bc_exercise_catalog_new (db, &error);
  g_autoptr(BcExerciseCatalog) reloaded = NULL;
  BcExercise *original = bc_exercise_catalog_lookup (catalog, "builtin:glute-bridge");
  const char *steps[] = { "Lie down.", "Lift the hips\nhigh.", NULL };
  const char *cautions[] = { "Stop if it hurts.", NULL };
  static const guchar png[] = { 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a };
  g_autoptr(GBytes) image = g_bytes_new_static (png, sizeof png);
  BcExerciseData data = { 0 };
  BcExercise *copy, *found;
  guint n_before = g_list_model_get_n_items (bc_exercise_catalog_get_model (catalog));

  g_assert_no_error (error);

  /* An edited copy of a built-in: the built-in itself stays. */
  data.name = "Glute bridge (my version)";
  data.category = BC_EXERCISE_CATEGORY_STRENGTHEN;
  data.dosage = (BcDosage) { 3, 12, 3, 30, 1, BC_DAYS_ALL };
  data.days_per_week = 3;
  data.steps = steps;
  data.cautions = cautions;
  data.image = image;
  data.image_mime_type = "image/png";
  data.based_on_ref = bc_exercise_get_ref (original);

  copy = bc_exercise_catalog_add_custom (catalog, db, &data, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (bc_exercise_get_ref (copy), "custom:"));
  g_assert_cmpuint (g_list_model_get_n_items (bc_exercise_catalog_get_model (catalog)), ==,
                    n_before + 1);
  g_assert_cmpstr (bc_exercise_get_name (original), ==, "Glute bridge");

  /* Out-of-range dosage is refused and nothing is stored. */
  data.dosage.sets = 11;
  g_assert_null (bc_exercise_catalog_add_custom (catalog, db, &data, &error));
  g_assert_error (error, BC_DOSAGE_ERROR, BC_DOSAGE_ERROR_SETS);
  g_clear_error (&error);

  reloaded = bc_exercise_catalog_new (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (bc_exercise_catalog_get_model (reloaded)), ==,
                    n_before + 1);
  found = bc_exercise_catalog_lookup (reloaded, bc_exercise_get_ref (copy));
  g_assert_nonnull (found);
  g_assert_cmpstr (bc_exercise_get_name (found), ==, "Glute bridge (my version)");
  g_assert_cmpstr (bc_exercise_get_steps (found)[1], ==, "Lift the hips high.");
  g_assert_cmpstr (bc_exercise_get_based_on_ref (found), ==, "builtin:glute-bridge");
  g_assert_true (g_bytes_equal (bc_exercise_get_image (found), image));
  g_assert_cmpstr (bc_exercise_get_image_mime_type (found), ==, "image/png");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/catalog/builtins-complete", test_builtins_complete);
  g_test_add_func ("/catalog/search", test_search);
  g_test_add_func ("/catalog/malformed-xml", test_malformed_xml);
  g_test_add_func ("/catalog/custom-exercise", test_custom_exercise);

  return g_test_run ();
}
