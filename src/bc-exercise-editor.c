/* bc-exercise-editor.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bc-exercise-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-exercise-editor.h"

/* Creates the user's own exercise, or edits one. A built-in exercise is
 * never changed: editing it makes a copy (custom:UUID, based on the
 * built-in's ref). Like the plan item dialog, a value out of range is
 * refused with a message next to it and Save stays off until it is
 * right; a refused image changes nothing.
 */

typedef enum
{
  MODE_NEW,
  MODE_COPY,
  MODE_EDIT,
} Mode;

struct _BcExerciseEditor
{
  AdwWindow             parent_instance;

  AdwWindowTitle       *window_title;
  GtkButton            *save_button;
  GtkScrolledWindow    *scrolled_window;
  GtkLabel             *save_error;
  AdwEntryRow          *name_row;
  AdwComboRow          *category_row;
  AdwEntryRow          *muscles_row;
  AdwEntryRow          *position_row;
  AdwEntryRow          *equipment_row;
  GtkSwitch            *per_side_switch;
  GtkLabel             *name_error;
  GtkSpinButton        *sets_spin;
  GtkSpinButton        *reps_spin;
  GtkSpinButton        *hold_spin;
  GtkSpinButton        *rest_spin;
  GtkSpinButton        *times_spin;
  GtkSpinButton        *days_spin;
  GtkLabel             *dosage_error;
  GtkTextBuffer        *steps_buffer;
  GtkTextBuffer        *cautions_buffer;
  GtkLabel             *steps_error;
  GtkLabel             *cautions_error;
  GtkPicture           *image_picture;
  GtkButton            *remove_image_button;
  GtkLabel             *image_error;

  BcDatabase           *db;
  BcExerciseCatalog    *catalog;
  Mode                  mode;
  char                 *ref;
  char                 *based_on_ref;
  char                 *easier_ref;
  char                 *harder_ref;
  GBytes               *image;
  char                 *image_mime_type;
  GtkFileChooserNative *chooser;

  char                 *error;
  /* A field left empty is only called out once someone has typed in it
   * or tried to save: a new, empty form should not open in red.
   */
  gboolean              name_touched;
  gboolean              steps_touched;
  gboolean              filling;
};

G_DEFINE_FINAL_TYPE (BcExerciseEditor, bc_exercise_editor, ADW_TYPE_WINDOW)

G_DEFINE_QUARK (bc-exercise-editor-error-quark, bc_exercise_editor_error)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_message (GtkLabel   *label,
              const char *message)
{
  gtk_label_set_label (label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

static char *
dup_name (BcExerciseEditor *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
}

static char *
dup_entry (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* One item per non-blank line, trimmed. */
static GStrv
dup_lines (GtkTextBuffer *buffer)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  lines = g_strsplit_set (text, "\r\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (lines[i][0] != '\0')
        g_strv_builder_add (builder, lines[i]);
    }

  return g_strv_builder_end (builder);
}

static void
read_dosage (BcExerciseEditor *self,
             BcDosage         *dosage,
             guint            *days_per_week)
{
  dosage->sets = gtk_spin_button_get_value_as_int (self->sets_spin);
  dosage->reps = gtk_spin_button_get_value_as_int (self->reps_spin);
  dosage->hold_seconds = gtk_spin_button_get_value_as_int (self->hold_spin);
  dosage->rest_seconds = gtk_spin_button_get_value_as_int (self->rest_spin);
  dosage->times_per_day = gtk_spin_button_get_value_as_int (self->times_spin);
  *days_per_week = gtk_spin_button_get_value_as_int (self->days_spin);
  /* Days per week has its own message below, not "choose a day". */
  dosage->days = bc_days_for_per_week (CLAMP (*days_per_week, 1, 7));
}

static gboolean
check_dosage (BcExerciseEditor  *self,
              GError           **error)
{
  BcDosage dosage;
  guint days_per_week;

  read_dosage (self, &dosage, &days_per_week);

  if (!bc_dosage_validate (&dosage, error))
    return FALSE;

  if (days_per_week < 1 || days_per_week > 7)
    {
      g_set_error (error, BC_DOSAGE_ERROR, BC_DOSAGE_ERROR_DAYS,
                   _("Days a week must be between 1 and %d."), 7);
      return FALSE;
    }

  return TRUE;
}

/* The spin button a dosage error is about gets the error style too. */
static void
mark_dosage_error (BcExerciseEditor *self,
                   const GError     *error)
{
  GtkSpinButton *spins[] = {
    [BC_DOSAGE_ERROR_SETS] = self->sets_spin,
    [BC_DOSAGE_ERROR_REPS] = self->reps_spin,
    [BC_DOSAGE_ERROR_HOLD] = self->hold_spin,
    [BC_DOSAGE_ERROR_REST] = self->rest_spin,
    [BC_DOSAGE_ERROR_TIMES_PER_DAY] = self->times_spin,
    [BC_DOSAGE_ERROR_DAYS] = self->days_spin,
  };

  for (guint i = 0; i < G_N_ELEMENTS (spins); i++)
    {
      if (error != NULL && error->domain == BC_DOSAGE_ERROR && error->code == (int)i)
        gtk_widget_add_css_class (GTK_WIDGET (spins[i]), "error");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (spins[i]), "error");
    }
}

/* The limits of a .backcare-plan file (bc-plan-file.c), so that every
 * exercise made here can be exported and imported again.
 */
#define NAME_MAX_CHARS 200
#define TEXT_MAX_CHARS 10000
#define LINES_MAX 50

static gboolean
too_long (const char *text,
          glong       max_chars)
{
  return g_utf8_strlen (text, -1) > max_chars;
}

static char *
check_details (BcExerciseEditor *self)
{
  AdwEntryRow *rows[] = { self->muscles_row, self->position_row, self->equipment_row };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      if (too_long (gtk_editable_get_text (GTK_EDITABLE (rows[i])), TEXT_MAX_CHARS))
        return g_strdup_printf (ngettext ("Target muscles, position and equipment can each be "
                                          "at most %d character long.",
                                          "Target muscles, position and equipment can each be "
                                          "at most %d characters long.",
                                          TEXT_MAX_CHARS),
                                TEXT_MAX_CHARS);
    }

  return NULL;
}

static char *
check_lines (const char * const *lines,
             gboolean            are_steps)
{
  if (g_strv_length ((char **)lines) > LINES_MAX)
    return are_steps
           ? g_strdup_printf (ngettext ("At most %d step, one per line.",
                                        "At most %d steps, one per line.", LINES_MAX), LINES_MAX)
           : g_strdup_printf (ngettext ("At most %d caution, one per line.",
                                        "At most %d cautions, one per line.", LINES_MAX),
                              LINES_MAX);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (too_long (lines[i], TEXT_MAX_CHARS))
        return are_steps
               ? g_strdup_printf (ngettext ("A step can be at most %d character long.",
                                            "A step can be at most %d characters long.",
                                            TEXT_MAX_CHARS), TEXT_MAX_CHARS)
               : g_strdup_printf (ngettext ("A caution can be at most %d character long.",
                                            "A caution can be at most %d characters long.",
                                            TEXT_MAX_CHARS), TEXT_MAX_CHARS);
    }

  return NULL;
}

static void
validate (BcExerciseEditor *self)
{
  g_autoptr(GError) dosage_error = NULL;
  g_autofree char *name = dup_name (self);
  g_auto(GStrv) steps = dup_lines (self->steps_buffer);
  g_auto(GStrv) cautions = dup_lines (self->cautions_buffer);
  g_autofree char *name_message = NULL;
  g_autofree char *details_message = check_details (self);
  g_autofree char *steps_message = NULL;
  g_autofree char *cautions_message = check_lines ((const char * const *)cautions, FALSE);
  gboolean name_shown, steps_shown;

  /* Empty is only said once touched; too long is said at once. */
  if (name[0] == '\0')
    name_message = g_strdup (_("An exercise needs a name."));
  else if (too_long (name, NAME_MAX_CHARS))
    name_message = g_strdup_printf (ngettext ("A name can be at most %d character long.",
                                              "A name can be at most %d characters long.",
                                              NAME_MAX_CHARS), NAME_MAX_CHARS);
  name_shown = name_message != NULL && (self->name_touched || name[0] != '\0');

  check_dosage (self, &dosage_error);

  if (steps[0] == NULL)
    steps_message = g_strdup (_("Add at least one step, one per line."));
  else
    steps_message = check_lines ((const char * const *)steps, TRUE);
  steps_shown = steps_message != NULL && (self->steps_touched || steps[0] != NULL);

  show_message (self->name_error, name_shown ? name_message : details_message);
  if (name_shown)
    gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  show_message (self->dosage_error, dosage_error ? dosage_error->message : NULL);
  mark_dosage_error (self, dosage_error);
  show_message (self->steps_error, steps_shown ? steps_message : NULL);
  show_message (self->cautions_error, cautions_message);
  show_message (self->save_error, NULL);

  g_clear_pointer (&self->error, g_free);
  if (name_message != NULL)
    self->error = g_steal_pointer (&name_message);
  else if (details_message != NULL)
    self->error = g_steal_pointer (&details_message);
  else if (dosage_error != NULL)
    self->error = g_strdup (dosage_error->message);
  else if (steps_message != NULL)
    self->error = g_steal_pointer (&steps_message);
  else if (cautions_message != NULL)
    self->error = g_steal_pointer (&cautions_message);

  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), self->error == NULL);
}

static void
changed_cb (BcExerciseEditor *self)
{
  validate (self);
}

static void
name_changed_cb (BcExerciseEditor *self)
{
  if (!self->filling)
    self->name_touched = TRUE;
  validate (self);
}

static void
steps_changed_cb (BcExerciseEditor *self)
{
  if (!self->filling)
    self->steps_touched = TRUE;
  validate (self);
}

static void
show_image (BcExerciseEditor *self,
            GBytes           *image,
            const char       *mime_type,
            GdkTexture       *texture)
{
  g_autoptr(GdkTexture) decoded = NULL;

  if (image != self->image)
    {
      g_clear_pointer (&self->image, g_bytes_unref);
      self->image = image ? g_bytes_ref (image) : NULL;
    }
  if (mime_type != self->image_mime_type)
    {
      g_free (self->image_mime_type);
      self->image_mime_type = g_strdup (mime_type);
    }

  if (texture == NULL && image != NULL)
    texture = decoded = gdk_texture_new_from_bytes (image, NULL);

  gtk_picture_set_paintable (self->image_picture, GDK_PAINTABLE (texture));
  gtk_widget_set_visible (GTK_WIDGET (self->image_picture), texture != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->remove_image_button), self->image != NULL);
}

static const char *
sniff_mime_type (GBytes *bytes)
{
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  static const guint8 jpeg[] = { 0xff, 0xd8, 0xff };
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  g_autofree char *content_type = NULL;

  if (size >= sizeof png && memcmp (data, png, sizeof png) == 0)
    return "image/png";
  if (size >= sizeof jpeg && memcmp (data, jpeg, sizeof jpeg) == 0)
    return "image/jpeg";

  content_type = g_content_type_guess (NULL, data, size, NULL);
  if (g_content_type_is_a (content_type, "image/svg+xml"))
    return "image/svg+xml";

  return NULL;
}

static void
size_prepared_cb (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  gpointer         user_data)
{
  int *size = user_data;

  size[0] = width;
  size[1] = height;
  /* Only the size is wanted: render nothing of a huge vector image. */
  gdk_pixbuf_loader_set_size (loader, 1, 1);
}

/* Reads the image's size from its header, feeding the loader a little at
 * a time so that a small file claiming a huge size is never decoded.
 */
static gboolean
read_image_size (GBytes *bytes,
                 int    *width,
                 int    *height)
{
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
  int size[2] = { 0, 0 };
  gsize length;
  const guint8 *data = g_bytes_get_data (bytes, &length);
  gsize offset = 0;

  g_signal_connect (loader, "size-prepared", G_CALLBACK (size_prepared_cb), size);

  while (offset < length && size[0] == 0)
    {
      gsize chunk = MIN (length - offset, 4096);

      if (!gdk_pixbuf_loader_write (loader, data + offset, chunk, NULL))
        break;
      offset += chunk;
    }

  gdk_pixbuf_loader_close (loader, NULL);
  *width = size[0];
  *height = size[1];
  return size[0] > 0 && size[1] > 0;
}

static gboolean
set_image_bytes (BcExerciseEditor  *self,
                 GBytes            *bytes,
                 const char        *display_name,
                 GError           **error)
{
  g_autoptr(GdkTexture) texture = NULL;
  const char *mime_type;
  int width, height;

  if (g_bytes_get_size (bytes) > BC_EXERCISE_IMAGE_MAX_BYTES)
    {
      g_set_error (error, BC_EXERCISE_EDITOR_ERROR, BC_EXERCISE_EDITOR_ERROR_TOO_LARGE,
                   _("“%s” is larger than 4 MiB. Choose a smaller image."), display_name);
      return FALSE;
    }

  mime_type = sniff_mime_type (bytes);
  if (mime_type == NULL)
    {
      g_set_error (error, BC_EXERCISE_EDITOR_ERROR, BC_EXERCISE_EDITOR_ERROR_WRONG_TYPE,
                   _("“%s” is not a PNG, JPEG or SVG image."), display_name);
      return FALSE;
    }

  if (!read_image_size (bytes, &width, &height))
    {
      g_set_error (error, BC_EXERCISE_EDITOR_ERROR, BC_EXERCISE_EDITOR_ERROR_DAMAGED,
                   _("“%s” could not be read as an image. It may be damaged."), display_name);
      return FALSE;
    }

  if (width > BC_EXERCISE_IMAGE_MAX_PIXELS || height > BC_EXERCISE_IMAGE_MAX_PIXELS)
    {
      g_set_error (error, BC_EXERCISE_EDITOR_ERROR, BC_EXERCISE_EDITOR_ERROR_TOO_LARGE,
                   /* Translators: the numbers are the image's width and height in pixels */
                   _("“%s” is %d × %d pixels. Choose an image at most %d pixels wide and high."),
                   display_name, width, height, BC_EXERCISE_IMAGE_MAX_PIXELS);
      return FALSE;
    }

  texture = gdk_texture_new_from_bytes (bytes, NULL);
  if (texture == NULL)
    {
      g_set_error (error, BC_EXERCISE_EDITOR_ERROR, BC_EXERCISE_EDITOR_ERROR_DAMAGED,
                   _("“%s” could not be read as an image. It may be damaged."), display_name);
      return FALSE;
    }

  show_image (self, bytes, mime_type, texture);
  return TRUE;
}

static void
chooser_response_cb (BcExerciseEditor     *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      /* A refused file shows its message inline and changes nothing. */
      if (file != NULL)
        bc_exercise_editor_set_image_file (self, file, NULL);
    }

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_clear_object (&self->chooser);
}

static void
choose_image_cb (BcExerciseEditor *self)
{
  g_autoptr(GtkFileFilter) images = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;

  gtk_file_filter_set_name (images, _("PNG, JPEG or SVG images"));
  gtk_file_filter_add_mime_type (images, "image/png");
  gtk_file_filter_add_mime_type (images, "image/jpeg");
  gtk_file_filter_add_mime_type (images, "image/svg+xml");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");

  self->chooser = gtk_file_chooser_native_new (_("Choose an Image"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), images);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (self->chooser), images);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
remove_image_cb (BcExerciseEditor *self)
{
  bc_exercise_editor_remove_image (self);
}

static void
save_cb (BcExerciseEditor *self)
{
  bc_exercise_editor_save (self);
}

static void
cancel_cb (BcExerciseEditor *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
bc_exercise_editor_dispose (GObject *object)
{
  BcExerciseEditor *self = (BcExerciseEditor *)object;

  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  g_clear_object (&self->db);
  g_clear_object (&self->catalog);
  g_clear_pointer (&self->image, g_bytes_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), BC_TYPE_EXERCISE_EDITOR);

  G_OBJECT_CLASS (bc_exercise_editor_parent_class)->dispose (object);
}

static void
bc_exercise_editor_finalize (GObject *object)
{
  BcExerciseEditor *self = (BcExerciseEditor *)object;

  g_free (self->ref);
  g_free (self->based_on_ref);
  g_free (self->easier_ref);
  g_free (self->harder_ref);
  g_free (self->image_mime_type);
  g_free (self->error);

  G_OBJECT_CLASS (bc_exercise_editor_parent_class)->finalize (object);
}

static void
bc_exercise_editor_class_init (BcExerciseEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bc_exercise_editor_dispose;
  object_class->finalize = bc_exercise_editor_finalize;

  /**
   * BcExerciseEditor::saved:
   * @exercise: the exercise as stored, from the catalog
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, BC_TYPE_EXERCISE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/BackCare/bc-exercise-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, BcExerciseEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, BcExerciseEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, BcExerciseEditor, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, BcExerciseEditor, save_error);
  gtk_widget_class_bind_template_child (widget_class, BcExerciseEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, BcExerciseEditor, category_row);
  gtk_widget_class_bind_template_child (widget_class, BcExerciseEditor, muscles_row);
  gtk_widget_class_bind_template_child (widget_class, BcExerciseEditor, position_row);
  gtk_widget_class_bind_template_child (widget_class, BcExerciseEditor, equipment_row);
  gtk_widget_class_bind_template_child (widget_class, BcExerciseEditor, per_side_switch);
  gtk_widget_class_bind_template_child (widget_class, BcExerciseEditor, name_error);
  gtk_widget_class_bind_template_child (widget_class, BcExerciseEditor, sets_spin);
  gtk_widget_class_bind_template_child (widget_class, BcExerciseEditor, reps_spin);
  gtk_widget_class_bind_template_child (widget_class, BcExerciseEditor, hold_spin);
  gtk_widget_class_bind_template_child (widget_class, BcExerciseEditor, rest_spin);
  gtk_widget_class_bind_template_child (widget_class, BcExerciseEditor, times_spin);
  gtk_widget_class_bind_template_child (widget_class, BcExerciseEditor, days_spin);
  gtk_widget_class_bind_template_child (widget_class, BcExerciseEditor, dosage_error);
  gtk_widget_class_bind_template_child (widget_class, BcExerciseEditor, steps_buffer);
  gtk_widget_class_bind_template_child (widget_class, BcExerciseEditor, cautions_buffer);
  gtk_widget_class_bind_template_child (widget_class, BcExerciseEditor, steps_error);
  gtk_widget_class_bind_template_child (widget_class, BcExerciseEditor, cautions_error);
  gtk_widget_class_bind_template_child (widget_class, BcExerciseEditor, image_picture);
  gtk_widget_class_bind_template_child (widget_class, BcExerciseEditor, remove_image_button);
  gtk_widget_class_bind_template_child (widget_class, BcExerciseEditor, image_error);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, steps_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_image_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_image_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bc_exercise_editor_init (BcExerciseEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static char *
join_lines (const char * const *lines)
{
  return lines != NULL ? g_strjoinv ("\n", (char **)lines) : g_strdup ("");
}

/* The form starts from @exercise, or from a usual dose when new. */
static void
fill (BcExerciseEditor *self,
      BcExercise       *exercise)
{
  static const BcDosage usual = { 2, 10, 0, 30, 1, BC_DAYS_ALL };
  g_autofree char *steps = NULL;
  g_autofree char *cautions = NULL;
  g_autofree char *name = NULL;

  self->filling = TRUE;

  if (exercise == NULL)
    {
      bc_exercise_editor_set_dosage (self, &usual, 7);
      self->filling = FALSE;
      validate (self);
      return;
    }

  if (self->mode == MODE_COPY)
    /* Translators: the name of a copy of a built-in exercise the user edits */
    name = g_strdup_printf (_("%s (my version)"), bc_exercise_get_name (exercise));
  else
    name = g_strdup (bc_exercise_get_name (exercise));

  steps = join_lines (bc_exercise_get_steps (exercise));
  cautions = join_lines (bc_exercise_get_cautions (exercise));

  bc_exercise_editor_set_name (self, name);
  bc_exercise_editor_set_category (self, bc_exercise_get_category (exercise));
  bc_exercise_editor_set_details (self,
                                  bc_exercise_get_muscles (exercise),
                                  bc_exercise_get_position (exercise),
                                  bc_exercise_get_equipment (exercise),
                                  bc_exercise_get_per_side (exercise));
  bc_exercise_editor_set_dosage (self, bc_exercise_get_dosage (exercise),
                                 bc_exercise_get_days_per_week (exercise));
  bc_exercise_editor_set_steps (self, steps, cautions);

  self->easier_ref = g_strdup (bc_exercise_get_easier_ref (exercise));
  self->harder_ref = g_strdup (bc_exercise_get_harder_ref (exercise));

  if (self->mode == MODE_COPY)
    {
      const char *resource = bc_exercise_get_illustration_resource (exercise);

      /* The copy keeps the built-in's drawing until the user picks another. */
      self->based_on_ref = g_strdup (bc_exercise_get_ref (exercise));
      if (resource != NULL)
        {
          g_autoptr(GBytes) svg = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                                           NULL);
          if (svg != NULL)
            show_image (self, svg, "image/svg+xml", NULL);
        }
    }
  else
    {
      self->ref = g_strdup (bc_exercise_get_ref (exercise));
      self->based_on_ref = g_strdup (bc_exercise_get_based_on_ref (exercise));
      if (bc_exercise_get_image (exercise) != NULL)
        show_image (self, bc_exercise_get_image (exercise),
                    bc_exercise_get_image_mime_type (exercise), NULL);
    }

  self->filling = FALSE;
  validate (self);
}

/**
 * bc_exercise_editor_new:
 * @exercise: (nullable): %NULL for a new exercise, a built-in one to edit
 *   a copy of, or the user's own to edit
 */
BcExerciseEditor *
bc_exercise_editor_new (GtkWindow         *parent,
                        BcDatabase        *db,
                        BcExerciseCatalog *catalog,
                        BcExercise        *exercise)
{
  BcExerciseEditor *self;
  const char *title;

  g_return_val_if_fail (BC_IS_DATABASE (db), NULL);
  g_return_val_if_fail (BC_IS_EXERCISE_CATALOG (catalog), NULL);
  g_return_val_if_fail (exercise == NULL || BC_IS_EXERCISE (exercise), NULL);

  self = g_object_new (BC_TYPE_EXERCISE_EDITOR,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->db = g_object_ref (db);
  self->catalog = g_object_ref (catalog);

  if (exercise == NULL)
    {
      self->mode = MODE_NEW;
      title = _("New Exercise");
    }
  else if (bc_exercise_is_builtin (exercise))
    {
      self->mode = MODE_COPY;
      title = _("Edit a Copy");
    }
  else
    {
      self->mode = MODE_EDIT;
      title = _("Edit Exercise");
    }

  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
  if (exercise != NULL)
    adw_window_title_set_subtitle (self->window_title, bc_exercise_get_name (exercise));

  fill (self, exercise);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->name_row));
  return self;
}

void
bc_exercise_editor_set_name (BcExerciseEditor *self,
                             const char       *name)
{
  g_return_if_fail (BC_IS_EXERCISE_EDITOR (self));

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name ? name : "");
}

void
bc_exercise_editor_set_category (BcExerciseEditor   *self,
                                 BcExerciseCategory  category)
{
  g_return_if_fail (BC_IS_EXERCISE_EDITOR (self));
  g_return_if_fail (category <= BC_EXERCISE_CATEGORY_MOBILITY);

  /* The rows are in the order of the enum. */
  adw_combo_row_set_selected (self->category_row, category);
}

void
bc_exercise_editor_set_details (BcExerciseEditor *self,
                                const char       *muscles,
                                const char       *position,
                                const char       *equipment,
                                gboolean          per_side)
{
  g_return_if_fail (BC_IS_EXERCISE_EDITOR (self));

  gtk_editable_set_text (GTK_EDITABLE (self->muscles_row), muscles ? muscles : "");
  gtk_editable_set_text (GTK_EDITABLE (self->position_row), position ? position : "");
  gtk_editable_set_text (GTK_EDITABLE (self->equipment_row), equipment ? equipment : "");
  gtk_switch_set_active (self->per_side_switch, per_side);
}

/* @dosage's days are not used: an exercise has a number of days a week. */
void
bc_exercise_editor_set_dosage (BcExerciseEditor *self,
                               const BcDosage   *dosage,
                               guint             days_per_week)
{
  g_return_if_fail (BC_IS_EXERCISE_EDITOR (self));
  g_return_if_fail (dosage != NULL);

  gtk_spin_button_set_value (self->sets_spin, dosage->sets);
  gtk_spin_button_set_value (self->reps_spin, dosage->reps);
  gtk_spin_button_set_value (self->hold_spin, dosage->hold_seconds);
  gtk_spin_button_set_value (self->rest_spin, dosage->rest_seconds);
  gtk_spin_button_set_value (self->times_spin, dosage->times_per_day);
  gtk_spin_button_set_value (self->days_spin, days_per_week);
  validate (self);
}

/* One step, or caution, per line. */
void
bc_exercise_editor_set_steps (BcExerciseEditor *self,
                              const char       *steps,
                              const char       *cautions)
{
  g_return_if_fail (BC_IS_EXERCISE_EDITOR (self));

  gtk_text_buffer_set_text (self->steps_buffer, steps ? steps : "", -1);
  gtk_text_buffer_set_text (self->cautions_buffer, cautions ? cautions : "", -1);
}

/**
 * bc_exercise_editor_set_image_file:
 *
 * Reads @file as the exercise's image. A file that is too large, is not
 * a PNG, JPEG or SVG image, or cannot be read is refused: the message is
 * shown under the image and returned, and the image stays as it was.
 */
gboolean
bc_exercise_editor_set_image_file (BcExerciseEditor  *self,
                                   GFile             *file,
                                   GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *display_name = NULL;

  g_return_val_if_fail (BC_IS_EXERCISE_EDITOR (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  display_name = g_file_get_basename (file);
  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME ","
                            G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info != NULL)
    {
      g_free (display_name);
      display_name = g_strdup (g_file_info_get_display_name (info));

      if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
        g_set_error (&local_error, BC_EXERCISE_EDITOR_ERROR, BC_EXERCISE_EDITOR_ERROR_WRONG_TYPE,
                     _("“%s” is not a PNG, JPEG or SVG image."), display_name);
      /* Refuse a large file before reading it. */
      else if (g_file_info_get_size (info) > BC_EXERCISE_IMAGE_MAX_BYTES)
        g_set_error (&local_error, BC_EXERCISE_EDITOR_ERROR, BC_EXERCISE_EDITOR_ERROR_TOO_LARGE,
                     _("“%s” is larger than 4 MiB. Choose a smaller image."), display_name);
      else
        bytes = g_file_load_bytes (file, NULL, NULL, &local_error);
    }

  if (local_error != NULL && local_error->domain != BC_EXERCISE_EDITOR_ERROR)
    {
      g_autofree char *message = NULL;

      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        message = g_strdup_printf (_("“%s” could not be found. It may have been moved or deleted."),
                                   display_name);
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
        message = g_strdup_printf (_("You are not allowed to read “%s”."), display_name);
      else
        message = g_strdup_printf (_("Could not read “%s”: %s"), display_name,
                                   local_error->message);

      g_clear_error (&local_error);
      g_set_error_literal (&local_error, BC_EXERCISE_EDITOR_ERROR,
                           BC_EXERCISE_EDITOR_ERROR_UNREADABLE, message);
    }

  if (local_error == NULL)
    set_image_bytes (self, bytes, display_name, &local_error);

  show_message (self->image_error, local_error ? local_error->message : NULL);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

void
bc_exercise_editor_remove_image (BcExerciseEditor *self)
{
  g_return_if_fail (BC_IS_EXERCISE_EDITOR (self));

  show_image (self, NULL, NULL, NULL);
  show_message (self->image_error, NULL);
}

GBytes *
bc_exercise_editor_get_image (BcExerciseEditor *self)
{
  g_return_val_if_fail (BC_IS_EXERCISE_EDITOR (self), NULL);

  return self->image;
}

/* What the last refused image was told, or %NULL. */
const char *
bc_exercise_editor_get_image_error (BcExerciseEditor *self)
{
  g_return_val_if_fail (BC_IS_EXERCISE_EDITOR (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->image_error))
         ? gtk_label_get_label (self->image_error) : NULL;
}

/* Why Save is off, or %NULL when the form can be saved. */
const char *
bc_exercise_editor_get_error (BcExerciseEditor *self)
{
  g_return_val_if_fail (BC_IS_EXERCISE_EDITOR (self), NULL);

  return self->error;
}

/* Saves inside one transaction; on failure the catalog is read back from
 * the database, so it never shows what was not stored.
 */
static gboolean
store (BcExerciseEditor     *self,
       const BcExerciseData *data,
       GError              **error)
{
  g_autoptr(GError) reload_error = NULL;

  if (!bc_database_begin (self->db, error))
    return FALSE;

  if (bc_exercise_catalog_put_custom (self->catalog, self->db, data, error) &&
      bc_database_commit (self->db, error))
    return TRUE;

  bc_database_rollback (self->db);
  if (!bc_exercise_catalog_reload_custom (self->catalog, self->db, &reload_error))
    g_message ("Could not reload the user's exercises: %s", reload_error->message);
  return FALSE;
}

/* Returns FALSE and keeps the editor open while something is missing or
 * out of range, or when the database refuses; nothing is stored then.
 */
gboolean
bc_exercise_editor_save (BcExerciseEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *ref = NULL;
  g_autofree char *name = NULL;
  g_autofree char *muscles = NULL;
  g_autofree char *position = NULL;
  g_autofree char *equipment = NULL;
  g_auto(GStrv) steps = NULL;
  g_auto(GStrv) cautions = NULL;
  BcExerciseData data = { 0 };
  BcExercise *exercise;

  g_return_val_if_fail (BC_IS_EXERCISE_EDITOR (self), FALSE);

  self->name_touched = TRUE;
  self->steps_touched = TRUE;
  validate (self);
  if (self->error != NULL)
    return FALSE;

  if (self->ref != NULL)
    ref = g_strdup (self->ref);
  else
    {
      g_autofree char *uuid = g_uuid_string_random ();

      ref = g_strconcat (BC_EXERCISE_REF_CUSTOM, uuid, NULL);
    }

  name = dup_name (self);
  muscles = dup_entry (self->muscles_row);
  position = dup_entry (self->position_row);
  equipment = dup_entry (self->equipment_row);
  steps = dup_lines (self->steps_buffer);
  cautions = dup_lines (self->cautions_buffer);

  data.ref = ref;
  data.name = name;
  data.category = adw_combo_row_get_selected (self->category_row);
  data.muscles = muscles;
  data.position = position;
  data.equipment = equipment;
  data.per_side = gtk_switch_get_active (self->per_side_switch);
  read_dosage (self, &data.dosage, &data.days_per_week);
  data.steps = (const char * const *)steps;
  data.cautions = (const char * const *)cautions;
  data.easier_ref = self->easier_ref;
  data.harder_ref = self->harder_ref;
  data.image = self->image;
  data.image_mime_type = self->image ? self->image_mime_type : NULL;
  data.based_on_ref = self->based_on_ref;

  if (!store (self, &data, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The exercise could not be saved: %s"),
                                                  error->message);

      show_message (self->save_error, message);
      /* The message is at the top of the form. */
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
      g_free (self->error);
      self->error = g_steal_pointer (&message);
      return FALSE;
    }

  /* Saving again from here now updates the same exercise. */
  g_free (self->ref);
  self->ref = g_steal_pointer (&ref);
  self->mode = MODE_EDIT;

  exercise = bc_exercise_catalog_lookup (self->catalog, self->ref);
  g_signal_emit (self, signals[SAVED], 0, exercise);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}
