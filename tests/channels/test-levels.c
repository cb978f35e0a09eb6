/* test-levels.c: a text's level per channel: measured once per version, held against the targets
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "channels-fixture.h"
#include "channels/helder-channels-context.h"
#include "channels/helder-text-levels.h"

#define EASY "De gemeente haalt het afval op dinsdag op. Zet de bak voor acht uur aan de straat. " \
             "Heeft u vragen? Bel ons."
#define HARD "Ingevolge artikel 15 van de Wegenverkeerswet 1994 wordt door het college van burgemeester " \
             "en wethouders bekendgemaakt dat een verkeersbesluit is genomen met betrekking tot de " \
             "herinrichting van de Van den Endelaan, waarbij de maximumsnelheid wordt teruggebracht en een " \
             "eenrichtingsverkeersregeling wordt ingesteld ten behoeve van de verkeersveiligheid van de " \
             "aldaar gelegen basisschool, tenzij door de voorzieningenrechter anders wordt bepaald."

typedef struct
{
  char             *dir;
  HelderStore      *store;
  HelderSession    *session;
  HelderTextLevels *levels;
  guint             n_changed;
} Fixture;

static void
on_changed (HelderTextLevels   *levels,
            const char * const *ids,
            Fixture            *f)
{
  f->n_changed++;
}

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("helder-levels-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "helder.db", NULL);
  f->store = helder_store_open (path, &error);
  g_assert_no_error (error);
  helder_store_set_user (f->store, "sanne");
  f->session = helder_session_new ("sanne", HELDER_SESSION_ROLE_ADVISOR);
  f->levels = helder_text_levels_for_store (f->store);
  g_signal_connect (f->levels, "changed", G_CALLBACK (on_changed), f);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "helder.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_signal_handlers_disconnect_by_data (f->levels, f);
  g_clear_object (&f->levels);
  g_clear_object (&f->session);
  g_clear_object (&f->store);
  g_remove (path);
  g_remove (wal);
  g_remove (shm);
  g_rmdir (f->dir);
  g_free (f->dir);
}

static HelderRecord *
save_document (Fixture    *f,
               const char *body)
{
  HelderRecord *document = helder_record_new (HELDER_TYPE_DOCUMENT);
  g_autoptr(GError) error = NULL;

  g_object_set (document, "title", "Tekst", "kind", "brief", "body", body, NULL);
  g_assert_true (helder_store_save (f->store, document, &error));
  g_assert_no_error (error);
  return document;
}

/* Until the worker is done, at most ten seconds */
static void
wait_idle (Fixture *f)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (helder_text_levels_is_busy (f->levels) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (helder_text_levels_is_busy (f->levels));
}

/* One table per store; a lookup of an unknown text is 0 and asks for it;
 * the level comes from the text engine and ::changed tells. */
static void
test_measured (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(HelderRecord) easy = save_document (f, EASY);
  g_autoptr(HelderRecord) hard = save_document (f, HARD);
  g_autoptr(HelderTextLevels) again = helder_text_levels_for_store (f->store);
  int easy_level, hard_level;

  g_assert_true (again == f->levels);
  g_assert_cmpint (helder_text_levels_lookup (f->levels, helder_record_get_id (easy)), ==, 0);
  g_assert_cmpint (helder_text_levels_lookup (f->levels, helder_record_get_id (hard)), ==, 0);
  g_assert_cmpint (helder_text_levels_lookup (f->levels, NULL), ==, 0);
  wait_idle (f);
  g_assert_cmpuint (f->n_changed, >=, 1);
  g_assert_cmpuint (helder_text_levels_get_n_analysed (f->levels), ==, 2);
  easy_level = helder_text_levels_lookup (f->levels, helder_record_get_id (easy));
  hard_level = helder_text_levels_lookup (f->levels, helder_record_get_id (hard));
  g_assert_cmpint (easy_level, >=, 1);
  g_assert_cmpint (easy_level, <=, HELDER_LEVEL_B1);
  g_assert_cmpint (hard_level, ==, 4);

  /* a text that is not in the store: no level, and not asked for again and again */
  g_assert_cmpint (helder_text_levels_lookup (f->levels, "not-a-document"), ==, 0);
  wait_idle (f);
  g_assert_cmpint (helder_text_levels_lookup (f->levels, "not-a-document"), ==, 0);
  g_assert_false (helder_text_levels_is_busy (f->levels));
}

/* Measured once per version: a change of the title reads the document
 * again but measures nothing; a change of the text measures it anew. */
static void
test_once_per_version (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(HelderRecord) document = save_document (f, EASY);
  const char *id = helder_record_get_id (document);
  g_autoptr(GError) error = NULL;

  helder_text_levels_lookup (f->levels, id);
  wait_idle (f);
  g_assert_cmpuint (helder_text_levels_get_n_analysed (f->levels), ==, 1);
  for (guint i = 0; i < 5; i++)
    helder_text_levels_lookup (f->levels, id);
  wait_idle (f);
  g_assert_cmpuint (helder_text_levels_get_n_analysed (f->levels), ==, 1);

  g_object_set (document, "title", "Andere titel", NULL);
  g_assert_true (helder_store_save (f->store, document, &error));
  wait_idle (f);
  g_assert_cmpuint (helder_text_levels_get_n_analysed (f->levels), ==, 1);

  f->n_changed = 0;
  g_object_set (document, "body", HARD, NULL);
  g_assert_true (helder_store_save (f->store, document, &error));
  wait_idle (f);
  g_assert_cmpuint (helder_text_levels_get_n_analysed (f->levels), ==, 2);
  g_assert_cmpuint (f->n_changed, ==, 1);
  g_assert_cmpint (helder_text_levels_lookup (f->levels, id), ==, 4);

  /* the editor's own measurement of the open text is kept for that text */
  helder_text_levels_put (f->levels, id, EASY, 2);
  g_assert_cmpint (helder_text_levels_lookup (f->levels, id), ==, 2);
  g_object_set (document, "body", EASY, NULL);
  g_assert_true (helder_store_save (f->store, document, &error));
  wait_idle (f);
  g_assert_cmpuint (helder_text_levels_get_n_analysed (f->levels), ==, 2);
}

/* The sentence per chosen channel: which targets the text exceeds */
static void
test_describe (void)
{
  g_autoptr(HelderChannelSettings) settings = fixture_default_settings ();
  g_autofree gboolean *post_website = fixture_chosen (settings, "post,website");
  g_autofree gboolean *loket = fixture_chosen (settings, "omgevingsloket");
  g_autofree gboolean *none = g_new0 (gboolean, helder_channel_settings_get_n_channels (settings));
  g_autofree char *hard = helder_text_level_describe (settings, post_website, 4);
  g_autofree char *fine = helder_text_level_describe (settings, post_website, 2);
  g_autofree char *loket_three = helder_text_level_describe (settings, loket, 3);
  g_autofree char *nothing = helder_text_level_describe (settings, none, 3);

  g_assert_null (helder_text_level_describe (settings, post_website, 0));
  g_assert_nonnull (strstr (hard, "Post (level 2)"));
  g_assert_nonnull (strstr (hard, "Website (level 2)"));
  g_assert_nonnull (strstr (hard, "level 4"));
  g_assert_cmpuint (helder_text_level_n_too_hard (settings, post_website, 4), ==, 2);
  g_assert_cmpuint (helder_text_level_n_too_hard (settings, post_website, 2), ==, 0);
  g_assert_nonnull (strstr (fine, "within"));
  /* the Omgevingsloket's target is level 3 */
  g_assert_nonnull (strstr (loket_three, "within"));
  g_assert_cmpuint (helder_text_level_n_too_hard (settings, loket, 4), ==, 1);
  g_assert_nonnull (strstr (nothing, "No channel"));
}

static void
on_levels_changed (gboolean *flag)
{
  *flag = TRUE;
}

/* The context holds a message's text against its channels: the advice
 * counts the level, and is made again when the level comes in. */
static void
test_context (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(HelderChannelsService) service = helder_channels_service_new (f->store, f->session);
  g_autoptr(HelderChannelsContext) context = NULL;
  g_autoptr(HelderChannelSettings) settings = NULL;
  g_autoptr(HelderRecord) document = save_document (f, HARD);
  g_autoptr(HelderRecord) message = helder_record_new (HELDER_TYPE_MESSAGE);
  g_autoptr(GError) error = NULL;
  g_autofree char *channels = NULL;
  g_autofree gboolean *chosen = NULL;
  g_autofree char *text = NULL;
  HelderChannelAdvice *before, *after;
  int post, website, level, target;
  double post_before;
  gboolean levels_changed = FALSE;

  helder_channels_service_load_defaults (service, &error);
  g_assert_no_error (error);
  context = helder_channels_context_new (service);
  settings = helder_channels_context_get_settings (context);
  helder_channel_settings_ref (settings);
  post = helder_channel_settings_find_channel (settings, "post");
  website = helder_channel_settings_find_channel (settings, "website");
  chosen = fixture_chosen (settings, "post,website");
  channels = helder_channel_choice_to_json (settings, NULL, chosen, NULL, 0, NULL, NULL, NULL);
  g_object_set (message, "title", "Verkeersbesluit", "window-start", "2027-03-01", "body",
                helder_record_get_id (document), "channels", channels, NULL);
  g_assert_true (helder_store_save (f->store, message, &error));
  g_signal_connect_swapped (context, "levels-changed", G_CALLBACK (on_levels_changed), &levels_changed);
  helder_channels_context_flush (context);

  before = helder_channels_context_get_advice (context, message);
  post_before = before->scores[post].score;
  g_assert_false (helder_channels_context_text_too_hard (context, message, post, &level, &target));
  g_assert_cmpint (level, ==, 0);
  g_assert_null (helder_channels_context_describe_level (context, message));
  wait_idle (f);
  g_assert_true (levels_changed);
  g_assert_true (helder_channels_context_text_too_hard (context, message, post, &level, &target));
  g_assert_cmpint (level, ==, 4);
  g_assert_cmpint (target, ==, 2);
  g_assert_true (helder_channels_context_text_too_hard (context, message, website, NULL, NULL));
  after = helder_channels_context_get_advice (context, message);
  g_assert_cmpint (after->text_level, ==, 4);
  g_assert_cmpuint (after->too_hard, >, 0);
  g_assert_cmpfloat (after->scores[post].score, <, post_before);
  text = helder_channels_context_describe_level (context, message);
  g_assert_nonnull (strstr (text, "Post (level 2)"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/channels/levels/measured", Fixture, NULL, setup, test_measured, teardown);
  g_test_add ("/channels/levels/once-per-version", Fixture, NULL, setup, test_once_per_version, teardown);
  g_test_add_func ("/channels/levels/describe", test_describe);
  g_test_add ("/channels/levels/context", Fixture, NULL, setup, test_context, teardown);
  return g_test_run ();
}
