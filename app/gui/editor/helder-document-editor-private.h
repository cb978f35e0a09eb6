/* helder-document-editor-private.h: what the document editor's files share
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-document-editor.h"
#include "channels/helder-channels-context.h"
#include "library/helder-toolkit-pane.h"
#include "service/helder-record-follower.h"

G_BEGIN_DECLS

/* The editor is one class over five files, by concern:
 *   helder-document-editor.c         opening, saving, following the store,
 *                                    analysis, the properties popover
 *   helder-document-editor-marks.c   the marks, the side panel, the legend
 *   helder-document-editor-search.c  search and replace
 *   helder-document-editor-export.c  clipboard, files, printing
 *   helder-document-editor-menu.c    the word menu
 * Each part installs its actions and callbacks in its class_init_* and
 * sets itself up in its init_*. */

#define HELDER_EDITOR_N_CATEGORIES 9

struct _HelderDocumentEditor
{
  AdwBin              parent_instance;

  /* template widgets */
  GtkEntry           *title_entry;
  GtkLabel           *word_count;
  GtkTextView        *text_view;
  GtkLabel           *level_label;
  GtkMenuButton      *properties_button;
  GtkDropDown        *kind_dropdown;
  GtkDropDown        *channel_dropdown;
  GtkDropDown        *level_dropdown;
  GtkLabel           *douma_label;
  GtkLabel           *brouwer_label;
  GtkLabel           *counts_label;
  GtkListBox         *hardest_list;
  GtkListBox         *findings_list;
  GtkFlowBox         *legend;
  GtkSearchBar       *search_bar;
  GtkSearchEntry     *search_entry;
  GtkEntry           *replace_entry;
  GtkRevealer        *notice;
  GtkLabel           *notice_label;
  GtkButton          *notice_button;
  GtkCheckButton     *legend_checks[HELDER_EDITOR_N_CATEGORIES];
  HelderToolkitPane  *toolkit_pane;   /* Bibliotheek's toolkits for its channel and kind */
  GtkLabel           *channels_level_label; /* the level against its messages' channels */

  /* the properties popover */
  const char * const *kinds;         /* kind_dropdown's values: the field's choices */
  GStrv               channels;       /* channel_dropdown's values; [0] is "" */

  /* owned */
  HelderEditorService *service;
  HelderRecord       *document;
  HelderRecordFollower *follower;   /* the document in the store */
  HelderTextAnalyzer *analyzer;     /* the service's, when it has one */
  HelderAnalysis     *analysis;
  GCancellable       *cancellable;
  guint               save_id;
  guint               analyse_id;
  gboolean            loading;
  gint64              last_edit;    /* monotonic µs */

  /* the context menu's finding */
  GMenu              *extra_menu;
  guint32             menu_start, menu_end;
  char               *menu_word;
  GHashTable         *ignored;      /* words ignored in this document */
  guint               hidden;       /* HelderCheck bits switched off in the legend */

  /* The text changed since the marks were last applied, between two marks
   * that move with the text: only there are marks applied again.  Marks
   * elsewhere moved with their text and are still right. */
  GtkTextMark        *dirty_start;
  GtkTextMark        *dirty_end;
  gboolean            dirty;
  guint32             analysed_chars;  /* the text's length when its marks were applied */
  gboolean            analysis_matches; /* the analysis is of the text as it is now */
  gboolean            retag_all;
  gboolean            held_back;    /* a mark waits for the word to be finished */
  guint               settle_id;

  /* the planned messages of this text and their channels (made when a
   * text is first analysed; helder-document-editor-marks.c) */
  HelderChannelsService *levels_service;
  HelderChannelsContext *levels_context;
  int                    last_level;
};

typedef struct
{
  HelderCheck  check;
  const char  *tag;
  const char  *label;
} HelderEditorCategory;

extern const HelderEditorCategory helder_document_editor_categories[HELDER_EDITOR_N_CATEGORIES];

/* helder-document-editor.c */
char                *helder_document_editor_get_text            (HelderDocumentEditor *self);
char                *helder_document_editor_text_range          (HelderDocumentEditor *self,
                                                                 guint32               start,
                                                                 guint32               end);
void                 helder_document_editor_analyse             (HelderDocumentEditor *self);
void                 helder_document_editor_show_error          (HelderDocumentEditor *self,
                                                                 const char           *title,
                                                                 const GError         *error);
void                 helder_document_editor_read_ignored        (HelderDocumentEditor *self);
void                 helder_document_editor_fill_properties     (HelderDocumentEditor *self);

/* helder-document-editor-follow.c */
void                 helder_document_editor_class_init_follow   (GtkWidgetClass       *widget_class);
void                 helder_document_editor_follow              (HelderDocumentEditor *self,
                                                                 HelderRecord         *document);
void                 helder_document_editor_unfollow            (HelderDocumentEditor *self);
void                 helder_document_editor_take_view           (HelderDocumentEditor *self,
                                                                 HelderRecord         *record);
gboolean             helder_document_editor_save_document       (HelderDocumentEditor *self,
                                                                 GError              **error);
HelderRecord        *helder_document_editor_keep_copy           (HelderDocumentEditor *self);

/* helder-document-editor-marks.c */
void                 helder_document_editor_class_init_marks    (GtkWidgetClass       *widget_class);
void                 helder_document_editor_init_marks          (HelderDocumentEditor *self);
void                 helder_document_editor_apply_marks         (HelderDocumentEditor *self);
void                 helder_document_editor_drop_channel_levels (HelderDocumentEditor *self);
void                 helder_document_editor_update_panel        (HelderDocumentEditor *self,
                                                                 const char           *text);
const HelderFinding *helder_document_editor_finding_at_current  (HelderDocumentEditor *self,
                                                                 guint32               offset,
                                                                 HelderCheck           categories_wanted,
                                                                 gint32               *delta);

/* helder-document-editor-search.c */
void                 helder_document_editor_class_init_search   (GtkWidgetClass       *widget_class);
void                 helder_document_editor_init_search         (HelderDocumentEditor *self);

/* helder-document-editor-export.c */
void                 helder_document_editor_class_init_export   (GtkWidgetClass       *widget_class);

/* helder-document-editor-menu.c */
void                 helder_document_editor_class_init_menu     (GtkWidgetClass       *widget_class);
void                 helder_document_editor_init_menu           (HelderDocumentEditor *self);

G_END_DECLS
