/* helder-store-damage.c: what went wrong with a store, in the user's words
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "helder-store-private.h"

/* When a store does not open because it is damaged or lost data, the
 * error page says what it held (from the key file), what is left, and
 * what each way of restoring it does.  Decided here, without a window. */

/**
 * helder_store_damage_new:
 * @path: the store that did not open
 * @error: why (from helder_store_open())
 *
 * Returns: (nullable) (transfer full): what is known of the damage, or
 *   %NULL when @error is not one a restore can help with
 */
HelderStoreDamage *
helder_store_damage_new (const char   *path,
                         const GError *error)
{
  HelderStoreDamage *damage;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error != NULL, NULL);

  if (!g_error_matches (error, HELDER_STORE_ERROR, HELDER_STORE_ERROR_CORRUPT) &&
      !g_error_matches (error, HELDER_STORE_ERROR, HELDER_STORE_ERROR_DATA_LOST))
    return NULL;

  damage = g_new0 (HelderStoreDamage, 1);
  damage->kind = error->code == HELDER_STORE_ERROR_CORRUPT ? HELDER_STORE_DAMAGE_CORRUPT
                                                           : HELDER_STORE_DAMAGE_DATA_LOST;
  damage->path = g_strdup (path);
  damage->has_remembered = helder_store_facts_load (path, &damage->remembered);
  /* SQLite's own words, without the path and the English around them */
  helder_store_look_at_file (path, &damage->found, &damage->detail);
  if (damage->detail == NULL)
    damage->detail = g_utf8_make_valid (error->message, -1);
  return damage;
}

void
helder_store_damage_free (HelderStoreDamage *damage)
{
  if (damage == NULL)
    return;
  g_free (damage->path);
  g_free (damage->detail);
  helder_store_facts_clear (&damage->remembered);
  g_free (damage);
}

/* @n records (items, to the user), with thousands grouped as the user's
 * language does. */
static char *
records_text (guint n)
{
  g_autofree char *number = g_strdup_printf ("%'u", n);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s item", "%s items", n), number);
}

static char *
unsynced_text (guint n)
{
  g_autofree char *number = g_strdup_printf ("%'u", n);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s change that was not yet on the server",
                                       "%s changes that were not yet on the server", n), number);
}

void
helder_store_damage_describe (const HelderStoreDamage *damage,
                              HelderStoreDamageText   *text)
{
  const HelderStoreFacts *was = &damage->remembered;
  g_autoptr(GString) description = g_string_new (NULL);
  g_autofree char *name = g_filename_display_name (damage->path);

  g_return_if_fail (damage != NULL && text != NULL);

  if (damage->has_remembered && helder_store_facts_hold_something (was))
    {
      g_autoptr(GDateTime) local = was->at ? g_date_time_to_local (was->at) : NULL;
      /* Translators: a date and time in a sentence, see g_date_time_format() */
      g_autofree char *at = local ? g_date_time_format (local, _("%-d %B %Y at %H:%M")) : NULL;
      g_autofree char *records = records_text (was->records);

      if (at != NULL)
        /* Translators: "On 28 November 2026 at 14:05 your data held 312 items" */
        g_string_append_printf (description, _("On %s your data held %s"), at, records);
      else
        g_string_append_printf (description, _("Your data held %s"), records);
      if (was->unsynced > 0)
        {
          g_autofree char *unsynced = unsynced_text (was->unsynced);

          /* Translators: continues "your data held 312 items", before the full stop */
          g_string_append_printf (description, _(", with %s"), unsynced);
        }
      g_string_append (description, ". ");
    }

  if (damage->kind == HELDER_STORE_DAMAGE_DATA_LOST)
    {
      g_autofree char *found = records_text (damage->found);

      g_string_append_printf (description,
                              _("The data file %s now holds %s: it was damaged, probably by a crash "
                                "or a power cut."), name, found);
    }
  else
    g_string_append_printf (description, _("The data file %s is damaged: “%s”."), name, damage->detail);

  g_string_append (description, "\n\n");
  g_string_append (description,
                   _("Helder did not change the damaged files and keeps them beside your data, "
                     "whichever way you restore."));

  text->description = g_string_free (g_steal_pointer (&description), FALSE);

  if (damage->has_remembered && was->unsynced > 0)
    {
      g_autofree char *unsynced = unsynced_text (was->unsynced);

      text->server_choice =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "Fresh data with everything the server has. The %s stays only "
                                      "in the kept copy.",
                                      "Fresh data with everything the server has. The %s stay only "
                                      "in the kept copy.", was->unsynced), unsynced);
    }
  else
    text->server_choice = g_strdup (_("Fresh data with everything the server has. Changes that were "
                                      "not yet on the server stay only in the kept copy."));
  text->copy_choice = g_strdup (_("Fresh data with every item that can still be read from the "
                                  "damaged files, and the changes that were not yet on the server."));
}

void
helder_store_damage_text_clear (HelderStoreDamageText *text)
{
  g_clear_pointer (&text->description, g_free);
  g_clear_pointer (&text->server_choice, g_free);
  g_clear_pointer (&text->copy_choice, g_free);
}

/**
 * helder_store_damage_describe_restore:
 * @damage: (nullable): what the damaged store held
 * @from_server: whether it came from the server, or from the damaged files
 * @report: what came back
 * @kept_path: where the damaged files are kept
 *
 * Returns: (transfer full): what came back, for the user
 */
char *
helder_store_damage_describe_restore (const HelderStoreDamage   *damage,
                                      gboolean                   from_server,
                                      const HelderSalvageReport *report,
                                      const char                *kept_path)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *kept = g_path_get_basename (kept_path);
  g_autofree char *number = g_strdup_printf ("%'u", report->records);
  guint unsynced = damage != NULL && damage->has_remembered ? damage->remembered.unsynced : 0;

  g_return_val_if_fail (report != NULL && kept_path != NULL, NULL);

  if (from_server)
    {
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "Helder got %s item from the server.",
                                                 "Helder got %s items from the server.", report->records),
                              number);
      if (unsynced > 0)
        {
          g_autofree char *changes = unsynced_text (unsynced);

          g_string_append_c (text, ' ');
          g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "The %s is only in the kept copy.",
                                                     "The %s are only in the kept copy.", unsynced),
                                  changes);
        }
    }
  else
    {
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%s item came back from the damaged files",
                                                 "%s items came back from the damaged files",
                                                 report->records),
                              number);
      if (damage != NULL && damage->has_remembered && damage->remembered.records > 0)
        {
          g_autofree char *held = g_strdup_printf ("%'u", damage->remembered.records);

          /* Translators: continues "123 items came back from the damaged files" */
          g_string_append_printf (text, _(", of the %s your data held"), held);
        }
      g_string_append_c (text, '.');
      if (report->unsynced > 0)
        {
          g_autofree char *changes = g_strdup_printf ("%'u", report->unsynced);

          g_string_append_c (text, ' ');
          g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                     "%s change that was not yet on the server came back "
                                                     "too: Helder sends it at the next sync.",
                                                     "%s changes that were not yet on the server came back "
                                                     "too: Helder sends them at the next sync.",
                                                     report->unsynced),
                                  changes);
        }
    }

  g_string_append (text, "\n\n");
  g_string_append_printf (text, _("The damaged files are kept as %s."), kept);
  return g_string_free (g_steal_pointer (&text), FALSE);
}
