/* helder-server-storage.c: where helder-server keeps its data
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-server-storage"

#include "config.h"

#include "helder-server-storage.h"
#include "sync/helder-protocol.h"

G_DEFINE_INTERFACE (HelderServerStorage, helder_server_storage, G_TYPE_OBJECT)

G_DEFINE_QUARK (helder-server-error-quark, helder_server_error)

static void
helder_server_storage_default_init (HelderServerStorageInterface *iface)
{
  g_signal_new ("version-changed", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST, 0,
                NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);
  g_signal_new ("epoch-changed", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST, 0,
                NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

void
helder_server_page_init (HelderServerPage *page,
                         GString          *text)
{
  page->text = text;
  page->start = text->len;
  page->versions = g_array_new (FALSE, FALSE, sizeof (gint64));
  page->ends = g_array_new (FALSE, FALSE, sizeof (gsize));
}

void
helder_server_page_clear (HelderServerPage *page)
{
  g_clear_pointer (&page->versions, g_array_unref);
  g_clear_pointer (&page->ends, g_array_unref);
}

void
helder_server_page_add (HelderServerPage *page,
                        gint64            version,
                        const char       *wire,
                        gsize             length)
{
  gsize end;

  g_string_append_len (page->text, wire, length);
  end = page->text->len;
  g_string_append_c (page->text, ',');
  g_array_append_val (page->versions, version);
  g_array_append_val (page->ends, end);
}

/* Keeps the first @n records (none: the page starts again) */
void
helder_server_page_cut (HelderServerPage *page,
                        guint             n)
{
  if (n >= page->versions->len)
    return;
  g_string_truncate (page->text, n > 0 ? g_array_index (page->ends, gsize, n - 1) + 1 : page->start);
  g_array_set_size (page->versions, n);
  g_array_set_size (page->ends, n);
}

void
helder_server_user_clear (HelderServerUser *user)
{
  g_clear_pointer (&user->login, g_free);
  g_clear_pointer (&user->role, g_free);
  g_clear_pointer (&user->org_slug, g_free);
  g_clear_pointer (&user->epoch, g_free);
  user->id = user->org_id = 0;
}

/* A record row from a backend's columns; data and field_versions are
 * stored as JSON text. */
JsonObject *
helder_server_row_new (const char *id,
                       const char *type,
                       gint64      version,
                       gboolean    deleted,
                       const char *visibility,
                       gint64      owner,
                       const char *updated_by,
                       const char *updated_at,
                       const char *data_json,
                       const char *field_versions_json)
{
  JsonObject *row = json_object_new ();

  json_object_set_string_member (row, "id", id);
  json_object_set_string_member (row, "type", type);
  json_object_set_int_member (row, "version", version);
  json_object_set_boolean_member (row, "deleted", deleted);
  json_object_set_string_member (row, "visibility", visibility);
  json_object_set_int_member (row, "owner", owner);
  json_object_set_string_member (row, "updated_by", updated_by);
  json_object_set_string_member (row, "updated_at", updated_at);
  json_object_set_member (row, "data", json_from_string (data_json, NULL));
  json_object_set_member (row, "field_versions", json_from_string (field_versions_json, NULL));
  return row;
}

/* The members of a record on the wire: the row's, less owner and field
 * versions. */
static const char * const wire_members[] = {
  HELDER_MEMBER_ID, HELDER_MEMBER_TYPE, HELDER_MEMBER_VERSION, HELDER_MEMBER_DELETED,
  HELDER_MEMBER_VISIBILITY, HELDER_MEMBER_UPDATED_BY, HELDER_MEMBER_UPDATED_AT, HELDER_MEMBER_DATA,
};

/* The record as the wire has it. */
JsonNode *
helder_server_row_wire (JsonObject *row)
{
  JsonObject *out = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  for (guint i = 0; i < G_N_ELEMENTS (wire_members); i++)
    if (json_object_has_member (row, wire_members[i]))
      json_object_set_member (out, wire_members[i], json_node_copy (json_object_get_member (row, wire_members[i])));
  json_node_take_object (node, out);
  return node;
}

/* Whether json-glib writes @text other than as it is. */
static gboolean
needs_escape (const char *text)
{
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    if (*p < 0x20 || *p == '"' || *p == '\\' || *p == 0x7f)
      return TRUE;
  return FALSE;
}

/* @node as json-glib writes it: the members of a row at once, anything
 * else (a string to escape) through json-glib. */
static void
append_value (GString  *out,
              JsonNode *node)
{
  g_autofree char *text = NULL;

  if (JSON_NODE_HOLDS_NULL (node))
    {
      g_string_append (out, "null");
      return;
    }
  if (JSON_NODE_HOLDS_VALUE (node))
    {
      GType type = json_node_get_value_type (node);

      if (type == G_TYPE_INT64)
        {
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          return;
        }
      if (type == G_TYPE_BOOLEAN)
        {
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          return;
        }
      if (type == G_TYPE_STRING && !needs_escape (json_node_get_string (node)))
        {
          g_string_append_c (out, '"');
          g_string_append (out, json_node_get_string (node));
          g_string_append_c (out, '"');
          return;
        }
    }
  text = json_to_string (node, FALSE);
  g_string_append (out, text);
}

/**
 * helder_server_row_texts:
 * @wire_json: (out): helder_server_row_wire() as text, kept next to the
 *   row for pages of changes
 *
 * The JSON texts a backend stores for a row.  The wire text is written
 * here, the data's text spliced in: a push stores many records, and
 * building, copying and writing each one's wire object with json-glib was
 * a tenth of its cost.  The bytes are json-glib's (test-server-rows).
 */
void
helder_server_row_texts (JsonObject  *row,
                         char       **data_json,
                         char       **field_versions_json,
                         char       **wire_json)
{
  g_autoptr(JsonNode) data = json_node_init_object (json_node_alloc (), json_object_get_object_member (row, "data"));
  g_autoptr(JsonNode) versions = json_node_init_object (json_node_alloc (),
                                                        json_object_get_object_member (row, "field_versions"));
  GString *wire = g_string_sized_new (256);

  *data_json = json_to_string (data, FALSE);
  *field_versions_json = json_to_string (versions, FALSE);

  g_string_append_c (wire, '{');
  for (guint i = 0; i < G_N_ELEMENTS (wire_members); i++)
    {
      if (!json_object_has_member (row, wire_members[i]))
        continue;
      if (wire->len > 1)
        g_string_append_c (wire, ',');
      g_string_append_printf (wire, "\"%s\":", wire_members[i]);
      if (g_str_equal (wire_members[i], HELDER_MEMBER_DATA))
        g_string_append (wire, *data_json);
      else
        append_value (wire, json_object_get_member (row, wire_members[i]));
    }
  g_string_append_c (wire, '}');
  *wire_json = g_string_free (wire, FALSE);
}
