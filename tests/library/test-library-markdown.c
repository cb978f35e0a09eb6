/* test-library-markdown.c: a toolkit's Markdown as the reading view's blocks and spans
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "library/helder-library-markdown.h"

static const HelderMarkdownBlock *
block (HelderMarkdownDocument *doc,
       guint                   index)
{
  g_assert_cmpuint (index, <, helder_markdown_document_get_n_blocks (doc));
  return helder_markdown_document_get_block (doc, index);
}

static const HelderMarkdownSpan *
span (const HelderMarkdownBlock *b,
      guint                      index)
{
  g_assert_cmpuint (index, <, b->spans->len);
  return b->spans->pdata[index];
}

/* The text at a span's offset is the span's text: search ranges over the
 * document's text land on spans. */
static void
assert_offsets (HelderMarkdownDocument *doc)
{
  const char *text = helder_markdown_document_get_text (doc);

  for (guint i = 0; i < helder_markdown_document_get_n_blocks (doc); i++)
    {
      const HelderMarkdownBlock *b = block (doc, i);
      const char *start = g_utf8_offset_to_pointer (text, b->offset);

      g_assert_cmpuint (b->offset + b->length, <=, g_utf8_strlen (text, -1));
      for (guint j = 0; j < b->spans->len; j++)
        {
          const HelderMarkdownSpan *s = b->spans->pdata[j];
          const char *at = g_utf8_offset_to_pointer (text, s->offset);

          g_assert_cmpuint (s->offset, >=, b->offset);
          g_assert_cmpint (strncmp (at, s->text, strlen (s->text)), ==, 0);
        }
      (void) start;
    }
}

static void
test_markdown_every_construct (void)
{
  static const char md[] =
    "# Inwonersbrief schrijven\n"
    "\n"
    "Schrijf *kort* en **duidelijk**, op taalniveau `B1`. Geen ~~ambtelijke~~ woorden.\n"
    "Zie [de schrijfwijzer](https://www.hillegom.nl/schrijfwijzer \"Schrijfwijzer\").\n"
    "\n"
    "## Stappen\n"
    "\n"
    "1. Begin met het belangrijkste.\n"
    "2. Gebruik tussenkopjes.\n"
    "   - Eén onderwerp per alinea\n"
    "   - Korte zinnen\n"
    "\n"
    "- [x] Datum genoemd\n"
    "- [ ] Contactpersoon genoemd\n"
    "\n"
    "> Een brief is pas goed als de lezer weet wat hij moet doen.\n"
    "\n"
    "| Kanaal | Bereik | Kosten |\n"
    "|:-------|:------:|-------:|\n"
    "| Post | hoog | € 0,90 |\n"
    "| Inbox | laag |\n"
    "\n"
    "```sh\n"
    "helder-check brief.txt\n"
    "```\n"
    "\n"
    "---\n"
    "\n"
    "![Schema van de stappen](schema.png)\n"
    "Regel één  \n"
    "regel twee, en www.hltsamen.nl vanzelf een link.\n";
  g_autoptr(HelderMarkdownDocument) doc = helder_markdown_parse (md, -1);
  const HelderMarkdownBlock *b;
  GPtrArray *row;

  b = block (doc, 0);
  g_assert_cmpint (b->kind, ==, HELDER_MARKDOWN_HEADING);
  g_assert_cmpuint (b->level, ==, 1);
  g_assert_cmpstr (span (b, 0)->text, ==, "Inwonersbrief schrijven");
  g_assert_cmpuint (b->line, ==, 1);

  b = block (doc, 1);
  g_assert_cmpint (b->kind, ==, HELDER_MARKDOWN_PARAGRAPH);
  g_assert_cmpuint (b->line, ==, 3);
  g_assert_cmpstr (span (b, 0)->text, ==, "Schrijf ");
  g_assert_cmpstr (span (b, 1)->text, ==, "kort");
  g_assert_cmpuint (span (b, 1)->style, ==, HELDER_MARKDOWN_EMPHASIS);
  g_assert_cmpstr (span (b, 3)->text, ==, "duidelijk");
  g_assert_cmpuint (span (b, 3)->style, ==, HELDER_MARKDOWN_STRONG);
  g_assert_cmpstr (span (b, 5)->text, ==, "B1");
  g_assert_cmpuint (span (b, 5)->style, ==, HELDER_MARKDOWN_CODE_SPAN);
  g_assert_cmpstr (span (b, 7)->text, ==, "ambtelijke");
  g_assert_cmpuint (span (b, 7)->style, ==, HELDER_MARKDOWN_STRIKETHROUGH);
  /* the soft break is a space, joined to the text around it */
  g_assert_cmpstr (span (b, 8)->text, ==, " woorden. Zie ");
  g_assert_cmpstr (span (b, 9)->text, ==, "de schrijfwijzer");
  g_assert_cmpuint (span (b, 9)->style, ==, HELDER_MARKDOWN_LINK);
  g_assert_cmpstr (span (b, 9)->url, ==, "https://www.hillegom.nl/schrijfwijzer");
  g_assert_cmpstr (span (b, 9)->title, ==, "Schrijfwijzer");

  b = block (doc, 2);
  g_assert_cmpuint (b->level, ==, 2);
  g_assert_cmpuint (g_ptr_array_find (helder_markdown_document_get_headings (doc), b, NULL), ==, TRUE);
  g_assert_cmpuint (helder_markdown_document_get_headings (doc)->len, ==, 2);

  /* Ordered list with a nested bullet list */
  b = block (doc, 3);
  g_assert_cmpstr (b->bullet, ==, "1.");
  g_assert_cmpuint (b->list_depth, ==, 1);
  g_assert_cmpstr (span (b, 0)->text, ==, "Begin met het belangrijkste.");
  g_assert_cmpstr (block (doc, 4)->bullet, ==, "2.");
  b = block (doc, 5);
  g_assert_cmpstr (b->bullet, ==, "–");
  g_assert_cmpuint (b->list_depth, ==, 2);
  g_assert_cmpstr (span (b, 0)->text, ==, "Eén onderwerp per alinea");
  g_assert_cmpuint (block (doc, 6)->list_depth, ==, 2);

  /* Tasks */
  g_assert_cmpstr (block (doc, 7)->bullet, ==, "☑");
  g_assert_cmpstr (span (block (doc, 7), 0)->text, ==, "Datum genoemd");
  g_assert_cmpstr (block (doc, 8)->bullet, ==, "☐");

  /* Quote */
  b = block (doc, 9);
  g_assert_cmpuint (b->quote_depth, ==, 1);
  g_assert_cmpuint (b->list_depth, ==, 0);
  g_assert_null (b->bullet);

  /* Table: alignment, header row, a short row filled up */
  b = block (doc, 10);
  g_assert_cmpint (b->kind, ==, HELDER_MARKDOWN_TABLE);
  g_assert_cmpuint (b->n_columns, ==, 3);
  g_assert_cmpint (b->align[0], ==, HELDER_MARKDOWN_ALIGN_LEFT);
  g_assert_cmpint (b->align[1], ==, HELDER_MARKDOWN_ALIGN_CENTER);
  g_assert_cmpint (b->align[2], ==, HELDER_MARKDOWN_ALIGN_RIGHT);
  g_assert_cmpuint (b->rows->len, ==, 3);
  row = b->rows->pdata[0];
  g_assert_cmpstr (((HelderMarkdownSpan *) ((GPtrArray *) row->pdata[0])->pdata[0])->text, ==, "Kanaal");
  row = b->rows->pdata[1];
  g_assert_cmpstr (((HelderMarkdownSpan *) ((GPtrArray *) row->pdata[2])->pdata[0])->text, ==, "€ 0,90");
  row = b->rows->pdata[2];
  g_assert_cmpuint (row->len, ==, 3);

  /* Code block */
  b = block (doc, 11);
  g_assert_cmpint (b->kind, ==, HELDER_MARKDOWN_CODE);
  g_assert_cmpstr (b->info, ==, "sh");
  g_assert_cmpstr (span (b, 0)->text, ==, "helder-check brief.txt");

  g_assert_cmpint (block (doc, 12)->kind, ==, HELDER_MARKDOWN_RULE);

  /* Image, hard break, autolink */
  b = block (doc, 13);
  g_assert_cmpuint (span (b, 0)->style, ==, HELDER_MARKDOWN_IMAGE);
  g_assert_cmpstr (span (b, 0)->url, ==, "schema.png");
  g_assert_cmpstr (span (b, 0)->text, ==, "Schema van de stappen");
  g_assert_cmpuint (helder_markdown_document_get_image_urls (doc)->len, ==, 1);
  for (guint i = 0; i < b->spans->len; i++)
    if (span (b, i)->style & HELDER_MARKDOWN_LINE_BREAK)
      g_assert_cmpstr (span (b, i)->text, ==, "\n");
  g_assert_cmpstr (span (b, b->spans->len - 2)->url, ==, "http://www.hltsamen.nl");
  g_assert_cmpuint (helder_markdown_document_get_n_blocks (doc), ==, 14);

  assert_offsets (doc);
  g_assert_nonnull (strstr (helder_markdown_document_get_text (doc), "Kanaal\tBereik\tKosten\nPost\thoog"));
}

static void
test_markdown_text (void)
{
  g_autofree char *text = helder_markdown_to_text ("# Kop\n\nTekst met *nadruk*.\n\n- een\n- twee\n", -1);

  g_assert_cmpstr (text, ==, "Kop\nTekst met nadruk.\neen\ntwee");
}

/* Broken, empty and hostile input gives blocks, never a crash. */
static void
test_markdown_hostile (void)
{
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autoptr(HelderMarkdownDocument) empty = helder_markdown_parse (NULL, 0);
  g_autoptr(HelderMarkdownDocument) bad = helder_markdown_parse ("caf\xe9 \xff\n", -1);
  g_autoptr(HelderMarkdownDocument) nested = NULL;
  g_autoptr(HelderMarkdownDocument) item = helder_markdown_parse ("-\n- twee\n", -1);

  g_assert_cmpuint (helder_markdown_document_get_n_blocks (empty), ==, 0);
  g_assert_cmpstr (helder_markdown_document_get_text (empty), ==, "");
  g_assert_true (g_utf8_validate (helder_markdown_document_get_text (bad), -1, NULL));

  for (guint i = 0; i < 5000; i++)
    g_string_append (deep, "> ");
  g_string_append (deep, "diep\n");
  for (guint i = 0; i < 3000; i++)
    g_string_append (deep, "*");
  g_string_append (deep, "x");
  nested = helder_markdown_parse (deep->str, deep->len);
  g_assert_cmpuint (helder_markdown_document_get_n_blocks (nested), >=, 1);
  assert_offsets (nested);

  /* an empty item still has its marker */
  g_assert_cmpuint (helder_markdown_document_get_n_blocks (item), ==, 2);
  g_assert_cmpstr (block (item, 0)->bullet, ==, "•");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/library/markdown/every-construct", test_markdown_every_construct);
  g_test_add_func ("/library/markdown/text", test_markdown_text);
  g_test_add_func ("/library/markdown/hostile", test_markdown_hostile);
  return g_test_run ();
}
