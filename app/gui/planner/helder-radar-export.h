/* helder-radar-export.h: the Radar view's export and import: CSV, the radar as PNG, the quarterly report
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-radar-view.h"

G_BEGIN_DECLS

void     helder_radar_export_csv         (HelderRadarView *view);
void     helder_radar_import_csv         (HelderRadarView *view);
void     helder_radar_export_png         (HelderRadarView *view);
void     helder_radar_export_pdf         (HelderRadarView *view);

gboolean helder_radar_save_csv           (HelderRadarView *view,
                                          GFile           *file,
                                          GError         **error);
gboolean helder_radar_save_png           (HelderRadarView *view,
                                          GFile           *file,
                                          GError         **error);
gboolean helder_radar_save_pdf           (HelderRadarView *view,
                                          GFile           *file,
                                          GError         **error);
AdwMessageDialog *helder_radar_preview_import (HelderRadarView *view,
                                          GFile           *file,
                                          GError         **error);

G_END_DECLS
