/* helder-renderer.h: cairo where OpenGL is only software
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean helder_gl_is_software     (GdkDisplay *display);
gboolean helder_gl_has_render_node (const char *dri_dir);
gboolean helder_prepare_renderer   (void);
void     helder_choose_renderer    (GdkDisplay *display);

G_END_DECLS
