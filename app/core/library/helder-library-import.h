/* helder-library-import.h: a folder of Markdown files with YAML front matter as documents
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "library/helder-library-service.h"

G_BEGIN_DECLS

/* Each *.md file (sub-folders included) becomes a toolkit document.  The
 * front matter between "---" lines is read with libyaml: title, summary,
 * category, tags, channels, priorities, document_kinds (lists or one
 * string), owner, last_reviewed, next_review; the rest is the body.  A
 * file without a title takes its first heading or its file name.  The
 * document remembers the file (source_path, relative to the folder), so
 * importing the same folder again updates it instead of adding another.
 * A file that does not read (bad YAML, not UTF-8) is reported with its
 * name and line, and the others are imported. */

typedef struct
{
  char  *path;     /* relative to the folder */
  guint  line;     /* 1-based; 0 when the file as a whole failed */
  char  *message;  /* translated */
} HelderImportProblem;

typedef struct
{
  guint      added;
  guint      updated;
  guint      unchanged;
  GPtrArray *problems;  /* HelderImportProblem */
} HelderImportReport;

void                helder_import_report_free   (HelderImportReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelderImportReport, helder_import_report_free)

/* Reads one file's text: the front matter into @toolkit's fields and the
 * body.  Pure apart from @toolkit.  On a YAML error @line is set. */
gboolean            helder_import_parse_markdown (const char   *text,
                                                  gsize         length,
                                                  HelderRecord *toolkit,
                                                  guint        *line,
                                                  GError      **error);

/* Called on the main thread as files are read: @done of @total. */
typedef void (*HelderImportProgress) (guint    done,
                                      guint    total,
                                      gpointer user_data);

/* Reads the files in a worker thread, then saves them through @service
 * on the main loop, a few per turn (each document one transaction with
 * its version), reporting progress.  Refused for staff. */
void                helder_library_import_folder_async  (HelderLibraryService *service,
                                                         GFile                *folder,
                                                         HelderImportProgress  progress,
                                                         gpointer              progress_data,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
HelderImportReport *helder_library_import_folder_finish (HelderLibraryService *service,
                                                         GAsyncResult         *result,
                                                         GError              **error);
/* The same, blocking (for the CLI and tests). */
HelderImportReport *helder_library_import_folder        (HelderLibraryService *service,
                                                         GFile                *folder,
                                                         GError              **error);

G_END_DECLS
