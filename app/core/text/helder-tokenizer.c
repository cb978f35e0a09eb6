/* helder-tokenizer.c: paragraphs, sentences and words of Dutch text
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-tokenizer"

#include "config.h"

#include <string.h>

#include "helder-tokenizer.h"

/* The tokenizer works on one paragraph at a time and gives offsets from
 * the paragraph's start, so that the analyser can cache a paragraph's
 * results and shift them when text before it changes.
 *
 * A paragraph ends at a blank line, and at a line break that ends a
 * sentence: after end punctuation, after a heading or list item, or before
 * a line that starts with a capital or a list marker.  A line break in the
 * middle of a sentence (hard-wrapped text) joins the lines.  The input must
 * be valid UTF-8; the analyser checks that first. */

/* Abbreviations that end with a period but do not end a sentence. */
static const char *abbreviations[] = {
  "a.s", "afd", "al", "alg", "art", "bijv", "bijvoorbeeld", "blz", "bv", "ca", "cf",
  "d.d", "d.m.v", "d.w.z", "dhr", "dr", "drs", "e.a", "e.d", "e.e.a", "e.v", "enz",
  "etc", "evt", "excl", "fa", "fig", "gem", "geb", "i.c", "i.h.a", "i.o.m", "i.p.v",
  "i.s.m", "i.v.m", "i.z", "ing", "ir", "incl", "jl", "jr", "m.a.w", "m.b.t", "m.i",
  "m.u.v", "max", "min", "mevr", "mln", "mr", "mrd", "mw", "n.a.v", "n.v.t", "nl",
  "nr", "o.a", "o.b.v", "o.i.d", "o.l.v", "p.p", "pag", "prof", "resp", "s.v.p",
  "sr", "st", "t.a.v", "t.b.v", "t.o.v", "t.z.t", "tel", "v.a", "v.d", "vgl", "vnl",
  "vs", "w.o", "z.g", "z.o.z", "z.s.m", "zgn", "c.q", "a.u.b",
};

/* Abbreviations that can also close a sentence ("..., enz. Daarna"). */
static const char *closing_abbreviations[] = { "enz", "etc", "e.d", "e.a", "e.v", "o.i.d" };

gboolean
helder_is_abbreviation (const char *word,
                        gsize       length)
{
  char lower[16];

  if (length == 0 || length >= sizeof lower)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    lower[i] = g_ascii_tolower (word[i]);
  lower[length] = '\0';
  if (length > 0 && lower[length - 1] == '.')
    lower[length - 1] = '\0';

  for (guint i = 0; i < G_N_ELEMENTS (abbreviations); i++)
    if (g_str_equal (abbreviations[i], lower))
      return TRUE;
  return FALSE;
}

static gboolean
is_closing_abbreviation (const char *word,
                         gsize       length)
{
  g_autofree char *lower = g_ascii_strdown (word, length);

  if (g_str_has_suffix (lower, "."))
    lower[strlen (lower) - 1] = '\0';
  for (guint i = 0; i < G_N_ELEMENTS (closing_abbreviations); i++)
    if (g_str_equal (closing_abbreviations[i], lower))
      return TRUE;
  return FALSE;
}

static inline gunichar
char_at (const char *p,
         const char *end)
{
  return p < end ? g_utf8_get_char (p) : 0;
}

static inline const char *
next_char (const char *p)
{
  return g_utf8_next_char (p);
}

static inline gboolean
is_letter (gunichar c)
{
  return g_unichar_isalpha (c) || g_unichar_ismark (c);
}

static inline gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019 /* ’ */;
}

static inline gboolean
is_hyphen (gunichar c)
{
  return c == '-' || c == 0x2010;
}

static inline gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x00A0;
}

/* A list marker at @p: "- ", "* ", "• ", "– ", "1. ", "12) ", "a) ". */
static gboolean
starts_with_list_marker (const char *p,
                         const char *end)
{
  gunichar c = char_at (p, end);
  const char *q;

  if (c == '-' || c == '*' || c == 0x2022 || c == 0x2013 || c == 0x2014)
    return is_space (char_at (next_char (p), end));

  q = p;
  if (g_unichar_isdigit (c))
    {
      while (q < end && g_ascii_isdigit (*q))
        q++;
      if (q - p > 3)
        return FALSE;
    }
  else if (g_unichar_isalpha (c) && (q = next_char (p)) < end && *q == ')')
    ;
  else
    return FALSE;

  if (q < end && (*q == '.' || *q == ')'))
    return is_space (char_at (q + 1, end)) || q + 1 == end;
  return FALSE;
}

static gboolean
starts_with_heading_marker (const char *p,
                            const char *end)
{
  return p < end && *p == '#';
}

/* Whether a line (without its newline) ends a sentence by its own end:
 * the last visible character is end punctuation, possibly inside closing
 * quotes or brackets. */
static gboolean
line_has_end_punctuation (const char *line,
                          const char *line_end)
{
  const char *p = line_end;

  while (p > line)
    {
      const char *prev = g_utf8_prev_char (p);
      gunichar c = g_utf8_get_char (prev);

      if (is_space (c) || c == '"' || c == ')' || c == ']' || is_apostrophe (c) ||
          c == 0x201D || c == 0x00BB || c == '*')
        {
          p = prev;
          continue;
        }
      return c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == 0x2026;
    }
  return FALSE;
}

/* Characters in @n bytes of valid UTF-8: every byte but continuation
 * bytes starts one.  A plain loop the compiler vectorises; paragraph
 * splitting runs over the whole text on every keystroke. */
static guint32
count_chars (const char *p,
             gsize       n)
{
  guint32 chars = 0;

  for (gsize i = 0; i < n; i++)
    chars += ((guint8) p[i] & 0xC0) != 0x80;
  return chars;
}

static const char *
skip_spaces (const char *p,
             const char *end)
{
  while (p < end && *p != '\n' && is_space (g_utf8_get_char (p)))
    p = next_char (p);
  return p;
}

static gboolean
line_is_blank (const char *line,
               const char *line_end)
{
  return skip_spaces (line, line_end) >= line_end;
}

/**
 * helder_split_paragraphs:
 *
 * Returns: (element-type HelderSpan): the paragraphs of @text, without
 *   blank lines and surrounding white space.
 */
GArray *
helder_split_paragraphs (const char *text,
                         gsize       length)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (HelderSpan));
  const char *end = text + length;
  const char *p = text;
  const char *para_start = NULL;
  guint32 chars = 0, para_chars = 0;
  const char *last_content_end = NULL;
  guint32 last_content_chars = 0;

  while (p < end)
    {
      const char *line = p;
      guint32 line_chars = chars;
      const char *line_end = memchr (p, '\n', end - p);
      const char *content, *content_end;
      guint32 content_chars;
      gboolean ends_sentence, next_starts_new = TRUE;

      if (line_end == NULL)
        line_end = end;

      /* Count the characters of the line as we pass it. */
      chars += count_chars (line, line_end - line);
      p = line_end < end ? line_end + 1 : end;
      if (line_end < end)
        chars++;

      if (line_is_blank (line, line_end))
        {
          if (para_start != NULL)
            {
              HelderSpan span = { para_start - text, last_content_end - text, para_chars, last_content_chars };
              g_array_append_val (spans, span);
              para_start = NULL;
            }
          continue;
        }

      content = skip_spaces (line, line_end);
      content_chars = line_chars + count_chars (line, content - line);
      content_end = line_end;
      while (content_end > content && is_space (g_utf8_get_char (g_utf8_prev_char (content_end))))
        content_end = g_utf8_prev_char (content_end);

      if (para_start == NULL)
        {
          para_start = content;
          para_chars = content_chars;
        }
      last_content_end = content_end;
      /* The line's characters less the white space around its content. */
      last_content_chars = chars - (line_end < end ? 1 : 0) - count_chars (content_end, line_end - content_end);

      /* Does the paragraph end with this line? */
      ends_sentence = line_has_end_punctuation (content, content_end) ||
                      starts_with_list_marker (content, content_end) ||
                      starts_with_heading_marker (content, content_end);
      if (!ends_sentence && p < end)
        {
          const char *next_end = memchr (p, '\n', end - p);
          const char *next;

          if (next_end == NULL)
            next_end = end;
          next = skip_spaces (p, next_end);
          if (next < next_end)
            {
              gunichar c = g_utf8_get_char (next);
              /* Hard-wrapped text goes on in lower case. */
              next_starts_new = !(g_unichar_islower (c) || g_unichar_isdigit (c)) ||
                                starts_with_list_marker (next, next_end);
            }
        }

      if (ends_sentence || next_starts_new)
        {
          HelderSpan span = { para_start - text, last_content_end - text, para_chars, last_content_chars };
          g_array_append_val (spans, span);
          para_start = NULL;
        }
    }

  if (para_start != NULL)
    {
      HelderSpan span = { para_start - text, last_content_end - text, para_chars, last_content_chars };
      g_array_append_val (spans, span);
    }

  return spans;
}

/* Scanning one paragraph */

typedef struct
{
  const char *text;
  const char *end;
  const char *p;
  guint32     chars;     /* character offset of p */
  GArray     *tokens;
} Scanner;

static void
advance (Scanner *s)
{
  s->p = next_char (s->p);
  s->chars++;
}

static void
emit (Scanner    *s,
      const char *start,
      guint32     start_chars,
      int         kind)
{
  HelderToken token = { 0 };

  token.byte_start = start - s->text;
  token.byte_end = s->p - s->text;
  token.start = start_chars;
  token.end = s->chars;
  token.kind = kind;

  if (kind == HELDER_TOKEN_WORD || kind == HELDER_TOKEN_ABBREVIATION)
    {
      gboolean all_caps = TRUE;
      guint n_letters = 0;

      for (const char *q = start; q < s->p; q = next_char (q))
        {
          gunichar c = g_utf8_get_char (q);

          if (!g_unichar_isalpha (c))
            continue;
          if (n_letters == 0 && g_unichar_isupper (c))
            token.flags |= HELDER_TOKEN_CAPITALIZED;
          if (!g_unichar_isupper (c))
            all_caps = FALSE;
          n_letters++;
        }
      if (all_caps && n_letters >= 2)
        token.flags |= HELDER_TOKEN_ALL_CAPS;
    }

  g_array_append_val (s->tokens, token);
}

static gboolean
has_prefix_ci (const char *p,
               const char *end,
               const char *prefix)
{
  gsize n = strlen (prefix);

  return (gsize) (end - p) >= n && g_ascii_strncasecmp (p, prefix, n) == 0;
}

static gboolean
is_url_or_email_char (gunichar c)
{
  return !is_space (c) && c != '<' && c != '>' && c != '"' && c != 0x201C && c != 0x201D;
}

/* Extends a URL or e-mail address to the next space, then gives back the
 * punctuation that closes the sentence around it. */
static void
scan_to_space (Scanner *s)
{
  const char *last_good = s->p;
  guint32 last_good_chars = s->chars;

  while (s->p < s->end && is_url_or_email_char (g_utf8_get_char (s->p)))
    {
      gunichar c = g_utf8_get_char (s->p);

      advance (s);
      if (!(c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' ||
            c == ')' || is_apostrophe (c)))
        {
          last_good = s->p;
          last_good_chars = s->chars;
        }
    }
  s->p = last_good;
  s->chars = last_good_chars;
}

static const char *tlds[] = { "nl", "com", "org", "net", "eu", "be", "info", "gov", "nu", "io", "edu" };

/* A bare domain such as hillegom.nl or www-less overheid.nl/loket. */
static gboolean
looks_like_domain (const char *p,
                   const char *end)
{
  const char *q = p;
  const char *dot = NULL;

  while (q < end && (g_ascii_isalnum (*q) || *q == '-' || *q == '.'))
    q++;
  /* A period after the domain ends the sentence. */
  while (q > p && q[-1] == '.')
    q--;
  for (const char *r = p; r < q; r++)
    if (*r == '.')
      dot = r;
  if (dot == NULL || dot == p || dot + 1 >= q)
    return FALSE;
  /* The part after the last dot must be a known top-level domain. */
  for (guint i = 0; i < G_N_ELEMENTS (tlds); i++)
    if ((gsize) (q - dot - 1) == strlen (tlds[i]) && g_ascii_strncasecmp (dot + 1, tlds[i], q - dot - 1) == 0)
      return q >= end || !g_ascii_isalpha (*q);
  return FALSE;
}

static gboolean
looks_like_email (const char *p,
                  const char *end)
{
  const char *q = p;

  while (q < end && (g_ascii_isalnum (*q) || *q == '.' || *q == '_' || *q == '-' || *q == '+'))
    q++;
  return q > p && q < end && *q == '@' && q + 1 < end && g_ascii_isalnum (q[1]);
}

/* Digits with inner separators: 10.000  3,5  28-11-2026  14:30  1e */
static void
scan_number_or_code (Scanner *s)
{
  const char *start = s->p;
  guint32 start_chars = s->chars;
  gboolean letters = FALSE, digits = FALSE;

  while (s->p < s->end)
    {
      gunichar c = g_utf8_get_char (s->p);

      if (g_unichar_isdigit (c))
        digits = TRUE;
      else if (g_unichar_isalpha (c))
        letters = TRUE;
      else if ((c == '.' || c == ',' || c == ':' || c == '/' || is_hyphen (c)) &&
               s->p + 1 < s->end && g_ascii_isalnum (s->p[1]))
        ;
      else
        break;
      advance (s);
    }

  /* "1e", "2de", "21ste": ordinal numbers, not codes. */
  if (letters && digits)
    {
      const char *q = start;

      while (q < s->p && (g_ascii_isdigit (*q)))
        q++;
      if (q > start && (s->p - q <= 3) &&
          (strncmp (q, "e", s->p - q) == 0 || strncmp (q, "de", s->p - q) == 0 ||
           strncmp (q, "ste", s->p - q) == 0))
        letters = FALSE;
    }

  emit (s, start, start_chars, letters && digits ? HELDER_TOKEN_CODE :
                               digits ? HELDER_TOKEN_NUMBER : HELDER_TOKEN_WORD);
}

/* A word: letters with inner apostrophes (foto's, m'n) and hyphens
 * (communicatie-instructies); d.w.z.-style abbreviations; initials. */
static void
scan_word_from (Scanner    *s,
                const char *start,
                guint32     start_chars)
{
  gboolean hyphenated = FALSE, has_digit = FALSE;
  guint n_parts = 1;

  while (s->p < s->end)
    {
      gunichar c = g_utf8_get_char (s->p);
      const char *after = next_char (s->p);
      gunichar n = char_at (after, s->end);

      if (is_letter (c))
        advance (s);
      else if (g_unichar_isdigit (c))
        {
          has_digit = TRUE;
          advance (s);
        }
      else if ((is_apostrophe (c) || is_hyphen (c)) && (is_letter (n) || (is_hyphen (c) && g_unichar_isdigit (n))))
        {
          hyphenated |= is_hyphen (c);
          advance (s);
        }
      else if (c == '.' && is_letter (n) && s->p - start <= 3)
        {
          /* d.w.z., o.a., t.a.v.: short parts joined by periods */
          const char *q = after;
          guint len = 0;

          while (q < s->end && is_letter (g_utf8_get_char (q)) && len < 4)
            {
              q = next_char (q);
              len++;
            }
          if (q < s->end && *q == '.' && len <= 3)
            {
              advance (s);
              n_parts++;
            }
          else
            break;
        }
      else
        break;
    }

  if (has_digit)
    {
      HelderToken *last;

      emit (s, start, start_chars, HELDER_TOKEN_CODE);
      last = &g_array_index (s->tokens, HelderToken, s->tokens->len - 1);
      last->flags &= ~HELDER_TOKEN_ALL_CAPS;
      return;
    }

  /* A period right after the word belongs to it if the whole is an
   * abbreviation or an initial. */
  if (s->p < s->end && *s->p == '.')
    {
      gsize word_len = s->p - start;
      gunichar first = g_utf8_get_char (start);
      gboolean initial = g_utf8_strlen (start, word_len) == 1 && g_unichar_isupper (first);

      if (n_parts > 1 || initial || helder_is_abbreviation (start, word_len))
        {
          advance (s);
          emit (s, start, start_chars, HELDER_TOKEN_ABBREVIATION);
          return;
        }
    }

  emit (s, start, start_chars, HELDER_TOKEN_WORD);
  if (hyphenated)
    g_array_index (s->tokens, HelderToken, s->tokens->len - 1).flags |= HELDER_TOKEN_HYPHENATED;
  /* VNG, OZB: capitals only, treated as abbreviations. */
  if (g_array_index (s->tokens, HelderToken, s->tokens->len - 1).flags & HELDER_TOKEN_ALL_CAPS)
    g_array_index (s->tokens, HelderToken, s->tokens->len - 1).kind = HELDER_TOKEN_ABBREVIATION;
}

static void
scan_tokens (Scanner *s)
{
  while (s->p < s->end)
    {
      gunichar c = g_utf8_get_char (s->p);
      const char *start = s->p;
      guint32 start_chars = s->chars;

      if (is_space (c))
        {
          advance (s);
          continue;
        }

      if (has_prefix_ci (s->p, s->end, "http://") || has_prefix_ci (s->p, s->end, "https://") ||
          has_prefix_ci (s->p, s->end, "www."))
        {
          scan_to_space (s);
          emit (s, start, start_chars, HELDER_TOKEN_URL);
        }
      else if (g_ascii_isalnum (c) && looks_like_email (s->p, s->end))
        {
          scan_to_space (s);
          emit (s, start, start_chars, HELDER_TOKEN_EMAIL);
        }
      else if (g_ascii_isalnum (c) && looks_like_domain (s->p, s->end))
        {
          scan_to_space (s);
          emit (s, start, start_chars, HELDER_TOKEN_URL);
        }
      else if (g_unichar_isdigit (c))
        scan_number_or_code (s);
      else if (is_letter (c))
        scan_word_from (s, start, start_chars);
      else if (is_apostrophe (c) && next_char (s->p) < s->end &&
               (*next_char (s->p) == 's' || *next_char (s->p) == 't') &&
               !is_letter (char_at (next_char (s->p) + 1, s->end)))
        {
          /* 's and 't: 's-Gravenhage (one word), 's ochtends, 't is */
          advance (s);
          advance (s);
          if (s->p + 1 < s->end && is_hyphen (g_utf8_get_char (s->p)) &&
              is_letter (char_at (next_char (s->p), s->end)))
            scan_word_from (s, start, start_chars);
          else
            emit (s, start, start_chars, HELDER_TOKEN_WORD);
        }
      else if (c == '.' && s->p + 2 < s->end && s->p[1] == '.' && s->p[2] == '.')
        {
          advance (s);
          advance (s);
          advance (s);
          emit (s, start, start_chars, HELDER_TOKEN_PUNCTUATION);
        }
      else
        {
          advance (s);
          emit (s, start, start_chars, HELDER_TOKEN_PUNCTUATION);
        }
    }
}

static gboolean
token_is (const char        *text,
          const HelderToken *token,
          gunichar           c)
{
  return token->kind == HELDER_TOKEN_PUNCTUATION &&
         g_utf8_get_char (text + token->byte_start) == c;
}

static gboolean
is_sentence_end (const char        *text,
                 const HelderToken *token)
{
  if (token->kind == HELDER_TOKEN_PUNCTUATION)
    {
      gunichar c = g_utf8_get_char (text + token->byte_start);

      return c == '.' || c == '!' || c == '?' || c == 0x2026 ||
             (token->byte_end - token->byte_start == 3 && text[token->byte_start] == '.');
    }
  return FALSE;
}

static gboolean
is_closing_mark (const char        *text,
                 const HelderToken *token)
{
  gunichar c;

  if (token->kind != HELDER_TOKEN_PUNCTUATION)
    return FALSE;
  c = g_utf8_get_char (text + token->byte_start);
  return c == '"' || c == ')' || c == ']' || is_apostrophe (c) || c == 0x201D || c == 0x00BB;
}

/* Could @token start a new sentence? */
static gboolean
can_start_sentence (const char        *text,
                    const HelderToken *token)
{
  gunichar c = g_utf8_get_char (text + token->byte_start);

  if (token->kind == HELDER_TOKEN_PUNCTUATION)
    return c == '"' || c == '(' || c == '[' || c == 0x2018 || c == 0x201C || c == '-' ||
           c == 0x2022 || c == 0x2013 || c == '\'';
  return !g_unichar_islower (c) || token->kind == HELDER_TOKEN_URL;
}

static void
add_sentence (GArray      *sentences,
              const char  *text,
              GArray      *tokens,
              guint        first,
              guint        last)
{
  HelderSentence sentence = { 0 };
  HelderToken *a = &g_array_index (tokens, HelderToken, first);
  HelderToken *b = &g_array_index (tokens, HelderToken, last);

  sentence.start = a->start;
  sentence.end = b->end;
  sentence.first_token = first;
  sentence.n_tokens = last - first + 1;

  if (starts_with_list_marker (text + a->byte_start, text + b->byte_end))
    sentence.flags |= HELDER_SENTENCE_LIST_ITEM;
  else if (text[a->byte_start] == '#' ||
           !(is_sentence_end (text, b) || is_closing_mark (text, b) ||
             (b->kind == HELDER_TOKEN_ABBREVIATION &&
              is_closing_abbreviation (text + b->byte_start, b->byte_end - b->byte_start))))
    sentence.flags |= HELDER_SENTENCE_HEADING;

  for (guint i = first; i <= last; i++)
    {
      HelderToken *t = &g_array_index (tokens, HelderToken, i);

      if (t->kind != HELDER_TOKEN_PUNCTUATION)
        {
          t->flags |= HELDER_TOKEN_SENTENCE_START;
          break;
        }
    }

  g_array_append_val (sentences, sentence);
}

/**
 * helder_tokenize:
 * @text: one paragraph (see helder_split_paragraphs()), valid UTF-8
 * @tokens: (element-type HelderToken): appended to
 * @sentences: (element-type HelderSentence): appended to
 *
 * Offsets count from @text.  Line breaks inside a paragraph end a
 * sentence when the line has no end punctuation and the next starts anew.
 */
void
helder_tokenize (const char *text,
                 gsize       length,
                 GArray     *tokens,
                 GArray     *sentences)
{
  Scanner s = { text, text + length, text, 0, tokens };
  guint first_token = tokens->len;
  guint sentence_start;

  g_return_if_fail (text != NULL || length == 0);

  scan_tokens (&s);
  if (tokens->len == first_token)
    return;

  sentence_start = first_token;
  for (guint i = first_token; i < tokens->len; i++)
    {
      HelderToken *t = &g_array_index (tokens, HelderToken, i);
      HelderToken *next = i + 1 < tokens->len ? &g_array_index (tokens, HelderToken, i + 1) : NULL;
      gboolean ends = FALSE;
      guint last = i;

      if (next == NULL)
        ends = TRUE;
      else if (i == sentence_start + 1 && sentence_start == first_token && token_is (text, t, '.') &&
               g_array_index (tokens, HelderToken, sentence_start).kind == HELDER_TOKEN_NUMBER &&
               starts_with_list_marker (text, text + length))
        ends = FALSE;  /* "1. " of a numbered list item */
      else if (is_sentence_end (text, t) ||
               (t->kind == HELDER_TOKEN_ABBREVIATION &&
                is_closing_abbreviation (text + t->byte_start, t->byte_end - t->byte_start)))
        {
          /* Closing quotes and brackets right after the end stay with the
           * sentence they end. */
          while (last + 1 < tokens->len &&
                 is_closing_mark (text, &g_array_index (tokens, HelderToken, last + 1)) &&
                 g_array_index (tokens, HelderToken, last + 1).byte_start ==
                 g_array_index (tokens, HelderToken, last).byte_end)
            last++;
          next = last + 1 < tokens->len ? &g_array_index (tokens, HelderToken, last + 1) : NULL;
          ends = next == NULL || (next->byte_start > g_array_index (tokens, HelderToken, last).byte_end &&
                                  can_start_sentence (text, next));
        }
      else if (memchr (text + t->byte_end, '\n', next->byte_start - t->byte_end) != NULL &&
               !token_is (text, t, ',') && can_start_sentence (text, next))
        ends = TRUE;   /* a line of its own: heading, salutation, list item */

      if (ends)
        {
          add_sentence (sentences, text, tokens, sentence_start, last);
          sentence_start = last + 1;
          i = last;
        }
    }
}

/**
 * helder_foreach_sentence:
 *
 * Tokenizes @text paragraph by paragraph and hands each sentence to
 * @func, with the lower-case form of every word: for the checks' tests
 * and other callers that need no caching.
 */
void
helder_foreach_sentence (const char         *text,
                         gsize               length,
                         HelderSentenceFunc  func,
                         gpointer            user_data)
{
  g_autoptr(GArray) paragraphs = NULL;

  g_return_if_fail (text != NULL || length == 0);
  g_return_if_fail (func != NULL);

  paragraphs = helder_split_paragraphs (text, length);
  for (guint p = 0; p < paragraphs->len; p++)
    {
      const HelderSpan *span = &g_array_index (paragraphs, HelderSpan, p);
      const char *para = text + span->byte_start;
      g_autoptr(GArray) tokens = g_array_new (FALSE, FALSE, sizeof (HelderToken));
      g_autoptr(GArray) sentences = g_array_new (FALSE, FALSE, sizeof (HelderSentence));
      g_autoptr(GPtrArray) lower = g_ptr_array_new_with_free_func (g_free);

      helder_tokenize (para, span->byte_end - span->byte_start, tokens, sentences);
      for (guint i = 0; i < tokens->len; i++)
        {
          const HelderToken *t = &g_array_index (tokens, HelderToken, i);

          g_ptr_array_add (lower, t->kind == HELDER_TOKEN_PUNCTUATION ? NULL :
                           g_utf8_strdown (para + t->byte_start, t->byte_end - t->byte_start));
        }

      for (guint s = 0; s < sentences->len; s++)
        {
          const HelderSentence *sentence = &g_array_index (sentences, HelderSentence, s);
          HelderSentenceView view = { para, (const HelderToken *) (gpointer) tokens->data,
                                      (char * const *) lower->pdata,
                                      sentence->first_token, sentence->n_tokens };

          func (&view, user_data);
        }
    }
}
