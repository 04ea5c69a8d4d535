/* bc-pain-entry.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bc-pain-entry"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bc-pain-store.h"

/* One pain log entry: its codes and their labels, and the rules every
 * stored entry keeps. Each entry carries the UTC offset it was logged
 * with; its day is the local day at that offset, so days stay what the
 * patient lived through whatever the time zone is now.
 */

G_DEFINE_QUARK (bc-pain-error-quark, bc_pain_error)

/* g_date_get_julian () of 1970-01-01. */
#define UNIX_EPOCH_JULIAN 719163
#define SECONDS_PER_DAY 86400
/* Local times from 1970-01-01T00:00:00 up to, not including, 2101. */
#define LOCAL_TIME_END G_GINT64_CONSTANT (4133980800)

static const char * const area_codes[] = {
  "lower-back-centre",
  "lower-back-left",
  "lower-back-right",
  "upper-back",
  "neck",
  "buttock-left",
  "buttock-right",
  "hip-left",
  "hip-right",
  "thigh-left",
  "thigh-right",
  "below-knee-left",
  "below-knee-right",
  NULL
};

static const char * const quality_codes[] = {
  "aching",
  "sharp",
  "burning",
  "stiffness",
  NULL
};

static const char * const helped_codes[] = {
  "exercise",
  "stretch",
  "massage",
  "heat",
  "medication",
  "rest",
  NULL
};

static const char * const sleep_codes[] = {
  [BC_PAIN_SLEEP_UNKNOWN] = "",
  [BC_PAIN_SLEEP_POOR] = "poor",
  [BC_PAIN_SLEEP_FAIR] = "fair",
  [BC_PAIN_SLEEP_GOOD] = "good",
};

static const struct
{
  const char *code;
  const char *context;
  const char *label;
} labels[] = {
  { "lower-back-centre", NULL, N_("Lower back, centre") },
  { "lower-back-left", NULL, N_("Lower back, left") },
  { "lower-back-right", NULL, N_("Lower back, right") },
  { "upper-back", NULL, N_("Upper back") },
  { "neck", NULL, N_("Neck") },
  { "buttock-left", NULL, N_("Buttock, left") },
  { "buttock-right", NULL, N_("Buttock, right") },
  { "hip-left", NULL, N_("Hip, left") },
  { "hip-right", NULL, N_("Hip, right") },
  { "thigh-left", NULL, N_("Thigh, left") },
  { "thigh-right", NULL, N_("Thigh, right") },
  { "below-knee-left", NULL, N_("Below the knee, left") },
  { "below-knee-right", NULL, N_("Below the knee, right") },
  { "aching", NULL, N_("Aching") },
  { "sharp", NULL, N_("Sharp") },
  { "burning", NULL, N_("Burning") },
  { "stiffness", NULL, N_("Stiffness") },
  { "exercise", NULL, N_("Exercise") },
  { "stretch", NULL, N_("Stretching") },
  { "massage", NULL, N_("Massage") },
  { "heat", NULL, N_("Heat") },
  { "medication", NULL, N_("Medication") },
  { "rest", NULL, N_("Rest") },
  { "poor", "sleep quality", NC_("sleep quality", "Poor") },
  { "fair", "sleep quality", NC_("sleep quality", "Fair") },
  { "good", "sleep quality", NC_("sleep quality", "Good") },
};

typedef enum
{
  CODE_AREA,
  CODE_QUALITY,
  CODE_HELPED,
} CodeKind;

const char * const *
bc_pain_area_codes (void)
{
  return area_codes;
}

const char * const *
bc_pain_quality_codes (void)
{
  return quality_codes;
}

const char * const *
bc_pain_helped_codes (void)
{
  return helped_codes;
}

/**
 * bc_pain_code_get_label:
 * @code: an area, quality, helped or sleep code
 *
 * Returns: (nullable): the code's label in the user's language, or
 *   %NULL when @code is not a known code
 */
const char *
bc_pain_code_get_label (const char *code)
{
  if (code == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      if (strcmp (labels[i].code, code) != 0)
        continue;

      if (labels[i].context != NULL)
        return g_dpgettext2 (NULL, labels[i].context, labels[i].label);
      return _(labels[i].label);
    }

  return NULL;
}

/* The code written to the database and to CSV: "" for unknown. */
const char *
bc_pain_sleep_to_string (BcPainSleep sleep)
{
  if ((guint)sleep >= G_N_ELEMENTS (sleep_codes))
    return NULL;

  return sleep_codes[sleep];
}

/* %NULL and "" read as unknown; anything else must be a sleep code. */
gboolean
bc_pain_sleep_from_string (const char  *str,
                           BcPainSleep *out_sleep)
{
  if (str == NULL)
    str = "";

  for (guint i = 0; i < G_N_ELEMENTS (sleep_codes); i++)
    {
      if (strcmp (sleep_codes[i], str) == 0)
        {
          if (out_sleep != NULL)
            *out_sleep = (BcPainSleep)i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * bc_pain_entry_new:
 *
 * A blank entry: time 0 (set it with bc_pain_entry_set_date_time ()),
 * intensity 0, empty code lists and an empty note.
 */
BcPainEntry *
bc_pain_entry_new (void)
{
  BcPainEntry *entry = g_new0 (BcPainEntry, 1);

  entry->areas = g_new0 (char *, 1);
  entry->qualities = g_new0 (char *, 1);
  entry->helped = g_new0 (char *, 1);
  entry->note = g_strdup ("");

  return entry;
}

BcPainEntry *
bc_pain_entry_copy (const BcPainEntry *entry)
{
  BcPainEntry *copy;

  g_return_val_if_fail (entry != NULL, NULL);

  copy = g_new0 (BcPainEntry, 1);
  *copy = *entry;
  copy->areas = g_strdupv (entry->areas);
  copy->qualities = g_strdupv (entry->qualities);
  copy->helped = g_strdupv (entry->helped);
  copy->note = g_strdup (entry->note);

  return copy;
}

void
bc_pain_entry_free (BcPainEntry *entry)
{
  if (entry == NULL)
    return;

  g_strfreev (entry->areas);
  g_strfreev (entry->qualities);
  g_strfreev (entry->helped);
  g_free (entry->note);
  g_free (entry);
}

gboolean
bc_pain_entry_has_red_flag (const BcPainEntry *entry)
{
  g_return_val_if_fail (entry != NULL, FALSE);

  return entry->numbness || entry->tingling || entry->radiating;
}

/* Sets the time and the offset of @time's own time zone. */
void
bc_pain_entry_set_date_time (BcPainEntry *entry,
                             GDateTime   *time)
{
  g_return_if_fail (entry != NULL);
  g_return_if_fail (time != NULL);

  entry->time = g_date_time_to_unix (time);
  entry->utc_offset = (int)(g_date_time_get_utc_offset (time) / G_TIME_SPAN_SECOND);
}

/* The entry's time at the UTC offset it was logged with. */
GDateTime *
bc_pain_entry_dup_date_time (const BcPainEntry *entry)
{
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) utc = NULL;

  g_return_val_if_fail (entry != NULL, NULL);

  zone = g_time_zone_new_offset (entry->utc_offset);
  utc = g_date_time_new_from_unix_utc (entry->time);
  if (utc == NULL)
    return NULL;

  return g_date_time_to_timezone (utc, zone);
}

/* @local_seconds: time + utc_offset, inside the validated range. */
static void
format_day (gint64 local_seconds,
            char   out_day[11])
{
  gint64 days = local_seconds / SECONDS_PER_DAY;
  GDate date;

  if (local_seconds < 0 && local_seconds % SECONDS_PER_DAY != 0)
    days--;

  g_date_clear (&date, 1);
  if (!g_date_valid_julian ((guint32)MAX (UNIX_EPOCH_JULIAN + days, 0)))
    {
      g_strlcpy (out_day, "0000-00-00", 11);
      return;
    }

  g_date_set_julian (&date, (guint32)(UNIX_EPOCH_JULIAN + days));
  g_snprintf (out_day, 11, "%04u-%02u-%02u",
              (guint)g_date_get_year (&date), (guint)g_date_get_month (&date),
              (guint)g_date_get_day (&date));
}

/* The local day, YYYY-MM-DD, the entry belongs to. */
char *
bc_pain_entry_dup_day (const BcPainEntry *entry)
{
  char day[11];

  g_return_val_if_fail (entry != NULL, NULL);

  format_day (entry->time + entry->utc_offset, day);
  return g_strdup (day);
}

static gboolean
is_known (const char * const *known,
          const char         *code)
{
  for (guint i = 0; known[i] != NULL; i++)
    {
      if (strcmp (known[i], code) == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
check_codes (char * const *codes,
             CodeKind      kind,
             GError      **error)
{
  const char * const *known = kind == CODE_AREA ? area_codes
                              : kind == CODE_QUALITY ? quality_codes : helped_codes;

  if (codes == NULL)
    return TRUE;

  for (guint i = 0; codes[i] != NULL; i++)
    {
      if (!is_known (known, codes[i]))
        {
          g_autofree char *shown = g_utf8_validate (codes[i], -1, NULL)
                                   ? g_utf8_substring (codes[i], 0, 40)
                                   : g_strdup ("?");

          if (kind == CODE_AREA)
            g_set_error (error, BC_PAIN_ERROR, BC_PAIN_ERROR_INVALID,
                         _("“%s” is not a known body area."), shown);
          else if (kind == CODE_QUALITY)
            g_set_error (error, BC_PAIN_ERROR, BC_PAIN_ERROR_INVALID,
                         _("“%s” is not a known kind of pain."), shown);
          else
            g_set_error (error, BC_PAIN_ERROR, BC_PAIN_ERROR_INVALID,
                         _("“%s” is not a known kind of relief."), shown);
          return FALSE;
        }

      for (guint j = 0; j < i; j++)
        {
          if (strcmp (codes[i], codes[j]) == 0)
            {
              g_set_error (error, BC_PAIN_ERROR, BC_PAIN_ERROR_INVALID,
                           _("“%s” is listed twice."), codes[i]);
              return FALSE;
            }
        }
    }

  return TRUE;
}

/**
 * bc_pain_entry_validate:
 *
 * Checks everything the database stores: intensity 0–10, known codes
 * each listed once, a note of at most 10 000 characters of UTF-8, a
 * local time in the years 1970 to 2100 and a UTC offset of whole
 * minutes within ±18 hours (what ISO 8601 can write).
 */
gboolean
bc_pain_entry_validate (const BcPainEntry  *entry,
                        GError            **error)
{
  gint64 local;

  g_return_val_if_fail (entry != NULL, FALSE);

  if (entry->intensity < 0 || entry->intensity > BC_PAIN_INTENSITY_MAX)
    {
      g_set_error (error, BC_PAIN_ERROR, BC_PAIN_ERROR_INVALID,
                   _("Pain is rated from 0 to 10, not %d."), entry->intensity);
      return FALSE;
    }

  if (entry->utc_offset < -BC_PAIN_UTC_OFFSET_MAX || entry->utc_offset > BC_PAIN_UTC_OFFSET_MAX ||
      entry->utc_offset % 60 != 0)
    {
      g_set_error (error, BC_PAIN_ERROR, BC_PAIN_ERROR_INVALID,
                   _("The UTC offset must be whole minutes within ±18 hours, not %d seconds."),
                   entry->utc_offset);
      return FALSE;
    }

  local = entry->time + entry->utc_offset;
  if (local < 0 || local >= LOCAL_TIME_END)
    {
      g_set_error_literal (error, BC_PAIN_ERROR, BC_PAIN_ERROR_INVALID,
                           _("The time must be in the years 1970 to 2100."));
      return FALSE;
    }

  if (!check_codes (entry->areas, CODE_AREA, error) ||
      !check_codes (entry->qualities, CODE_QUALITY, error) ||
      !check_codes (entry->helped, CODE_HELPED, error))
    return FALSE;

  if ((guint)entry->sleep >= G_N_ELEMENTS (sleep_codes))
    {
      g_set_error_literal (error, BC_PAIN_ERROR, BC_PAIN_ERROR_INVALID,
                           _("The sleep quality is not one of poor, fair or good."));
      return FALSE;
    }

  if (entry->note != NULL)
    {
      if (!g_utf8_validate (entry->note, -1, NULL))
        {
          g_set_error_literal (error, BC_PAIN_ERROR, BC_PAIN_ERROR_INVALID,
                               _("The note is not valid UTF-8 text."));
          return FALSE;
        }

      if (g_utf8_strlen (entry->note, -1) > BC_PAIN_NOTE_MAX_CHARS)
        {
          g_set_error (error, BC_PAIN_ERROR, BC_PAIN_ERROR_INVALID,
                       _("The note is longer than %d characters."), BC_PAIN_NOTE_MAX_CHARS);
          return FALSE;
        }
    }

  return TRUE;
}
