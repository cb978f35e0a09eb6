/* test-service.c: Kanalen's service in a store: defaults, weights, a message's choice
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "channels-fixture.h"
#include "channels/helder-channels-service.h"

typedef struct
{
  char                  *dir;
  HelderStore           *store;
  HelderSession         *session;
  HelderChannelsService *service;
} Fixture;

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("helder-channels-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "helder.db", NULL);
  f->store = helder_store_open (path, &error);
  g_assert_no_error (error);
  helder_store_set_user (f->store, "sanne");
  f->session = helder_session_new ("sanne", HELDER_SESSION_ROLE_ADVISOR);
  f->service = helder_channels_service_new (f->store, f->session);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "helder.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_clear_object (&f->service);
  g_clear_object (&f->session);
  g_clear_object (&f->store);
  g_remove (path);
  g_remove (wal);
  g_remove (shm);
  g_rmdir (f->dir);
  g_free (f->dir);
}

/* A new organisation gets the defaults once, in one transaction. */
static void
test_defaults (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderChannelSettings) settings = NULL;
  guint outbox;

  g_assert_cmpuint (helder_channels_service_load_defaults (f->service, &error), ==, 15 + 12 + 1);
  g_assert_no_error (error);
  outbox = helder_store_count_outbox (f->store);
  g_assert_cmpuint (helder_store_count (f->store, HELDER_TYPE_CHANNEL), ==, 15);
  g_assert_cmpuint (helder_store_count (f->store, HELDER_TYPE_AUDIENCE), ==, 12);
  /* again: nothing new */
  g_assert_cmpuint (helder_channels_service_load_defaults (f->service, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (helder_store_count_outbox (f->store), ==, outbox);

  settings = helder_channels_service_settings (f->service, NULL, NULL);
  g_assert_cmpuint (helder_channel_settings_get_n_channels (settings), ==, 15);
  g_assert_cmpint (helder_channel_settings_get_audience (settings, helder_channel_settings_find_audience (settings, "ouderen"))->parent,
                   ==, helder_channel_settings_find_audience (settings, "inwoners"));
  g_assert_cmpint (helder_channel_settings_get_reach (settings, helder_channel_settings_find_channel (settings, "post"),
                                                      helder_channel_settings_find_audience (settings, "ouderen")), ==, 95);
}

/* Weights are one setting record; reset brings the defaults back. */
static void
test_weights (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderChannelSettings) after = NULL;
  g_autoptr(HelderChannelSettings) reset = NULL;

  g_assert_null (helder_channels_service_find_weights (f->service));
  g_assert_true (helder_channels_service_set_weight (f->service, HELDER_CRITERION_REACH, 2.5, &error));
  g_assert_no_error (error);
  g_assert_true (helder_channels_service_set_weight (f->service, HELDER_CRITERION_EFFORT, 0, &error));
  after = helder_channels_service_settings (f->service, NULL, NULL);
  g_assert_cmpfloat (helder_channel_settings_get_weight (after, HELDER_CRITERION_REACH), ==, 2.5);
  g_assert_cmpfloat (helder_channel_settings_get_weight (after, HELDER_CRITERION_EFFORT), ==, 0);
  g_assert_cmpfloat (helder_channel_settings_get_weight (after, HELDER_CRITERION_SPEED), ==, 1);
  g_assert_cmpuint (helder_store_count (f->store, HELDER_TYPE_SETTING), ==, 1);

  g_assert_true (helder_channels_service_reset_weights (f->service, &error));
  reset = helder_channels_service_settings (f->service, NULL, NULL);
  for (guint i = 0; i < HELDER_N_CRITERIA; i++)
    g_assert_cmpfloat (helder_channel_settings_get_weight (reset, i), ==, 1);
  g_assert_cmpuint (helder_store_count (f->store, HELDER_TYPE_SETTING), ==, 1);
}

static HelderRecord *
new_message (Fixture               *f,
             HelderChannelSettings *settings,
             const char            *audiences)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) ids = fixture_audience_ids (settings, audiences);
  HelderRecord *message = helder_service_create (HELDER_SERVICE (f->service), HELDER_TYPE_MESSAGE,
                                                 "Parkeervergunning verlengen", &error);

  g_assert_no_error (error);
  g_object_set (message, "audiences", ids, "deadline", "2027-01-31", "window-start", "2027-01-04", NULL);
  return message;
}

/* A choice that keeps the rules is saved as it is, with its reasons. */
static void
test_choose (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderChannelSettings) settings = NULL;
  g_autoptr(HelderRecord) message = NULL;
  g_autoptr(HelderRecord) stored = NULL;
  g_autoptr(HelderChannelAdvice) advice = NULL;
  g_autoptr(HelderChannelChoice) choice = NULL;
  g_autofree gboolean *chosen = NULL;
  HelderAdviceInput input;

  helder_channels_service_load_defaults (f->service, &error);
  settings = helder_channels_service_settings (f->service, NULL, NULL);
  message = new_message (f, settings, "jongeren");
  helder_advice_input_from_record (&input, message, settings);
  advice = helder_channel_advise (settings, &input);
  chosen = g_new0 (gboolean, advice->n_scores);
  for (guint c = 0; c < advice->n_scores; c++)
    chosen[c] = advice->scores[c].proposed;

  g_assert_true (helder_channels_service_choose (f->service, message, settings, advice, chosen, NULL, &error));
  g_assert_no_error (error);
  stored = helder_store_load (f->store, HELDER_TYPE_MESSAGE, helder_record_get_id (message), NULL);
  choice = helder_channel_choice_parse (helder_record_get_text (stored, "channels"));
  g_assert_cmpuint (choice->entries->len, >, 0);
  g_assert_cmpuint (choice->override_rules, ==, 0);
  for (guint i = 0; i < choice->entries->len; i++)
    {
      HelderChannelChoiceEntry *entry = choice->entries->pdata[i];

      g_assert_false (entry->by_hand);
      g_assert_true (entry->reason != NULL && entry->reason[0] != '\0');
    }
}

/* A hand choice that breaks a rule needs a reason, which is kept. */
static void
test_override (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderChannelSettings) settings = NULL;
  g_autoptr(HelderRecord) message = NULL;
  g_autoptr(HelderRecord) stored = NULL;
  g_autoptr(HelderChannelChoice) choice = NULL;
  g_autoptr(HelderChannelChoice) again = NULL;
  g_autofree gboolean *chosen = NULL;
  g_autofree gboolean *back = NULL;
  const char *reason = "Alle vergunninghouders vroegen digitaal aan; de herinnering gaat per brief.";
  guint outbox;

  helder_channels_service_load_defaults (f->service, &error);
  settings = helder_channels_service_settings (f->service, NULL, NULL);
  message = new_message (f, settings, "inwoners");
  chosen = fixture_chosen (settings, "mijnoverheid");
  outbox = helder_store_count_outbox (f->store);

  g_assert_false (helder_channels_service_choose (f->service, message, settings, NULL, chosen, NULL, &error));
  g_assert_error (error, HELDER_CHANNELS_ERROR, HELDER_CHANNELS_ERROR_REASON_NEEDED);
  g_clear_error (&error);
  g_assert_false (helder_channels_service_choose (f->service, message, settings, NULL, chosen, "   ", &error));
  g_clear_error (&error);
  g_assert_cmpuint (helder_store_count_outbox (f->store), ==, outbox);

  g_assert_true (helder_channels_service_choose (f->service, message, settings, NULL, chosen, reason, &error));
  g_assert_no_error (error);
  stored = helder_store_load (f->store, HELDER_TYPE_MESSAGE, helder_record_get_id (message), NULL);
  choice = helder_channel_choice_parse (helder_record_get_text (stored, "channels"));
  g_assert_cmpuint (choice->entries->len, ==, 1);
  g_assert_true (((HelderChannelChoiceEntry *) choice->entries->pdata[0])->by_hand);
  g_assert_cmpuint (choice->override_rules, ==, HELDER_CHANNEL_RULE_MIJNOVERHEID | HELDER_CHANNEL_RULE_NON_DIGITAL_ROUTE);
  g_assert_cmpstr (choice->override_reason, ==, reason);
  g_assert_cmpstr (choice->override_by, ==, "sanne");
  g_assert_nonnull (choice->override_at);

  back = g_new0 (gboolean, helder_channel_settings_get_n_channels (settings));
  g_assert_cmpuint (helder_channel_choice_to_chosen (choice, settings, back), ==, 1);
  g_assert_true (back[helder_channel_settings_find_channel (settings, "mijnoverheid")]);

  /* a choice that keeps the rules again drops the override */
  g_free (chosen);
  chosen = fixture_chosen (settings, "mijnoverheid,post");
  g_assert_true (helder_channels_service_choose (f->service, stored, settings, NULL, chosen, NULL, &error));
  g_assert_no_error (error);
  /* the given record stays as it was; the store has the new choice */
  {
    g_autoptr(HelderChannelChoice) given = helder_channel_choice_parse (helder_record_get_text (stored, "channels"));

    g_assert_cmpuint (given->override_rules, !=, 0);
  }
  g_clear_object (&stored);
  stored = helder_store_load (f->store, HELDER_TYPE_MESSAGE, helder_record_get_id (message), NULL);
  again = helder_channel_choice_parse (helder_record_get_text (stored, "channels"));
  g_assert_cmpuint (again->entries->len, ==, 2);
  g_assert_cmpuint (again->override_rules, ==, 0);
  g_assert_null (again->override_reason);
}

/* Staff may not choose channels. */
static void
test_staff (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HelderChannelSettings) settings = NULL;
  g_autoptr(HelderRecord) message = NULL;
  g_autofree gboolean *chosen = NULL;

  helder_channels_service_load_defaults (f->service, &error);
  settings = helder_channels_service_settings (f->service, NULL, NULL);
  message = new_message (f, settings, "inwoners");
  helder_session_set_role (f->session, HELDER_SESSION_ROLE_STAFF);
  chosen = fixture_chosen (settings, "website,post");
  g_assert_false (helder_channels_service_choose (f->service, message, settings, NULL, chosen, NULL, &error));
  g_assert_error (error, HELDER_SESSION_ERROR, HELDER_SESSION_ERROR_FORBIDDEN);
  g_clear_error (&error);
  g_assert_false (helder_channels_service_reset_weights (f->service, &error));
  g_assert_nonnull (error);
}

/* The channels JSON of older records (no "by") reads as chosen by hand;
 * what is not a channel object is skipped. */
static void
test_parse (void)
{
  g_autoptr(HelderChannelChoice) a = helder_channel_choice_parse (
    "[{\"channel\": \"x\", \"reason\": \"Brief aan huis\"}, 3, {\"reason\": \"no channel\"},"
    " {\"channel\": \"y\", \"by\": \"advice\"}, {\"channel\": \"x\"}]");
  g_autoptr(HelderChannelChoice) b = helder_channel_choice_parse ("{\"not\": \"an array\"}");
  g_autoptr(HelderChannelChoice) c = helder_channel_choice_parse (NULL);

  g_assert_cmpuint (a->entries->len, ==, 2);
  g_assert_true (((HelderChannelChoiceEntry *) a->entries->pdata[0])->by_hand);
  g_assert_cmpstr (((HelderChannelChoiceEntry *) a->entries->pdata[0])->reason, ==, "Brief aan huis");
  g_assert_false (((HelderChannelChoiceEntry *) a->entries->pdata[1])->by_hand);
  g_assert_true (helder_channel_choice_contains (a, "y"));
  g_assert_false (helder_channel_choice_contains (a, "z"));
  g_assert_cmpuint (b->entries->len, ==, 0);
  g_assert_cmpuint (c->entries->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/channels/service/defaults", Fixture, NULL, setup, test_defaults, teardown);
  g_test_add ("/channels/service/weights", Fixture, NULL, setup, test_weights, teardown);
  g_test_add ("/channels/service/choose", Fixture, NULL, setup, test_choose, teardown);
  g_test_add ("/channels/service/override", Fixture, NULL, setup, test_override, teardown);
  g_test_add ("/channels/service/staff", Fixture, NULL, setup, test_staff, teardown);
  g_test_add_func ("/channels/choice/parse", test_parse);
  return g_test_run ();
}
