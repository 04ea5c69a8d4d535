/* test-plan-print.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The printed plan without a display: a real PDF read back with pdfinfo,
 * pdftotext and pdftoppm, page 1 against a reference picture, and the
 * layout of long plans checked through the layout API.
 * build-aux/update-print-reference rewrites the reference picture.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "bc-plan-layout.h"

#define REFERENCE "plan-page1.png"

static BcExerciseCatalog *catalog;

static char *
world_path (const char *name)
{
  return g_build_filename (g_getenv ("BACKCARE_TEST_WORLD"), name, NULL);
}

static void
add_item (BcPlan     *plan,
          const char *slug,
          BcDosage    dosage,
          const char *notes)
{
  g_autofree char *ref = g_strconcat ("builtin:", slug, NULL);
  g_autoptr(BcPlanItem) item = bc_plan_item_new (ref, &dosage, notes);

  g_assert_nonnull (bc_exercise_catalog_lookup (catalog, ref));
  g_list_store_append (bc_plan_get_items (plan), item);
}

static BcPlan *
fixture_plan (void)
{
  BcPlan *plan = bc_plan_new ("Back on track after the flare-up");
  BcDosage strengthen = { 2, 10, 5, 30, 1, BC_DAY_MONDAY | BC_DAY_WEDNESDAY | BC_DAY_FRIDAY };
  BcDosage stretch = { 3, 1, 30, 15, 1, BC_DAYS_ALL };

  bc_plan_set_clinician (plan, "Jordan Okafor");
  bc_plan_set_start_date (plan, "2026-11-23");
  bc_plan_set_review_date (plan, "2026-12-21");
  bc_plan_set_notes (plan, "Little and often is better than a lot once in a while.");
  add_item (plan, "pelvic-tilt", strengthen, "Small, slow movements.");
  add_item (plan, "glute-bridge", strengthen, NULL);
  add_item (plan, "bird-dog", strengthen, NULL);
  add_item (plan, "hamstring-stretch-supine-strap", stretch, NULL);
  add_item (plan, "hip-flexor-stretch-half-kneeling", stretch, "Cushion under the knee.");
  add_item (plan, "chest-stretch-doorway", stretch, NULL);
  return plan;
}

static BcPlanLayout *
fixture_layout (BcPlan *plan)
{
  g_autoptr(GDateTime) printed = g_date_time_new_local (2026, 11, 23, 10, 0, 0);
  BcLetterhead letterhead = {
    "Riverside Physiotherapy", "12 Mill Lane, Springfield", "+1 555 0100", NULL,
  };

  return bc_plan_layout_new (plan, catalog, "Ana Souza", &letterhead, printed);
}

static char *
run (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* pdftotext wraps lines as the page does: compare with single spaces. */
static char *
normalize (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \n\t\f", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_string_append_printf (out, "%s%s", out->len > 0 ? " " : "", words[i]);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_pdf_contents (void)
{
  g_autoptr(BcPlan) plan = fixture_plan ();
  g_autoptr(BcPlanLayout) layout = fixture_layout (plan);
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = world_path ("plan.pdf");
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  g_autofree char *pages = NULL;
  GListModel *items = G_LIST_MODEL (bc_plan_get_items (plan));

  g_assert_true (bc_plan_layout_export_pdf (layout, BC_PAPER_A4, pdf, &error));
  g_assert_no_error (error);

  info = run ((const char *[]) { "pdfinfo", pdf, NULL });
  pages = g_strdup_printf ("Pages:           %u", bc_plan_layout_get_n_pages (layout));
  g_assert_nonnull (strstr (info, pages));
  g_assert_nonnull (strstr (info, "595.276 x 841.89 pts (A4)"));
  g_assert_nonnull (strstr (info, "Back on track after the flare-up"));

  text = run ((const char *[]) { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL });
  flat = normalize (text);
  g_assert_nonnull (strstr (flat, "Ana Souza"));
  g_assert_nonnull (strstr (flat, "Jordan Okafor"));
  g_assert_nonnull (strstr (flat, "Riverside Physiotherapy"));
  g_assert_nonnull (strstr (flat, "Tracking sheet"));
  g_assert_nonnull (strstr (flat, "Printed 23 November 2026"));

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(BcPlanItem) item = g_list_model_get_item (items, i);
      BcExercise *exercise = bc_exercise_catalog_lookup (catalog,
                                                         bc_plan_item_get_exercise_ref (item));
      g_autofree char *words = bc_dosage_format_words (bc_plan_item_get_dosage (item),
                                                       bc_exercise_get_per_side (exercise));

      g_test_message ("%s: %s", bc_exercise_get_name (exercise), words);
      g_assert_nonnull (strstr (flat, bc_exercise_get_name (exercise)));
      g_assert_nonnull (strstr (flat, words));
      g_assert_nonnull (strstr (flat, bc_exercise_get_steps (exercise)[0]));
    }
}

static cairo_surface_t *
load_png (const char *path)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  return surface;
}

/* Page 1 as pixels, against tests/reference/plan-page1.png: the same
 * size, and few pixels that differ visibly (fonts may antialias a
 * little differently between builds of the same font).
 */
static void
test_reference_page (void)
{
  g_autoptr(BcPlan) plan = fixture_plan ();
  g_autoptr(BcPlanLayout) layout = fixture_layout (plan);
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = world_path ("reference.pdf");
  g_autofree char *prefix = world_path ("page");
  g_autofree char *png = world_path ("page.png");
  g_autofree char *reference = g_test_build_filename (G_TEST_DIST, "reference", REFERENCE, NULL);
  g_autofree char *out = NULL;
  cairo_surface_t *actual, *expected;
  int width, height, stride;
  guint differing = 0;
  double total = 0;

  g_assert_true (bc_plan_layout_export_pdf (layout, BC_PAPER_A4, pdf, &error));
  out = run ((const char *[]) { "pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1",
                                "-singlefile", pdf, prefix, NULL });

  if (g_getenv ("BACKCARE_UPDATE_REFERENCE") != NULL)
    {
      g_autofree char *target = g_build_filename (g_getenv ("BACKCARE_UPDATE_REFERENCE"),
                                                  REFERENCE, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (png, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (target, contents, length, NULL));
      g_test_message ("reference written to %s", target);
    }

  actual = load_png (png);
  expected = load_png (reference);
  width = cairo_image_surface_get_width (actual);
  height = cairo_image_surface_get_height (actual);
  g_assert_cmpint (width, ==, cairo_image_surface_get_width (expected));
  g_assert_cmpint (height, ==, cairo_image_surface_get_height (expected));

  stride = cairo_image_surface_get_stride (actual);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        const guint8 *a = cairo_image_surface_get_data (actual) + y * stride + x * 4;
        const guint8 *b = cairo_image_surface_get_data (expected) + y * stride + x * 4;
        int diff = MAX (MAX (ABS (a[0] - b[0]), ABS (a[1] - b[1])), ABS (a[2] - b[2]));

        total += diff;
        if (diff > 64)
          differing++;
      }

  g_test_message ("%u of %d pixels differ visibly, mean difference %.3f",
                  differing, width * height, total / (width * height));
  g_assert_cmpfloat ((double)differing / (width * height), <, 0.01);
  g_assert_cmpfloat (total / (width * height), <, 3.0);

  cairo_surface_destroy (actual);
  cairo_surface_destroy (expected);
}

static void
assert_blocks_fit (BcPlanLayout *layout,
                   guint         n_items)
{
  const BcLayoutBlock *blocks;
  guint n_blocks, seen = 0, last_page = 0;
  double content = bc_plan_layout_get_content_height (layout);

  blocks = bc_plan_layout_get_blocks (layout, &n_blocks);
  for (guint i = 0; i < n_blocks; i++)
    {
      /* No block crosses the footer or the page end: none is split. */
      g_assert_cmpfloat (blocks[i].y, >=, 0);
      g_assert_cmpfloat (blocks[i].y + blocks[i].height, <=, content + 0.01);
      g_assert_cmpuint (blocks[i].page, >=, last_page);
      g_assert_cmpuint (blocks[i].page, <, bc_plan_layout_get_n_pages (layout));
      last_page = blocks[i].page;

      if (blocks[i].kind == BC_LAYOUT_BLOCK_EXERCISE)
        {
          g_assert_cmpuint (blocks[i].item, ==, seen);
          seen++;
        }

      /* Blocks on one page never overlap. */
      if (i > 0 && blocks[i - 1].page == blocks[i].page)
        g_assert_cmpfloat (blocks[i - 1].y + blocks[i - 1].height, <=, blocks[i].y + 0.01);
    }

  g_assert_cmpuint (seen, ==, n_items);
}

static void
test_thirty_exercises (void)
{
  g_autoptr(BcPlan) plan = bc_plan_new ("Thirty exercises");
  GListModel *model = bc_exercise_catalog_get_model (catalog);
  guint n_builtin = g_list_model_get_n_items (model);
  static const BcPaper papers[] = { BC_PAPER_A4, BC_PAPER_LETTER };

  for (guint i = 0; i < 30; i++)
    {
      g_autoptr(BcExercise) exercise = g_list_model_get_item (model, i % n_builtin);
      g_autoptr(BcPlanItem) item = bc_plan_item_new (bc_exercise_get_ref (exercise),
                                                     bc_exercise_get_dosage (exercise),
                                                     i % 4 == 0 ? "Keep breathing." : NULL);

      g_list_store_append (bc_plan_get_items (plan), item);
    }

  for (guint p = 0; p < G_N_ELEMENTS (papers); p++)
    {
      g_autoptr(BcPlanLayout) layout = fixture_layout (plan);
      g_autoptr(GError) error = NULL;
      g_autofree char *pdf = world_path ("thirty.pdf");
      g_autofree char *info = NULL;
      g_autofree char *pages = NULL;

      /* Export paginates for the paper; check that very layout. */
      g_assert_true (bc_plan_layout_export_pdf (layout, papers[p], pdf, &error));
      g_assert_no_error (error);
      g_test_message ("paper %u: %u pages", p, bc_plan_layout_get_n_pages (layout));
      g_assert_cmpuint (bc_plan_layout_get_n_pages (layout), >=, 8);
      assert_blocks_fit (layout, 30);

      info = run ((const char *[]) { "pdfinfo", pdf, NULL });
      pages = g_strdup_printf ("Pages:           %u", bc_plan_layout_get_n_pages (layout));
      g_assert_nonnull (strstr (info, pages));
    }
}

static void
test_long_and_rtl (void)
{
  g_autoptr(BcPlan) plan = bc_plan_new ("خطة التمارين المنزلية — תוכנית תרגילים");
  g_autoptr(BcPlanLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = world_path ("rtl.pdf");
  g_autofree char *text = NULL;
  g_autofree char *long_note = NULL;
  g_autoptr(GString) note = g_string_new (NULL);
  BcDosage dosage = { 3, 12, 10, 60, 2, BC_DAYS_ALL };

  for (guint i = 0; i < 40; i++)
    g_string_append (note, "Ausgangsstellung-beibehalten-und-gleichmäßig-weiteratmen ");
  long_note = g_string_free (g_steal_pointer (&note), FALSE);

  bc_plan_set_notes (plan, "تمرن ببطء وتوقف إذا شعرت بألم حاد. Делайте медленно.");
  add_item (plan, "hip-flexor-stretch-thomas", dosage, long_note);
  add_item (plan, "chest-stretch-supine-towel", dosage, "ابق ظهرك مستقيما");
  add_item (plan, "hamstring-stretch-supine-strap", dosage, NULL);

  layout = fixture_layout (plan);
  g_assert_true (bc_plan_layout_export_pdf (layout, BC_PAPER_LETTER, pdf, &error));
  g_assert_no_error (error);
  assert_blocks_fit (layout, 3);

  text = run ((const char *[]) { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL });
  g_assert_nonnull (strstr (text, "медленно"));
  g_assert_nonnull (strstr (text, "ببطء"));
  g_assert_nonnull (strstr (text, "Ausgangsstellung"));
}

static void
test_paper_from_locale (void)
{
  static const struct {
    const char *lc_all;
    const char *lc_paper;
    const char *lang;
    BcPaper     expected;
  } cases[] = {
    { NULL, "en_US.UTF-8", "de_DE.UTF-8", BC_PAPER_LETTER },
    { NULL, "fr_CA.UTF-8", NULL, BC_PAPER_LETTER },
    { NULL, "de_DE.UTF-8", "en_US.UTF-8", BC_PAPER_A4 },
    { NULL, NULL, "en_GB.UTF-8", BC_PAPER_A4 },
    { "en_US.UTF-8", "de_DE.UTF-8", NULL, BC_PAPER_LETTER },
    { NULL, NULL, NULL, BC_PAPER_A4 },
  };
  BcPaper paper;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *names[] = { "LC_ALL", "LC_PAPER", "LANG" };
      const char *values[] = { cases[i].lc_all, cases[i].lc_paper, cases[i].lang };

      for (guint v = 0; v < 3; v++)
        {
          if (values[v] != NULL)
            g_setenv (names[v], values[v], TRUE);
          else
            g_unsetenv (names[v]);
        }

      g_assert_cmpint (bc_paper_from_locale (), ==, cases[i].expected);
    }

  g_assert_true (bc_paper_from_string ("A4", &paper));
  g_assert_cmpint (paper, ==, BC_PAPER_A4);
  g_assert_true (bc_paper_from_string ("letter", &paper));
  g_assert_cmpint (paper, ==, BC_PAPER_LETTER);
  g_assert_false (bc_paper_from_string ("legal", &paper));
}

static void
test_unwritable (void)
{
  g_autoptr(BcPlan) plan = fixture_plan ();
  g_autoptr(BcPlanLayout) layout = fixture_layout (plan);
  g_autoptr(GError) error = NULL;
  g_autofree char *blocker = world_path ("blocker");
  g_autofree char *pdf = g_build_filename (blocker, "plan.pdf", NULL);

  g_assert_true (g_file_set_contents (blocker, "a file", -1, NULL));
  g_assert_false (bc_plan_layout_export_pdf (layout, BC_PAPER_A4, pdf, &error));
  g_assert_nonnull (error);
  g_test_message ("refused: %s", error->message);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;

  g_test_init (&argc, &argv, NULL);

  catalog = bc_exercise_catalog_new (NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/print/pdf-contents", test_pdf_contents);
  g_test_add_func ("/print/reference-page", test_reference_page);
  g_test_add_func ("/print/thirty-exercises", test_thirty_exercises);
  g_test_add_func ("/print/long-and-rtl", test_long_and_rtl);
  g_test_add_func ("/print/paper-from-locale", test_paper_from_locale);
  g_test_add_func ("/print/unwritable", test_unwritable);

  return g_test_run ();
}
