/* test-works.c: works in the street: lead time, the residents' letter, overlaps
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "helder-example-data.h"
#include "plan/helder-plan-editions.h"
#include "plan/helder-plan-messages.h"
#include "plan/helder-plan-notifier.h"
#include "plan/helder-plan-works.h"
#include "store-fixture.h"

#define OMWONENDEN  "4d98e5e9-e99c-4be2-abca-386670e20fde"
#define ONDERNEMERS "db4ba355-b94b-4899-a21f-ae084d7953a6"
#define OUDEREN     "80d7de38-59f0-4d6f-b59c-17e74eea6c82"

static const char *residents[] = { OMWONENDEN, NULL };

static HelderRecord *
works_new (const char *title,
           const char *start,
           const char *end,
           int         lead_time)
{
  HelderRecord *works = helder_record_new (HELDER_TYPE_WORKS);
  const char *audiences[] = { OMWONENDEN, ONDERNEMERS, NULL };

  g_object_set (works, "title", title, "start-date", start, "end-date", end,
                "lead-time-days", lead_time, "audiences", audiences, NULL);
  return works;
}

static HelderRecord *
letter_new (HelderRecord *works,
            const char   *status,
            const char   *start,
            const char   *audience)
{
  HelderRecord *message = helder_record_new (HELDER_TYPE_MESSAGE);
  const char *ids[] = { helder_record_get_id (works), NULL };
  const char *audiences[] = { audience, NULL };

  g_object_set (message, "title", "Bewonersbrief", "status", status, "window-start", start,
                "works", ids, "audiences", audiences, NULL);
  return message;
}

static GPtrArray *
records (HelderRecord *first,
         ...)
{
  GPtrArray *array = g_ptr_array_new_with_free_func (g_object_unref);
  va_list args;

  va_start (args, first);
  for (HelderRecord *r = first; r != NULL; r = va_arg (args, HelderRecord *))
    g_ptr_array_add (array, r);
  va_end (args);
  return array;
}

static void
test_lead_time (void)
{
  g_autoptr(HelderRecord) own = works_new ("Riolering", "2027-03-15", "2027-05-01", 42);
  g_autoptr(HelderRecord) plain = works_new ("Glasvezel", "2027-03-15", "2027-05-01", 0);

  g_assert_cmpint (helder_works_lead_time (own, 21), ==, 42);
  g_assert_cmpint (helder_works_lead_time (own, -1), ==, 42);
  g_assert_cmpint (helder_works_lead_time (plain, 21), ==, 21);
  g_assert_cmpint (helder_works_lead_time (plain, -1), ==, HELDER_WORKS_LEAD_TIME_DEFAULT);
  g_assert_cmpint (HELDER_WORKS_LEAD_TIME_DEFAULT, ==, 14);
  /* an organisation may choose no lead time at all */
  g_assert_cmpint (helder_works_lead_time (plain, 0), ==, 0);
}

static void
test_deadline_weekends (void)
{
  g_autoptr(HelderRecord) monday = works_new ("A", "2027-03-15", NULL, 0);
  g_autoptr(HelderRecord) sunday = works_new ("B", "2027-03-14", NULL, 0);
  g_autoptr(HelderRecord) saturday = works_new ("C", "2027-03-13", NULL, 0);
  g_autoptr(HelderRecord) none = works_new ("D", NULL, NULL, 0);
  g_autoptr(HelderRecord) long_lead = works_new ("E", "2027-03-15", NULL, 42);
  g_autofree char *a = helder_works_letter_deadline (monday, -1);
  g_autofree char *b = helder_works_letter_deadline (sunday, -1);
  g_autofree char *c = helder_works_letter_deadline (saturday, -1);
  g_autofree char *e = helder_works_letter_deadline (long_lead, -1);
  g_autofree char *f = helder_works_letter_deadline (monday, 15);

  /* 14 days before a Monday is a Monday */
  g_assert_cmpstr (a, ==, "2027-03-01");
  /* a Sunday or Saturday moves back to the Friday before */
  g_assert_cmpstr (b, ==, "2027-02-26");
  g_assert_cmpstr (c, ==, "2027-02-26");
  g_assert_cmpstr (e, ==, "2027-02-01");
  /* the organisation's 15 days: Sunday 28 February → Friday 26 */
  g_assert_cmpstr (f, ==, "2027-02-26");
  g_assert_null (helder_works_letter_deadline (none, -1));
}

static HelderWorksLetter *
check (HelderRecord *works,
       GPtrArray    *messages,
       const char   *today)
{
  return helder_works_check_letter (works, messages, residents, -1, today);
}

static void
test_letter_states (void)
{
  g_autoptr(HelderRecord) works = works_new ("Riolering Hoofdstraat", "2027-03-15", "2027-05-28", 0);
  g_autoptr(HelderWorksLetter) none = check (works, NULL, "2027-02-20");
  g_autoptr(GPtrArray) approved = records (letter_new (works, "approved", "2027-03-01", OMWONENDEN), NULL);
  g_autoptr(GPtrArray) published = records (letter_new (works, "published", "2027-02-10", OMWONENDEN), NULL);
  g_autoptr(GPtrArray) review = records (letter_new (works, "review", "2027-02-22", OMWONENDEN), NULL);
  g_autoptr(GPtrArray) late = records (letter_new (works, "approved", "2027-03-02", OMWONENDEN), NULL);
  g_autoptr(GPtrArray) undated = records (letter_new (works, "approved", NULL, OMWONENDEN), NULL);
  g_autoptr(HelderWorksLetter) a = check (works, approved, "2027-02-20");
  g_autoptr(HelderWorksLetter) p = check (works, published, "2027-02-20");
  g_autoptr(HelderWorksLetter) r = check (works, review, "2027-02-20");
  g_autoptr(HelderWorksLetter) l = check (works, late, "2027-02-20");
  g_autoptr(HelderWorksLetter) u = check (works, undated, "2027-02-20");
  g_autoptr(HelderWorksLetter) past = check (works, NULL, "2027-03-04");

  g_assert_cmpint (none->state, ==, HELDER_WORKS_LETTER_MISSING);
  g_assert_cmpstr (none->deadline, ==, "2027-03-01");
  g_assert_cmpint (none->lead_time, ==, 14);
  g_assert_cmpint (none->days_left, ==, 9);
  g_assert_null (none->message);

  /* out on the deadline itself is in time */
  g_assert_cmpint (a->state, ==, HELDER_WORKS_LETTER_IN_TIME);
  g_assert_true (a->message == approved->pdata[0]);
  g_assert_cmpint (p->state, ==, HELDER_WORKS_LETTER_IN_TIME);
  g_assert_cmpint (r->state, ==, HELDER_WORKS_LETTER_NOT_APPROVED);
  g_assert_true (r->message == review->pdata[0]);
  g_assert_cmpint (l->state, ==, HELDER_WORKS_LETTER_TOO_LATE);
  g_assert_cmpint (u->state, ==, HELDER_WORKS_LETTER_TOO_LATE);
  g_assert_cmpint (past->state, ==, HELDER_WORKS_LETTER_MISSING);
  g_assert_cmpint (past->days_left, ==, -3);
}

static void
test_letter_best_message (void)
{
  g_autoptr(HelderRecord) works = works_new ("Riolering Hoofdstraat", "2027-03-15", "2027-05-28", 0);
  g_autoptr(GPtrArray) mixed = records (letter_new (works, "approved", "2027-03-08", OMWONENDEN),
                                        letter_new (works, "draft", "2027-02-22", OMWONENDEN),
                                        letter_new (works, "published", "2027-02-25", OMWONENDEN),
                                        NULL);
  g_autoptr(GPtrArray) late_and_unapproved = records (letter_new (works, "approved", "2027-03-08", OMWONENDEN),
                                                      letter_new (works, "idea", "2027-02-22", OMWONENDEN),
                                                      NULL);
  g_autoptr(HelderWorksLetter) m = check (works, mixed, "2027-02-20");
  g_autoptr(HelderWorksLetter) n = check (works, late_and_unapproved, "2027-02-20");

  g_assert_cmpint (m->state, ==, HELDER_WORKS_LETTER_IN_TIME);
  g_assert_true (m->message == mixed->pdata[2]);
  /* one in time that waits for approval says more than one too late */
  g_assert_cmpint (n->state, ==, HELDER_WORKS_LETTER_NOT_APPROVED);
  g_assert_true (n->message == late_and_unapproved->pdata[1]);
}

static void
test_letter_audiences_and_links (void)
{
  g_autoptr(HelderRecord) works = works_new ("Riolering Hoofdstraat", "2027-03-15", "2027-05-28", 0);
  g_autoptr(HelderRecord) other = works_new ("Glasvezel", "2027-03-15", "2027-05-28", 0);
  g_autoptr(GPtrArray) entrepreneurs = records (letter_new (works, "approved", "2027-02-22", ONDERNEMERS), NULL);
  g_autoptr(GPtrArray) unlinked = records (letter_new (other, "approved", "2027-02-22", OMWONENDEN), NULL);
  g_autoptr(HelderWorksLetter) e = check (works, entrepreneurs, "2027-02-20");
  g_autoptr(HelderWorksLetter) u = check (works, unlinked, "2027-02-20");
  g_autoptr(HelderWorksLetter) any = NULL, elderly = NULL;
  g_autoptr(GPtrArray) to_elderly = records (letter_new (works, "approved", "2027-02-22", OUDEREN), NULL);

  /* a letter to the shops in the street does not tell its residents */
  g_assert_cmpint (e->state, ==, HELDER_WORKS_LETTER_MISSING);
  g_assert_cmpint (u->state, ==, HELDER_WORKS_LETTER_MISSING);

  /* without a list of residents' audiences, the works' own audiences count */
  any = helder_works_check_letter (works, entrepreneurs, NULL, -1, "2027-02-20");
  g_assert_cmpint (any->state, ==, HELDER_WORKS_LETTER_IN_TIME);
  elderly = helder_works_check_letter (works, to_elderly, NULL, -1, "2027-02-20");
  g_assert_cmpint (elderly->state, ==, HELDER_WORKS_LETTER_MISSING);
  g_assert_true (helder_works_is_residents_message (to_elderly->pdata[0], works, (const char *[]) { OUDEREN, NULL }));
}

static void
test_letter_not_needed (void)
{
  g_autoptr(HelderRecord) over = works_new ("Klaar", "2026-09-01", "2026-10-30", 0);
  g_autoptr(HelderRecord) undated = works_new ("Ooit", NULL, NULL, 0);
  g_autoptr(HelderRecord) running = works_new ("Bezig", "2026-11-16", "2027-01-29", 0);
  g_autoptr(HelderWorksLetter) a = check (over, NULL, "2026-12-02");
  g_autoptr(HelderWorksLetter) b = check (undated, NULL, "2026-12-02");
  g_autoptr(HelderWorksLetter) c = check (running, NULL, "2026-12-02");

  g_assert_cmpint (a->state, ==, HELDER_WORKS_LETTER_NOT_NEEDED);
  g_assert_cmpint (b->state, ==, HELDER_WORKS_LETTER_NOT_NEEDED);
  g_assert_null (b->deadline);
  /* under way without a letter: still late, residents live with it now */
  g_assert_cmpint (c->state, ==, HELDER_WORKS_LETTER_MISSING);
  g_assert_cmpint (c->days_left, <, 0);
}

static void
test_normalize_street (void)
{
  const char *same[] = { "Van den Endelaan", "van den endelaan", "Van den  Endelaan ",
                         " VAN DEN ENDELAAN", "Van-den-Endelaan", "Vanden Endelaan", "Van\tden\nEndelaan" };
  g_autofree char *key = helder_works_normalize_street (same[0]);
  g_autofree char *cafe = helder_works_normalize_street ("Café de Zon");
  g_autofree char *plain = helder_works_normalize_street ("cafe de zon");
  g_autofree char *other = helder_works_normalize_street ("Van den Endestraat");
  g_autofree char *empty = helder_works_normalize_street ("   ");
  g_autofree char *null = helder_works_normalize_street (NULL);

  for (guint i = 1; i < G_N_ELEMENTS (same); i++)
    {
      g_autofree char *k = helder_works_normalize_street (same[i]);

      g_assert_cmpstr (k, ==, key);
    }
  g_assert_cmpstr (cafe, ==, plain);
  g_assert_cmpstr (other, !=, key);
  g_assert_cmpstr (empty, ==, "");
  g_assert_cmpstr (null, ==, "");
}

static void
test_streets (void)
{
  g_autoptr(HelderRecord) works = works_new ("Riolering", "2027-03-15", NULL, 0);
  g_autoptr(HelderRecord) located = works_new ("Glasvezel", "2027-03-15", NULL, 0);
  g_autoptr(HelderRecord) nowhere = works_new ("Ergens", "2027-03-15", NULL, 0);
  const char *list[] = { "Hoofdstraat", " Mariastraat ", "hoofd straat", "", NULL };
  g_autoptr(GPtrArray) a = NULL, b = NULL, c = NULL;

  g_object_set (works, "streets", list, "location", "HOOFDSTRAAT", NULL);
  g_object_set (located, "location", "Leidsestraat", NULL);
  a = helder_works_streets (works);
  b = helder_works_streets (located);
  c = helder_works_streets (nowhere);

  /* the location first, as written */
  g_assert_cmpuint (a->len, ==, 2);
  g_assert_cmpstr (a->pdata[0], ==, "HOOFDSTRAAT");
  g_assert_cmpstr (a->pdata[1], ==, "Mariastraat");
  g_assert_cmpuint (b->len, ==, 1);
  g_assert_cmpstr (b->pdata[0], ==, "Leidsestraat");
  g_assert_cmpuint (c->len, ==, 0);
}

static void
test_weeks_overlap (void)
{
  /* Monday 1 March 2027 and Friday 5 March are both week 9 */
  g_autoptr(HelderRecord) a = works_new ("A", "2027-02-15", "2027-03-01", 0);
  g_autoptr(HelderRecord) b = works_new ("B", "2027-03-05", "2027-03-26", 0);
  g_autoptr(HelderRecord) c = works_new ("C", "2027-03-29", "2027-04-09", 0);
  g_autoptr(HelderRecord) d = works_new ("D", "2027-02-01", "2027-02-28", 0);
  g_autoptr(HelderRecord) e = works_new ("E", "2027-03-10", NULL, 0);
  g_autoptr(HelderRecord) f = works_new ("F", NULL, NULL, 0);
  g_autofree char *first = NULL, *last = NULL;

  g_assert_true (helder_works_weeks_overlap (a, b, &first, &last));
  g_assert_cmpstr (first, ==, "2027-03-01");
  g_assert_cmpstr (last, ==, "2027-03-01");
  g_assert_cmpint (helder_works_iso_week (first), ==, 9);
  /* ends Sunday of week 8: not in week 9 */
  g_assert_false (helder_works_weeks_overlap (d, b, NULL, NULL));
  g_assert_false (helder_works_weeks_overlap (b, c, NULL, NULL));
  g_assert_true (helder_works_weeks_overlap (d, a, NULL, NULL));
  /* a start alone is one day */
  g_assert_true (helder_works_weeks_overlap (e, b, NULL, NULL));
  g_assert_false (helder_works_weeks_overlap (e, c, NULL, NULL));
  g_assert_false (helder_works_weeks_overlap (f, a, NULL, NULL));
  /* symmetric */
  g_assert_true (helder_works_weeks_overlap (b, a, NULL, NULL));
}

static void
test_overlaps (void)
{
  g_autoptr(GPtrArray) works = records (works_new ("Riolering", "2027-03-01", "2027-03-26", 0),
                                        works_new ("Glasvezel", "2027-03-22", "2027-04-30", 0),
                                        works_new ("Bomen", "2027-06-01", "2027-06-11", 0),
                                        works_new ("Kabels", "2027-03-08", "2027-03-12", 0),
                                        NULL);
  const char *two[] = { "Hoofdstraat", "Mariastraat", NULL };
  const char *same_two[] = { "mariastraat", "hoofd straat", NULL };
  g_autoptr(GPtrArray) overlaps = NULL;
  HelderWorksOverlap *overlap;

  g_object_set (works->pdata[0], "streets", two, NULL);
  g_object_set (works->pdata[1], "streets", same_two, NULL);
  g_object_set (works->pdata[2], "location", "Hoofdstraat", NULL);
  g_object_set (works->pdata[3], "location", "Leidsestraat", NULL);
  overlaps = helder_works_overlaps (works);

  /* one pair, though it shares two streets; Bomen is later, Kabels elsewhere */
  g_assert_cmpuint (overlaps->len, ==, 1);
  overlap = overlaps->pdata[0];
  g_assert_cmpstr (overlap->a, ==, helder_record_get_id (works->pdata[0]));
  g_assert_cmpstr (overlap->b, ==, helder_record_get_id (works->pdata[1]));
  g_assert_cmpstr (overlap->street, ==, "Hoofdstraat");
  g_assert_cmpstr (overlap->first_monday, ==, "2027-03-22");
  g_assert_cmpstr (overlap->last_monday, ==, "2027-03-22");

  /* Kabels in the Hoofdstraat too: it overlaps Riolering only */
  g_object_set (works->pdata[3], "location", "Hoofdstraat", NULL);
  g_clear_pointer (&overlaps, g_ptr_array_unref);
  overlaps = helder_works_overlaps (works);
  g_assert_cmpuint (overlaps->len, ==, 2);
  overlap = overlaps->pdata[1];
  g_assert_cmpstr (overlap->a, ==, helder_record_get_id (works->pdata[0]));
  g_assert_cmpstr (overlap->b, ==, helder_record_get_id (works->pdata[3]));
}

static void
test_warnings (void)
{
  g_autoptr(GPtrArray) works = records (works_new ("Riolering Hoofdstraat", "2027-03-15", "2027-04-30", 0),
                                        works_new ("Glasvezel Hoofdstraat", "2027-04-12", "2027-05-07", 0),
                                        works_new ("Bomen Meerlaan", "2027-06-07", "2027-06-11", 0),
                                        NULL);
  g_autoptr(GPtrArray) messages = records (letter_new (works->pdata[1], "approved", "2027-03-22", OMWONENDEN),
                                           letter_new (works->pdata[2], "review", "2027-05-17", OMWONENDEN),
                                           NULL);
  g_autoptr(GPtrArray) warnings = NULL;
  HelderWorksWarning *w;

  g_object_set (works->pdata[0], "location", "Hoofdstraat", NULL);
  g_object_set (works->pdata[1], "location", "hoofdstraat", NULL);
  g_object_set (works->pdata[2], "location", "Meerlaan", NULL);
  warnings = helder_works_warnings (works, messages, residents, -1, "2027-03-04");

  /* Riolering: late letter + overlap; Glasvezel: overlap; Bomen: not approved */
  g_assert_cmpuint (warnings->len, ==, 4);
  w = warnings->pdata[0];
  g_assert_cmpint (w->kind, ==, HELDER_WORKS_WARNING_LETTER);
  g_assert_cmpstr (w->works, ==, helder_record_get_id (works->pdata[0]));
  g_assert_cmpint (w->letter, ==, HELDER_WORKS_LETTER_MISSING);
  g_assert_cmpstr (w->title, ==, "Residents’ letter is late");
  g_assert_nonnull (strstr (w->explanation, "1 March 2027"));
  g_assert_nonnull (strstr (w->explanation, "14 days"));
  g_assert_nonnull (strstr (w->explanation, "15 March 2027"));

  w = warnings->pdata[1];
  g_assert_cmpint (w->kind, ==, HELDER_WORKS_WARNING_OVERLAP);
  g_assert_cmpstr (w->other, ==, helder_record_get_id (works->pdata[1]));
  g_assert_cmpstr (w->street, ==, "Hoofdstraat");
  g_assert_cmpint (w->first_week, ==, 15);
  g_assert_cmpint (w->last_week, ==, 17);
  g_assert_nonnull (strstr (w->explanation, "from week 15 to week 17"));
  g_assert_nonnull (strstr (w->title, "Glasvezel Hoofdstraat"));

  w = warnings->pdata[2];
  g_assert_cmpint (w->kind, ==, HELDER_WORKS_WARNING_OVERLAP);
  g_assert_cmpstr (w->works, ==, helder_record_get_id (works->pdata[1]));
  g_assert_cmpstr (w->other, ==, helder_record_get_id (works->pdata[0]));
  /* one name for the pair: as the first works writes it */
  g_assert_cmpstr (w->street, ==, "Hoofdstraat");

  w = warnings->pdata[3];
  g_assert_cmpint (w->letter, ==, HELDER_WORKS_LETTER_NOT_APPROVED);
  g_assert_cmpstr (w->message, ==, helder_record_get_id (messages->pdata[1]));
  g_assert_cmpstr (w->title, ==, "Residents’ letter not approved yet");
  g_assert_nonnull (strstr (w->explanation, "for approval"));
}

static void
test_notices (void)
{
  g_autoptr(GPtrArray) works = records (works_new ("Riolering Hoofdstraat", "2027-03-15", "2027-04-30", 0),
                                        works_new ("Bomen Meerlaan", "2027-03-22", "2027-03-26", 0),
                                        works_new ("Glasvezel", "2027-06-07", "2027-06-11", 0),
                                        NULL);
  g_autoptr(GPtrArray) warnings = helder_works_warnings (works, NULL, residents, -1, "2027-03-05");
  g_autoptr(GPtrArray) notices = helder_works_notices (warnings, works);
  g_autoptr(HelderRecord) sent = helder_record_new (HELDER_TYPE_OMGEVINGSBEELD);
  g_autoptr(HelderPlanNotice) due = NULL, none = NULL, done = NULL;
  HelderPlanNotice *notice;
  gboolean days[8];

  /* late (deadline 1 March), due in three days (8 March); June is far off */
  g_assert_cmpuint (notices->len, ==, 2);
  notice = notices->pdata[0];
  g_assert_cmpstr (notice->title, ==, "Residents’ letter late: Riolering Hoofdstraat");
  g_assert_true (g_str_has_prefix (notice->id, "works-letter-"));
  g_assert_nonnull (strstr (notice->body, "1 March 2027"));
  notice = notices->pdata[1];
  g_assert_cmpstr (notice->title, ==, "Residents’ letter due: Bomen Meerlaan");

  helder_editions_parse_days (NULL, days);
  /* Friday 5 March 2027, an edition day */
  due = helder_editions_notice (days, "2027-03-05", NULL);
  g_assert_nonnull (due);
  g_assert_cmpstr (due->id, ==, "edition-due-2027-03-05");
  none = helder_editions_notice (days, "2027-03-04", NULL);
  g_assert_null (none);
  g_object_set (sent, "date", "2027-03-05", NULL);
  done = helder_editions_notice (days, "2027-03-05", sent);
  g_assert_null (done);
}

static HelderRecord *
message_by (const char *title,
            const char *author,
            const char *status)
{
  HelderRecord *message = helder_record_new (HELDER_TYPE_MESSAGE);

  g_object_set (message, "title", title, "author", author, "status", status, "window-start", "2027-03-22", NULL);
  return message;
}

/* Messages waiting for my approval: four eyes, and only for advisors
 * and administrators. */
static void
test_approvals_notice (void)
{
  g_autoptr(GListStore) messages = g_list_store_new (HELDER_TYPE_MESSAGE);
  g_autoptr(GListStore) events = g_list_store_new (HELDER_TYPE_MESSAGE_EVENT);
  g_autoptr(HelderRecord) joost = message_by ("Afvalkalender", "joost", "review");
  g_autoptr(HelderRecord) own = message_by ("Woonvisie", "sanne", "review");
  g_autoptr(HelderRecord) draft = message_by ("Koningsdag", "joost", "draft");
  g_autoptr(HelderRecord) sent_by_me = message_by ("Storing", "joost", "review");
  g_autoptr(HelderRecord) event = helder_record_new (HELDER_TYPE_MESSAGE_EVENT);
  g_autoptr(HelderPlanNotice) one = NULL, none = NULL, staff = NULL, other = NULL, many = NULL;

  g_list_store_append (messages, joost);
  g_list_store_append (messages, own);
  g_list_store_append (messages, draft);
  g_list_store_append (messages, sent_by_me);
  /* Sanne sent Joost's "Storing" for review: she does not approve it either */
  g_object_set (event, "message", helder_record_get_id (sent_by_me), "from-status", "draft", "to-status", "review",
                "actor", "sanne", NULL);
  g_list_store_append (events, event);

  one = helder_approvals_notice (G_LIST_MODEL (messages), G_LIST_MODEL (events), "sanne", HELDER_SESSION_ROLE_ADVISOR);
  g_assert_nonnull (one);
  g_assert_cmpstr (one->id, ==, "approvals-waiting");
  g_assert_cmpstr (one->title, ==, "1 message waits for your approval");
  g_assert_cmpstr (one->body, ==, "“Afvalkalender”");
  g_assert_cmpstr (one->view, ==, "message");
  g_assert_cmpstr (one->record, ==, helder_record_get_id (joost));

  staff = helder_approvals_notice (G_LIST_MODEL (messages), G_LIST_MODEL (events), "sanne", HELDER_SESSION_ROLE_STAFF);
  g_assert_null (staff);
  none = helder_approvals_notice (G_LIST_MODEL (messages), G_LIST_MODEL (events), NULL, HELDER_SESSION_ROLE_ADMIN);
  g_assert_null (none);
  /* Joost approves Sanne's, not his own */
  other = helder_approvals_notice (G_LIST_MODEL (messages), G_LIST_MODEL (events), "joost", HELDER_SESSION_ROLE_ADMIN);
  g_assert_nonnull (other);
  g_assert_cmpstr (other->body, ==, "“Woonvisie”");

  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *title = g_strdup_printf ("Bericht %u", i);
      g_autoptr(HelderRecord) more = message_by (title, "joost", "review");

      g_list_store_append (messages, more);
    }
  many = helder_approvals_notice (G_LIST_MODEL (messages), G_LIST_MODEL (events), "sanne", HELDER_SESSION_ROLE_ADVISOR);
  g_assert_cmpstr (many->title, ==, "5 messages wait for your approval");
  g_assert_cmpstr (many->body, ==, "“Afvalkalender”, “Bericht 0”, “Bericht 1” and 2 others");
  g_assert_cmpstr (many->record, ==, "");
}

/* The quarterly review, in the last two weeks of a quarter not closed. */
static void
test_review_notice (void)
{
  struct {
    const char *today;
    const char *last_closed;
    HelderRole  role;
    const char *id;           /* NULL: none */
    const char *in_body;
  } cases[] = {
    { "2027-03-20", "2026-Q4", HELDER_SESSION_ROLE_ADVISOR, "review-due-2027-Q1", "in 11 days" },
    { "2027-03-30", "2026-Q4", HELDER_SESSION_ROLE_ADMIN,   "review-due-2027-Q1", "in 1 day:" },
    { "2027-03-31", NULL,      HELDER_SESSION_ROLE_ADVISOR, "review-due-2027-Q1", "ends today" },
    { "2027-03-18", "2026-Q4", HELDER_SESSION_ROLE_ADVISOR, "review-due-2027-Q1", "in 13 days" },
    { "2027-03-17", "2026-Q4", HELDER_SESSION_ROLE_ADVISOR, NULL, NULL },   /* 14 days: not yet */
    { "2027-03-20", "2027-Q1", HELDER_SESSION_ROLE_ADVISOR, NULL, NULL },   /* closed already */
    { "2027-03-20", "2026-Q4", HELDER_SESSION_ROLE_STAFF,   NULL, NULL },   /* staff do not close */
    { "2026-12-25", "2026-Q3", HELDER_SESSION_ROLE_ADVISOR, "review-due-2026-Q4", "in 6 days" },
    { "2027-01-02", "2026-Q3", HELDER_SESSION_ROLE_ADVISOR, NULL, NULL },   /* a new quarter, far from its end */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(HelderPlanNotice) notice = helder_review_notice (cases[i].today, cases[i].last_closed, cases[i].role);

      g_test_message ("%s, last closed %s", cases[i].today, cases[i].last_closed);
      if (cases[i].id == NULL)
        {
          g_assert_null (notice);
          continue;
        }
      g_assert_nonnull (notice);
      g_assert_cmpstr (notice->id, ==, cases[i].id);
      g_assert_cmpstr (notice->view, ==, "review");
      g_assert_nonnull (strstr (notice->body, cases[i].in_body));
    }
}

static void
test_format_day (void)
{
  g_autofree char *a = helder_works_format_day ("2027-01-14");
  g_autofree char *b = helder_works_format_day ("2027-12-01T10:00:00Z");

  g_assert_cmpstr (a, ==, "14 January 2027");
  g_assert_cmpstr (b, ==, "1 December 2027");
  g_assert_null (helder_works_format_day ("morgen"));
  g_assert_null (helder_works_format_day (NULL));
  g_assert_cmpint (helder_works_iso_week ("2027-01-04"), ==, 1);
  g_assert_cmpint (helder_works_iso_week ("2027-01-03"), ==, 53);
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

static void
save_setting (PlanFixture *fixture,
              const char  *key,
              const char  *value)
{
  g_autoptr(HelderRecord) setting = helder_record_new (HELDER_TYPE_SETTING);

  g_object_set (setting, "key", key, "value", value, NULL);
  save (fixture, setting);
}

static void
test_service_settings (PlanFixture   *fixture,
                       gconstpointer  data)
{
  g_autoptr(HelderRecord) omwonenden = helder_record_new (HELDER_TYPE_AUDIENCE);
  g_autoptr(HelderRecord) shops = helder_record_new (HELDER_TYPE_AUDIENCE);
  g_auto(GStrv) guessed = NULL, chosen = NULL;

  g_assert_cmpint (helder_plan_service_works_lead_time (fixture->plan), ==, 14);
  g_object_set (omwonenden, "name", "Omwonenden van werkzaamheden", NULL);
  g_object_set (shops, "name", "Ondernemers", NULL);
  save (fixture, omwonenden);
  save (fixture, shops);
  guessed = helder_plan_service_works_residents (fixture->plan);
  g_assert_cmpuint (g_strv_length (guessed), ==, 1);
  g_assert_cmpstr (guessed[0], ==, helder_record_get_id (omwonenden));

  save_setting (fixture, HELDER_WORKS_LEAD_TIME_SETTING, "{\"days\": 28}");
  save_setting (fixture, HELDER_WORKS_RESIDENTS_SETTING, "[\"a\", \"b\"]");
  g_assert_cmpint (helder_plan_service_works_lead_time (fixture->plan), ==, 28);
  chosen = helder_plan_service_works_residents (fixture->plan);
  g_assert_cmpuint (g_strv_length (chosen), ==, 2);
  g_assert_cmpstr (chosen[1], ==, "b");
}

static void
test_service_warnings_and_letter (PlanFixture   *fixture,
                                  gconstpointer  data)
{
  g_autoptr(HelderRecord) works = works_new ("Riolering Mariastraat", "2027-03-15", "2027-04-30", 0);
  g_autoptr(HelderRecord) omwonenden = helder_record_new (HELDER_TYPE_AUDIENCE);
  g_autoptr(HelderRecord) letter = NULL, stored = NULL;
  g_autoptr(GPtrArray) warnings = NULL, after = NULL, approved = NULL;
  const char *streets[] = { "Mariastraat", "Julianastraat", NULL };
  const char *audiences[] = { OMWONENDEN, ONDERNEMERS, NULL };
  g_autoptr(GError) error = NULL;
  guint outbox;

  helder_record_set_id (omwonenden, OMWONENDEN);
  g_object_set (omwonenden, "name", "Omwonenden", NULL);
  save (fixture, omwonenden);
  g_object_set (works, "streets", streets, "wijk", "Centrum", "audiences", audiences, NULL);
  save (fixture, works);
  save_setting (fixture, HELDER_WORKS_LEAD_TIME_SETTING, "{\"days\": 21}");

  warnings = helder_plan_service_works_warnings (fixture->plan, "2027-02-01");
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_cmpint (((HelderWorksWarning *) warnings->pdata[0])->letter, ==, HELDER_WORKS_LETTER_MISSING);
  g_assert_nonnull (strstr (((HelderWorksWarning *) warnings->pdata[0])->explanation, "22 February 2027"));

  outbox = helder_store_count_outbox (fixture->store);
  letter = helder_plan_service_create_works_letter (fixture->plan, works, "2027-02-01", &error);
  g_assert_no_error (error);
  g_assert_nonnull (letter);
  g_assert_cmpuint (helder_store_count_outbox (fixture->store), ==, outbox + 1);
  stored = helder_store_load (fixture->store, HELDER_TYPE_MESSAGE, helder_record_get_id (letter), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (helder_record_get_title (stored), ==, "Residents’ letter: Riolering Mariastraat");
  g_assert_cmpstr (helder_record_get_text (stored, "status"), ==, "idea");
  g_assert_cmpstr (helder_record_get_text (stored, "area"), ==, "Mariastraat, Julianastraat, Centrum");
  /* the week before the deadline (Monday 22 February) */
  g_assert_cmpstr (helder_record_get_text (stored, "window_start"), ==, "2027-02-15");
  g_assert_cmpstr (helder_record_get_text (stored, "window_end"), ==, "2027-02-22");
  g_assert_cmpstr (helder_record_get_text (stored, "author"), ==, "sanne");
  g_assert_cmpuint (g_strv_length ((char **) helder_record_get_list (stored, "audiences")), ==, 1);
  g_assert_cmpstr (helder_record_get_list (stored, "audiences")[0], ==, OMWONENDEN);
  g_assert_cmpstr (helder_record_get_list (stored, "works")[0], ==, helder_record_get_id (works));

  after = helder_plan_service_works_warnings (fixture->plan, "2027-02-01");
  g_assert_cmpuint (after->len, ==, 1);
  g_assert_cmpint (((HelderWorksWarning *) after->pdata[0])->letter, ==, HELDER_WORKS_LETTER_NOT_APPROVED);

  g_object_set (stored, "status", "approved", NULL);
  save (fixture, stored);
  approved = helder_plan_service_works_warnings (fixture->plan, "2027-02-01");
  g_assert_cmpuint (approved->len, ==, 0);
}

/* A letter for works whose deadline has passed goes out from today. */
static void
test_service_letter_late (PlanFixture   *fixture,
                          gconstpointer  data)
{
  g_autoptr(HelderRecord) works = works_new ("Bomen kappen Meerlaan", "2027-02-08", "2027-02-12", 0);
  g_autoptr(HelderRecord) letter = NULL;
  g_autoptr(GError) error = NULL;

  save (fixture, works);
  letter = helder_plan_service_create_works_letter (fixture->plan, works, "2027-02-01", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (helder_record_get_text (letter, "window_start"), ==, "2027-02-01");
  g_assert_cmpstr (helder_record_get_text (letter, "window_end"), ==, "2027-02-01");
}

static void
test_service_staff_refused (PlanFixture   *fixture,
                            gconstpointer  data)
{
  g_autoptr(HelderRecord) works = works_new ("Bomen kappen Meerlaan", "2027-02-08", "2027-02-12", 0);
  g_autoptr(HelderRecord) letter = NULL;
  g_autoptr(GError) error = NULL;

  save (fixture, works);
  helder_session_set_role (fixture->session, HELDER_SESSION_ROLE_STAFF);
  letter = helder_plan_service_create_works_letter (fixture->plan, works, "2027-02-01", &error);
  g_assert_null (letter);
  g_assert_error (error, HELDER_SESSION_ERROR, HELDER_SESSION_ERROR_FORBIDDEN);
  g_assert_cmpuint (helder_store_count (fixture->store, HELDER_TYPE_MESSAGE), ==, 0);
}

static HelderWorksWarning *
find_warning (GPtrArray              *warnings,
              const char             *works,
              HelderWorksWarningKind  kind)
{
  for (guint i = 0; i < warnings->len; i++)
    {
      HelderWorksWarning *w = warnings->pdata[i];

      if (g_str_equal (w->works, works) && w->kind == kind)
        return w;
    }
  return NULL;
}

/* The example data shows the warnings on first start: two works in the
 * Hoofdstraat in the same weeks, a late letter for the Meerlaan. */
static void
test_example_data (PlanFixture   *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  HelderWorksWarning *w;

  g_assert_true (helder_example_data_load (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (helder_plan_service_works_lead_time (fixture->plan), ==, 14);
  warnings = helder_plan_service_works_warnings (fixture->plan, "2026-12-02");

  /* Dunea's water main: letter approved and out in time, but it shares the Hoofdstraat */
  g_assert_null (find_warning (warnings, "23000000-0000-4000-8003-000000000001", HELDER_WORKS_WARNING_LETTER));
  w = find_warning (warnings, "23000000-0000-4000-8003-000000000001", HELDER_WORKS_WARNING_OVERLAP);
  g_assert_nonnull (w);
  g_assert_cmpstr (w->other, ==, "23000000-0000-4000-8003-000000000002");
  g_assert_cmpstr (w->street, ==, "Hoofdstraat");
  g_assert_cmpint (w->first_week, ==, 6);
  g_assert_cmpint (w->last_week, ==, 7);
  g_assert_nonnull (find_warning (warnings, "23000000-0000-4000-8003-000000000002", HELDER_WORKS_WARNING_OVERLAP));

  /* the Meerlaan: 21 days before 14 December has passed, the letter is a draft after it */
  w = find_warning (warnings, "23000000-0000-4000-8003-000000000003", HELDER_WORKS_WARNING_LETTER);
  g_assert_nonnull (w);
  g_assert_cmpint (w->letter, ==, HELDER_WORKS_LETTER_TOO_LATE);
  g_assert_cmpstr (w->message, ==, "23000000-0000-4000-8004-000000000002");

  /* every other works has its letter approved and out in time */
  g_assert_null (find_warning (warnings, "23000000-0000-4000-8003-000000000002", HELDER_WORKS_WARNING_LETTER));
  g_assert_null (find_warning (warnings, "23000000-0000-4000-8003-000000000004", HELDER_WORKS_WARNING_LETTER));
  g_assert_null (find_warning (warnings, "e28ac182-1494-4a51-bb97-c5130ac6b440", HELDER_WORKS_WARNING_LETTER));
  g_assert_null (find_warning (warnings, "1b85785b-0cb5-4255-8ce9-19af04f330dc", HELDER_WORKS_WARNING_LETTER));
  g_assert_null (find_warning (warnings, "b982d06a-1d17-406e-b51e-8b2ab71aab00", HELDER_WORKS_WARNING_LETTER));
  /* so the late letter and the overlap stand out */
  g_assert_cmpuint (warnings->len, ==, 3);
}

/* The notifier follows the store: a notice shows once, shows again when
 * its text changes, and is taken back when it no longer holds. */
static void
record_notice (const char       *id,
               HelderPlanNotice *notice,
               gpointer          data)
{
  g_ptr_array_add (data, g_strdup_printf ("%s %s%s%s", notice ? "show" : "withdraw", id,
                                          notice ? " " : "", notice ? notice->title : ""));
}

static char *
joined (GPtrArray *calls)
{
  g_autofree char **strv = g_new0 (char *, calls->len + 1);
  char *text;

  memcpy (strv, calls->pdata, calls->len * sizeof (char *));
  text = g_strjoinv ("|", strv);
  g_ptr_array_set_size (calls, 0);
  return text;
}

static void
test_notifier (PlanFixture   *fixture,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) calls = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(HelderPlanNotifier) notifier = NULL;
  g_autoptr(HelderRecord) message = message_by ("Afvalkalender", "joost", "review");
  g_autoptr(HelderRecord) second = message_by ("Woonvisie", "joost", "review");
  g_autoptr(HelderRecord) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  save (fixture, message);
  notifier = helder_plan_notifier_new (fixture->plan, record_notice, calls, NULL);
  /* Saturday 20 March 2027: the quarter ends in 11 days; no edition day */
  helder_plan_notifier_check (notifier, "2027-03-20");
  text = joined (calls);
  g_assert_cmpstr (text, ==, "show approvals-waiting 1 message waits for your approval|"
                             "show review-due-2027-Q1 The quarterly review of Q1 2027 is due");
  g_clear_pointer (&text, g_free);

  /* The same: nothing again */
  helder_plan_notifier_check (notifier, "2027-03-20");
  g_assert_cmpuint (calls->len, ==, 0);

  /* One more waiting: told again */
  save (fixture, second);
  helder_plan_notifier_check (notifier, "2027-03-20");
  text = joined (calls);
  g_assert_cmpstr (text, ==, "show approvals-waiting 2 messages wait for your approval");
  g_clear_pointer (&text, g_free);

  /* Both approved: taken back */
  for (guint i = 0; i < 2; i++)
    {
      g_clear_object (&stored);
      stored = helder_service_load (HELDER_SERVICE (fixture->plan), HELDER_TYPE_MESSAGE,
                                    helder_record_get_id (i == 0 ? message : second));
      g_assert_true (helder_plan_service_step_message (fixture->plan, stored, HELDER_MESSAGE_APPROVED, NULL, &error));
      g_assert_no_error (error);
    }
  helder_plan_notifier_check (notifier, "2027-03-20");
  text = joined (calls);
  g_assert_cmpstr (text, ==, "withdraw approvals-waiting");
  g_clear_pointer (&text, g_free);

  /* A new day, further from the quarter's end (a test's clock): the review is taken back */
  helder_plan_notifier_check (notifier, "2027-03-10");
  text = joined (calls);
  g_assert_cmpstr (text, ==, "withdraw review-due-2027-Q1");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/works/lead-time", test_lead_time);
  g_test_add_func ("/works/deadline-weekends", test_deadline_weekends);
  g_test_add_func ("/works/letter/states", test_letter_states);
  g_test_add_func ("/works/letter/best-message", test_letter_best_message);
  g_test_add_func ("/works/letter/audiences-and-links", test_letter_audiences_and_links);
  g_test_add_func ("/works/letter/not-needed", test_letter_not_needed);
  g_test_add_func ("/works/streets/normalize", test_normalize_street);
  g_test_add_func ("/works/streets/list", test_streets);
  g_test_add_func ("/works/overlap/weeks", test_weeks_overlap);
  g_test_add_func ("/works/overlap/pairs", test_overlaps);
  g_test_add_func ("/works/warnings", test_warnings);
  g_test_add_func ("/works/format-day", test_format_day);
  g_test_add_func ("/works/notices", test_notices);
  g_test_add_func ("/works/notices/approvals", test_approvals_notice);
  g_test_add_func ("/works/notices/review", test_review_notice);
  g_test_add ("/works/service/notifier", PlanFixture, NULL, plan_setup, test_notifier, plan_teardown);
  g_test_add ("/works/service/settings", PlanFixture, NULL, plan_setup, test_service_settings, plan_teardown);
  g_test_add ("/works/service/warnings-and-letter", PlanFixture, NULL, plan_setup,
              test_service_warnings_and_letter, plan_teardown);
  g_test_add ("/works/service/letter-late", PlanFixture, NULL, plan_setup, test_service_letter_late,
              plan_teardown);
  g_test_add ("/works/service/staff-refused", PlanFixture, NULL, plan_setup, test_service_staff_refused,
              plan_teardown);

  g_test_add ("/works/service/example-data", PlanFixture, NULL, plan_setup, test_example_data, plan_teardown);

  return g_test_run ();
}
