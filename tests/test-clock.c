/* test-clock.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one armed timer, for real: a timerfd on CLOCK_REALTIME watched by
 * the main loop. Moments are whole seconds, so the short cases speed the
 * clock up with BACKCARE_TEST_TIME_SCALE (its test-only purpose): at
 * 10× a second of the clock's time is 100 ms.
 *
 * What cannot be tested here: the cancel when the wall clock is set
 * (TFD_TIMER_CANCEL_ON_SET). Only clock_settime() triggers it, and the
 * tests, although they run as root, never change the system clock.
 * A resume from suspend cannot be made either; the engine's tests
 * emit "resumed" on a stopped clock instead.
 */

#include "config.h"

#include "bc-clock.h"

#define WATCHDOG_SECONDS 10

typedef struct
{
  GMainLoop *loop;
  guint      n_fired;
  gint64     fired_at_usec;   /* the clock's time at the first "fired" */
  gint64     armed_for;
  BcClock   *clock;
} Fixture;

static gboolean
watchdog_cb (gpointer user_data)
{
  g_error ("The main loop ran for %d s: a timer never fired", WATCHDOG_SECONDS);
  return G_SOURCE_REMOVE;
}

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

static void
fired_cb (BcClock *clock,
          Fixture *fixture)
{
  g_autoptr(GDateTime) now = bc_clock_now (clock);

  if (fixture->n_fired++ == 0)
    fixture->fired_at_usec = g_date_time_to_unix (now) * G_USEC_PER_SEC +
                             g_date_time_get_microsecond (now);
  /* The timer is one-shot: nothing is armed any more. */
  g_assert_cmpint (bc_clock_get_armed_at (clock), ==, 0);
}

static void
make_clock (Fixture    *fixture,
            const char *scale)
{
  if (scale != NULL)
    g_setenv ("BACKCARE_TEST_TIME_SCALE", scale, TRUE);
  else
    g_unsetenv ("BACKCARE_TEST_TIME_SCALE");

  fixture->clock = bc_clock_new ();
  g_signal_connect (fixture->clock, "fired", G_CALLBACK (fired_cb), fixture);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->loop = g_main_loop_new (NULL, FALSE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  if (fixture->clock != NULL)
    g_assert_finalize_object (fixture->clock);
  g_main_loop_unref (fixture->loop);
  g_unsetenv ("BACKCARE_TEST_TIME_SCALE");
}

static gint64
clock_seconds (BcClock *clock)
{
  g_autoptr(GDateTime) now = bc_clock_now (clock);

  return g_date_time_to_unix (now);
}

/* Runs the loop for @ms of real time, under a watchdog. */
static void
run_for (Fixture *fixture,
         guint    ms)
{
  guint watchdog = g_timeout_add_seconds (WATCHDOG_SECONDS, watchdog_cb, NULL);

  g_timeout_add (ms, quit_cb, fixture->loop);
  g_main_loop_run (fixture->loop);
  g_source_remove (watchdog);
}

/* Runs the loop until "fired" (the watchdog fails the test otherwise). */
static gint64
run_until_fired (Fixture *fixture)
{
  guint watchdog = g_timeout_add_seconds (WATCHDOG_SECONDS, watchdog_cb, NULL);
  gint64 start = g_get_monotonic_time ();
  gulong handler;

  handler = g_signal_connect_swapped (fixture->clock, "fired",
                                      G_CALLBACK (g_main_loop_quit), fixture->loop);
  g_main_loop_run (fixture->loop);
  g_signal_handler_disconnect (fixture->clock, handler);
  g_source_remove (watchdog);

  return (g_get_monotonic_time () - start) / 1000;
}

static void
test_fires_once (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  gint64 elapsed_ms;

  /* 10×: two clock seconds ahead of a whole second is at most 200 ms. */
  make_clock (fixture, "10");
  fixture->armed_for = clock_seconds (fixture->clock) + 2;
  g_assert_true (bc_clock_arm (fixture->clock, fixture->armed_for, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bc_clock_get_armed_at (fixture->clock), ==, fixture->armed_for);

  elapsed_ms = run_until_fired (fixture);
  g_assert_cmpuint (fixture->n_fired, ==, 1);
  g_assert_cmpint (elapsed_ms, >=, 90);
  g_assert_cmpint (elapsed_ms, <, 1000);
  /* Never early: the clock's "now" has reached the armed moment. */
  g_assert_cmpint (fixture->fired_at_usec, >=, fixture->armed_for * G_USEC_PER_SEC);

  /* And only once. */
  run_for (fixture, 400);
  g_assert_cmpuint (fixture->n_fired, ==, 1);
}

static void
test_real_time (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  gint64 elapsed_ms;

  /* Unscaled: the next whole second comes within one real second. */
  make_clock (fixture, NULL);
  fixture->armed_for = clock_seconds (fixture->clock) + 1;
  g_assert_true (bc_clock_arm (fixture->clock, fixture->armed_for, &error));
  g_assert_no_error (error);

  elapsed_ms = run_until_fired (fixture);
  g_assert_cmpint (elapsed_ms, <=, 1100);
  g_assert_cmpint (g_get_real_time (), >=, fixture->armed_for * G_USEC_PER_SEC);
  run_for (fixture, 200);
  g_assert_cmpuint (fixture->n_fired, ==, 1);
}

static void
test_past_fires_at_once (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  make_clock (fixture, NULL);
  g_assert_true (bc_clock_arm (fixture->clock, clock_seconds (fixture->clock) - 3600, &error));
  g_assert_no_error (error);
  g_assert_cmpint (run_until_fired (fixture), <, 100);
  g_assert_cmpuint (fixture->n_fired, ==, 1);
}

static void
test_disarm (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  make_clock (fixture, "10");
  g_assert_true (bc_clock_arm (fixture->clock, clock_seconds (fixture->clock) + 2, &error));
  g_assert_no_error (error);
  bc_clock_disarm (fixture->clock);
  g_assert_cmpint (bc_clock_get_armed_at (fixture->clock), ==, 0);

  run_for (fixture, 500);
  g_assert_cmpuint (fixture->n_fired, ==, 0);
}

static void
test_rearm_replaces (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  gint64 now;

  make_clock (fixture, "10");
  now = clock_seconds (fixture->clock);

  /* Later replaced by sooner: fires once, at the sooner. */
  g_assert_true (bc_clock_arm (fixture->clock, now + 5, &error));
  fixture->armed_for = now + 2;
  g_assert_true (bc_clock_arm (fixture->clock, fixture->armed_for, &error));
  g_assert_no_error (error);
  g_assert_cmpint (run_until_fired (fixture), <, 400);
  g_assert_cmpint (fixture->fired_at_usec, <, (now + 5) * G_USEC_PER_SEC);
  run_for (fixture, 700);
  g_assert_cmpuint (fixture->n_fired, ==, 1);

  /* Sooner replaced by later: nothing at the sooner. */
  now = clock_seconds (fixture->clock);
  fixture->n_fired = 0;
  g_assert_true (bc_clock_arm (fixture->clock, now + 2, &error));
  fixture->armed_for = now + 6;
  g_assert_true (bc_clock_arm (fixture->clock, fixture->armed_for, &error));
  g_assert_no_error (error);
  run_for (fixture, 350);
  g_assert_cmpuint (fixture->n_fired, ==, 0);
  run_until_fired (fixture);
  g_assert_cmpuint (fixture->n_fired, ==, 1);
  g_assert_cmpint (fixture->fired_at_usec, >=, fixture->armed_for * G_USEC_PER_SEC);
}

static void
test_time_scale (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GDateTime) before = NULL;
  g_autoptr(GDateTime) after = NULL;
  GTimeSpan span;

  /* 600×: 100 ms of real time are a minute of the clock's. */
  make_clock (fixture, "600");
  before = bc_clock_now (fixture->clock);
  g_usleep (100 * 1000);
  after = bc_clock_now (fixture->clock);

  span = g_date_time_difference (after, before);
  g_assert_cmpint (span, >=, 59 * G_TIME_SPAN_SECOND);
  g_assert_cmpint (span, <, 120 * G_TIME_SPAN_SECOND);

  /* It starts at the real time, in the local zone. */
  g_assert_cmpint (ABS (g_date_time_to_unix (before) - g_get_real_time () / G_USEC_PER_SEC), <=, 2);
  g_assert_cmpstr (g_date_time_get_timezone_abbreviation (before), ==,
                   g_date_time_get_timezone_abbreviation (after));
}

static void
test_bad_scale_ignored (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GDateTime) before = NULL;
  g_autoptr(GDateTime) after = NULL;

  make_clock (fixture, "fast");
  before = bc_clock_now (fixture->clock);
  g_usleep (50 * 1000);
  after = bc_clock_now (fixture->clock);

  g_assert_cmpint (g_date_time_difference (after, before), <, G_TIME_SPAN_SECOND);
}

static void
test_stopped_for_testing (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  gint64 moment = 1741000000;

  make_clock (fixture, NULL);
  bc_clock_set_time_for_testing (fixture->clock, moment * G_USEC_PER_SEC + 250000);
  now = bc_clock_now (fixture->clock);
  g_assert_cmpint (g_date_time_to_unix (now), ==, moment);
  g_assert_cmpint (g_date_time_get_microsecond (now), ==, 250000);

  /* Armed in the past of the real clock, yet nothing fires by itself. */
  g_assert_true (bc_clock_arm (fixture->clock, moment + 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bc_clock_get_armed_at (fixture->clock), ==, moment + 1);
  run_for (fixture, 200);
  g_assert_cmpuint (fixture->n_fired, ==, 0);
}

static void
test_clock_set (void)
{
  g_test_skip ("The cancel on a clock change needs the system clock set; tests never do that");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/clock/fires-once", test_fires_once);
  ADD ("/clock/real-time", test_real_time);
  ADD ("/clock/past-fires-at-once", test_past_fires_at_once);
  ADD ("/clock/disarm", test_disarm);
  ADD ("/clock/rearm-replaces", test_rearm_replaces);
  ADD ("/clock/time-scale", test_time_scale);
  ADD ("/clock/bad-scale-ignored", test_bad_scale_ignored);
  ADD ("/clock/stopped-for-testing", test_stopped_for_testing);
  g_test_add_func ("/clock/clock-set", test_clock_set);

#undef ADD

  return g_test_run ();
}
