/* helder-library-import.c: a folder of Markdown files with YAML front matter as documents
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-library"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>
#include <yaml.h>

#include "helder-library-import.h"
#include "helder-library-service-private.h"

/* Reading (a worker thread): every *.md under the folder, parsed into a
 * toolkit record that is not saved yet, or a problem with its line.
 * Saving (the main loop, a few documents per turn so a progress bar
 * moves): each document found again by where it came from (source_path:
 * the folder's name and the path below it) is updated, the others are
 * added; each save is one transaction with its version. */

#define SAVES_PER_TURN 20

void
helder_import_report_free (HelderImportReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->problems, g_ptr_array_unref);
  g_free (report);
}

static void
problem_free (HelderImportProblem *problem)
{
  g_free (problem->path);
  g_free (problem->message);
  g_free (problem);
}

static HelderImportReport *
report_new (void)
{
  HelderImportReport *report = g_new0 (HelderImportReport, 1);

  report->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  return report;
}

static const char *list_fields[] = { "tags", "channels", "priorities", "document_kinds", NULL };
static const char *text_fields[] = { "title", "summary", "owner", NULL };
static const char *date_fields[] = { "last_reviewed", "next_review", NULL };

static const char *
scalar (yaml_node_t *node)
{
  return node != NULL && node->type == YAML_SCALAR_NODE ? (const char *) node->data.scalar.value : NULL;
}

static gboolean
fail_at (GError     **error,
         guint       *line,
         guint        at,
         const char  *message)
{
  if (line != NULL)
    *line = at;
  g_set_error_literal (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT, message);
  return FALSE;
}

/* The front matter's mapping into @toolkit; @first_line: where the YAML
 * begins in the file */
static gboolean
apply_yaml (yaml_document_t  *doc,
            HelderRecord     *toolkit,
            guint             first_line,
            guint            *line,
            GError          **error)
{
  yaml_node_t *root = yaml_document_get_root_node (doc);

  if (root == NULL)
    return TRUE;
  if (root->type != YAML_MAPPING_NODE)
    return fail_at (error, line, first_line + root->start_mark.line,
                    _("The front matter is not a list of “name: value” lines."));
  for (yaml_node_pair_t *pair = root->data.mapping.pairs.start; pair < root->data.mapping.pairs.top; pair++)
    {
      yaml_node_t *key_node = yaml_document_get_node (doc, pair->key);
      yaml_node_t *value = yaml_document_get_node (doc, pair->value);
      const char *key = scalar (key_node);
      guint at = first_line + (value != NULL ? value->start_mark.line : 0);
      g_autofree char *property = NULL;

      if (key == NULL || value == NULL)
        continue;
      property = g_strdelimit (g_strdup (key), "-", '_');
      if (g_strv_contains (list_fields, property))
        {
          g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
          g_auto(GStrv) list = NULL;
          g_autofree char *name = g_strdelimit (g_strdup (property), "_", '-');

          if (value->type == YAML_SEQUENCE_NODE)
            for (yaml_node_item_t *item = value->data.sequence.items.start; item < value->data.sequence.items.top; item++)
              {
                const char *text = scalar (yaml_document_get_node (doc, *item));

                if (text == NULL)
                  return fail_at (error, line, at, _("A list may hold only words or phrases."));
                g_strv_builder_add (builder, text);
              }
          else if (scalar (value) != NULL)
            {
              /* "tags: brief, webtekst" */
              g_auto(GStrv) parts = g_strsplit (scalar (value), ",", -1);

              for (guint i = 0; parts[i] != NULL; i++)
                if (*g_strstrip (parts[i]) != '\0')
                  g_strv_builder_add (builder, parts[i]);
            }
          list = g_strv_builder_end (builder);
          g_object_set (toolkit, name, list, NULL);
        }
      else if (g_strv_contains (text_fields, property) || g_strv_contains (date_fields, property) ||
               g_str_equal (property, "category"))
        {
          const char *text = scalar (value);
          g_autofree char *name = g_strdelimit (g_strdup (property), "_", '-');
          g_autoptr(GError) invalid = NULL;

          if (text == NULL)
            return fail_at (error, line, at, _("This value should be one line of text."));
          if (g_str_equal (property, "category"))
            {
              static const char *categories[] = { "instructie", "toolkit", "advies", "training", "sjabloon", NULL };
              g_autofree char *lower = g_utf8_strdown (text, -1);

              if (!g_strv_contains (categories, lower))
                return fail_at (error, line, at,
                                _("The category is one of instructie, toolkit, advies, training or sjabloon."));
              g_object_set (toolkit, "category", lower, NULL);
            }
          else if (g_strv_contains (date_fields, property))
            {
              int year, month, day;

              if (strlen (text) < 10 || text[4] != '-' || text[7] != '-' ||
                  sscanf (text, "%4d-%2d-%2d", &year, &month, &day) != 3 ||
                  !g_date_valid_dmy (day, month, year))
                return fail_at (error, line, at, _("A date is written as YYYY-MM-DD, for example 2026-03-01."));
              {
                g_autofree char *date = g_strndup (text, 10);

                g_object_set (toolkit, name, date, NULL);
              }
            }
          else
            g_object_set (toolkit, name, text, NULL);
        }
      /* Other keys are the writer's own: kept out, not an error */
    }
  return TRUE;
}

/* The first heading's text, or NULL */
static char *
first_heading (const char *body)
{
  for (const char *p = body; p != NULL && *p; )
    {
      const char *end = strchr (p, '\n');
      gsize length = end != NULL ? (gsize) (end - p) : strlen (p);

      if (length > 2 && p[0] == '#')
        {
          const char *q = p;

          while (*q == '#')
            q++;
          if (*q == ' ')
            {
              g_autofree char *line = g_strndup (q, length - (q - p));

              return g_strdup (g_strstrip (line));
            }
        }
      p = end != NULL ? end + 1 : NULL;
    }
  return NULL;
}

gboolean
helder_import_parse_markdown (const char    *text,
                              gsize          length,
                              HelderRecord  *toolkit,
                              guint         *line,
                              GError       **error)
{
  g_autofree char *copy = NULL;
  const char *body;
  const char *end_marker = NULL;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (HELDER_IS_TOOLKIT (toolkit), FALSE);

  if (line != NULL)
    *line = 0;
  if (!g_utf8_validate (text, length, NULL))
    return fail_at (error, line, 0, _("The file is not UTF-8 text."));
  copy = g_strndup (text, length);
  /* A byte order mark is no part of the text */
  body = g_str_has_prefix (copy, "\xef\xbb\xbf") ? copy + 3 : copy;

  if (g_str_has_prefix (body, "---\n") || g_str_has_prefix (body, "---\r\n"))
    {
      const char *yaml_start = strchr (body, '\n') + 1;
      const char *p = yaml_start;

      /* The closing "---" (or "...") on a line of its own */
      while (p != NULL && *p)
        {
          if ((g_str_has_prefix (p, "---") || g_str_has_prefix (p, "...")) &&
              (p[3] == '\n' || p[3] == '\r' || p[3] == '\0'))
            {
              end_marker = p;
              break;
            }
          p = strchr (p, '\n');
          if (p != NULL)
            p++;
        }
      if (end_marker == NULL)
        return fail_at (error, line, 1, _("The front matter has no closing “---” line."));

      {
        yaml_parser_t parser;
        yaml_document_t doc;
        gboolean ok;

        yaml_parser_initialize (&parser);
        yaml_parser_set_input_string (&parser, (const guchar *) yaml_start, end_marker - yaml_start);
        if (!yaml_parser_load (&parser, &doc))
          {
            /* Line 2 of the file is the front matter's first; the line of
             * what was left open ("while scanning a quoted scalar") is
             * where to look, more than the end where it was noticed */
            guint at = 2 + (parser.context != NULL ? parser.context_mark.line : parser.problem_mark.line);
            g_autofree char *message = g_strdup_printf (_("The front matter does not read: %s."),
                                                        parser.problem != NULL ? parser.problem : "?");

            yaml_parser_delete (&parser);
            return fail_at (error, line, at, message);
          }
        ok = apply_yaml (&doc, toolkit, 2, line, error);
        yaml_document_delete (&doc);
        yaml_parser_delete (&parser);
        if (!ok)
          return FALSE;
      }
      body = strchr (end_marker, '\n');
      body = body != NULL ? body + 1 : "";
      /* The blank line after the front matter is no part of the text */
      while (*body == '\n' || *body == '\r')
        body++;
    }

  g_object_set (toolkit, "body", body, NULL);
  if (helder_record_get_text (toolkit, "title") == NULL || *helder_record_get_text (toolkit, "title") == '\0')
    {
      g_autofree char *heading = first_heading (body);

      if (heading != NULL)
        g_object_set (toolkit, "title", heading, NULL);
    }
  if (helder_record_get_text (toolkit, "category") == NULL)
    g_object_set (toolkit, "category", "instructie", NULL);
  return TRUE;
}

/* Reading the folder */

typedef struct
{
  char         *source;    /* folder name / relative path */
  HelderRecord *toolkit;   /* parsed, not saved; NULL: a problem */
} Parsed;

static void
parsed_free (Parsed *parsed)
{
  g_free (parsed->source);
  g_clear_object (&parsed->toolkit);
  g_free (parsed);
}

typedef struct
{
  GFile                *folder;
  GPtrArray            *parsed;   /* Parsed */
  HelderImportReport   *report;
  HelderLibraryService *service;
  HelderImportProgress  progress;
  gpointer              progress_data;
  guint                 next;
} Import;

static void
import_free (Import *import)
{
  g_object_unref (import->folder);
  g_ptr_array_unref (import->parsed);
  helder_import_report_free (import->report);
  g_clear_object (&import->service);
  g_free (import);
}

static void
add_problem (HelderImportReport *report,
             const char         *path,
             guint               line,
             const char         *message)
{
  HelderImportProblem *problem = g_new0 (HelderImportProblem, 1);

  problem->path = g_strdup (path);
  problem->line = line;
  problem->message = g_strdup (message);
  g_ptr_array_add (report->problems, problem);
}

static int
compare_parsed (gconstpointer a,
                gconstpointer b)
{
  return g_strcmp0 ((*(Parsed **) a)->source, (*(Parsed **) b)->source);
}

static void
read_dir (Import       *import,
          GFile        *dir,
          const char   *folder_name,
          GCancellable *cancellable,
          guint         depth)
{
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  if (depth > 16)
    return;
  children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable, NULL);
  while (children != NULL && (info = g_file_enumerator_next_file (children, cancellable, NULL)) != NULL)
    {
      g_autoptr(GFileInfo) owned = info;
      const char *name = g_file_info_get_name (info);
      g_autoptr(GFile) child = g_file_get_child (dir, name);

      if (name[0] == '.')
        continue;
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        read_dir (import, child, folder_name, cancellable, depth + 1);
      else if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR &&
               (g_str_has_suffix (name, ".md") || g_str_has_suffix (name, ".markdown")))
        {
          g_autofree char *relative = g_file_get_relative_path (import->folder, child);
          Parsed *parsed = g_new0 (Parsed, 1);
          g_autofree char *text = NULL;
          g_autoptr(GError) error = NULL;
          gsize length;
          guint line = 0;

          parsed->source = g_strdup_printf ("%s/%s", folder_name, relative);
          if (!g_file_load_contents (child, cancellable, &text, &length, NULL, &error))
            add_problem (import->report, relative, 0, error->message);
          else
            {
              g_autoptr(HelderRecord) toolkit = helder_record_new (HELDER_TYPE_TOOLKIT);

              if (helder_import_parse_markdown (text, length, toolkit, &line, &error))
                {
                  if (helder_record_get_text (toolkit, "title") == NULL)
                    {
                      g_autofree char *title = g_strndup (name, strrchr (name, '.') - name);

                      g_object_set (toolkit, "title", title, NULL);
                    }
                  g_object_set (toolkit, "source-path", parsed->source, NULL);
                  parsed->toolkit = g_steal_pointer (&toolkit);
                }
              else
                add_problem (import->report, relative, line, error->message);
            }
          g_ptr_array_add (import->parsed, parsed);
        }
    }
}

static void
read_folder (Import       *import,
             GCancellable *cancellable)
{
  g_autofree char *folder_name = g_file_get_basename (import->folder);

  read_dir (import, import->folder, folder_name, cancellable, 0);
  g_ptr_array_sort (import->parsed, compare_parsed);
}

/* Saving */

static const char *compared[] = { "title", "summary", "body", "category", "owner", "last_reviewed", "next_review" };

static gboolean
same_content (HelderRecord *stored,
              HelderRecord *parsed)
{
  for (guint i = 0; i < G_N_ELEMENTS (compared); i++)
    if (g_strcmp0 (helder_record_get_text (stored, compared[i]), helder_record_get_text (parsed, compared[i])) != 0 &&
        !(g_str_equal (compared[i], "owner") && helder_record_get_text (parsed, "owner") == NULL))
      return FALSE;
  for (guint i = 0; list_fields[i] != NULL; i++)
    {
      const char * const *a = helder_record_get_list (stored, list_fields[i]);
      const char * const *b = helder_record_get_list (parsed, list_fields[i]);

      if (!g_strv_equal (a != NULL ? a : (const char *[]) { NULL }, b != NULL ? b : (const char *[]) { NULL }))
        return FALSE;
    }
  return TRUE;
}

/* Saves one parsed file; FALSE when saving failed (reported) */
static void
save_one (Import *import,
          Parsed *parsed)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  HelderRecord *toolkit;

  if (parsed->toolkit == NULL)
    return;
  found = helder_library_service_query (import->service, HELDER_TYPE_TOOLKIT,
                                        "SELECT id FROM toolkit WHERE deleted = 0 AND source_path = ?1", parsed->source, NULL);
  if (found->len > 0)
    {
      toolkit = found->pdata[0];
      if (same_content (toolkit, parsed->toolkit))
        {
          import->report->unchanged++;
          return;
        }
      for (guint i = 0; i < G_N_ELEMENTS (compared); i++)
        {
          g_autofree char *property = g_strdelimit (g_strdup (compared[i]), "_", '-');
          const char *value = helder_record_get_text (parsed->toolkit, compared[i]);

          /* A file without an owner keeps the one the document has */
          if (g_str_equal (compared[i], "owner") && value == NULL)
            continue;
          g_object_set (toolkit, property, value, NULL);
        }
      for (guint i = 0; list_fields[i] != NULL; i++)
        {
          g_autofree char *property = g_strdelimit (g_strdup (list_fields[i]), "_", '-');

          g_object_set (toolkit, property, helder_record_get_list (parsed->toolkit, list_fields[i]), NULL);
        }
      if (helder_library_service_save_toolkit (import->service, toolkit, _("Imported again"), &error))
        import->report->updated++;
    }
  else
    {
      toolkit = parsed->toolkit;
      if (helder_record_get_text (toolkit, "owner") == NULL)
        g_object_set (toolkit, "owner", helder_library_service_login (import->service), NULL);
      if (helder_library_service_save_toolkit (import->service, toolkit, _("Imported"), &error))
        import->report->added++;
    }
  if (error != NULL)
    {
      g_autofree char *relative = g_strdup (strchr (parsed->source, '/') != NULL ? strchr (parsed->source, '/') + 1 : parsed->source);

      add_problem (import->report, relative, 0, error->message);
    }
}

static HelderImportReport *
take_report (Import *import)
{
  HelderImportReport *report = import->report;

  import->report = NULL;
  return report;
}

HelderImportReport *
helder_library_import_folder (HelderLibraryService  *service,
                              GFile                 *folder,
                              GError               **error)
{
  Import *import;
  HelderImportReport *report;

  g_return_val_if_fail (HELDER_IS_LIBRARY_SERVICE (service), NULL);
  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  if (!helder_library_service_may_edit (service))
    return helder_library_refuse (error, _("Your role does not let you change shared plans, channels or the library.")), NULL;
  import = g_new0 (Import, 1);
  import->folder = g_object_ref (folder);
  import->parsed = g_ptr_array_new_with_free_func ((GDestroyNotify) parsed_free);
  import->report = report_new ();
  import->service = g_object_ref (service);
  read_folder (import, NULL);
  for (guint i = 0; i < import->parsed->len; i++)
    save_one (import, import->parsed->pdata[i]);
  report = take_report (import);
  import_free (import);
  return report;
}

static void
read_in_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  read_folder (task_data, cancellable);
  g_task_return_boolean (task, TRUE);
}

static gboolean
save_some (gpointer user_data)
{
  GTask *task = user_data;
  Import *import = g_task_get_task_data (task);

  if (g_task_return_error_if_cancelled (task))
    return G_SOURCE_REMOVE;
  for (guint n = 0; n < SAVES_PER_TURN && import->next < import->parsed->len; n++)
    save_one (import, import->parsed->pdata[import->next++]);
  if (import->progress != NULL)
    import->progress (import->next, import->parsed->len, import->progress_data);
  if (import->next < import->parsed->len)
    return G_SOURCE_CONTINUE;
  g_task_return_pointer (task, take_report (import), (GDestroyNotify) helder_import_report_free);
  return G_SOURCE_REMOVE;
}

static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask *outer = user_data;
  Import *import = g_task_get_task_data (outer);
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (outer, error);
      g_object_unref (outer);
      return;
    }
  if (import->progress != NULL)
    import->progress (0, import->parsed->len, import->progress_data);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, save_some, outer, g_object_unref);
}

void
helder_library_import_folder_async (HelderLibraryService *service,
                                    GFile                *folder,
                                    HelderImportProgress  progress,
                                    gpointer              progress_data,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data)
{
  GTask *task;
  g_autoptr(GTask) reading = NULL;
  Import *import;

  g_return_if_fail (HELDER_IS_LIBRARY_SERVICE (service));
  g_return_if_fail (G_IS_FILE (folder));

  task = g_task_new (service, cancellable, callback, user_data);
  g_task_set_source_tag (task, helder_library_import_folder_async);
  if (!helder_library_service_may_edit (service))
    {
      g_task_return_new_error (task, HELDER_SESSION_ERROR, HELDER_SESSION_ERROR_FORBIDDEN, "%s",
                               _("Your role does not let you change shared plans, channels or the library."));
      g_object_unref (task);
      return;
    }
  import = g_new0 (Import, 1);
  import->folder = g_object_ref (folder);
  import->parsed = g_ptr_array_new_with_free_func ((GDestroyNotify) parsed_free);
  import->report = report_new ();
  import->service = g_object_ref (service);
  import->progress = progress;
  import->progress_data = progress_data;
  g_task_set_task_data (task, import, (GDestroyNotify) import_free);

  /* Read in a worker (it touches no store), save on this thread */
  reading = g_task_new (NULL, cancellable, on_read, task);
  g_task_set_task_data (reading, import, NULL);
  g_task_run_in_thread (reading, read_in_thread);
}

HelderImportReport *
helder_library_import_folder_finish (HelderLibraryService  *service,
                                     GAsyncResult          *result,
                                     GError               **error)
{
  g_return_val_if_fail (g_task_is_valid (result, service), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
