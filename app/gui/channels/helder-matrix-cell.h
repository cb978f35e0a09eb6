/* helder-matrix-cell.h: one drawn cell of the channel matrix
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "model/helder-records.h"

G_BEGIN_DECLS

#define HELDER_TYPE_MATRIX_CELL (helder_matrix_cell_get_type ())

G_DECLARE_FINAL_TYPE (HelderMatrixCell, helder_matrix_cell, HELDER, MATRIX_CELL, GtkWidget)

/* What a cell shows, asked for when it is first drawn (or read) after
 * helder_matrix_cell_set_item(): rows bound off screen cost nothing. */
typedef void (*HelderMatrixCellFill) (HelderMatrixCell *cell,
                                      gpointer          user_data);

typedef enum
{
  HELDER_MATRIX_CELL_SCORE, /* a channel's score: heat, marks, focusable */
  HELDER_MATRIX_CELL_TITLE, /* a message's title and week, two lines */
} HelderMatrixCellKind;

GtkWidget    *helder_matrix_cell_new            (HelderMatrixCellKind  kind,
                                                 HelderMatrixCellFill  fill,
                                                 gpointer              user_data);
void          helder_matrix_cell_set_item       (HelderMatrixCell     *self,
                                                 HelderRecord         *message,
                                                 guint                 channel);
HelderRecord *helder_matrix_cell_get_message    (HelderMatrixCell     *self);
guint         helder_matrix_cell_get_channel    (HelderMatrixCell     *self);
void          helder_matrix_cell_invalidate     (HelderMatrixCell     *self);

/* Called by the fill function */
void          helder_matrix_cell_set_content    (HelderMatrixCell     *self,
                                                 const char           *text,
                                                 const char           *secondary,
                                                 int                   heat,
                                                 gboolean              proposed,
                                                 gboolean              chosen,
                                                 gboolean              warning,
                                                 const char           *accessible_label);

/* What it shows (filled first if it was not yet) */
const char   *helder_matrix_cell_get_text       (HelderMatrixCell     *self);
const char   *helder_matrix_cell_get_label      (HelderMatrixCell     *self);
int           helder_matrix_cell_get_heat       (HelderMatrixCell     *self);
gboolean      helder_matrix_cell_get_proposed   (HelderMatrixCell     *self);
gboolean      helder_matrix_cell_get_chosen     (HelderMatrixCell     *self);
gboolean      helder_matrix_cell_get_warning    (HelderMatrixCell     *self);

G_END_DECLS
