/* helder-sync-status.c: what the header bar says about syncing
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-sync-status"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "helder-sync-status.h"

/* Decided here, from plain values, so that tests check the words without
 * a window. */

void
helder_sync_status_describe (HelderSyncStatus *status,
                             gboolean          has_server,
                             HelderSyncState   state,
                             GDateTime        *last_sync,
                             const char       *error,
                             guint             n_conflicts)
{
  g_autofree char *time = last_sync ? g_date_time_format (last_sync, "%H:%M") : NULL;
  g_autofree char *attention = n_conflicts
    ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change needs your attention.",
                                    "%u changes need your attention.", n_conflicts), n_conflicts)
    : NULL;
  const char *base = NULL;

  memset (status, 0, sizeof *status);

  if (!has_server)
    {
      status->label = g_strdup (_("Offline"));
      base = _("Not connected to a server: your work is kept on this computer.");
      status->icon_name = "network-offline-symbolic";
    }
  else switch (state)
    {
    case HELDER_SYNC_STATE_SYNCING:
      status->label = g_strdup (_("Syncing…"));
      base = _("Exchanging changes with the server.");
      status->icon_name = "emblem-synchronizing-symbolic";
      break;
    case HELDER_SYNC_STATE_UP_TO_DATE:
      /* Translators: the time of the last sync, e.g. "Up to date (14:05)" */
      status->label = time ? g_strdup_printf (_("Up to date (%s)"), time) : g_strdup (_("Up to date"));
      base = _("Everything is on the server.");
      status->icon_name = "emblem-ok-symbolic";
      break;
    case HELDER_SYNC_STATE_LOGGED_OUT:
      status->label = g_strdup (_("Not logged in"));
      base = _("Log in to the server in Preferences to share your work.");
      status->icon_name = "dialog-password-symbolic";
      break;
    case HELDER_SYNC_STATE_ERROR:
      status->label = g_strdup (_("Sync problem"));
      base = error ? error : _("The server could not be reached.");
      status->icon_name = "dialog-warning-symbolic";
      status->show_retry = TRUE;
      break;
    case HELDER_SYNC_STATE_OFFLINE:
    default:
      status->label = g_strdup (_("Offline"));
      base = _("The server cannot be reached; your work is kept and sent later.");
      status->icon_name = "network-offline-symbolic";
      status->show_retry = TRUE;
      break;
    }

  status->detail = attention ? g_strconcat (base, " ", attention, NULL) : g_strdup (base);
  if (n_conflicts > 0 && state != HELDER_SYNC_STATE_ERROR)
    status->icon_name = "dialog-warning-symbolic";
}

void
helder_sync_status_clear (HelderSyncStatus *status)
{
  g_clear_pointer (&status->label, g_free);
  g_clear_pointer (&status->detail, g_free);
}
