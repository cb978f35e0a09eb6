/* helder-house-style.c: the organisation's and the user's word lists
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-house-style"

#include "config.h"

#include "helder-house-style.h"

/* The house style lives in the store, so it syncs: word_list_entry records
 * are words to avoid with their alternatives, dictionary_word records are
 * words the spelling check accepts (kind "spelling") or that no check
 * flags (kind "ignore").  Records of scope "org" are the organisation's;
 * "personal" ones are the user's own (private, so only theirs arrive). */

/**
 * helder_house_style_apply:
 *
 * Adds the store's word lists to @analyzer.
 *
 * Returns: how many words were added
 */
guint
helder_house_style_apply (HelderTextAnalyzer  *analyzer,
                          HelderStore         *store,
                          GError             **error)
{
  g_autoptr(GListModel) avoid = NULL;
  g_autoptr(GListModel) words = NULL;
  guint n = 0;

  g_return_val_if_fail (analyzer != NULL, 0);
  g_return_val_if_fail (HELDER_IS_STORE (store), 0);

  if ((avoid = helder_store_list (store, HELDER_TYPE_WORD_LIST_ENTRY, error)) == NULL ||
      (words = helder_store_list (store, HELDER_TYPE_DICTIONARY_WORD, error)) == NULL)
    return 0;

  for (guint i = 0; i < g_list_model_get_n_items (avoid); i++)
    {
      g_autoptr(HelderRecord) entry = g_list_model_get_item (avoid, i);

      helder_text_analyzer_add_avoid_word (analyzer,
                                           helder_record_get_text (entry, "word"),
                                           helder_record_get_list (entry, "alternatives"),
                                           helder_record_get_text (entry, "explanation"));
      n++;
    }

  for (guint i = 0; i < g_list_model_get_n_items (words); i++)
    {
      g_autoptr(HelderRecord) word = g_list_model_get_item (words, i);
      const char *text = helder_record_get_text (word, "word");

      if (g_strcmp0 (helder_record_get_text (word, "kind"), "ignore") == 0)
        helder_text_analyzer_add_ignored_word (analyzer, text);
      else
        helder_text_analyzer_add_spelling_word (analyzer, text);
      n++;
    }

  return n;
}
