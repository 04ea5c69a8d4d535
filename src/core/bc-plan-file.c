/* bc-plan-file.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bc-plan-file"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "bc-plan-file.h"
#include "bc-plan-store.h"

/* The .backcare-plan exchange format: JSON with a format name and a
 * version, the plan and its items, and the user's own exercises the
 * items use, images included. Writing is deterministic, so export →
 * import → export gives the same bytes. Reading checks size, nesting and
 * counts before json-glib sees the data, and every value after.
 */

G_DEFINE_QUARK (bc-plan-file-error-quark, bc_plan_file_error)

#define MAX_CONTAINERS 4096
#define MAX_TEXT 10000
#define MAX_NAME 200
#define MAX_LINES 50

static const char * const day_names[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };

static const char * const image_types[] = { "image/png", "image/jpeg", "image/svg+xml" };

void
bc_plan_file_contents_free (BcPlanFileContents *contents)
{
  if (contents == NULL)
    return;

  g_clear_object (&contents->plan);
  g_clear_pointer (&contents->custom_exercises, g_ptr_array_unref);
  g_free (contents);
}

/* Writing */

static void
add_string_or_null (JsonBuilder *builder,
                    const char  *name,
                    const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
add_string_array (JsonBuilder        *builder,
                  const char         *name,
                  const char * const *values)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}

static void
add_custom_exercise (JsonBuilder *builder,
                     BcExercise  *exercise)
{
  const BcDosage *dosage = bc_exercise_get_dosage (exercise);
  GBytes *image = bc_exercise_get_image (exercise);

  json_builder_begin_object (builder);
  add_string_or_null (builder, "id", bc_exercise_get_ref (exercise));
  add_string_or_null (builder, "name", bc_exercise_get_name (exercise));
  add_string_or_null (builder, "category",
                      bc_exercise_category_to_string (bc_exercise_get_category (exercise)));
  add_string_or_null (builder, "muscles", bc_exercise_get_muscles (exercise));
  add_string_or_null (builder, "position", bc_exercise_get_position (exercise));
  add_string_or_null (builder, "equipment", bc_exercise_get_equipment (exercise));
  json_builder_set_member_name (builder, "per_side");
  json_builder_add_boolean_value (builder, bc_exercise_get_per_side (exercise));
  add_int (builder, "sets", dosage->sets);
  add_int (builder, "reps", dosage->reps);
  add_int (builder, "hold_seconds", dosage->hold_seconds);
  add_int (builder, "rest_seconds", dosage->rest_seconds);
  add_int (builder, "times_per_day", dosage->times_per_day);
  add_int (builder, "days_per_week", bc_exercise_get_days_per_week (exercise));
  add_string_array (builder, "steps", bc_exercise_get_steps (exercise));
  add_string_array (builder, "cautions", bc_exercise_get_cautions (exercise));
  add_string_or_null (builder, "easier", bc_exercise_get_easier_ref (exercise));
  add_string_or_null (builder, "harder", bc_exercise_get_harder_ref (exercise));
  add_string_or_null (builder, "based_on", bc_exercise_get_based_on_ref (exercise));

  json_builder_set_member_name (builder, "image");
  if (image != NULL && bc_exercise_get_image_mime_type (exercise) != NULL)
    {
      gsize size;
      gconstpointer data = g_bytes_get_data (image, &size);
      g_autofree char *encoded = g_base64_encode (data, size);

      json_builder_begin_object (builder);
      add_string_or_null (builder, "mime_type", bc_exercise_get_image_mime_type (exercise));
      add_string_or_null (builder, "data", encoded);
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);

  json_builder_end_object (builder);
}

static int
compare_exercise_refs (gconstpointer a,
                       gconstpointer b)
{
  BcExercise *exercise_a = *(BcExercise **)a;
  BcExercise *exercise_b = *(BcExercise **)b;

  return g_strcmp0 (bc_exercise_get_ref (exercise_a), bc_exercise_get_ref (exercise_b));
}

/**
 * bc_plan_file_serialize:
 * @catalog: (nullable): where the user's own exercises are looked up to
 *   embed them; %NULL writes only the plan (history snapshots)
 */
GBytes *
bc_plan_file_serialize (BcPlan             *plan,
                        BcExerciseCatalog  *catalog,
                        GError            **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) customs = g_ptr_array_new ();
  GListModel *items = G_LIST_MODEL (bc_plan_get_items (plan));
  guint n = g_list_model_get_n_items (items);
  char *text;
  gsize length;

  g_return_val_if_fail (BC_IS_PLAN (plan), NULL);

  json_builder_begin_object (builder);
  add_string_or_null (builder, "format", BC_PLAN_FILE_FORMAT);
  add_int (builder, "version", BC_PLAN_FILE_VERSION);

  json_builder_set_member_name (builder, "plan");
  json_builder_begin_object (builder);
  add_string_or_null (builder, "title", bc_plan_get_title (plan));
  add_string_or_null (builder, "clinician", bc_plan_get_clinician (plan));
  add_string_or_null (builder, "start_date", bc_plan_get_start_date (plan));
  add_string_or_null (builder, "review_date", bc_plan_get_review_date (plan));
  add_string_or_null (builder, "notes", bc_plan_get_notes (plan));

  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BcPlanItem) item = g_list_model_get_item (items, i);
      const BcDosage *dosage = bc_plan_item_get_dosage (item);
      const char *ref = bc_plan_item_get_exercise_ref (item);

      json_builder_begin_object (builder);
      add_string_or_null (builder, "exercise", ref);
      add_int (builder, "sets", dosage->sets);
      add_int (builder, "reps", dosage->reps);
      add_int (builder, "hold_seconds", dosage->hold_seconds);
      add_int (builder, "rest_seconds", dosage->rest_seconds);
      add_int (builder, "times_per_day", dosage->times_per_day);
      json_builder_set_member_name (builder, "days");
      json_builder_begin_array (builder);
      for (guint d = 0; d < G_N_ELEMENTS (day_names); d++)
        if (dosage->days & (1 << d))
          json_builder_add_string_value (builder, day_names[d]);
      json_builder_end_array (builder);
      add_string_or_null (builder, "notes", bc_plan_item_get_notes (item));
      json_builder_end_object (builder);

      if (catalog != NULL && g_str_has_prefix (ref, BC_EXERCISE_REF_CUSTOM))
        {
          BcExercise *exercise = bc_exercise_catalog_lookup (catalog, ref);

          if (exercise == NULL)
            {
              g_set_error (error, BC_PLAN_FILE_ERROR, BC_PLAN_FILE_ERROR_UNKNOWN_EXERCISE,
                           _("The plan uses an exercise that no longer exists (%s)."), ref);
              return NULL;
            }
          if (!g_ptr_array_find (customs, exercise, NULL))
            g_ptr_array_add (customs, exercise);
        }
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  /* Sorted, so the same plan always gives the same bytes. */
  g_ptr_array_sort (customs, compare_exercise_refs);
  json_builder_set_member_name (builder, "custom_exercises");
  json_builder_begin_array (builder);
  for (guint i = 0; i < customs->len; i++)
    add_custom_exercise (builder, g_ptr_array_index (customs, i));
  json_builder_end_array (builder);

  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, &length);

  /* A final newline, as text files have. */
  text = g_realloc (text, length + 2);
  text[length] = '\n';
  text[length + 1] = '\0';

  return g_bytes_new_take (text, length + 1);
}

/* Reading */

/* Depth and container count from the bytes alone, so neither deep
 * nesting nor millions of objects ever reach json-glib.
 */
static gboolean
prescan (const char  *data,
         gsize        length,
         GError     **error)
{
  gboolean in_string = FALSE;
  guint depth = 0;
  guint containers = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }

      switch (c)
        {
        case '"':
          in_string = TRUE;
          break;

        case '{':
        case '[':
          if (++depth > BC_PLAN_FILE_MAX_DEPTH)
            {
              g_set_error (error, BC_PLAN_FILE_ERROR, BC_PLAN_FILE_ERROR_TOO_DEEP,
                           _("The file is nested more than %d levels deep."),
                           BC_PLAN_FILE_MAX_DEPTH);
              return FALSE;
            }
          if (++containers > MAX_CONTAINERS)
            {
              g_set_error (error, BC_PLAN_FILE_ERROR, BC_PLAN_FILE_ERROR_TOO_MANY,
                           _("The file has too many entries for a plan (at most %d exercises)."),
                           BC_PLAN_FILE_MAX_ITEMS);
              return FALSE;
            }
          break;

        case '}':
        case ']':
          if (depth > 0)
            depth--;
          break;

        case '\0':
          g_set_error_literal (error, BC_PLAN_FILE_ERROR, BC_PLAN_FILE_ERROR_MALFORMED,
                               _("The file contains binary data, not a plan."));
          return FALSE;

        /* json-glib also reads single-quoted strings and comments, which
         * would hide brackets from this scan; strict JSON has neither.
         */
        case '\'':
        case '/':
          g_set_error_literal (error, BC_PLAN_FILE_ERROR, BC_PLAN_FILE_ERROR_MALFORMED,
                               _("The file is not strict JSON, so it is not a BackCare plan."));
          return FALSE;

        default:
          break;
        }
    }

  return TRUE;
}

static gboolean
invalid (GError     **error,
         const char  *where,
         const char  *what)
{
  g_set_error (error, BC_PLAN_FILE_ERROR, BC_PLAN_FILE_ERROR_INVALID,
               /* Translators: where in the file, then what is wrong */
               _("The plan file is not valid: %s: %s"), where, what);
  return FALSE;
}

/* A string member: absent or null gives NULL unless required. */
static gboolean
read_string (JsonObject   *object,
             const char   *name,
             gboolean      required,
             guint         max_chars,
             const char  **out,
             const char   *where,
             GError      **error)
{
  JsonNode *node = json_object_get_member (object, name);
  g_autofree char *field = NULL;

  *out = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        {
          field = g_strdup_printf (_("“%s” is missing"), name);
          return invalid (error, where, field);
        }
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      field = g_strdup_printf (_("“%s” must be text"), name);
      return invalid (error, where, field);
    }

  *out = json_node_get_string (node);
  if (g_utf8_strlen (*out, -1) > max_chars)
    {
      field = g_strdup_printf (_("“%s” is longer than %u characters"), name, max_chars);
      return invalid (error, where, field);
    }

  return TRUE;
}

static gboolean
read_uint (JsonObject  *object,
           const char  *name,
           guint        min,
           guint        max,
           guint       *out,
           const char  *where,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);
  g_autofree char *field = NULL;
  gint64 value;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    {
      field = g_strdup_printf (_("“%s” must be a whole number"), name);
      return invalid (error, where, field);
    }

  value = json_node_get_int (node);
  if (value < min || value > max)
    {
      field = g_strdup_printf (_("“%s” must be between %u and %u"), name, min, max);
      return invalid (error, where, field);
    }

  *out = (guint)value;
  return TRUE;
}

static gboolean
read_lines (JsonObject  *object,
            const char  *name,
            GPtrArray   *out,
            const char  *where,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);
  g_autofree char *field = NULL;
  JsonArray *array;
  guint n;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node) ||
      (n = json_array_get_length ((array = json_node_get_array (node)))) > MAX_LINES)
    {
      field = g_strdup_printf (_("“%s” must be a list of at most %d texts"), name, MAX_LINES);
      return invalid (error, where, field);
    }

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (element) ||
          json_node_get_value_type (element) != G_TYPE_STRING ||
          g_utf8_strlen (json_node_get_string (element), -1) > MAX_TEXT)
        {
          field = g_strdup_printf (_("“%s” must be a list of texts"), name);
          return invalid (error, where, field);
        }

      g_ptr_array_add (out, (gpointer)json_node_get_string (element));
    }

  return TRUE;
}

static gboolean
read_days (JsonObject  *object,
           BcDays      *out,
           const char  *where,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, "days");
  JsonArray *array;
  BcDays days = 0;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return invalid (error, where, _("“days” must be a list of days such as \"mon\""));

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      const char *name;
      gboolean found = FALSE;

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        return invalid (error, where, _("“days” must be a list of days such as \"mon\""));

      name = json_node_get_string (element);
      for (guint d = 0; d < G_N_ELEMENTS (day_names); d++)
        {
          if (g_str_equal (name, day_names[d]))
            {
              days |= 1 << d;
              found = TRUE;
            }
        }

      if (!found)
        return invalid (error, where, _("“days” must be a list of days such as \"mon\""));
    }

  *out = days;
  return TRUE;
}

static gboolean
read_ref (const char  *ref,
          const char  *prefix)
{
  return ref != NULL && g_str_has_prefix (ref, prefix);
}

static BcExercise *
read_custom_exercise (JsonNode  *element,
                      guint      index,
                      GError   **error)
{
  g_autofree char *where = g_strdup_printf (_("own exercise %u"), index + 1);
  g_autoptr(GPtrArray) steps = g_ptr_array_new ();
  g_autoptr(GPtrArray) cautions = g_ptr_array_new ();
  g_autoptr(GBytes) image = NULL;
  const char *category = NULL;
  const char *image_type = NULL;
  JsonObject *object;
  JsonNode *image_node;
  JsonNode *node;
  BcExerciseData data = { 0 };

  if (!JSON_NODE_HOLDS_OBJECT (element))
    {
      invalid (error, where, _("must be an object"));
      return NULL;
    }
  object = json_node_get_object (element);

  if (!read_string (object, "id", TRUE, MAX_NAME, &data.ref, where, error) ||
      !read_string (object, "name", TRUE, MAX_NAME, &data.name, where, error) ||
      !read_string (object, "category", TRUE, MAX_NAME, &category, where, error) ||
      !read_string (object, "muscles", FALSE, MAX_TEXT, &data.muscles, where, error) ||
      !read_string (object, "position", FALSE, MAX_TEXT, &data.position, where, error) ||
      !read_string (object, "equipment", FALSE, MAX_TEXT, &data.equipment, where, error) ||
      !read_uint (object, "sets", 1, BC_DOSAGE_SETS_MAX, &data.dosage.sets, where, error) ||
      !read_uint (object, "reps", 1, BC_DOSAGE_REPS_MAX, &data.dosage.reps, where, error) ||
      !read_uint (object, "hold_seconds", 0, BC_DOSAGE_HOLD_MAX, &data.dosage.hold_seconds,
                  where, error) ||
      !read_uint (object, "rest_seconds", 0, BC_DOSAGE_REST_MAX, &data.dosage.rest_seconds,
                  where, error) ||
      !read_uint (object, "times_per_day", 1, BC_DOSAGE_TIMES_PER_DAY_MAX,
                  &data.dosage.times_per_day, where, error) ||
      !read_uint (object, "days_per_week", 1, 7, &data.days_per_week, where, error) ||
      !read_lines (object, "steps", steps, where, error) ||
      !read_lines (object, "cautions", cautions, where, error) ||
      !read_string (object, "easier", FALSE, MAX_NAME, &data.easier_ref, where, error) ||
      !read_string (object, "harder", FALSE, MAX_NAME, &data.harder_ref, where, error) ||
      !read_string (object, "based_on", FALSE, MAX_NAME, &data.based_on_ref, where, error))
    return NULL;

  node = json_object_get_member (object, "per_side");
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    data.per_side = json_node_get_boolean (node);
  else if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      invalid (error, where, _("“per_side” must be true or false"));
      return NULL;
    }

  if (!read_ref (data.ref, BC_EXERCISE_REF_CUSTOM) ||
      !g_uuid_string_is_valid (data.ref + strlen (BC_EXERCISE_REF_CUSTOM)))
    {
      invalid (error, where, _("“id” must be custom: followed by a UUID"));
      return NULL;
    }

  if (!bc_exercise_category_from_string (category, &data.category))
    {
      invalid (error, where, _("“category” must be strengthen, stretch or mobility"));
      return NULL;
    }

  image_node = json_object_get_member (object, "image");
  if (image_node != NULL && !JSON_NODE_HOLDS_NULL (image_node))
    {
      const char *encoded = NULL;
      guchar *decoded;
      gsize decoded_length;
      gboolean known_type = FALSE;

      if (!JSON_NODE_HOLDS_OBJECT (image_node) ||
          !read_string (json_node_get_object (image_node), "mime_type", TRUE, MAX_NAME,
                        &image_type, where, error) ||
          !read_string (json_node_get_object (image_node), "data", TRUE, G_MAXUINT,
                        &encoded, where, error))
        {
          if (error != NULL && *error == NULL)
            invalid (error, where, _("“image” must have a mime_type and data"));
          return NULL;
        }

      for (guint i = 0; i < G_N_ELEMENTS (image_types); i++)
        known_type |= g_str_equal (image_type, image_types[i]);
      if (!known_type)
        {
          invalid (error, where, _("the image must be PNG, JPEG or SVG"));
          return NULL;
        }

      decoded = g_base64_decode (encoded, &decoded_length);
      if (decoded_length == 0)
        {
          g_free (decoded);
          invalid (error, where, _("the image data is empty or not base64"));
          return NULL;
        }
      image = g_bytes_new_take (decoded, decoded_length);
    }

  g_ptr_array_add (steps, NULL);
  g_ptr_array_add (cautions, NULL);
  data.steps = (const char * const *)steps->pdata;
  data.cautions = (const char * const *)cautions->pdata;
  data.dosage.days = bc_days_for_per_week (data.days_per_week);
  data.image = image;
  data.image_mime_type = image != NULL ? image_type : NULL;

  return bc_exercise_new (&data);
}

static BcPlanItem *
read_item (JsonNode           *node,
           guint               index,
           BcExerciseCatalog  *catalog,
           GHashTable         *file_customs,
           GError            **error)
{
  g_autofree char *where = g_strdup_printf (_("exercise %u"), index + 1);
  const char *ref = NULL;
  const char *notes = NULL;
  JsonObject *object;
  BcDosage dosage = { 0 };

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      invalid (error, where, _("must be an object"));
      return NULL;
    }
  object = json_node_get_object (node);

  if (!read_string (object, "exercise", TRUE, MAX_NAME, &ref, where, error) ||
      !read_uint (object, "sets", 1, BC_DOSAGE_SETS_MAX, &dosage.sets, where, error) ||
      !read_uint (object, "reps", 1, BC_DOSAGE_REPS_MAX, &dosage.reps, where, error) ||
      !read_uint (object, "hold_seconds", 0, BC_DOSAGE_HOLD_MAX, &dosage.hold_seconds,
                  where, error) ||
      !read_uint (object, "rest_seconds", 0, BC_DOSAGE_REST_MAX, &dosage.rest_seconds,
                  where, error) ||
      !read_uint (object, "times_per_day", 1, BC_DOSAGE_TIMES_PER_DAY_MAX,
                  &dosage.times_per_day, where, error) ||
      !read_days (object, &dosage.days, where, error) ||
      !read_string (object, "notes", FALSE, MAX_TEXT, &notes, where, error))
    return NULL;

  if (dosage.days == 0)
    {
      invalid (error, where, _("choose at least one day"));
      return NULL;
    }

  if (read_ref (ref, BC_EXERCISE_REF_BUILTIN))
    {
      if (catalog != NULL && bc_exercise_catalog_lookup (catalog, ref) == NULL)
        {
          g_set_error (error, BC_PLAN_FILE_ERROR, BC_PLAN_FILE_ERROR_UNKNOWN_EXERCISE,
                       _("The plan uses the exercise “%s”, which this version of BackCare "
                         "does not have. Update BackCare to import it."),
                       ref + strlen (BC_EXERCISE_REF_BUILTIN));
          return NULL;
        }
    }
  else if (read_ref (ref, BC_EXERCISE_REF_CUSTOM))
    {
      if (!g_hash_table_contains (file_customs, ref) &&
          (catalog == NULL || bc_exercise_catalog_lookup (catalog, ref) == NULL))
        {
          g_set_error (error, BC_PLAN_FILE_ERROR, BC_PLAN_FILE_ERROR_UNKNOWN_EXERCISE,
                       _("The plan uses an exercise of its author’s own that the file does "
                         "not include (%s)."), ref);
          return NULL;
        }
    }
  else
    {
      invalid (error, where, _("“exercise” must start with builtin: or custom:"));
      return NULL;
    }

  return bc_plan_item_new (ref, &dosage, notes);
}

/**
 * bc_plan_file_parse:
 * @catalog: (nullable): checks that every built-in exercise exists
 *
 * Reads a .backcare-plan document. Nothing is written anywhere.
 */
BcPlanFileContents *
bc_plan_file_parse (GBytes             *bytes,
                    BcExerciseCatalog  *catalog,
                    GError            **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(BcPlanFileContents) contents = NULL;
  g_autoptr(GHashTable) file_customs = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *format = NULL;
  const char *title = NULL, *clinician = NULL, *start = NULL, *review = NULL, *notes = NULL;
  JsonObject *root, *plan_object;
  JsonNode *node, *version_node;
  JsonArray *items, *customs = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  if (length > BC_PLAN_FILE_MAX_SIZE)
    {
      g_set_error (error, BC_PLAN_FILE_ERROR, BC_PLAN_FILE_ERROR_TOO_LARGE,
                   _("The file is larger than %d MiB, too large for a plan."),
                   BC_PLAN_FILE_MAX_SIZE / (1024 * 1024));
      return NULL;
    }

  if (length == 0)
    {
      g_set_error_literal (error, BC_PLAN_FILE_ERROR, BC_PLAN_FILE_ERROR_NOT_A_PLAN,
                           _("The file is empty, not a BackCare plan."));
      return NULL;
    }

  if (!prescan (data, length, error))
    return NULL;

  if (!g_utf8_validate (data, length, NULL))
    {
      g_set_error_literal (error, BC_PLAN_FILE_ERROR, BC_PLAN_FILE_ERROR_MALFORMED,
                           _("The file is not UTF-8 text."));
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, BC_PLAN_FILE_ERROR, BC_PLAN_FILE_ERROR_MALFORMED,
                   _("The file is damaged or incomplete: %s"), local_error->message);
      return NULL;
    }

  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, BC_PLAN_FILE_ERROR, BC_PLAN_FILE_ERROR_NOT_A_PLAN,
                           _("The file is not a BackCare plan."));
      return NULL;
    }
  root = json_node_get_object (node);

  if (!read_string (root, "format", FALSE, MAX_NAME, &format, _("file"), NULL) ||
      g_strcmp0 (format, BC_PLAN_FILE_FORMAT) != 0)
    {
      g_set_error_literal (error, BC_PLAN_FILE_ERROR, BC_PLAN_FILE_ERROR_NOT_A_PLAN,
                           _("The file is not a BackCare plan."));
      return NULL;
    }

  version_node = json_object_get_member (root, "version");
  if (version_node == NULL || !JSON_NODE_HOLDS_VALUE (version_node) ||
      json_node_get_value_type (version_node) != G_TYPE_INT64 ||
      json_node_get_int (version_node) < 1)
    {
      invalid (error, _("file"), _("“version” must be a whole number"));
      return NULL;
    }
  if (json_node_get_int (version_node) > BC_PLAN_FILE_VERSION)
    {
      g_set_error_literal (error, BC_PLAN_FILE_ERROR, BC_PLAN_FILE_ERROR_NEWER_VERSION,
                           _("The plan was made by a newer BackCare. Update BackCare to "
                             "import it."));
      return NULL;
    }

  node = json_object_get_member (root, "plan");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      invalid (error, _("file"), _("“plan” is missing"));
      return NULL;
    }
  plan_object = json_node_get_object (node);

  if (!read_string (plan_object, "title", TRUE, MAX_NAME, &title, _("plan"), error) ||
      !read_string (plan_object, "clinician", FALSE, MAX_NAME, &clinician, _("plan"), error) ||
      !read_string (plan_object, "start_date", FALSE, 10, &start, _("plan"), error) ||
      !read_string (plan_object, "review_date", FALSE, 10, &review, _("plan"), error) ||
      !read_string (plan_object, "notes", FALSE, MAX_TEXT, &notes, _("plan"), error))
    return NULL;

  node = json_object_get_member (plan_object, "items");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      invalid (error, _("plan"), _("“items” must be a list"));
      return NULL;
    }
  items = json_node_get_array (node);
  if (json_array_get_length (items) > BC_PLAN_FILE_MAX_ITEMS)
    {
      g_set_error (error, BC_PLAN_FILE_ERROR, BC_PLAN_FILE_ERROR_TOO_MANY,
                   _("The plan has more than %d exercises."), BC_PLAN_FILE_MAX_ITEMS);
      return NULL;
    }

  node = json_object_get_member (root, "custom_exercises");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      if (!JSON_NODE_HOLDS_ARRAY (node))
        {
          invalid (error, _("file"), _("“custom_exercises” must be a list"));
          return NULL;
        }
      customs = json_node_get_array (node);
      if (json_array_get_length (customs) > BC_PLAN_FILE_MAX_CUSTOM)
        {
          g_set_error (error, BC_PLAN_FILE_ERROR, BC_PLAN_FILE_ERROR_TOO_MANY,
                       _("The file has more than %d exercises of its own."),
                       BC_PLAN_FILE_MAX_CUSTOM);
          return NULL;
        }
    }

  contents = g_new0 (BcPlanFileContents, 1);
  contents->custom_exercises = g_ptr_array_new_with_free_func (g_object_unref);
  file_customs = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; customs != NULL && i < json_array_get_length (customs); i++)
    {
      BcExercise *exercise = read_custom_exercise (json_array_get_element (customs, i), i, error);

      if (exercise == NULL)
        return NULL;

      g_ptr_array_add (contents->custom_exercises, exercise);
      g_hash_table_add (file_customs, (gpointer)bc_exercise_get_ref (exercise));
    }

  contents->plan = bc_plan_new (title);
  bc_plan_set_clinician (contents->plan, clinician);
  bc_plan_set_start_date (contents->plan, start);
  bc_plan_set_review_date (contents->plan, review);
  bc_plan_set_notes (contents->plan, notes);

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      g_autoptr(BcPlanItem) item = read_item (json_array_get_element (items, i), i, catalog,
                                              file_customs, error);

      if (item == NULL)
        return NULL;

      g_list_store_append (bc_plan_get_items (contents->plan), item);
    }

  if (!bc_plan_validate (contents->plan, &local_error))
    {
      invalid (error, _("plan"), local_error->message);
      return NULL;
    }

  return g_steal_pointer (&contents);
}

static void
exercise_to_data (BcExercise     *exercise,
                  BcExerciseData *data)
{
  data->ref = bc_exercise_get_ref (exercise);
  data->name = bc_exercise_get_name (exercise);
  data->category = bc_exercise_get_category (exercise);
  data->muscles = bc_exercise_get_muscles (exercise);
  data->position = bc_exercise_get_position (exercise);
  data->equipment = bc_exercise_get_equipment (exercise);
  data->per_side = bc_exercise_get_per_side (exercise);
  data->dosage = *bc_exercise_get_dosage (exercise);
  data->days_per_week = bc_exercise_get_days_per_week (exercise);
  data->steps = bc_exercise_get_steps (exercise);
  data->cautions = bc_exercise_get_cautions (exercise);
  data->easier_ref = bc_exercise_get_easier_ref (exercise);
  data->harder_ref = bc_exercise_get_harder_ref (exercise);
  data->image_mime_type = bc_exercise_get_image_mime_type (exercise);
  data->image = bc_exercise_get_image (exercise);
  data->based_on_ref = bc_exercise_get_based_on_ref (exercise);
}

/**
 * bc_plan_file_import:
 *
 * Writes the file's own exercises and its plan, as the profile's new
 * active plan, in one transaction: all of it or nothing.
 */
gboolean
bc_plan_file_import (BcDatabase          *db,
                     BcExerciseCatalog   *catalog,
                     BcPlanFileContents  *contents,
                     gint64               profile_id,
                     GError             **error)
{
  g_return_val_if_fail (contents != NULL && BC_IS_PLAN (contents->plan), FALSE);

  if (!bc_database_begin (db, error))
    return FALSE;

  for (guint i = 0; i < contents->custom_exercises->len; i++)
    {
      BcExerciseData data = { 0 };

      exercise_to_data (g_ptr_array_index (contents->custom_exercises, i), &data);
      if (!bc_exercise_catalog_put_custom (catalog, db, &data, error))
        {
          bc_database_rollback (db);
          bc_exercise_catalog_reload_custom (catalog, db, NULL);
          return FALSE;
        }
    }

  bc_plan_set_id (contents->plan, 0);
  if (!bc_plan_store_save_in_transaction (db, profile_id, contents->plan, NULL, error) ||
      !bc_database_commit (db, error))
    {
      bc_database_rollback (db);
      bc_plan_set_id (contents->plan, 0);
      /* The catalog must not keep exercises the rollback took back. */
      bc_exercise_catalog_reload_custom (catalog, db, NULL);
      return FALSE;
    }

  return TRUE;
}
