/* helder-record.h: the base of every synchronised record
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "helder-types.h"

G_BEGIN_DECLS

/* How a typed field is kept: as a GObject property, a SQLite column and a
 * member of the record's JSON "data" object in the sync protocol. */
typedef enum
{
  HELDER_FIELD_TEXT,     /* string */
  HELDER_FIELD_LONG_TEXT,/* string that conflicts instead of merging */
  HELDER_FIELD_INTEGER,  /* int within [min, max] */
  HELDER_FIELD_BOOLEAN,
  HELDER_FIELD_DATE,     /* string, YYYY-MM-DD or an ISO 8601 date-time */
  HELDER_FIELD_CHOICE,   /* string, one of a fixed list */
  HELDER_FIELD_LIST,     /* strv, a JSON array of strings in SQLite */
  HELDER_FIELD_JSON,     /* string holding a JSON array or object */
} HelderFieldKind;

typedef struct
{
  const char      *name;     /* column and JSON key, with underscores */
  HelderFieldKind  kind;
  const char      *label;    /* N_() marked, for the GUI */
  int              min;      /* INTEGER only */
  int              max;
  const char     **choices;  /* CHOICE only, NULL-terminated */
  guint            flags;    /* HelderFieldFlags */
  guint            since;    /* the store schema version that added its
                              * column; 0 or 1: the first */
} HelderField;

typedef enum
{
  HELDER_FIELD_REQUIRED = 1 << 0, /* may not be empty */
  HELDER_FIELD_RETIRED  = 1 << 1, /* no longer a field: its column stays,
                                   * so released migrations stay the same */
} HelderFieldFlags;

#define HELDER_TYPE_RECORD (helder_record_get_type ())

G_DECLARE_DERIVABLE_TYPE (HelderRecord, helder_record, HELDER, RECORD, GObject)

struct _HelderRecordClass
{
  GObjectClass parent_class;

  /*< private >*/
  const char        *type_name;
  const HelderField *fields;         /* without the retired ones */
  guint              n_fields;
  const HelderField *schema_fields;  /* every column, as declared */
  guint              n_schema_fields;
  guint              since;          /* the schema version of its table */
  guint              first_field_prop;
  GParamSpec       **field_pspecs;
};

typedef enum
{
  HELDER_VISIBILITY_ORG,
  HELDER_VISIBILITY_PRIVATE,
} HelderVisibility;

void               helder_record_class_set_fields  (HelderRecordClass *klass,
                                                    const char        *type_name,
                                                    guint              since,
                                                    const HelderField *fields,
                                                    guint              n_fields);
const char        *helder_record_class_get_type_name (HelderRecordClass *klass);
const HelderField *helder_record_class_get_fields  (HelderRecordClass *klass,
                                                    guint             *n_fields);
const HelderField *helder_record_class_find_field  (HelderRecordClass *klass,
                                                    const char        *name);
/* For the store's schema: every column the type has had, and the schema
 * version that created its table. */
const HelderField *helder_record_class_get_schema_fields (HelderRecordClass *klass,
                                                          guint             *n_fields);
guint              helder_record_class_get_since   (HelderRecordClass *klass);

HelderRecord      *helder_record_new               (GType              type);
const char        *helder_record_get_type_name     (HelderRecord      *self);
const char        *helder_record_get_id            (HelderRecord      *self);
void               helder_record_set_id            (HelderRecord      *self,
                                                    const char        *id);
gint64             helder_record_get_version       (HelderRecord      *self);
void               helder_record_set_version       (HelderRecord      *self,
                                                    gint64             version);
gboolean           helder_record_get_deleted       (HelderRecord      *self);
void               helder_record_set_deleted       (HelderRecord      *self,
                                                    gboolean           deleted);
const char        *helder_record_get_updated_by    (HelderRecord      *self);
void               helder_record_set_updated_by    (HelderRecord      *self,
                                                    const char        *user);
GDateTime         *helder_record_get_updated_at    (HelderRecord      *self);
void               helder_record_set_updated_at    (HelderRecord      *self,
                                                    GDateTime         *when);
HelderVisibility   helder_record_get_visibility    (HelderRecord      *self);
void               helder_record_set_visibility    (HelderRecord      *self,
                                                    HelderVisibility   visibility);

/* Typed access to the fields by name, for code that handles every type. */
const GValue      *helder_record_get_field_value   (HelderRecord      *self,
                                                    guint              index);
const char        *helder_record_get_text          (HelderRecord      *self,
                                                    const char        *field);
int                helder_record_get_int           (HelderRecord      *self,
                                                    const char        *field);
gboolean           helder_record_get_bool          (HelderRecord      *self,
                                                    const char        *field);
const char * const *helder_record_get_list         (HelderRecord      *self,
                                                    const char        *field);

JsonObject        *helder_record_to_json_data      (HelderRecord      *self);
gboolean           helder_record_set_from_json_data (HelderRecord     *self,
                                                    JsonObject        *data,
                                                    GError           **error);
gboolean           helder_record_validate          (HelderRecord      *self,
                                                    GError           **error);
gboolean           helder_record_equal_data        (HelderRecord      *a,
                                                    HelderRecord      *b);

#define HELDER_RECORD_ERROR (helder_record_error_quark ())

typedef enum
{
  HELDER_RECORD_ERROR_INVALID_FIELD,
  HELDER_RECORD_ERROR_UNKNOWN_TYPE,
} HelderRecordError;

GQuark             helder_record_error_quark       (void);

G_END_DECLS
