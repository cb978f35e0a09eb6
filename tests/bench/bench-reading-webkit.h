/* bench-reading-webkit.h: what the reading view's benchmark shares with its WebKitGTK half
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The attachment every document's images show */
#define BENCH_IMAGE "wijkkaart.png"

long        bench_status_kib (int         pid,
                              const char *field);
GdkTexture *bench_make_image (void);
int         bench_compare_doubles (gconstpointer a,
                                   gconstpointer b);
/* Opens @documents (Markdown) one after the other in a WebKitWebView and
 * prints the figures; bench-reading-webkit.c, built only with WebKitGTK */
void        bench_webkit_run (const char * const *documents,
                              guint               n);

G_END_DECLS
