/* helder-plan-signals.c: signals about topics: the person-data check, saving, counts per channel and week
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-plan-signals"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "helder-plan-signals.h"

/* A signal is what a channel noticed about a topic ("more calls about the
 * energy allowance"): topics only, never persons (the programme's rule,
 * and the AVG).  Before a signal is saved its text is searched for what
 * looks like a person's data: an e-mail address, a Dutch phone number in
 * its usual forms, a number shaped like a BSN that passes the eleven-proof,
 * a postcode with a house number.  The check works on the characters of
 * the text (not its bytes), so the ranges it returns mark the text in a
 * GtkTextBuffer as they are.
 *
 * What it must leave alone is as important: dates (2026-11-09,
 * 09-11-2026), times (09.00-12.00), amounts (€ 123.456.789), case and
 * report numbers (Z-2026-012345, zaaknummer 123456782), the organisation's
 * own numbers (14 0252, 0800- and 0900-numbers) and a postcode alone (an
 * area, not a household). */

G_DEFINE_QUARK (helder-signal-error-quark, helder_signal_error)

typedef struct
{
  const gunichar *u;
  glong           n;
  GArray         *found;
} Scan;

static gboolean
is_ascii_digit (gunichar c)
{
  return c >= '0' && c <= '9';
}

static gboolean
is_word (gunichar c)
{
  return g_unichar_isalnum (c) || c == '_';
}

static gunichar
at (Scan *scan,
    glong i)
{
  return i >= 0 && i < scan->n ? scan->u[i] : 0;
}

static void
add (Scan                 *scan,
     glong                 start,
     glong                 end,
     HelderPersonDataKind  kind)
{
  HelderPersonData data = { start, end, kind };

  g_array_append_val (scan->found, data);
}

/* E-mail addresses: a local part, "@", a domain with a dot and a name of
 * two letters or more after its last dot. */
static gboolean
is_local_char (gunichar c)
{
  return g_unichar_isalnum (c) || (c < 128 && strchr ("._%+-'", (int) c) != NULL);
}

static gboolean
is_domain_char (gunichar c)
{
  return g_unichar_isalnum (c) || c == '.' || c == '-';
}

static void
find_emails (Scan *scan)
{
  for (glong i = 0; i < scan->n; i++)
    {
      glong start = i, end = i + 1, last_dot = -1;

      if (scan->u[i] != '@')
        continue;
      while (start > 0 && is_local_char (scan->u[start - 1]))
        start--;
      while (start < i && (scan->u[start] == '.' || scan->u[start] == '\''))
        start++;
      while (end < scan->n && is_domain_char (scan->u[end]))
        end++;
      while (end > i + 1 && (scan->u[end - 1] == '.' || scan->u[end - 1] == '-'))
        end--;
      for (glong j = i + 1; j < end; j++)
        if (scan->u[j] == '.')
          last_dot = j;
      if (start == i || last_dot < 0 || last_dot == i + 1 || end - last_dot - 1 < 2)
        continue;
      {
        gboolean letters = TRUE;

        for (glong j = last_dot + 1; j < end; j++)
          letters = letters && g_unichar_isalpha (scan->u[j]);
        if (!letters)
          continue;
      }
      add (scan, start, end, HELDER_PERSON_DATA_EMAIL);
      i = end - 1;
    }
}

/* Numbers written in groups: "06-12 34 56 78", "+31 (0)252 123456",
 * "123.456.782".  A group is a run of digits; between groups one space,
 * dash, dot or slash (a dash may have spaces around it); a group may
 * stand in parentheses. */
typedef struct
{
  glong start;      /* its first character, with a "(" or "+" before it */
  glong end;        /* after its last, with a ")" */
  glong digits;     /* where its digits start */
  glong n_digits;
  gunichar sep;     /* what came before it; 0 for the first */
} Group;

static glong
parse_groups (Scan   *scan,
              glong   i,
              GArray *groups)
{
  gunichar sep = 0;

  g_array_set_size (groups, 0);
  for (;;)
    {
      Group group = { i, i, i, 0, sep };
      glong j = i;
      gboolean paren = FALSE;

      if (groups->len == 0 && at (scan, j) == '+')
        j++;
      if (at (scan, j) == '(')
        {
          paren = TRUE;
          j++;
        }
      group.digits = j;
      while (is_ascii_digit (at (scan, j)))
        j++;
      group.n_digits = j - group.digits;
      if (group.n_digits == 0 || (paren && at (scan, j) != ')'))
        break;
      if (paren)
        j++;
      group.end = j;
      g_array_append_val (groups, group);

      /* The separator to the next group, if one follows */
      {
        glong k = j;
        gunichar c = at (scan, k);

        if (c == ' ' && at (scan, k + 1) == '-' && at (scan, k + 2) == ' ')
          {
            c = '-';
            k += 3;
          }
        else if (c == ' ' || c == '-' || c == '.' || c == '/')
          k++;
        else if (c == '(' || (paren && is_ascii_digit (c)))
          c = ' ';   /* "+31(0)6", "(0252)123456" */
        else
          return j;
        if (!is_ascii_digit (at (scan, k)) && at (scan, k) != '(')
          return j;
        sep = c;
        i = k;
      }
    }
  return groups->len > 0 ? g_array_index (groups, Group, groups->len - 1).end : i;
}

static void
digits_of (Scan    *scan,
           Group   *group,
           GString *out)
{
  for (glong k = 0; k < group->n_digits; k++)
    g_string_append_c (out, (char) scan->u[group->digits + k]);
}

/* Whether groups [a, b] are a Dutch phone number in a usual form. */
static gboolean
is_phone (Scan   *scan,
          GArray *groups,
          guint   a,
          guint   b)
{
  Group *first = &g_array_index (groups, Group, a);
  g_autoptr(GString) all = g_string_new (NULL);
  g_autofree char *national = NULL;
  gboolean international;

  for (guint k = a; k <= b; k++)
    digits_of (scan, &g_array_index (groups, Group, k), all);

  international = at (scan, first->start) == '+' || g_str_has_prefix (all->str, "0031");
  if (international)
    {
      const char *rest;

      if (at (scan, first->start) == '+' && !g_str_has_prefix (all->str, "31"))
        return FALSE;
      rest = all->str + (at (scan, first->start) == '+' ? 2 : 4);
      /* "+31 (0)6 ...": the trunk 0 in parentheses */
      if (*rest == '0')
        rest++;
      national = g_strconcat ("0", rest, NULL);
      /* After the country code: groups of one digit or more; then two or more */
      for (guint k = a + 2; k <= b; k++)
        if (g_array_index (groups, Group, k).n_digits < 2 &&
            !(k == a + 2 && g_array_index (groups, Group, a + 1).n_digits == 1))
          return FALSE;
    }
  else
    {
      if (first->n_digits != 10 && !(first->n_digits == 2 && all->str[1] == '6') &&
          first->n_digits != 3 && first->n_digits != 4)
        return FALSE;
      for (guint k = a + 1; k <= b; k++)
        if (g_array_index (groups, Group, k).n_digits < 2)
          return FALSE;
      /* One kind of separator in the number ("06-12 34 56 78" mixes
       * two, which people do: dashes after the area code only) */
      for (guint k = a + 2; k <= b; k++)
        if (g_array_index (groups, Group, k).sep != g_array_index (groups, Group, a + 2).sep)
          return FALSE;
      national = g_strdup (all->str);
    }

  if (strlen (national) != 10 || national[0] != '0' || national[1] == '0')
    return FALSE;
  /* The organisation's and other services' numbers: not a person's */
  if (g_str_has_prefix (national, "0800") || g_str_has_prefix (national, "0900") ||
      g_str_has_prefix (national, "0906") || g_str_has_prefix (national, "0909"))
    return FALSE;
  return TRUE;
}

/**
 * helder_bsn_eleven_proof:
 * @digits: nine digits (eight: with a leading zero)
 *
 * The citizen service number's check: 9×d1 + 8×d2 + … + 2×d8 − d9 is a
 * multiple of 11 (and not 0).
 */
gboolean
helder_bsn_eleven_proof (const char *digits)
{
  char padded[10];
  int sum = 0;
  gsize len;

  g_return_val_if_fail (digits != NULL, FALSE);

  len = strlen (digits);
  if (len != 8 && len != 9)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (digits[i]))
      return FALSE;
  memset (padded, '0', 9);
  memcpy (padded + 9 - len, digits, len);
  padded[9] = '\0';
  for (int i = 0; i < 8; i++)
    sum += (9 - i) * (padded[i] - '0');
  sum -= padded[8] - '0';
  return sum != 0 && sum % 11 == 0;
}

/* The word before @i (skipping spaces, ":", "#", "."), casefolded. */
static char *
word_before (Scan  *scan,
             glong  i)
{
  glong end = i, start;
  g_autoptr(GString) word = g_string_new (NULL);

  while (end > 0 && (scan->u[end - 1] == ' ' || scan->u[end - 1] == ':' ||
                     scan->u[end - 1] == '#' || scan->u[end - 1] == '.'))
    end--;
  start = end;
  while (start > 0 && (g_unichar_isalpha (scan->u[start - 1]) || scan->u[start - 1] == '-'))
    start--;
  for (glong k = start; k < end; k++)
    g_string_append_unichar (word, scan->u[k]);
  return g_utf8_casefold (word->str, -1);
}

static gboolean
word_in (const char  *word,
         const char **list)
{
  for (guint k = 0; list[k] != NULL; k++)
    if (g_str_equal (word, list[k]) || g_str_has_suffix (word, list[k]))
      return TRUE;
  return FALSE;
}

/* A 9-digit number as a BSN is written: nine digits, 3-3-3 or 4-2-3. */
static gboolean
is_bsn_shape (GArray   *groups,
              gboolean  labelled)
{
  guint n = groups->len;
  Group *g = (Group *) groups->data;

  /* Eight digits (a leading zero left out) only when it says BSN: eight
   * digits are also a KvK number or a date written together. */
  if (n == 1)
    return g[0].n_digits == 9 || (labelled && g[0].n_digits == 8);
  if (n != 3 || g[1].sep != g[2].sep || (g[1].sep != '.' && g[1].sep != ' '))
    return FALSE;
  return (g[0].n_digits == 3 && g[1].n_digits == 3 && g[2].n_digits == 3) ||
         (g[0].n_digits == 4 && g[1].n_digits == 2 && g[2].n_digits == 3);
}

static gboolean
is_amount_around (Scan  *scan,
                  glong  start,
                  glong  end)
{
  glong k = start;
  g_autofree char *after = NULL;
  g_autoptr(GString) next = g_string_new (NULL);

  while (k > 0 && scan->u[k - 1] == ' ')
    k--;
  if (at (scan, k - 1) == 0x20AC /* € */ || at (scan, k - 1) == '$')
    return TRUE;
  if (k >= 3 && g_unichar_toupper (scan->u[k - 3]) == 'E' && g_unichar_toupper (scan->u[k - 2]) == 'U' &&
      g_unichar_toupper (scan->u[k - 1]) == 'R')
    return TRUE;
  if (at (scan, end) == ',' && (is_ascii_digit (at (scan, end + 1)) || at (scan, end + 1) == '-'))
    return TRUE;
  k = end;
  while (at (scan, k) == ' ')
    k++;
  while (g_unichar_isalpha (at (scan, k)))
    g_string_append_unichar (next, scan->u[k++]);
  after = g_utf8_casefold (next->str, -1);
  return g_str_equal (after, "euro") || g_str_equal (after, "eur");
}

static void
find_numbers (Scan *scan)
{
  static const char *case_words[] = { "zaak", "zaaknummer", "kenmerk", "dossier", "dossiernummer",
                                      "factuur", "factuurnummer", "melding", "meldingnummer",
                                      "meldnummer", "ordernummer", "referentie", "ref",
                                      "kvk", "rekening", "iban", NULL };
  static const char *bsn_words[] = { "bsn", "burgerservicenummer", "sofinummer", NULL };
  g_autoptr(GArray) groups = g_array_new (FALSE, FALSE, sizeof (Group));

  for (glong i = 0; i < scan->n; i++)
    {
      gunichar c = scan->u[i], prev = at (scan, i - 1);
      glong end;
      guint n;

      if (!(is_ascii_digit (c) || ((c == '+' || c == '(') && is_ascii_digit (at (scan, i + 1)))))
        continue;
      if (is_word (prev) || prev == ',' || (prev == '.' && is_ascii_digit (at (scan, i - 2))))
        {
          /* inside a word or a number: skip to its end */
          while (i + 1 < scan->n && (is_word (scan->u[i + 1])))
            i++;
          continue;
        }
      end = parse_groups (scan, i, groups);
      n = groups->len;
      /* A code: "Z-2026-012345", "Z/26/1234", "A12-..." */
      if ((prev == '-' || prev == '/') && is_word (at (scan, i - 2)))
        {
          i = end - 1;
          continue;
        }
      if (n == 0)
        continue;
      /* The number runs on into a word ("12a", "2026-jaar"): not ours */
      if (is_word (at (scan, end)) && !is_ascii_digit (at (scan, end)))
        {
          /* a postcode ("2181 AB") is for find_addresses */
          i = end - 1;
          continue;
        }

      /* A BSN: the whole number, unless it is an amount or a case's */
      {
        g_autofree char *before = word_before (scan, g_array_index (groups, Group, 0).start);
        g_autoptr(GString) digits = g_string_new (NULL);
        gboolean labelled = word_in (before, bsn_words);

        for (guint k = 0; k < n; k++)
          digits_of (scan, &g_array_index (groups, Group, k), digits);
        if (is_bsn_shape (groups, labelled) && !is_amount_around (scan, i, end) &&
            (labelled || (helder_bsn_eleven_proof (digits->str) && !word_in (before, case_words))))
          {
            add (scan, g_array_index (groups, Group, 0).start, end, HELDER_PERSON_DATA_BSN);
            i = end - 1;
            continue;
          }
      }

      /* A phone number: any run of the groups, the longest first */
      for (guint a = 0; a < n; a++)
        for (guint b = n; b-- > a;)
          if (is_phone (scan, groups, a, b))
            {
              add (scan, g_array_index (groups, Group, a).start, g_array_index (groups, Group, b).end,
                   HELDER_PERSON_DATA_PHONE);
              a = b;
              break;
            }
      i = end - 1;
    }
}

/* Postcodes: four digits (not starting with 0), a space or not, two
 * capitals (small letters only when written together: "2181ab"); SA, SD
 * and SS are not used.  With a house number after ("2181 AB 12",
 * "2181AB, nr 12a") or before ("Hoofdstraat 12, 2181 AB"). */
static glong
postcode_at (Scan  *scan,
             glong  i)
{
  gunichar l1, l2;
  glong j = i + 4;
  gboolean space = FALSE;

  if (!(scan->u[i] >= '1' && scan->u[i] <= '9') || is_word (at (scan, i - 1)))
    return -1;
  for (glong k = i + 1; k < i + 4; k++)
    if (!is_ascii_digit (at (scan, k)))
      return -1;
  if (at (scan, j) == ' ')
    {
      space = TRUE;
      j++;
    }
  l1 = at (scan, j);
  l2 = at (scan, j + 1);
  if (!(l1 < 128 && l2 < 128 && g_ascii_isalpha (l1) && g_ascii_isalpha (l2)) || is_word (at (scan, j + 2)))
    return -1;
  if (space && !(g_ascii_isupper (l1) && g_ascii_isupper (l2)))
    return -1;
  if (!space && g_ascii_isupper (l1) != g_ascii_isupper (l2))
    return -1;
  l1 = g_ascii_toupper (l1);
  l2 = g_ascii_toupper (l2);
  if (l1 == 'S' && (l2 == 'A' || l2 == 'D' || l2 == 'S'))
    return -1;
  return j + 2;
}

/* A house number from @i on ("12", "12a", "12-14", "12 bis"), after
 * optional ", " and "nr"/"nr."/"no."/"huisnummer": its end, or -1. */
static glong
house_number_after (Scan  *scan,
                    glong  i)
{
  static const char *labels[] = { "huisnummer", "nr", "no", NULL };
  glong j = i;

  while (at (scan, j) == ' ' || at (scan, j) == ',')
    j++;
  for (guint k = 0; labels[k] != NULL; k++)
    {
      glong len = strlen (labels[k]), m;

      for (m = 0; m < len && g_unichar_tolower (at (scan, j + m)) == (gunichar) labels[k][m]; m++)
        ;
      if (m == len && !g_unichar_isalpha (at (scan, j + len)))
        {
          j += len;
          if (at (scan, j) == '.')
            j++;
          while (at (scan, j) == ' ')
            j++;
          break;
        }
    }
  if (!(at (scan, j) >= '1' && at (scan, j) <= '9'))
    return -1;
  {
    glong start = j;

    while (is_ascii_digit (at (scan, j)))
      j++;
    if (j - start > 5)
      return -1;
  }
  if (g_unichar_isalpha (at (scan, j)) && !g_unichar_isalpha (at (scan, j + 1)))
    j++;
  else if (at (scan, j) == '-' && g_unichar_isalnum (at (scan, j + 1)))
    {
      j++;
      while (g_unichar_isalnum (at (scan, j)))
        j++;
    }
  /* "2181 AB 12 000 inwoners": a number, not a house */
  if (is_ascii_digit (at (scan, j + 1)) && (at (scan, j) == '.' || at (scan, j) == ' '))
    return -1;
  return j;
}

/* The house number that ends just before a postcode at @i ("12, "), with
 * a word before it (the street): its start, or -1. */
static glong
house_number_before (Scan  *scan,
                     glong  i)
{
  glong j = i;

  while (j > 0 && (scan->u[j - 1] == ' ' || scan->u[j - 1] == ','))
    j--;
  if (j == i)
    return -1;
  if (g_unichar_isalpha (at (scan, j - 1)) && is_ascii_digit (at (scan, j - 2)))
    j--;
  if (!is_ascii_digit (at (scan, j - 1)))
    return -1;
  while (is_ascii_digit (at (scan, j - 1)))
    j--;
  if (at (scan, j - 1) != ' ' || !g_unichar_isalpha (at (scan, j - 2)))
    return -1;
  return j;
}

static void
find_addresses (Scan *scan)
{
  for (glong i = 0; i < scan->n; i++)
    {
      glong end = postcode_at (scan, i), number;

      if (end < 0)
        continue;
      if ((number = house_number_after (scan, end)) > 0)
        {
          add (scan, i, number, HELDER_PERSON_DATA_ADDRESS);
          i = number - 1;
        }
      else if ((number = house_number_before (scan, i)) >= 0)
        {
          add (scan, number, end, HELDER_PERSON_DATA_ADDRESS);
          i = end - 1;
        }
    }
}

static int
by_start (gconstpointer a,
          gconstpointer b)
{
  const HelderPersonData *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->end > y->end ? -1 : x->end < y->end;
}

/**
 * helder_person_data_find:
 * @text: (nullable): a signal's text
 *
 * Returns: (transfer full) (element-type HelderPersonData): the parts of
 *   @text that look like a person's data, in order, none overlapping;
 *   offsets in characters
 */
GArray *
helder_person_data_find (const char *text)
{
  g_autofree gunichar *u = NULL;
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (HelderPersonData));
  GArray *found = g_array_new (FALSE, FALSE, sizeof (HelderPersonData));
  glong n = 0;
  Scan scan;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return found;
  u = g_utf8_to_ucs4_fast (text, -1, &n);
  scan = (Scan) { u, n, all };
  find_emails (&scan);
  find_addresses (&scan);
  find_numbers (&scan);

  g_array_sort (all, by_start);
  for (guint i = 0; i < all->len; i++)
    {
      HelderPersonData *data = &g_array_index (all, HelderPersonData, i);

      if (found->len > 0 && data->start < g_array_index (found, HelderPersonData, found->len - 1).end)
        continue;
      g_array_append_val (found, *data);
    }
  return found;
}

/**
 * helder_person_data_reason:
 *
 * Returns: what the part looks like, translated ("a phone number")
 */
const char *
helder_person_data_reason (HelderPersonDataKind kind)
{
  switch (kind)
    {
    case HELDER_PERSON_DATA_EMAIL:
      return _("an e-mail address");
    case HELDER_PERSON_DATA_PHONE:
      return _("a phone number");
    case HELDER_PERSON_DATA_BSN:
      return _("a citizen service number (BSN)");
    case HELDER_PERSON_DATA_ADDRESS:
      return _("an address (postcode and house number)");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * helder_person_data_describe:
 * @found: (element-type HelderPersonData): from helder_person_data_find()
 *
 * Returns: (transfer full): a sentence for the user: what was found and
 *   what to do
 */
char *
helder_person_data_describe (const char *text,
                             GArray     *found)
{
  g_autoptr(GString) what = g_string_new (NULL);
  gboolean seen[HELDER_PERSON_DATA_ADDRESS + 1] = { FALSE };
  guint n_kinds = 0, k = 0;

  g_return_val_if_fail (found != NULL && found->len > 0, NULL);

  for (guint i = 0; i < found->len; i++)
    {
      HelderPersonDataKind kind = g_array_index (found, HelderPersonData, i).kind;

      if (!seen[kind])
        n_kinds++;
      seen[kind] = TRUE;
    }
  for (guint kind = 0; kind <= HELDER_PERSON_DATA_ADDRESS; kind++)
    {
      if (!seen[kind])
        continue;
      if (k > 0)
        /* TRANSLATORS: between the last two of a list: "a phone number and an e-mail address" */
        g_string_append (what, k == n_kinds - 1 ? _(" and ") : ", ");
      g_string_append (what, helder_person_data_reason (kind));
      k++;
    }
  /* TRANSLATORS: %s is a list such as "a phone number and an e-mail address" */
  return g_strdup_printf (_("The text holds what looks like %s. Signals are about topics, never about persons: "
                            "remove the marked part to save the signal."), what->str);
}

/* Counts */

/**
 * helder_signal_iso_week:
 * @date: YYYY-MM-DD (a time after it is ignored)
 *
 * Returns: (transfer full) (nullable): its ISO week, "2026-W46", or %NULL
 *   for no date
 */
char *
helder_signal_iso_week (const char *date)
{
  g_autoptr(GDateTime) day = NULL;
  int y, m, d;

  if (date == NULL || sscanf (date, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return NULL;
  day = g_date_time_new_utc (y, m, d, 12, 0, 0);
  if (day == NULL)
    return NULL;
  return g_strdup_printf ("%04d-W%02d", g_date_time_get_week_numbering_year (day),
                          g_date_time_get_week_of_year (day));
}

static void
count_free (gpointer data)
{
  g_free (((HelderSignalCount *) data)->key);
}

static GDateTime *
noon_of (const char *date)
{
  int y, m, d;

  if (date == NULL || sscanf (date, "%4d-%2d-%2d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return NULL;
  return g_date_time_new_utc (y, m, d, 12, 0, 0);
}

/**
 * helder_signal_week_series:
 * @until: the last day, YYYY-MM-DD
 * @n_weeks: how many weeks, up to and with the week of @until
 *
 * The counts of @n_weeks weeks in a row, oldest first, weeks without
 * signals as 0: what a small bar chart of the topic shows.
 *
 * Returns: (transfer full) (element-type HelderSignalCount): the weeks,
 *   or an empty array for no @until
 */
GArray *
helder_signal_week_series (HelderSignalCounts *counts,
                           const char         *until,
                           guint               n_weeks)
{
  GArray *series = g_array_new (FALSE, FALSE, sizeof (HelderSignalCount));
  g_autoptr(GDateTime) last = noon_of (until);

  g_array_set_clear_func (series, count_free);
  if (last == NULL)
    return series;
  for (guint k = n_weeks; k-- > 0;)
    {
      g_autoptr(GDateTime) day = g_date_time_add_weeks (last, -(int) k);
      HelderSignalCount count = { g_strdup_printf ("%04d-W%02d", g_date_time_get_week_numbering_year (day),
                                                   g_date_time_get_week_of_year (day)), 0 };

      for (guint i = 0; counts != NULL && counts->weeks != NULL && i < counts->weeks->len; i++)
        if (g_str_equal (g_array_index (counts->weeks, HelderSignalCount, i).key, count.key))
          count.count = g_array_index (counts->weeks, HelderSignalCount, i).count;
      g_array_append_val (series, count);
    }
  return series;
}

/**
 * helder_signal_format_week:
 * @iso_week: "2026-W46"
 *
 * Returns: (transfer full): "week 46", as the log shows it
 */
char *
helder_signal_format_week (const char *iso_week)
{
  const char *w = iso_week ? strstr (iso_week, "-W") : NULL;

  /* TRANSLATORS: an ISO week number */
  return g_strdup_printf (_("week %d"), w ? atoi (w + 2) : 0);
}

/**
 * helder_signal_parse_date:
 * @text: a date as people type it: "2-12-2026", "02-12-2026",
 *   "2026-12-02", "2/12", "today" or "vandaag", "yesterday" or "gisteren"
 * @today: YYYY-MM-DD
 *
 * Returns: (transfer full) (nullable): the date as YYYY-MM-DD, or %NULL
 *   when @text is not a date (a day and month without a year: this year)
 */
char *
helder_signal_parse_date (const char *text,
                          const char *today)
{
  g_autofree char *t = g_utf8_casefold (text ? text : "", -1);
  g_autoptr(GDateTime) now = noon_of (today);
  int a, b, c;
  char end;

  g_strstrip (t);
  if (now == NULL)
    return NULL;
  if (g_str_equal (t, "vandaag") || g_str_equal (t, _("today")))
    return g_date_time_format (now, "%Y-%m-%d");
  if (g_str_equal (t, "gisteren") || g_str_equal (t, _("yesterday")))
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (now, -1);

      return g_date_time_format (day, "%Y-%m-%d");
    }
  g_strdelimit (t, "/.", '-');
  if (sscanf (t, "%4d-%2d-%2d%c", &a, &b, &c, &end) == 3 && a > 999)
    ;  /* year first */
  else if (sscanf (t, "%2d-%2d-%4d%c", &c, &b, &a, &end) == 3 && a > 999)
    ;
  else if (sscanf (t, "%2d-%2d%c", &c, &b, &end) == 2)
    a = g_date_time_get_year (now);
  else
    return NULL;
  if (!g_date_valid_dmy (c, b, a))
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", a, b, c);
}


static int
by_count (gconstpointer a,
          gconstpointer b)
{
  const HelderSignalCount *x = a, *y = b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return g_utf8_collate (x->key, y->key);
}

static int
by_key (gconstpointer a,
        gconstpointer b)
{
  return strcmp (((const HelderSignalCount *) a)->key, ((const HelderSignalCount *) b)->key);
}

static GArray *
counts_from (GHashTable   *table,
             GCompareFunc  order)
{
  GArray *counts = g_array_new (FALSE, FALSE, sizeof (HelderSignalCount));
  GHashTableIter iter;
  gpointer key, value;

  g_array_set_clear_func (counts, count_free);
  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      HelderSignalCount count = { g_strdup (key), GPOINTER_TO_UINT (value) };

      g_array_append_val (counts, count);
    }
  g_array_sort (counts, order);
  return counts;
}

/**
 * helder_signal_counts_collect:
 * @signals: signals (a live list, or any list)
 * @topic_id: (nullable): only those of this topic; %NULL: all
 *
 * Counts the signals per channel and per ISO week.  A signal without a
 * channel counts as "Unknown", one without a date in no week.
 */
void
helder_signal_counts_collect (HelderSignalCounts *counts,
                              GListModel         *signals,
                              const char         *topic_id)
{
  g_autoptr(GHashTable) channels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) weeks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n;

  g_return_if_fail (counts != NULL);

  helder_signal_counts_clear (counts);
  n = signals != NULL ? g_list_model_get_n_items (signals) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HelderRecord) signal = g_list_model_get_item (signals, i);
      const char *channel = helder_record_get_text (signal, "channel");
      g_autofree char *week = NULL;

      if (helder_record_get_deleted (signal) ||
          (topic_id != NULL && g_strcmp0 (helder_record_get_text (signal, "topic"), topic_id) != 0))
        continue;
      counts->total++;
      if (channel == NULL || *channel == '\0')
        channel = _("Unknown");
      g_hash_table_insert (channels, g_strdup (channel),
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (channels, channel)) + 1));
      if ((week = helder_signal_iso_week (helder_record_get_text (signal, "date"))) != NULL)
        g_hash_table_insert (weeks, g_strdup (week),
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (weeks, week)) + 1));
    }
  counts->channels = counts_from (channels, by_count);
  counts->weeks = counts_from (weeks, by_key);
}

void
helder_signal_counts_clear (HelderSignalCounts *counts)
{
  g_clear_pointer (&counts->channels, g_array_unref);
  g_clear_pointer (&counts->weeks, g_array_unref);
  counts->total = 0;
}

/* Actions */

static gboolean
of_topic (HelderRecord *signal,
          gpointer      topic_id)
{
  return g_strcmp0 (helder_record_get_text (signal, "topic"), topic_id) == 0;
}

/**
 * helder_plan_signals_for_topic:
 *
 * Returns: (transfer full): a live list of the topic's signals, newest
 *   first
 */
HelderRecordList *
helder_plan_signals_for_topic (HelderPlanService *self,
                               const char        *topic_id)
{
  HelderRecordList *list;

  g_return_val_if_fail (HELDER_IS_PLAN_SERVICE (self), NULL);

  list = helder_service_list (HELDER_SERVICE (self), HELDER_TYPE_SIGNAL);
  helder_record_list_set_sort_keys (list, "-date");
  helder_record_list_set_filter_func (list, of_topic, g_strdup (topic_id), g_free);
  return list;
}

/**
 * helder_plan_signals_all:
 *
 * Every signal, newest first, in one live list the planner's views share:
 * the store is read once (10,000 signals take a tenth of a second), and a
 * topic's log filters it in memory.
 *
 * Returns: (transfer full): the shared list
 */
HelderRecordList *
helder_plan_signals_all (HelderPlanService *self)
{
  HelderRecordList *list;

  g_return_val_if_fail (HELDER_IS_PLAN_SERVICE (self), NULL);

  list = g_object_get_data (G_OBJECT (self), "helder-plan-signals-all");
  if (list == NULL)
    {
      list = g_object_new (HELDER_TYPE_RECORD_LIST, "store", helder_service_get_store (HELDER_SERVICE (self)),
                           "record-type", HELDER_TYPE_SIGNAL, "sort-keys", "-date", NULL);
      g_object_set_data_full (G_OBJECT (self), "helder-plan-signals-all", list, g_object_unref);
    }
  return g_object_ref (list);
}

/* Where signals come in (the programme's front-office channels), first
 * in this order; the other channels (Post, MijnOverheid) carry messages
 * out more than they bring signals in. */
static const char *inbound[] = { "Webcare", "Fixi", "Inbox", "Telefonie", "Receptie", "Newsroom",
                                 "Contactfunctionarissen", "Omgevingsloket", NULL };

static int
inbound_rank (const char *name)
{
  for (guint i = 0; inbound[i] != NULL; i++)
    if (g_strcmp0 (inbound[i], name) == 0)
      return i;
  return G_N_ELEMENTS (inbound);
}

static int
by_inbound (gconstpointer a,
            gconstpointer b)
{
  const char *x = *(const char **) a, *y = *(const char **) b;
  int rx = inbound_rank (x), ry = inbound_rank (y);

  if (rx != ry)
    return rx - ry;
  return g_utf8_collate (x ? x : "", y ? y : "");
}

/**
 * helder_plan_signal_channels:
 *
 * Returns: (transfer full) (element-type utf8): the names of the
 *   organisation's channels, those where signals come in first (Webcare,
 *   Fixi, Inbox, Telefonie, Receptie, ...), then the others by name
 */
GPtrArray *
helder_plan_signal_channels (HelderPlanService *self)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GListModel) channels = NULL;
  guint n;

  g_return_val_if_fail (HELDER_IS_PLAN_SERVICE (self), names);

  channels = helder_store_list (helder_service_get_store (HELDER_SERVICE (self)), HELDER_TYPE_CHANNEL, NULL);
  n = channels ? g_list_model_get_n_items (channels) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HelderRecord) channel = g_list_model_get_item (channels, i);

      g_ptr_array_add (names, g_strdup (helder_record_get_text (channel, "name")));
    }
  g_ptr_array_sort (names, by_inbound);
  return names;
}

static gboolean
date_valid (const char *date,
            GError    **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  int y, m, d;

  if (date == NULL || strlen (date) < 10 || sscanf (date, "%4d-%2d-%2d", &y, &m, &d) != 3 ||
      !g_date_valid_dmy (d, m, y))
    {
      g_set_error_literal (error, HELDER_SIGNAL_ERROR, HELDER_SIGNAL_ERROR_DATE,
                           _("Give the date the signal came in."));
      return FALSE;
    }
  if (strncmp (date, today, 10) > 0)
    {
      g_set_error_literal (error, HELDER_SIGNAL_ERROR, HELDER_SIGNAL_ERROR_DATE,
                           _("A signal is something that came in: its date cannot be in the future."));
      return FALSE;
    }
  return TRUE;
}

/**
 * helder_plan_signal_add:
 * @date: YYYY-MM-DD, today or before
 * @text: what came in, about the topic
 *
 * Saves a new signal (one transaction) after checking it: the topic
 * exists, the channel is one of the organisation's (when it has any), the
 * date is not in the future, and the text holds no person's data.
 *
 * Returns: (transfer full): the saved signal, or %NULL with a
 *   %HELDER_SIGNAL_ERROR (%HELDER_SIGNAL_ERROR_PERSON_DATA: the message
 *   says what was found; the caller marks it with
 *   helder_person_data_find()) or the service's error
 */
HelderRecord *
helder_plan_signal_add (HelderPlanService  *self,
                        const char         *topic_id,
                        const char         *channel,
                        const char         *date,
                        const char         *text,
                        GError            **error)
{
  g_autoptr(HelderRecord) topic = NULL;
  g_autoptr(HelderRecord) signal = NULL;
  g_autoptr(GPtrArray) channels = NULL;
  g_autoptr(GArray) found = NULL;
  g_autofree char *body = g_strstrip (g_strdup (text ? text : ""));

  g_return_val_if_fail (HELDER_IS_PLAN_SERVICE (self), NULL);

  topic = helder_service_load (HELDER_SERVICE (self), HELDER_TYPE_TOPIC, topic_id);
  if (topic == NULL || helder_record_get_deleted (topic))
    {
      g_set_error_literal (error, HELDER_SIGNAL_ERROR, HELDER_SIGNAL_ERROR_TOPIC,
                           _("Choose the topic the signal is about."));
      return NULL;
    }
  channels = helder_plan_signal_channels (self);
  if (channel == NULL || *channel == '\0' ||
      (channels->len > 0 && !g_ptr_array_find_with_equal_func (channels, channel, g_str_equal, NULL)))
    {
      g_set_error_literal (error, HELDER_SIGNAL_ERROR, HELDER_SIGNAL_ERROR_CHANNEL,
                           _("Choose the channel the signal came in through."));
      return NULL;
    }
  if (!date_valid (date, error))
    return NULL;
  if (*body == '\0')
    {
      g_set_error_literal (error, HELDER_SIGNAL_ERROR, HELDER_SIGNAL_ERROR_TEXT,
                           _("Write what came in."));
      return NULL;
    }
  if (g_utf8_strlen (body, -1) > HELDER_SIGNAL_TEXT_MAX)
    {
      g_set_error (error, HELDER_SIGNAL_ERROR, HELDER_SIGNAL_ERROR_TEXT,
                   _("A signal has at most %d characters; write the gist."), HELDER_SIGNAL_TEXT_MAX);
      return NULL;
    }
  found = helder_person_data_find (body);
  if (found->len > 0)
    {
      g_autofree char *message = helder_person_data_describe (body, found);

      g_set_error_literal (error, HELDER_SIGNAL_ERROR, HELDER_SIGNAL_ERROR_PERSON_DATA, message);
      return NULL;
    }

  signal = helder_record_new (HELDER_TYPE_SIGNAL);
  g_object_set (signal, "topic", topic_id, "channel", channel, "text", body, NULL);
  {
    g_autofree char *day = g_strndup (date, 10);

    g_object_set (signal, "date", day, NULL);
  }
  if (!helder_service_save (HELDER_SERVICE (self), signal, error))
    return NULL;
  return g_steal_pointer (&signal);
}
