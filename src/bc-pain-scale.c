/* bc-pain-scale.c
 *
 * Copyright 2026 The BackCare developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bc-pain-scale"

#include "config.h"

#include <glib/gi18n.h>

#include "bc-pain-scale.h"

/* The 0–10 Numeric Rating Scale as eleven round buttons with the words
 * for 0, 5 and 10 beneath. The buttons stand in one row when there is
 * room, the words under their numbers; when there is not, they stand in
 * two rows (0–5 above 6–10) with the words as one line below, so every
 * button stays large enough to tap at 360 px. Selectable scales keep
 * one value, as in the entry dialog; the others only report the value
 * tapped, as the quick log on Today does.
 */

#define N_VALUES 11
#define SPACING 6
#define FIRST_ROW 6
#define LEGEND_SPACING 4
#define WORD_GAP 12

struct _BcPainScale
{
  GtkWidget  parent_instance;

  GtkWidget *buttons[N_VALUES];
  /* The words under 0, 5 and 10 in one row, or all on one line. */
  GtkWidget *words[3];
  GtkWidget *legend;
  int        value;
  gboolean   selectable;
  gboolean   one_row;
  gboolean   updating;
};

G_DEFINE_FINAL_TYPE (BcPainScale, bc_pain_scale, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_VALUE,
  PROP_SELECTABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  gboolean one_row;
  gboolean words_fit;
  double   column_width;
  int      button_width;
  int      button_height;
  int      buttons_height;
} Layout;

static void
measure_buttons (BcPainScale *self,
                 int          orientation,
                 int         *out_min,
                 int         *out_nat)
{
  *out_min = 0;
  *out_nat = 0;

  for (guint i = 0; i < N_VALUES; i++)
    {
      int min, nat;

      gtk_widget_measure (self->buttons[i], orientation, -1, &min, &nat, NULL, NULL);
      *out_min = MAX (*out_min, min);
      *out_nat = MAX (*out_nat, nat);
    }
}

static int
natural_width (GtkWidget *widget)
{
  int min, nat;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
  return nat;
}

static int
height_for_width (GtkWidget *widget,
                  int        width)
{
  int min, nat;

  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, width, &min, &nat, NULL, NULL);
  return nat;
}

static gboolean
has_text (GtkWidget *label)
{
  return gtk_label_get_label (GTK_LABEL (label))[0] != '\0';
}

/* The left edge of button @i. */
static double
button_x (const Layout *layout,
          int           i)
{
  int row = layout->one_row || i < FIRST_ROW ? 0 : 1;
  int column = row == 0 ? i : i - FIRST_ROW;

  /* The shorter second row sits centred under the first. */
  return column * (layout->column_width + SPACING)
         + (row == 1 ? (layout->column_width + SPACING) / 2.0 : 0.0)
         + (layout->column_width - layout->button_width) / 2.0;
}

/* Where the words go under 0, 5 and 10: from the left edge of 0, centred
 * under 5, up to the right edge of 10.
 */
static void
word_positions (BcPainScale  *self,
                const Layout *layout,
                int           out_x[3],
                int           out_width[3])
{
  for (int i = 0; i < 3; i++)
    out_width[i] = natural_width (self->words[i]);

  out_x[0] = (int)(button_x (layout, 0) + 0.5);
  out_x[1] = (int)(button_x (layout, 5) + layout->button_width / 2.0 - out_width[1] / 2.0 + 0.5);
  out_x[2] = (int)(button_x (layout, N_VALUES - 1) + layout->button_width + 0.5) - out_width[2];
}

static void
compute_layout (BcPainScale *self,
                int          width,
                Layout      *layout)
{
  int min_width, nat_width, min_height, nat_height;
  int x[3], w[3];

  measure_buttons (self, GTK_ORIENTATION_HORIZONTAL, &min_width, &nat_width);
  measure_buttons (self, GTK_ORIENTATION_VERTICAL, &min_height, &nat_height);

  layout->one_row = width >= N_VALUES * min_width + (N_VALUES - 1) * SPACING;
  layout->column_width = (width - ((layout->one_row ? N_VALUES : FIRST_ROW) - 1) * SPACING)
                         / (double)(layout->one_row ? N_VALUES : FIRST_ROW);
  layout->button_height = nat_height;
  /* Round buttons, centred in their columns, however wide these are. */
  layout->button_width = CLAMP (MAX (nat_height, nat_width), min_width,
                                MAX ((int)layout->column_width, min_width));
  layout->buttons_height = layout->one_row ? nat_height : 2 * nat_height + SPACING;

  layout->words_fit = FALSE;
  if (!layout->one_row)
    return;

  word_positions (self, layout, x, w);
  if (has_text (self->words[1]))
    layout->words_fit = x[0] >= 0 && x[0] + w[0] + WORD_GAP <= x[1] &&
                        x[1] + w[1] + WORD_GAP <= x[2] && x[2] + w[2] <= width;
  else
    layout->words_fit = x[0] >= 0 && x[0] + w[0] + WORD_GAP <= x[2] && x[2] + w[2] <= width;
}

static int
legend_height (BcPainScale  *self,
               const Layout *layout,
               int           width)
{
  int height = 0;

  if (!layout->words_fit)
    return height_for_width (self->legend, width);

  for (int i = 0; i < 3; i++)
    height = MAX (height, height_for_width (self->words[i], -1));

  return height;
}

static void
bc_pain_scale_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  BcPainScale *self = BC_PAIN_SCALE (widget);
  int min, nat, legend_min, legend_nat;
  Layout layout;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      measure_buttons (self, orientation, &min, &nat);
      gtk_widget_measure (self->legend, orientation, -1, &legend_min, &legend_nat, NULL, NULL);
      *minimum = MAX (FIRST_ROW * min + (FIRST_ROW - 1) * SPACING, legend_min);
      *natural = MAX (N_VALUES * MAX (min, nat) + (N_VALUES - 1) * SPACING, *minimum);
      return;
    }

  /* Without a width, the height the narrowest width needs. */
  if (for_size < 0)
    bc_pain_scale_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &for_size, &nat, NULL, NULL);

  compute_layout (self, for_size, &layout);
  *minimum = *natural = layout.buttons_height + LEGEND_SPACING
                        + legend_height (self, &layout, for_size);
}

static GtkSizeRequestMode
bc_pain_scale_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
bc_pain_scale_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  BcPainScale *self = BC_PAIN_SCALE (widget);
  int legend_y;
  Layout layout;

  compute_layout (self, width, &layout);
  self->one_row = layout.one_row;

  for (int i = 0; i < N_VALUES; i++)
    {
      int row = layout.one_row || i < FIRST_ROW ? 0 : 1;

      gtk_widget_size_allocate (self->buttons[i],
                                &(GtkAllocation) { (int)(button_x (&layout, i) + 0.5),
                                                   row * (layout.button_height + SPACING),
                                                   layout.button_width, layout.button_height },
                                -1);
    }

  legend_y = layout.buttons_height + LEGEND_SPACING;

  for (int i = 0; i < 3; i++)
    gtk_widget_set_child_visible (self->words[i], layout.words_fit && has_text (self->words[i]));
  gtk_widget_set_child_visible (self->legend, !layout.words_fit);

  if (layout.words_fit)
    {
      int x[3], w[3];

      word_positions (self, &layout, x, w);
      for (int i = 0; i < 3; i++)
        {
          if (gtk_widget_get_child_visible (self->words[i]))
            gtk_widget_size_allocate (self->words[i],
                                      &(GtkAllocation) { x[i], legend_y, w[i],
                                                         height_for_width (self->words[i], -1) },
                                      -1);
        }
    }
  else
    {
      gtk_widget_size_allocate (self->legend,
                                &(GtkAllocation) { 0, legend_y, width,
                                                   height_for_width (self->legend, width) },
                                -1);
    }
}

static void
sync_buttons (BcPainScale *self)
{
  if (!self->selectable || self->buttons[0] == NULL)
    return;

  self->updating = TRUE;
  for (int i = 0; i < N_VALUES; i++)
    {
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->buttons[i]), i == self->value);
      /* The chosen value in the accent colour, clear at a glance. */
      if (i == self->value)
        gtk_widget_add_css_class (self->buttons[i], "suggested-action");
      else
        gtk_widget_remove_css_class (self->buttons[i], "suggested-action");
    }
  self->updating = FALSE;
}

/* Clicking the chosen value again keeps it: a rating is never unset
 * by a stray second tap.
 */
static void
button_toggled_cb (GtkToggleButton *button,
                   BcPainScale     *self)
{
  int value = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "bc-value"));

  if (self->updating)
    return;

  if (!gtk_toggle_button_get_active (button))
    {
      if (value == self->value)
        sync_buttons (self);
      return;
    }

  bc_pain_scale_choose (self, value);
}

static void
button_clicked_cb (GtkButton   *button,
                   BcPainScale *self)
{
  bc_pain_scale_choose (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button),
                                                                  "bc-value")));
}

static void
create_buttons (BcPainScale *self)
{
  for (int i = 0; i < N_VALUES; i++)
    {
      g_autofree char *label = g_strdup_printf ("%d", i);
      GtkWidget *button = self->selectable ? gtk_toggle_button_new_with_label (label)
                                           : gtk_button_new_with_label (label);

      gtk_widget_add_css_class (button, "circular");
      g_object_set_data (G_OBJECT (button), "bc-value", GINT_TO_POINTER (i));
      if (self->selectable)
        g_signal_connect_object (button, "toggled", G_CALLBACK (button_toggled_cb), self, 0);
      else
        g_signal_connect_object (button, "clicked", G_CALLBACK (button_clicked_cb), self, 0);

      gtk_widget_set_parent (button, GTK_WIDGET (self));
      self->buttons[i] = button;
    }

  for (int i = 0; i <= 3; i++)
    {
      GtkWidget *label = gtk_label_new (NULL);

      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      /* The buttons carry the words for screen readers already. */
      gtk_accessible_update_state (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      gtk_widget_set_parent (label, GTK_WIDGET (self));
      if (i < 3)
        {
          gtk_label_set_xalign (GTK_LABEL (label), i == 0 ? 0.0f : i == 1 ? 0.5f : 1.0f);
          self->words[i] = label;
        }
      else
        {
          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
          self->legend = label;
        }
    }

  bc_pain_scale_set_anchors (self, _("No pain"), _("Moderate"), _("Worst imaginable"));
  sync_buttons (self);
}

static void
bc_pain_scale_constructed (GObject *object)
{
  BcPainScale *self = BC_PAIN_SCALE (object);

  G_OBJECT_CLASS (bc_pain_scale_parent_class)->constructed (object);

  create_buttons (self);
}

static void
bc_pain_scale_dispose (GObject *object)
{
  BcPainScale *self = BC_PAIN_SCALE (object);

  for (guint i = 0; i < N_VALUES; i++)
    g_clear_pointer (&self->buttons[i], gtk_widget_unparent);
  for (guint i = 0; i < G_N_ELEMENTS (self->words); i++)
    g_clear_pointer (&self->words[i], gtk_widget_unparent);
  g_clear_pointer (&self->legend, gtk_widget_unparent);

  G_OBJECT_CLASS (bc_pain_scale_parent_class)->dispose (object);
}

static void
bc_pain_scale_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  BcPainScale *self = BC_PAIN_SCALE (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      g_value_set_int (value, self->value);
      break;

    case PROP_SELECTABLE:
      g_value_set_boolean (value, self->selectable);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bc_pain_scale_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  BcPainScale *self = BC_PAIN_SCALE (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      bc_pain_scale_set_value (self, g_value_get_int (value));
      break;

    case PROP_SELECTABLE:
      self->selectable = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bc_pain_scale_class_init (BcPainScaleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = bc_pain_scale_constructed;
  object_class->dispose = bc_pain_scale_dispose;
  object_class->get_property = bc_pain_scale_get_property;
  object_class->set_property = bc_pain_scale_set_property;

  widget_class->measure = bc_pain_scale_measure;
  widget_class->size_allocate = bc_pain_scale_size_allocate;
  widget_class->get_request_mode = bc_pain_scale_get_request_mode;

  properties[PROP_VALUE] =
    g_param_spec_int ("value", NULL, NULL,
                      BC_PAIN_SCALE_NONE, N_VALUES - 1, BC_PAIN_SCALE_NONE,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SELECTABLE] =
    g_param_spec_boolean ("selectable", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A value tapped (or chosen through bc_pain_scale_choose ()). */
  signals[CHOSEN] =
    g_signal_new ("chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_set_css_name (widget_class, "painscale");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
bc_pain_scale_init (BcPainScale *self)
{
  self->value = BC_PAIN_SCALE_NONE;
  self->selectable = TRUE;
}

GtkWidget *
bc_pain_scale_new (gboolean selectable)
{
  return g_object_new (BC_TYPE_PAIN_SCALE, "selectable", selectable, NULL);
}

/* Returns: the chosen value, or %BC_PAIN_SCALE_NONE */
int
bc_pain_scale_get_value (BcPainScale *self)
{
  g_return_val_if_fail (BC_IS_PAIN_SCALE (self), BC_PAIN_SCALE_NONE);

  return self->value;
}

/* Values outside 0–10 clear the choice. */
void
bc_pain_scale_set_value (BcPainScale *self,
                         int          value)
{
  g_return_if_fail (BC_IS_PAIN_SCALE (self));

  if (value < 0 || value >= N_VALUES)
    value = BC_PAIN_SCALE_NONE;

  if (self->value == value)
    return;

  self->value = value;
  sync_buttons (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

gboolean
bc_pain_scale_get_selectable (BcPainScale *self)
{
  g_return_val_if_fail (BC_IS_PAIN_SCALE (self), FALSE);

  return self->selectable;
}

/* As a tap on @value's button: selects it if the scale keeps a value,
 * and emits "chosen".
 */
void
bc_pain_scale_choose (BcPainScale *self,
                      int          value)
{
  g_return_if_fail (BC_IS_PAIN_SCALE (self));
  g_return_if_fail (value >= 0 && value < N_VALUES);

  if (self->selectable)
    bc_pain_scale_set_value (self, value);

  g_signal_emit (self, signals[CHOSEN], 0, value);
}

/* Whether the last allocation put all eleven buttons in one row. */
gboolean
bc_pain_scale_get_one_row (BcPainScale *self)
{
  g_return_val_if_fail (BC_IS_PAIN_SCALE (self), FALSE);

  return self->one_row;
}

/**
 * bc_pain_scale_set_anchors:
 * @low: (nullable): what 0 means
 * @middle: (nullable): what 5 means
 * @high: (nullable): what 10 means
 *
 * The words under the scale, and the names screen readers and tooltips
 * give the ends (and the middle): "No pain" to "Worst imaginable"
 * unless set.
 */
void
bc_pain_scale_set_anchors (BcPainScale *self,
                           const char  *low,
                           const char  *middle,
                           const char  *high)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *anchors[3] = { low, middle, high };
  const int values[3] = { 0, 5, N_VALUES - 1 };
  g_autofree char *legend = NULL;

  g_return_if_fail (BC_IS_PAIN_SCALE (self));

  for (int i = 0; i < 3; i++)
    {
      /* Translators: a word under the pain scale, e.g. "0 No pain" */
      g_autofree char *text = anchors[i] ? g_strdup_printf (_("%d %s"), values[i], anchors[i])
                                         : g_strdup ("");

      gtk_label_set_label (GTK_LABEL (self->words[i]), text);
      if (anchors[i] != NULL)
        g_ptr_array_add (parts, g_steal_pointer (&text));
    }
  g_ptr_array_add (parts, NULL);
  legend = g_strjoinv (" · ", (char **)parts->pdata);
  gtk_label_set_label (GTK_LABEL (self->legend), legend);

  for (int i = 0; i < N_VALUES; i++)
    {
      const char *word = i == 0 ? low : i == 5 ? middle : i == N_VALUES - 1 ? high : NULL;
      g_autofree char *name = NULL;

      /* Translators: a button's name for screen readers, e.g. "0, No pain" */
      name = word ? g_strdup_printf (_("%d, %s"), i, word) : g_strdup_printf ("%d", i);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->buttons[i]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_widget_set_tooltip_text (self->buttons[i], word);
    }
}
