/* bc-test-util.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bc-test-util.h"

void
bc_test_iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

GdkTexture *
bc_test_render (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_to_node (snapshot);
  g_assert_nonnull (node);
  return gsk_renderer_render_texture (renderer, node,
                                      &GRAPHENE_RECT_INIT (0, 0, width, height));
}

/* A real frame has text, icons and a header bar: many colours. */
guint
bc_test_count_colors (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  gsize stride = width * 4;
  g_autofree guchar *pixels = g_malloc (stride * height);
  g_autoptr(GHashTable) colors = g_hash_table_new (NULL, NULL);

  gdk_texture_download (texture, pixels, stride);
  for (int y = 0; y < height; y += 2)
    for (int x = 0; x < width; x += 2)
      {
        guint32 pixel;

        memcpy (&pixel, pixels + y * stride + x * 4, 4);
        g_hash_table_add (colors, GUINT_TO_POINTER (pixel));
      }

  return g_hash_table_size (colors);
}

/* Into BACKCARE_TEST_OUTPUT when set, for a person to look at; otherwise
 * into the test's own world, which is removed afterwards.
 */
void
bc_test_save_png (GtkWidget  *widget,
                  const char *name)
{
  g_autoptr(GdkTexture) texture = NULL;
  const char *dir = g_getenv ("BACKCARE_TEST_OUTPUT");
  g_autofree char *path = g_build_filename (dir ? dir : g_getenv ("BACKCARE_TEST_WORLD"), name,
                                            NULL);

  bc_test_iterate (300);
  texture = bc_test_render (widget);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("rendered %s (%d × %d)", path, gdk_texture_get_width (texture),
                  gdk_texture_get_height (texture));
}
