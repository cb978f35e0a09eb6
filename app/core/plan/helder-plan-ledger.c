/* helder-plan-ledger.c: the priority ledger: rank order, editing rules, what hangs from a priority
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-plan-ledger"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "helder-plan-ledger.h"

/* The ledger holds the priorities from the coalition agreement (C1) in
 * the order the college wants to be visible on them.  Order is the rank
 * (1 first); finished priorities follow the others, so finishing one or
 * bringing it back never renumbers anything.  A move renumbers the whole
 * ledger 1..n in one transaction, saving only the priorities whose rank
 * changed, so two advisors moving different priorities merge cleanly.
 *
 * The rules that need no store are pure functions (tested without one);
 * the actions load fresh copies from the store, so a failed write leaves
 * the records a page shows untouched. */

G_DEFINE_QUARK (helder-ledger-error-quark, helder_ledger_error)

static gboolean
is_done (HelderRecord *priority)
{
  return g_strcmp0 (helder_record_get_text (priority, "status"), "done") == 0;
}

/**
 * helder_ledger_compare:
 *
 * The ledger's order: finished priorities last; then by rank (an unranked
 * one, rank 0, after the ranked ones); then by title.
 */
int
helder_ledger_compare (gconstpointer a,
                       gconstpointer b,
                       gpointer      user_data)
{
  HelderRecord *x = (HelderRecord *) a, *y = (HelderRecord *) b;
  int rx = helder_record_get_int (x, "rank"), ry = helder_record_get_int (y, "rank");
  const char *tx, *ty;

  if (is_done (x) != is_done (y))
    return is_done (x) ? 1 : -1;
  if ((rx == 0) != (ry == 0))
    return rx == 0 ? 1 : -1;
  if (rx != ry)
    return rx < ry ? -1 : 1;
  tx = helder_record_get_title (x);
  ty = helder_record_get_title (y);
  return g_utf8_collate (tx ? tx : "", ty ? ty : "");
}

static int
compare_pointers (gconstpointer a,
                  gconstpointer b)
{
  return helder_ledger_compare (*(HelderRecord **) a, *(HelderRecord **) b, NULL);
}

/**
 * helder_ledger_sorted:
 * @priorities: (element-type HelderRecord): priorities in any order
 *
 * Returns: (transfer full) (element-type HelderRecord): the ones not
 *   deleted, in the ledger's order
 */
GPtrArray *
helder_ledger_sorted (GListModel *priorities)
{
  GPtrArray *sorted = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (priorities), sorted);

  n = g_list_model_get_n_items (priorities);
  for (guint i = 0; i < n; i++)
    {
      HelderRecord *record = g_list_model_get_item (priorities, i);

      if (helder_record_get_deleted (record))
        g_object_unref (record);
      else
        g_ptr_array_add (sorted, record);
    }
  g_ptr_array_sort (sorted, compare_pointers);
  return sorted;
}

/**
 * helder_ledger_renumber:
 * @ordered: (element-type HelderRecord): priorities in their new order
 * @changed: (element-type HelderRecord) (nullable): gets the ones whose
 *   rank changed (not referenced)
 *
 * Gives @ordered the ranks 1..n.
 *
 * Returns: whether any rank changed
 */
gboolean
helder_ledger_renumber (GPtrArray *ordered,
                        GPtrArray *changed)
{
  gboolean any = FALSE;

  g_return_val_if_fail (ordered != NULL, FALSE);

  for (guint i = 0; i < ordered->len; i++)
    {
      HelderRecord *record = ordered->pdata[i];

      if (helder_record_get_int (record, "rank") == (int) i + 1)
        continue;
      g_object_set (record, "rank", (int) i + 1, NULL);
      if (changed != NULL)
        g_ptr_array_add (changed, record);
      any = TRUE;
    }
  return any;
}

gboolean
helder_ledger_quarter_valid (const char *quarter)
{
  if (quarter == NULL || strlen (quarter) != 7)
    return FALSE;
  for (guint i = 0; i < 4; i++)
    if (!g_ascii_isdigit (quarter[i]))
      return FALSE;
  return quarter[0] == '2' && quarter[1] == '0' && quarter[4] == '-' && quarter[5] == 'Q' &&
         quarter[6] >= '1' && quarter[6] <= '4';
}

/* "2027-Q1", "2027Q1", "2027 Q1", "Q1 2027", "Q1-2027", "K1 2027" (Dutch:
 * kwartaal), any case: "2027-Q1", or NULL. */
static char *
normalise_quarter (const char *token)
{
  g_autofree char *compact = g_ascii_strup (token, -1);
  const char *year = NULL;
  char digit = 0;
  char *out = compact;

  /* Without spaces and dashes: "2027Q1" or "Q12027" */
  for (const char *p = compact; *p != '\0'; p++)
    if (*p != ' ' && *p != '-' && *p != '\t')
      *out++ = *p;
  *out = '\0';

  if (strlen (compact) != 6)
    return NULL;
  if ((compact[4] == 'Q' || compact[4] == 'K') && g_ascii_isdigit (compact[5]))
    {
      year = compact;
      digit = compact[5];
    }
  else if ((compact[0] == 'Q' || compact[0] == 'K') && g_ascii_isdigit (compact[1]))
    {
      year = compact + 2;
      digit = compact[1];
    }
  else
    return NULL;

  {
    g_autofree char *quarter = g_strdup_printf ("%.4s-Q%c", year, digit);

    return helder_ledger_quarter_valid (quarter) ? g_steal_pointer (&quarter) : NULL;
  }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/**
 * helder_ledger_parse_quarters:
 * @text: quarters separated by commas or semicolons ("2026-Q4, Q1 2027")
 *
 * Returns: (transfer full): the quarters as "YYYY-Qn", sorted, each once
 *   (an empty text: none), or %NULL with a %HELDER_LEDGER_ERROR_QUARTERS
 *   error naming the part that is not a quarter
 */
char **
helder_ledger_parse_quarters (const char  *text,
                              GError     **error)
{
  g_auto(GStrv) tokens = NULL;
  g_autoptr(GPtrArray) quarters = g_ptr_array_new_with_free_func (g_free);

  tokens = g_regex_split_simple ("[,;/]|\\s+(en|and)\\s+", text ? text : "", 0, 0);
  for (guint i = 0; tokens[i] != NULL; i++)
    {
      g_autofree char *token = g_strstrip (g_strdup (tokens[i]));
      g_autofree char *quarter = NULL;
      gboolean known = FALSE;

      /* the "en"/"and" the split captured */
      if (*token == '\0' || g_ascii_strcasecmp (token, "en") == 0 || g_ascii_strcasecmp (token, "and") == 0)
        continue;
      quarter = normalise_quarter (token);
      if (quarter == NULL)
        {
          g_set_error (error, HELDER_LEDGER_ERROR, HELDER_LEDGER_ERROR_QUARTERS,
                       _("“%s” is not a quarter: write quarters as 2027-Q1, separated by commas."), token);
          return NULL;
        }
      for (guint j = 0; j < quarters->len && !known; j++)
        known = g_str_equal (quarters->pdata[j], quarter);
      if (!known)
        g_ptr_array_add (quarters, g_steal_pointer (&quarter));
    }
  g_ptr_array_sort (quarters, compare_strings);
  g_ptr_array_add (quarters, NULL);
  return (char **) g_ptr_array_steal (quarters, NULL);
}

/**
 * helder_ledger_format_quarters:
 *
 * Returns: (transfer full): "2026-Q4, 2027-Q1", as a form shows them
 */
char *
helder_ledger_format_quarters (const char * const *quarters)
{
  return g_strjoinv (", ", (char **) (quarters ? quarters : (const char * const[]) { NULL }));
}

static gboolean
check_length (const char  *value,
              guint        max,
              int          code,
              const char  *label,
              GError     **error)
{
  glong n = g_utf8_strlen (value, -1);

  if (n <= (glong) max)
    return TRUE;
  /* TRANSLATORS: the first %s is a field, such as "The rationale" */
  g_set_error (error, HELDER_LEDGER_ERROR, code,
               ngettext ("%s may have at most %u character; this one has %ld.",
                         "%s may have at most %u characters; this one has %ld.", max),
               label, max, n);
  return FALSE;
}

/**
 * helder_ledger_check_field:
 * @field: a priority's field: title, rationale, source_clause, theme,
 *   owner or quarters
 * @value: (nullable): the value as typed (quarters as text)
 *
 * What may be typed into a field, without looking at the store.
 *
 * Returns: %TRUE, or %FALSE with a %HELDER_LEDGER_ERROR whose code names
 *   the field and whose message says what to do
 */
gboolean
helder_ledger_check_field (const char  *field,
                           const char  *value,
                           GError     **error)
{
  g_autofree char *text = g_strstrip (g_strdup (value ? value : ""));

  g_return_val_if_fail (field != NULL, FALSE);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, HELDER_LEDGER_ERROR, HELDER_LEDGER_ERROR_UNKNOWN_FIELD,
                           _("The text is not valid UTF-8."));
      return FALSE;
    }
  if (g_str_equal (field, "title"))
    {
      if (*text == '\0')
        {
          g_set_error_literal (error, HELDER_LEDGER_ERROR, HELDER_LEDGER_ERROR_TITLE,
                               _("A priority needs a title."));
          return FALSE;
        }
      return check_length (text, HELDER_LEDGER_TITLE_MAX, HELDER_LEDGER_ERROR_TITLE, _("The title"), error);
    }
  if (g_str_equal (field, "rationale"))
    return check_length (text, HELDER_LEDGER_RATIONALE_MAX, HELDER_LEDGER_ERROR_RATIONALE,
                         _("The rationale"), error);
  if (g_str_equal (field, "source_clause"))
    return check_length (text, HELDER_LEDGER_SHORT_MAX, HELDER_LEDGER_ERROR_SOURCE_CLAUSE,
                         _("The clause"), error);
  if (g_str_equal (field, "theme"))
    return check_length (text, HELDER_LEDGER_TITLE_MAX, HELDER_LEDGER_ERROR_THEME, _("The theme"), error);
  if (g_str_equal (field, "owner"))
    return check_length (text, HELDER_LEDGER_TITLE_MAX, HELDER_LEDGER_ERROR_OWNER, _("The owner"), error);
  if (g_str_equal (field, "quarters"))
    {
      g_auto(GStrv) quarters = helder_ledger_parse_quarters (text, error);

      return quarters != NULL;
    }

  g_set_error (error, HELDER_LEDGER_ERROR, HELDER_LEDGER_ERROR_UNKNOWN_FIELD,
               "%s: not a field a priority's form edits", field);
  return FALSE;
}

/**
 * helder_ledger_may_transition:
 * @status: (nullable): the priority's status (%NULL: active)
 *
 * Pause: an active priority.  Finish: an active or paused one.
 * Reactivate: a paused or finished one.
 */
gboolean
helder_ledger_may_transition (const char              *status,
                              HelderLedgerTransition   transition,
                              GError                 **error)
{
  const char *now = status != NULL && *status != '\0' ? status : "active";

  switch (transition)
    {
    case HELDER_LEDGER_PAUSE:
      if (g_str_equal (now, "active"))
        return TRUE;
      g_set_error_literal (error, HELDER_LEDGER_ERROR, HELDER_LEDGER_ERROR_STATUS,
                           g_str_equal (now, "paused") ? _("This priority is paused already.")
                                                       : _("Only an active priority can be paused."));
      return FALSE;
    case HELDER_LEDGER_FINISH:
      if (!g_str_equal (now, "done"))
        return TRUE;
      g_set_error_literal (error, HELDER_LEDGER_ERROR, HELDER_LEDGER_ERROR_STATUS,
                           _("This priority is finished already."));
      return FALSE;
    case HELDER_LEDGER_REACTIVATE:
      if (!g_str_equal (now, "active"))
        return TRUE;
      g_set_error_literal (error, HELDER_LEDGER_ERROR, HELDER_LEDGER_ERROR_STATUS,
                           _("This priority is active already."));
      return FALSE;
    default:
      g_return_val_if_reached (FALSE);
    }
}

/**
 * helder_ledger_status_label:
 *
 * Returns: the status as the ledger shows it (translated)
 */
const char *
helder_ledger_status_label (const char *status)
{
  if (g_strcmp0 (status, "paused") == 0)
    return _("Paused");
  if (g_strcmp0 (status, "done") == 0)
    return _("Finished");
  return _("Active");
}

/* What hangs from a priority */

static gboolean
list_has (const char * const *list,
          const char         *id)
{
  return list != NULL && id != NULL && g_strv_contains (list, id);
}

/**
 * helder_ledger_hangers_collect:
 * @topics: (nullable): the planner's topics (a live list)
 * @messages: (nullable): its messages
 * @works: (nullable): its works
 *
 * Fills @hangers (cleared first) with what hangs from the priority: the
 * topics that name it, the messages of the priority or of one of those
 * topics, and the works those messages are about.  Each in the order of
 * its list.
 */
void
helder_ledger_hangers_collect (HelderLedgerHangers *hangers,
                               const char          *priority_id,
                               GListModel          *topics,
                               GListModel          *messages,
                               GListModel          *works)
{
  g_autoptr(GHashTable) topic_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) works_ids = g_hash_table_new (g_str_hash, g_str_equal);
  guint n;

  g_return_if_fail (hangers != NULL);

  helder_ledger_hangers_clear (hangers);
  hangers->topics = g_ptr_array_new_with_free_func (g_object_unref);
  hangers->messages = g_ptr_array_new_with_free_func (g_object_unref);
  hangers->works = g_ptr_array_new_with_free_func (g_object_unref);
  if (priority_id == NULL)
    return;

  n = topics ? g_list_model_get_n_items (topics) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HelderRecord) topic = g_list_model_get_item (topics, i);

      if (!helder_record_get_deleted (topic) && list_has (helder_record_get_list (topic, "priorities"), priority_id))
        {
          g_hash_table_add (topic_ids, (gpointer) helder_record_get_id (topic));
          g_ptr_array_add (hangers->topics, g_object_ref (topic));
        }
    }

  n = messages ? g_list_model_get_n_items (messages) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HelderRecord) message = g_list_model_get_item (messages, i);
      const char *topic = helder_record_get_text (message, "topic");
      const char * const *about;

      if (helder_record_get_deleted (message) ||
          (g_strcmp0 (helder_record_get_text (message, "priority"), priority_id) != 0 &&
           (topic == NULL || !g_hash_table_contains (topic_ids, topic))))
        continue;
      g_ptr_array_add (hangers->messages, g_object_ref (message));
      about = helder_record_get_list (message, "works");
      for (guint j = 0; about != NULL && about[j] != NULL; j++)
        g_hash_table_add (works_ids, (gpointer) about[j]);
    }

  n = works ? g_list_model_get_n_items (works) : 0;
  for (guint i = 0; i < n && g_hash_table_size (works_ids) > 0; i++)
    {
      g_autoptr(HelderRecord) item = g_list_model_get_item (works, i);

      if (!helder_record_get_deleted (item) && g_hash_table_contains (works_ids, helder_record_get_id (item)))
        g_ptr_array_add (hangers->works, g_object_ref (item));
    }
}

void
helder_ledger_hangers_clear (HelderLedgerHangers *hangers)
{
  g_clear_pointer (&hangers->topics, g_ptr_array_unref);
  g_clear_pointer (&hangers->messages, g_ptr_array_unref);
  g_clear_pointer (&hangers->works, g_ptr_array_unref);
}

/* The actions */

/* The stored priorities in the ledger's order: fresh copies. */
static GPtrArray *
load_ledger (HelderPlanService  *self,
             GError            **error)
{
  g_autoptr(GListModel) all = helder_store_list (helder_service_get_store (HELDER_SERVICE (self)),
                                                 HELDER_TYPE_PRIORITY, error);

  if (all == NULL)
    return NULL;
  return helder_ledger_sorted (all);
}

static int
find_position (GPtrArray  *ledger,
               const char *id)
{
  for (guint i = 0; i < ledger->len; i++)
    if (g_strcmp0 (helder_record_get_id (ledger->pdata[i]), id) == 0)
      return i;
  return -1;
}

static gboolean
not_found (GError **error)
{
  g_set_error_literal (error, HELDER_LEDGER_ERROR, HELDER_LEDGER_ERROR_POSITION,
                       _("This priority is no longer in the ledger; a colleague may have removed it."));
  return FALSE;
}

/**
 * helder_plan_ledger_next_rank:
 *
 * The rank a new priority gets: after every other one.
 */
guint
helder_plan_ledger_next_rank (HelderPlanService *self)
{
  g_autoptr(GListModel) all = NULL;
  int max = 0;
  guint n;

  g_return_val_if_fail (HELDER_IS_PLAN_SERVICE (self), 1);

  all = helder_store_list (helder_service_get_store (HELDER_SERVICE (self)), HELDER_TYPE_PRIORITY, NULL);
  n = all ? g_list_model_get_n_items (all) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HelderRecord) record = g_list_model_get_item (all, i);

      max = MAX (max, helder_record_get_int (record, "rank"));
    }
  return MIN (max + 1, 1000);
}

/* The positions a priority may take: finished ones stay among the
 * finished, the others before them. */
static void
group_bounds (GPtrArray    *ledger,
              HelderRecord *priority,
              guint        *first,
              guint        *last)
{
  guint n_open = 0;

  for (guint i = 0; i < ledger->len; i++)
    if (!is_done (ledger->pdata[i]))
      n_open++;
  if (is_done (priority))
    {
      *first = n_open;
      *last = ledger->len - 1;
    }
  else
    {
      *first = 0;
      *last = n_open - 1;
    }
}

/**
 * helder_plan_ledger_move:
 * @priority_id: the priority to move
 * @position: its new place in the ledger's order, 0 first (a finished
 *   priority stays among the finished ones: the place is kept within)
 * @old_position: (out) (optional): its place before, for an undo
 *
 * Moves the priority and renumbers the ledger 1..n; every rank that
 * changed is saved in one transaction.
 *
 * Returns: %TRUE, or %FALSE with @error set and nothing saved
 */
gboolean
helder_plan_ledger_move (HelderPlanService  *self,
                         const char         *priority_id,
                         guint               position,
                         guint              *old_position,
                         GError            **error)
{
  g_autoptr(GPtrArray) ledger = NULL;
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();
  HelderRecord *priority;
  guint first, last;
  int from;

  g_return_val_if_fail (HELDER_IS_PLAN_SERVICE (self), FALSE);
  g_return_val_if_fail (priority_id != NULL, FALSE);

  if ((ledger = load_ledger (self, error)) == NULL)
    return FALSE;
  if ((from = find_position (ledger, priority_id)) < 0)
    return not_found (error);
  if (old_position != NULL)
    *old_position = from;

  priority = g_object_ref (ledger->pdata[from]);
  group_bounds (ledger, priority, &first, &last);
  position = CLAMP (position, first, last);
  g_ptr_array_remove_index (ledger, from);
  g_ptr_array_insert (ledger, position, priority);

  if (!helder_ledger_renumber (ledger, changed))
    return TRUE;
  return helder_service_write (HELDER_SERVICE (self), changed, NULL, error);
}

/**
 * helder_plan_ledger_move_by:
 * @delta: -1 one up, 1 one down
 *
 * As helder_plan_ledger_move(), from where the priority is.
 *
 * Returns: %TRUE, or %FALSE with %HELDER_LEDGER_ERROR_POSITION when it
 *   is at the top or bottom of its part of the ledger already
 */
gboolean
helder_plan_ledger_move_by (HelderPlanService  *self,
                            const char         *priority_id,
                            int                 delta,
                            guint              *old_position,
                            GError            **error)
{
  g_autoptr(GPtrArray) ledger = NULL;
  guint first, last;
  int from, to;

  g_return_val_if_fail (HELDER_IS_PLAN_SERVICE (self), FALSE);
  g_return_val_if_fail (priority_id != NULL, FALSE);

  if ((ledger = load_ledger (self, error)) == NULL)
    return FALSE;
  if ((from = find_position (ledger, priority_id)) < 0)
    return not_found (error);
  group_bounds (ledger, ledger->pdata[from], &first, &last);
  to = from + delta;
  if (to < (int) first || to > (int) last)
    {
      g_set_error_literal (error, HELDER_LEDGER_ERROR, HELDER_LEDGER_ERROR_POSITION,
                           delta < 0 ? _("This priority is at the top already.")
                                     : _("This priority is at the bottom already."));
      return FALSE;
    }
  return helder_plan_ledger_move (self, priority_id, to, old_position, error);
}

static gboolean
title_taken (GPtrArray    *ledger,
             const char   *title,
             const char   *except_id,
             GError      **error)
{
  g_autofree char *folded = g_utf8_casefold (title, -1);

  for (guint i = 0; i < ledger->len; i++)
    {
      HelderRecord *other = ledger->pdata[i];
      g_autofree char *other_folded = NULL;

      if (g_strcmp0 (helder_record_get_id (other), except_id) == 0)
        continue;
      other_folded = g_utf8_casefold (helder_record_get_title (other) ? helder_record_get_title (other) : "", -1);
      if (g_str_equal (folded, other_folded))
        {
          g_set_error_literal (error, HELDER_LEDGER_ERROR, HELDER_LEDGER_ERROR_TITLE,
                               _("Another priority has this title already; give this one a title of its own."));
          return TRUE;
        }
    }
  return FALSE;
}

/* An owner, when the organisation has users, is one of them. */
static gboolean
owner_known (HelderPlanService  *self,
             const char         *owner,
             GError            **error)
{
  g_autoptr(GListModel) users = NULL;
  guint n;

  if (*owner == '\0')
    return TRUE;
  users = helder_store_list (helder_service_get_store (HELDER_SERVICE (self)), HELDER_TYPE_USER, NULL);
  n = users ? g_list_model_get_n_items (users) : 0;
  if (n == 0)
    return TRUE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HelderRecord) user = g_list_model_get_item (users, i);

      if (g_strcmp0 (helder_record_get_text (user, "name"), owner) == 0 ||
          g_strcmp0 (helder_record_get_text (user, "login"), owner) == 0)
        return TRUE;
    }
  g_set_error (error, HELDER_LEDGER_ERROR, HELDER_LEDGER_ERROR_OWNER,
               _("“%s” is not one of the organisation’s users; choose the owner from the list."), owner);
  return FALSE;
}

/**
 * helder_plan_ledger_set_field:
 * @field: title, rationale, source_clause, theme, owner or quarters
 * @value: (nullable): as typed; quarters as "2026-Q4, 2027-Q1"
 *
 * Checks and saves one field of a priority (one transaction).  A title
 * is unique in the ledger; an owner is one of the organisation's users.
 *
 * Returns: %TRUE (also when nothing changed), or %FALSE with a
 *   %HELDER_LEDGER_ERROR naming the field, or the service's error
 */
gboolean
helder_plan_ledger_set_field (HelderPlanService  *self,
                              const char         *priority_id,
                              const char         *field,
                              const char         *value,
                              GError            **error)
{
  g_autoptr(GPtrArray) ledger = NULL;
  g_autofree char *text = g_strstrip (g_strdup (value ? value : ""));
  g_autofree char *property = NULL;
  HelderRecord *priority;
  int at;

  g_return_val_if_fail (HELDER_IS_PLAN_SERVICE (self), FALSE);
  g_return_val_if_fail (priority_id != NULL && field != NULL, FALSE);

  if (!helder_ledger_check_field (field, text, error))
    return FALSE;
  if ((ledger = load_ledger (self, error)) == NULL)
    return FALSE;
  if ((at = find_position (ledger, priority_id)) < 0)
    return not_found (error);
  priority = ledger->pdata[at];

  if (g_str_equal (field, "title") && title_taken (ledger, text, priority_id, error))
    return FALSE;
  if (g_str_equal (field, "owner") && !owner_known (self, text, error))
    return FALSE;

  property = g_strdelimit (g_strdup (field), "_", '-');
  if (g_str_equal (field, "quarters"))
    {
      g_auto(GStrv) quarters = helder_ledger_parse_quarters (text, NULL);
      const char * const *had = helder_record_get_list (priority, "quarters");

      if (had != NULL && g_strv_equal ((const char * const *) quarters, had))
        return TRUE;
      if (had == NULL && quarters[0] == NULL)
        return TRUE;
      g_object_set (priority, "quarters", quarters, NULL);
    }
  else
    {
      if (g_strcmp0 (helder_record_get_text (priority, field) ? helder_record_get_text (priority, field) : "",
                     text) == 0)
        return TRUE;
      g_object_set (priority, property, *text != '\0' ? text : NULL, NULL);
    }
  return helder_service_save (HELDER_SERVICE (self), priority, error);
}

/**
 * helder_plan_ledger_create:
 *
 * A new active priority, last in the ledger before the finished ones.
 *
 * Returns: (transfer full): the saved priority, or %NULL with @error set
 */
HelderRecord *
helder_plan_ledger_create (HelderPlanService  *self,
                           const char         *title,
                           GError            **error)
{
  g_autoptr(GPtrArray) ledger = NULL;
  g_autofree char *text = g_strstrip (g_strdup (title ? title : ""));

  g_return_val_if_fail (HELDER_IS_PLAN_SERVICE (self), NULL);

  if (!helder_ledger_check_field ("title", text, error))
    return NULL;
  if ((ledger = load_ledger (self, error)) == NULL || title_taken (ledger, text, NULL, error))
    return NULL;
  /* The rank and status come from the service's prepare_new */
  return helder_service_create (HELDER_SERVICE (self), HELDER_TYPE_PRIORITY, text, error);
}

/**
 * helder_plan_ledger_transition:
 *
 * Pauses, finishes or reactivates a priority.  A finished priority moves
 * after the others; one brought back joins the end of the open ones.  One
 * transaction.
 */
gboolean
helder_plan_ledger_transition (HelderPlanService       *self,
                               const char              *priority_id,
                               HelderLedgerTransition   transition,
                               GError                 **error)
{
  static const char *to[] = { "paused", "done", "active" };
  g_autoptr(GPtrArray) ledger = NULL;
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();
  HelderRecord *priority;
  int at;

  g_return_val_if_fail (HELDER_IS_PLAN_SERVICE (self), FALSE);
  g_return_val_if_fail (priority_id != NULL, FALSE);
  g_return_val_if_fail (transition <= HELDER_LEDGER_REACTIVATE, FALSE);

  if ((ledger = load_ledger (self, error)) == NULL)
    return FALSE;
  if ((at = find_position (ledger, priority_id)) < 0)
    return not_found (error);
  priority = ledger->pdata[at];
  if (!helder_ledger_may_transition (helder_record_get_text (priority, "status"), transition, error))
    return FALSE;

  g_object_set (priority, "status", to[transition], NULL);
  g_ptr_array_add (changed, priority);
  /* Its new place, with its new status: a finished one first of the
   * finished, one brought back last of the open ones (both: right after
   * the other open ones); a paused one stays. */
  if (transition != HELDER_LEDGER_PAUSE)
    {
      guint n_open = 0;

      g_ptr_array_steal_index (ledger, at);
      for (guint i = 0; i < ledger->len; i++)
        if (!is_done (ledger->pdata[i]))
          n_open++;
      g_ptr_array_insert (ledger, n_open, priority);
    }
  for (guint i = 0; i < ledger->len; i++)
    if (helder_record_get_int (ledger->pdata[i], "rank") != (int) i + 1)
      {
        g_object_set (ledger->pdata[i], "rank", (int) i + 1, NULL);
        if (ledger->pdata[i] != priority)
          g_ptr_array_add (changed, ledger->pdata[i]);
      }
  return helder_service_write (HELDER_SERVICE (self), changed, NULL, error);
}
