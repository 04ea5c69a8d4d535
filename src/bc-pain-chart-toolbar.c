/* bc-pain-chart-toolbar.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bc-pain-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-pain-chart-toolbar.h"

/* The controls above a pain chart: the range as linked toggle buttons
 * (a drop-down where they do not fit, at 360 pixels) and a menu to
 * zoom and export. They drive the chart through its
 * actions, which this widget makes reachable wherever it is placed, so
 * a page can put it in a .ui file beside the chart:
 *
 *   <object class="BcPainChartToolbar">
 *     <property name="chart">chart</property>
 *   </object>
 */

struct _BcPainChartToolbar
{
  AdwBin       parent_instance;

  BcPainChart *chart;
  GtkDropDown *drop_down;
};

G_DEFINE_FINAL_TYPE (BcPainChartToolbar, bc_pain_chart_toolbar, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CHART,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* In the order of BcPainChartRange. */
static const struct {
  const char *label;
  const char *target;
  const char *tooltip;
} ranges[] = {
  { N_("2 Weeks"), "two-weeks", N_("Show the last two weeks") },
  { N_("3 Months"), "three-months", N_("Show the last three months") },
  { N_("1 Year"), "year", N_("Show the last year") },
  { N_("All"), "all", N_("Show everything logged") },
};

static GtkWidget *
build_range_buttons (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_add_css_class (box, "linked");
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Chart range"),
                                  -1);

  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (_(ranges[i].label));

      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "chart.range");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", ranges[i].target);
      gtk_widget_set_tooltip_text (button, _(ranges[i].tooltip));
      gtk_box_append (GTK_BOX (box), button);
    }

  return box;
}

static void
drop_down_selected_cb (BcPainChartToolbar *self)
{
  guint selected = gtk_drop_down_get_selected (self->drop_down);

  if (self->chart != NULL && selected < G_N_ELEMENTS (ranges) &&
      bc_pain_chart_get_range (self->chart) != (BcPainChartRange)selected)
    bc_pain_chart_set_range (self->chart, (BcPainChartRange)selected);
}

static void
chart_range_cb (BcPainChartToolbar *self)
{
  gtk_drop_down_set_selected (self->drop_down, bc_pain_chart_get_range (self->chart));
}

static GtkWidget *
build_range_drop_down (BcPainChartToolbar *self)
{
  const char *labels[G_N_ELEMENTS (ranges) + 1] = { NULL, };

  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    labels[i] = _(ranges[i].label);

  self->drop_down = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (labels));
  gtk_widget_set_halign (GTK_WIDGET (self->drop_down), GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->drop_down), _("Chart range"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->drop_down),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Chart range"),
                                  -1);
  g_signal_connect_object (self->drop_down, "notify::selected",
                           G_CALLBACK (drop_down_selected_cb), self, G_CONNECT_SWAPPED);

  return GTK_WIDGET (self->drop_down);
}

static GtkWidget *
build_menu_button (void)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) zoom = g_menu_new ();
  g_autoptr(GMenu) export = g_menu_new ();
  GtkWidget *button = gtk_menu_button_new ();

  g_menu_append (zoom, _("Zoom _In"), "chart.zoom-in");
  g_menu_append (zoom, _("Zoom _Out"), "chart.zoom-out");
  g_menu_append (export, _("Export Chart as _Image…"), "chart.export-image");
  g_menu_append (export, _("Export _Report as PDF…"), "chart.export-report");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (zoom));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (export));

  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_widget_set_tooltip_text (button, _("Chart Menu"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Chart Menu"),
                                  -1);
  gtk_widget_add_css_class (button, "flat");

  return button;
}

void
bc_pain_chart_toolbar_set_chart (BcPainChartToolbar *self,
                                 BcPainChart        *chart)
{
  g_return_if_fail (BC_IS_PAIN_CHART_TOOLBAR (self));
  g_return_if_fail (chart == NULL || BC_IS_PAIN_CHART (chart));

  if (self->chart == chart)
    return;

  if (self->chart != NULL)
    g_signal_handlers_disconnect_by_func (self->chart, chart_range_cb, self);
  g_set_object (&self->chart, chart);
  if (chart != NULL)
    {
      g_signal_connect_object (chart, "notify::range", G_CALLBACK (chart_range_cb), self,
                               G_CONNECT_SWAPPED);
      chart_range_cb (self);
    }
  gtk_widget_insert_action_group (GTK_WIDGET (self), "chart",
                                  chart != NULL ? bc_pain_chart_get_action_group (chart) : NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self), chart != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
}

BcPainChart *
bc_pain_chart_toolbar_get_chart (BcPainChartToolbar *self)
{
  g_return_val_if_fail (BC_IS_PAIN_CHART_TOOLBAR (self), NULL);

  return self->chart;
}

static void
bc_pain_chart_toolbar_dispose (GObject *object)
{
  BcPainChartToolbar *self = BC_PAIN_CHART_TOOLBAR (object);

  gtk_widget_insert_action_group (GTK_WIDGET (self), "chart", NULL);
  if (self->chart != NULL)
    g_signal_handlers_disconnect_by_func (self->chart, chart_range_cb, self);
  g_clear_object (&self->chart);

  G_OBJECT_CLASS (bc_pain_chart_toolbar_parent_class)->dispose (object);
}

static void
bc_pain_chart_toolbar_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  BcPainChartToolbar *self = BC_PAIN_CHART_TOOLBAR (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_object (value, self->chart);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bc_pain_chart_toolbar_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  BcPainChartToolbar *self = BC_PAIN_CHART_TOOLBAR (object);

  switch (prop_id)
    {
    case PROP_CHART:
      bc_pain_chart_toolbar_set_chart (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bc_pain_chart_toolbar_class_init (BcPainChartToolbarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bc_pain_chart_toolbar_dispose;
  object_class->get_property = bc_pain_chart_toolbar_get_property;
  object_class->set_property = bc_pain_chart_toolbar_set_property;

  properties[PROP_CHART] =
    g_param_spec_object ("chart", NULL, NULL,
                         BC_TYPE_PAIN_CHART,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bc_pain_chart_toolbar_init (BcPainChartToolbar *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *squeezer = adw_squeezer_new ();

  /* The buttons where they fit, else the drop-down. */
  adw_squeezer_set_homogeneous (ADW_SQUEEZER (squeezer), FALSE);
  adw_squeezer_set_xalign (ADW_SQUEEZER (squeezer), 0.0);
  adw_squeezer_set_transition_type (ADW_SQUEEZER (squeezer), ADW_SQUEEZER_TRANSITION_TYPE_NONE);
  gtk_widget_set_hexpand (squeezer, TRUE);
  adw_squeezer_add (ADW_SQUEEZER (squeezer), build_range_buttons ());
  adw_squeezer_add (ADW_SQUEEZER (squeezer), build_range_drop_down (self));

  gtk_box_append (GTK_BOX (box), squeezer);
  gtk_box_append (GTK_BOX (box), build_menu_button ());
  adw_bin_set_child (ADW_BIN (self), box);
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
}

GtkWidget *
bc_pain_chart_toolbar_new (BcPainChart *chart)
{
  return g_object_new (BC_TYPE_PAIN_CHART_TOOLBAR, "chart", chart, NULL);
}
