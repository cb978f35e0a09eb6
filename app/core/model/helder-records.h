/* helder-records.h: the record types of Helder's data model
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "helder-record.h"

G_BEGIN_DECLS

/* One final type per record type of DESIGN.md's data model.  Their fields
 * are properties (see helder-records.c for the tables); the store, sync
 * and GUI work with them through HelderRecord and these GTypes. */

#define HELDER_DECLARE_RECORD(TypeName, type_name, TYPE_NAME)                      \
  G_DECLARE_FINAL_TYPE (Helder##TypeName, type_name, HELDER, TYPE_NAME, HelderRecord)

#define HELDER_TYPE_ORGANISATION     (helder_organisation_get_type ())
#define HELDER_TYPE_USER             (helder_user_get_type ())
#define HELDER_TYPE_PRIORITY         (helder_priority_get_type ())
#define HELDER_TYPE_TOPIC            (helder_topic_get_type ())
#define HELDER_TYPE_TOPIC_REVIEW     (helder_topic_review_get_type ())
#define HELDER_TYPE_SIGNAL           (helder_signal_get_type ())
#define HELDER_TYPE_MESSAGE          (helder_message_get_type ())
#define HELDER_TYPE_WORKS            (helder_works_get_type ())
#define HELDER_TYPE_OMGEVINGSBEELD   (helder_omgevingsbeeld_get_type ())
#define HELDER_TYPE_CHANNEL          (helder_channel_get_type ())
#define HELDER_TYPE_AUDIENCE         (helder_audience_get_type ())
#define HELDER_TYPE_DOCUMENT         (helder_document_get_type ())
#define HELDER_TYPE_WORD_LIST_ENTRY  (helder_word_list_entry_get_type ())
#define HELDER_TYPE_DICTIONARY_WORD  (helder_dictionary_word_get_type ())
#define HELDER_TYPE_TOOLKIT          (helder_toolkit_get_type ())
#define HELDER_TYPE_TOOLKIT_REVISION (helder_toolkit_revision_get_type ())
#define HELDER_TYPE_TRAINING         (helder_training_get_type ())
#define HELDER_TYPE_SETTING          (helder_setting_get_type ())
#define HELDER_TYPE_AREA             (helder_area_get_type ())
#define HELDER_TYPE_QUARTER          (helder_quarter_get_type ())
#define HELDER_TYPE_PRIORITY_REVIEW  (helder_priority_review_get_type ())
#define HELDER_TYPE_COUNCIL_MEETING  (helder_council_meeting_get_type ())
#define HELDER_TYPE_MESSAGE_EVENT    (helder_message_event_get_type ())
#define HELDER_TYPE_REGISTRATION     (helder_registration_get_type ())

HELDER_DECLARE_RECORD (Organisation,    helder_organisation,     ORGANISATION)
HELDER_DECLARE_RECORD (User,            helder_user,             USER)
HELDER_DECLARE_RECORD (Priority,        helder_priority,         PRIORITY)
HELDER_DECLARE_RECORD (Topic,           helder_topic,            TOPIC)
HELDER_DECLARE_RECORD (TopicReview,     helder_topic_review,     TOPIC_REVIEW)
HELDER_DECLARE_RECORD (Signal,          helder_signal,           SIGNAL)
HELDER_DECLARE_RECORD (Message,         helder_message,          MESSAGE)
HELDER_DECLARE_RECORD (Works,           helder_works,            WORKS)
HELDER_DECLARE_RECORD (Omgevingsbeeld,  helder_omgevingsbeeld,   OMGEVINGSBEELD)
HELDER_DECLARE_RECORD (Channel,         helder_channel,          CHANNEL)
HELDER_DECLARE_RECORD (Audience,        helder_audience,         AUDIENCE)
HELDER_DECLARE_RECORD (Document,        helder_document,         DOCUMENT)
HELDER_DECLARE_RECORD (WordListEntry,   helder_word_list_entry,  WORD_LIST_ENTRY)
HELDER_DECLARE_RECORD (DictionaryWord,  helder_dictionary_word,  DICTIONARY_WORD)
HELDER_DECLARE_RECORD (Toolkit,         helder_toolkit,          TOOLKIT)
HELDER_DECLARE_RECORD (ToolkitRevision, helder_toolkit_revision, TOOLKIT_REVISION)
HELDER_DECLARE_RECORD (Training,        helder_training,         TRAINING)
HELDER_DECLARE_RECORD (Setting,         helder_setting,          SETTING)
HELDER_DECLARE_RECORD (Area,            helder_area,             AREA)
HELDER_DECLARE_RECORD (Quarter,         helder_quarter,          QUARTER)
HELDER_DECLARE_RECORD (PriorityReview,  helder_priority_review,  PRIORITY_REVIEW)
HELDER_DECLARE_RECORD (CouncilMeeting,  helder_council_meeting,  COUNCIL_MEETING)
HELDER_DECLARE_RECORD (MessageEvent,    helder_message_event,    MESSAGE_EVENT)
HELDER_DECLARE_RECORD (Registration,    helder_registration,     REGISTRATION)

/* Every record type, in dependency order (a type comes after the types
 * its fields refer to), terminated by G_TYPE_INVALID. */
const GType *helder_record_types          (void);
GType        helder_record_type_from_name (const char *type_name);

HelderRecord *helder_record_new_from_wire (JsonObject  *object,
                                           GError     **error);

/* Typed accessors for the fields the GUI shows most. */
const char  *helder_record_get_title      (HelderRecord *self);

G_END_DECLS
