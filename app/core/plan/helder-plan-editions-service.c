/* helder-plan-editions-service.c: the omgevingsbeeld on the store: new, save, send, archive
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-plan-editions"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "helder-plan-editions.h"
#include "helder-plan-works-private.h"

/* Each function is one user action: one transaction through the
 * service, so a role that may not is refused before anything is
 * written. */

void
helder_plan_service_editions_days (HelderPlanService *self,
                                   gboolean           days[8])
{
  g_autofree char *value = NULL;

  g_return_if_fail (HELDER_IS_PLAN_SERVICE (self));

  value = helder_plan_works_setting (self, HELDER_EDITIONS_DAYS_SETTING);
  helder_editions_parse_days (value, days);
}

/**
 * helder_plan_service_organisation_logo:
 *
 * Returns: (transfer full) (nullable): the municipality's logo as PNG,
 *   from the setting "organisation.logo" ({"png_base64": ...})
 */
GBytes *
helder_plan_service_organisation_logo (HelderPlanService *self)
{
  g_autofree char *value = NULL;
  g_autoptr(JsonNode) node = NULL;
  const char *base64;
  guchar *data;
  gsize length;

  g_return_val_if_fail (HELDER_IS_PLAN_SERVICE (self), NULL);

  value = helder_plan_works_setting (self, HELDER_ORGANISATION_LOGO_SETTING);
  node = value ? json_from_string (value, NULL) : NULL;
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  base64 = json_object_get_string_member_with_default (json_node_get_object (node), "png_base64", NULL);
  if (base64 == NULL)
    return NULL;
  data = g_base64_decode (base64, &length);
  /* only what is a PNG: the signature */
  if (length < 8 || memcmp (data, "\x89PNG\r\n\x1a\n", 8) != 0)
    {
      g_free (data);
      return NULL;
    }
  return g_bytes_new_take (data, length);
}

/* Latest day first; of one day, the highest number. */
static int
newest_first (gconstpointer a,
              gconstpointer b)
{
  HelderRecord *x = *(HelderRecord **) a, *y = *(HelderRecord **) b;
  int c = g_strcmp0 (helder_record_get_text (y, "date"), helder_record_get_text (x, "date"));

  if (c != 0)
    return c;
  return helder_record_get_int (y, "number") - helder_record_get_int (x, "number");
}

/**
 * helder_plan_service_last_edition:
 * @sent_only: only editions that were sent
 *
 * Returns: (transfer full) (nullable): the latest edition
 */
HelderRecord *
helder_plan_service_last_edition (HelderPlanService *self,
                                  gboolean           sent_only)
{
  g_autoptr(GPtrArray) editions = NULL;

  g_return_val_if_fail (HELDER_IS_PLAN_SERVICE (self), NULL);

  editions = helder_plan_works_load_all (self, HELDER_TYPE_OMGEVINGSBEELD);
  g_ptr_array_sort (editions, newest_first);
  for (guint i = 0; i < editions->len; i++)
    if (!sent_only || g_strcmp0 (helder_record_get_text (editions->pdata[i], "status"), "sent") == 0)
      return g_object_ref (editions->pdata[i]);
  return NULL;
}

/* The newest edition of @editions, sent or not, and the newest sent. */
static void
find_last (GPtrArray     *editions,
           HelderRecord **last,
           HelderRecord **last_sent)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_sized_new (editions->len);

  *last = *last_sent = NULL;
  g_ptr_array_extend (sorted, editions, NULL, NULL);
  g_ptr_array_sort (sorted, newest_first);
  for (guint i = 0; i < sorted->len; i++)
    {
      if (*last == NULL)
        *last = g_object_ref (sorted->pdata[i]);
      if (*last_sent == NULL && g_strcmp0 (helder_record_get_text (sorted->pdata[i], "status"), "sent") == 0)
        *last_sent = g_object_ref (sorted->pdata[i]);
    }
}

static char *
shift_day (const char *iso,
           int         days)
{
  GDate date;
  int y, m, d;

  if (iso == NULL || sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return NULL;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  if (days >= 0)
    g_date_add_days (&date, days);
  else
    g_date_subtract_days (&date, -days);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

static GPtrArray *
or_empty (GPtrArray *records)
{
  return records ? records : g_ptr_array_new_with_free_func (g_object_unref);
}

/* From the store, only the records the pre-fill can use, in the order
 * of the views' lists: the signals since @since (a week before @date
 * without one), what the coming days of the calendar hold, and the
 * messages waiting for approval.  Reading all 5,000 messages into
 * records was most of a new edition's time. */
static void
read_sources (HelderPlanService *self,
              const char        *date,
              const char        *since,
              GPtrArray        **signals,
              GPtrArray        **messages,
              GPtrArray        **works,
              GPtrArray        **meetings)
{
  HelderStore *store = helder_service_get_store (HELDER_SERVICE (self));
  g_autofree char *until = shift_day (date, HELDER_EDITIONS_HORIZON_DAYS);
  g_autofree char *week_before = shift_day (date, -7);
  g_autoptr(GPtrArray) coming = NULL, waiting = NULL;

  if (*signals == NULL)
    *signals = or_empty (helder_store_list_span (store, HELDER_TYPE_SIGNAL, "date", NULL,
                                                 since ? since : week_before, date, NULL));
  if (*works == NULL)
    *works = or_empty (helder_store_list_span (store, HELDER_TYPE_WORKS, "start_date", "end_date",
                                               date, until, NULL));
  if (*meetings == NULL)
    *meetings = or_empty (helder_store_list_span (store, HELDER_TYPE_COUNCIL_MEETING, "starts_at", NULL,
                                                  date, until, NULL));
  if (*messages != NULL)
    return;
  /* The coming days, and what waits for approval wherever it is
   * planned.  The calendar's part skips what waits and the approvals
   * take only that: each part sees its messages in the views' order,
   * as from every message. */
  coming = or_empty (helder_store_list_span (store, HELDER_TYPE_MESSAGE, "window_start", "window_end",
                                             date, until, NULL));
  waiting = or_empty (helder_store_list_equal (store, HELDER_TYPE_MESSAGE, "status", "review", NULL));
  *messages = g_ptr_array_new_full (coming->len + waiting->len, g_object_unref);
  for (guint i = 0; i < coming->len; i++)
    if (g_strcmp0 (helder_record_get_text (coming->pdata[i], "status"), "review") != 0)
      g_ptr_array_add (*messages, g_object_ref (coming->pdata[i]));
  for (guint i = 0; i < waiting->len; i++)
    g_ptr_array_add (*messages, g_object_ref (waiting->pdata[i]));
}

/**
 * helder_plan_service_edition_new:
 * @today: YYYY-MM-DD
 *
 * Makes the next edition: on the next edition day after the last one,
 * numbered on, to the last one's readers, pre-filled with what changed
 * since the last sent edition (helder_editions_prefill()).
 *
 * Returns: (transfer full): the saved draft, or %NULL with @error set
 */
HelderRecord *
helder_plan_service_edition_new (HelderPlanService  *self,
                                 const char         *today,
                                 GError            **error)
{
  return helder_plan_service_edition_new_from (self, today, NULL, error);
}

/**
 * helder_plan_service_edition_new_from:
 * @lists: (nullable): the records to pre-fill from, as live lists
 *
 * As helder_plan_service_edition_new(), from lists a view holds.
 */
HelderRecord *
helder_plan_service_edition_new_from (HelderPlanService        *self,
                                      const char               *today,
                                      const HelderEditionLists *lists,
                                      GError                  **error)
{
  static const HelderEditionLists none = { 0 };
  HelderService *service = HELDER_SERVICE (self);
  g_autoptr(HelderRecord) edition = helder_record_new (HELDER_TYPE_OMGEVINGSBEELD);
  g_autoptr(HelderRecord) last = NULL, last_sent = NULL;
  g_autoptr(GPtrArray) editions = NULL, topics = NULL, signals = NULL, messages = NULL, works = NULL,
                       meetings = NULL;
  g_autoptr(HelderEditionContent) content = helder_edition_content_new ();
  g_autoptr(HelderEditionContent) sent_content = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *date = NULL, *json = NULL;
  HelderEditionSources sources = { 0 };
  gboolean days[8];

  g_return_val_if_fail (HELDER_IS_PLAN_SERVICE (self), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  helder_plan_service_editions_days (self, days);
  editions = helder_plan_works_load_all (self, HELDER_TYPE_OMGEVINGSBEELD);
  find_last (editions, &last, &last_sent);
  date = helder_editions_next_date (days, today, last ? helder_record_get_text (last, "date") : NULL);

  if (lists == NULL)
    lists = &none;
  topics = helder_plan_works_records (self, lists->topics, HELDER_TYPE_TOPIC);
  if (lists->signals != NULL)
    signals = helder_plan_works_records (self, lists->signals, HELDER_TYPE_SIGNAL);
  if (lists->messages != NULL)
    messages = helder_plan_works_records (self, lists->messages, HELDER_TYPE_MESSAGE);
  if (lists->works != NULL)
    works = helder_plan_works_records (self, lists->works, HELDER_TYPE_WORKS);
  if (lists->meetings != NULL)
    meetings = helder_plan_works_records (self, lists->meetings, HELDER_TYPE_COUNCIL_MEETING);
  read_sources (self, date, last_sent ? helder_record_get_text (last_sent, "date") : NULL,
                &signals, &messages, &works, &meetings);
  if (last_sent != NULL)
    sent_content = helder_edition_content_from_record (last_sent);

  sources.date = date;
  sources.since = last_sent ? helder_record_get_text (last_sent, "date") : NULL;
  sources.last_state = sent_content ? sent_content->state : NULL;
  sources.topics = topics;
  sources.signals = signals;
  sources.messages = messages;
  sources.works = works;
  sources.meetings = meetings;
  items = helder_editions_prefill (&sources);
  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (content->items, g_steal_pointer (&items->pdata[i]));
  json = helder_edition_content_to_json (content);

  if (HELDER_SERVICE_GET_CLASS (service)->prepare_new != NULL)
    HELDER_SERVICE_GET_CLASS (service)->prepare_new (service, edition);
  g_object_set (edition,
                "date", date,
                "number", helder_editions_next_number (editions),
                "status", "draft",
                "items", json,
                "sent-to", last ? helder_record_get_list (last, "sent_to") : NULL,
                NULL);
  if (!helder_service_save (service, edition, error))
    return NULL;
  return g_steal_pointer (&edition);
}

/**
 * helder_plan_service_edition_content:
 *
 * The edition's items, with the titles that the first editions did not
 * store taken from the records they name.
 *
 * Returns: (transfer full): the content
 */
HelderEditionContent *
helder_plan_service_edition_content (HelderPlanService *self,
                                     HelderRecord      *edition)
{
  HelderEditionContent *content;

  g_return_val_if_fail (HELDER_IS_PLAN_SERVICE (self), NULL);
  g_return_val_if_fail (HELDER_IS_OMGEVINGSBEELD (edition), NULL);

  content = helder_edition_content_from_record (edition);
  for (guint i = 0; i < content->items->len; i++)
    {
      HelderEditionItem *item = content->items->pdata[i];
      GType type = G_TYPE_INVALID;
      g_autoptr(HelderRecord) record = NULL;

      if (item->title != NULL || item->ref == NULL)
        continue;
      switch (item->kind)
        {
        case HELDER_EDITION_ITEM_TOPIC: type = HELDER_TYPE_TOPIC; break;
        case HELDER_EDITION_ITEM_SIGNAL: type = HELDER_TYPE_SIGNAL; break;
        case HELDER_EDITION_ITEM_MESSAGE:
        case HELDER_EDITION_ITEM_APPROVAL: type = HELDER_TYPE_MESSAGE; break;
        case HELDER_EDITION_ITEM_WORKS: type = HELDER_TYPE_WORKS; break;
        case HELDER_EDITION_ITEM_MEETING: type = HELDER_TYPE_COUNCIL_MEETING; break;
        case HELDER_EDITION_ITEM_NOTE:
        case HELDER_EDITION_N_KINDS:
        default:
          break;
        }
      if (type != G_TYPE_INVALID)
        record = helder_service_load (HELDER_SERVICE (self), type, item->ref);
      if (record != NULL && helder_record_get_title (record) != NULL)
        item->title = g_strdup (helder_record_get_title (record));
    }
  return content;
}

/**
 * helder_plan_service_edition_set_content:
 *
 * Saves @content (items, order, duiding, dropped) into @edition.
 */
gboolean
helder_plan_service_edition_set_content (HelderPlanService     *self,
                                         HelderRecord          *edition,
                                         HelderEditionContent  *content,
                                         GError               **error)
{
  g_autofree char *json = NULL;

  g_return_val_if_fail (HELDER_IS_PLAN_SERVICE (self), FALSE);
  g_return_val_if_fail (HELDER_IS_OMGEVINGSBEELD (edition), FALSE);
  g_return_val_if_fail (content != NULL, FALSE);

  json = helder_edition_content_to_json (content);
  if (g_strcmp0 (json, helder_record_get_text (edition, "items")) == 0)
    return TRUE;
  g_object_set (edition, "items", json, NULL);
  return helder_service_save (HELDER_SERVICE (self), edition, error);
}

/**
 * helder_plan_service_edition_mark_sent:
 * @now: when it went out
 *
 * Marks @edition sent, by the session's user at @now, and keeps the
 * topics' scores and trends with it for the next edition.  An edition
 * goes out once.
 */
gboolean
helder_plan_service_edition_mark_sent (HelderPlanService  *self,
                                       HelderRecord       *edition,
                                       GDateTime          *now,
                                       GError            **error)
{
  HelderSession *session;
  g_autoptr(HelderEditionContent) content = NULL;
  g_autoptr(GPtrArray) topics = NULL;
  g_autofree char *json = NULL, *at = NULL;

  g_return_val_if_fail (HELDER_IS_PLAN_SERVICE (self), FALSE);
  g_return_val_if_fail (HELDER_IS_OMGEVINGSBEELD (edition), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  if (g_strcmp0 (helder_record_get_text (edition, "status"), "sent") == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS, _("This edition was sent already."));
      return FALSE;
    }

  session = helder_service_get_session (HELDER_SERVICE (self));
  content = helder_edition_content_from_record (edition);
  topics = helder_plan_works_load_all (self, HELDER_TYPE_TOPIC);
  g_clear_pointer (&content->state, json_object_unref);
  content->state = helder_editions_topic_state (topics);
  json = helder_edition_content_to_json (content);
  at = g_date_time_format_iso8601 (now);
  g_object_set (edition,
                "status", "sent",
                "sent-at", at,
                "sent-by", session ? helder_session_get_login (session) : NULL,
                "items", json,
                NULL);
  return helder_service_save (HELDER_SERVICE (self), edition, error);
}

static gboolean
archive_filter (HelderRecord *edition,
                gpointer      data)
{
  return g_strcmp0 (helder_record_get_text (edition, "status"), "sent") == 0 &&
         helder_edition_matches (edition, data);
}

/**
 * helder_plan_service_editions_archive:
 *
 * Returns: (transfer full): a live list of the sent editions, newest
 *   first; helder_editions_archive_set_query() searches it
 */
HelderRecordList *
helder_plan_service_editions_archive (HelderPlanService *self)
{
  HelderRecordList *list;

  g_return_val_if_fail (HELDER_IS_PLAN_SERVICE (self), NULL);

  list = helder_service_list (HELDER_SERVICE (self), HELDER_TYPE_OMGEVINGSBEELD);
  helder_record_list_set_sort_keys (list, "-date, -number");
  helder_editions_archive_set_query (list, NULL);
  return list;
}

/* Only the sent editions whose text holds every word of @query. */
void
helder_editions_archive_set_query (HelderRecordList *archive,
                                   const char       *query)
{
  g_return_if_fail (HELDER_IS_RECORD_LIST (archive));

  helder_record_list_set_filter_func (archive, archive_filter, g_strdup (query ? query : ""), g_free);
}
