/* helder-store-recovery.h: noticing a store that lost data, and bringing it back
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-store.h"

G_BEGIN_DECLS

/* What a store holds, as far as noticing a loss goes: counted in the file,
 * or remembered beside it (helder.db.state) from an earlier moment. */
typedef struct
{
  char      *id;               /* the store's own id: a new file has another */
  guint      records;          /* rows of the record tables, tombstones too */
  guint      unsynced;         /* changes not yet on the server (outbox, conflicts) */
  gint64     edits;            /* local edits ever saved; never goes down */
  gint64     library_version;
  GDateTime *at;               /* when it was remembered (the key file only) */
} HelderStoreFacts;

void      helder_store_facts_clear     (HelderStoreFacts       *facts);
gboolean  helder_store_facts_hold_something (const HelderStoreFacts *facts);
gboolean  helder_store_facts_show_loss (const HelderStoreFacts *remembered,
                                        const HelderStoreFacts *now);
gboolean  helder_store_facts_load      (const char             *path,
                                        HelderStoreFacts       *facts);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HelderStoreFacts, helder_store_facts_clear)

char     *helder_store_state_path      (const char             *path);
guint     helder_store_count_rows      (HelderStore            *self);
gboolean  helder_store_remember        (HelderStore            *self,
                                        GError                **error);

/* Why a store could not be opened, when restoring it can help: a file
 * SQLite calls damaged, or one that holds less than it did. */
typedef enum
{
  HELDER_STORE_DAMAGE_CORRUPT,
  HELDER_STORE_DAMAGE_DATA_LOST,
} HelderStoreDamageKind;

typedef struct
{
  HelderStoreDamageKind kind;
  char             *path;
  char             *detail;      /* what SQLite or the check said, valid UTF-8 */
  HelderStoreFacts  remembered;  /* zero without a key file */
  gboolean          has_remembered;
  guint             found;       /* records the file holds now (data lost only) */
} HelderStoreDamage;

HelderStoreDamage *helder_store_damage_new  (const char        *path,
                                             const GError      *error);
void               helder_store_damage_free (HelderStoreDamage *damage);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HelderStoreDamage, helder_store_damage_free)

/* The words the error page shows, in the user's language, decided
 * without a window. */
typedef struct
{
  char *description;
  char *server_choice;   /* what restoring from the server does */
  char *copy_choice;     /* what restoring from the kept copy does */
} HelderStoreDamageText;

/* What came back from a kept copy. */
typedef struct
{
  guint records;       /* record rows */
  guint unsynced;      /* changes not yet on the server, queued again */
  guint unreadable;    /* rows found that did not read */
} HelderSalvageReport;

void  helder_store_damage_describe   (const HelderStoreDamage   *damage,
                                      HelderStoreDamageText     *text);
void  helder_store_damage_text_clear (HelderStoreDamageText     *text);
char *helder_store_damage_describe_restore (const HelderStoreDamage   *damage,
                                            gboolean                   from_server,
                                            const HelderSalvageReport *report,
                                            const char                *kept_path);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HelderStoreDamageText, helder_store_damage_text_clear)

/* Restoring: a fresh store beside the damaged one is filled (from the
 * server by a sync, or from the damaged files), then takes its place; the
 * damaged files are kept as PATH.damaged-DATE with their -wal and -shm. */
HelderStore *helder_store_recovery_begin   (const char           *path,
                                            GError              **error);
gboolean     helder_store_recovery_salvage (HelderStore          *fresh,
                                            const char           *damaged_path,
                                            HelderSalvageReport  *report,
                                            GError              **error);
gboolean     helder_store_recovery_finish  (HelderStore          *fresh,
                                            const char           *path,
                                            char                **kept_path,
                                            GError              **error);
void         helder_store_recovery_abandon (HelderStore          *fresh);

G_END_DECLS
