/* main.c
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "helder-application.h"
#include "helder-renderer.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(HelderApplication) app = NULL;
  const char *localedir = g_getenv ("HELDER_LOCALEDIR");

  /* HELDER_LOCALEDIR lets the tests use the catalogues in the build tree. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Helder"));
  /* Before GTK opens the display: no OpenGL where it can only be software */
  helder_prepare_renderer ();

  app = helder_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
