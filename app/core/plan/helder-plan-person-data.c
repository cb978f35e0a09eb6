/* helder-plan-person-data.c: what in a signal's text looks like a person's data
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-plan-person-data"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "helder-plan-person-data.h"

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

