/* bc-ics.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bc-ics"

#include "config.h"

#include <glib/gi18n.h>
#include <libical/ical.h>
#include <string.h>

#include "bc-ics.h"

/* Everything iCalendar goes through libical; this file only maps its
 * components to appointments and back. A series is exported as one
 * VEVENT with RRULE, an EXDATE for every cancelled or missing
 * occurrence and an override (RECURRENCE-ID) for every occurrence that
 * differs from the first, so an import rebuilds the same rows.
 */

G_DEFINE_QUARK (bc-ics-error-quark, bc_ics_error)

#define PRODID "-//BackCare//BackCare 0.1//EN"
#define MAX_OCCURRENCES 520

G_DEFINE_AUTOPTR_CLEANUP_FUNC (icalcomponent, icalcomponent_free)

/* ---------------------------------------------------------------- zones */

static icaltimezone *
system_zone (const char *tzid)
{
  if (tzid == NULL || *tzid == '\0')
    return NULL;
  if (g_str_equal (tzid, "UTC") || g_str_equal (tzid, "Etc/UTC"))
    return icaltimezone_get_utc_timezone ();
  return icaltimezone_get_builtin_timezone (tzid);
}

/* Outlook names its zones the Windows way; the zone itself comes from
 * the file, this only picks the name the appointment keeps.
 */
static const struct
{
  const char *windows;
  const char *iana;
} windows_zones[] = {
  { "Eastern Standard Time", "America/New_York" },
  { "Central Standard Time", "America/Chicago" },
  { "Mountain Standard Time", "America/Denver" },
  { "Pacific Standard Time", "America/Los_Angeles" },
  { "GMT Standard Time", "Europe/London" },
  { "W. Europe Standard Time", "Europe/Berlin" },
  { "Romance Standard Time", "Europe/Paris" },
  { "Central Europe Standard Time", "Europe/Budapest" },
  { "Central European Standard Time", "Europe/Warsaw" },
  { "AUS Eastern Standard Time", "Australia/Sydney" },
  { "Tokyo Standard Time", "Asia/Tokyo" },
};

/* The name an imported appointment keeps for its zone. */
static char *
zone_name_for (icalcomponent *root,
               const char    *tzid)
{
  icaltimezone *zone;
  const char *location;

  if (system_zone (tzid) != NULL)
    return g_strdup (tzid);

  zone = icalcomponent_get_timezone (root, tzid);
  location = zone != NULL ? icaltimezone_get_location (zone) : NULL;
  if (location != NULL && system_zone (location) != NULL)
    return g_strdup (location);

  for (gsize i = 0; i < G_N_ELEMENTS (windows_zones); i++)
    if (g_ascii_strcasecmp (tzid, windows_zones[i].windows) == 0)
      return g_strdup (windows_zones[i].iana);

  /* Evolution's old prefixed names: "/freeassociation.sourceforge.net/Europe/Berlin". */
  if (tzid[0] == '/')
    {
      const char *p = strchr (tzid + 1, '/');

      if (p != NULL && system_zone (p + 1) != NULL)
        return g_strdup (p + 1);
    }

  return g_strdup ("UTC");
}

/* The file's own VTIMEZONE first, then the system's. */
static icaltimezone *
resolve_zone (icalcomponent *root,
              const char    *tzid)
{
  icaltimezone *zone = icalcomponent_get_timezone (root, tzid);
  g_autofree char *name = NULL;

  if (zone != NULL)
    return zone;
  zone = system_zone (tzid);
  if (zone != NULL)
    return zone;
  name = zone_name_for (root, tzid);
  return system_zone (name);
}

/* ---------------------------------------------------------------- export */

static void
add_x (icalcomponent *comp,
       const char    *name,
       const char    *value)
{
  icalproperty *prop;

  if (value == NULL || *value == '\0')
    return;
  prop = icalproperty_new_x (value);
  icalproperty_set_x_name (prop, name);
  icalcomponent_add_property (comp, prop);
}

static void
add_x_int (icalcomponent *comp,
           const char    *name,
           gint64         value)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, value);

  add_x (comp, name, text);
}

static icalproperty *
with_zone (icalproperty *prop,
           icaltimezone *zone,
           const char   *tzid)
{
  if (zone != icaltimezone_get_utc_timezone ())
    icalproperty_add_parameter (prop, icalparameter_new_tzid (tzid));
  return prop;
}

static struct icaltimetype
time_in (gint64        time,
         icaltimezone *zone)
{
  return icaltime_from_timet_with_zone ((time_t) time, 0, zone);
}

static icalcomponent *
new_alarm (const char *trigger,
           const char *description)
{
  icalcomponent *alarm = icalcomponent_new_valarm ();
  struct icaltriggertype t = { 0 };

  t.time = icaltime_null_time ();
  t.duration = icaldurationtype_from_string (trigger);
  icalcomponent_add_property (alarm, icalproperty_new_action (ICAL_ACTION_DISPLAY));
  icalcomponent_add_property (alarm, icalproperty_new_trigger (t));
  icalcomponent_add_property (alarm, icalproperty_new_description (description));
  return alarm;
}

static icalcomponent *
new_event (const BcAppointment *a,
           icaltimezone        *zone,
           const char          *tzid,
           gint64               dtstart,
           gint64               recurrence_id)
{
  icalcomponent *event = icalcomponent_new_vevent ();
  const char *label = bc_appointment_code_get_label (a->modality);
  g_autofree char *summary = g_strdup_printf (_("Massage: %s"),
                                              label ? label : a->modality);
  g_autoptr(GString) description = g_string_new (NULL);

  icalcomponent_add_property (event, icalproperty_new_uid (a->uid));
  /* Derived from the data, so exporting the same data gives the same bytes. */
  icalcomponent_add_property (event, icalproperty_new_dtstamp (
                                time_in (dtstart, icaltimezone_get_utc_timezone ())));
  icalcomponent_add_property (event, with_zone (icalproperty_new_dtstart (time_in (dtstart, zone)),
                                                zone, tzid));
  if (recurrence_id != 0)
    icalcomponent_add_property (event, with_zone (icalproperty_new_recurrenceid (
                                                    time_in (recurrence_id, zone)), zone, tzid));
  icalcomponent_add_property (event, icalproperty_new_duration (
                                icaldurationtype_from_int (a->duration_minutes * 60)));
  icalcomponent_add_property (event, icalproperty_new_summary (summary));
  if (a->location && *a->location)
    icalcomponent_add_property (event, icalproperty_new_location (a->location));

  if (a->therapist && *a->therapist)
    g_string_append_printf (description, _("Therapist: %s\n"), a->therapist);
  if (a->phone && *a->phone)
    g_string_append_printf (description, _("Phone: %s\n"), a->phone);
  if (a->notes && *a->notes)
    g_string_append_printf (description, "%s%s", description->len ? "\n" : "", a->notes);
  if (description->len > 0)
    icalcomponent_add_property (event, icalproperty_new_description (description->str));

  icalcomponent_add_property (event, icalproperty_new_status (
                                g_strcmp0 (a->status, "cancelled") == 0
                                ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED));

  add_x (event, "X-BACKCARE-MODALITY", a->modality);
  add_x (event, "X-BACKCARE-THERAPIST", a->therapist);
  add_x (event, "X-BACKCARE-PHONE", a->phone);
  add_x (event, "X-BACKCARE-NOTES", a->notes);
  add_x_int (event, "X-BACKCARE-COST", a->cost_cents);
  add_x (event, "X-BACKCARE-CURRENCY", a->currency);
  add_x (event, "X-BACKCARE-INSURANCE", a->insurance);
  if (a->pain_before >= 0)
    add_x_int (event, "X-BACKCARE-PAIN-BEFORE", a->pain_before);
  if (a->pain_after >= 0)
    add_x_int (event, "X-BACKCARE-PAIN-AFTER", a->pain_after);
  add_x (event, "X-BACKCARE-STATUS", a->status);

  icalcomponent_add_component (event, new_alarm ("-P1D", summary));
  icalcomponent_add_component (event, new_alarm ("-PT1H", summary));
  return event;
}

/* Same content apart from where the row sits in the series. */
static gboolean
same_fields (const BcAppointment *a,
             const BcAppointment *b)
{
  return g_strcmp0 (a->tzid, b->tzid) == 0 &&
         a->duration_minutes == b->duration_minutes &&
         g_strcmp0 (a->modality, b->modality) == 0 &&
         g_strcmp0 (a->therapist, b->therapist) == 0 &&
         g_strcmp0 (a->location, b->location) == 0 &&
         g_strcmp0 (a->phone, b->phone) == 0 &&
         a->cost_cents == b->cost_cents &&
         g_strcmp0 (a->currency, b->currency) == 0 &&
         g_strcmp0 (a->insurance, b->insurance) == 0 &&
         g_strcmp0 (a->notes, b->notes) == 0 &&
         g_strcmp0 (a->status, b->status) == 0 &&
         a->pain_before == b->pain_before &&
         a->pain_after == b->pain_after;
}

static struct icalrecurrencetype
recurrence_for (const BcAppointmentRepeat *repeat)
{
  struct icalrecurrencetype recur;

  icalrecurrencetype_clear (&recur);
  recur.freq = ICAL_WEEKLY_RECURRENCE;
  recur.interval = (short) CLAMP (repeat->interval_weeks, 1, 52);
  if (repeat->count > 0)
    recur.count = repeat->count;
  else
    recur.until = icaltime_from_timet_with_zone ((time_t) repeat->until, 0,
                                                 icaltimezone_get_utc_timezone ());
  return recur;
}

/* The occurrences of @recur from @first, as unix times. */
static GArray *
expand (struct icalrecurrencetype recur,
        gint64                    first,
        icaltimezone             *zone,
        struct icaltimetype       dtstart)
{
  GArray *times = g_array_new (FALSE, FALSE, sizeof (gint64));
  icalrecur_iterator *it;
  struct icaltimetype next;
  gint64 until = 0;

  if (!icaltime_is_null_time (recur.until))
    until = icaltime_as_timet_with_zone (recur.until, recur.until.is_date
                                         ? zone : icaltimezone_get_utc_timezone ());
  if (recur.until.is_date)
    until += 24 * 3600 - 1;
  /* libical 3.0 compares a UTC UNTIL with local occurrence times; the
   * bound is applied here on real instants instead.
   */
  recur.until = icaltime_null_time ();

  it = icalrecur_iterator_new (recur, dtstart);
  if (it == NULL)
    return times;
  while (times->len < MAX_OCCURRENCES &&
         !icaltime_is_null_time (next = icalrecur_iterator_next (it)))
    {
      gint64 t = icaltime_as_timet_with_zone (next, zone);

      if (until != 0 && t > until)
        break;
      g_array_append_val (times, t);
    }
  icalrecur_iterator_free (it);
  (void) first;
  return times;
}

static gboolean
add_series (BcDatabase     *db,
            icalcomponent  *cal,
            GPtrArray      *rows,
            GHashTable     *tzids,
            GError        **error)
{
  BcAppointment *first = g_ptr_array_index (rows, 0);
  BcAppointment *template = NULL;
  BcAppointmentRepeat repeat = { 0 };
  icaltimezone *zone;
  const char *tzid;
  icalcomponent *master;
  struct icalrecurrencetype recur;
  g_autoptr(GArray) times = NULL;
  g_autoptr(GHashTable) kept = g_hash_table_new (g_int64_hash, g_int64_equal);

  if (!bc_appointment_store_get_repeat (db, first->series_id, &repeat, error))
    return FALSE;

  for (guint i = 0; i < rows->len && template == NULL; i++)
    {
      BcAppointment *a = g_ptr_array_index (rows, i);

      if (g_strcmp0 (a->status, "cancelled") != 0)
        template = a;
    }
  if (template == NULL)
    template = first;

  zone = system_zone (template->tzid);
  if (zone == NULL)
    zone = icaltimezone_get_utc_timezone ();
  tzid = zone == icaltimezone_get_utc_timezone () ? "UTC" : template->tzid;
  if (zone != icaltimezone_get_utc_timezone ())
    g_hash_table_add (tzids, g_strdup (tzid));

  master = new_event (template, zone, tzid, first->recurrence_time, 0);
  recur = recurrence_for (&repeat);
  icalcomponent_add_property (master, icalproperty_new_rrule (recur));
  icalcomponent_add_component (cal, master);

  for (guint i = 0; i < rows->len; i++)
    {
      BcAppointment *a = g_ptr_array_index (rows, i);

      if (g_strcmp0 (a->status, "cancelled") != 0)
        g_hash_table_insert (kept, &a->recurrence_time, a);
    }

  times = expand (recur, first->recurrence_time, zone, time_in (first->recurrence_time, zone));
  for (guint i = 0; i < times->len; i++)
    {
      gint64 t = g_array_index (times, gint64, i);

      if (!g_hash_table_contains (kept, &t))
        icalcomponent_add_property (master, with_zone (icalproperty_new_exdate (time_in (t, zone)),
                                                       zone, tzid));
    }

  for (guint i = 0; i < rows->len; i++)
    {
      BcAppointment *a = g_ptr_array_index (rows, i);
      gboolean in_rule = FALSE;

      if (g_strcmp0 (a->status, "cancelled") == 0)
        continue;
      for (guint j = 0; j < times->len && !in_rule; j++)
        in_rule = g_array_index (times, gint64, j) == a->recurrence_time;
      if (in_rule && a->starts_at == a->recurrence_time && same_fields (a, template))
        continue;
      icalcomponent_add_component (cal, new_event (a, zone, tzid, a->starts_at,
                                                   a->recurrence_time));
    }
  return TRUE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

GBytes *
bc_ics_export (BcDatabase  *db,
               gint64       profile_id,
               gint64       appointment_id,
               gint64       from,
               GError     **error)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GHashTable) tzids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) series_done = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) wanted_series = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(icalcomponent) cal = NULL;
  g_autoptr(icalcomponent) events = NULL;
  g_autofree char *text = NULL;
  g_autofree const char **names = NULL;
  icalcomponent *comp;
  guint n_names;
  gsize length;

  g_return_val_if_fail (BC_IS_DATABASE (db), NULL);

  all = bc_appointment_store_list (db, profile_id, G_MININT64, G_MAXINT64, error);
  if (all == NULL)
    return NULL;

  /* A series goes whole when any of its rows is wanted. */
  for (guint i = 0; i < all->len; i++)
    {
      BcAppointment *a = g_ptr_array_index (all, i);
      gboolean wanted = appointment_id != 0 ? a->id == appointment_id : a->starts_at >= from;

      if (wanted && a->series_id != 0)
        g_hash_table_add (wanted_series, &a->series_id);
    }

  cal = icalcomponent_new_vcalendar ();
  icalcomponent_add_property (cal, icalproperty_new_prodid (PRODID));
  icalcomponent_add_property (cal, icalproperty_new_version ("2.0"));
  events = icalcomponent_new_vcalendar ();

  for (guint i = 0; i < all->len; i++)
    {
      BcAppointment *a = g_ptr_array_index (all, i);

      if (a->series_id != 0)
        {
          g_autoptr(GPtrArray) rows = NULL;

          if (!g_hash_table_contains (wanted_series, &a->series_id) ||
              g_hash_table_contains (series_done, &a->series_id))
            continue;
          g_hash_table_add (series_done, &a->series_id);

          rows = g_ptr_array_new ();
          for (guint j = 0; j < all->len; j++)
            {
              BcAppointment *b = g_ptr_array_index (all, j);

              if (b->series_id == a->series_id)
                g_ptr_array_add (rows, b);
            }
          /* Oldest original start first: that is the series' DTSTART. */
          for (guint j = 1; j < rows->len; j++)
            for (guint k = j; k > 0 &&
                 ((BcAppointment *) rows->pdata[k - 1])->recurrence_time >
                 ((BcAppointment *) rows->pdata[k])->recurrence_time; k--)
              {
                gpointer tmp = rows->pdata[k];

                rows->pdata[k] = rows->pdata[k - 1];
                rows->pdata[k - 1] = tmp;
              }
          if (!add_series (db, events, rows, tzids, error))
            return NULL;
        }
      else if (appointment_id != 0 ? a->id == appointment_id : a->starts_at >= from)
        {
          icaltimezone *zone = system_zone (a->tzid);
          const char *tzid = a->tzid;

          if (zone == NULL || zone == icaltimezone_get_utc_timezone ())
            {
              zone = icaltimezone_get_utc_timezone ();
              tzid = "UTC";
            }
          else
            g_hash_table_add (tzids, g_strdup (tzid));
          icalcomponent_add_component (events, new_event (a, zone, tzid, a->starts_at, 0));
        }
    }

  if (appointment_id != 0 && icalcomponent_count_components (events, ICAL_VEVENT_COMPONENT) == 0)
    {
      g_set_error (error, BC_ICS_ERROR, BC_ICS_ERROR_INVALID,
                   _("There is no such appointment to export."));
      return NULL;
    }

  /* Every TZID written has its VTIMEZONE, sorted so the bytes are stable. */
  names = (const char **) g_hash_table_get_keys_as_array (tzids, &n_names);
  qsort (names, n_names, sizeof (char *), compare_strings);
  for (guint i = 0; i < n_names; i++)
    {
      icaltimezone *zone = system_zone (names[i]);
      icalcomponent *vtimezone = icalcomponent_new_clone (icaltimezone_get_component (zone));
      icalproperty *prop = icalcomponent_get_first_property (vtimezone, ICAL_TZID_PROPERTY);

      if (prop != NULL)
        icalproperty_set_tzid (prop, names[i]);
      else
        icalcomponent_add_property (vtimezone, icalproperty_new_tzid (names[i]));
      icalcomponent_add_component (cal, vtimezone);
    }

  while ((comp = icalcomponent_get_first_component (events, ICAL_ANY_COMPONENT)) != NULL)
    {
      icalcomponent_remove_component (events, comp);
      icalcomponent_add_component (cal, comp);
    }

  text = icalcomponent_as_ical_string_r (cal);
  length = strlen (text);
  return g_bytes_new_take (g_steal_pointer (&text), length);
}

/* ---------------------------------------------------------------- import */

typedef struct
{
  BcAppointment *appointment;
  gboolean       has_rule;
  BcAppointmentRepeat repeat;
  GArray        *times;     /* gint64 occurrences, when has_rule */
  GHashTable    *excluded;  /* gint64 * set of EXDATEs */
} Event;

static void
event_free (Event *event)
{
  g_clear_pointer (&event->appointment, bc_appointment_free);
  g_clear_pointer (&event->times, g_array_unref);
  g_clear_pointer (&event->excluded, g_hash_table_unref);
  g_free (event);
}

typedef struct
{
  char      *uid;
  Event     *master;
  GPtrArray *overrides;     /* Event * */
} Group;

static void
group_free (Group *group)
{
  g_free (group->uid);
  g_clear_pointer (&group->master, event_free);
  g_ptr_array_unref (group->overrides);
  g_free (group);
}

/* Cheap checks on the bytes before libical sees them: its parser is slow
 * on huge lines and trusts its input.
 */
static gboolean
check_limits (GBytes  *bytes,
              GError **error)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  const char *line = data, *end = data + size;
  guint n_events = 0;

  if (size > BC_ICS_MAX_SIZE)
    {
      g_set_error (error, BC_ICS_ERROR, BC_ICS_ERROR_TOO_LARGE,
                   _("The calendar file is larger than %d MiB."),
                   BC_ICS_MAX_SIZE / (1024 * 1024));
      return FALSE;
    }

  while (line < end)
    {
      const char *nl = memchr (line, '\n', end - line);
      gsize length = (nl ? nl : end) - line;

      if (length > BC_ICS_MAX_LINE)
        {
          g_set_error (error, BC_ICS_ERROR, BC_ICS_ERROR_TOO_LARGE,
                       _("The calendar file has a line longer than %d KiB."),
                       BC_ICS_MAX_LINE / 1024);
          return FALSE;
        }
      if (length >= 12 && g_ascii_strncasecmp (line, "BEGIN:VEVENT", 12) == 0 &&
          ++n_events > BC_ICS_MAX_EVENTS)
        {
          g_set_error (error, BC_ICS_ERROR, BC_ICS_ERROR_TOO_LARGE,
                       _("The calendar file has more than %d events."), BC_ICS_MAX_EVENTS);
          return FALSE;
        }
      line += length + 1;
    }

  if (memchr (data, '\0', size) != NULL || !g_utf8_validate (data, size, NULL))
    {
      g_set_error (error, BC_ICS_ERROR, BC_ICS_ERROR_MALFORMED,
                   _("The calendar file is not text in UTF-8."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
property_time (icalcomponent       *root,
               icalproperty        *prop,
               struct icaltimetype  t,
               gint64              *out_time,
               icaltimezone       **out_zone,
               char               **out_zone_name)
{
  icalparameter *param = icalproperty_get_first_parameter (prop, ICAL_TZID_PARAMETER);
  const char *tzid = param ? icalparameter_get_tzid (param) : NULL;
  icaltimezone *zone;
  g_autofree char *name = NULL;

  if (icaltime_is_null_time (t) || !icaltime_is_valid_time (t))
    return FALSE;

  if (tzid != NULL)
    {
      zone = resolve_zone (root, tzid);
      if (zone == NULL)
        return FALSE;
      name = zone_name_for (root, tzid);
    }
  else if (icaltime_is_utc (t))
    {
      zone = icaltimezone_get_utc_timezone ();
      name = g_strdup ("UTC");
    }
  else
    {
      /* Floating: the time on the user's wall clock. */
      g_autoptr(GTimeZone) local = g_time_zone_new_local ();

      name = g_strdup (g_time_zone_get_identifier (local));
      zone = system_zone (name);
      if (zone == NULL)
        {
          zone = icaltimezone_get_utc_timezone ();
          g_free (name);
          name = g_strdup ("UTC");
        }
    }

  *out_time = icaltime_as_timet_with_zone (t, zone);
  if (out_zone)
    *out_zone = zone;
  if (out_zone_name)
    *out_zone_name = g_steal_pointer (&name);
  return TRUE;
}

static gboolean
parse_int (const char *text,
           gint64      min,
           gint64      max,
           gint64     *out)
{
  return g_ascii_string_to_signed (text, 10, min, max, out, NULL);
}

static const char *
modality_for_summary (const char *summary)
{
  const char * const *codes = bc_appointment_modality_codes ();
  const char *fallback = codes[0];
  g_autofree char *folded = summary ? g_utf8_casefold (summary, -1) : NULL;

  /* Other calendars only have a title such as "Deep tissue massage". */
  for (gsize i = 0; codes[i] != NULL; i++)
    {
      const char *label = bc_appointment_code_get_label (codes[i]);
      g_autofree char *folded_label = label ? g_utf8_casefold (label, -1) : NULL;

      if (g_str_equal (codes[i], "other"))
        {
          fallback = codes[i];
          continue;
        }
      if (folded != NULL && folded_label != NULL && strstr (folded, folded_label) != NULL)
        return codes[i];
    }
  return fallback;
}

typedef enum
{
  PARSE_OK,
  PARSE_ALL_DAY,
  PARSE_UNSUPPORTED,
  PARSE_FAILED,
} ParseResult;

static ParseResult
parse_event (icalcomponent  *root,
             icalcomponent  *comp,
             Event         **out_event,
             GError        **error)
{
  g_autoptr(BcAppointment) a = bc_appointment_new ();
  g_autoptr(GError) local_error = NULL;
  Event *event;
  icalproperty *prop;
  icaltimezone *zone = NULL;
  struct icaltimetype dtstart;
  const char *uid = icalcomponent_get_uid (comp);
  gint64 duration = 3600;
  gboolean ours = FALSE, status_given = FALSE;
  const char *description = NULL;

  /* libical keeps going past a bad value and notes it as X-LIC-ERROR. */
  if (icalcomponent_count_errors (comp) > 0)
    {
      g_set_error (error, BC_ICS_ERROR, BC_ICS_ERROR_INVALID,
                   _("The event “%s” has a value that is not valid iCalendar."),
                   uid ? uid : "");
      return PARSE_FAILED;
    }
  if (uid == NULL || *uid == '\0')
    {
      g_set_error (error, BC_ICS_ERROR, BC_ICS_ERROR_INVALID, _("An event has no UID."));
      return PARSE_FAILED;
    }

  prop = icalcomponent_get_first_property (comp, ICAL_DTSTART_PROPERTY);
  dtstart = prop ? icalproperty_get_dtstart (prop) : icaltime_null_time ();
  /* libical reads "2026-13-45" as the date 20261345. */
  if (prop == NULL || dtstart.month < 1 || dtstart.month > 12 || dtstart.day < 1 ||
      dtstart.day > icaltime_days_in_month (dtstart.month, dtstart.year) ||
      dtstart.hour > 23 || dtstart.minute > 59 || dtstart.second > 60)
    {
      g_set_error (error, BC_ICS_ERROR, BC_ICS_ERROR_INVALID,
                   _("The event “%s” has no valid start time."), uid);
      return PARSE_FAILED;
    }
  if (dtstart.is_date)
    return PARSE_ALL_DAY;
  g_free (a->tzid);
  a->tzid = NULL;
  if (prop == NULL || !property_time (root, prop, dtstart, &a->starts_at, &zone, &a->tzid))
    {
      g_set_error (error, BC_ICS_ERROR, BC_ICS_ERROR_INVALID,
                   _("The event “%s” has no valid start time."), uid);
      return PARSE_FAILED;
    }

  g_free (a->uid);
  a->uid = g_strdup (uid);

  if ((prop = icalcomponent_get_first_property (comp, ICAL_DURATION_PROPERTY)) != NULL)
    duration = icaldurationtype_as_int (icalproperty_get_duration (prop));
  else if ((prop = icalcomponent_get_first_property (comp, ICAL_DTEND_PROPERTY)) != NULL)
    {
      gint64 end;

      if (!property_time (root, prop, icalproperty_get_dtend (prop), &end, NULL, NULL))
        {
          g_set_error (error, BC_ICS_ERROR, BC_ICS_ERROR_INVALID,
                       _("The event “%s” has no valid end time."), uid);
          return PARSE_FAILED;
        }
      duration = end - a->starts_at;
    }
  if (duration < 5 * 60 || duration > 600 * 60)
    return PARSE_UNSUPPORTED;
  a->duration_minutes = (int) (duration / 60);

  if ((prop = icalcomponent_get_first_property (comp, ICAL_LOCATION_PROPERTY)) != NULL)
    {
      g_free (a->location);
      a->location = g_strdup (icalproperty_get_location (prop));
    }
  if ((prop = icalcomponent_get_first_property (comp, ICAL_DESCRIPTION_PROPERTY)) != NULL)
    description = icalproperty_get_description (prop);
  g_free (a->modality);
  a->modality = g_strdup (modality_for_summary (icalcomponent_get_summary (comp)));
  if ((prop = icalcomponent_get_first_property (comp, ICAL_STATUS_PROPERTY)) != NULL)
    {
      g_free (a->status);
      a->status = g_strdup (icalproperty_get_status (prop) == ICAL_STATUS_CANCELLED
                            ? "cancelled" : "scheduled");
    }

  for (prop = icalcomponent_get_first_property (comp, ICAL_X_PROPERTY); prop != NULL;
       prop = icalcomponent_get_next_property (comp, ICAL_X_PROPERTY))
    {
      const char *name = icalproperty_get_x_name (prop);
      const char *value = icalproperty_get_x (prop);
      char **field = NULL;
      gint64 number = 0;
      gboolean ok = TRUE;

      if (name == NULL || value == NULL || !g_str_has_prefix (name, "X-BACKCARE-"))
        continue;
      ours = TRUE;
      name += strlen ("X-BACKCARE-");
      if (g_str_equal (name, "MODALITY"))
        field = &a->modality;
      else if (g_str_equal (name, "THERAPIST"))
        field = &a->therapist;
      else if (g_str_equal (name, "PHONE"))
        field = &a->phone;
      else if (g_str_equal (name, "NOTES"))
        field = &a->notes;
      else if (g_str_equal (name, "CURRENCY"))
        field = &a->currency;
      else if (g_str_equal (name, "INSURANCE"))
        field = &a->insurance;
      else if (g_str_equal (name, "STATUS"))
        field = &a->status, status_given = TRUE;
      else if (g_str_equal (name, "COST"))
        ok = parse_int (value, 0, G_MAXINT64 / 2, &a->cost_cents);
      else if (g_str_equal (name, "PAIN-BEFORE") && (ok = parse_int (value, 0, 10, &number)))
        a->pain_before = (int) number;
      else if (g_str_equal (name, "PAIN-AFTER") && (ok = parse_int (value, 0, 10, &number)))
        a->pain_after = (int) number;

      if (!ok)
        {
          g_set_error (error, BC_ICS_ERROR, BC_ICS_ERROR_INVALID,
                       _("The event “%s” has an invalid %s."), uid,
                       icalproperty_get_x_name (prop));
          return PARSE_FAILED;
        }
      if (field != NULL)
        {
          g_free (*field);
          *field = g_strdup (value);
        }
    }
  (void) status_given;
  if (!ours && description != NULL)
    {
      g_free (a->notes);
      a->notes = g_strdup (description);
    }

  event = g_new0 (Event, 1);
  *out_event = event;

  if ((prop = icalcomponent_get_first_property (comp, ICAL_RECURRENCEID_PROPERTY)) != NULL &&
      !property_time (root, prop, icalproperty_get_recurrenceid (prop), &a->recurrence_time,
                      NULL, NULL))
    {
      g_set_error (error, BC_ICS_ERROR, BC_ICS_ERROR_INVALID,
                   _("The event “%s” has an invalid RECURRENCE-ID."), uid);
      return PARSE_FAILED;
    }

  if ((prop = icalcomponent_get_first_property (comp, ICAL_RRULE_PROPERTY)) != NULL &&
      a->recurrence_time == 0)
    {
      struct icalrecurrencetype recur = icalproperty_get_rrule (prop);
      gboolean open_ended;

      if (recur.freq != ICAL_WEEKLY_RECURRENCE ||
          icalcomponent_get_next_property (comp, ICAL_RRULE_PROPERTY) != NULL ||
          recur.count > MAX_OCCURRENCES || recur.interval > 52 ||
          recur.by_month[0] != ICAL_RECURRENCE_ARRAY_MAX ||
          recur.by_month_day[0] != ICAL_RECURRENCE_ARRAY_MAX ||
          recur.by_set_pos[0] != ICAL_RECURRENCE_ARRAY_MAX ||
          (recur.by_day[0] != ICAL_RECURRENCE_ARRAY_MAX &&
           (recur.by_day[1] != ICAL_RECURRENCE_ARRAY_MAX ||
            (int) icalrecurrencetype_day_day_of_week (recur.by_day[0]) !=
            icaltime_day_of_week (dtstart))))
        return PARSE_UNSUPPORTED;

      open_ended = recur.count == 0 && icaltime_is_null_time (recur.until);

      event->has_rule = TRUE;
      event->repeat.interval_weeks = MAX (recur.interval, 1);
      event->repeat.count = recur.count;
      if (recur.count == 0 && !open_ended)
        event->repeat.until = icaltime_as_timet_with_zone (
          recur.until, recur.until.is_date ? zone : icaltimezone_get_utc_timezone ())
          + (recur.until.is_date ? 24 * 3600 - 1 : 0);
      /* No COUNT and no UNTIL: as many as a series may have (expand ()
       * stops at MAX_OCCURRENCES), kept as a series of that many.
       */
      event->times = expand (recur, a->starts_at, zone, dtstart);
      if (event->times->len == 0)
        return PARSE_UNSUPPORTED;
      if (open_ended)
        event->repeat.count = (int) event->times->len;

      event->excluded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      for (prop = icalcomponent_get_first_property (comp, ICAL_EXDATE_PROPERTY); prop != NULL;
           prop = icalcomponent_get_next_property (comp, ICAL_EXDATE_PROPERTY))
        {
          gint64 *t = g_new (gint64, 1);

          if (!property_time (root, prop, icalproperty_get_exdate (prop), t, NULL, NULL))
            {
              g_free (t);
              g_set_error (error, BC_ICS_ERROR, BC_ICS_ERROR_INVALID,
                           _("The event “%s” has an invalid EXDATE."), uid);
              return PARSE_FAILED;
            }
          g_hash_table_add (event->excluded, t);
        }
    }

  if (!bc_appointment_validate (a, &local_error))
    {
      g_set_error (error, BC_ICS_ERROR, BC_ICS_ERROR_INVALID,
                   _("The event “%s” is not a valid appointment: %s"), uid,
                   local_error->message);
      return PARSE_FAILED;
    }

  event->appointment = g_steal_pointer (&a);
  return PARSE_OK;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           column,
           const char   *text)
{
  sqlite3_bind_text (stmt, column, text ? text : "", -1, SQLITE_TRANSIENT);
}

/* Same UID and original start: the row is updated, else added. */
static gboolean
write_row (BcDatabase          *db,
           gint64               profile_id,
           const BcAppointment *a,
           BcIcsImportResult   *result,
           GError             **error)
{
  static const char *update_sql =
    "UPDATE appointments SET series_id = ?1, starts_at = ?2, tzid = ?3,"
    " duration_minutes = ?4, modality = ?5, therapist = ?6, location = ?7, phone = ?8,"
    " cost_cents = ?9, currency = ?10, insurance = ?11, notes = ?12, status = ?13,"
    " pain_before = ?14, pain_after = ?15"
    " WHERE profile_id = ?16 AND uid = ?17 AND recurrence_time = ?18";
  static const char *insert_sql =
    "INSERT INTO appointments (series_id, starts_at, tzid, duration_minutes, modality,"
    " therapist, location, phone, cost_cents, currency, insurance, notes, status,"
    " pain_before, pain_after, profile_id, uid, recurrence_time)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)";

  for (int pass = 0; pass < 2; pass++)
    {
      g_autoptr(sqlite3_stmt) stmt = bc_database_prepare (db, pass == 0 ? update_sql : insert_sql,
                                                         error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      if (a->series_id != 0)
        sqlite3_bind_int64 (stmt, 1, a->series_id);
      else
        sqlite3_bind_null (stmt, 1);
      sqlite3_bind_int64 (stmt, 2, a->starts_at);
      bind_text (stmt, 3, a->tzid);
      sqlite3_bind_int (stmt, 4, a->duration_minutes);
      bind_text (stmt, 5, a->modality);
      bind_text (stmt, 6, a->therapist);
      bind_text (stmt, 7, a->location);
      bind_text (stmt, 8, a->phone);
      sqlite3_bind_int64 (stmt, 9, a->cost_cents);
      bind_text (stmt, 10, a->currency);
      bind_text (stmt, 11, a->insurance ? a->insurance : "not-covered");
      bind_text (stmt, 12, a->notes);
      bind_text (stmt, 13, a->status ? a->status : "scheduled");
      if (a->pain_before >= 0)
        sqlite3_bind_int (stmt, 14, a->pain_before);
      else
        sqlite3_bind_null (stmt, 14);
      if (a->pain_after >= 0)
        sqlite3_bind_int (stmt, 15, a->pain_after);
      else
        sqlite3_bind_null (stmt, 15);
      sqlite3_bind_int64 (stmt, 16, profile_id);
      bind_text (stmt, 17, a->uid);
      sqlite3_bind_int64 (stmt, 18, a->recurrence_time);

      rc = sqlite3_step (stmt);
      if (rc != SQLITE_DONE)
        return bc_database_set_error (db, rc, error);
      if (sqlite3_changes (bc_database_get_handle (db)) > 0)
        {
          if (pass == 0)
            result->updated++;
          else
            result->added++;
          return TRUE;
        }
    }
  return TRUE;
}

static gint64
find_series (BcDatabase  *db,
             gint64       profile_id,
             const char  *uid,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    bc_database_prepare (db, "SELECT id FROM appointment_series WHERE profile_id = ? AND uid = ?",
                         error);
  int rc;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, profile_id);
  bind_text (stmt, 2, uid);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc != SQLITE_DONE)
    {
      bc_database_set_error (db, rc, error);
      return -1;
    }
  return 0;
}

static gboolean
write_series (BcDatabase         *db,
              gint64              profile_id,
              Group              *group,
              BcIcsImportResult  *result,
              GError            **error)
{
  Event *master = group->master;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) bc_appointment_free);
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) stale = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 series_id;
  int rc;

  series_id = find_series (db, profile_id, group->uid, error);
  if (series_id < 0)
    return FALSE;
  stmt = bc_database_prepare (db, series_id > 0
                              ? "UPDATE appointment_series SET interval_weeks = ?1, count = ?2,"
                                " until = ?3 WHERE id = ?4"
                              : "INSERT INTO appointment_series (interval_weeks, count, until,"
                                " profile_id, uid) VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, master->repeat.interval_weeks);
  if (master->repeat.count > 0)
    sqlite3_bind_int (stmt, 2, master->repeat.count);
  else
    sqlite3_bind_null (stmt, 2);
  if (master->repeat.count == 0)
    sqlite3_bind_int64 (stmt, 3, master->repeat.until);
  else
    sqlite3_bind_null (stmt, 3);
  sqlite3_bind_int64 (stmt, 4, series_id > 0 ? series_id : profile_id);
  if (series_id == 0)
    bind_text (stmt, 5, group->uid);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return bc_database_set_error (db, rc, error);
  if (series_id == 0)
    series_id = sqlite3_last_insert_rowid (bc_database_get_handle (db));
  g_clear_pointer (&stmt, sqlite3_finalize);

  for (guint i = 0; i < master->times->len; i++)
    {
      BcAppointment *row = bc_appointment_copy (master->appointment);
      gint64 t = g_array_index (master->times, gint64, i);

      row->starts_at = row->recurrence_time = t;
      if (g_hash_table_contains (master->excluded, &t))
        {
          g_free (row->status);
          row->status = g_strdup ("cancelled");
        }
      g_ptr_array_add (rows, row);
    }
  for (guint i = 0; i < group->overrides->len; i++)
    {
      Event *override = g_ptr_array_index (group->overrides, i);
      BcAppointment *row = bc_appointment_copy (override->appointment);
      guint j;

      for (j = 0; j < rows->len; j++)
        if (((BcAppointment *) rows->pdata[j])->recurrence_time == row->recurrence_time)
          break;
      if (j < rows->len)
        {
          bc_appointment_free (rows->pdata[j]);
          rows->pdata[j] = row;
        }
      else
        g_ptr_array_add (rows, row);
    }

  for (guint i = 0; i < rows->len; i++)
    {
      BcAppointment *row = g_ptr_array_index (rows, i);

      row->series_id = series_id;
      g_hash_table_add (wanted, &row->recurrence_time);
      if (!write_row (db, profile_id, row, result, error))
        return FALSE;
    }

  /* Occurrences the file no longer has. */
  stmt = bc_database_prepare (db, "SELECT recurrence_time FROM appointments WHERE series_id = ?",
                              error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, series_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 t = sqlite3_column_int64 (stmt, 0);

      if (!g_hash_table_contains (wanted, &t))
        g_array_append_val (stale, t);
    }
  if (rc != SQLITE_DONE)
    return bc_database_set_error (db, rc, error);
  g_clear_pointer (&stmt, sqlite3_finalize);

  for (guint i = 0; i < stale->len; i++)
    {
      stmt = bc_database_prepare (db, "DELETE FROM appointments WHERE series_id = ?"
                                  " AND recurrence_time = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, series_id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (stale, gint64, i));
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_DONE)
        return bc_database_set_error (db, rc, error);
      g_clear_pointer (&stmt, sqlite3_finalize);
    }
  return TRUE;
}

static gboolean
write_group (BcDatabase         *db,
             gint64              profile_id,
             Group              *group,
             BcIcsImportResult  *result,
             GError            **error)
{
  gint64 series_id;

  if (group->master != NULL && group->master->has_rule)
    return write_series (db, profile_id, group, result, error);

  if (group->master != NULL)
    {
      result->skipped_unsupported += group->overrides->len;
      return write_row (db, profile_id, group->master->appointment, result, error);
    }

  /* Only changed occurrences: they belong to a series imported before. */
  series_id = find_series (db, profile_id, group->uid, error);
  if (series_id < 0)
    return FALSE;
  for (guint i = 0; i < group->overrides->len; i++)
    {
      Event *override = g_ptr_array_index (group->overrides, i);

      override->appointment->series_id = series_id;
      if (!write_row (db, profile_id, override->appointment, result, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
collect_events (icalcomponent      *root,
                icalcomponent      *cal,
                GPtrArray          *groups,
                GHashTable         *by_uid,
                BcIcsImportResult  *result,
                GError            **error)
{
  icalcomponent *comp;

  for (comp = icalcomponent_get_first_component (cal, ICAL_ANY_COMPONENT); comp != NULL;
       comp = icalcomponent_get_next_component (cal, ICAL_ANY_COMPONENT))
    {
      icalcomponent_kind kind = icalcomponent_isa (comp);
      Event *event = NULL;
      Group *group;

      if (kind == ICAL_VTIMEZONE_COMPONENT)
        continue;
      if (kind != ICAL_VEVENT_COMPONENT)
        {
          result->skipped_unsupported++;
          continue;
        }

      switch (parse_event (root, comp, &event, error))
        {
        case PARSE_OK:
          break;
        case PARSE_ALL_DAY:
          result->skipped_all_day++;
          continue;
        case PARSE_UNSUPPORTED:
          g_clear_pointer (&event, event_free);
          result->skipped_unsupported++;
          continue;
        case PARSE_FAILED:
        default:
          g_clear_pointer (&event, event_free);
          return FALSE;
        }

      group = g_hash_table_lookup (by_uid, event->appointment->uid);
      if (group == NULL)
        {
          group = g_new0 (Group, 1);
          group->uid = g_strdup (event->appointment->uid);
          group->overrides = g_ptr_array_new_with_free_func ((GDestroyNotify) event_free);
          g_ptr_array_add (groups, group);
          g_hash_table_insert (by_uid, group->uid, group);
        }
      if (event->appointment->recurrence_time != 0)
        g_ptr_array_add (group->overrides, event);
      else
        {
          g_clear_pointer (&group->master, event_free);
          group->master = event;
        }
    }
  return TRUE;
}

gboolean
bc_ics_import (BcDatabase         *db,
               gint64              profile_id,
               GBytes             *bytes,
               BcIcsImportResult  *out_result,
               GError            **error)
{
  g_autoptr(icalcomponent) root = NULL;
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
  g_autoptr(GHashTable) by_uid = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;
  BcIcsImportResult result = { 0 };
  gsize size;
  const char *data;
  guint n_calendars = 0;

  g_return_val_if_fail (BC_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  if (!check_limits (bytes, error))
    return FALSE;

  data = g_bytes_get_data (bytes, &size);
  text = g_strndup (data != NULL ? data : "", size);
  if (text[strspn (text, " \t\r\n")] == '\0')
    {
      g_set_error (error, BC_ICS_ERROR, BC_ICS_ERROR_MALFORMED,
                   _("The calendar file is empty."));
      return FALSE;
    }
  root = icalparser_parse_string (text);
  icalerror_clear_errno ();

  if (root != NULL && icalcomponent_isa (root) == ICAL_VCALENDAR_COMPONENT)
    {
      n_calendars = 1;
      if (!collect_events (root, root, groups, by_uid, &result, error))
        return FALSE;
    }
  else if (root != NULL && icalcomponent_isa (root) == ICAL_XROOT_COMPONENT)
    {
      for (icalcomponent *cal = icalcomponent_get_first_component (root,
                                                                   ICAL_VCALENDAR_COMPONENT);
           cal != NULL; cal = icalcomponent_get_next_component (root, ICAL_VCALENDAR_COMPONENT))
        {
          n_calendars++;
          if (!collect_events (cal, cal, groups, by_uid, &result, error))
            return FALSE;
        }
    }

  if (n_calendars == 0)
    {
      g_set_error (error, BC_ICS_ERROR, BC_ICS_ERROR_MALFORMED,
                   _("This is not an iCalendar file."));
      return FALSE;
    }

  /* One transaction: everything or nothing. */
  if (!bc_database_begin (db, error))
    return FALSE;
  for (guint i = 0; i < groups->len; i++)
    if (!write_group (db, profile_id, g_ptr_array_index (groups, i), &result, &local_error))
      {
        bc_database_rollback (db);
        g_set_error (error, BC_ICS_ERROR, BC_ICS_ERROR_INVALID,
                     _("The appointments could not be saved: %s"), local_error->message);
        return FALSE;
      }
  if (!bc_database_commit (db, error))
    {
      bc_database_rollback (db);
      return FALSE;
    }

  if (out_result != NULL)
    *out_result = result;
  return TRUE;
}
