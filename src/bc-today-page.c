/* bc-today-page.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bc-today-page"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-application.h"
#include "bc-library-dialog.h"
#include "bc-plan-store.h"
#include "bc-session-store.h"
#include "bc-today-page.h"

/* Today: the exercises of the active plan due today, what is done, the
 * streak and the week so far, and the way into a guided session. It
 * reads the active plan and today's records only.
 */

/* 48 px high, as the illustrations are 4:3. */
#define ILLUSTRATION_WIDTH 64

struct _BcTodayPage
{
  AdwBin               parent_instance;

  GtkStack            *stack;
  GtkLabel            *date_label;
  GtkLabel            *streak_label;
  GtkLabel            *week_label;
  GtkLevelBar         *week_bar;
  GtkButton           *start_button;
  GtkLabel            *note_label;
  AdwPreferencesGroup *exercises_group;
  GtkListBox          *exercise_list;

  gboolean             connected;
  guint                n_exercises;
  guint                n_done;
};

G_DEFINE_FINAL_TYPE (BcTodayPage, bc_today_page, ADW_TYPE_BIN)

static BcApplication *
get_application (BcTodayPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *app = NULL;

  if (GTK_IS_WINDOW (root))
    app = gtk_window_get_application (GTK_WINDOW (root));

  return BC_IS_APPLICATION (app) ? BC_APPLICATION (app) : NULL;
}

/* The same picture as on the Plan page, so an exercise looks the same
 * everywhere; an exercise the catalog does not know gets the app icon.
 */
static GtkWidget *
create_illustration (BcExercise *exercise)
{
  GtkWidget *image;

  if (exercise != NULL)
    return bc_exercise_picture_new (exercise, ILLUSTRATION_WIDTH);

  image = gtk_image_new_from_icon_name ("org.example.BackCare-symbolic");
  gtk_image_set_pixel_size (GTK_IMAGE (image), ILLUSTRATION_WIDTH * 3 / 4);
  gtk_widget_set_size_request (image, ILLUSTRATION_WIDTH, -1);
  return image;
}

static GtkWidget *
create_row (BcPlanItem *item,
            BcExercise *exercise,
            gboolean    done)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *dosage = bc_dosage_format_short (bc_plan_item_get_dosage (item));
  const char *name = exercise ? bc_exercise_get_name (exercise) : _("Unknown exercise");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), dosage);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), create_illustration (exercise));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  if (done)
    {
      GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

      gtk_widget_add_css_class (check, "success");
      gtk_widget_set_tooltip_text (check, _("Done today"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Done today"), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), check);
    }

  return row;
}

static void
clear_list (BcTodayPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->exercise_list))) != NULL)
    gtk_list_box_remove (self->exercise_list, child);
}

static void
show_empty (BcTodayPage *self)
{
  clear_list (self);
  self->n_exercises = 0;
  self->n_done = 0;
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
update_header (BcTodayPage *self,
               GDateTime   *now,
               guint        streak,
               double       week)
{
  /* Translators: the date under "Today", see g_date_time_format() */
  g_autofree char *date = g_date_time_format (now, _("%A, %-d %B"));
  g_autofree char *streak_text = NULL;
  g_autofree char *week_text = NULL;

  gtk_label_set_label (self->date_label, date);

  if (streak == 0)
    streak_text = g_strdup (_("No streak yet"));
  else
    /* Translators: days in a row on which every exercise due was done */
    streak_text = g_strdup_printf (g_dngettext (NULL, "%u-day streak", "%u-day streak", streak),
                                   streak);
  gtk_label_set_label (self->streak_label, streak_text);

  /* Translators: the share of this week's exercises done so far; a
   * no-break space keeps the number and the sign together.
   */
  week_text = g_strdup_printf (_("This week: %d %%"), (int)(week * 100.0 + 0.5));
  gtk_label_set_label (self->week_label, week_text);
  gtk_level_bar_set_value (self->week_bar, CLAMP (week, 0.0, 1.0));
}

static void
update_start (BcTodayPage *self)
{
  const char *note = NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->start_button), self->n_exercises > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->exercises_group), self->n_exercises > 0);

  if (self->n_exercises == 0)
    note = _("Rest day — nothing is planned for today.");
  else if (self->n_done == self->n_exercises)
    note = _("Everything planned for today is done. Well done!");

  gtk_label_set_label (self->note_label, note ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), note != NULL);
}

/**
 * bc_today_page_reload:
 *
 * Reads the active plan and today's records again.
 */
void
bc_today_page_reload (BcTodayPage *self)
{
  BcApplication *app;
  BcDatabase *db;
  BcExerciseCatalog *catalog;
  g_autoptr(BcPlan) plan = NULL;
  g_autoptr(GHashTable) done = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = NULL;
  GListModel *items;
  gint64 profile_id;
  guint streak;
  double week;

  g_return_if_fail (BC_IS_TODAY_PAGE (self));

  app = get_application (self);
  db = app ? bc_application_get_database (app) : NULL;
  if (db == NULL)
    {
      show_empty (self);
      return;
    }

  catalog = bc_application_get_catalog (app);
  profile_id = bc_application_get_profile_id (app);
  now = g_date_time_new_now_local ();
  today = g_date_time_format (now, "%Y-%m-%d");

  plan = bc_plan_store_load_active (db, profile_id, &error);
  if (plan != NULL)
    done = bc_session_store_done_on_day (db, profile_id, today, &error);
  if (error != NULL)
    g_message ("Today's plan could not be read: %s", error->message);
  if (plan == NULL || done == NULL)
    {
      show_empty (self);
      return;
    }

  /* Errors here only leave the figures at zero. */
  streak = bc_session_store_streak (db, profile_id, plan, now, NULL);
  week = bc_session_store_week_completion (db, profile_id, plan, now, NULL);

  clear_list (self);
  self->n_exercises = 0;
  self->n_done = 0;

  items = G_LIST_MODEL (bc_plan_get_items (plan));
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(BcPlanItem) item = g_list_model_get_item (items, i);
      const char *ref = bc_plan_item_get_exercise_ref (item);
      BcExercise *exercise = catalog ? bc_exercise_catalog_lookup (catalog, ref) : NULL;
      gboolean is_done;

      if (!bc_days_contains_date (bc_plan_item_get_dosage (item)->days, now))
        continue;

      is_done = g_hash_table_contains (done, ref);
      gtk_list_box_append (self->exercise_list, create_row (item, exercise, is_done));
      self->n_exercises++;
      if (is_done)
        self->n_done++;
    }

  update_header (self, now, streak, week);
  update_start (self);
  gtk_stack_set_visible_child_name (self->stack, "plan");
}

static void
data_changed_cb (BcTodayPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    bc_today_page_reload (self);
}

/* The application is only known once the page is in a window that has
 * one, so the page connects when it is first shown. Showing it again
 * reloads: the day may have changed meanwhile.
 */
static void
bc_today_page_map (GtkWidget *widget)
{
  BcTodayPage *self = BC_TODAY_PAGE (widget);
  BcApplication *app;

  GTK_WIDGET_CLASS (bc_today_page_parent_class)->map (widget);

  app = get_application (self);
  if (app != NULL && !self->connected)
    {
      g_signal_connect_object (app, "data-changed",
                               G_CALLBACK (data_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (app, "notify::database",
                               G_CALLBACK (data_changed_cb), self, G_CONNECT_SWAPPED);
      self->connected = TRUE;
    }

  bc_today_page_reload (self);
}

static void
bc_today_page_dispose (GObject *object)
{
  /* AdwBin unparents its child itself; disposing the template as well
   * would unparent it twice.
   */
  G_OBJECT_CLASS (bc_today_page_parent_class)->dispose (object);
}

static void
bc_today_page_class_init (BcTodayPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bc_today_page_dispose;
  widget_class->map = bc_today_page_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/BackCare/bc-today-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BcTodayPage, stack);
  gtk_widget_class_bind_template_child (widget_class, BcTodayPage, date_label);
  gtk_widget_class_bind_template_child (widget_class, BcTodayPage, streak_label);
  gtk_widget_class_bind_template_child (widget_class, BcTodayPage, week_label);
  gtk_widget_class_bind_template_child (widget_class, BcTodayPage, week_bar);
  gtk_widget_class_bind_template_child (widget_class, BcTodayPage, start_button);
  gtk_widget_class_bind_template_child (widget_class, BcTodayPage, note_label);
  gtk_widget_class_bind_template_child (widget_class, BcTodayPage, exercises_group);
  gtk_widget_class_bind_template_child (widget_class, BcTodayPage, exercise_list);
}

static void
bc_today_page_init (BcTodayPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

gboolean
bc_today_page_get_has_plan (BcTodayPage *self)
{
  g_return_val_if_fail (BC_IS_TODAY_PAGE (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "plan") == 0;
}

guint
bc_today_page_get_n_exercises (BcTodayPage *self)
{
  g_return_val_if_fail (BC_IS_TODAY_PAGE (self), 0);

  return self->n_exercises;
}

guint
bc_today_page_get_n_done (BcTodayPage *self)
{
  g_return_val_if_fail (BC_IS_TODAY_PAGE (self), 0);

  return self->n_done;
}

const char *
bc_today_page_get_streak_text (BcTodayPage *self)
{
  g_return_val_if_fail (BC_IS_TODAY_PAGE (self), NULL);

  return gtk_label_get_label (self->streak_label);
}

const char *
bc_today_page_get_week_text (BcTodayPage *self)
{
  g_return_val_if_fail (BC_IS_TODAY_PAGE (self), NULL);

  return gtk_label_get_label (self->week_label);
}
