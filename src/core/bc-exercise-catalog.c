/* bc-exercise-catalog.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bc-exercise-catalog"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-core-resources.h"
#include "bc-exercise-catalog.h"

#define CATALOG_RESOURCE "/org/example/BackCare/exercises/exercises.xml"
#define ILLUSTRATION_PREFIX "/org/example/BackCare/exercises/illustrations/"

struct _BcExerciseCatalog
{
  GObject     parent_instance;

  GListStore *exercises;
  GHashTable *by_ref;
};

G_DEFINE_FINAL_TYPE (BcExerciseCatalog, bc_exercise_catalog, G_TYPE_OBJECT)

G_DEFINE_QUARK (bc-catalog-error-quark, bc_catalog_error)

static void
bc_exercise_catalog_finalize (GObject *object)
{
  BcExerciseCatalog *self = (BcExerciseCatalog *)object;

  g_clear_object (&self->exercises);
  g_clear_pointer (&self->by_ref, g_hash_table_unref);

  G_OBJECT_CLASS (bc_exercise_catalog_parent_class)->finalize (object);
}

static void
bc_exercise_catalog_class_init (BcExerciseCatalogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bc_exercise_catalog_finalize;
}

static void
bc_exercise_catalog_init (BcExerciseCatalog *self)
{
  self->exercises = g_list_store_new (BC_TYPE_EXERCISE);
  self->by_ref = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
}

static void
ensure_resources (void)
{
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      bc_core_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}

static void
add_exercise (BcExerciseCatalog *self,
              BcExercise        *exercise)
{
  BcExercise *old = g_hash_table_lookup (self->by_ref, bc_exercise_get_ref (exercise));
  guint position;

  if (old != NULL && g_list_store_find (self->exercises, old, &position))
    g_list_store_splice (self->exercises, position, 1, (gpointer *)&exercise, 1);
  else
    g_list_store_append (self->exercises, exercise);

  g_hash_table_replace (self->by_ref, (gpointer)bc_exercise_get_ref (exercise),
                        g_object_ref (exercise));
}

/* The catalog XML (see data/exercises/exercises.xml) read with GMarkup;
 * texts go through gettext exactly as xgettext extracted them through
 * data/its/backcare-exercises.its.
 */

typedef struct
{
  BcExerciseCatalog *catalog;
  GString           *text;
  gboolean           in_exercise;
  char              *slug;
  char              *name;
  char              *muscles;
  char              *position;
  char              *equipment;
  char              *easier;
  char              *harder;
  char              *illustration;
  BcExerciseCategory category;
  gboolean           per_side;
  BcDosage           dosage;
  guint              days_per_week;
  GPtrArray         *steps;
  GPtrArray         *cautions;
} ParseState;

static void
parse_state_reset (ParseState *state)
{
  g_clear_pointer (&state->slug, g_free);
  g_clear_pointer (&state->name, g_free);
  g_clear_pointer (&state->muscles, g_free);
  g_clear_pointer (&state->position, g_free);
  g_clear_pointer (&state->equipment, g_free);
  g_clear_pointer (&state->easier, g_free);
  g_clear_pointer (&state->harder, g_free);
  g_clear_pointer (&state->illustration, g_free);
  g_clear_pointer (&state->steps, g_ptr_array_unref);
  g_clear_pointer (&state->cautions, g_ptr_array_unref);
  state->in_exercise = FALSE;
}

static gboolean
parse_uint (const char  *value,
            guint        max,
            guint       *out,
            GError     **error)
{
  guint64 parsed;

  if (!g_ascii_string_to_unsigned (value, 10, 0, max, &parsed, error))
    return FALSE;

  *out = (guint)parsed;
  return TRUE;
}

static void
start_element (GMarkupParseContext  *context,
               const char           *element_name,
               const char          **names,
               const char          **values,
               gpointer              user_data,
               GError              **error)
{
  ParseState *state = user_data;
  const char *slug, *category, *per_side, *sets, *reps, *hold, *rest;
  const char *times_per_day, *days_per_week, *easier, *harder, *illustration;

  g_string_truncate (state->text, 0);

  if (!g_str_equal (element_name, "exercise"))
    return;

  if (!g_markup_collect_attributes (element_name, names, values, error,
                                    G_MARKUP_COLLECT_STRING, "slug", &slug,
                                    G_MARKUP_COLLECT_STRING, "category", &category,
                                    G_MARKUP_COLLECT_STRING, "per-side", &per_side,
                                    G_MARKUP_COLLECT_STRING, "sets", &sets,
                                    G_MARKUP_COLLECT_STRING, "reps", &reps,
                                    G_MARKUP_COLLECT_STRING, "hold", &hold,
                                    G_MARKUP_COLLECT_STRING, "rest", &rest,
                                    G_MARKUP_COLLECT_STRING, "times-per-day", &times_per_day,
                                    G_MARKUP_COLLECT_STRING, "days-per-week", &days_per_week,
                                    G_MARKUP_COLLECT_STRING, "easier", &easier,
                                    G_MARKUP_COLLECT_STRING, "harder", &harder,
                                    G_MARKUP_COLLECT_STRING, "illustration", &illustration,
                                    G_MARKUP_COLLECT_INVALID))
    return;

  parse_state_reset (state);
  state->in_exercise = TRUE;
  state->slug = g_strdup (slug);
  state->easier = g_strdup (easier);
  state->harder = g_strdup (harder);
  state->illustration = g_strdup (illustration);
  state->steps = g_ptr_array_new_with_free_func (g_free);
  state->cautions = g_ptr_array_new_with_free_func (g_free);
  state->per_side = g_str_equal (per_side, "true");

  if (!bc_exercise_category_from_string (category, &state->category))
    {
      g_set_error (error, BC_CATALOG_ERROR, BC_CATALOG_ERROR_INVALID,
                   "Exercise “%s” has an unknown category “%s”", slug, category);
      return;
    }

  if (!parse_uint (sets, 100, &state->dosage.sets, error) ||
      !parse_uint (reps, 1000, &state->dosage.reps, error) ||
      !parse_uint (hold, 10000, &state->dosage.hold_seconds, error) ||
      !parse_uint (rest, 10000, &state->dosage.rest_seconds, error) ||
      !parse_uint (times_per_day, 100, &state->dosage.times_per_day, error) ||
      !parse_uint (days_per_week, 7, &state->days_per_week, error))
    return;

  state->dosage.days = bc_days_for_per_week (state->days_per_week);
}

static char *
translated_text (GString *text)
{
  g_auto(GStrv) words = g_strsplit_set (text->str, " \t\n\r", -1);
  g_autoptr(GString) collapsed = g_string_new (NULL);

  /* xgettext collapses whitespace the same way. */
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if (collapsed->len > 0)
        g_string_append_c (collapsed, ' ');
      g_string_append (collapsed, words[i]);
    }

  return g_strdup (g_dgettext (GETTEXT_PACKAGE, collapsed->str));
}

static void
end_element (GMarkupParseContext  *context,
             const char           *element_name,
             gpointer              user_data,
             GError              **error)
{
  ParseState *state = user_data;

  if (!state->in_exercise)
    return;

  if (g_str_equal (element_name, "name"))
    state->name = translated_text (state->text);
  else if (g_str_equal (element_name, "muscles"))
    state->muscles = translated_text (state->text);
  else if (g_str_equal (element_name, "position"))
    state->position = translated_text (state->text);
  else if (g_str_equal (element_name, "equipment"))
    state->equipment = translated_text (state->text);
  else if (g_str_equal (element_name, "step"))
    g_ptr_array_add (state->steps, translated_text (state->text));
  else if (g_str_equal (element_name, "caution"))
    g_ptr_array_add (state->cautions, translated_text (state->text));
  else if (g_str_equal (element_name, "exercise"))
    {
      g_autofree char *ref = g_strconcat (BC_EXERCISE_REF_BUILTIN, state->slug, NULL);
      g_autofree char *easier = NULL;
      g_autofree char *harder = NULL;
      g_autofree char *illustration = NULL;
      g_autoptr(BcExercise) exercise = NULL;
      g_autoptr(GError) local_error = NULL;
      BcExerciseData data = { 0 };

      if (state->name == NULL || state->steps->len == 0 ||
          !bc_dosage_validate (&state->dosage, &local_error))
        {
          g_set_error (error, BC_CATALOG_ERROR, BC_CATALOG_ERROR_INVALID,
                       "Exercise “%s” is incomplete: %s", state->slug,
                       local_error ? local_error->message : "no name or steps");
          return;
        }

      if (state->easier[0] != '\0')
        easier = g_strconcat (BC_EXERCISE_REF_BUILTIN, state->easier, NULL);
      if (state->harder[0] != '\0')
        harder = g_strconcat (BC_EXERCISE_REF_BUILTIN, state->harder, NULL);
      illustration = g_strconcat (ILLUSTRATION_PREFIX, state->illustration, NULL);

      g_ptr_array_add (state->steps, NULL);
      g_ptr_array_add (state->cautions, NULL);

      data.ref = ref;
      data.name = state->name;
      data.category = state->category;
      data.muscles = state->muscles;
      data.position = state->position;
      data.equipment = state->equipment;
      data.per_side = state->per_side;
      data.dosage = state->dosage;
      data.days_per_week = state->days_per_week;
      data.steps = (const char * const *)state->steps->pdata;
      data.cautions = (const char * const *)state->cautions->pdata;
      data.easier_ref = easier;
      data.harder_ref = harder;
      data.illustration_resource = illustration;

      exercise = bc_exercise_new (&data);
      add_exercise (state->catalog, exercise);
      parse_state_reset (state);
    }
}

static void
text (GMarkupParseContext  *context,
      const char           *text_value,
      gsize                 text_len,
      gpointer              user_data,
      GError              **error)
{
  ParseState *state = user_data;

  g_string_append_len (state->text, text_value, text_len);
}

static const GMarkupParser parser = {
  start_element,
  end_element,
  text,
  NULL,
  NULL,
};

static gboolean
load_xml (BcExerciseCatalog  *self,
          GBytes             *xml,
          GError            **error)
{
  g_autoptr(GMarkupParseContext) context = NULL;
  ParseState state = { 0 };
  gboolean ok;
  gsize length;
  const char *data = g_bytes_get_data (xml, &length);

  state.catalog = self;
  state.text = g_string_new (NULL);
  context = g_markup_parse_context_new (&parser, G_MARKUP_TREAT_CDATA_AS_TEXT, &state, NULL);

  ok = g_markup_parse_context_parse (context, data, length, error) &&
       g_markup_parse_context_end_parse (context, error);

  parse_state_reset (&state);
  g_string_free (state.text, TRUE);
  return ok;
}

BcExerciseCatalog *
bc_exercise_catalog_new_from_xml (GBytes  *xml,
                                  GError **error)
{
  g_autoptr(BcExerciseCatalog) self = g_object_new (BC_TYPE_EXERCISE_CATALOG, NULL);

  if (!load_xml (self, xml, error))
    return NULL;

  return g_steal_pointer (&self);
}

static char **
split_lines (const char *text)
{
  if (text == NULL || text[0] == '\0')
    return g_new0 (char *, 1);

  return g_strsplit (text, "\n", -1);
}

static gboolean
load_custom (BcExerciseCatalog  *self,
             BcDatabase         *db,
             GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = bc_database_prepare (db,
                              "SELECT uuid, name, category, muscles, position, equipment, "
                              "  per_side, sets, reps, hold_seconds, rest_seconds, "
                              "  times_per_day, days_per_week, steps, cautions, easier, harder, "
                              "  image_mime_type, image, based_on "
                              "FROM custom_exercises ORDER BY name",
                              error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *ref = g_strconcat (BC_EXERCISE_REF_CUSTOM,
                                          (const char *)sqlite3_column_text (stmt, 0), NULL);
      g_auto(GStrv) steps = split_lines ((const char *)sqlite3_column_text (stmt, 13));
      g_auto(GStrv) cautions = split_lines ((const char *)sqlite3_column_text (stmt, 14));
      g_autoptr(GBytes) image = NULL;
      g_autoptr(BcExercise) exercise = NULL;
      BcExerciseData data = { 0 };

      if (sqlite3_column_type (stmt, 18) == SQLITE_BLOB)
        image = g_bytes_new (sqlite3_column_blob (stmt, 18), sqlite3_column_bytes (stmt, 18));

      data.ref = ref;
      data.name = (const char *)sqlite3_column_text (stmt, 1);
      bc_exercise_category_from_string ((const char *)sqlite3_column_text (stmt, 2),
                                        &data.category);
      data.muscles = (const char *)sqlite3_column_text (stmt, 3);
      data.position = (const char *)sqlite3_column_text (stmt, 4);
      data.equipment = (const char *)sqlite3_column_text (stmt, 5);
      data.per_side = sqlite3_column_int (stmt, 6);
      data.dosage.sets = sqlite3_column_int (stmt, 7);
      data.dosage.reps = sqlite3_column_int (stmt, 8);
      data.dosage.hold_seconds = sqlite3_column_int (stmt, 9);
      data.dosage.rest_seconds = sqlite3_column_int (stmt, 10);
      data.dosage.times_per_day = sqlite3_column_int (stmt, 11);
      data.days_per_week = sqlite3_column_int (stmt, 12);
      data.dosage.days = bc_days_for_per_week (data.days_per_week);
      data.steps = (const char * const *)steps;
      data.cautions = (const char * const *)cautions;
      data.easier_ref = (const char *)sqlite3_column_text (stmt, 15);
      data.harder_ref = (const char *)sqlite3_column_text (stmt, 16);
      data.image_mime_type = (const char *)sqlite3_column_text (stmt, 17);
      data.image = image;
      data.based_on_ref = (const char *)sqlite3_column_text (stmt, 19);

      exercise = bc_exercise_new (&data);
      add_exercise (self, exercise);
    }

  if (rc != SQLITE_DONE)
    return bc_database_set_error (db, rc, error);

  return TRUE;
}

/**
 * bc_exercise_catalog_new:
 * @db: (nullable): the database with the user's own exercises
 *
 * The built-in exercises, translated, followed by the user's own.
 */
BcExerciseCatalog *
bc_exercise_catalog_new (BcDatabase  *db,
                         GError     **error)
{
  g_autoptr(BcExerciseCatalog) self = NULL;
  g_autoptr(GBytes) xml = NULL;

  ensure_resources ();

  xml = g_resources_lookup_data (CATALOG_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (xml == NULL)
    return NULL;

  self = bc_exercise_catalog_new_from_xml (xml, error);
  if (self == NULL)
    return NULL;

  if (db != NULL && !load_custom (self, db, error))
    return NULL;

  return g_steal_pointer (&self);
}

GListModel *
bc_exercise_catalog_get_model (BcExerciseCatalog *self)
{
  g_return_val_if_fail (BC_IS_EXERCISE_CATALOG (self), NULL);

  return G_LIST_MODEL (self->exercises);
}

BcExercise *
bc_exercise_catalog_lookup (BcExerciseCatalog *self,
                            const char        *ref)
{
  g_return_val_if_fail (BC_IS_EXERCISE_CATALOG (self), NULL);

  if (ref == NULL)
    return NULL;

  return g_hash_table_lookup (self->by_ref, ref);
}

static char *
join_lines (const char * const *lines)
{
  g_autoptr(GString) str = g_string_new (NULL);

  for (guint i = 0; lines != NULL && lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strdup (lines[i]);

      /* One line per step: a newline inside a step would split it. */
      g_strdelimit (line, "\r\n", ' ');
      if (str->len > 0)
        g_string_append_c (str, '\n');
      g_string_append (str, g_strstrip (line));
    }

  return g_string_free (g_steal_pointer (&str), FALSE);
}

static gboolean
is_blank (const char *str)
{
  for (; *str != '\0'; str = g_utf8_next_char (str))
    {
      if (!g_unichar_isspace (g_utf8_get_char (str)))
        return FALSE;
    }

  return TRUE;
}

/**
 * bc_exercise_catalog_put_custom:
 *
 * Inserts or replaces the user's own exercise @data->ref (custom:UUID)
 * inside the caller's transaction and adds it to the catalog.
 */
gboolean
bc_exercise_catalog_put_custom (BcExerciseCatalog    *self,
                                BcDatabase           *db,
                                const BcExerciseData *data,
                                GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(BcExercise) exercise = NULL;
  g_autofree char *steps = NULL;
  g_autofree char *cautions = NULL;
  const char *uuid;
  int rc;

  g_return_val_if_fail (BC_IS_EXERCISE_CATALOG (self), FALSE);
  g_return_val_if_fail (data != NULL && g_str_has_prefix (data->ref, BC_EXERCISE_REF_CUSTOM), FALSE);

  uuid = data->ref + strlen (BC_EXERCISE_REF_CUSTOM);
  if (!g_uuid_string_is_valid (uuid))
    {
      g_set_error (error, BC_CATALOG_ERROR, BC_CATALOG_ERROR_INVALID,
                   _("“%s” is not a valid exercise identifier."), data->ref);
      return FALSE;
    }

  if (data->name == NULL || is_blank (data->name))
    {
      g_set_error_literal (error, BC_CATALOG_ERROR, BC_CATALOG_ERROR_INVALID,
                           _("An exercise needs a name."));
      return FALSE;
    }

  if (!bc_dosage_validate (&data->dosage, error))
    return FALSE;

  steps = join_lines (data->steps);
  cautions = join_lines (data->cautions);

  stmt = bc_database_prepare (db,
                              "INSERT OR REPLACE INTO custom_exercises (uuid, name, category, "
                              "  muscles, position, equipment, per_side, sets, reps, "
                              "  hold_seconds, rest_seconds, times_per_day, days_per_week, "
                              "  steps, cautions, easier, harder, image_mime_type, image, "
                              "  based_on, updated_at) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
                              "  ?14, ?15, ?16, ?17, ?18, ?19, ?20, "
                              "  CAST (strftime ('%s', 'now') AS INTEGER))",
                              error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, data->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, bc_exercise_category_to_string (data->category), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, data->muscles ? data->muscles : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, data->position ? data->position : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, data->equipment ? data->equipment : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 7, data->per_side ? 1 : 0);
  sqlite3_bind_int (stmt, 8, data->dosage.sets);
  sqlite3_bind_int (stmt, 9, data->dosage.reps);
  sqlite3_bind_int (stmt, 10, data->dosage.hold_seconds);
  sqlite3_bind_int (stmt, 11, data->dosage.rest_seconds);
  sqlite3_bind_int (stmt, 12, data->dosage.times_per_day);
  sqlite3_bind_int (stmt, 13, CLAMP (data->days_per_week, 1, 7));
  sqlite3_bind_text (stmt, 14, steps, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 15, cautions, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 16, data->easier_ref, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 17, data->harder_ref, -1, SQLITE_TRANSIENT);
  if (data->image != NULL && data->image_mime_type != NULL)
    {
      gsize size;
      gconstpointer bytes = g_bytes_get_data (data->image, &size);

      sqlite3_bind_text (stmt, 18, data->image_mime_type, -1, SQLITE_TRANSIENT);
      sqlite3_bind_blob (stmt, 19, bytes, size, SQLITE_TRANSIENT);
    }
  sqlite3_bind_text (stmt, 20, data->based_on_ref, -1, SQLITE_TRANSIENT);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return bc_database_set_error (db, rc, error);

  exercise = bc_exercise_new (data);
  add_exercise (self, exercise);
  return TRUE;
}

/**
 * bc_exercise_catalog_add_custom:
 *
 * Saves a new exercise of the user's own (or an edited copy of a built-in
 * one: the built-in itself is never changed) in its own transaction.
 * @data->ref is ignored; a new custom:UUID is made.
 */
BcExercise *
bc_exercise_catalog_add_custom (BcExerciseCatalog    *self,
                                BcDatabase           *db,
                                const BcExerciseData *data,
                                GError              **error)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *ref = g_strconcat (BC_EXERCISE_REF_CUSTOM, uuid, NULL);
  BcExerciseData copy = *data;

  copy.ref = ref;

  if (!bc_database_begin (db, error))
    return NULL;

  if (!bc_exercise_catalog_put_custom (self, db, &copy, error) ||
      !bc_database_commit (db, error))
    {
      bc_database_rollback (db);
      return NULL;
    }

  return bc_exercise_catalog_lookup (self, ref);
}

/* Drops the user's own exercises and reads them again from @db: after a
 * rolled-back transaction, what is stored is the truth.
 */
gboolean
bc_exercise_catalog_reload_custom (BcExerciseCatalog  *self,
                                   BcDatabase         *db,
                                   GError            **error)
{
  guint n;

  g_return_val_if_fail (BC_IS_EXERCISE_CATALOG (self), FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->exercises));
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(BcExercise) exercise = g_list_model_get_item (G_LIST_MODEL (self->exercises),
                                                              i - 1);

      if (!bc_exercise_is_builtin (exercise))
        {
          g_hash_table_remove (self->by_ref, bc_exercise_get_ref (exercise));
          g_list_store_remove (self->exercises, i - 1);
        }
    }

  return load_custom (self, db, error);
}
