/* bc-pain-log-page.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bc-pain-log-page"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "bc-toast.h"
#include "bc-application.h"
#include "bc-pain-csv.h"
#include "bc-pain-entry-dialog.h"
#include "bc-pain-chart-toolbar.h"
#include "bc-pain-log-page.h"
#include "bc-pain-store.h"
#include "bc-psfs-card.h"
#include "bc-window.h"

/* The Pain Log page: the chart (added by BcPainChart into chart_box),
 * the PSFS card, and the log itself, newest first, grouped by day and
 * searchable by note. The log is read from sqlite a page at a time as
 * the list is scrolled towards its end, so years of hourly entries
 * never become one widget (or one object) per stored entry.
 */

/* Load the next page this far (in pixels) before the end is reached. */
#define LOAD_AHEAD 600

#define ENTRY_ID_KEY "bc-entry-id"
#define RED_FLAG_KEY "bc-red-flag"
#define REMOVED_ENTRY_KEY "bc-removed-entry"

struct _BcPainLogPage
{
  AdwBin                parent_instance;

  GtkStack             *stack;
  GtkScrolledWindow    *scrolled;
  GtkBox               *chart_box;
  BcPsfsCard           *psfs_card;
  GtkLabel             *count_label;
  GtkSearchEntry       *search_entry;
  GtkLabel             *no_match_label;
  GtkBox               *days_box;
  GtkWidget            *more_button;

  char                 *query;
  guint                 n_matching;
  /* The rows and day headings made so far, in order; the list boxes
   * own them.
   */
  GPtrArray            *rows;
  GPtrArray            *day_labels;
  char                 *last_day;
  GtkListBox           *last_list;
  char                 *today;
  char                 *yesterday;

  gboolean              connected;
  gboolean              dirty;
  guint                 check_scroll_id;

  GtkWindow            *open_dialog;
  GtkFileChooserNative *chooser;
  GBytes               *pending_import;
  BcPainEntry          *removed_entry;
};

G_DEFINE_FINAL_TYPE (BcPainLogPage, bc_pain_log_page, ADW_TYPE_BIN)

static BcApplication *
get_application (void)
{
  GApplication *app = g_application_get_default ();

  return BC_IS_APPLICATION (app) ? BC_APPLICATION (app) : NULL;
}

static BcDatabase *
get_database (void)
{
  BcApplication *app = get_application ();

  return app ? bc_application_get_database (app) : NULL;
}

static gint64
get_profile_id (void)
{
  return bc_application_get_profile_id (get_application ());
}

static GtkWindow *
get_window (BcPainLogPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
dialog_destroyed_cb (BcPainLogPage *self)
{
  self->open_dialog = NULL;
}

static void
present_dialog (BcPainLogPage *self,
                GtkWindow     *dialog)
{
  self->open_dialog = dialog;
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (dialog_destroyed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (dialog);
}

/* Rows */

static char *
join_labels (char * const *codes,
             const char   *separator)
{
  g_autoptr(GString) str = g_string_new (NULL);

  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      const char *label = bc_pain_code_get_label (codes[i]);

      if (str->len > 0)
        g_string_append (str, separator);
      g_string_append (str, label ? label : codes[i]);
    }

  return g_string_free (g_steal_pointer (&str), FALSE);
}

static char *
describe_nerve_symptoms (const BcPainEntry *entry)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  if (entry->numbness)
    g_ptr_array_add (parts, (gpointer)_("numbness"));
  if (entry->tingling)
    g_ptr_array_add (parts, (gpointer)_("tingling"));
  if (entry->radiating)
    g_ptr_array_add (parts, (gpointer)_("pain spreading down a leg or an arm"));
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (", ", (char **)parts->pdata);
}

static char *
describe_entry (const BcPainEntry *entry)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *qualities = join_labels (entry->qualities, ", ");
  g_autofree char *helped = join_labels (entry->helped, ", ");
  g_autofree char *details = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  if (qualities[0] != '\0')
    g_ptr_array_add (parts, g_steal_pointer (&qualities));
  if (helped[0] != '\0')
    /* Translators: what eased the pain, e.g. "Helped: Heat, Rest" */
    g_ptr_array_add (parts, g_strdup_printf (_("Helped: %s"), helped));
  if (entry->sleep != BC_PAIN_SLEEP_UNKNOWN)
    /* Translators: the night's sleep, e.g. "Sleep: Poor" */
    g_ptr_array_add (parts, g_strdup_printf (_("Sleep: %s"),
                                             bc_pain_code_get_label (
                                               bc_pain_sleep_to_string (entry->sleep))));
  g_ptr_array_add (parts, NULL);
  details = g_strjoinv (" · ", (char **)parts->pdata);

  g_string_append (text, details);
  if (entry->note != NULL && entry->note[0] != '\0')
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, entry->note);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
row_activated_cb (AdwActionRow  *row,
                  BcPainLogPage *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), ENTRY_ID_KEY);

  bc_pain_log_page_edit_entry (self, *id);
}

static GtkWidget *
create_entry_row (BcPainLogPage     *self,
                  const BcPainEntry *entry)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *intensity, *menu_button;
  g_autoptr(GDateTime) when = bc_pain_entry_dup_date_time (entry);
  g_autofree char *time_text = when ? g_date_time_format (when, "%H:%M") : g_strdup ("");
  g_autofree char *areas = join_labels (entry->areas, "; ");
  g_autofree char *title = NULL;
  g_autofree char *subtitle = describe_entry (entry);
  g_autofree char *intensity_name = NULL;
  g_autofree char *menu_name = NULL;
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) edit = g_menu_item_new (_("_Edit…"), NULL);
  g_autoptr(GMenuItem) delete = g_menu_item_new (_("_Delete"), NULL);

  /* Translators: an entry's title: its time and the body areas */
  title = areas[0] != '\0' ? g_strdup_printf (_("%s · %s"), time_text, areas)
                           : g_strdup (time_text);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_signal_connect_object (row, "activated", G_CALLBACK (row_activated_cb), self, 0);

  {
    g_autofree char *number = g_strdup_printf ("%d", entry->intensity);

    intensity = gtk_label_new (number);
  }
  /* Translators: the pain rating of an entry, for screen readers and as a tooltip */
  intensity_name = g_strdup_printf (_("Pain %d of 10"), entry->intensity);
  gtk_label_set_width_chars (GTK_LABEL (intensity), 2);
  gtk_widget_add_css_class (intensity, "title-2");
  gtk_widget_add_css_class (intensity, "numeric");
  gtk_widget_set_valign (intensity, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (intensity, intensity_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (intensity),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, intensity_name, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), intensity);

  if (bc_pain_entry_has_red_flag (entry))
    {
      GtkWidget *flag = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      g_autofree char *symptoms = describe_nerve_symptoms (entry);
      /* Translators: a warning icon's tooltip and name, e.g. "Nerve symptoms: tingling" */
      g_autofree char *flag_name = g_strdup_printf (_("Nerve symptoms: %s"), symptoms);

      gtk_widget_add_css_class (flag, "warning");
      gtk_widget_set_tooltip_text (flag, flag_name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (flag),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, flag_name, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), flag);
    }

  g_menu_item_set_action_and_target (edit, "pain.edit-entry", "x", entry->id);
  g_menu_item_set_action_and_target (delete, "pain.delete-entry", "x", entry->id);
  g_menu_append_item (menu, edit);
  g_menu_append_item (menu, delete);
  menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), G_MENU_MODEL (menu));
  gtk_widget_set_valign (menu_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (menu_button, "flat");
  gtk_widget_set_tooltip_text (menu_button, _("Edit or Delete"));
  /* Translators: a menu button's name for screen readers, e.g. "Actions for the entry at 08:15" */
  menu_name = g_strdup_printf (_("Actions for the entry at %s"), time_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, menu_name, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), menu_button);

  g_object_set_data_full (G_OBJECT (row), ENTRY_ID_KEY, g_memdup2 (&entry->id, sizeof (gint64)),
                          g_free);
  g_object_set_data (G_OBJECT (row), RED_FLAG_KEY,
                     GINT_TO_POINTER (bc_pain_entry_has_red_flag (entry)));

  return row;
}

static char *
format_day_title (BcPainLogPage *self,
                  const char    *day)
{
  int year, month, mday;
  g_autoptr(GDateTime) date = NULL;
  g_autoptr(GDateTime) now = NULL;

  if (g_strcmp0 (day, self->today) == 0)
    return g_strdup (_("Today"));
  if (g_strcmp0 (day, self->yesterday) == 0)
    return g_strdup (_("Yesterday"));

  if (sscanf (day, "%4d-%2d-%2d", &year, &month, &mday) != 3 ||
      (date = g_date_time_new_local (year, month, mday, 12, 0, 0)) == NULL)
    return g_strdup (day);

  now = g_date_time_new_now_local ();
  if (g_date_time_get_year (now) == year)
    /* Translators: a day heading in the pain log, see g_date_time_format() */
    return g_date_time_format (date, _("%A, %-d %B"));

  /* Translators: a day heading in the pain log for another year */
  return g_date_time_format (date, _("%A, %-d %B %Y"));
}

static void
start_day (BcPainLogPage *self,
           char          *day)
{
  g_autofree char *title = format_day_title (self, day);
  GtkWidget *section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading, *list;

  heading = g_object_new (GTK_TYPE_LABEL,
                          "label", title,
                          "xalign", 0.0f,
                          "wrap", TRUE,
                          "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                          NULL);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (section), heading);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_box_append (GTK_BOX (section), list);

  gtk_box_append (self->days_box, section);
  g_ptr_array_add (self->day_labels, heading);
  g_free (self->last_day);
  self->last_day = day;
  self->last_list = GTK_LIST_BOX (list);
}

static void
append_entries (BcPainLogPage *self,
                GPtrArray     *entries)
{
  for (guint i = 0; i < entries->len; i++)
    {
      const BcPainEntry *entry = g_ptr_array_index (entries, i);
      char *day = bc_pain_entry_dup_day (entry);
      GtkWidget *row;

      if (g_strcmp0 (day, self->last_day) != 0)
        start_day (self, day);
      else
        g_free (day);

      row = create_entry_row (self, entry);
      gtk_list_box_append (self->last_list, row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
clear_list (BcPainLogPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->days_box))) != NULL)
    gtk_box_remove (self->days_box, child);

  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->day_labels, 0);
  g_clear_pointer (&self->last_day, g_free);
  self->last_list = NULL;
}

static void
update_more (BcPainLogPage *self)
{
  gtk_widget_set_visible (self->more_button, self->rows->len < self->n_matching);
}

/* Reads the next @limit entries after those shown. */
static gboolean
load_rows (BcPainLogPage *self,
           guint          limit)
{
  BcDatabase *db = get_database ();
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  if (db == NULL)
    return FALSE;

  entries = bc_pain_store_list_page (db, get_profile_id (), self->query, self->rows->len, limit,
                                     &error);
  if (entries == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The pain log could not be read: %s"),
                                                  error->message);

      bc_toast_show_text (GTK_WIDGET (self), message, TRUE);
      return FALSE;
    }

  append_entries (self, entries);
  update_more (self);
  return entries->len > 0;
}

static void
update_counts (BcPainLogPage *self,
               guint          n_all)
{
  g_autofree char *count = NULL;

  if (self->query == NULL)
    count = g_strdup_printf (g_dngettext (NULL, "%u entry", "%u entries", n_all), n_all);
  else
    /* Translators: entries whose note matches the search, e.g. "3 of 120 entries" */
    count = g_strdup_printf (g_dngettext (NULL, "%u of %u entry", "%u of %u entries", n_all),
                             self->n_matching, n_all);
  gtk_label_set_label (self->count_label, count);

  gtk_widget_set_visible (GTK_WIDGET (self->no_match_label),
                          self->query != NULL && self->n_matching == 0);
  if (self->query != NULL && self->n_matching == 0)
    {
      /* Translators: %s is what was searched for */
      g_autofree char *text = g_strdup_printf (_("No notes contain “%s”."), self->query);

      gtk_label_set_label (self->no_match_label, text);
    }
}

/* Shows the first @n_wanted matching entries (at least a page), read
 * again from the database.
 */
static void
refill (BcPainLogPage *self,
        guint          n_wanted)
{
  BcDatabase *db = get_database ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  g_autoptr(GError) error = NULL;
  guint n_all;

  self->dirty = FALSE;
  if (db == NULL)
    return;

  g_free (self->today);
  self->today = g_date_time_format (now, "%Y-%m-%d");
  g_free (self->yesterday);
  self->yesterday = g_date_time_format (yesterday, "%Y-%m-%d");

  n_all = bc_pain_store_count (db, get_profile_id (), NULL, &error);
  if (error == NULL && self->query != NULL)
    self->n_matching = bc_pain_store_count (db, get_profile_id (), self->query, &error);
  else
    self->n_matching = n_all;
  if (error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The pain log could not be read: %s"),
                                                  error->message);

      bc_toast_show_text (GTK_WIDGET (self), message, TRUE);
      return;
    }

  clear_list (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pain.export-csv", n_all > 0);

  if (n_all == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      update_more (self);
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "log");
  update_counts (self, n_all);
  if (self->n_matching > 0)
    load_rows (self, MAX (n_wanted, BC_PAIN_LOG_PAGE_SIZE));
  update_more (self);
  bc_psfs_card_reload (self->psfs_card);
}

/**
 * bc_pain_log_page_reload:
 *
 * Reads the log again, keeping as many entries shown as before (at
 * least a page), so an edit or a delete does not lose the place.
 */
void
bc_pain_log_page_reload (BcPainLogPage *self)
{
  guint n_shown;

  g_return_if_fail (BC_IS_PAIN_LOG_PAGE (self));

  n_shown = self->rows->len;
  refill (self, (n_shown + BC_PAIN_LOG_PAGE_SIZE - 1) / BC_PAIN_LOG_PAGE_SIZE
                * BC_PAIN_LOG_PAGE_SIZE);
}

/* Paging as the list is scrolled */

static void
maybe_load_more (BcPainLogPage *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled);
  double page_size = gtk_adjustment_get_page_size (adjustment);
  double end = gtk_adjustment_get_value (adjustment) + page_size;

  /* Unmapped or not yet allocated, the adjustment says nothing. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self->scrolled)) || page_size <= 0 ||
      self->rows->len >= self->n_matching)
    return;

  if (end >= gtk_adjustment_get_upper (adjustment) - LOAD_AHEAD)
    load_rows (self, BC_PAIN_LOG_PAGE_SIZE);
}

static gboolean
check_scroll_cb (gpointer user_data)
{
  BcPainLogPage *self = user_data;

  self->check_scroll_id = 0;
  maybe_load_more (self);
  return G_SOURCE_REMOVE;
}

/* After the scroll or the layout settles, never inside it. */
static void
adjustment_changed_cb (BcPainLogPage *self)
{
  if (self->check_scroll_id == 0)
    self->check_scroll_id = g_idle_add (check_scroll_cb, self);
}

gboolean
bc_pain_log_page_load_more (BcPainLogPage *self)
{
  g_return_val_if_fail (BC_IS_PAIN_LOG_PAGE (self), FALSE);

  if (self->rows->len >= self->n_matching)
    return FALSE;

  return load_rows (self, BC_PAIN_LOG_PAGE_SIZE);
}

static void
load_more_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  bc_pain_log_page_load_more (BC_PAIN_LOG_PAGE (widget));
}

static void
search_changed_cb (BcPainLogPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *query = g_strstrip (g_strdup (text));

  if (g_strcmp0 (query[0] != '\0' ? query : NULL, self->query) == 0)
    return;

  g_clear_pointer (&self->query, g_free);
  if (query[0] != '\0')
    self->query = g_steal_pointer (&query);

  /* A new search starts at the newest entries again. */
  refill (self, BC_PAIN_LOG_PAGE_SIZE);
}

/* Entries: new, edit, delete */

void
bc_pain_log_page_log_pain (BcPainLogPage *self)
{
  BcApplication *app = get_application ();

  g_return_if_fail (BC_IS_PAIN_LOG_PAGE (self));

  if (app == NULL || bc_application_get_database (app) == NULL)
    return;

  present_dialog (self, GTK_WINDOW (bc_pain_entry_dialog_new (get_window (self), app, NULL)));
}

void
bc_pain_log_page_edit_entry (BcPainLogPage *self,
                             gint64         entry_id)
{
  BcApplication *app = get_application ();
  g_autoptr(BcPainEntry) entry = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (BC_IS_PAIN_LOG_PAGE (self));

  if (get_database () == NULL)
    return;

  entry = bc_pain_store_get (get_database (), get_profile_id (), entry_id, &error);
  if (entry == NULL)
    {
      bc_toast_show_text (GTK_WIDGET (self), error->message, TRUE);
      return;
    }

  present_dialog (self, GTK_WINDOW (bc_pain_entry_dialog_new (get_window (self), app, entry)));
}

static void
edit_entry_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  bc_pain_log_page_edit_entry (BC_PAIN_LOG_PAGE (widget), g_variant_get_int64 (parameter));
}

static gboolean
restore_entry (BcPainLogPage     *self,
               const BcPainEntry *removed)
{
  g_autoptr(BcPainEntry) entry = bc_pain_entry_copy (removed);
  g_autoptr(GError) error = NULL;

  /* Added again as a new entry: the same values, a new id. */
  entry->id = 0;
  if (bc_pain_store_add (get_database (), get_profile_id (), entry, &error) == 0)
    {
      g_autofree char *message = g_strdup_printf (_("The entry could not be restored: %s"),
                                                  error->message);

      bc_toast_show_text (GTK_WIDGET (self), message, TRUE);
      return FALSE;
    }

  bc_application_data_changed (get_application ());
  return TRUE;
}

void
bc_pain_log_page_undo_delete (BcPainLogPage *self)
{
  g_return_if_fail (BC_IS_PAIN_LOG_PAGE (self));

  if (self->removed_entry == NULL || get_database () == NULL)
    return;

  restore_entry (self, self->removed_entry);
  g_clear_pointer (&self->removed_entry, bc_pain_entry_free);
}

/* Each toast undoes its own deletion, whichever came later. */
static void
undo_toast_cb (AdwToast      *toast,
               BcPainLogPage *self)
{
  BcPainEntry *removed = g_object_steal_data (G_OBJECT (toast), REMOVED_ENTRY_KEY);

  if (removed == NULL || get_database () == NULL)
    {
      bc_pain_entry_free (removed);
      return;
    }

  if (self->removed_entry != NULL && self->removed_entry->id == removed->id)
    g_clear_pointer (&self->removed_entry, bc_pain_entry_free);
  restore_entry (self, removed);
  bc_pain_entry_free (removed);
}

gboolean
bc_pain_log_page_delete_entry (BcPainLogPage *self,
                               gint64         entry_id)
{
  BcDatabase *db = get_database ();
  g_autoptr(BcPainEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *time_text = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  g_return_val_if_fail (BC_IS_PAIN_LOG_PAGE (self), FALSE);

  if (db == NULL)
    return FALSE;

  entry = bc_pain_store_get (db, get_profile_id (), entry_id, &error);
  if (entry == NULL || !bc_pain_store_delete (db, get_profile_id (), entry_id, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The entry could not be deleted: %s"),
                                                  error->message);

      bc_toast_show_text (GTK_WIDGET (self), message, TRUE);
      return FALSE;
    }

  when = bc_pain_entry_dup_date_time (entry);
  /* Translators: the time of a deleted entry, see g_date_time_format() */
  time_text = g_date_time_format (when, _("%-d %B, %H:%M"));
  /* Translators: %s is when the deleted entry was logged */
  title = g_strdup_printf (_("Entry of %s deleted"), time_text);
  toast = bc_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), REMOVED_ENTRY_KEY, bc_pain_entry_copy (entry),
                          (GDestroyNotify)bc_pain_entry_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_toast_cb), self, 0);

  g_clear_pointer (&self->removed_entry, bc_pain_entry_free);
  self->removed_entry = g_steal_pointer (&entry);

  bc_application_data_changed (get_application ());
  bc_toast_show (GTK_WIDGET (self), toast);
  return TRUE;
}

static void
delete_entry_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  bc_pain_log_page_delete_entry (BC_PAIN_LOG_PAGE (widget), g_variant_get_int64 (parameter));
}

/* CSV import and export */

static void
show_file_error (BcPainLogPage *self,
                 const char    *heading,
                 GFile         *file,
                 const char    *message,
                 const char    *footer)
{
  g_autofree char *basename = g_file_get_basename (file);
  GtkWidget *dialog = adw_message_dialog_new (get_window (self), heading, NULL);

  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s\n\n%s%s%s", basename, message,
                                  footer ? "\n\n" : "", footer ? footer : "");
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  present_dialog (self, GTK_WINDOW (dialog));
}

static void
import_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    BcPainLogPage    *self)
{
  g_autoptr(GBytes) bytes = g_steal_pointer (&self->pending_import);
  GFile *file = g_object_get_data (G_OBJECT (dialog), "bc-file");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint imported = 0, skipped = 0;

  if (!g_str_equal (response, "import") || bytes == NULL || get_database () == NULL)
    return;

  if (!bc_pain_csv_import (get_database (), get_profile_id (), bytes, &imported, &skipped,
                           &error))
    {
      show_file_error (self, _("The Pain Log Could Not Be Imported"), file, error->message,
                       _("Nothing was imported."));
      return;
    }

  if (skipped > 0)
    /* Translators: the first %u is entries added, the second entries already there */
    text = g_strdup_printf (g_dngettext (NULL, "%u entry imported, %u already in the log",
                                         "%u entries imported, %u already in the log",
                                         imported),
                            imported, skipped);
  else
    text = g_strdup_printf (g_dngettext (NULL, "%u entry imported", "%u entries imported",
                                         imported),
                            imported);

  bc_application_data_changed (get_application ());
  bc_toast_show (GTK_WIDGET (self), bc_toast_new (text));
}

/**
 * bc_pain_log_page_preview_import:
 *
 * Checks @file first: a file that cannot be imported gets a message
 * naming the line at fault; a good one a question naming how many
 * entries go to which profile. Nothing is written before the answer.
 */
void
bc_pain_log_page_preview_import (BcPainLogPage *self,
                                 GFile         *file)
{
  BcApplication *app = get_application ();
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *profile = NULL;
  GtkWidget *dialog;
  guint n_rows = 0;

  g_return_if_fail (BC_IS_PAIN_LOG_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  if (app == NULL || get_database () == NULL)
    return;

  /* The size first, so a huge file is never read. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, NULL, &error);
  if (info != NULL && g_file_info_get_size (info) > BC_PAIN_CSV_MAX_SIZE)
    g_set_error (&error, BC_PAIN_CSV_ERROR, BC_PAIN_CSV_ERROR_TOO_LARGE,
                 _("The file is larger than %d MiB, too large for a pain log."),
                 BC_PAIN_CSV_MAX_SIZE / (1024 * 1024));
  else if (info != NULL)
    bytes = g_file_load_bytes (file, NULL, NULL, &error);
  if (bytes != NULL)
    bc_pain_csv_check (bytes, &n_rows, &error);

  if (error != NULL)
    {
      show_file_error (self, _("This Pain Log Cannot Be Imported"), file, error->message,
                       _("Nothing was imported."));
      return;
    }

  profile = bc_application_dup_profile_name (app);
  dialog = adw_message_dialog_new (get_window (self), _("Import Pain Log?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  g_dngettext (NULL,
                                               "%u entry from “%s” will be added to the pain "
                                               "log of the profile “%s”. Entries already in "
                                               "the log are left out.",
                                               "%u entries from “%s” will be added to the pain "
                                               "log of the profile “%s”. Entries already in "
                                               "the log are left out.",
                                               n_rows),
                                  n_rows, basename, profile ? profile : "");
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "import", _("_Import"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "import");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "import", n_rows > 0);

  g_clear_pointer (&self->pending_import, g_bytes_unref);
  self->pending_import = g_steal_pointer (&bytes);
  g_object_set_data_full (G_OBJECT (dialog), "bc-file", g_object_ref (file), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (import_response_cb), self, 0);
  present_dialog (self, GTK_WINDOW (dialog));
}

static GtkFileFilter *
csv_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");
  return filter;
}

static void
import_chooser_cb (GtkNativeDialog *chooser,
                   int              response,
                   BcPainLogPage   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      bc_pain_log_page_preview_import (self, file);
    }

  g_clear_object (&self->chooser);
}

static void
import_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  BcPainLogPage *self = BC_PAIN_LOG_PAGE (widget);

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Import Pain Log"), get_window (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), NULL);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), csv_filter ());
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (import_chooser_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Writes the whole log to @file, or leaves an existing file as it was. */
gboolean
bc_pain_log_page_export_csv (BcPainLogPage  *self,
                             GFile          *file,
                             GError        **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;

  g_return_val_if_fail (BC_IS_PAIN_LOG_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (get_database () == NULL)
    return FALSE;

  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, error);
  if (stream == NULL)
    return FALSE;

  if (!bc_pain_csv_export (get_database (), get_profile_id (), G_OUTPUT_STREAM (stream), error))
    {
      g_autoptr(GCancellable) cancelled = g_cancellable_new ();

      /* Closing cancelled drops the half-written file. */
      g_cancellable_cancel (cancelled);
      g_output_stream_close (G_OUTPUT_STREAM (stream), cancelled, NULL);
      return FALSE;
    }

  return g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error);
}

static void
export_chooser_cb (GtkNativeDialog *chooser,
                   int              response,
                   BcPainLogPage   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;

      if (!bc_pain_log_page_export_csv (self, file, &error))
        show_file_error (self, _("The Pain Log Could Not Be Exported"), file,
                         error ? error->message : _("The data is not open."), NULL);
      else
        bc_toast_show (GTK_WIDGET (self), bc_toast_new (_("Pain log exported")));
    }

  g_clear_object (&self->chooser);
}

static void
export_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  BcPainLogPage *self = BC_PAIN_LOG_PAGE (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  /* Translators: the suggested file name of an exported pain log; %s is today's date */
  g_autofree char *name = g_strdup_printf (_("pain-log-%s.csv"), today);

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Export Pain Log"), get_window (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), csv_filter ());
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (export_chooser_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Lifetime */

static void
data_changed_cb (BcPainLogPage *self)
{
  /* Hidden, the page reads the log again only when it is shown. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    bc_pain_log_page_reload (self);
  else
    self->dirty = TRUE;
}

static void
bc_pain_log_page_map (GtkWidget *widget)
{
  BcPainLogPage *self = BC_PAIN_LOG_PAGE (widget);
  BcApplication *app = get_application ();

  GTK_WIDGET_CLASS (bc_pain_log_page_parent_class)->map (widget);

  if (app != NULL && !self->connected)
    {
      g_signal_connect_object (app, "data-changed", G_CALLBACK (data_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (app, "notify::database", G_CALLBACK (data_changed_cb), self,
                               G_CONNECT_SWAPPED);
      self->connected = TRUE;
      self->dirty = TRUE;
    }

  /* The day may have changed too: "Today" and "Yesterday" move on. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

    if (self->dirty || g_strcmp0 (self->today, today) != 0)
      bc_pain_log_page_reload (self);
  }
}

static void
bc_pain_log_page_dispose (GObject *object)
{
  BcPainLogPage *self = BC_PAIN_LOG_PAGE (object);

  g_clear_handle_id (&self->check_scroll_id, g_source_remove);
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->pending_import, g_bytes_unref);
  g_clear_pointer (&self->removed_entry, bc_pain_entry_free);

  /* AdwBin unparents its child itself; the template needs no dispose. */
  G_OBJECT_CLASS (bc_pain_log_page_parent_class)->dispose (object);
}

static void
bc_pain_log_page_finalize (GObject *object)
{
  BcPainLogPage *self = BC_PAIN_LOG_PAGE (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->day_labels, g_ptr_array_unref);
  g_free (self->query);
  g_free (self->last_day);
  g_free (self->today);
  g_free (self->yesterday);

  G_OBJECT_CLASS (bc_pain_log_page_parent_class)->finalize (object);
}

static void
bc_pain_log_page_class_init (BcPainLogPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bc_pain_log_page_dispose;
  object_class->finalize = bc_pain_log_page_finalize;
  widget_class->map = bc_pain_log_page_map;

  g_type_ensure (BC_TYPE_PSFS_CARD);
  g_type_ensure (BC_TYPE_PAIN_CHART);
  g_type_ensure (BC_TYPE_PAIN_CHART_TOOLBAR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/BackCare/bc-pain-log-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BcPainLogPage, stack);
  gtk_widget_class_bind_template_child (widget_class, BcPainLogPage, scrolled);
  gtk_widget_class_bind_template_child (widget_class, BcPainLogPage, chart_box);
  gtk_widget_class_bind_template_child (widget_class, BcPainLogPage, psfs_card);
  gtk_widget_class_bind_template_child (widget_class, BcPainLogPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, BcPainLogPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BcPainLogPage, no_match_label);
  gtk_widget_class_bind_template_child (widget_class, BcPainLogPage, days_box);
  gtk_widget_class_bind_template_child (widget_class, BcPainLogPage, more_button);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);

  gtk_widget_class_install_action (widget_class, "pain.edit-entry", "x", edit_entry_action);
  gtk_widget_class_install_action (widget_class, "pain.delete-entry", "x", delete_entry_action);
  gtk_widget_class_install_action (widget_class, "pain.load-more", NULL, load_more_action);
  gtk_widget_class_install_action (widget_class, "pain.import-csv", NULL, import_csv_action);
  gtk_widget_class_install_action (widget_class, "pain.export-csv", NULL, export_csv_action);
}

static void
bc_pain_log_page_init (BcPainLogPage *self)
{
  GtkAdjustment *adjustment;

  self->rows = g_ptr_array_new ();
  self->day_labels = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled);
  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (adjustment_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (adjustment, "changed", G_CALLBACK (adjustment_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pain.export-csv", FALSE);
}

/* The dialog the page has open (entry, import, error), if any. */
GtkWindow *
bc_pain_log_page_get_open_dialog (BcPainLogPage *self)
{
  g_return_val_if_fail (BC_IS_PAIN_LOG_PAGE (self), NULL);

  return self->open_dialog;
}

/* Where the pain chart goes, above the PSFS card. */
GtkBox *
bc_pain_log_page_get_chart_box (BcPainLogPage *self)
{
  g_return_val_if_fail (BC_IS_PAIN_LOG_PAGE (self), NULL);

  return self->chart_box;
}

BcPsfsCard *
bc_pain_log_page_get_psfs_card (BcPainLogPage *self)
{
  g_return_val_if_fail (BC_IS_PAIN_LOG_PAGE (self), NULL);

  return self->psfs_card;
}

guint
bc_pain_log_page_get_n_rows (BcPainLogPage *self)
{
  g_return_val_if_fail (BC_IS_PAIN_LOG_PAGE (self), 0);

  return self->rows->len;
}

guint
bc_pain_log_page_get_n_days (BcPainLogPage *self)
{
  g_return_val_if_fail (BC_IS_PAIN_LOG_PAGE (self), 0);

  return self->day_labels->len;
}

guint
bc_pain_log_page_get_n_matching (BcPainLogPage *self)
{
  g_return_val_if_fail (BC_IS_PAIN_LOG_PAGE (self), 0);

  return self->n_matching;
}

const char *
bc_pain_log_page_get_day_title (BcPainLogPage *self,
                                guint          index)
{
  g_return_val_if_fail (BC_IS_PAIN_LOG_PAGE (self), NULL);
  g_return_val_if_fail (index < self->day_labels->len, NULL);

  return gtk_label_get_label (g_ptr_array_index (self->day_labels, index));
}

gint64
bc_pain_log_page_get_entry_id (BcPainLogPage *self,
                               guint          position)
{
  gint64 *id;

  g_return_val_if_fail (BC_IS_PAIN_LOG_PAGE (self), 0);
  g_return_val_if_fail (position < self->rows->len, 0);

  id = g_object_get_data (g_ptr_array_index (self->rows, position), ENTRY_ID_KEY);
  return *id;
}

gboolean
bc_pain_log_page_get_row_red_flag (BcPainLogPage *self,
                                   guint          position)
{
  g_return_val_if_fail (BC_IS_PAIN_LOG_PAGE (self), FALSE);
  g_return_val_if_fail (position < self->rows->len, FALSE);

  return GPOINTER_TO_INT (g_object_get_data (g_ptr_array_index (self->rows, position),
                                             RED_FLAG_KEY));
}

/* Searches as typing into the search entry does, without its delay. */
void
bc_pain_log_page_set_search (BcPainLogPage *self,
                             const char    *text)
{
  g_return_if_fail (BC_IS_PAIN_LOG_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  search_changed_cb (self);
}
