/* bc-pain-csv.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bc-pain-csv"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bc-pain-csv.h"

/* Reading is strict and all-or-nothing: the limits are checked on the
 * raw bytes, then every row is parsed and validated, and only then is
 * anything written, in one transaction, parsing the rows a second time
 * as they are stored. Nothing but the current row is held in memory,
 * so two million rows cost what one does.
 *
 * A row whose time, intensity and note equal those of an entry the
 * profile already has is skipped (see bc_pain_store_add_all ()), so a
 * file imported twice adds its rows once.
 */

G_DEFINE_QUARK (bc-pain-csv-error-quark, bc_pain_csv_error)

#define N_COLUMNS 10
#define COLUMN_TIME 0
#define COLUMN_INTENSITY 1
#define COLUMN_AREAS 2
#define COLUMN_QUALITY 3
#define COLUMN_NUMBNESS 4
#define COLUMN_TINGLING 5
#define COLUMN_RADIATING 6
#define COLUMN_SLEEP 7
#define COLUMN_HELPED 8
#define COLUMN_NOTE 9

#define SECONDS_PER_DAY 86400
#define MAX_CODES 16
#define FLUSH_SIZE (64 * 1024)
/* How much of a bad value an error message repeats. */
#define SHOWN_CHARS 40

static const char * const column_names[N_COLUMNS] = {
  "time", "intensity", "areas", "quality", "numbness", "tingling", "radiating", "sleep",
  "helped", "note",
};

static const char utf8_bom[] = "\xEF\xBB\xBF";

/* Howard Hinnant's civil_from_days and days_from_civil. */
static void
civil_from_days (gint64  days,
                 int    *out_year,
                 guint  *out_month,
                 guint  *out_day)
{
  gint64 z = days + 719468;
  gint64 era = (z >= 0 ? z : z - 146096) / 146097;
  guint day_of_era = (guint)(z - era * 146097);
  guint year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 -
                       day_of_era / 146096) / 365;
  guint day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  guint mp = (5 * day_of_year + 2) / 153;
  guint month = mp < 10 ? mp + 3 : mp - 9;

  *out_year = (int)(year_of_era + era * 400 + (month <= 2));
  *out_month = month;
  *out_day = day_of_year - (153 * mp + 2) / 5 + 1;
}

static gint64
days_from_civil (gint64 year,
                 guint  month,
                 guint  day)
{
  gint64 era;
  guint year_of_era, day_of_year, day_of_era;

  year -= month <= 2;
  era = (year >= 0 ? year : year - 399) / 400;
  year_of_era = (guint)(year - era * 400);
  day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;

  return era * 146097 + (gint64)day_of_era - 719468;
}

/**
 * bc_pain_csv_format_time:
 *
 * Returns: @time at @utc_offset in ISO 8601, e.g.
 *   2026-11-23T08:15:00+01:00 (+00:00 for UTC, never Z)
 */
char *
bc_pain_csv_format_time (gint64 time,
                         int    utc_offset)
{
  gint64 local = time + utc_offset;
  gint64 days = local / SECONDS_PER_DAY;
  gint64 seconds;
  guint month, day, offset;
  int year;

  if (local % SECONDS_PER_DAY < 0)
    days--;
  seconds = local - days * SECONDS_PER_DAY;
  civil_from_days (days, &year, &month, &day);
  offset = (guint)ABS (utc_offset);

  return g_strdup_printf ("%04d-%02u-%02uT%02u:%02u:%02u%c%02u:%02u",
                          year, month, day,
                          (guint)(seconds / 3600), (guint)(seconds / 60 % 60),
                          (guint)(seconds % 60),
                          utc_offset < 0 ? '-' : '+', offset / 3600, offset / 60 % 60);
}

static gboolean
read_number (const char *str,
             guint       n_digits,
             guint      *out_value)
{
  guint value = 0;

  for (guint i = 0; i < n_digits; i++)
    {
      if (!g_ascii_isdigit (str[i]))
        return FALSE;
      value = value * 10 + (guint)(str[i] - '0');
    }

  *out_value = value;
  return TRUE;
}

/**
 * bc_pain_csv_parse_time:
 * @str: YYYY-MM-DDTHH:MM:SS followed by Z or ±HH:MM (at most ±18:00)
 * @length: the length of @str, or -1 when nul-terminated
 *
 * Returns: whether @str is such a time; the unix time and the offset
 *   in seconds east of UTC
 */
gboolean
bc_pain_csv_parse_time (const char *str,
                        gsize       length,
                        gint64     *out_time,
                        int        *out_utc_offset)
{
  guint year, month, day, hour, minute, second;
  guint offset_hours = 0, offset_minutes = 0;
  int offset;

  g_return_val_if_fail (str != NULL, FALSE);

  if (length == (gsize)-1)
    length = strlen (str);

  if (length != 20 && length != 25)
    return FALSE;

  if (!read_number (str, 4, &year) || str[4] != '-' ||
      !read_number (str + 5, 2, &month) || str[7] != '-' ||
      !read_number (str + 8, 2, &day) || str[10] != 'T' ||
      !read_number (str + 11, 2, &hour) || str[13] != ':' ||
      !read_number (str + 14, 2, &minute) || str[16] != ':' ||
      !read_number (str + 17, 2, &second))
    return FALSE;

  if (year == 0 || !g_date_valid_dmy ((GDateDay)day, (GDateMonth)month, (GDateYear)year) ||
      hour > 23 || minute > 59 || second > 59)
    return FALSE;

  if (length == 20)
    {
      if (str[19] != 'Z')
        return FALSE;
    }
  else if ((str[19] != '+' && str[19] != '-') ||
           !read_number (str + 20, 2, &offset_hours) || str[22] != ':' ||
           !read_number (str + 23, 2, &offset_minutes) ||
           offset_minutes > 59 || offset_hours * 60 + offset_minutes > 18 * 60)
    return FALSE;

  offset = (int)(offset_hours * 3600 + offset_minutes * 60);
  if (str[19] == '-')
    offset = -offset;

  if (out_time != NULL)
    *out_time = days_from_civil (year, month, day) * SECONDS_PER_DAY +
                hour * 3600 + minute * 60 + second - offset;
  if (out_utc_offset != NULL)
    *out_utc_offset = offset;

  return TRUE;
}

/* Export */

typedef struct
{
  GOutputStream *stream;
  GString       *buffer;
} Writer;

static gboolean
writer_flush (Writer  *writer,
              GError **error)
{
  if (writer->buffer->len == 0)
    return TRUE;

  if (!g_output_stream_write_all (writer->stream, writer->buffer->str, writer->buffer->len,
                                  NULL, NULL, error))
    return FALSE;

  g_string_truncate (writer->buffer, 0);
  return TRUE;
}

/* RFC 4180: quoted only when it holds a comma, a quote or a line end. */
static void
append_field (GString    *out,
              const char *field)
{
  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (out, field);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_codes (GString     *out,
              char * const *codes)
{
  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (out, ';');
      g_string_append (out, codes[i]);
    }
}

static gboolean
write_entry_cb (const BcPainEntry  *entry,
                gpointer            user_data,
                GError            **error)
{
  Writer *writer = user_data;
  GString *out = writer->buffer;
  g_autofree char *time = bc_pain_csv_format_time (entry->time, entry->utc_offset);

  g_string_append (out, time);
  g_string_append_printf (out, ",%d,", entry->intensity);
  append_codes (out, entry->areas);
  g_string_append_c (out, ',');
  append_codes (out, entry->qualities);
  g_string_append_printf (out, ",%d,%d,%d,%s,",
                          entry->numbness ? 1 : 0, entry->tingling ? 1 : 0,
                          entry->radiating ? 1 : 0, bc_pain_sleep_to_string (entry->sleep));
  append_codes (out, entry->helped);
  g_string_append_c (out, ',');
  append_field (out, entry->note != NULL ? entry->note : "");
  g_string_append_c (out, '\n');

  if (out->len >= FLUSH_SIZE)
    return writer_flush (writer, error);

  return TRUE;
}

/**
 * bc_pain_csv_export:
 * @stream: where the CSV goes; it is not closed
 *
 * Writes the profile's whole pain log, oldest first (by time, then id).
 */
gboolean
bc_pain_csv_export (BcDatabase     *db,
                    gint64          profile_id,
                    GOutputStream  *stream,
                    GError        **error)
{
  g_autoptr(GString) buffer = g_string_sized_new (FLUSH_SIZE + 4096);
  Writer writer = { stream, buffer };

  g_return_val_if_fail (BC_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_string_append (buffer, BC_PAIN_CSV_HEADER "\n");

  return bc_pain_store_foreach (db, profile_id, NULL, NULL, write_entry_cb, &writer, error) &&
         writer_flush (&writer, error);
}

/* Import */

typedef struct
{
  const char  *start;
  const char  *pos;
  const char  *end;
  guint        line;           /* the physical line pos is on, from 1 */
  guint        record_line;    /* the line the last record started on */
  guint        n_fields;
  GString     *fields[N_COLUMNS];
  GString     *extra;          /* fields past the last column */

  /* The last row read, pointing into the fields above. */
  BcPainEntry  entry;
  const char  *areas[MAX_CODES];
  const char  *qualities[MAX_CODES];
  const char  *helped[MAX_CODES];
} Reader;

static void
reader_init (Reader *reader,
             GBytes *bytes)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);

  memset (reader, 0, sizeof *reader);
  if (data == NULL)
    data = "";

  reader->start = data;
  reader->pos = data;
  reader->end = data + size;
  reader->line = 1;

  if (size >= 3 && memcmp (data, utf8_bom, 3) == 0)
    reader->pos += 3;

  for (guint i = 0; i < N_COLUMNS; i++)
    reader->fields[i] = g_string_new (NULL);
  reader->extra = g_string_new (NULL);
}

static void
reader_clear (Reader *reader)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    g_string_free (reader->fields[i], TRUE);
  g_string_free (reader->extra, TRUE);
}

static gboolean G_GNUC_PRINTF (3, 4)
line_error (GError     **error,
            guint        line,
            const char  *format,
            ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, BC_PAIN_CSV_ERROR, BC_PAIN_CSV_ERROR_MALFORMED,
               _("Line %u: %s"), line, message);
  return FALSE;
}

static guint
count_newlines (const char *from,
                const char *to)
{
  guint n = 0;

  while (from < to && (from = memchr (from, '\n', (gsize)(to - from))) != NULL)
    {
      n++;
      from++;
    }

  return n;
}

/* Reads one quoted field; pos is on its opening quote. */
static gboolean
read_quoted (Reader   *reader,
             GString  *field,
             GError  **error)
{
  guint open_line = reader->line;

  reader->pos++;
  for (;;)
    {
      const char *quote = memchr (reader->pos, '"', (gsize)(reader->end - reader->pos));

      if (quote == NULL)
        return line_error (error, open_line, _("A quoted field is not closed."));

      g_string_append_len (field, reader->pos, quote - reader->pos);
      reader->line += count_newlines (reader->pos, quote);
      reader->pos = quote + 1;

      if (reader->pos < reader->end && *reader->pos == '"')
        {
          g_string_append_c (field, '"');
          reader->pos++;
          continue;
        }

      if (reader->pos < reader->end && *reader->pos != ',' && *reader->pos != '\n' &&
          *reader->pos != '\r')
        return line_error (error, reader->line,
                           _("A closing quote must be followed by a comma or the end "
                             "of the line."));
      return TRUE;
    }
}

static gboolean
read_unquoted (Reader   *reader,
               GString  *field,
               GError  **error)
{
  const char *start = reader->pos;

  while (reader->pos < reader->end && *reader->pos != ',' && *reader->pos != '\n' &&
         *reader->pos != '\r')
    {
      if (*reader->pos == '"')
        return line_error (error, reader->line,
                           _("A field with a quote in it must be enclosed in quotes."));
      reader->pos++;
    }

  g_string_append_len (field, start, reader->pos - start);
  return TRUE;
}

/* Reads the next record into fields. Returns FALSE at the end of the
 * data (error unset) or on a malformed record (error set).
 */
static gboolean
read_record (Reader  *reader,
             GError **error)
{
  const char *record_start = reader->pos;
  const char *invalid = NULL;

  if (reader->pos >= reader->end)
    return FALSE;

  reader->record_line = reader->line;
  reader->n_fields = 0;

  for (;;)
    {
      GString *field = reader->n_fields < N_COLUMNS ? reader->fields[reader->n_fields]
                                                   : reader->extra;

      g_string_truncate (field, 0);
      reader->n_fields++;

      if (reader->pos < reader->end && *reader->pos == '"')
        {
          if (!read_quoted (reader, field, error))
            return FALSE;
        }
      else if (!read_unquoted (reader, field, error))
        return FALSE;

      if (reader->pos >= reader->end)
        break;

      if (*reader->pos == ',')
        {
          reader->pos++;
          continue;
        }

      if (*reader->pos == '\n')
        {
          reader->pos++;
          reader->line++;
          break;
        }

      /* A CR, which only ends a line together with an LF. */
      if (reader->pos + 1 < reader->end && reader->pos[1] == '\n')
        {
          reader->pos += 2;
          reader->line++;
          break;
        }

      return line_error (error, reader->line,
                         _("A carriage return must be followed by a line feed."));
    }

  if (!g_utf8_validate_len (record_start, (gsize)(reader->pos - record_start), &invalid))
    return line_error (error, reader->record_line + count_newlines (record_start, invalid),
                       _("The text is not valid UTF-8."));

  return TRUE;
}

/* A bad value as an error message repeats it: its start, if long. */
static char *
shorten (const char *text)
{
  g_autofree char *start = NULL;

  if (g_utf8_strlen (text, -1) <= SHOWN_CHARS)
    return g_strdup (text);

  start = g_utf8_substring (text, 0, SHOWN_CHARS);
  return g_strconcat (start, "…", NULL);
}

static char *
shown_value (const GString *field)
{
  return shorten (field->str);
}

static gboolean
parse_flag (Reader    *reader,
            guint      column,
            gboolean  *out_flag,
            GError   **error)
{
  const GString *field = reader->fields[column];
  g_autofree char *shown = NULL;

  if (field->len == 1 && (field->str[0] == '0' || field->str[0] == '1'))
    {
      *out_flag = field->str[0] == '1';
      return TRUE;
    }

  shown = shown_value (field);
  return line_error (error, reader->record_line,
                     /* Translators: the first %s is a column name: numbness,
                      * tingling or radiating.
                      */
                     _("%s must be 0 or 1, not “%s”."), column_names[column], shown);
}

static gboolean
parse_codes (Reader              *reader,
             guint                column,
             const char * const  *known,
             const char         **out_codes,
             GError             **error)
{
  const char *p = reader->fields[column]->str;
  guint n = 0;

  out_codes[0] = NULL;
  if (*p == '\0')
    return TRUE;

  for (;;)
    {
      const char *separator = strchr (p, ';');
      gsize length = separator != NULL ? (gsize)(separator - p) : strlen (p);
      const char *code = NULL;

      for (guint i = 0; known[i] != NULL && code == NULL; i++)
        {
          if (strlen (known[i]) == length && strncmp (known[i], p, length) == 0)
            code = known[i];
        }

      if (code == NULL)
        {
          g_autofree char *piece = g_strndup (p, length);
          g_autofree char *shown = shorten (piece);

          if (column == COLUMN_AREAS)
            return line_error (error, reader->record_line,
                               _("“%s” is not a known body area."), shown);
          if (column == COLUMN_QUALITY)
            return line_error (error, reader->record_line,
                               _("“%s” is not a known kind of pain."), shown);
          return line_error (error, reader->record_line,
                             _("“%s” is not a known kind of relief."), shown);
        }

      for (guint i = 0; i < n; i++)
        {
          if (out_codes[i] == code)
            return line_error (error, reader->record_line, _("“%s” is listed twice."), code);
        }

      /* Known codes listed once each always fit. */
      g_assert (n + 1 < MAX_CODES);
      out_codes[n++] = code;
      out_codes[n] = NULL;

      if (separator == NULL)
        return TRUE;
      p = separator + 1;
    }
}

/* "0" to "10", digits only. */
static gboolean
parse_intensity (const GString *field,
                 int           *out_intensity)
{
  guint value = 0;

  if (field->len == 0 || field->len > 2 || !read_number (field->str, (guint)field->len, &value) ||
      value > BC_PAIN_INTENSITY_MAX)
    return FALSE;

  *out_intensity = (int)value;
  return TRUE;
}

static gboolean
parse_row (Reader  *reader,
           GError **error)
{
  BcPainEntry *entry = &reader->entry;
  GString **fields = reader->fields;
  g_autoptr(GError) local_error = NULL;

  memset (entry, 0, sizeof *entry);

  if (reader->n_fields != N_COLUMNS)
    return line_error (error, reader->record_line, _("Expected %d fields, found %u."),
                       N_COLUMNS, reader->n_fields);

  if (!bc_pain_csv_parse_time (fields[COLUMN_TIME]->str, fields[COLUMN_TIME]->len,
                               &entry->time, &entry->utc_offset))
    {
      g_autofree char *shown = shown_value (fields[COLUMN_TIME]);

      return line_error (error, reader->record_line,
                         _("The time “%s” is not an ISO 8601 date and time with its UTC "
                           "offset, such as 2026-11-23T08:15:00+01:00."), shown);
    }

  if (!parse_intensity (fields[COLUMN_INTENSITY], &entry->intensity))
    {
      g_autofree char *shown = shown_value (fields[COLUMN_INTENSITY]);

      return line_error (error, reader->record_line,
                         _("The intensity must be a whole number from 0 to 10, not “%s”."),
                         shown);
    }

  if (!parse_codes (reader, COLUMN_AREAS, bc_pain_area_codes (), reader->areas, error) ||
      !parse_codes (reader, COLUMN_QUALITY, bc_pain_quality_codes (), reader->qualities,
                    error) ||
      !parse_flag (reader, COLUMN_NUMBNESS, &entry->numbness, error) ||
      !parse_flag (reader, COLUMN_TINGLING, &entry->tingling, error) ||
      !parse_flag (reader, COLUMN_RADIATING, &entry->radiating, error))
    return FALSE;

  if (!bc_pain_sleep_from_string (fields[COLUMN_SLEEP]->str, &entry->sleep))
    {
      g_autofree char *shown = shown_value (fields[COLUMN_SLEEP]);

      return line_error (error, reader->record_line,
                         _("Sleep must be poor, fair, good or empty, not “%s”."), shown);
    }

  if (!parse_codes (reader, COLUMN_HELPED, bc_pain_helped_codes (), reader->helped, error))
    return FALSE;

  entry->areas = (char **)reader->areas;
  entry->qualities = (char **)reader->qualities;
  entry->helped = (char **)reader->helped;
  entry->note = fields[COLUMN_NOTE]->str;

  /* What is left: the time range and the length of the note. */
  if (!bc_pain_entry_validate (entry, &local_error))
    return line_error (error, reader->record_line, "%s", local_error->message);

  return TRUE;
}

static gboolean
check_header (Reader  *reader,
              GError **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean matches;

  if (!read_record (reader, &local_error))
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      matches = FALSE;
    }
  else
    {
      matches = reader->n_fields == N_COLUMNS;
      for (guint i = 0; i < N_COLUMNS && matches; i++)
        matches = strcmp (reader->fields[i]->str, column_names[i]) == 0;
    }

  if (!matches)
    return line_error (error, 1, _("The first line must be the header “%s”."),
                       BC_PAIN_CSV_HEADER);

  return TRUE;
}

/* Lines as a text editor counts them: a last line without a line end
 * counts too.
 */
static guint64
count_lines (const char *data,
             gsize       size,
             guint64     stop_after)
{
  const char *p = data, *end = data + size;
  guint64 lines = 0;

  while (p < end && (p = memchr (p, '\n', (gsize)(end - p))) != NULL)
    {
      p++;
      if (++lines > stop_after)
        return lines;
    }

  if (size > 0 && data[size - 1] != '\n')
    lines++;

  return lines;
}

static gboolean
check_limits (GBytes  *bytes,
              GError **error)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);

  if (size > BC_PAIN_CSV_MAX_SIZE)
    {
      g_set_error (error, BC_PAIN_CSV_ERROR, BC_PAIN_CSV_ERROR_TOO_LARGE,
                   _("The file is larger than %d MiB, too large to import."),
                   BC_PAIN_CSV_MAX_SIZE / (1024 * 1024));
      return FALSE;
    }

  /* Counting line ends overcounts rows whose note spans lines, which
   * only makes the limit safer.
   */
  if (data != NULL && count_lines (data, size, BC_PAIN_CSV_MAX_ROWS + 1) > BC_PAIN_CSV_MAX_ROWS + 1)
    {
      g_set_error (error, BC_PAIN_CSV_ERROR, BC_PAIN_CSV_ERROR_TOO_MANY_ROWS,
                   _("The file has more than %d rows, too many to import."),
                   BC_PAIN_CSV_MAX_ROWS);
      return FALSE;
    }

  return TRUE;
}

/**
 * bc_pain_csv_check:
 * @out_n_rows: (out) (optional): the rows after the header
 *
 * Checks the limits, then parses and validates every row without
 * touching a database. A malformed file gives a
 * %BC_PAIN_CSV_ERROR_MALFORMED error starting “Line N: ”, N being the
 * line where the bad row starts (or where the bad byte or the unclosed
 * quote is).
 */
gboolean
bc_pain_csv_check (GBytes  *bytes,
                   guint   *out_n_rows,
                   GError **error)
{
  g_autoptr(GError) local_error = NULL;
  Reader reader;
  guint n_rows = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_limits (bytes, error))
    return FALSE;

  reader_init (&reader, bytes);
  ok = check_header (&reader, error);

  while (ok && read_record (&reader, &local_error))
    {
      ok = parse_row (&reader, error);
      n_rows++;
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      ok = FALSE;
    }

  reader_clear (&reader);

  if (ok && out_n_rows != NULL)
    *out_n_rows = n_rows;
  return ok;
}

static gboolean
next_entry_cb (gpointer            user_data,
               const BcPainEntry **out_entry,
               GError            **error)
{
  Reader *reader = user_data;
  g_autoptr(GError) local_error = NULL;

  *out_entry = NULL;

  if (!read_record (reader, &local_error))
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      return TRUE;
    }

  if (!parse_row (reader, error))
    return FALSE;

  *out_entry = &reader->entry;
  return TRUE;
}

/**
 * bc_pain_csv_import:
 * @out_imported: (out) (optional): rows added
 * @out_skipped: (out) (optional): rows already in the log, left out
 *
 * Imports all rows or, when the file is too large or any row is
 * malformed (see bc_pain_csv_check ()), nothing.
 */
gboolean
bc_pain_csv_import (BcDatabase  *db,
                    gint64       profile_id,
                    GBytes      *bytes,
                    guint       *out_imported,
                    guint       *out_skipped,
                    GError     **error)
{
  Reader reader;
  gboolean ok;

  g_return_val_if_fail (BC_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!bc_pain_csv_check (bytes, NULL, error))
    return FALSE;

  reader_init (&reader, bytes);
  ok = check_header (&reader, error) &&
       bc_pain_store_add_all (db, profile_id, next_entry_cb, &reader, out_imported, out_skipped,
                              error);
  reader_clear (&reader);

  return ok;
}
