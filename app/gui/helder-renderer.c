/* helder-renderer.c: cairo where OpenGL is only software
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-renderer"

#include "config.h"

#include <epoxy/egl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "helder-renderer.h"

#ifdef GDK_WINDOWING_X11
#include <epoxy/glx.h>
#include <gdk/x11/gdkx.h>
#endif
#ifdef GDK_WINDOWING_WAYLAND
#include <gdk/wayland/gdkwayland.h>
#endif

/* GTK 4.8 draws with OpenGL wherever it can make a GL context, also when
 * that context is Mesa's software rasteriser: on a virtual desktop without
 * a GPU (Citrix, VDI: common at municipalities) or under Xvfb.  There a
 * frame of the editor with a long text takes 20 to 50 ms, with cairo
 * about 2.  GTK itself stopped using its GPU renderers on llvmpipe in
 * 4.14; until Debian's GTK does, Helder makes the same choice before its
 * first window.  GSK_RENDERER, when set, decides instead.
 *
 * GTK 4.14 asks the GL context of the display which renderer it is.
 * GTK 4.8 keeps that context private, and making one of our own costs
 * what llvmpipe costs to start (a context, LLVM's code generator, a
 * thread per core): about a tenth of a bare window's start-up.  So Helder
 * asks the GL platform that GTK already opened with the display, which
 * knows without a context: GLX's GLX_MESA_query_renderer says whether the
 * renderer is accelerated, EGL's device says EGL_MESA_device_software.
 * Where neither answers (another vendor's GL), no DRI render node that
 * can be opened means software too: hardware GL needs one, or NVIDIA's
 * own device. */

typedef enum
{
  GL_KIND_UNKNOWN,
  GL_KIND_HARDWARE,
  GL_KIND_SOFTWARE,
} GlKind;

static GlKind
egl_kind (EGLDisplay egl)
{
  EGLAttrib device = 0;
  const char *extensions;

  if (egl == EGL_NO_DISPLAY ||
      !epoxy_has_egl_extension (EGL_NO_DISPLAY, "EGL_EXT_device_query") ||
      !eglQueryDisplayAttribEXT (egl, EGL_DEVICE_EXT, &device) || device == 0)
    return GL_KIND_UNKNOWN;
  extensions = eglQueryDeviceStringEXT ((EGLDeviceEXT) device, EGL_EXTENSIONS);
  if (extensions == NULL)
    return GL_KIND_UNKNOWN;
  g_debug ("EGL device extensions: %s", extensions);
  return strstr (extensions, "EGL_MESA_device_software") != NULL ? GL_KIND_SOFTWARE : GL_KIND_HARDWARE;
}

#ifdef GDK_WINDOWING_X11
static GlKind
glx_kind (GdkDisplay *display)
{
  Display *xdisplay = gdk_x11_display_get_xdisplay (display);
  int screen = gdk_x11_screen_get_screen_number (gdk_x11_display_get_screen (display));
  unsigned int accelerated = 0;

  if (!epoxy_has_glx_extension (xdisplay, screen, "GLX_MESA_query_renderer") ||
      !glXQueryRendererIntegerMESA (xdisplay, screen, 0, GLX_RENDERER_ACCELERATED_MESA, &accelerated))
    return GL_KIND_UNKNOWN;
  g_debug ("GLX renderer: %s", glXQueryRendererStringMESA (xdisplay, screen, 0, GLX_RENDERER_DEVICE_ID_MESA));
  return accelerated ? GL_KIND_HARDWARE : GL_KIND_SOFTWARE;
}
#endif

static GlKind
platform_kind (GdkDisplay *display)
{
#ifdef GDK_WINDOWING_X11
  if (GDK_IS_X11_DISPLAY (display))
    {
      if (gdk_x11_display_get_egl_display (display) != NULL)
        return egl_kind (gdk_x11_display_get_egl_display (display));
      if (gdk_x11_display_get_glx_version (display, NULL, NULL))
        return glx_kind (display);
    }
#endif
#ifdef GDK_WINDOWING_WAYLAND
  if (GDK_IS_WAYLAND_DISPLAY (display))
    return egl_kind (gdk_wayland_display_get_egl_display (display));
#endif
  return GL_KIND_UNKNOWN;
}

/**
 * helder_gl_has_render_node:
 * @dri_dir: the folder of DRI devices, /dev/dri
 *
 * Whether a DRI render node (renderD*) in @dri_dir can be opened for
 * drawing, or NVIDIA's own driver is there: without either, OpenGL on
 * Linux can only be a software rasteriser.
 */
gboolean
helder_gl_has_render_node (const char *dri_dir)
{
  g_autoptr(GDir) dir = g_dir_open (dri_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dri_dir, name, NULL);

      if (g_str_has_prefix (name, "renderD") && g_access (path, R_OK | W_OK) == 0)
        return TRUE;
    }
  return g_access ("/dev/nvidiactl", R_OK | W_OK) == 0;
}

/* Whether @display's OpenGL is a software rasteriser. */
gboolean
helder_gl_is_software (GdkDisplay *display)
{
  g_autoptr(GError) error = NULL;
  GlKind kind;

  /* No OpenGL at all: GTK draws with cairo by itself.  (On X11 GTK 4.8
   * prepared GL when it opened the display, to pick the visual.) */
  if (!gdk_display_prepare_gl (display, &error))
    return FALSE;
  kind = platform_kind (display);
  if (kind == GL_KIND_UNKNOWN)
    kind = helder_gl_has_render_node ("/dev/dri") ? GL_KIND_HARDWARE : GL_KIND_SOFTWARE;
  return kind == GL_KIND_SOFTWARE;
}

/**
 * helder_prepare_renderer:
 *
 * Before GTK opens the display (in main(), before any thread): where no
 * DRI render node can be opened (and no NVIDIA device is there), OpenGL
 * can only be a software rasteriser, so Helder draws with cairo and asks
 * GDK not to load OpenGL at all (GDK_DEBUG=gl-disable).  GTK 4.8 on X11
 * loads it with the display, to pick a visual: Mesa and LLVM, some 100 MB
 * mapped and a fifth of a bare window's start-up, for a renderer that is
 * not used.  GSK_RENDERER, when set, decides instead.
 *
 * Returns: whether it chose cairo
 */
gboolean
helder_prepare_renderer (void)
{
  const char *debug = g_getenv ("GDK_DEBUG");
  g_autofree char *flags = NULL;

  if (g_getenv ("GSK_RENDERER") != NULL || helder_gl_has_render_node ("/dev/dri"))
    return FALSE;
  flags = debug != NULL && *debug != '\0' ? g_strconcat (debug, ":gl-disable", NULL) : g_strdup ("gl-disable");
  g_setenv ("GDK_DEBUG", flags, TRUE);
  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  return TRUE;
}

/* Before the first window is shown, on a machine with a render node:
 * cairo when OpenGL is software and nobody chose a renderer. */
void
helder_choose_renderer (GdkDisplay *display)
{
  if (display == NULL || g_getenv ("GSK_RENDERER") != NULL)
    return;
  if (helder_gl_is_software (display))
    g_setenv ("GSK_RENDERER", "cairo", TRUE);
}
