/* helder-protocol.h: the wire names of Helder's sync protocol v1
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* One place for every name the sync client and helder-server must spell
 * alike (DESIGN.md, "Sync protocol"): paths, headers, JSON members, the
 * statuses of a push's results, error codes, visibilities and roles.
 * Header-only: the server includes it without linking the client. */

/* Paths */
#define HELDER_PATH_LOGIN    "/v1/login"
#define HELDER_PATH_CHANGES  "/v1/changes"
#define HELDER_PATH_INDEX    "/v1/index"
#define HELDER_PATH_PUSH     "/v1/push"
#define HELDER_PATH_RECORDS  "/v1/records/"   /* + record id */
#define HELDER_PATH_BLOBS    "/v1/blobs/"     /* + SHA-256 in lower-case hex */
#define HELDER_PATH_STREAM   "/v1/stream"

/* Query parameters of HELDER_PATH_CHANGES */
#define HELDER_QUERY_SINCE   "since"
#define HELDER_QUERY_LIMIT   "limit"

/* Headers */
#define HELDER_HEADER_AUTHORIZATION             "Authorization"
#define HELDER_BEARER_PREFIX                    "Bearer "
#define HELDER_HEADER_IDEMPOTENCY_KEY           "Idempotency-Key"
#define HELDER_HEADER_IF_MODIFIED_SINCE_VERSION "If-Modified-Since-Version"
#define HELDER_HEADER_LAST_MODIFIED_VERSION     "Last-Modified-Version"
#define HELDER_HEADER_RETRY_AFTER               "Retry-After"
/* On every answer: the name of the server's data, new after a restore
 * from a backup; a client sends the one it synced with on a push, which
 * the server refuses (412, HELDER_CODE_EPOCH_CHANGED) if it changed. */
#define HELDER_HEADER_DATA_EPOCH                "Data-Epoch"
#define HELDER_MEDIA_TYPE_JSON                  "application/json"

/* JSON members: login */
#define HELDER_MEMBER_USER            "user"
#define HELDER_MEMBER_PASSWORD        "password"
#define HELDER_MEMBER_TOKEN           "token"
#define HELDER_MEMBER_ORG             "org"
#define HELDER_MEMBER_ROLE            "role"

/* JSON members: records on the wire */
#define HELDER_MEMBER_ID              "id"
#define HELDER_MEMBER_TYPE            "type"
#define HELDER_MEMBER_VERSION         "version"
#define HELDER_MEMBER_BASE_VERSION    "base_version"
#define HELDER_MEMBER_DELETED         "deleted"
#define HELDER_MEMBER_VISIBILITY      "visibility"
#define HELDER_MEMBER_UPDATED_BY      "updated_by"
#define HELDER_MEMBER_UPDATED_AT      "updated_at"
#define HELDER_MEMBER_DATA            "data"

/* JSON members: pages, pushes and their answers */
#define HELDER_MEMBER_RECORDS         "records"
#define HELDER_MEMBER_NEXT            "next"
#define HELDER_MEMBER_MORE            "more"
#define HELDER_MEMBER_LIBRARY_VERSION "library_version"
#define HELDER_MEMBER_RESTORED_VERSION "restored_version"  /* index: the version at the last restore */
#define HELDER_MEMBER_DATA_EPOCH      "data_epoch"        /* stream messages */
#define HELDER_MEMBER_RESULTS         "results"
#define HELDER_MEMBER_STATUS          "status"
#define HELDER_MEMBER_SERVER          "server"
#define HELDER_MEMBER_ERROR           "error"
#define HELDER_MEMBER_MESSAGE         "message"

/* The status of one pushed record */
#define HELDER_RESULT_APPLIED         "applied"
#define HELDER_RESULT_UNCHANGED       "unchanged"
#define HELDER_RESULT_CONFLICT        "conflict"
#define HELDER_RESULT_REJECTED        "rejected"

/* Visibilities and roles */
#define HELDER_WIRE_ORG               "org"
#define HELDER_WIRE_PRIVATE           "private"
#define HELDER_ROLE_ADMIN             "admin"
#define HELDER_ROLE_ADVISOR           "advisor"
#define HELDER_ROLE_STAFF             "staff"

/* Error codes: the "error" member of an error answer, or of a rejected
 * result */
#define HELDER_CODE_BAD_REQUEST            "bad_request"
#define HELDER_CODE_BAD_JSON               "bad_json"
#define HELDER_CODE_BAD_FIELD              "bad_field"
#define HELDER_CODE_NOT_FOUND              "not_found"
#define HELDER_CODE_BAD_BASE_VERSION       "bad_base_version"
#define HELDER_CODE_MISSING_BLOB           "missing_blob"
#define HELDER_CODE_FORBIDDEN              "forbidden"
#define HELDER_CODE_UNAUTHORIZED           "unauthorized"
#define HELDER_CODE_BAD_CREDENTIALS        "bad_credentials"
#define HELDER_CODE_TOO_MANY_ATTEMPTS      "too_many_attempts"
#define HELDER_CODE_METHOD_NOT_ALLOWED     "method_not_allowed"
#define HELDER_CODE_LENGTH_REQUIRED        "length_required"
#define HELDER_CODE_TOO_LARGE              "too_large"
#define HELDER_CODE_TOO_MANY_RECORDS       "too_many_records"
#define HELDER_CODE_UNSUPPORTED_MEDIA_TYPE "unsupported_media_type"
#define HELDER_CODE_SINCE_TOO_OLD          "since_too_old"
#define HELDER_CODE_KEY_REUSED             "key_reused"
#define HELDER_CODE_HASH_MISMATCH          "hash_mismatch"
#define HELDER_CODE_STORAGE                "storage"
#define HELDER_CODE_EPOCH_CHANGED          "epoch_changed"
#define HELDER_CODE_HEADERS_TOO_LARGE      "headers_too_large"
