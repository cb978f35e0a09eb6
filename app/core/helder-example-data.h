/* helder-example-data.h: the Hillegom example data
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "store/helder-store.h"

G_BEGIN_DECLS

GPtrArray *helder_example_data_parse (GBytes       *json,
                                      GError      **error);
gboolean   helder_example_data_load  (HelderStore  *store,
                                      GError      **error);

G_END_DECLS
