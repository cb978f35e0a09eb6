/* helder-record-data.c: a record's fields as JSON: conversion, validation, comparison
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-record"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "helder-record-private.h"

/* JSON, in the shape of the sync protocol's "data" object. */

JsonObject *
helder_record_to_json_data (HelderRecord *self)
{
  HelderRecordClass *klass;
  JsonObject *data;
  GValue *values;

  g_return_val_if_fail (HELDER_IS_RECORD (self), NULL);

  klass = HELDER_RECORD_GET_CLASS (self);
  values = helder_record_ensure_values (self);
  data = json_object_new ();

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const HelderField *f = &klass->fields[i];
      const GValue *v = &values[i];

      switch (f->kind)
        {
        case HELDER_FIELD_INTEGER:
          json_object_set_int_member (data, f->name, g_value_get_int (v));
          break;
        case HELDER_FIELD_BOOLEAN:
          json_object_set_boolean_member (data, f->name, g_value_get_boolean (v));
          break;
        case HELDER_FIELD_LIST:
          {
            const char * const *strv = g_value_get_boxed (v);
            JsonArray *array = json_array_new ();

            for (guint j = 0; strv != NULL && strv[j] != NULL; j++)
              json_array_add_string_element (array, strv[j]);
            json_object_set_array_member (data, f->name, array);
          }
          break;
        case HELDER_FIELD_JSON:
          {
            const char *text = g_value_get_string (v);
            JsonNode *node = text ? json_from_string (text, NULL) : NULL;

            if (node != NULL)
              json_object_set_member (data, f->name, node);
            else
              json_object_set_null_member (data, f->name);
          }
          break;
        default:
          if (g_value_get_string (v) != NULL)
            json_object_set_string_member (data, f->name, g_value_get_string (v));
          else
            json_object_set_null_member (data, f->name);
          break;
        }
    }

  return data;
}

static gboolean
is_valid_date (const char *text)
{
  g_autoptr(GDateTime) dt = NULL;
  int y, m, d;
  char end;

  if (sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &end) == 3 &&
      strlen (text) == 10)
    return g_date_valid_dmy (d, m, y);

  dt = g_date_time_new_from_iso8601 (text, NULL);
  return dt != NULL;
}

static gboolean
invalid (GError           **error,
         HelderRecord      *self,
         const HelderField *f,
         const char        *why)
{
  g_set_error (error, HELDER_RECORD_ERROR, HELDER_RECORD_ERROR_INVALID_FIELD,
               "%s.%s: %s", helder_record_get_type_name (self), f->name, why);
  return FALSE;
}

/* Checks one field value as it would be stored; the shared rules for the
 * JSON path and for records built in C. */
static gboolean
validate_value (HelderRecord      *self,
                const HelderField *f,
                const GValue      *v,
                GError           **error)
{
  const char *s;

  switch (f->kind)
    {
    case HELDER_FIELD_INTEGER:
      if (g_value_get_int (v) < f->min || g_value_get_int (v) > f->max)
        return invalid (error, self, f, "out of range");
      return TRUE;
    case HELDER_FIELD_BOOLEAN:
      return TRUE;
    case HELDER_FIELD_LIST:
      {
        const char * const *strv = g_value_get_boxed (v);

        if ((f->flags & HELDER_FIELD_REQUIRED) && (strv == NULL || strv[0] == NULL))
          return invalid (error, self, f, "is required");
        for (guint j = 0; strv != NULL && strv[j] != NULL; j++)
          if (!g_utf8_validate (strv[j], -1, NULL))
            return invalid (error, self, f, "is not valid UTF-8");
        return TRUE;
      }
    default:
      break;
    }

  s = g_value_get_string (v);
  if (s == NULL || *s == '\0')
    {
      if (f->flags & HELDER_FIELD_REQUIRED)
        return invalid (error, self, f, "is required");
      return TRUE;
    }
  if (!g_utf8_validate (s, -1, NULL))
    return invalid (error, self, f, "is not valid UTF-8");

  switch (f->kind)
    {
    case HELDER_FIELD_DATE:
      if (!is_valid_date (s))
        return invalid (error, self, f, "is not a date (YYYY-MM-DD)");
      break;
    case HELDER_FIELD_CHOICE:
      if (f->choices != NULL && !g_strv_contains (f->choices, s))
        return invalid (error, self, f, "is not one of the allowed values");
      break;
    case HELDER_FIELD_JSON:
      {
        g_autoptr(JsonNode) node = json_from_string (s, NULL);

        if (node == NULL || (!JSON_NODE_HOLDS_ARRAY (node) && !JSON_NODE_HOLDS_OBJECT (node)))
          return invalid (error, self, f, "is not a JSON array or object");
      }
      break;
    default:
      break;
    }

  return TRUE;
}

gboolean
helder_record_validate (HelderRecord  *self,
                        GError       **error)
{
  HelderRecordClass *klass;
  GValue *values;

  g_return_val_if_fail (HELDER_IS_RECORD (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  klass = HELDER_RECORD_GET_CLASS (self);
  values = helder_record_ensure_values (self);

  for (guint i = 0; i < klass->n_fields; i++)
    if (!validate_value (self, &klass->fields[i], &values[i], error))
      return FALSE;

  return TRUE;
}

/* Converts one JSON member into a GValue of the field's type, or fails
 * with an error that names the field. */
static gboolean
value_from_json (HelderRecord      *self,
                 const HelderField *f,
                 JsonNode          *node,
                 GValue            *value,
                 GError           **error)
{
  gboolean is_null = node == NULL || JSON_NODE_HOLDS_NULL (node);

  g_value_init (value, helder_record_field_value_type (f->kind));

  switch (f->kind)
    {
    case HELDER_FIELD_INTEGER:
      if (is_null)
        {
          g_value_set_int (value, CLAMP (0, f->min, f->max));
          return TRUE;
        }
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
        return invalid (error, self, f, "must be an integer");
      if (json_node_get_int (node) < f->min || json_node_get_int (node) > f->max)
        return invalid (error, self, f, "out of range");
      g_value_set_int (value, json_node_get_int (node));
      return TRUE;

    case HELDER_FIELD_BOOLEAN:
      if (is_null)
        return TRUE;
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
        return invalid (error, self, f, "must be true or false");
      g_value_set_boolean (value, json_node_get_boolean (node));
      return TRUE;

    case HELDER_FIELD_LIST:
      {
        g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
        JsonArray *array;

        if (is_null)
          return TRUE;
        if (!JSON_NODE_HOLDS_ARRAY (node))
          return invalid (error, self, f, "must be an array of strings");
        array = json_node_get_array (node);
        for (guint j = 0; j < json_array_get_length (array); j++)
          {
            JsonNode *element = json_array_get_element (array, j);

            if (!JSON_NODE_HOLDS_VALUE (element) ||
                json_node_get_value_type (element) != G_TYPE_STRING)
              return invalid (error, self, f, "must be an array of strings");
            g_strv_builder_add (builder, json_node_get_string (element));
          }
        g_value_take_boxed (value, g_strv_builder_end (builder));
        return TRUE;
      }

    case HELDER_FIELD_JSON:
      if (is_null)
        return TRUE;
      if (!JSON_NODE_HOLDS_ARRAY (node) && !JSON_NODE_HOLDS_OBJECT (node))
        return invalid (error, self, f, "must be a JSON array or object");
      g_value_take_string (value, json_to_string (node, FALSE));
      return TRUE;

    default:
      if (is_null)
        return TRUE;
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        return invalid (error, self, f, "must be a string");
      g_value_set_string (value, json_node_get_string (node));
      return TRUE;
    }
}

/**
 * helder_record_set_from_json_data:
 *
 * Sets every field from @data.  Members the type does not know are
 * ignored (a newer client may send more); a missing member empties the
 * field.  On error the record is left unchanged.
 */
gboolean
helder_record_set_from_json_data (HelderRecord  *self,
                                  JsonObject    *data,
                                  GError       **error)
{
  HelderRecordClass *klass;
  g_autofree GValue *parsed = NULL;
  gboolean ok = TRUE;
  guint n_parsed = 0;

  g_return_val_if_fail (HELDER_IS_RECORD (self), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  klass = HELDER_RECORD_GET_CLASS (self);
  parsed = g_new0 (GValue, MAX (klass->n_fields, 1));

  for (; n_parsed < klass->n_fields && ok; n_parsed++)
    {
      const HelderField *f = &klass->fields[n_parsed];
      JsonNode *node = json_object_get_member (data, f->name);

      ok = value_from_json (self, f, node, &parsed[n_parsed], error) &&
           validate_value (self, f, &parsed[n_parsed], error);
    }

  if (ok)
    {
      g_object_freeze_notify (G_OBJECT (self));
      for (guint i = 0; i < klass->n_fields; i++)
        g_object_set_property (G_OBJECT (self), klass->field_pspecs[i]->name, &parsed[i]);
      g_object_thaw_notify (G_OBJECT (self));
    }

  for (guint i = 0; i < n_parsed; i++)
    if (G_IS_VALUE (&parsed[i]))
      g_value_unset (&parsed[i]);

  return ok;
}

gboolean
helder_record_equal_data (HelderRecord *a,
                          HelderRecord *b)
{
  HelderRecordClass *klass;
  GValue *va, *vb;

  g_return_val_if_fail (HELDER_IS_RECORD (a), FALSE);
  g_return_val_if_fail (HELDER_IS_RECORD (b), FALSE);

  if (G_OBJECT_TYPE (a) != G_OBJECT_TYPE (b))
    return FALSE;

  klass = HELDER_RECORD_GET_CLASS (a);
  va = helder_record_ensure_values (a);
  vb = helder_record_ensure_values (b);

  for (guint i = 0; i < klass->n_fields; i++)
    if (!helder_record_values_equal (klass->field_pspecs[i], &va[i], &vb[i]))
      return FALSE;

  return helder_record_get_deleted (a) == helder_record_get_deleted (b);
}
