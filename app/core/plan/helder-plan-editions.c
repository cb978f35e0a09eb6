/* helder-plan-editions.c: the omgevingsbeeld: schedule, pre-fill, items, sending, archive (E1)
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
#include "helder-plan-works.h"
#include "model/helder-record-format.h"

/* E1: twice a week the newsroom sends the boards an omgevingsbeeld, what
 * goes on outside with its interpretation (duiding).  A new edition
 * starts from what changed since the last one; the advisor writes the
 * duiding, orders and drops items, and marks it sent.  The edition's
 * "items" field holds the items in order and, once sent, the topics'
 * scores so the next edition can tell what changed. */

static gboolean
parse_day (const char *iso,
           GDate      *date)
{
  int y, m, d;

  g_date_clear (date, 1);
  if (iso == NULL || sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

static char *
format_iso (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static char *
add_days (const char *iso,
          int         days)
{
  GDate date;

  if (!parse_day (iso, &date))
    return NULL;
  if (days >= 0)
    g_date_add_days (&date, days);
  else
    g_date_subtract_days (&date, -days);
  return format_iso (&date);
}

/* Items */

static const struct
{
  const char *name;
  const char *label;
} kinds[HELDER_EDITION_N_KINDS] = {
  [HELDER_EDITION_ITEM_TOPIC] = { "topic", N_("Topic") },
  [HELDER_EDITION_ITEM_SIGNAL] = { "signal", N_("Signal") },
  [HELDER_EDITION_ITEM_MESSAGE] = { "message", N_("Communication") },
  [HELDER_EDITION_ITEM_WORKS] = { "works", N_("Works") },
  [HELDER_EDITION_ITEM_MEETING] = { "council_meeting", N_("Council") },
  [HELDER_EDITION_ITEM_APPROVAL] = { "approval", N_("Waiting for approval") },
  [HELDER_EDITION_ITEM_NOTE] = { "note", N_("Note") },
};

const char *
helder_edition_item_kind_to_string (HelderEditionItemKind kind)
{
  g_return_val_if_fail (kind < HELDER_EDITION_N_KINDS, "note");

  return kinds[kind].name;
}

HelderEditionItemKind
helder_edition_item_kind_from_string (const char *kind)
{
  for (guint i = 0; kind != NULL && i < HELDER_EDITION_N_KINDS; i++)
    if (g_str_equal (kinds[i].name, kind))
      return i;
  return HELDER_EDITION_ITEM_NOTE;
}

/* What a reader of the edition sees above the item. */
const char *
helder_edition_item_kind_label (HelderEditionItemKind kind)
{
  g_return_val_if_fail (kind < HELDER_EDITION_N_KINDS, NULL);

  return _(kinds[kind].label);
}

HelderEditionItem *
helder_edition_item_new (HelderEditionItemKind  kind,
                         const char            *ref,
                         const char            *title,
                         const char            *change)
{
  HelderEditionItem *item = g_new0 (HelderEditionItem, 1);

  item->kind = kind;
  item->ref = g_strdup (ref);
  item->title = g_strdup (title);
  item->change = g_strdup (change);
  return item;
}

HelderEditionItem *
helder_edition_item_copy (const HelderEditionItem *item)
{
  HelderEditionItem *copy = helder_edition_item_new (item->kind, item->ref, item->title, item->change);

  copy->duiding = g_strdup (item->duiding);
  copy->date = g_strdup (item->date);
  copy->dropped = item->dropped;
  return copy;
}

void
helder_edition_item_free (HelderEditionItem *item)
{
  if (item == NULL)
    return;
  g_free (item->ref);
  g_free (item->title);
  g_free (item->change);
  g_free (item->duiding);
  g_free (item->date);
  g_free (item);
}

HelderEditionContent *
helder_edition_content_new (void)
{
  HelderEditionContent *content = g_new0 (HelderEditionContent, 1);

  content->items = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_edition_item_free);
  return content;
}

void
helder_edition_content_free (HelderEditionContent *content)
{
  if (content == NULL)
    return;
  g_ptr_array_unref (content->items);
  g_clear_pointer (&content->state, json_object_unref);
  g_free (content);
}

static char *
member_text (JsonObject *object,
             const char *name)
{
  const char *text = json_object_get_string_member_with_default (object, name, NULL);

  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

typedef struct
{
  HelderEditionItem *item;
  gint64             order;
  guint              position;
} Ordered;

static int
by_order (gconstpointer a,
          gconstpointer b)
{
  const Ordered *x = a, *y = b;

  if (x->order != y->order)
    return x->order < y->order ? -1 : 1;
  return (int) x->position - (int) y->position;
}

/**
 * helder_edition_content_parse:
 * @json: (nullable): an edition's items field
 *
 * Reads the items in their order, and the topics' state.  Items of the
 * first editions ({topic, change, interpretation}) read as topic items.
 *
 * Returns: (transfer full): the content; empty for no or broken JSON
 */
HelderEditionContent *
helder_edition_content_parse (const char *json)
{
  HelderEditionContent *content = helder_edition_content_new ();
  g_autoptr(JsonNode) node = json ? json_from_string (json, NULL) : NULL;
  g_autoptr(GArray) ordered = g_array_new (FALSE, FALSE, sizeof (Ordered));
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return content;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *object;
      const char *kind;
      Ordered entry;
      HelderEditionItem *item;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      object = json_node_get_object (element);
      kind = json_object_get_string_member_with_default (object, "kind", NULL);
      if (g_strcmp0 (kind, "state") == 0)
        {
          JsonNode *topics = json_object_get_member (object, "topics");

          if (topics != NULL && JSON_NODE_HOLDS_OBJECT (topics) && content->state == NULL)
            content->state = json_object_ref (json_node_get_object (topics));
          continue;
        }

      item = g_new0 (HelderEditionItem, 1);
      if (kind == NULL && json_object_has_member (object, "topic"))
        {
          item->kind = HELDER_EDITION_ITEM_TOPIC;
          item->ref = member_text (object, "topic");
        }
      else
        {
          item->kind = helder_edition_item_kind_from_string (kind);
          item->ref = member_text (object, "ref");
        }
      item->title = member_text (object, "title");
      item->change = member_text (object, "change");
      item->duiding = member_text (object, "duiding");
      if (item->duiding == NULL)
        item->duiding = member_text (object, "interpretation");
      item->date = member_text (object, "date");
      item->dropped = json_object_get_boolean_member_with_default (object, "dropped", FALSE);
      entry.item = item;
      entry.order = json_object_get_int_member_with_default (object, "order", i);
      entry.position = i;
      g_array_append_val (ordered, entry);
    }

  g_array_sort (ordered, by_order);
  for (guint i = 0; i < ordered->len; i++)
    g_ptr_array_add (content->items, g_array_index (ordered, Ordered, i).item);
  return content;
}

static void
set_text (JsonBuilder *builder,
          const char  *name,
          const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

/**
 * helder_edition_content_to_json:
 *
 * Returns: (transfer full): the items field: the items with their
 *   order, then the state (when there is one)
 */
char *
helder_edition_content_to_json (HelderEditionContent *content)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (content != NULL, NULL);

  json_builder_begin_array (builder);
  for (guint i = 0; i < content->items->len; i++)
    {
      HelderEditionItem *item = content->items->pdata[i];

      json_builder_begin_object (builder);
      set_text (builder, "kind", helder_edition_item_kind_to_string (item->kind));
      set_text (builder, "ref", item->ref);
      set_text (builder, "title", item->title);
      set_text (builder, "change", item->change);
      set_text (builder, "duiding", item->duiding);
      set_text (builder, "date", item->date);
      json_builder_set_member_name (builder, "order");
      json_builder_add_int_value (builder, i);
      json_builder_set_member_name (builder, "dropped");
      json_builder_add_boolean_value (builder, item->dropped);
      json_builder_end_object (builder);
    }
  if (content->state != NULL)
    {
      JsonNode *topics = json_node_new (JSON_NODE_OBJECT);

      json_node_set_object (topics, content->state);
      json_builder_begin_object (builder);
      set_text (builder, "kind", "state");
      json_builder_set_member_name (builder, "topics");
      json_builder_add_value (builder, topics);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

HelderEditionContent *
helder_edition_content_from_record (HelderRecord *edition)
{
  g_return_val_if_fail (HELDER_IS_OMGEVINGSBEELD (edition), NULL);

  return helder_edition_content_parse (helder_record_get_text (edition, "items"));
}

/**
 * helder_edition_items_move:
 *
 * Moves the item at @from to @to (both positions in @items).
 *
 * Returns: whether anything moved
 */
gboolean
helder_edition_items_move (GPtrArray *items,
                           guint      from,
                           guint      to)
{
  gpointer item;

  g_return_val_if_fail (items != NULL, FALSE);

  if (from >= items->len || to >= items->len || from == to)
    return FALSE;
  item = g_ptr_array_steal_index (items, from);
  g_ptr_array_insert (items, to, item);
  return TRUE;
}

guint
helder_edition_items_n_kept (GPtrArray *items)
{
  guint n = 0;

  for (guint i = 0; items != NULL && i < items->len; i++)
    if (!((HelderEditionItem *) items->pdata[i])->dropped)
      n++;
  return n;
}

/* The schedule */

/**
 * helder_editions_parse_days:
 * @json: (nullable): the setting's value, {"days": [2, 5]}
 * @days: (out): per ISO weekday (1 Monday … 7 Sunday), whether an
 *   edition comes out
 *
 * Returns: how many days a week; without a valid setting Tuesday and
 *   Friday (2)
 */
guint
helder_editions_parse_days (const char *json,
                            gboolean    days[8])
{
  g_autoptr(JsonNode) node = json ? json_from_string (json, NULL) : NULL;
  JsonNode *list = NULL;
  guint n = 0;

  memset (days, 0, 8 * sizeof (gboolean));
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    list = json_object_get_member (json_node_get_object (node), "days");
  else if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    list = node;
  if (list != NULL && JSON_NODE_HOLDS_ARRAY (list))
    {
      JsonArray *array = json_node_get_array (list);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *e = json_array_get_element (array, i);
          gint64 day = JSON_NODE_HOLDS_VALUE (e) && json_node_get_value_type (e) == G_TYPE_INT64
                       ? json_node_get_int (e) : 0;

          if (day >= 1 && day <= 7 && !days[day])
            {
              days[day] = TRUE;
              n++;
            }
        }
    }
  if (n > 0)
    return n;
  days[G_DATE_TUESDAY] = days[G_DATE_FRIDAY] = TRUE;
  return 2;
}

gboolean
helder_editions_is_edition_day (const gboolean  days[8],
                                const char     *date)
{
  GDate day;

  return parse_day (date, &day) && days[g_date_get_weekday (&day)];
}

/**
 * helder_editions_next_date:
 * @today: YYYY-MM-DD
 * @last_date: (nullable): the last edition's day
 *
 * Returns: (transfer full): the first edition day on or after @today
 *   and after @last_date
 */
char *
helder_editions_next_date (const gboolean  days[8],
                           const char     *today,
                           const char     *last_date)
{
  GDate day, last;
  gboolean any = FALSE;

  g_return_val_if_fail (today != NULL, NULL);

  for (guint i = 1; i <= 7; i++)
    any |= days[i];
  if (!parse_day (today, &day))
    return NULL;
  if (parse_day (last_date, &last) && g_date_compare (&last, &day) >= 0)
    {
      day = last;
      g_date_add_days (&day, 1);
    }
  for (guint i = 0; any && i < 7 && !days[g_date_get_weekday (&day)]; i++)
    g_date_add_days (&day, 1);
  return format_iso (&day);
}

/**
 * helder_editions_next_number:
 * @editions: (element-type HelderRecord): the editions so far
 *
 * Returns: one more than the highest number, or than the number of
 *   editions when older ones have none
 */
int
helder_editions_next_number (GPtrArray *editions)
{
  int highest = 0;

  for (guint i = 0; editions != NULL && i < editions->len; i++)
    highest = MAX (highest, helder_record_get_int (editions->pdata[i], "number"));
  return MAX (highest, editions ? (int) editions->len : 0) + 1;
}

/* The pre-fill */

/**
 * helder_editions_topic_state:
 * @topics: (element-type HelderRecord): the topics
 *
 * Returns: (transfer full): what a sent edition keeps of each active
 *   topic: its scores and trend
 */
JsonObject *
helder_editions_topic_state (GPtrArray *topics)
{
  JsonObject *state = json_object_new ();

  for (guint i = 0; topics != NULL && i < topics->len; i++)
    {
      HelderRecord *topic = topics->pdata[i];
      JsonObject *entry;

      if (g_strcmp0 (helder_record_get_text (topic, "status"), "dropped") == 0)
        continue;
      entry = json_object_new ();
      json_object_set_int_member (entry, "admin_impact", helder_record_get_int (topic, "admin_impact"));
      json_object_set_int_member (entry, "societal_impact", helder_record_get_int (topic, "societal_impact"));
      if (helder_record_get_text (topic, "trend") != NULL)
        json_object_set_string_member (entry, "trend", helder_record_get_text (topic, "trend"));
      json_object_set_object_member (state, helder_record_get_id (topic), entry);
    }
  return state;
}

static gboolean
updated_since (HelderRecord *record,
               const char   *since)
{
  GDateTime *at = helder_record_get_updated_at (record);
  g_autofree char *day = at ? g_date_time_format (at, "%Y-%m-%d") : NULL;

  return day != NULL && since != NULL && strcmp (day, since) > 0;
}

/* What changed in @topic since @state; NULL when nothing did. */
static char *
topic_change (HelderRecord *topic,
              JsonObject   *state,
              const char   *since)
{
  int admin = helder_record_get_int (topic, "admin_impact");
  int societal = helder_record_get_int (topic, "societal_impact");
  const char *trend = helder_record_get_text (topic, "trend");
  gboolean dropped = g_strcmp0 (helder_record_get_text (topic, "status"), "dropped") == 0;
  JsonObject *was = state && json_object_has_member (state, helder_record_get_id (topic))
                    ? json_object_get_object_member (state, helder_record_get_id (topic)) : NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (state == NULL)
    {
      /* No earlier state: the record's own time says whether it moved. */
      if (dropped || !updated_since (topic, since))
        return NULL;
      return g_strdup_printf (_("Changed since the last edition: impact %d × %d, trend %s."),
                              admin, societal, trend ? helder_format_choice (trend) : "–");
    }
  if (was == NULL)
    return dropped ? NULL : g_strdup_printf (_("New topic: impact %d × %d, trend %s."),
                                             admin, societal, trend ? helder_format_choice (trend) : "–");
  if (dropped)
    return g_strdup (_("No longer monitored."));
  {
    int was_admin = json_object_get_int_member_with_default (was, "admin_impact", 0);
    int was_societal = json_object_get_int_member_with_default (was, "societal_impact", 0);
    const char *was_trend = json_object_get_string_member_with_default (was, "trend", NULL);

    if (was_admin != admin || was_societal != societal)
      g_ptr_array_add (parts, g_strdup_printf (_("impact from %d × %d to %d × %d"),
                                               was_admin, was_societal, admin, societal));
    if (g_strcmp0 (was_trend, trend) != 0 && trend != NULL)
      g_ptr_array_add (parts, was_trend
                              ? g_strdup_printf (_("trend %s (was %s)"), helder_format_choice (trend),
                                                 helder_format_choice (was_trend))
                              : g_strdup_printf (_("trend %s"), helder_format_choice (trend)));
  }
  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  {
    g_autofree char *joined = g_strjoinv ("; ", (char **) parts->pdata);

    /* Translators: what changed in a topic, "impact from 2 × 3 to 4 × 3; trend rising (was stable)" */
    return g_strdup_printf (_("Changed: %s."), joined);
  }
}

static HelderRecord *
find (GPtrArray  *records,
      const char *id)
{
  for (guint i = 0; id != NULL && records != NULL && i < records->len; i++)
    if (records->pdata[i] != NULL && g_strcmp0 (helder_record_get_id (records->pdata[i]), id) == 0)
      return records->pdata[i];
  return NULL;
}

static char *
format_window (const char *start,
               const char *end)
{
  g_autofree char *a = helder_works_format_day (start);
  g_autofree char *b = helder_works_format_day (end);

  if (a != NULL && b != NULL && strncmp (start, end, 10) != 0)
    return g_strdup_printf (_("%s – %s"), a, b);
  return g_strdup (a ? a : b);
}

static void
add_topics (GPtrArray                  *items,
            const HelderEditionSources *sources,
            const char                 *since)
{
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();

  for (guint i = 0; sources->topics != NULL && i < sources->topics->len; i++)
    if (sources->topics->pdata[i] != NULL)
      g_ptr_array_add (changed, sources->topics->pdata[i]);
  /* Highest impact first */
  for (guint i = 1; i < changed->len; i++)
    for (guint j = i; j > 0 && helder_topic_score (changed->pdata[j]) > helder_topic_score (changed->pdata[j - 1]); j--)
      {
        gpointer t = changed->pdata[j];

        changed->pdata[j] = changed->pdata[j - 1];
        changed->pdata[j - 1] = t;
      }
  for (guint i = 0; i < changed->len; i++)
    {
      HelderRecord *topic = changed->pdata[i];
      g_autofree char *change = topic_change (topic, sources->last_state, since);

      if (change != NULL)
        g_ptr_array_add (items, helder_edition_item_new (HELDER_EDITION_ITEM_TOPIC, helder_record_get_id (topic),
                                                         helder_record_get_title (topic), change));
    }
}

static void
add_signals (GPtrArray                  *items,
             const HelderEditionSources *sources,
             const char                 *since)
{
  for (guint i = 0; sources->signals != NULL && i < sources->signals->len; i++)
    {
      HelderRecord *signal = sources->signals->pdata[i];
      const char *date = signal ? helder_record_get_text (signal, "date") : NULL;
      HelderRecord *topic;
      const char *channel;
      g_autofree char *title = NULL;
      HelderEditionItem *item;

      if (date == NULL || strncmp (date, since, 10) <= 0 || strncmp (date, sources->date, 10) > 0)
        continue;
      topic = find (sources->topics, helder_record_get_text (signal, "topic"));
      channel = helder_record_get_text (signal, "channel");
      if (topic != NULL && channel != NULL)
        title = g_strdup_printf ("%s · %s", helder_record_get_title (topic), channel);
      else
        title = g_strdup (topic ? helder_record_get_title (topic) : channel ? channel : _("Signal"));
      item = helder_edition_item_new (HELDER_EDITION_ITEM_SIGNAL, helder_record_get_id (signal), title,
                                      helder_record_get_text (signal, "text"));
      item->date = g_strndup (date, 10);
      g_ptr_array_add (items, item);
    }
}

static int
by_date (gconstpointer a,
         gconstpointer b)
{
  const HelderEditionItem *x = *(HelderEditionItem **) a, *y = *(HelderEditionItem **) b;

  return g_strcmp0 (x->date, y->date);
}

static void
add_calendar (GPtrArray                  *items,
              const HelderEditionSources *sources)
{
  g_autofree char *until = add_days (sources->date, HELDER_EDITIONS_HORIZON_DAYS);
  g_autoptr(GPtrArray) coming = g_ptr_array_new ();

  for (guint i = 0; sources->messages != NULL && i < sources->messages->len; i++)
    {
      HelderRecord *message = sources->messages->pdata[i];
      const char *status = message ? helder_record_get_text (message, "status") : NULL;
      const char *start;
      g_autofree char *window = NULL, *change = NULL;
      HelderEditionItem *item;

      /* Ideas are not planned yet; what waits for approval has its own part */
      if (message == NULL || status == NULL || g_str_equal (status, "idea") || g_str_equal (status, "review") ||
          !helder_message_in_window (message, sources->date, until))
        continue;
      window = format_window (helder_record_get_text (message, "window_start"),
                              helder_record_get_text (message, "window_end"));
      change = g_strdup_printf ("%s · %s", window, helder_format_choice (status));
      item = helder_edition_item_new (HELDER_EDITION_ITEM_MESSAGE, helder_record_get_id (message),
                                      helder_record_get_title (message), change);
      /* under way already: it sorts as today's */
      start = helder_record_get_text (message, "window_start");
      item->date = g_strndup (start && strncmp (start, sources->date, 10) > 0 ? start : sources->date, 10);
      g_ptr_array_add (coming, item);
    }

  for (guint i = 0; sources->works != NULL && i < sources->works->len; i++)
    {
      HelderRecord *works = sources->works->pdata[i];
      const char *start = works ? helder_record_get_text (works, "start_date") : NULL;
      const char *end = works ? helder_record_get_text (works, "end_date") : NULL;
      gboolean starts = start && strncmp (start, sources->date, 10) >= 0 && strncmp (start, until, 10) <= 0;
      gboolean ends = end && strncmp (end, sources->date, 10) >= 0 && strncmp (end, until, 10) <= 0;
      g_autofree char *day = NULL, *change = NULL;
      HelderEditionItem *item;

      if (!starts && !ends)
        continue;
      day = helder_works_format_day (starts ? start : end);
      change = starts ? g_strdup_printf (_("Starts %s"), day) : g_strdup_printf (_("Ends %s"), day);
      if (helder_record_get_text (works, "wijk") != NULL)
        {
          char *with = g_strdup_printf ("%s · %s", change, helder_record_get_text (works, "wijk"));

          g_free (change);
          change = with;
        }
      item = helder_edition_item_new (HELDER_EDITION_ITEM_WORKS, helder_record_get_id (works),
                                      helder_record_get_title (works), change);
      item->date = g_strndup (starts ? start : end, 10);
      g_ptr_array_add (coming, item);
    }

  for (guint i = 0; sources->meetings != NULL && i < sources->meetings->len; i++)
    {
      HelderRecord *meeting = sources->meetings->pdata[i];
      const char *starts = meeting ? helder_record_get_text (meeting, "starts_at") : NULL;
      g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(JsonNode) agenda = NULL;
      HelderEditionItem *item;

      if (starts == NULL || strncmp (starts, sources->date, 10) < 0 || strncmp (starts, until, 10) > 0)
        continue;
      g_ptr_array_add (parts, helder_works_format_day (starts));
      if (helder_record_get_text (meeting, "gremium") != NULL)
        g_ptr_array_add (parts, g_strdup (helder_record_get_text (meeting, "gremium")));
      agenda = helder_record_get_text (meeting, "agenda") ? json_from_string (helder_record_get_text (meeting, "agenda"), NULL) : NULL;
      if (agenda != NULL && JSON_NODE_HOLDS_ARRAY (agenda))
        {
          JsonArray *points = json_node_get_array (agenda);
          g_autoptr(GPtrArray) titles = g_ptr_array_new ();

          for (guint k = 0; k < json_array_get_length (points); k++)
            {
              JsonNode *p = json_array_get_element (points, k);

              if (JSON_NODE_HOLDS_OBJECT (p) &&
                  json_object_get_string_member_with_default (json_node_get_object (p), "title", NULL))
                g_ptr_array_add (titles, (gpointer) json_object_get_string_member (json_node_get_object (p), "title"));
            }
          if (titles->len > 0)
            {
              g_ptr_array_add (titles, NULL);
              g_ptr_array_add (parts, g_strjoinv ("; ", (char **) titles->pdata));
            }
        }
      g_ptr_array_add (parts, NULL);
      {
        g_autofree char *change = g_strjoinv (" · ", (char **) parts->pdata);

        item = helder_edition_item_new (HELDER_EDITION_ITEM_MEETING, helder_record_get_id (meeting),
                                        helder_record_get_title (meeting), change);
      }
      item->date = g_strndup (starts, 10);
      g_ptr_array_add (coming, item);
    }

  g_ptr_array_sort (coming, by_date);
  for (guint i = 0; i < coming->len; i++)
    g_ptr_array_add (items, coming->pdata[i]);
}

static void
add_approvals (GPtrArray                  *items,
               const HelderEditionSources *sources)
{
  for (guint i = 0; sources->messages != NULL && i < sources->messages->len; i++)
    {
      HelderRecord *message = sources->messages->pdata[i];
      const char *approver = message ? helder_record_get_text (message, "approver") : NULL;
      g_autofree char *window = NULL, *change = NULL;
      HelderEditionItem *item;

      const char *end;

      if (message == NULL || g_strcmp0 (helder_record_get_text (message, "status"), "review") != 0)
        continue;
      /* one whose window is over waits for nothing any more */
      end = helder_record_get_text (message, "window_end");
      if (end == NULL || *end == '\0')
        end = helder_record_get_text (message, "window_start");
      if (end != NULL && *end != '\0' && strncmp (end, sources->date, 10) < 0)
        continue;
      window = format_window (helder_record_get_text (message, "window_start"),
                              helder_record_get_text (message, "window_end"));
      if (approver != NULL && *approver != '\0')
        change = g_strdup_printf (_("Waiting for approval by %s · planned %s"), approver, window ? window : "–");
      else
        change = g_strdup_printf (_("Waiting for approval · planned %s"), window ? window : "–");
      item = helder_edition_item_new (HELDER_EDITION_ITEM_APPROVAL, helder_record_get_id (message),
                                      helder_record_get_title (message), change);
      if (helder_record_get_text (message, "window_start") != NULL)
        item->date = g_strndup (helder_record_get_text (message, "window_start"), 10);
      g_ptr_array_add (items, item);
    }
}

/**
 * helder_editions_prefill:
 *
 * What a new edition starts with, in this order: the topics whose
 * scores or trend changed since the last edition (highest impact
 * first), the signals that came in since, the coming 14 days of the
 * calendar (messages beyond the idea stage, works that start or end,
 * council meetings) by date, and the messages waiting for approval
 * (those whose window is not over).
 *
 * Returns: (transfer full) (element-type HelderEditionItem): the items
 */
GPtrArray *
helder_editions_prefill (const HelderEditionSources *sources)
{
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_edition_item_free);
  g_autofree char *week_before = NULL;
  const char *since;

  g_return_val_if_fail (sources != NULL && sources->date != NULL, items);

  week_before = add_days (sources->date, -7);
  since = sources->since != NULL ? sources->since : week_before;
  add_topics (items, sources, since);
  add_signals (items, sources, since);
  add_calendar (items, sources);
  add_approvals (items, sources);
  return items;
}

/* The archive */

static void
append_folded (GString    *haystack,
               const char *text)
{
  g_autofree char *folded = NULL, *decomposed = NULL;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return;
  folded = g_utf8_casefold (text, -1);
  decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFKD);
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_ismark (c))
        g_string_append_unichar (haystack, c);
    }
  g_string_append_c (haystack, '\n');
}

/**
 * helder_edition_matches:
 * @query: (nullable): words
 *
 * Whether every word of @query occurs in the edition's title, date,
 * introduction or items (titles, changes, duiding), case and accents
 * aside.  An empty query matches every edition.
 */
gboolean
helder_edition_matches (HelderRecord *edition,
                        const char   *query)
{
  g_autoptr(GString) haystack = g_string_new (NULL);
  g_autoptr(GString) needle = g_string_new (NULL);
  g_autoptr(HelderEditionContent) content = NULL;
  g_autofree char *title = NULL;
  g_auto(GStrv) words = NULL;

  g_return_val_if_fail (HELDER_IS_OMGEVINGSBEELD (edition), FALSE);

  append_folded (needle, query);
  words = g_strsplit_set (needle->str, " \t\n", -1);
  if (words[0] == NULL || (words[1] == NULL && *words[0] == '\0') ||
      g_strv_length (words) == 0)
    return TRUE;

  title = helder_edition_format_title (edition);
  append_folded (haystack, title);
  append_folded (haystack, helder_record_get_text (edition, "intro"));
  content = helder_edition_content_from_record (edition);
  for (guint i = 0; i < content->items->len; i++)
    {
      HelderEditionItem *item = content->items->pdata[i];

      append_folded (haystack, item->title);
      append_folded (haystack, item->change);
      append_folded (haystack, item->duiding);
    }
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0' && strstr (haystack->str, words[i]) == NULL)
      return FALSE;
  return TRUE;
}

/**
 * helder_editions_format_day:
 * @iso_date: (nullable): YYYY-MM-DD
 *
 * Returns: (transfer full) (nullable): "Tuesday 1 December 2026"
 */
char *
helder_editions_format_day (const char *iso_date)
{
  static const char *weekdays[] = {
    NC_("weekday", "Monday"), NC_("weekday", "Tuesday"), NC_("weekday", "Wednesday"),
    NC_("weekday", "Thursday"), NC_("weekday", "Friday"), NC_("weekday", "Saturday"),
    NC_("weekday", "Sunday"),
  };
  g_autofree char *day = helder_works_format_day (iso_date);
  GDate d;

  if (day == NULL || !parse_day (iso_date, &d))
    return NULL;
  /* Translators: "Tuesday 1 December 2026" */
  return g_strdup_printf (_("%s %s"), g_dpgettext2 (GETTEXT_PACKAGE, "weekday",
                                                    weekdays[g_date_get_weekday (&d) - 1]), day);
}

/**
 * helder_edition_format_title:
 *
 * Returns: (transfer full): "Omgevingsbeeld 104 · dinsdag 1 december 2026"
 */
char *
helder_edition_format_title (HelderRecord *edition)
{
  g_autofree char *when = NULL;
  int number;

  g_return_val_if_fail (HELDER_IS_OMGEVINGSBEELD (edition), NULL);

  number = helder_record_get_int (edition, "number");
  when = helder_editions_format_day (helder_record_get_text (edition, "date"));
  if (number > 0 && when != NULL)
    /* Translators: an edition's title: its number and day */
    return g_strdup_printf (_("Omgevingsbeeld %d · %s"), number, when);
  if (when != NULL)
    return g_strdup_printf (_("Omgevingsbeeld · %s"), when);
  if (number > 0)
    return g_strdup_printf (_("Omgevingsbeeld %d"), number);
  return g_strdup (_("Omgevingsbeeld"));
}
