/* helder-plan-works.c: works in the street: lead time, the residents' letter, overlaps (C3)
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-plan-works"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "helder-plan-works.h"
#include "helder-plan-works-private.h"
#include "model/helder-record-format.h"

/* C3: people nearby hear of municipal works in their street in advance.
 * A works is told in time when an approved or published message to its
 * residents, linked to it, goes out at least its lead time before the
 * start; two works in one street in the same weeks should be planned
 * together.  The rules take values and return values, so the tests need
 * no store; the service functions at the end read the store for them. */

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

/**
 * helder_works_format_day:
 * @iso_date: (nullable): YYYY-MM-DD
 *
 * Returns: (transfer full) (nullable): the day as a Dutch reader writes
 *   it, "14 januari 2027", whatever the C library's locale
 */
char *
helder_works_format_day (const char *iso_date)
{
  static const char *months[] = {
    NC_("month", "January"), NC_("month", "February"), NC_("month", "March"),
    NC_("month", "April"), NC_("month", "May"), NC_("month", "June"),
    NC_("month", "July"), NC_("month", "August"), NC_("month", "September"),
    NC_("month", "October"), NC_("month", "November"), NC_("month", "December"),
  };
  GDate date;

  if (!parse_day (iso_date, &date))
    return NULL;
  /* Translators: a day, "14 January 2027": day, month name, year */
  return g_strdup_printf (_("%d %s %d"), g_date_get_day (&date),
                          g_dpgettext2 (GETTEXT_PACKAGE, "month", months[g_date_get_month (&date) - 1]),
                          g_date_get_year (&date));
}

/* The ISO 8601 week number of @iso_date, or 0. */
int
helder_works_iso_week (const char *iso_date)
{
  GDate date;

  return parse_day (iso_date, &date) ? (int) g_date_get_iso8601_week_of_year (&date) : 0;
}

/**
 * helder_works_lead_time:
 * @org_lead_time: the organisation's lead time, or a negative number
 *   for the default
 *
 * Returns: the days before its start by which residents must know of
 *   @works: its own lead time when it has one, else the organisation's
 */
int
helder_works_lead_time (HelderRecord *works,
                        int           org_lead_time)
{
  int own;

  g_return_val_if_fail (HELDER_IS_WORKS (works), HELDER_WORKS_LEAD_TIME_DEFAULT);

  own = helder_record_get_int (works, "lead_time_days");
  if (own > 0)
    return own;
  return org_lead_time >= 0 ? org_lead_time : HELDER_WORKS_LEAD_TIME_DEFAULT;
}

/**
 * helder_works_letter_deadline:
 *
 * The last day residents may be told: the start minus the lead time,
 * moved back to the Friday before when it falls in a weekend (no post
 * goes out then, and nobody reads the letter before Monday anyway).
 *
 * Returns: (transfer full) (nullable): YYYY-MM-DD, or %NULL without a
 *   start date
 */
char *
helder_works_letter_deadline (HelderRecord *works,
                              int           org_lead_time)
{
  GDate date;
  GDateWeekday weekday;

  g_return_val_if_fail (HELDER_IS_WORKS (works), NULL);

  if (!parse_day (helder_record_get_text (works, "start_date"), &date))
    return NULL;
  g_date_subtract_days (&date, helder_works_lead_time (works, org_lead_time));
  weekday = g_date_get_weekday (&date);
  if (weekday == G_DATE_SATURDAY)
    g_date_subtract_days (&date, 1);
  else if (weekday == G_DATE_SUNDAY)
    g_date_subtract_days (&date, 2);
  return format_iso (&date);
}

static gboolean
strv_contains_any (const char * const *a,
                   const char * const *b)
{
  for (guint i = 0; a != NULL && a[i] != NULL; i++)
    if (b != NULL && g_strv_contains (b, a[i]))
      return TRUE;
  return FALSE;
}

/**
 * helder_works_is_residents_message:
 * @residents: (nullable) (array zero-terminated=1): the audiences that
 *   are residents; %NULL or empty: the works' own affected audiences
 *
 * Whether @message is linked to @works (its "works" field) and speaks
 * to its residents.
 */
gboolean
helder_works_is_residents_message (HelderRecord       *message,
                                   HelderRecord       *works,
                                   const char * const *residents)
{
  const char * const *audiences, *const *affected;

  g_return_val_if_fail (HELDER_IS_MESSAGE (message), FALSE);
  g_return_val_if_fail (HELDER_IS_WORKS (works), FALSE);

  if (helder_record_get_list (message, "works") == NULL ||
      !g_strv_contains (helder_record_get_list (message, "works"), helder_record_get_id (works)))
    return FALSE;
  audiences = helder_record_get_list (message, "audiences");
  if (residents != NULL && residents[0] != NULL)
    return strv_contains_any (audiences, residents);
  affected = helder_record_get_list (works, "audiences");
  if (affected == NULL || affected[0] == NULL)
    return TRUE;
  return strv_contains_any (audiences, affected);
}

/* The first day a message goes out, or NULL when it has no date. */
static const char *
message_first_day (HelderRecord *message)
{
  const char *start = helder_record_get_text (message, "window_start");

  if (start == NULL || *start == '\0')
    start = helder_record_get_text (message, "window_end");
  return start != NULL && *start != '\0' ? start : NULL;
}

static gboolean
is_approved (HelderRecord *message)
{
  const char *status = helder_record_get_text (message, "status");

  return g_strcmp0 (status, "approved") == 0 || g_strcmp0 (status, "published") == 0;
}

void
helder_works_letter_free (HelderWorksLetter *letter)
{
  if (letter == NULL)
    return;
  g_free (letter->deadline);
  g_clear_object (&letter->message);
  g_free (letter);
}

/**
 * helder_works_check_letter:
 * @messages: (element-type HelderRecord): messages; those not linked to
 *   @works are passed over
 * @today: YYYY-MM-DD
 *
 * Whether the residents of @works are told in time.  A message counts
 * when it is approved or published and goes out on or before the
 * deadline; otherwise the best one there is says what is wrong (one in
 * time but not approved, then one too late).
 *
 * Returns: (transfer full): the verdict
 */
HelderWorksLetter *
helder_works_check_letter (HelderRecord       *works,
                           GPtrArray          *messages,
                           const char * const *residents,
                           int                 org_lead_time,
                           const char         *today)
{
  g_autoptr(HelderWorksLetter) letter = g_new0 (HelderWorksLetter, 1);
  HelderRecord *in_time = NULL, *unapproved = NULL, *late = NULL;
  const char *end;
  GDate now, deadline, last;

  g_return_val_if_fail (HELDER_IS_WORKS (works), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  letter->lead_time = helder_works_lead_time (works, org_lead_time);
  letter->deadline = helder_works_letter_deadline (works, org_lead_time);
  if (letter->deadline == NULL || !parse_day (today, &now))
    {
      letter->state = HELDER_WORKS_LETTER_NOT_NEEDED;
      return g_steal_pointer (&letter);
    }
  parse_day (letter->deadline, &deadline);
  letter->days_left = (int) g_date_get_julian (&deadline) - (int) g_date_get_julian (&now);

  end = helder_record_get_text (works, "end_date");
  if (end == NULL || *end == '\0')
    end = helder_record_get_text (works, "start_date");
  if (parse_day (end, &last) && g_date_compare (&last, &now) < 0)
    {
      letter->state = HELDER_WORKS_LETTER_NOT_NEEDED;
      return g_steal_pointer (&letter);
    }

  for (guint i = 0; messages != NULL && i < messages->len; i++)
    {
      HelderRecord *message = messages->pdata[i];
      const char *first;
      gboolean on_time;

      if (!helder_works_is_residents_message (message, works, residents))
        continue;
      first = message_first_day (message);
      on_time = first != NULL && strncmp (first, letter->deadline, 10) <= 0;
      if (on_time && is_approved (message))
        in_time = in_time ? in_time : message;
      else if (on_time)
        unapproved = unapproved ? unapproved : message;
      else
        late = late ? late : message;
    }

  if (in_time != NULL)
    letter->state = HELDER_WORKS_LETTER_IN_TIME;
  else if (unapproved != NULL)
    letter->state = HELDER_WORKS_LETTER_NOT_APPROVED;
  else if (late != NULL)
    letter->state = HELDER_WORKS_LETTER_TOO_LATE;
  else
    letter->state = HELDER_WORKS_LETTER_MISSING;
  if (in_time || unapproved || late)
    letter->message = g_object_ref (in_time ? in_time : unapproved ? unapproved : late);
  return g_steal_pointer (&letter);
}

/**
 * helder_works_normalize_street:
 *
 * The form two spellings of one street share: case, accents, spaces,
 * hyphens and dots do not count ("Van den  Endelaan", "van den endelaan"
 * and "Van-den-Endelaan" are one street).
 *
 * Returns: (transfer full): the key, empty for an empty name
 */
char *
helder_works_normalize_street (const char *street)
{
  g_autofree char *folded = NULL, *decomposed = NULL;
  GString *key = g_string_new (NULL);

  if (street == NULL || !g_utf8_validate (street, -1, NULL))
    return g_string_free (key, FALSE);
  folded = g_utf8_casefold (street, -1);
  decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFKD);
  for (const char *p = decomposed; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_ismark (c) || c == '-' || c == '.' || c == '\'' ||
          c == 0x2019 || c == 0x2010 || c == 0x2011)
        continue;
      g_string_append_unichar (key, c);
    }
  return g_string_free (key, FALSE);
}

/**
 * helder_works_streets:
 *
 * Returns: (transfer full) (element-type utf8): the streets @works
 *   touches, as written: its location (its main street), then its
 *   streets list; each street once
 */
GPtrArray *
helder_works_streets (HelderRecord *works)
{
  GPtrArray *streets = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char * const *list;
  const char *location;

  g_return_val_if_fail (HELDER_IS_WORKS (works), streets);

  list = helder_record_get_list (works, "streets");
  location = helder_record_get_text (works, "location");
  if (location != NULL)
    g_ptr_array_add (names, (gpointer) location);
  for (guint i = 0; list != NULL && list[i] != NULL; i++)
    g_ptr_array_add (names, (gpointer) list[i]);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *key = helder_works_normalize_street (names->pdata[i]);

      if (*key == '\0' || g_ptr_array_find_with_equal_func (keys, key, g_str_equal, NULL))
        continue;
      g_ptr_array_add (streets, g_strstrip (g_strdup (names->pdata[i])));
      g_ptr_array_add (keys, g_steal_pointer (&key));
    }
  return streets;
}

/* The Mondays of the weeks @works starts and ends in; FALSE without a
 * start.  An end before the start counts as the start. */
static gboolean
works_weeks (HelderRecord *works,
             guint32      *first,
             guint32      *last)
{
  GDate start, end;

  if (!parse_day (helder_record_get_text (works, "start_date"), &start))
    return FALSE;
  if (!parse_day (helder_record_get_text (works, "end_date"), &end) || g_date_compare (&end, &start) < 0)
    end = start;
  *first = g_date_get_julian (&start) - (g_date_get_weekday (&start) - G_DATE_MONDAY);
  *last = g_date_get_julian (&end) - (g_date_get_weekday (&end) - G_DATE_MONDAY);
  return TRUE;
}

static char *
julian_iso (guint32 julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return format_iso (&date);
}

/**
 * helder_works_weeks_overlap:
 * @first_monday: (out) (optional): the Monday of the first shared week
 * @last_monday: (out) (optional): and of the last
 *
 * Whether @a and @b are under way in at least one same calendar week
 * (Monday to Sunday): a works that ends on Monday and one that starts
 * that Friday share that week.
 */
gboolean
helder_works_weeks_overlap (HelderRecord  *a,
                            HelderRecord  *b,
                            char         **first_monday,
                            char         **last_monday)
{
  guint32 a_first, a_last, b_first, b_last;

  g_return_val_if_fail (HELDER_IS_WORKS (a) && HELDER_IS_WORKS (b), FALSE);

  if (!works_weeks (a, &a_first, &a_last) || !works_weeks (b, &b_first, &b_last) ||
      a_first > b_last || b_first > a_last)
    return FALSE;
  if (first_monday != NULL)
    *first_monday = julian_iso (MAX (a_first, b_first));
  if (last_monday != NULL)
    *last_monday = julian_iso (MIN (a_last, b_last));
  return TRUE;
}

void
helder_works_overlap_free (HelderWorksOverlap *overlap)
{
  if (overlap == NULL)
    return;
  g_free (overlap->a);
  g_free (overlap->b);
  g_free (overlap->street);
  g_free (overlap->first_monday);
  g_free (overlap->last_monday);
  g_free (overlap);
}

/**
 * helder_works_overlaps:
 * @works: (element-type HelderRecord): works
 *
 * Pairs of works that touch one street in the same weeks; each pair
 * once, named by the first street they share.
 *
 * Returns: (transfer full) (element-type HelderWorksOverlap): the pairs,
 *   in the order of @works
 */
GPtrArray *
helder_works_overlaps (GPtrArray *works)
{
  GPtrArray *overlaps = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_works_overlap_free);
  /* normalised street → indices of the works in it (in order) */
  g_autoptr(GHashTable) by_street = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           (GDestroyNotify) g_array_unref);
  g_autoptr(GHashTable) pairs = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GPtrArray) street_names = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  g_return_val_if_fail (works != NULL, overlaps);

  for (guint i = 0; i < works->len; i++)
    {
      GPtrArray *streets = helder_works_streets (works->pdata[i]);

      g_ptr_array_add (street_names, streets);
      for (guint s = 0; s < streets->len; s++)
        {
          char *key = helder_works_normalize_street (streets->pdata[s]);
          GArray *indices = g_hash_table_lookup (by_street, key);

          if (indices == NULL)
            {
              indices = g_array_new (FALSE, FALSE, sizeof (guint));
              g_hash_table_insert (by_street, key, indices);
            }
          else
            g_free (key);
          g_array_append_val (indices, i);
        }
    }

  /* Walk the works and their streets in order, so the result is stable. */
  for (guint i = 0; i < works->len; i++)
    {
      GPtrArray *streets = street_names->pdata[i];

      for (guint s = 0; s < streets->len; s++)
        {
          g_autofree char *key = helder_works_normalize_street (streets->pdata[s]);
          GArray *indices = g_hash_table_lookup (by_street, key);

          for (guint k = 0; k < indices->len; k++)
            {
              guint j = g_array_index (indices, guint, k);
              gpointer pair = GUINT_TO_POINTER (i * works->len + j + 1);
              g_autofree char *first = NULL, *last = NULL;
              HelderWorksOverlap *overlap;

              if (j <= i || g_hash_table_contains (pairs, pair) ||
                  !helder_works_weeks_overlap (works->pdata[i], works->pdata[j], &first, &last))
                continue;
              g_hash_table_add (pairs, pair);
              overlap = g_new0 (HelderWorksOverlap, 1);
              overlap->a = g_strdup (helder_record_get_id (works->pdata[i]));
              overlap->b = g_strdup (helder_record_get_id (works->pdata[j]));
              overlap->street = g_strdup (streets->pdata[s]);
              overlap->first_monday = g_steal_pointer (&first);
              overlap->last_monday = g_steal_pointer (&last);
              g_ptr_array_add (overlaps, overlap);
            }
        }
    }
  return overlaps;
}

void
helder_works_warning_free (HelderWorksWarning *warning)
{
  if (warning == NULL)
    return;
  g_free (warning->works);
  g_free (warning->title);
  g_free (warning->explanation);
  g_free (warning->message);
  g_free (warning->other);
  g_free (warning->street);
  g_free (warning);
}

static HelderWorksWarning *
letter_warning (HelderRecord      *works,
                HelderWorksLetter *letter)
{
  HelderWorksWarning *warning = g_new0 (HelderWorksWarning, 1);
  g_autofree char *deadline = helder_works_format_day (letter->deadline);
  g_autofree char *start = helder_works_format_day (helder_record_get_text (works, "start_date"));
  g_autofree char *rule = NULL, *problem = NULL, *sent = NULL;
  const char *title = letter->message ? helder_record_get_title (letter->message) : NULL;
  gboolean past = letter->days_left < 0;

  warning->kind = HELDER_WORKS_WARNING_LETTER;
  warning->works = g_strdup (helder_record_get_id (works));
  warning->letter = letter->state;
  warning->days_left = letter->days_left;
  warning->message = letter->message ? g_strdup (helder_record_get_id (letter->message)) : NULL;

  rule = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Residents must be told by %s, %d day before the start on %s.",
                                       "Residents must be told by %s, %d days before the start on %s.",
                                       letter->lead_time),
                          deadline, letter->lead_time, start);
  switch (letter->state)
    {
    case HELDER_WORKS_LETTER_MISSING:
      warning->title = g_strdup (past ? _("Residents’ letter is late") : _("No residents’ letter planned"));
      problem = g_strdup (_("No approved or published message to residents is linked to this works."));
      break;
    case HELDER_WORKS_LETTER_NOT_APPROVED:
      warning->title = g_strdup (past ? _("Residents’ letter is late: not approved")
                                      : _("Residents’ letter not approved yet"));
      problem = g_strdup_printf (_("“%s” is planned in time, but its status is still ‘%s’; only an "
                                   "approved or published message counts."),
                                 title ? title : "", helder_format_choice (helder_record_get_text (letter->message, "status")));
      break;
    case HELDER_WORKS_LETTER_TOO_LATE:
      sent = helder_works_format_day (message_first_day (letter->message));
      warning->title = g_strdup (_("Residents’ letter goes out too late"));
      if (sent != NULL)
        problem = g_strdup_printf (_("“%s” goes out on %s, after the deadline."), title ? title : "", sent);
      else
        problem = g_strdup_printf (_("“%s” has no date yet."), title ? title : "");
      break;
    case HELDER_WORKS_LETTER_NOT_NEEDED:
    case HELDER_WORKS_LETTER_IN_TIME:
    default:
      g_assert_not_reached ();
    }
  warning->explanation = g_strconcat (problem, " ", rule, NULL);
  return warning;
}

static HelderWorksWarning *
overlap_warning (HelderRecord       *works,
                 HelderRecord       *other,
                 HelderWorksOverlap *overlap)
{
  HelderWorksWarning *warning = g_new0 (HelderWorksWarning, 1);
  g_autofree char *weeks = NULL;

  warning->kind = HELDER_WORKS_WARNING_OVERLAP;
  warning->works = g_strdup (helder_record_get_id (works));
  warning->other = g_strdup (helder_record_get_id (other));
  warning->street = g_strdup (overlap->street);
  warning->first_week = helder_works_iso_week (overlap->first_monday);
  warning->last_week = helder_works_iso_week (overlap->last_monday);
  warning->title = g_strdup_printf (_("Same street as “%s”"), helder_record_get_title (other));
  if (g_strcmp0 (overlap->first_monday, overlap->last_monday) == 0)
    weeks = g_strdup_printf (_("in week %d"), warning->first_week);
  else
    weeks = g_strdup_printf (_("from week %d to week %d"), warning->first_week, warning->last_week);
  warning->explanation =
    g_strdup_printf (_("“%s” also touches %s %s. Plan the two together, so residents get one "
                       "letter and one detour."),
                     helder_record_get_title (other), overlap->street, weeks);
  return warning;
}

/**
 * helder_works_warnings:
 * @works: (element-type HelderRecord): every works
 * @messages: (element-type HelderRecord): every message
 * @residents: (nullable): see helder_works_is_residents_message()
 * @today: YYYY-MM-DD
 *
 * Returns: (transfer full) (element-type HelderWorksWarning): per works
 *   in the order of @works, its letter warning, then its overlaps (an
 *   overlap shows at both works)
 */
GPtrArray *
helder_works_warnings (GPtrArray          *works,
                       GPtrArray          *messages,
                       const char * const *residents,
                       int                 org_lead_time,
                       const char         *today)
{
  GPtrArray *warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) helder_works_warning_free);
  g_autoptr(GHashTable) linked = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                        (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) overlaps = NULL;

  g_return_val_if_fail (works != NULL && today != NULL, warnings);

  /* Messages by the works they link to: 5,000 messages, 300 works */
  for (guint i = 0; messages != NULL && i < messages->len; i++)
    {
      const char * const *ids = helder_record_get_list (messages->pdata[i], "works");

      for (guint k = 0; ids != NULL && ids[k] != NULL; k++)
        {
          GPtrArray *list = g_hash_table_lookup (linked, ids[k]);

          if (list == NULL)
            g_hash_table_insert (linked, (gpointer) ids[k], (list = g_ptr_array_new ()));
          g_ptr_array_add (list, messages->pdata[i]);
        }
    }
  for (guint i = 0; i < works->len; i++)
    g_hash_table_insert (by_id, (gpointer) helder_record_get_id (works->pdata[i]), works->pdata[i]);

  overlaps = helder_works_overlaps (works);
  for (guint i = 0; i < works->len; i++)
    {
      HelderRecord *record = works->pdata[i];
      const char *id = helder_record_get_id (record);
      g_autoptr(HelderWorksLetter) letter =
        helder_works_check_letter (record, g_hash_table_lookup (linked, id), residents, org_lead_time, today);

      if (letter->state != HELDER_WORKS_LETTER_NOT_NEEDED && letter->state != HELDER_WORKS_LETTER_IN_TIME)
        g_ptr_array_add (warnings, letter_warning (record, letter));
      for (guint k = 0; k < overlaps->len; k++)
        {
          HelderWorksOverlap *overlap = overlaps->pdata[k];

          if (g_str_equal (overlap->a, id))
            g_ptr_array_add (warnings, overlap_warning (record, g_hash_table_lookup (by_id, overlap->b), overlap));
          else if (g_str_equal (overlap->b, id))
            g_ptr_array_add (warnings, overlap_warning (record, g_hash_table_lookup (by_id, overlap->a), overlap));
        }
    }
  return warnings;
}

/* The service: the rules on what the store holds */

/* Every record of @type in the store that is not deleted. */
GPtrArray *
helder_plan_works_load_all (HelderPlanService *self,
                            GType              type)
{
  g_autoptr(GListModel) model = helder_store_list (helder_service_get_store (HELDER_SERVICE (self)), type, NULL);
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = model ? g_list_model_get_n_items (model) : 0;

  for (guint i = 0; i < n; i++)
    {
      HelderRecord *record = g_list_model_get_item (model, i);

      if (helder_record_get_deleted (record))
        g_object_unref (record);
      else
        g_ptr_array_add (records, record);
    }
  return records;
}

/* The records of @model (a live list the caller holds, read without the
 * store), or every record of @type in the store when @model is NULL. */
GPtrArray *
helder_plan_works_records (HelderPlanService *self,
                           GListModel        *model,
                           GType              type)
{
  GPtrArray *records;
  guint n;

  if (model == NULL)
    return helder_plan_works_load_all (self, type);
  n = g_list_model_get_n_items (model);
  records = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      HelderRecord *record = g_list_model_get_item (model, i);

      if (HELDER_IS_RECORD (record) && !helder_record_get_deleted (record))
        g_ptr_array_add (records, record);
      else
        g_clear_object (&record);
    }
  return records;
}

/* The JSON value of the setting @key, or NULL. */
char *
helder_plan_works_setting (HelderPlanService *self,
                           const char        *key)
{
  g_autoptr(GPtrArray) settings = helder_plan_works_load_all (self, HELDER_TYPE_SETTING);

  for (guint i = 0; i < settings->len; i++)
    if (g_strcmp0 (helder_record_get_text (settings->pdata[i], "key"), key) == 0)
      return g_strdup (helder_record_get_text (settings->pdata[i], "value"));
  return NULL;
}

static JsonNode *
setting_value (HelderPlanService *self,
               const char        *key)
{
  g_autofree char *value = helder_plan_works_setting (self, key);

  return value ? json_from_string (value, NULL) : NULL;
}

/**
 * helder_plan_service_works_lead_time:
 *
 * Returns: the organisation's lead time in days: the setting
 *   "works.lead_time_days" ({"days": N}), else 14
 */
int
helder_plan_service_works_lead_time (HelderPlanService *self)
{
  g_autoptr(JsonNode) value = NULL;

  g_return_val_if_fail (HELDER_IS_PLAN_SERVICE (self), HELDER_WORKS_LEAD_TIME_DEFAULT);

  value = setting_value (self, HELDER_WORKS_LEAD_TIME_SETTING);
  if (value != NULL && JSON_NODE_HOLDS_OBJECT (value))
    {
      JsonObject *object = json_node_get_object (value);
      gint64 days = json_object_get_int_member_with_default (object, "days", -1);

      if (days >= 0 && days <= 365)
        return (int) days;
    }
  return HELDER_WORKS_LEAD_TIME_DEFAULT;
}

static gboolean
names_residents (const char *text)
{
  static const char *words[] = { "omwonend", "inwoner", "bewoner", "resident" };
  g_autofree char *folded = text ? g_utf8_casefold (text, -1) : NULL;

  for (guint i = 0; folded != NULL && i < G_N_ELEMENTS (words); i++)
    if (strstr (folded, words[i]) != NULL)
      return TRUE;
  return FALSE;
}

/**
 * helder_plan_service_works_residents:
 *
 * Returns: (transfer full): the ids of the audiences that are residents:
 *   the setting "works.resident_audiences" (an array of ids), else the
 *   audiences whose name or key says residents (omwonenden, inwoners,
 *   bewoners)
 */
char **
helder_plan_service_works_residents (HelderPlanService *self)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_autoptr(JsonNode) value = NULL;

  g_return_val_if_fail (HELDER_IS_PLAN_SERVICE (self), NULL);

  value = setting_value (self, HELDER_WORKS_RESIDENTS_SETTING);
  if (value != NULL && JSON_NODE_HOLDS_ARRAY (value))
    {
      JsonArray *array = json_node_get_array (value);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
            g_strv_builder_add (ids, json_node_get_string (element));
        }
    }
  else
    {
      g_autoptr(GPtrArray) audiences = helder_plan_works_load_all (self, HELDER_TYPE_AUDIENCE);

      for (guint i = 0; i < audiences->len; i++)
        if (names_residents (helder_record_get_text (audiences->pdata[i], "name")) ||
            names_residents (helder_record_get_text (audiences->pdata[i], "key")))
          g_strv_builder_add (ids, helder_record_get_id (audiences->pdata[i]));
    }
  return g_strv_builder_end (ids);
}

static int
by_start (gconstpointer a,
          gconstpointer b)
{
  HelderRecord *x = *(HelderRecord **) a, *y = *(HelderRecord **) b;
  int c = g_strcmp0 (helder_record_get_text (x, "start_date"), helder_record_get_text (y, "start_date"));

  return c != 0 ? c : g_strcmp0 (helder_record_get_id (x), helder_record_get_id (y));
}

/**
 * helder_plan_service_works_warnings:
 * @today: YYYY-MM-DD
 *
 * Returns: (transfer full) (element-type HelderWorksWarning): the
 *   warnings of every works in the store, see helder_works_warnings()
 */
GPtrArray *
helder_plan_service_works_warnings (HelderPlanService *self,
                                    const char        *today)
{
  return helder_plan_service_works_warnings_from (self, NULL, NULL, today);
}

/**
 * helder_plan_service_works_warnings_from:
 * @works: (nullable): the works, as a live list the caller holds
 * @messages: (nullable): the messages
 *
 * As helder_plan_service_works_warnings(), on lists a view holds
 * already: no reading of the store but for the settings.
 */
GPtrArray *
helder_plan_service_works_warnings_from (HelderPlanService *self,
                                         GListModel        *works_model,
                                         GListModel        *messages_model,
                                         const char        *today)
{
  g_autoptr(GPtrArray) works = NULL, messages = NULL;
  g_auto(GStrv) residents = NULL;

  g_return_val_if_fail (HELDER_IS_PLAN_SERVICE (self), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  works = helder_plan_works_records (self, works_model, HELDER_TYPE_WORKS);
  g_ptr_array_sort (works, by_start);
  messages = helder_plan_works_records (self, messages_model, HELDER_TYPE_MESSAGE);
  residents = helder_plan_service_works_residents (self);
  return helder_works_warnings (works, messages, (const char * const *) residents,
                                helder_plan_service_works_lead_time (self), today);
}

/**
 * helder_plan_service_create_works_letter:
 * @today: YYYY-MM-DD
 *
 * Plans the residents' letter of @works: a new message linked to it,
 * to its affected audiences that are residents (or all of them), for
 * its streets and wijk, in the week before the deadline (from today
 * when that week has begun or passed).  One transaction.
 *
 * Returns: (transfer full): the saved message, or %NULL with @error set
 */
HelderRecord *
helder_plan_service_create_works_letter (HelderPlanService  *self,
                                         HelderRecord       *works,
                                         const char         *today,
                                         GError            **error)
{
  HelderService *service = HELDER_SERVICE (self);
  g_autoptr(HelderRecord) message = helder_record_new (HELDER_TYPE_MESSAGE);
  g_autoptr(GPtrArray) streets = NULL;
  g_autoptr(GStrvBuilder) audiences = g_strv_builder_new ();
  g_auto(GStrv) residents = NULL, chosen = NULL;
  g_autofree char *title = NULL, *deadline = NULL, *from = NULL, *until = NULL, *area = NULL;
  const char * const *affected;
  const char *wijk, *ids[] = { helder_record_get_id (works), NULL };
  GDate now, day;

  g_return_val_if_fail (HELDER_IS_PLAN_SERVICE (self), NULL);
  g_return_val_if_fail (HELDER_IS_WORKS (works), NULL);
  g_return_val_if_fail (today != NULL && parse_day (today, &now), NULL);

  residents = helder_plan_service_works_residents (self);
  affected = helder_record_get_list (works, "audiences");
  for (guint i = 0; affected != NULL && affected[i] != NULL; i++)
    if (g_strv_contains ((const char * const *) residents, affected[i]))
      g_strv_builder_add (audiences, affected[i]);
  chosen = g_strv_builder_end (audiences);
  if (chosen[0] == NULL)
    {
      g_strfreev (chosen);
      chosen = affected ? g_strdupv ((char **) affected) : g_strdupv (residents);
    }

  deadline = helder_works_letter_deadline (works, helder_plan_service_works_lead_time (self));
  if (deadline != NULL && parse_day (deadline, &day))
    {
      g_date_subtract_days (&day, 7);
      if (g_date_compare (&day, &now) < 0)
        day = now;
      from = format_iso (&day);
      until = g_strcmp0 (from, deadline) < 0 ? g_strdup (deadline) : g_strdup (from);
    }

  streets = helder_works_streets (works);
  g_ptr_array_add (streets, NULL);
  area = g_strjoinv (", ", (char **) streets->pdata);
  wijk = helder_record_get_text (works, "wijk");
  if (wijk != NULL && *wijk != '\0')
    {
      char *with = *area ? g_strconcat (area, ", ", wijk, NULL) : g_strdup (wijk);

      g_free (area);
      area = with;
    }

  /* Translators: the title of a new message that tells residents of works */
  title = g_strdup_printf (_("Residents’ letter: %s"), helder_record_get_title (works));
  if (HELDER_SERVICE_GET_CLASS (service)->prepare_new != NULL)
    HELDER_SERVICE_GET_CLASS (service)->prepare_new (service, message);
  g_object_set (message,
                "title", title,
                "audiences", chosen,
                "area", area,
                "works", ids,
                "window-start", from,
                "window-end", until,
                NULL);
  if (helder_record_get_text (message, "author") == NULL && helder_service_get_session (service) != NULL)
    g_object_set (message, "author", helder_session_get_login (helder_service_get_session (service)), NULL);
  if (!helder_service_save (service, message, error))
    return NULL;
  return g_steal_pointer (&message);
}
