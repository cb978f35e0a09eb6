/* helder-record.c: the base of every synchronised record
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-record"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "helder-record-private.h"

/* A record is a plain value object: the sync columns every type shares,
 * plus typed fields that a subclass declares as a table of HelderField.
 * The base class turns that table into GObject properties (so the GUI can
 * bind to them), and the store and the sync code read the same table to
 * map fields onto columns and JSON.  Subclasses therefore hold no code of
 * their own beyond their field table. */

typedef struct
{
  char             *id;
  gint64            version;
  gboolean          deleted;
  char             *updated_by;
  GDateTime        *updated_at;
  HelderVisibility  visibility;

  GValue           *values;   /* n_fields, allocated on first use */
} HelderRecordPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (HelderRecord, helder_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_VERSION,
  PROP_DELETED,
  PROP_UPDATED_BY,
  PROP_UPDATED_AT,
  PROP_VISIBILITY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_QUARK (helder-record-error-quark, helder_record_error)

/* g_set_str() arrives only in GLib 2.76. */
static gboolean
set_str (char       **slot,
         const char  *value)
{
  if (g_strcmp0 (*slot, value) == 0)
    return FALSE;
  g_free (*slot);
  *slot = g_strdup (value);
  return TRUE;
}

/* g_param_values_cmp() compares boxed values by pointer; lists compare
 * by content here. */
gboolean
helder_record_values_equal (GParamSpec   *pspec,
                            const GValue *a,
                            const GValue *b)
{
  if (G_VALUE_HOLDS (a, G_TYPE_STRV))
    {
      const char * const *sa = g_value_get_boxed (a);
      const char * const *sb = g_value_get_boxed (b);
      static const char * const empty[] = { NULL };

      return g_strv_equal (sa ? sa : empty, sb ? sb : empty);
    }

  return g_param_values_cmp (pspec, a, b) == 0;
}

GType
helder_record_field_value_type (HelderFieldKind kind)
{
  switch (kind)
    {
    case HELDER_FIELD_INTEGER:
      return G_TYPE_INT;
    case HELDER_FIELD_BOOLEAN:
      return G_TYPE_BOOLEAN;
    case HELDER_FIELD_LIST:
      return G_TYPE_STRV;
    case HELDER_FIELD_TEXT:
    case HELDER_FIELD_LONG_TEXT:
    case HELDER_FIELD_DATE:
    case HELDER_FIELD_CHOICE:
    case HELDER_FIELD_JSON:
    default:
      return G_TYPE_STRING;
    }
}

GValue *
helder_record_ensure_values (HelderRecord *self)
{
  HelderRecordPrivate *priv = helder_record_get_instance_private (self);
  HelderRecordClass *klass = HELDER_RECORD_GET_CLASS (self);

  if (priv->values == NULL && klass->n_fields > 0)
    {
      priv->values = g_new0 (GValue, klass->n_fields);
      for (guint i = 0; i < klass->n_fields; i++)
        {
          g_value_init (&priv->values[i], helder_record_field_value_type (klass->fields[i].kind));
          if (klass->fields[i].kind == HELDER_FIELD_INTEGER)
            g_value_set_int (&priv->values[i], CLAMP (0, klass->fields[i].min,
                                                      klass->fields[i].max));
        }
    }

  return priv->values;
}

static void
helder_record_finalize (GObject *object)
{
  HelderRecord *self = HELDER_RECORD (object);
  HelderRecordPrivate *priv = helder_record_get_instance_private (self);
  HelderRecordClass *klass = HELDER_RECORD_GET_CLASS (self);

  g_free (priv->id);
  g_free (priv->updated_by);
  g_clear_pointer (&priv->updated_at, g_date_time_unref);

  if (priv->values != NULL)
    {
      for (guint i = 0; i < klass->n_fields; i++)
        g_value_unset (&priv->values[i]);
      g_free (priv->values);
    }

  G_OBJECT_CLASS (helder_record_parent_class)->finalize (object);
}

static gboolean
is_field_pspec (HelderRecord *self,
                guint         prop_id,
                GParamSpec   *pspec,
                guint        *index)
{
  HelderRecordClass *klass = HELDER_RECORD_GET_CLASS (self);

  if (pspec->owner_type == HELDER_TYPE_RECORD)
    return FALSE;

  g_assert (pspec->owner_type == G_OBJECT_TYPE (self));
  g_assert (prop_id >= 1 && prop_id <= klass->n_fields);
  *index = prop_id - 1;
  return TRUE;
}

static void
helder_record_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HelderRecord *self = HELDER_RECORD (object);
  HelderRecordPrivate *priv = helder_record_get_instance_private (self);
  guint index;

  if (is_field_pspec (self, prop_id, pspec, &index))
    {
      g_value_copy (&helder_record_ensure_values (self)[index], value);
      return;
    }

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, priv->id);
      break;
    case PROP_VERSION:
      g_value_set_int64 (value, priv->version);
      break;
    case PROP_DELETED:
      g_value_set_boolean (value, priv->deleted);
      break;
    case PROP_UPDATED_BY:
      g_value_set_string (value, priv->updated_by);
      break;
    case PROP_UPDATED_AT:
      g_value_set_boxed (value, priv->updated_at);
      break;
    case PROP_VISIBILITY:
      g_value_set_int (value, priv->visibility);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
helder_record_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  HelderRecord *self = HELDER_RECORD (object);
  guint index;

  if (is_field_pspec (self, prop_id, pspec, &index))
    {
      GValue *slot = &helder_record_ensure_values (self)[index];

      if (!helder_record_values_equal (pspec, slot, value))
        {
          g_value_copy (value, slot);
          g_object_notify_by_pspec (object, pspec);
        }
      return;
    }

  switch (prop_id)
    {
    case PROP_ID:
      helder_record_set_id (self, g_value_get_string (value));
      break;
    case PROP_VERSION:
      helder_record_set_version (self, g_value_get_int64 (value));
      break;
    case PROP_DELETED:
      helder_record_set_deleted (self, g_value_get_boolean (value));
      break;
    case PROP_UPDATED_BY:
      helder_record_set_updated_by (self, g_value_get_string (value));
      break;
    case PROP_UPDATED_AT:
      helder_record_set_updated_at (self, g_value_get_boxed (value));
      break;
    case PROP_VISIBILITY:
      helder_record_set_visibility (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
helder_record_class_init (HelderRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = helder_record_finalize;
  object_class->get_property = helder_record_get_property;
  object_class->set_property = helder_record_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DELETED] =
    g_param_spec_boolean ("deleted", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPDATED_BY] =
    g_param_spec_string ("updated-by", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPDATED_AT] =
    g_param_spec_boxed ("updated-at", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VISIBILITY] =
    g_param_spec_int ("visibility", NULL, NULL,
                      HELDER_VISIBILITY_ORG, HELDER_VISIBILITY_PRIVATE, HELDER_VISIBILITY_ORG,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
helder_record_init (HelderRecord *self)
{
  HelderRecordPrivate *priv = helder_record_get_instance_private (self);

  priv->id = g_uuid_string_random ();
}

/**
 * helder_record_class_set_fields:
 *
 * Called once from a record type's class_init: names the type as the
 * sync protocol knows it and installs one property per field.  @fields
 * must stay valid for the life of the program (a static table).
 */
void
helder_record_class_set_fields (HelderRecordClass *klass,
                                const char        *type_name,
                                guint              since,
                                const HelderField *schema_fields,
                                guint              n_schema_fields)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  HelderField *fields;
  guint n_fields = 0;

  g_return_if_fail (HELDER_IS_RECORD_CLASS (klass));
  g_return_if_fail (type_name != NULL);

  /* GObject gives every class its own (unset) property vfuncs; the fields
   * of a subclass are kept, and so read and written, by the base class. */
  object_class->get_property = helder_record_get_property;
  object_class->set_property = helder_record_set_property;

  /* Retired fields keep their column only: everything else (properties,
   * JSON, the store's reads and writes) sees the live ones. */
  fields = g_new0 (HelderField, MAX (n_schema_fields, 1));
  for (guint i = 0; i < n_schema_fields; i++)
    {
      g_assert (schema_fields[i].since <= 1 || schema_fields[i].since >= since);
      if ((schema_fields[i].flags & HELDER_FIELD_RETIRED) == 0)
        fields[n_fields++] = schema_fields[i];
    }

  klass->type_name = type_name;
  klass->since = MAX (since, 1);
  klass->schema_fields = schema_fields;
  klass->n_schema_fields = n_schema_fields;
  klass->fields = fields;
  klass->n_fields = n_fields;
  klass->field_pspecs = g_new0 (GParamSpec *, MAX (n_fields, 1));

  for (guint i = 0; i < n_fields; i++)
    {
      const HelderField *f = &fields[i];
      g_autofree char *prop_name = g_strdelimit (g_strdup (f->name), "_", '-');
      GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_NICK | G_PARAM_STATIC_BLURB;
      GParamSpec *pspec;

      switch (f->kind)
        {
        case HELDER_FIELD_INTEGER:
          pspec = g_param_spec_int (prop_name, NULL, NULL, f->min, f->max,
                                    CLAMP (0, f->min, f->max), flags);
          break;
        case HELDER_FIELD_BOOLEAN:
          pspec = g_param_spec_boolean (prop_name, NULL, NULL, FALSE, flags);
          break;
        case HELDER_FIELD_LIST:
          pspec = g_param_spec_boxed (prop_name, NULL, NULL, G_TYPE_STRV, flags);
          break;
        default:
          pspec = g_param_spec_string (prop_name, NULL, NULL, NULL, flags);
          break;
        }

      klass->field_pspecs[i] = pspec;
      g_object_class_install_property (object_class, i + 1, pspec);
    }
}

const HelderField *
helder_record_class_get_schema_fields (HelderRecordClass *klass,
                                       guint             *n_fields)
{
  g_return_val_if_fail (HELDER_IS_RECORD_CLASS (klass), NULL);

  if (n_fields != NULL)
    *n_fields = klass->n_schema_fields;
  return klass->schema_fields;
}

guint
helder_record_class_get_since (HelderRecordClass *klass)
{
  g_return_val_if_fail (HELDER_IS_RECORD_CLASS (klass), 0);

  return klass->since;
}

const char *
helder_record_class_get_type_name (HelderRecordClass *klass)
{
  g_return_val_if_fail (HELDER_IS_RECORD_CLASS (klass), NULL);

  return klass->type_name;
}

const HelderField *
helder_record_class_get_fields (HelderRecordClass *klass,
                                guint             *n_fields)
{
  g_return_val_if_fail (HELDER_IS_RECORD_CLASS (klass), NULL);

  if (n_fields != NULL)
    *n_fields = klass->n_fields;
  return klass->fields;
}

static int
field_index (HelderRecordClass *klass,
             const char        *name)
{
  for (guint i = 0; i < klass->n_fields; i++)
    if (g_str_equal (klass->fields[i].name, name))
      return i;
  return -1;
}

const HelderField *
helder_record_class_find_field (HelderRecordClass *klass,
                                const char        *name)
{
  int i;

  g_return_val_if_fail (HELDER_IS_RECORD_CLASS (klass), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  i = field_index (klass, name);
  return i < 0 ? NULL : &klass->fields[i];
}

HelderRecord *
helder_record_new (GType type)
{
  g_return_val_if_fail (g_type_is_a (type, HELDER_TYPE_RECORD), NULL);
  g_return_val_if_fail (!G_TYPE_IS_ABSTRACT (type), NULL);

  return g_object_new (type, NULL);
}

const char *
helder_record_get_type_name (HelderRecord *self)
{
  g_return_val_if_fail (HELDER_IS_RECORD (self), NULL);

  return HELDER_RECORD_GET_CLASS (self)->type_name;
}

const char *
helder_record_get_id (HelderRecord *self)
{
  HelderRecordPrivate *priv = helder_record_get_instance_private (self);

  g_return_val_if_fail (HELDER_IS_RECORD (self), NULL);

  return priv->id;
}

void
helder_record_set_id (HelderRecord *self,
                      const char   *id)
{
  HelderRecordPrivate *priv = helder_record_get_instance_private (self);

  g_return_if_fail (HELDER_IS_RECORD (self));
  g_return_if_fail (id != NULL);

  if (set_str (&priv->id, id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
helder_record_get_version (HelderRecord *self)
{
  HelderRecordPrivate *priv = helder_record_get_instance_private (self);

  g_return_val_if_fail (HELDER_IS_RECORD (self), 0);

  return priv->version;
}

void
helder_record_set_version (HelderRecord *self,
                           gint64        version)
{
  HelderRecordPrivate *priv = helder_record_get_instance_private (self);

  g_return_if_fail (HELDER_IS_RECORD (self));
  g_return_if_fail (version >= 0);

  if (priv->version != version)
    {
      priv->version = version;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
    }
}

gboolean
helder_record_get_deleted (HelderRecord *self)
{
  HelderRecordPrivate *priv = helder_record_get_instance_private (self);

  g_return_val_if_fail (HELDER_IS_RECORD (self), FALSE);

  return priv->deleted;
}

void
helder_record_set_deleted (HelderRecord *self,
                           gboolean      deleted)
{
  HelderRecordPrivate *priv = helder_record_get_instance_private (self);

  g_return_if_fail (HELDER_IS_RECORD (self));

  deleted = !!deleted;
  if (priv->deleted != deleted)
    {
      priv->deleted = deleted;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELETED]);
    }
}

const char *
helder_record_get_updated_by (HelderRecord *self)
{
  HelderRecordPrivate *priv = helder_record_get_instance_private (self);

  g_return_val_if_fail (HELDER_IS_RECORD (self), NULL);

  return priv->updated_by;
}

void
helder_record_set_updated_by (HelderRecord *self,
                              const char   *user)
{
  HelderRecordPrivate *priv = helder_record_get_instance_private (self);

  g_return_if_fail (HELDER_IS_RECORD (self));

  if (set_str (&priv->updated_by, user))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_BY]);
}

GDateTime *
helder_record_get_updated_at (HelderRecord *self)
{
  HelderRecordPrivate *priv = helder_record_get_instance_private (self);

  g_return_val_if_fail (HELDER_IS_RECORD (self), NULL);

  return priv->updated_at;
}

void
helder_record_set_updated_at (HelderRecord *self,
                              GDateTime    *when)
{
  HelderRecordPrivate *priv = helder_record_get_instance_private (self);

  g_return_if_fail (HELDER_IS_RECORD (self));

  if (priv->updated_at == when)
    return;
  if (priv->updated_at != NULL && when != NULL && g_date_time_equal (priv->updated_at, when))
    return;

  g_clear_pointer (&priv->updated_at, g_date_time_unref);
  if (when != NULL)
    priv->updated_at = g_date_time_ref (when);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
}

HelderVisibility
helder_record_get_visibility (HelderRecord *self)
{
  HelderRecordPrivate *priv = helder_record_get_instance_private (self);

  g_return_val_if_fail (HELDER_IS_RECORD (self), HELDER_VISIBILITY_ORG);

  return priv->visibility;
}

void
helder_record_set_visibility (HelderRecord     *self,
                              HelderVisibility  visibility)
{
  HelderRecordPrivate *priv = helder_record_get_instance_private (self);

  g_return_if_fail (HELDER_IS_RECORD (self));
  g_return_if_fail (visibility == HELDER_VISIBILITY_ORG ||
                    visibility == HELDER_VISIBILITY_PRIVATE);

  if (priv->visibility != visibility)
    {
      priv->visibility = visibility;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBILITY]);
    }
}

const GValue *
helder_record_get_field_value (HelderRecord *self,
                               guint         index)
{
  g_return_val_if_fail (HELDER_IS_RECORD (self), NULL);
  g_return_val_if_fail (index < HELDER_RECORD_GET_CLASS (self)->n_fields, NULL);

  return &helder_record_ensure_values (self)[index];
}

static const GValue *
lookup_value (HelderRecord *self,
              const char   *field,
              GType         expected)
{
  int i = field_index (HELDER_RECORD_GET_CLASS (self), field);

  if (i < 0)
    {
      g_critical ("%s has no field %s", helder_record_get_type_name (self), field);
      return NULL;
    }
  if (G_VALUE_TYPE (&helder_record_ensure_values (self)[i]) != expected)
    {
      g_critical ("field %s of %s is not a %s", field,
                  helder_record_get_type_name (self), g_type_name (expected));
      return NULL;
    }
  return &helder_record_ensure_values (self)[i];
}

const char *
helder_record_get_text (HelderRecord *self,
                        const char   *field)
{
  const GValue *v;

  g_return_val_if_fail (HELDER_IS_RECORD (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  v = lookup_value (self, field, G_TYPE_STRING);
  return v ? g_value_get_string (v) : NULL;
}

int
helder_record_get_int (HelderRecord *self,
                       const char   *field)
{
  const GValue *v;

  g_return_val_if_fail (HELDER_IS_RECORD (self), 0);
  g_return_val_if_fail (field != NULL, 0);

  v = lookup_value (self, field, G_TYPE_INT);
  return v ? g_value_get_int (v) : 0;
}

gboolean
helder_record_get_bool (HelderRecord *self,
                        const char   *field)
{
  const GValue *v;

  g_return_val_if_fail (HELDER_IS_RECORD (self), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  v = lookup_value (self, field, G_TYPE_BOOLEAN);
  return v ? g_value_get_boolean (v) : FALSE;
}

const char * const *
helder_record_get_list (HelderRecord *self,
                        const char   *field)
{
  const GValue *v;

  g_return_val_if_fail (HELDER_IS_RECORD (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  v = lookup_value (self, field, G_TYPE_STRV);
  return v ? g_value_get_boxed (v) : NULL;
}
