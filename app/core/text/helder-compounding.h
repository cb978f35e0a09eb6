/* helder-compounding.h: the Hunspell dictionary's stems and compound flags
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _HelderCompounding HelderCompounding;

/* What the dictionary says a stem may do in a compound (OpenTaal's flags
 * in nl_NL.aff: Ca begin, Cb middle, Cc end, Cx only in compounds, Ce a
 * first part ending in a vowel, Cd and Ch a linking s, Zb, Zd, Ze and Zf
 * a plural in -en that can begin a compound, Cl a part that needs a
 * hyphen). */
typedef enum
{
  HELDER_STEM_KNOWN     = 1 << 0, /* a stem with one of the flags below */
  HELDER_STEM_BEGIN     = 1 << 1,
  HELDER_STEM_MIDDLE    = 1 << 2,
  HELDER_STEM_END       = 1 << 3,
  HELDER_STEM_ONLY_PART = 1 << 4, /* only inside a compound: kinder- */
  HELDER_STEM_LINK_S    = 1 << 5, /* takes a linking s: beleid+s+plan */
  HELDER_STEM_LINK_EN   = 1 << 6, /* its plural in -en begins compounds */
  HELDER_STEM_HYPHEN    = 1 << 7, /* joins with a hyphen only: tv-, A4- */
} HelderStemFlags;

HelderCompounding *helder_compounding_new    (const char        *dic_path,
                                              GError           **error);
void               helder_compounding_free   (HelderCompounding *self);
guint              helder_compounding_lookup (HelderCompounding *self,
                                              const char        *stem,
                                              gssize             length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelderCompounding, helder_compounding_free)

G_END_DECLS
