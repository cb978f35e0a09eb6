/* helder-records.c: the record types of Helder's data model
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-records"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "helder-records.h"

/* Each type is its field table; the columns in store/helder-store-schema.c
 * must match (the store tests check that they do). */

/* A field with a third argument was added in that schema version; the
 * store adds its column then (see store/helder-store-schema.c). */
#define TEXT(n, l, ...)           { n, HELDER_FIELD_TEXT, l, 0, 0, NULL, 0, __VA_ARGS__ }
#define REQUIRED_TEXT(n, l, ...)  { n, HELDER_FIELD_TEXT, l, 0, 0, NULL, HELDER_FIELD_REQUIRED, __VA_ARGS__ }
#define LONG_TEXT(n, l, ...)      { n, HELDER_FIELD_LONG_TEXT, l, 0, 0, NULL, 0, __VA_ARGS__ }
#define INTEGER(n, l, lo, hi, ...){ n, HELDER_FIELD_INTEGER, l, lo, hi, NULL, 0, __VA_ARGS__ }
#define BOOLEAN(n, l, ...)        { n, HELDER_FIELD_BOOLEAN, l, 0, 0, NULL, 0, __VA_ARGS__ }
#define DATE(n, l, ...)           { n, HELDER_FIELD_DATE, l, 0, 0, NULL, 0, __VA_ARGS__ }
#define CHOICE(n, l, c, ...)      { n, HELDER_FIELD_CHOICE, l, 0, 0, c, 0, __VA_ARGS__ }
#define LIST(n, l, ...)           { n, HELDER_FIELD_LIST, l, 0, 0, NULL, 0, __VA_ARGS__ }
#define JSON(n, l, ...)           { n, HELDER_FIELD_JSON, l, 0, 0, NULL, 0, __VA_ARGS__ }
/* A field no longer used; its column stays for the released migrations. */
#define RETIRED_LIST(n)           { n, HELDER_FIELD_LIST, NULL, 0, 0, NULL, HELDER_FIELD_RETIRED, 0 }

/* @since: the store schema version that created the type's table. */
#define HELDER_DEFINE_RECORD(TypeName, type_name, wire_name, since, field_table)  \
  struct _Helder##TypeName { HelderRecord parent_instance; };                    \
  G_DEFINE_FINAL_TYPE (Helder##TypeName, type_name, HELDER_TYPE_RECORD)          \
  static void type_name##_class_init (Helder##TypeName##Class *klass)             \
  {                                                                              \
    helder_record_class_set_fields (HELDER_RECORD_CLASS (klass), wire_name,      \
                                    since, field_table,                          \
                                    G_N_ELEMENTS (field_table));                 \
  }                                                                              \
  static void type_name##_init (Helder##TypeName *self) { }

static const char *roles[] = { "admin", "advisor", "staff", NULL };
static const char *priority_states[] = { "active", "paused", "done", NULL };
static const char *trends[] = { "rising", "stable", "falling", NULL };
static const char *review_decisions[] = { "keep", "adjust", "drop", "new", NULL };
static const char *message_states[] = { "idea", "draft", "review", "approved", "published", NULL };
static const char *edition_states[] = { "draft", "sent", NULL };
static const char *word_scopes[] = { "org", "personal", NULL };
static const char *dictionary_kinds[] = { "spelling", "ignore", NULL };
static const char *toolkit_categories[] = { "instructie", "toolkit", "advies", "training", "sjabloon", NULL };
static const char *document_kinds[] = { "brief", "webtekst", "nieuwsbericht", "social-mediabericht",
                                        "nieuwsbrief", "persbericht", "raadsinformatiebrief", "overig", NULL };
static const char *languages[] = { "nl_NL", "nl_BE", "en_US", NULL };
static const char *speeds[] = { "direct", "hours", "days", "weeks", NULL };
static const char *topic_states[] = { "active", "dropped", NULL };
static const char *quarter_states[] = { "open", "closed", NULL };
static const char *area_kinds[] = { "kern", "wijk", "straat", NULL };

static const HelderField organisation_fields[] = {
  REQUIRED_TEXT ("name", N_("Name")),
  REQUIRED_TEXT ("slug", N_("Short name")),
};

static const HelderField user_fields[] = {
  REQUIRED_TEXT ("name", N_("Name")),
  TEXT ("email", N_("E-mail")),
  REQUIRED_TEXT ("login", N_("Login")),
  CHOICE ("role", N_("Role"), roles),
};

static const HelderField priority_fields[] = {
  REQUIRED_TEXT ("title", N_("Title")),
  LONG_TEXT ("rationale", N_("Rationale")),
  TEXT ("source_clause", N_("Clause of the coalition agreement")),
  TEXT ("theme", N_("Theme")),
  TEXT ("owner", N_("Owner")),
  INTEGER ("rank", N_("Rank"), 0, 1000),
  LIST ("quarters", N_("Quarters")),
  CHOICE ("status", N_("Status"), priority_states),
};

static const HelderField topic_fields[] = {
  REQUIRED_TEXT ("title", N_("Title")),
  LONG_TEXT ("summary", N_("Summary")),
  INTEGER ("admin_impact", N_("Administrative impact"), 1, 5),
  INTEGER ("societal_impact", N_("Societal impact"), 1, 5),
  CHOICE ("trend", N_("Trend"), trends),
  TEXT ("owner", N_("Point of contact")),
  LIST ("priorities", N_("Priorities")),
  DATE ("next_review", N_("Next review")),
  CHOICE ("status", N_("Status"), topic_states, 6),
};

static const HelderField topic_review_fields[] = {
  REQUIRED_TEXT ("topic", N_("Topic")),
  REQUIRED_TEXT ("quarter", N_("Quarter")),
  CHOICE ("decision", N_("Decision"), review_decisions),
  LONG_TEXT ("reason", N_("Reason")),
  TEXT ("reviewer", N_("Reviewer")),
  /* the new scores when the decision is adjust; 0: unchanged */
  INTEGER ("admin_impact", N_("New administrative impact"), 0, 5, 6),
  INTEGER ("societal_impact", N_("New societal impact"), 0, 5, 6),
};

static const HelderField signal_fields[] = {
  DATE ("date", N_("Date")),
  TEXT ("channel", N_("Source channel")),
  LONG_TEXT ("text", N_("Signal")),
  TEXT ("topic", N_("Topic")),
};

static const HelderField message_fields[] = {
  REQUIRED_TEXT ("title", N_("Title")),
  TEXT ("body", N_("Text")),
  LIST ("audiences", N_("Audiences")),
  TEXT ("area", N_("Area")),
  DATE ("window_start", N_("From")),
  DATE ("window_end", N_("Until")),
  CHOICE ("status", N_("Status"), message_states),
  TEXT ("approver", N_("Approver")),
  TEXT ("priority", N_("Priority")),
  TEXT ("topic", N_("Topic")),
  LIST ("works", N_("Works")),
  JSON ("channels", N_("Channels")),
  INTEGER ("urgency", N_("Urgency"), 1, 3),
  BOOLEAN ("legal_effect", N_("Legal effect")),
  DATE ("deadline", N_("Deadline")),
  BOOLEAN ("two_way", N_("Two-way contact needed")),
  TEXT ("author", N_("Author"), 6),
  DATE ("approved_at", N_("Approved on"), 6),
  INTEGER ("complexity", N_("Complexity"), 1, 3, 6),
  INTEGER ("sensitivity", N_("Sensitivity"), 1, 3, 6),
  BOOLEAN ("omgevingswet", N_("Falls under the Omgevingswet"), 6),
  LIST ("areas", N_("Areas"), 6),
  TEXT ("council_meeting", N_("Council meeting"), 6),
};

static const HelderField works_fields[] = {
  REQUIRED_TEXT ("title", N_("Title")),
  TEXT ("location", N_("Street")),
  TEXT ("wijk", N_("Wijk")),
  DATE ("start_date", N_("Start")),
  DATE ("end_date", N_("End")),
  INTEGER ("lead_time_days", N_("Lead time in days"), 0, 365),
  LIST ("audiences", N_("Affected audiences")),
  LIST ("streets", N_("Streets"), 6),
  LONG_TEXT ("description", N_("Description"), 6),
  TEXT ("contact", N_("Point of contact"), 6),
};

static const HelderField omgevingsbeeld_fields[] = {
  DATE ("date", N_("Date")),
  JSON ("items", N_("Items")),
  CHOICE ("status", N_("Status"), edition_states),
  LIST ("sent_to", N_("Sent to")),
  INTEGER ("number", N_("Edition number"), 0, 100000, 6),
  DATE ("sent_at", N_("Sent on"), 6),
  TEXT ("sent_by", N_("Sent by"), 6),
  LONG_TEXT ("intro", N_("Introduction"), 6),
};

static const HelderField channel_fields[] = {
  REQUIRED_TEXT ("name", N_("Name")),
  TEXT ("description", N_("Description")),
  BOOLEAN ("digital", N_("Digital")),
  JSON ("reach", N_("Reach per audience")),
  CHOICE ("speed", N_("Speed"), speeds),
  BOOLEAN ("interaction", N_("Two-way")),
  INTEGER ("low_literacy", N_("Suits low literacy"), 1, 5),
  INTEGER ("low_digital", N_("Suits low digital skills"), 1, 5),
  INTEGER ("cost", N_("Cost"), 1, 5),
  BOOLEAN ("formal", N_("May carry legal messages")),
  INTEGER ("weekly_capacity", N_("Messages per week"), 0, 1000),
  TEXT ("key", N_("Key"), 6),
  INTEGER ("target_level", N_("Target language level"), 1, 4, 6),
};

static const HelderField audience_fields[] = {
  REQUIRED_TEXT ("name", N_("Name")),
  INTEGER ("size", N_("Size"), 0, G_MAXINT),
  BOOLEAN ("non_digital", N_("Needs a non-digital route")),
  TEXT ("language_level", N_("Language level")),
  TEXT ("needs", N_("Needs")),
  TEXT ("key", N_("Key"), 6),
  TEXT ("parent", N_("Part of"), 6),
  BOOLEAN ("low_literacy", N_("Low literacy"), 6),
  BOOLEAN ("low_digital", N_("Low digital skills"), 6),
  INTEGER ("weekly_budget", N_("Messages per week at most"), 0, 50, 6),
};

static const HelderField document_fields[] = {
  REQUIRED_TEXT ("title", N_("Title")),
  CHOICE ("kind", N_("Kind"), document_kinds),
  TEXT ("channel", N_("Channel")),
  INTEGER ("target_level", N_("Target level"), 1, 4),
  CHOICE ("language", N_("Language"), languages),
  LONG_TEXT ("body", N_("Text")),
  LIST ("ignored", N_("Words ignored by the spelling check"), 5),
};

static const HelderField word_list_entry_fields[] = {
  REQUIRED_TEXT ("word", N_("Word")),
  LIST ("alternatives", N_("Alternatives")),
  TEXT ("explanation", N_("Explanation")),
  CHOICE ("scope", N_("Scope"), word_scopes),
};

static const HelderField dictionary_word_fields[] = {
  REQUIRED_TEXT ("word", N_("Word")),
  CHOICE ("scope", N_("Scope"), word_scopes),
  CHOICE ("language", N_("Language"), languages),
  /* spelling: a correct word; ignore: never flagged by any check */
  CHOICE ("kind", N_("Kind"), dictionary_kinds, 3),
};

static const HelderField toolkit_fields[] = {
  REQUIRED_TEXT ("title", N_("Title")),
  TEXT ("summary", N_("Summary")),
  LONG_TEXT ("body", N_("Text")),
  CHOICE ("category", N_("Category"), toolkit_categories),
  LIST ("tags", N_("Tags")),
  TEXT ("owner", N_("Owner")),
  DATE ("last_reviewed", N_("Last reviewed")),
  DATE ("next_review", N_("Next review")),
  JSON ("attachments", N_("Attachments")),
  LIST ("channels", N_("Channels"), 6),
  LIST ("priorities", N_("Priorities"), 6),
  LIST ("document_kinds", N_("Kinds of text"), 6),
  TEXT ("verified_by", N_("Checked by"), 6),
  DATE ("verified_at", N_("Checked on"), 6),
  TEXT ("source_path", N_("Imported from"), 6),
};

static const HelderField toolkit_revision_fields[] = {
  REQUIRED_TEXT ("toolkit", N_("Toolkit")),
  TEXT ("title", N_("Title")),
  LONG_TEXT ("body", N_("Text")),
  TEXT ("note", N_("What changed")),
  TEXT ("summary", N_("Summary"), 6),
  INTEGER ("number", N_("Version"), 0, 100000, 6),
  TEXT ("author", N_("Author"), 6),
};

static const HelderField training_fields[] = {
  REQUIRED_TEXT ("title", N_("Title")),
  TEXT ("toolkit", N_("Toolkit")),
  DATE ("starts_at", N_("Starts")),
  TEXT ("place", N_("Place")),
  INTEGER ("capacity", N_("Places"), 0, 10000),
  /* registration records replace these (schema 6) */
  RETIRED_LIST ("registrations"),
  RETIRED_LIST ("waitlist"),
  RETIRED_LIST ("attendance"),
  DATE ("ends_at", N_("Ends"), 6),
  LONG_TEXT ("description", N_("Description"), 6),
  TEXT ("owner", N_("Owner"), 6),
};

/* Types of schema 6 */

static const HelderField setting_fields[] = {
  REQUIRED_TEXT ("key", N_("Setting")),
  JSON ("value", N_("Value")),
};

static const HelderField area_fields[] = {
  REQUIRED_TEXT ("name", N_("Name")),
  CHOICE ("kind", N_("Kind"), area_kinds),
  TEXT ("parent", N_("Part of")),
  INTEGER ("households", N_("Households"), 0, G_MAXINT),
};

static const HelderField quarter_fields[] = {
  REQUIRED_TEXT ("quarter", N_("Quarter")),
  CHOICE ("status", N_("Status"), quarter_states),
  TEXT ("closed_by", N_("Closed by")),
  DATE ("closed_at", N_("Closed on")),
  /* the topics' cells and trends and the priorities' ranks at closing */
  JSON ("snapshot", N_("Snapshot")),
  LONG_TEXT ("summary", N_("Summary")),
};

static const HelderField priority_review_fields[] = {
  REQUIRED_TEXT ("priority", N_("Priority")),
  REQUIRED_TEXT ("quarter", N_("Quarter")),
  CHOICE ("decision", N_("Decision"), review_decisions),
  LONG_TEXT ("reason", N_("Reason")),
  TEXT ("reviewer", N_("Reviewer")),
  INTEGER ("rank", N_("New rank"), 0, 1000),
};

static const HelderField council_meeting_fields[] = {
  REQUIRED_TEXT ("title", N_("Title")),
  TEXT ("gremium", N_("Body")),
  DATE ("starts_at", N_("Starts")),
  TEXT ("place", N_("Place")),
  /* [{title, priority, topic}] */
  JSON ("agenda", N_("Agenda")),
  LONG_TEXT ("notes", N_("Notes")),
};

/* Append-only: one per status change, never edited, so never a conflict. */
static const HelderField message_event_fields[] = {
  REQUIRED_TEXT ("message", N_("Message")),
  CHOICE ("from_status", N_("From"), message_states),
  CHOICE ("to_status", N_("To"), message_states),
  LONG_TEXT ("comment", N_("Comment")),
  TEXT ("actor", N_("By")),
  DATE ("at", N_("When")),
};

/* One per person per session; places go to the earliest requested_at
 * (ties by id), the rest wait.  Unregistering deletes it. */
static const HelderField registration_fields[] = {
  REQUIRED_TEXT ("training", N_("Training")),
  REQUIRED_TEXT ("user", N_("Participant")),
  DATE ("requested_at", N_("Registered on")),
  BOOLEAN ("attended", N_("Attended")),
};

HELDER_DEFINE_RECORD (Organisation,    helder_organisation,     "organisation",     1, organisation_fields)
HELDER_DEFINE_RECORD (User,            helder_user,             "user",             1, user_fields)
HELDER_DEFINE_RECORD (Priority,        helder_priority,         "priority",         1, priority_fields)
HELDER_DEFINE_RECORD (Topic,           helder_topic,            "topic",            1, topic_fields)
HELDER_DEFINE_RECORD (TopicReview,     helder_topic_review,     "topic_review",     1, topic_review_fields)
HELDER_DEFINE_RECORD (Signal,          helder_signal,           "signal",           1, signal_fields)
HELDER_DEFINE_RECORD (Message,         helder_message,          "message",          1, message_fields)
HELDER_DEFINE_RECORD (Works,           helder_works,            "works",            1, works_fields)
HELDER_DEFINE_RECORD (Omgevingsbeeld,  helder_omgevingsbeeld,   "omgevingsbeeld",   1, omgevingsbeeld_fields)
HELDER_DEFINE_RECORD (Channel,         helder_channel,          "channel",          1, channel_fields)
HELDER_DEFINE_RECORD (Audience,        helder_audience,         "audience",         1, audience_fields)
HELDER_DEFINE_RECORD (Document,        helder_document,         "document",         1, document_fields)
HELDER_DEFINE_RECORD (WordListEntry,   helder_word_list_entry,  "word_list_entry",  1, word_list_entry_fields)
HELDER_DEFINE_RECORD (DictionaryWord,  helder_dictionary_word,  "dictionary_word",  1, dictionary_word_fields)
HELDER_DEFINE_RECORD (Toolkit,         helder_toolkit,          "toolkit",          1, toolkit_fields)
HELDER_DEFINE_RECORD (ToolkitRevision, helder_toolkit_revision, "toolkit_revision", 1, toolkit_revision_fields)
HELDER_DEFINE_RECORD (Training,        helder_training,         "training",         1, training_fields)
HELDER_DEFINE_RECORD (Setting,         helder_setting,          "setting",          6, setting_fields)
HELDER_DEFINE_RECORD (Area,            helder_area,             "area",             6, area_fields)
HELDER_DEFINE_RECORD (Quarter,         helder_quarter,          "quarter",          6, quarter_fields)
HELDER_DEFINE_RECORD (PriorityReview,  helder_priority_review,  "priority_review",  6, priority_review_fields)
HELDER_DEFINE_RECORD (CouncilMeeting,  helder_council_meeting,  "council_meeting",  6, council_meeting_fields)
HELDER_DEFINE_RECORD (MessageEvent,    helder_message_event,    "message_event",    6, message_event_fields)
HELDER_DEFINE_RECORD (Registration,    helder_registration,     "registration",     6, registration_fields)

const GType *
helder_record_types (void)
{
  static GType types[25];
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      GType t[] = {
        HELDER_TYPE_ORGANISATION, HELDER_TYPE_USER, HELDER_TYPE_SETTING,
        HELDER_TYPE_AREA, HELDER_TYPE_AUDIENCE, HELDER_TYPE_CHANNEL,
        HELDER_TYPE_PRIORITY, HELDER_TYPE_TOPIC, HELDER_TYPE_QUARTER,
        HELDER_TYPE_TOPIC_REVIEW, HELDER_TYPE_PRIORITY_REVIEW, HELDER_TYPE_SIGNAL,
        HELDER_TYPE_WORKS, HELDER_TYPE_COUNCIL_MEETING, HELDER_TYPE_DOCUMENT,
        HELDER_TYPE_MESSAGE, HELDER_TYPE_MESSAGE_EVENT, HELDER_TYPE_OMGEVINGSBEELD,
        HELDER_TYPE_WORD_LIST_ENTRY, HELDER_TYPE_DICTIONARY_WORD,
        HELDER_TYPE_TOOLKIT, HELDER_TYPE_TOOLKIT_REVISION, HELDER_TYPE_TRAINING,
        HELDER_TYPE_REGISTRATION,
      };

      G_STATIC_ASSERT (G_N_ELEMENTS (t) + 1 == G_N_ELEMENTS (types));
      for (guint i = 0; i < G_N_ELEMENTS (t); i++)
        types[i] = t[i];
      types[G_N_ELEMENTS (t)] = G_TYPE_INVALID;
      /* Ensure every class exists, so its type name is registered. */
      for (guint i = 0; i < G_N_ELEMENTS (t); i++)
        g_type_class_ref (t[i]);
      g_once_init_leave (&initialized, 1);
    }

  return types;
}

GType
helder_record_type_from_name (const char *type_name)
{
  const GType *types = helder_record_types ();

  g_return_val_if_fail (type_name != NULL, G_TYPE_INVALID);

  for (guint i = 0; types[i] != G_TYPE_INVALID; i++)
    {
      HelderRecordClass *klass = g_type_class_peek (types[i]);

      if (g_str_equal (helder_record_class_get_type_name (klass), type_name))
        return types[i];
    }

  return G_TYPE_INVALID;
}

/**
 * helder_record_get_title:
 *
 * The text that names a record in lists: its title, name or word, or for
 * dated records (signals, editions) their date.
 */
const char *
helder_record_get_title (HelderRecord *self)
{
  static const char *candidates[] = { "title", "name", "word", "date" };
  HelderRecordClass *klass;

  g_return_val_if_fail (HELDER_IS_RECORD (self), NULL);

  klass = HELDER_RECORD_GET_CLASS (self);
  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    if (helder_record_class_find_field (klass, candidates[i]) != NULL)
      return helder_record_get_text (self, candidates[i]);

  return NULL;
}

/**
 * helder_record_new_from_wire:
 * @object: a record as the sync protocol and the example data write it:
 *   `{"type", "id", "data", "deleted"?, "visibility"?}`
 *
 * Returns: (transfer full): a new record, or %NULL with an error that
 *   names the member at fault.
 */
HelderRecord *
helder_record_new_from_wire (JsonObject  *object,
                             GError     **error)
{
  g_autoptr(HelderRecord) record = NULL;
  const char *type_name, *id, *visibility;
  JsonNode *data;
  GType type;

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  type_name = json_object_get_string_member_with_default (object, "type", NULL);
  if (type_name == NULL)
    {
      g_set_error_literal (error, HELDER_RECORD_ERROR, HELDER_RECORD_ERROR_INVALID_FIELD,
                           "type: a string is required");
      return NULL;
    }
  type = helder_record_type_from_name (type_name);
  if (type == G_TYPE_INVALID)
    {
      g_set_error (error, HELDER_RECORD_ERROR, HELDER_RECORD_ERROR_UNKNOWN_TYPE,
                   "type: unknown record type \"%s\"", type_name);
      return NULL;
    }

  id = json_object_get_string_member_with_default (object, "id", NULL);
  if (id == NULL || !g_uuid_string_is_valid (id))
    {
      g_set_error_literal (error, HELDER_RECORD_ERROR, HELDER_RECORD_ERROR_INVALID_FIELD,
                           "id: a UUID is required");
      return NULL;
    }

  data = json_object_get_member (object, "data");
  if (data == NULL || !JSON_NODE_HOLDS_OBJECT (data))
    {
      g_set_error_literal (error, HELDER_RECORD_ERROR, HELDER_RECORD_ERROR_INVALID_FIELD,
                           "data: an object is required");
      return NULL;
    }

  record = helder_record_new (type);
  helder_record_set_id (record, id);
  helder_record_set_deleted (record, json_object_get_boolean_member_with_default (object, "deleted", FALSE));

  visibility = json_object_get_string_member_with_default (object, "visibility", "org");
  if (g_strcmp0 (visibility, "private") == 0)
    helder_record_set_visibility (record, HELDER_VISIBILITY_PRIVATE);
  else if (g_strcmp0 (visibility, "org") != 0)
    {
      g_set_error_literal (error, HELDER_RECORD_ERROR, HELDER_RECORD_ERROR_INVALID_FIELD,
                           "visibility: must be \"org\" or \"private\"");
      return NULL;
    }

  if (!helder_record_set_from_json_data (record, json_node_get_object (data), error))
    return NULL;

  return g_steal_pointer (&record);
}
