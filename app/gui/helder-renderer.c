/* helder-renderer.c: cairo where OpenGL is only software
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-renderer"

#include "config.h"

#include <epoxy/gl.h>
#include <string.h>

#include "helder-renderer.h"

/* GTK 4.8 draws with OpenGL wherever it can make a GL context, also when
 * that context is Mesa's software rasteriser: on a virtual desktop without
 * a GPU (Citrix, VDI: common at municipalities) or under Xvfb.  There a
 * frame of the editor with a long text takes 20 to 50 ms, with cairo
 * about 2.  GTK itself stopped using its GPU renderers on llvmpipe in
 * 4.14; until Debian's GTK does, Helder makes the same choice before its
 * first window.  GSK_RENDERER, when set, decides instead. */

/* Whether @display's OpenGL is a software rasteriser. */
gboolean
helder_gl_is_software (GdkDisplay *display)
{
  static const char * const software[] = { "llvmpipe", "softpipe", "Software Rasterizer", "SWR" };
  g_autoptr(GdkGLContext) context = NULL;
  g_autoptr(GError) error = NULL;
  const char *renderer;
  gboolean result = FALSE;

  /* No OpenGL at all: GTK draws with cairo by itself. */
  if (!gdk_display_prepare_gl (display, &error))
    return FALSE;
  context = gdk_display_create_gl_context (display, &error);
  if (context == NULL || !gdk_gl_context_realize (context, &error))
    return FALSE;

  gdk_gl_context_make_current (context);
  renderer = (const char *) glGetString (GL_RENDERER);
  for (guint i = 0; renderer != NULL && i < G_N_ELEMENTS (software); i++)
    if (strstr (renderer, software[i]) != NULL)
      result = TRUE;
  g_debug ("OpenGL renderer: %s", renderer ? renderer : "(unknown)");
  gdk_gl_context_clear_current ();
  return result;
}

/* Before the first window is shown: cairo when OpenGL is software and
 * nobody chose a renderer. */
void
helder_choose_renderer (GdkDisplay *display)
{
  if (display == NULL || g_getenv ("GSK_RENDERER") != NULL)
    return;
  if (helder_gl_is_software (display))
    g_setenv ("GSK_RENDERER", "cairo", TRUE);
}
