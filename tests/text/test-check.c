/* test-check.c: helder-check's output and exit status
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <glib/gstdio.h>
#include <string.h>

static const char *helder_check;

typedef struct
{
  int    status;
  char  *out;
  char  *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run (Run               *result,
     const char        *input,
     gssize             input_length,
     const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) in = NULL, out = NULL, err = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (gpointer) helder_check);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                               G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  in = g_bytes_new (input ? input : "", input == NULL ? 0 : input_length < 0 ? strlen (input) : (gsize) input_length);
  g_subprocess_communicate (process, in, NULL, &out, &err, &error);
  g_assert_no_error (error);

  result->status = g_subprocess_get_exit_status (process);
  result->out = g_strndup (g_bytes_get_size (out) ? g_bytes_get_data (out, NULL) : "", g_bytes_get_size (out));
  result->err = g_strndup (g_bytes_get_size (err) ? g_bytes_get_data (err, NULL) : "", g_bytes_get_size (err));
}

static const char *hard_text =
  "Naar aanleiding van uw schrijven aangaande de vigerende parkeerregulering delen wij u mede "
  "dat het college van burgemeester en wethouders teneinde de verkeersveiligheid te bevorderen "
  "heeft besloten om middels een verkeersbesluit de parkeerduur te limiteren, hetgeen derhalve "
  "impliceert dat belanghebbenden thans geen ontheffing meer kunnen verkrijgen.";

static const char *easy_text =
  "Wij gaan de straat opnieuw maken. Dat doen we in maart. "
  "U kunt dan niet met de auto voor uw huis staan. Heeft u vragen? Bel ons.";

static void
test_json (void)
{
  g_auto(Run) r = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  const char *args[] = { "--format=json", "--tokens", NULL };
  const char *text = "Café de Zon wordt gesloten teneinde de rust te bewaren.";
  JsonObject *root, *scores, *finding = NULL;
  JsonArray *findings, *tokens;

  run (&r, text, -1, args);
  g_assert_cmpint (r.status, ==, 0);
  json_parser_load_from_data (parser, r.out, -1, &error);
  g_assert_no_error (error);

  root = json_node_get_object (json_parser_get_root (parser));
  scores = json_object_get_object_member (root, "scores");
  g_assert_cmpint (json_object_get_int_member (scores, "words"), ==, 10);
  g_assert_cmpint (json_object_get_int_member (scores, "sentences"), ==, 1);
  g_assert_true (json_object_has_member (scores, "flesch_douma"));
  g_assert_true (json_object_has_member (scores, "brouwer"));
  g_assert_true (json_object_has_member (scores, "syllables"));
  g_assert_cmpint (json_object_get_int_member (scores, "level"), >=, 1);
  g_assert_cmpstr (json_object_get_string_member (root, "file"), ==, "-");

  findings = json_object_get_array_member (root, "findings");
  for (guint i = 0; i < json_array_get_length (findings); i++)
    {
      JsonObject *f = json_array_get_object_element (findings, i);

      if (g_str_equal (json_object_get_string_member (f, "category"), "jargon"))
        finding = f;
    }
  g_assert_nonnull (finding);
  /* Characters, not bytes: "Café" has a two-byte é before it. */
  g_assert_cmpint (json_object_get_int_member (finding, "start"), ==, 27);
  g_assert_cmpint (json_object_get_int_member (finding, "end"), ==, 35);
  g_assert_cmpstr (json_object_get_string_member (finding, "text"), ==, "teneinde");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (finding, "suggestions")), >=, 1);
  g_assert_true (strlen (json_object_get_string_member (finding, "explanation")) > 10);

  tokens = json_object_get_array_member (root, "tokens");
  g_assert_cmpuint (json_array_get_length (tokens), ==, 10);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (tokens, 0), "text"), ==, "Café");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (tokens, 0), "syllables"), ==, 2);
}

static void
test_max_level (void)
{
  g_auto(Run) hard = { 0 };
  g_auto(Run) easy = { 0 };
  g_auto(Run) lenient = { 0 };
  const char *strict[] = { "--max-level", "2", NULL };
  const char *four[] = { "--max-level=4", NULL };

  run (&hard, hard_text, -1, strict);
  g_assert_cmpint (hard.status, ==, 1);
  run (&easy, easy_text, -1, strict);
  g_assert_cmpint (easy.status, ==, 0);
  run (&lenient, hard_text, -1, four);
  g_assert_cmpint (lenient.status, ==, 0);
}

static void
test_text_output (void)
{
  g_auto(Run) r = { 0 };
  const char *args[] = { "-", NULL };

  run (&r, hard_text, -1, args);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "Flesch-Douma"));
  g_assert_nonnull (strstr (r.out, "jargon"));
  g_assert_nonnull (strstr (r.out, "long-sentence"));
}

static void
test_errors (void)
{
  g_auto(Run) utf8 = { 0 };
  g_auto(Run) option = { 0 };
  g_auto(Run) missing = { 0 };
  g_auto(Run) level = { 0 };
  g_auto(Run) check = { 0 };
  g_auto(Run) nul = { 0 };
  const char *none[] = { NULL };
  const char *bad_option[] = { "--kleur", NULL };
  const char *no_file[] = { "/nonexistent/brief.txt", NULL };
  const char *bad_level[] = { "--max-level=9", NULL };
  const char *bad_check[] = { "--disable=grammatica", NULL };

  run (&utf8, "Goede\xff\xfe tekst", -1, none);
  g_assert_cmpint (utf8.status, ==, 2);
  g_assert_nonnull (strstr (utf8.err, "UTF-8"));
  g_assert_cmpstr (utf8.out, ==, "");

  run (&option, "", -1, bad_option);
  g_assert_cmpint (option.status, ==, 2);
  run (&missing, NULL, 0, no_file);
  g_assert_cmpint (missing.status, ==, 2);
  g_assert_nonnull (strstr (missing.err, "brief.txt"));
  run (&level, "", -1, bad_level);
  g_assert_cmpint (level.status, ==, 2);
  run (&check, "", -1, bad_check);
  g_assert_cmpint (check.status, ==, 2);
  run (&nul, "tekst\0binair", 12, none);
  g_assert_cmpint (nul.status, ==, 2);
}

/* Empty standard input is an empty text in every form (it crashed). */
static void
test_empty_input (void)
{
  static const char *inputs[] = { "", " \n\t\r\n  ", "\xef\xbb\xbf", "\r\n\r\n" };
  const char *text_args[] = { NULL };
  const char *dash_args[] = { "-", NULL };
  const char *json_args[] = { "--format=json", NULL };
  const char *tokens_args[] = { "--format=json", "--tokens", "-", NULL };
  const char *text_tokens_args[] = { "--tokens", NULL };
  const char * const *forms[] = { text_args, dash_args, json_args, tokens_args, text_tokens_args };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    for (guint k = 0; k < G_N_ELEMENTS (forms); k++)
      {
        g_auto(Run) r = { 0 };

        run (&r, inputs[i], -1, forms[k]);
        g_assert_cmpint (r.status, ==, 0);
        g_assert_cmpstr (r.err, ==, "");
        if (g_strv_contains (forms[k], "--format=json"))
          {
            g_autoptr(JsonParser) parser = json_parser_new ();
            g_autoptr(GError) error = NULL;
            JsonObject *root, *scores;

            json_parser_load_from_data (parser, r.out, -1, &error);
            g_assert_no_error (error);
            root = json_node_get_object (json_parser_get_root (parser));
            scores = json_object_get_object_member (root, "scores");
            g_assert_cmpint (json_object_get_int_member (scores, "words"), ==, 0);
            g_assert_cmpint (json_object_get_int_member (scores, "level"), ==, 0);
            g_assert_true (json_object_get_null_member (scores, "flesch_douma_band"));
            g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "findings")), ==, 0);
          }
        else
          g_assert_true (r.out[0] != '\0' && strstr (r.out, "Flesch") == NULL);
      }
}

static void
test_help (void)
{
  g_auto(Run) r = { 0 };
  const char *args[] = { "--help", NULL };
  static const char *fields[] = { "flesch_douma", "brouwer", "level", "words", "sentences",
                                  "syllables", "findings", "category", "suggestions", "tokens",
                                  "Exit status" };

  run (&r, NULL, 0, args);
  g_assert_cmpint (r.status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_assert_nonnull (strstr (r.out, fields[i]));
}

static void
test_disable_and_files (void)
{
  g_auto(Run) r = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *dir = g_dir_make_tmp ("helder-check-XXXXXX", NULL);
  g_autofree char *a = g_build_filename (dir, "a.txt", NULL);
  g_autofree char *b = g_build_filename (dir, "b.txt", NULL);
  const char *args[] = { "--format=json", "--disable=jargon,long-sentence", a, b, NULL };
  JsonArray *results;

  g_file_set_contents (a, hard_text, -1, NULL);
  g_file_set_contents (b, easy_text, -1, NULL);
  run (&r, NULL, 0, args);
  g_assert_cmpint (r.status, ==, 0);
  json_parser_load_from_data (parser, r.out, -1, NULL);
  results = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (results), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (results, 1), "file"), ==, b);
  g_assert_null (strstr (r.out, "\"jargon\""));
  g_assert_null (strstr (r.out, "\"long-sentence\""));

  g_remove (a);
  g_remove (b);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  helder_check = g_getenv ("HELDER_CHECK");
  g_assert_nonnull (helder_check);

  g_test_add_func ("/check/json", test_json);
  g_test_add_func ("/check/max-level", test_max_level);
  g_test_add_func ("/check/text", test_text_output);
  g_test_add_func ("/check/errors", test_errors);
  g_test_add_func ("/check/empty-input", test_empty_input);
  g_test_add_func ("/check/help", test_help);
  g_test_add_func ("/check/disable-and-files", test_disable_and_files);

  return g_test_run ();
}
