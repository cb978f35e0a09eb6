/* test-editions.c: the omgevingsbeeld: schedule, pre-fill, items, sending, archive
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "plan/helder-plan-editions.h"
#include "store-fixture.h"

static HelderEditionItem *
item_at (GPtrArray *items,
         guint      i)
{
  g_assert_cmpuint (i, <, items->len);
  return items->pdata[i];
}

static void
test_content_legacy (void)
{
  /* the form of the first editions in the example data */
  g_autoptr(HelderEditionContent) content =
    helder_edition_content_parse ("[{\"topic\": \"t1\", \"change\": \"Meer meldingen\", "
                                  "\"interpretation\": \"Past bij vorig jaar.\"}, "
                                  "{\"topic\": \"t2\", \"change\": \"Nieuw\"}]");

  g_assert_cmpuint (content->items->len, ==, 2);
  g_assert_cmpint (item_at (content->items, 0)->kind, ==, HELDER_EDITION_ITEM_TOPIC);
  g_assert_cmpstr (item_at (content->items, 0)->ref, ==, "t1");
  g_assert_cmpstr (item_at (content->items, 0)->change, ==, "Meer meldingen");
  g_assert_cmpstr (item_at (content->items, 0)->duiding, ==, "Past bij vorig jaar.");
  g_assert_null (item_at (content->items, 1)->duiding);
  g_assert_false (item_at (content->items, 1)->dropped);
  g_assert_null (content->state);
}

static void
test_content_round_trip (void)
{
  g_autoptr(HelderEditionContent) content = helder_edition_content_new ();
  g_autoptr(HelderEditionContent) back = NULL, broken = NULL, none = NULL;
  g_autofree char *json = NULL;
  HelderEditionItem *item;

  item = helder_edition_item_new (HELDER_EDITION_ITEM_WORKS, "w1", "Riolering", "Start 7 december");
  item->duiding = g_strdup ("Omwonenden zijn op tijd geïnformeerd.");
  item->date = g_strdup ("2026-12-07");
  g_ptr_array_add (content->items, item);
  item = helder_edition_item_new (HELDER_EDITION_ITEM_NOTE, NULL, "Let op", NULL);
  item->dropped = TRUE;
  g_ptr_array_add (content->items, item);
  content->state = json_object_new ();
  json_object_set_object_member (content->state, "t1", json_object_new ());

  json = helder_edition_content_to_json (content);
  back = helder_edition_content_parse (json);
  g_assert_cmpuint (back->items->len, ==, 2);
  item = item_at (back->items, 0);
  g_assert_cmpint (item->kind, ==, HELDER_EDITION_ITEM_WORKS);
  g_assert_cmpstr (item->ref, ==, "w1");
  g_assert_cmpstr (item->title, ==, "Riolering");
  g_assert_cmpstr (item->duiding, ==, "Omwonenden zijn op tijd geïnformeerd.");
  g_assert_cmpstr (item->date, ==, "2026-12-07");
  item = item_at (back->items, 1);
  g_assert_cmpint (item->kind, ==, HELDER_EDITION_ITEM_NOTE);
  g_assert_null (item->ref);
  g_assert_true (item->dropped);
  g_assert_nonnull (back->state);
  g_assert_true (json_object_has_member (back->state, "t1"));
  g_assert_cmpuint (helder_edition_items_n_kept (back->items), ==, 1);

  broken = helder_edition_content_parse ("{not json");
  none = helder_edition_content_parse (NULL);
  g_assert_cmpuint (broken->items->len, ==, 0);
  g_assert_cmpuint (none->items->len, ==, 0);
}

static void
test_content_order (void)
{
  g_autoptr(HelderEditionContent) content =
    helder_edition_content_parse ("[{\"kind\": \"note\", \"title\": \"C\", \"order\": 2}, "
                                  "{\"kind\": \"note\", \"title\": \"A\", \"order\": 0}, "
                                  "{\"kind\": \"signal\", \"title\": \"B\", \"order\": 1}, "
                                  "{\"kind\": \"state\", \"topics\": {}}]");
  g_autoptr(HelderEditionContent) back = NULL;
  g_autofree char *json = NULL;

  g_assert_cmpuint (content->items->len, ==, 3);
  g_assert_cmpstr (item_at (content->items, 0)->title, ==, "A");
  g_assert_cmpstr (item_at (content->items, 1)->title, ==, "B");
  g_assert_cmpstr (item_at (content->items, 2)->title, ==, "C");
  g_assert_nonnull (content->state);

  /* A to the end: B C A; the order is written from the positions */
  g_assert_true (helder_edition_items_move (content->items, 0, 2));
  g_assert_false (helder_edition_items_move (content->items, 0, 3));
  g_assert_false (helder_edition_items_move (content->items, 1, 1));
  json = helder_edition_content_to_json (content);
  back = helder_edition_content_parse (json);
  g_assert_cmpstr (item_at (back->items, 0)->title, ==, "B");
  g_assert_cmpstr (item_at (back->items, 1)->title, ==, "C");
  g_assert_cmpstr (item_at (back->items, 2)->title, ==, "A");
  /* and back up: A first */
  g_assert_true (helder_edition_items_move (back->items, 2, 0));
  g_assert_cmpstr (item_at (back->items, 0)->title, ==, "A");
}

static void
test_days (void)
{
  gboolean days[8];

  g_assert_cmpuint (helder_editions_parse_days (NULL, days), ==, 2);
  g_assert_true (days[G_DATE_TUESDAY] && days[G_DATE_FRIDAY]);
  g_assert_false (days[G_DATE_MONDAY] || days[G_DATE_WEDNESDAY] || days[G_DATE_SUNDAY]);

  g_assert_cmpuint (helder_editions_parse_days ("{\"days\": [1, 3, 3, 9, \"x\"]}", days), ==, 2);
  g_assert_true (days[G_DATE_MONDAY] && days[G_DATE_WEDNESDAY]);
  g_assert_false (days[G_DATE_TUESDAY] || days[G_DATE_FRIDAY]);

  g_assert_cmpuint (helder_editions_parse_days ("[4]", days), ==, 1);
  g_assert_true (days[G_DATE_THURSDAY]);
  /* nothing valid: the default */
  g_assert_cmpuint (helder_editions_parse_days ("{\"days\": []}", days), ==, 2);
  g_assert_cmpuint (helder_editions_parse_days ("{broken", days), ==, 2);
}

static void
test_next_date (void)
{
  gboolean days[8];
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL, *e = NULL, *f = NULL;

  helder_editions_parse_days (NULL, days);
  /* Wednesday 2 December 2026 → Friday 4 */
  a = helder_editions_next_date (days, "2026-12-02", NULL);
  g_assert_cmpstr (a, ==, "2026-12-04");
  /* an edition day itself */
  b = helder_editions_next_date (days, "2026-12-01", "2026-11-27");
  g_assert_cmpstr (b, ==, "2026-12-01");
  /* Friday's edition exists already: next Tuesday */
  c = helder_editions_next_date (days, "2026-12-02", "2026-12-04");
  g_assert_cmpstr (c, ==, "2026-12-08");
  d = helder_editions_next_date (days, "2026-12-01", "2026-12-01");
  g_assert_cmpstr (d, ==, "2026-12-04");
  g_assert_true (helder_editions_is_edition_day (days, "2026-12-04"));
  g_assert_false (helder_editions_is_edition_day (days, "2026-12-03"));

  helder_editions_parse_days ("{\"days\": [1]}", days);
  e = helder_editions_next_date (days, "2026-12-29", NULL);
  g_assert_cmpstr (e, ==, "2027-01-04");
  f = helder_editions_next_date (days, "2026-12-28", "2026-12-20");
  g_assert_cmpstr (f, ==, "2026-12-28");
}

static void
test_next_number (void)
{
  g_autoptr(GPtrArray) editions = g_ptr_array_new_with_free_func (g_object_unref);

  g_assert_cmpint (helder_editions_next_number (editions), ==, 1);
  g_ptr_array_add (editions, helder_record_new (HELDER_TYPE_OMGEVINGSBEELD));
  g_ptr_array_add (editions, helder_record_new (HELDER_TYPE_OMGEVINGSBEELD));
  /* older editions without a number count by how many there are */
  g_assert_cmpint (helder_editions_next_number (editions), ==, 3);
  g_object_set (editions->pdata[0], "number", 101, NULL);
  g_object_set (editions->pdata[1], "number", 103, NULL);
  g_assert_cmpint (helder_editions_next_number (editions), ==, 104);
}

static HelderRecord *
topic_new (const char *id,
           const char *title,
           int         admin,
           int         societal,
           const char *trend)
{
  HelderRecord *topic = helder_record_new (HELDER_TYPE_TOPIC);

  helder_record_set_id (topic, id);
  g_object_set (topic, "title", title, "admin-impact", admin, "societal-impact", societal,
                "trend", trend, "status", "active", NULL);
  return topic;
}

static HelderRecord *
signal_new (const char *date,
            const char *topic,
            const char *text)
{
  HelderRecord *signal = helder_record_new (HELDER_TYPE_SIGNAL);

  g_object_set (signal, "date", date, "topic", topic, "channel", "Webcare", "text", text, NULL);
  return signal;
}

static HelderRecord *
message_new (const char *title,
             const char *status,
             const char *start,
             const char *end)
{
  HelderRecord *message = helder_record_new (HELDER_TYPE_MESSAGE);

  g_object_set (message, "title", title, "status", status, "window-start", start, "window-end", end,
                "approver", "Ingrid Verhoeven", NULL);
  return message;
}

static HelderRecord *
works_new (const char *title,
           const char *start,
           const char *end)
{
  HelderRecord *works = helder_record_new (HELDER_TYPE_WORKS);

  g_object_set (works, "title", title, "start-date", start, "end-date", end, "wijk", "Centrum", NULL);
  return works;
}

static HelderRecord *
meeting_new (const char *title,
             const char *starts_at)
{
  HelderRecord *meeting = helder_record_new (HELDER_TYPE_COUNCIL_MEETING);

  g_object_set (meeting, "title", title, "gremium", "Gemeenteraad", "starts-at", starts_at,
                "agenda", "[{\"title\": \"Afvalbeleid\"}, {\"title\": \"Begroting 2027\"}]", NULL);
  return meeting;
}

static JsonObject *
state_of (const char *json)
{
  g_autoptr(JsonNode) node = json_from_string (json, NULL);

  return json_object_ref (json_node_get_object (node));
}

static void
test_prefill (void)
{
  g_autoptr(GPtrArray) topics = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) signals = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) works = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) meetings = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(JsonObject) state = NULL;
  g_autoptr(GPtrArray) items = NULL;
  HelderEditionSources sources = { 0 };
  HelderEditionItem *item;
  guint i = 0;

  g_ptr_array_add (topics, topic_new ("00000000-0000-4000-8000-000000000001", "Vuurwerk", 4, 3, "rising"));
  g_ptr_array_add (topics, topic_new ("00000000-0000-4000-8000-000000000002", "Afval", 2, 2, "rising"));
  g_ptr_array_add (topics, topic_new ("00000000-0000-4000-8000-000000000003", "Netcongestie", 3, 2, "stable"));
  g_ptr_array_add (topics, topic_new ("00000000-0000-4000-8000-000000000004", "Dakkapel", 1, 1, "stable"));
  g_object_set (topics->pdata[3], "status", "dropped", NULL);
  state = state_of ("{\"00000000-0000-4000-8000-000000000001\": {\"admin_impact\": 3, \"societal_impact\": 3, "
                    "\"trend\": \"stable\"}, "
                    "\"00000000-0000-4000-8000-000000000002\": {\"admin_impact\": 2, \"societal_impact\": 2, "
                    "\"trend\": \"rising\"}, "
                    "\"00000000-0000-4000-8000-000000000004\": {\"admin_impact\": 1, \"societal_impact\": 1, "
                    "\"trend\": \"stable\"}}");

  g_ptr_array_add (signals, signal_new ("2026-12-01", "00000000-0000-4000-8000-000000000002", "Al bekend"));
  g_ptr_array_add (signals, signal_new ("2026-12-02", "00000000-0000-4000-8000-000000000001", "Knallen in de wijk"));
  g_ptr_array_add (signals, signal_new ("2026-12-05", NULL, "Na de editie"));

  g_ptr_array_add (messages, message_new ("Idee", "idea", "2026-12-07", NULL));
  g_ptr_array_add (messages, message_new ("Energiecafé", "approved", "2026-12-10", "2026-12-12"));
  g_ptr_array_add (messages, message_new ("Brief riolering", "review", "2026-12-14", NULL));
  g_ptr_array_add (messages, message_new ("Later", "approved", "2026-12-20", NULL));
  g_ptr_array_add (messages, message_new ("Afvalcampagne", "published", "2026-11-16", "2026-12-13"));

  g_ptr_array_add (works, works_new ("Riolering Mariastraat", "2026-12-07", "2027-02-26"));
  g_ptr_array_add (works, works_new ("Bomen Meerlaan", "2026-11-23", "2026-12-11"));
  g_ptr_array_add (works, works_new ("Glasvezel", "2026-10-01", "2027-04-01"));

  g_ptr_array_add (meetings, meeting_new ("Raadsvergadering", "2026-12-10T20:00:00+01:00"));
  g_ptr_array_add (meetings, meeting_new ("Commissie", "2026-12-19T19:30:00+01:00"));

  sources.date = "2026-12-04";
  sources.since = "2026-12-01";
  sources.last_state = state;
  sources.topics = topics;
  sources.signals = signals;
  sources.messages = messages;
  sources.works = works;
  sources.meetings = meetings;
  items = helder_editions_prefill (&sources);

  /* topics, highest impact first; Afval did not change */
  item = item_at (items, i++);
  g_assert_cmpint (item->kind, ==, HELDER_EDITION_ITEM_TOPIC);
  g_assert_cmpstr (item->title, ==, "Vuurwerk");
  g_assert_cmpstr (item->change, ==, "Changed: impact from 3 × 3 to 4 × 3; trend rising (was stable).");
  item = item_at (items, i++);
  g_assert_cmpstr (item->title, ==, "Netcongestie");
  g_assert_cmpstr (item->change, ==, "New topic: impact 3 × 2, trend stable.");
  item = item_at (items, i++);
  g_assert_cmpstr (item->title, ==, "Dakkapel");
  g_assert_cmpstr (item->change, ==, "No longer monitored.");

  /* the signals since the last edition, up to this one */
  item = item_at (items, i++);
  g_assert_cmpint (item->kind, ==, HELDER_EDITION_ITEM_SIGNAL);
  g_assert_cmpstr (item->title, ==, "Vuurwerk · Webcare");
  g_assert_cmpstr (item->change, ==, "Knallen in de wijk");
  g_assert_cmpstr (item->date, ==, "2026-12-02");

  /* the coming 14 days, by date */
  item = item_at (items, i++);
  g_assert_cmpint (item->kind, ==, HELDER_EDITION_ITEM_MESSAGE);
  g_assert_cmpstr (item->title, ==, "Afvalcampagne");
  g_assert_cmpstr (item->date, ==, "2026-12-04");
  item = item_at (items, i++);
  g_assert_cmpint (item->kind, ==, HELDER_EDITION_ITEM_WORKS);
  g_assert_cmpstr (item->title, ==, "Riolering Mariastraat");
  g_assert_cmpstr (item->change, ==, "Starts 7 December 2026 · Centrum");
  item = item_at (items, i++);
  g_assert_cmpstr (item->title, ==, "Energiecafé");
  g_assert_cmpstr (item->change, ==, "10 December 2026 – 12 December 2026 · approved");
  item = item_at (items, i++);
  g_assert_cmpint (item->kind, ==, HELDER_EDITION_ITEM_MEETING);
  g_assert_cmpstr (item->title, ==, "Raadsvergadering");
  g_assert_cmpstr (item->change, ==, "10 December 2026 · Gemeenteraad · Afvalbeleid; Begroting 2027");
  item = item_at (items, i++);
  g_assert_cmpint (item->kind, ==, HELDER_EDITION_ITEM_WORKS);
  g_assert_cmpstr (item->title, ==, "Bomen Meerlaan");
  g_assert_cmpstr (item->change, ==, "Ends 11 December 2026 · Centrum");

  /* waiting for approval */
  item = item_at (items, i++);
  g_assert_cmpint (item->kind, ==, HELDER_EDITION_ITEM_APPROVAL);
  g_assert_cmpstr (item->title, ==, "Brief riolering");
  g_assert_cmpstr (item->change, ==, "Waiting for approval by Ingrid Verhoeven · planned 14 December 2026");
  g_assert_cmpuint (items->len, ==, i);
}

static void
test_prefill_without_state (void)
{
  g_autoptr(GPtrArray) topics = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GDateTime) old = g_date_time_new_utc (2026, 11, 20, 9, 0, 0);
  g_autoptr(GDateTime) recent = g_date_time_new_utc (2026, 12, 2, 9, 0, 0);
  HelderEditionSources sources = { 0 };

  g_ptr_array_add (topics, topic_new ("00000000-0000-4000-8000-000000000001", "Vuurwerk", 4, 3, "rising"));
  g_ptr_array_add (topics, topic_new ("00000000-0000-4000-8000-000000000002", "Afval", 2, 2, "rising"));
  helder_record_set_updated_at (topics->pdata[0], recent);
  helder_record_set_updated_at (topics->pdata[1], old);
  sources.date = "2026-12-04";
  sources.topics = topics;
  /* no last edition: the week before counts */
  items = helder_editions_prefill (&sources);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpstr (item_at (items, 0)->title, ==, "Vuurwerk");
  g_assert_cmpstr (item_at (items, 0)->change, ==, "Changed since the last edition: impact 4 × 3, trend rising.");
}

static HelderRecord *
edition_new (int         number,
             const char *date,
             const char *items)
{
  HelderRecord *edition = helder_record_new (HELDER_TYPE_OMGEVINGSBEELD);

  g_object_set (edition, "number", number, "date", date, "items", items, "status", "sent", NULL);
  return edition;
}

static void
test_matches (void)
{
  g_autoptr(HelderRecord) edition =
    edition_new (104, "2026-12-01",
                 "[{\"kind\": \"topic\", \"title\": \"Jaarwisseling\", \"change\": \"Meer meldingen over knalvuurwerk\", "
                 "\"duiding\": \"Samen met jongerenwerk en politie communiceren; het café aan de Hoofdstraat doet mee.\"}]");
  g_autofree char *title = helder_edition_format_title (edition);

  g_assert_cmpstr (title, ==, "Omgevingsbeeld 104 · Tuesday 1 December 2026");
  g_assert_true (helder_edition_matches (edition, NULL));
  g_assert_true (helder_edition_matches (edition, "  "));
  g_assert_true (helder_edition_matches (edition, "knalvuurwerk"));
  g_assert_true (helder_edition_matches (edition, "VUURWERK Jongerenwerk"));
  g_assert_true (helder_edition_matches (edition, "cafe"));
  g_assert_true (helder_edition_matches (edition, "jaarwisseling"));
  g_assert_true (helder_edition_matches (edition, "omgevingsbeeld 104"));
  g_assert_false (helder_edition_matches (edition, "vuurwerk riolering"));
  g_assert_false (helder_edition_matches (edition, "105"));
}

/* On a store, through the service */

typedef struct
{
  Fixture            files;
  HelderStore       *store;
  HelderSession     *session;
  HelderPlanService *plan;
} PlanFixture;

static void
plan_setup (PlanFixture   *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture_setup (&fixture->files, data);
  fixture->store = helder_store_open (fixture->files.path, &error);
  g_assert_no_error (error);
  helder_store_set_user (fixture->store, "sanne");
  fixture->session = helder_session_new ("sanne", HELDER_SESSION_ROLE_ADVISOR);
  fixture->plan = helder_plan_service_new (fixture->store, fixture->session);
}

static void
plan_teardown (PlanFixture   *fixture,
               gconstpointer  data)
{
  g_clear_object (&fixture->plan);
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->store);
  fixture_teardown (&fixture->files, data);
}

static void
save (PlanFixture  *fixture,
      HelderRecord *record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (helder_service_save (HELDER_SERVICE (fixture->plan), record, &error));
  g_assert_no_error (error);
}

static HelderRecord *
reload (PlanFixture  *fixture,
        HelderRecord *record)
{
  g_autoptr(GError) error = NULL;
  HelderRecord *stored = helder_store_load (fixture->store, G_OBJECT_TYPE (record),
                                            helder_record_get_id (record), &error);

  g_assert_no_error (error);
  return stored;
}

static void
test_service_cycle (PlanFixture   *fixture,
                    gconstpointer  data)
{
  g_autoptr(HelderRecord) topic = topic_new ("00000000-0000-4000-8000-000000000001", "Vuurwerk", 3, 3, "stable");
  g_autoptr(HelderRecord) first = NULL, second = NULL, third = NULL, stored = NULL;
  g_autoptr(HelderRecord) setting = helder_record_new (HELDER_TYPE_SETTING);
  g_autoptr(HelderEditionContent) content = NULL, saved = NULL, sent = NULL, next = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 12, 7, 10, 30, 0);
  const char *readers[] = { "College van B&W", "Directie HLTsamen", NULL };
  g_autoptr(GError) error = NULL;
  guint outbox;

  g_object_set (setting, "key", HELDER_EDITIONS_DAYS_SETTING, "value", "{\"days\": [1, 4]}", NULL);
  save (fixture, setting);
  save (fixture, topic);
  first = edition_new (41, "2026-11-30", "[]");
  g_object_set (first, "sent-to", readers, NULL);
  save (fixture, first);

  /* no state kept in edition 41: the topic's own time says it changed */
  outbox = helder_store_count_outbox (fixture->store);
  second = helder_plan_service_edition_new (fixture->plan, "2026-12-02", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (helder_store_count_outbox (fixture->store), ==, outbox + 1);
  /* Monday and Thursday: Thursday 3 December */
  g_assert_cmpstr (helder_record_get_text (second, "date"), ==, "2026-12-03");
  g_assert_cmpint (helder_record_get_int (second, "number"), ==, 42);
  g_assert_cmpstr (helder_record_get_text (second, "status"), ==, "draft");
  g_assert_cmpuint (g_strv_length ((char **) helder_record_get_list (second, "sent_to")), ==, 2);
  content = helder_plan_service_edition_content (fixture->plan, second);
  g_assert_cmpuint (content->items->len, ==, 1);
  g_assert_cmpstr (item_at (content->items, 0)->ref, ==, helder_record_get_id (topic));

  /* the advisor writes a duiding and adds a note above it */
  item_at (content->items, 0)->duiding = g_strdup ("Vroeg communiceren.");
  g_ptr_array_add (content->items, helder_edition_item_new (HELDER_EDITION_ITEM_NOTE, NULL, "Vooraf", NULL));
  g_assert_true (helder_edition_items_move (content->items, 1, 0));
  g_assert_true (helder_plan_service_edition_set_content (fixture->plan, second, content, &error));
  g_assert_no_error (error);
  stored = reload (fixture, second);
  saved = helder_edition_content_from_record (stored);
  g_assert_cmpstr (item_at (saved->items, 0)->title, ==, "Vooraf");
  g_assert_cmpstr (item_at (saved->items, 1)->duiding, ==, "Vroeg communiceren.");

  g_assert_true (helder_plan_service_edition_mark_sent (fixture->plan, stored, now, &error));
  g_assert_no_error (error);
  g_clear_object (&stored);
  stored = reload (fixture, second);
  g_assert_cmpstr (helder_record_get_text (stored, "status"), ==, "sent");
  g_assert_cmpstr (helder_record_get_text (stored, "sent_by"), ==, "sanne");
  g_assert_true (g_str_has_prefix (helder_record_get_text (stored, "sent_at"), "2026-12-07T10:30:00"));
  sent = helder_edition_content_from_record (stored);
  g_assert_cmpuint (sent->items->len, ==, 2);
  g_assert_nonnull (sent->state);
  g_assert_true (json_object_has_member (sent->state, helder_record_get_id (topic)));
  /* once */
  g_assert_false (helder_plan_service_edition_mark_sent (fixture->plan, stored, now, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);

  /* the next edition: nothing changed, then the score does */
  g_object_set (topic, "admin-impact", 5, NULL);
  save (fixture, topic);
  third = helder_plan_service_edition_new (fixture->plan, "2026-12-07", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (helder_record_get_text (third, "date"), ==, "2026-12-07");
  g_assert_cmpint (helder_record_get_int (third, "number"), ==, 43);
  next = helder_plan_service_edition_content (fixture->plan, third);
  g_assert_cmpuint (next->items->len, ==, 1);
  g_assert_cmpstr (item_at (next->items, 0)->change, ==, "Changed: impact from 3 × 3 to 5 × 3.");
}

static HelderRecord *
saved_message (PlanFixture *fixture,
               const char  *title,
               const char  *status,
               const char  *start,
               const char  *end)
{
  HelderRecord *message = helder_record_new (HELDER_TYPE_MESSAGE);

  g_object_set (message, "title", title, "status", status, "window-start", start, "window-end", end, NULL);
  save (fixture, message);
  return message;
}

static char *
titles_of (const char *items)
{
  g_autoptr(HelderEditionContent) content = helder_edition_content_parse (items);
  g_autoptr(GString) titles = g_string_new (NULL);

  for (guint i = 0; i < content->items->len; i++)
    g_string_append_printf (titles, "%s%s", i ? "|" : "", item_at (content->items, i)->title);
  return g_string_free (g_steal_pointer (&titles), FALSE);
}

/* A new edition reads from the store only what its pre-fill can use:
 * it comes out as from every record the views hold, edges included
 * (windows with one end, over or spanning the two weeks, deleted
 * records, signals on the last edition's day). */
static void
test_service_reads_what_it_needs (PlanFixture   *fixture,
                                  gconstpointer  data)
{
  static const struct { const char *title, *status, *start, *end; } messages[] = {
    { "Begint over 3 dagen", "draft", "2026-12-07", "2026-12-09" },
    { "Alleen een eind", "approved", NULL, "2026-12-10" },
    { "Alleen een begin", "published", "2026-12-18", "" },
    { "Loopt over de twee weken heen", "approved", "2026-11-01", "2027-01-31" },
    { "Na de twee weken", "draft", "2026-12-19", "2026-12-20" },
    { "Voorbij", "published", "2026-11-01", "2026-12-03" },
    { "Een idee", "idea", "2026-12-05", "2026-12-05" },
    { "Wacht, ver vooruit", "review", "2027-03-01", "2027-03-02" },
    { "Wacht, zonder datum", "review", NULL, NULL },
    { "Wacht, maar voorbij", "review", "2026-11-01", "2026-11-02" },
    { "Wacht, deze week", "review", "2026-12-08", "2026-12-08" },
  };
  static const struct { const char *title, *start, *end; } works[] = {
    { "Eindigt binnenkort", "2026-10-01", "2026-12-11" },
    { "Begint binnenkort", "2026-12-14", NULL },
    { "Loopt door", "2026-10-01", "2027-02-01" },
    { "Later", "2027-01-04", "2027-01-29" },
  };
  static const struct { const char *date, *text; } signals[] = {
    { "2026-11-27", "op de dag van vorige week" },
    { "2026-11-30", "deze week" },
    { "2026-12-04", "op de dag zelf" },
    { "2026-12-05", "na de dag" },
  };
  g_autoptr(HelderRecord) topic = topic_new ("00000000-0000-4000-8000-000000000001", "Vuurwerk", 3, 3, "stable");
  g_autoptr(HelderRecord) gone = NULL, from_store = NULL, from_lists = NULL;
  g_autoptr(HelderRecordList) topics = NULL, signal_list = NULL, message_list = NULL, works_list = NULL,
                              meeting_list = NULL;
  g_autofree char *titles = NULL;
  g_autoptr(GError) error = NULL;
  HelderEditionLists lists;

  save (fixture, topic);
  for (guint i = 0; i < G_N_ELEMENTS (messages); i++)
    g_object_unref (saved_message (fixture, messages[i].title, messages[i].status, messages[i].start,
                                   messages[i].end));
  gone = saved_message (fixture, "Weggegooid", "approved", "2026-12-07", "2026-12-07");
  g_assert_true (helder_service_delete (HELDER_SERVICE (fixture->plan), gone, &error));
  for (guint i = 0; i < G_N_ELEMENTS (works); i++)
    {
      g_autoptr(HelderRecord) record = helder_record_new (HELDER_TYPE_WORKS);

      g_object_set (record, "title", works[i].title, "start-date", works[i].start, "end-date", works[i].end, NULL);
      save (fixture, record);
    }
  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    {
      g_autoptr(HelderRecord) record = helder_record_new (HELDER_TYPE_SIGNAL);

      g_object_set (record, "date", signals[i].date, "text", signals[i].text, "topic", helder_record_get_id (topic),
                    NULL);
      save (fixture, record);
    }
  {
    g_autoptr(HelderRecord) meeting = helder_record_new (HELDER_TYPE_COUNCIL_MEETING);
    g_autoptr(HelderRecord) later = helder_record_new (HELDER_TYPE_COUNCIL_MEETING);

    g_object_set (meeting, "title", "Raad", "starts-at", "2026-12-18T20:00:00+01:00", NULL);
    g_object_set (later, "title", "Raad later", "starts-at", "2026-12-19T20:00:00+01:00", NULL);
    save (fixture, meeting);
    save (fixture, later);
  }

  /* Friday 4 December; the two weeks until the 18th; signals since the 27th */
  from_store = helder_plan_service_edition_new (fixture->plan, "2026-12-02", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (helder_record_get_text (from_store, "date"), ==, "2026-12-04");
  titles = titles_of (helder_record_get_text (from_store, "items"));
  g_assert_cmpstr (titles, ==,
                   /* the topic (saved since), then its two signals */
                   "Vuurwerk|Vuurwerk|Vuurwerk|"
                   "Loopt over de twee weken heen|Alleen een eind|Begint over 3 dagen|Eindigt binnenkort|"
                   "Begint binnenkort|Alleen een begin|Raad|"
                   "Wacht, deze week|Wacht, ver vooruit|Wacht, zonder datum");
  g_assert_true (helder_service_delete (HELDER_SERVICE (fixture->plan), from_store, &error));

  topics = helder_service_list (HELDER_SERVICE (fixture->plan), HELDER_TYPE_TOPIC);
  signal_list = helder_service_list (HELDER_SERVICE (fixture->plan), HELDER_TYPE_SIGNAL);
  message_list = helder_service_list (HELDER_SERVICE (fixture->plan), HELDER_TYPE_MESSAGE);
  works_list = helder_service_list (HELDER_SERVICE (fixture->plan), HELDER_TYPE_WORKS);
  meeting_list = helder_service_list (HELDER_SERVICE (fixture->plan), HELDER_TYPE_COUNCIL_MEETING);
  lists.topics = G_LIST_MODEL (topics);
  lists.signals = G_LIST_MODEL (signal_list);
  lists.messages = G_LIST_MODEL (message_list);
  lists.works = G_LIST_MODEL (works_list);
  lists.meetings = G_LIST_MODEL (meeting_list);
  from_lists = helder_plan_service_edition_new_from (fixture->plan, "2026-12-02", &lists, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (helder_record_get_text (from_lists, "items"), ==, helder_record_get_text (from_store, "items"));
}

static void
test_service_legacy_titles (PlanFixture   *fixture,
                            gconstpointer  data)
{
  g_autoptr(HelderRecord) topic = topic_new ("00000000-0000-4000-8000-000000000001", "Vuurwerk", 3, 3, "stable");
  g_autoptr(HelderRecord) edition = edition_new (0, "2026-11-24",
                                                 "[{\"topic\": \"00000000-0000-4000-8000-000000000001\", "
                                                 "\"change\": \"Meer meldingen\"}]");
  g_autoptr(HelderEditionContent) content = NULL;

  save (fixture, topic);
  save (fixture, edition);
  content = helder_plan_service_edition_content (fixture->plan, edition);
  g_assert_cmpstr (item_at (content->items, 0)->title, ==, "Vuurwerk");
}

static void
test_service_archive (PlanFixture   *fixture,
                      gconstpointer  data)
{
  g_autoptr(HelderRecord) a = edition_new (1, "2026-11-24", "[{\"kind\": \"note\", \"title\": \"Knalvuurwerk\"}]");
  g_autoptr(HelderRecord) b = edition_new (2, "2026-11-27", "[{\"kind\": \"note\", \"title\": \"Starterswoningen\"}]");
  g_autoptr(HelderRecord) draft = edition_new (3, "2026-12-01", "[{\"kind\": \"note\", \"title\": \"Vuurwerk\"}]");
  g_autoptr(HelderRecordList) archive = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;

  g_object_set (draft, "status", "draft", NULL);
  save (fixture, a);
  save (fixture, b);
  save (fixture, draft);
  archive = helder_plan_service_editions_archive (fixture->plan);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (archive)), ==, 2);
  {
    g_autoptr(HelderRecord) newest = g_list_model_get_item (G_LIST_MODEL (archive), 0);

    g_assert_cmpstr (helder_record_get_id (newest), ==, helder_record_get_id (b));
  }
  helder_editions_archive_set_query (archive, "vuurwerk");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (archive)), ==, 1);

  /* live: the draft goes out and shows */
  g_assert_true (helder_plan_service_edition_mark_sent (fixture->plan, draft, now, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (archive)), ==, 2);
  helder_editions_archive_set_query (archive, "");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (archive)), ==, 3);
}

static void
test_service_staff_refused (PlanFixture   *fixture,
                            gconstpointer  data)
{
  g_autoptr(HelderRecord) edition = NULL;
  g_autoptr(GError) error = NULL;

  helder_session_set_role (fixture->session, HELDER_SESSION_ROLE_STAFF);
  edition = helder_plan_service_edition_new (fixture->plan, "2026-12-02", &error);
  g_assert_null (edition);
  g_assert_error (error, HELDER_SESSION_ERROR, HELDER_SESSION_ERROR_FORBIDDEN);
  g_assert_cmpuint (helder_store_count (fixture->store, HELDER_TYPE_OMGEVINGSBEELD), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/editions/content/legacy", test_content_legacy);
  g_test_add_func ("/editions/content/round-trip", test_content_round_trip);
  g_test_add_func ("/editions/content/order", test_content_order);
  g_test_add_func ("/editions/schedule/days", test_days);
  g_test_add_func ("/editions/schedule/next-date", test_next_date);
  g_test_add_func ("/editions/schedule/next-number", test_next_number);
  g_test_add_func ("/editions/prefill", test_prefill);
  g_test_add_func ("/editions/prefill/without-state", test_prefill_without_state);
  g_test_add_func ("/editions/archive/matches", test_matches);
  g_test_add ("/editions/service/cycle", PlanFixture, NULL, plan_setup, test_service_cycle, plan_teardown);
  g_test_add ("/editions/service/legacy-titles", PlanFixture, NULL, plan_setup, test_service_legacy_titles,
              plan_teardown);
  g_test_add ("/editions/service/reads-what-it-needs", PlanFixture, NULL, plan_setup,
              test_service_reads_what_it_needs, plan_teardown);
  g_test_add ("/editions/service/archive", PlanFixture, NULL, plan_setup, test_service_archive, plan_teardown);
  g_test_add ("/editions/service/staff-refused", PlanFixture, NULL, plan_setup, test_service_staff_refused,
              plan_teardown);

  return g_test_run ();
}
