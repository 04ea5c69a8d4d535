/* bc-clock.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bc-clock"

#include "config.h"

#include <errno.h>
#include <glib-unix.h>
#include <stdlib.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

#include "bc-clock.h"

/* One timerfd, created with the clock and armed for one moment at a
 * time. Between due moments the process sleeps in poll(): no tick.
 *
 * A resume from suspend shows as a growing gap between CLOCK_BOOTTIME
 * (counts the sleep) and CLOCK_MONOTONIC (does not). It is looked at
 * whenever the timer fires or is cancelled, which after a resume happens
 * at once if a due moment passed during the sleep.
 *
 * The cancel only reports the wall clock being set. A change of time
 * zone alone (a new /etc/localtime, no clock set) is reported by a file
 * monitor on /etc/localtime (inotify: no polling), and "now" always
 * carries the zone in force at that moment.
 */

#define LOCALTIME_PATH "/etc/localtime"

#define USEC_PER_SEC G_USEC_PER_SEC
#define NSEC_PER_USEC 1000
/* Smaller gaps are the two clocks being read a moment apart. */
#define MIN_SUSPEND_USEC G_USEC_PER_SEC

struct _BcClock
{
  GObject  parent_instance;

  int      fd;
  int      fd_errno;
  guint    watch_id;
  gint64   armed_at;        /* unix seconds, in the clock's time; 0 when disarmed */

  double   scale;           /* BACKCARE_TEST_TIME_SCALE, 1 normally */
  gint64   origin_usec;     /* real time when the clock was made */

  gint64   boot_offset_usec;

  gboolean frozen;          /* bc_clock_set_time_for_testing () */
  gint64   frozen_usec;

  GFileMonitor *zone_monitor;
};

G_DEFINE_FINAL_TYPE (BcClock, bc_clock, G_TYPE_OBJECT)

enum {
  FIRED,
  CLOCK_CHANGED,
  RESUMED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gint64
read_clock_usec (clockid_t id)
{
  struct timespec ts;

  if (clock_gettime (id, &ts) != 0)
    return 0;

  return (gint64)ts.tv_sec * USEC_PER_SEC + ts.tv_nsec / NSEC_PER_USEC;
}

static gint64
boot_offset_usec (void)
{
  return read_clock_usec (CLOCK_BOOTTIME) - read_clock_usec (CLOCK_MONOTONIC);
}

static gint64
now_usec (BcClock *self)
{
  gint64 real;

  if (self->frozen)
    return self->frozen_usec;

  real = g_get_real_time ();
  if (self->scale == 1.0)
    return real;

  return self->origin_usec + (gint64)((double)(real - self->origin_usec) * self->scale);
}

/* The real moment at which the clock's "now" reaches @unix_usec. */
static gint64
real_usec_for (BcClock *self,
               gint64   unix_usec)
{
  if (self->scale == 1.0)
    return unix_usec;

  /* One microsecond late rather than early: "now" must have reached it. */
  return self->origin_usec + (gint64)((double)(unix_usec - self->origin_usec) / self->scale) + 1;
}

static void
check_resume (BcClock *self)
{
  gint64 offset = boot_offset_usec ();
  gint64 slept = offset - self->boot_offset_usec;

  self->boot_offset_usec = offset;

  if (slept >= MIN_SUSPEND_USEC)
    {
      gint64 seconds = (gint64)((double)slept * self->scale) / USEC_PER_SEC;

      g_debug ("Resumed after %" G_GINT64_FORMAT " s asleep", seconds);
      g_signal_emit (self, signals[RESUMED], 0, seconds);
    }
}

static gboolean
set_timer (BcClock  *self,
           gint64    real_usec,
           GError  **error)
{
  struct itimerspec spec = { { 0, 0 }, { 0, 0 } };
  int flags = 0;

  if (self->fd < 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (self->fd_errno),
                   "No timer: %s", g_strerror (self->fd_errno));
      return FALSE;
    }

  if (real_usec > 0)
    {
      spec.it_value.tv_sec = real_usec / USEC_PER_SEC;
      spec.it_value.tv_nsec = (real_usec % USEC_PER_SEC) * NSEC_PER_USEC;
      /* Zero disarms: a moment at the epoch is long past anyway. */
      if (spec.it_value.tv_sec == 0 && spec.it_value.tv_nsec == 0)
        spec.it_value.tv_nsec = 1;
      flags = TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET;
    }

  if (timerfd_settime (self->fd, flags, &spec, NULL) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "The timer could not be set: %s", g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

static gboolean
timer_ready_cb (int          fd,
                GIOCondition condition,
                gpointer     user_data)
{
  g_autoptr(BcClock) self = g_object_ref (BC_CLOCK (user_data));
  guint64 expirations = 0;
  gboolean cancelled = FALSE;
  ssize_t n;

  n = read (fd, &expirations, sizeof expirations);
  if (n < 0)
    {
      if (errno == EAGAIN || errno == EINTR)
        return G_SOURCE_CONTINUE;
      if (errno != ECANCELED)
        {
          g_warning ("Reading the timer failed: %s", g_strerror (errno));
          return G_SOURCE_CONTINUE;
        }
      cancelled = TRUE;
    }

  check_resume (self);

  if (cancelled)
    {
      g_autoptr(GError) error = NULL;

      /* The moment stays the same in wall-clock terms: set it again, so
       * it still fires even if nobody reschedules.
       */
      g_debug ("The wall clock was set");
      if (self->armed_at != 0 && !self->frozen &&
          !set_timer (self, real_usec_for (self, self->armed_at * USEC_PER_SEC), &error))
        g_warning ("%s", error->message);

      g_signal_emit (self, signals[CLOCK_CHANGED], 0);
      return G_SOURCE_CONTINUE;
    }

  self->armed_at = 0;
  g_signal_emit (self, signals[FIRED], 0);

  return G_SOURCE_CONTINUE;
}

static void
bc_clock_dispose (GObject *object)
{
  BcClock *self = (BcClock *)object;

  g_clear_handle_id (&self->watch_id, g_source_remove);
  if (self->zone_monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->zone_monitor, self);
      g_file_monitor_cancel (self->zone_monitor);
      g_clear_object (&self->zone_monitor);
    }

  G_OBJECT_CLASS (bc_clock_parent_class)->dispose (object);
}

static void
bc_clock_finalize (GObject *object)
{
  BcClock *self = (BcClock *)object;

  if (self->fd >= 0)
    close (self->fd);

  G_OBJECT_CLASS (bc_clock_parent_class)->finalize (object);
}

static void
bc_clock_class_init (BcClockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bc_clock_dispose;
  object_class->finalize = bc_clock_finalize;

  signals[FIRED] = g_signal_new ("fired",
                                 G_TYPE_FROM_CLASS (klass),
                                 G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 0);

  signals[CLOCK_CHANGED] = g_signal_new ("clock-changed",
                                         G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 0);

  signals[RESUMED] = g_signal_new ("resumed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1,
                                   G_TYPE_INT64);
}

static double
read_time_scale (void)
{
  const char *value = g_getenv ("BACKCARE_TEST_TIME_SCALE");
  double scale;

  if (value == NULL || *value == '\0')
    return 1.0;

  scale = g_ascii_strtod (value, NULL);
  if (!(scale >= 1.0 && scale <= 1e6))
    {
      g_message ("Ignoring BACKCARE_TEST_TIME_SCALE=%s (from 1 to 1000000)", value);
      return 1.0;
    }

  return scale;
}

static void
zone_changed_cb (GFileMonitor      *monitor,
                 GFile             *file,
                 GFile             *other_file,
                 GFileMonitorEvent  event,
                 BcClock           *self)
{
  if (event == G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT ||
      event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED)
    return;

  g_debug ("The time zone may have changed");
  g_signal_emit (self, signals[CLOCK_CHANGED], 0);
}

static void
watch_zone (BcClock *self)
{
  g_autoptr(GFile) file = g_file_new_for_path (LOCALTIME_PATH);
  g_autoptr(GError) error = NULL;

  self->zone_monitor = g_file_monitor_file (file, G_FILE_MONITOR_NONE, NULL, &error);
  if (self->zone_monitor == NULL)
    {
      g_debug ("Time zone changes will be seen late: %s", error->message);
      return;
    }

  g_signal_connect (self->zone_monitor, "changed", G_CALLBACK (zone_changed_cb), self);
}

static void
bc_clock_init (BcClock *self)
{
  self->scale = read_time_scale ();
  self->origin_usec = g_get_real_time ();
  self->boot_offset_usec = boot_offset_usec ();

  self->fd = timerfd_create (CLOCK_REALTIME, TFD_NONBLOCK | TFD_CLOEXEC);
  if (self->fd < 0)
    {
      self->fd_errno = errno;
      g_message ("No timer for reminders: %s", g_strerror (self->fd_errno));
      return;
    }

  self->watch_id = g_unix_fd_add (self->fd, G_IO_IN, timer_ready_cb, self);
  watch_zone (self);
}

BcClock *
bc_clock_new (void)
{
  return g_object_new (BC_TYPE_CLOCK, NULL);
}

/**
 * bc_clock_now:
 *
 * Returns: (transfer full): the current moment in the local time zone,
 *   sped up under BACKCARE_TEST_TIME_SCALE
 */
GDateTime *
bc_clock_now (BcClock *self)
{
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) seconds = NULL;
  gint64 usec;

  g_return_val_if_fail (BC_IS_CLOCK (self), NULL);

  /* As g_time_zone_new_local (), but without its cache: without TZ, the
   * system's zone is looked up again, so a change of zone is followed.
   */
  zone = g_time_zone_new_identifier (g_getenv ("TZ"));
  if (zone == NULL)
    zone = g_time_zone_new_local ();

  usec = now_usec (self);
  utc = g_date_time_new_from_unix_utc (usec / USEC_PER_SEC);
  seconds = g_date_time_to_timezone (utc, zone);

  return g_date_time_add (seconds, usec % USEC_PER_SEC);
}

/**
 * bc_clock_arm:
 * @unix_time: the moment, in the clock's time; one already past fires
 *   at once
 *
 * Replaces any earlier moment: there is only ever one.
 */
gboolean
bc_clock_arm (BcClock  *self,
              gint64    unix_time,
              GError  **error)
{
  g_return_val_if_fail (BC_IS_CLOCK (self), FALSE);
  g_return_val_if_fail (unix_time > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!self->frozen &&
      !set_timer (self, real_usec_for (self, unix_time * USEC_PER_SEC), error))
    {
      self->armed_at = 0;
      return FALSE;
    }

  self->armed_at = unix_time;
  return TRUE;
}

void
bc_clock_disarm (BcClock *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (BC_IS_CLOCK (self));

  self->armed_at = 0;
  if (self->fd >= 0 && !set_timer (self, 0, &error))
    g_warning ("%s", error->message);
}

/* Returns: how many times faster than real time "now" runs: 1 except
 * under BACKCARE_TEST_TIME_SCALE.
 */
double
bc_clock_get_time_scale (BcClock *self)
{
  g_return_val_if_fail (BC_IS_CLOCK (self), 1.0);

  return self->scale;
}

/* Returns: the armed moment (unix seconds), or 0 when disarmed. */
gint64
bc_clock_get_armed_at (BcClock *self)
{
  g_return_val_if_fail (BC_IS_CLOCK (self), 0);

  return self->armed_at;
}

/**
 * bc_clock_set_time_for_testing:
 * @unix_usec: what "now" is from here on
 *
 * Test-only: stops the clock at @unix_usec. The timer is no longer set
 * for real; bc_clock_arm() only records the moment, and the test
 * emits "fired" (or "resumed", "clock-changed") itself.
 */
void
bc_clock_set_time_for_testing (BcClock *self,
                               gint64   unix_usec)
{
  g_return_if_fail (BC_IS_CLOCK (self));

  if (!self->frozen && self->fd >= 0)
    set_timer (self, 0, NULL);

  self->frozen = TRUE;
  self->frozen_usec = unix_usec;
}
