/* test-server-util.h: what the programs testing helder-server share
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "test-util.h"

G_BEGIN_DECLS

/* Every test talks HTTP to a helder-server process on loopback, started
 * from $HELDER_SERVER with a temporary data directory.  One shared server
 * (two organisations, seven users, each logged in once: argon2 costs about
 * 0.1-0.3 s a login) serves most tests; each test uses fresh record ids so
 * the tests stay independent of each other.  The crash test and the small
 * blob limit have servers of their own. */

#define MIB (1024 * 1024)

/* A server process */

typedef struct
{
  char        *dir;
  char        *config;
  char        *database;    /* PostgreSQL under with-postgres.sh, else NULL */
  GSubprocess *process;
  GPid         pid;
  guint16      port;
  char        *base;        /* http://127.0.0.1:PORT */
  GThread     *reader;
  GMutex       lock;
  GCond        cond;
  GString     *output;      /* all it printed on stdout, over restarts */
  gboolean     eof;
  guint        fd_limit;    /* RLIMIT_NOFILE of the process, 0: inherited */
} Server;

/* HTTP */

typedef struct
{
  guint               status;
  GBytes             *body;
  JsonNode           *json;      /* NULL when the body is not JSON */
  SoupMessageHeaders *headers;
  double              seconds;
} Reply;

void reply_free (Reply *r);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Reply, reply_free)

#define assert_status(r, expected)                                       \
  G_STMT_START {                                                         \
    if ((r)->status != (guint) (expected))                               \
      {                                                                  \
        g_autofree char *_text = reply_text (r);                         \
        g_test_message ("unexpected answer %u: %s", (r)->status, _text); \
      }                                                                  \
    g_assert_cmpuint ((r)->status, ==, (expected));                      \
  } G_STMT_END

/* A check of the server's behaviour after which the test can go on: the
 * failure is reported and the rest of the suite still runs. */
#define expect(cond, what)                                       \
  G_STMT_START {                                                 \
    if (!(cond))                                                 \
      {                                                          \
        g_test_message ("expected %s: %s", what, #cond);         \
        g_test_fail ();                                          \
      }                                                          \
  } G_STMT_END

/* A WebSocket stream of notifications */

typedef struct
{
  SoupWebsocketConnection *connection;
  GError                  *error;
  gboolean                 done;
  GQueue                   messages;   /* char * */
} Stream;

/* The shared server */

enum { ANNA, BRAM, CARLA, DAAN, EVA, FINN, GIJS, N_USERS };

typedef struct
{
  const char *login;
  const char *org;
  const char *role;
  gboolean    log_in;
} TestUser;

extern const TestUser users[N_USERS];

typedef struct
{
  Server      srv;
  gboolean    ready;
  char       *passwords[N_USERS];
  char       *tokens[N_USERS];
  JsonObject *logins[N_USERS];    /* the login answers */
} SharedServer;

extern SharedServer shared;
/* Every password and token any test used: none may appear in a log. */
extern GPtrArray   *secrets;
extern SoupSession *session;

#define TOKEN(who) (shared.tokens[who])

GSubprocess       *admin_spawn               (Server        *srv,
                                              const char    *password,
                                              const char    *first,
                                              ...) G_GNUC_NULL_TERMINATED;
char              *document                  (const char    *title);
char              *own_server                (Server        *srv,
                                              const char    *config_text);
void               run_until                 (gboolean      *flag,
                                              guint          timeout_ms);
gboolean           has_message               (Stream        *s);
char              *next_message              (Stream        *s,
                                              guint          timeout_ms);
void               stream_open               (Stream        *s,
                                              SoupSession   *with,
                                              Server        *srv,
                                              const char    *token,
                                              SoupMessage  **out_msg);
void               stream_clear              (Stream        *s);
gint64             version_message           (const char    *text);
guint64            server_rss                (Server        *srv);
char              *server_output             (Server        *srv);
gsize              server_output_length      (Server        *srv);
void               server_init               (Server        *srv,
                                              const char    *config_text);
void               server_start              (Server        *srv);
void               server_wait               (Server        *srv);
gboolean           server_alive              (Server        *srv);
void               server_stop               (Server        *srv);
void               server_clear              (Server        *srv);
SoupSession       *new_session               (void);
Reply             *http_try_va               (SoupSession   *with,
                                              const char    *base,
                                              const char    *method,
                                              const char    *path,
                                              const char    *token,
                                              const char    *content_type,
                                              GBytes        *body,
                                              GError       **error,
                                              va_list        ap);
Reply             *http_try                  (SoupSession   *with,
                                              const char    *base,
                                              const char    *method,
                                              const char    *path,
                                              const char    *token,
                                              const char    *content_type,
                                              GBytes        *body,
                                              GError       **error,
                                              ...) G_GNUC_NULL_TERMINATED;
Reply             *http                      (Server        *srv,
                                              const char    *method,
                                              const char    *path,
                                              const char    *token,
                                              const char    *content_type,
                                              const char    *body,
                                              ...) G_GNUC_NULL_TERMINATED;
char              *reply_text                (Reply         *r);
JsonObject        *root                      (Reply         *r);
void               assert_error              (Reply         *r,
                                              guint          status,
                                              const char    *code,
                                              const char    *needle);
char              *new_id                    (void);
char              *rec                       (const char    *id,
                                              const char    *type,
                                              gint64         base,
                                              gboolean       deleted,
                                              const char    *visibility,
                                              const char    *data);
char              *batch                     (char          *first,
                                              ...);
Reply             *push                      (Server        *srv,
                                              const char    *token,
                                              const char    *key,
                                              const char    *body);
Reply             *push_ok                   (Server        *srv,
                                              const char    *token,
                                              const char    *body);
JsonObject        *result_at                 (Reply         *r,
                                              guint          i);
guint              n_results                 (Reply         *r);
void               assert_result             (Reply         *r,
                                              guint          i,
                                              const char    *status,
                                              const char    *error);
gint64             result_version            (Reply         *r,
                                              guint          i);
gint64             create                    (Server        *srv,
                                              const char    *token,
                                              const char    *id,
                                              const char    *type,
                                              const char    *data);
Reply             *edit                      (Server        *srv,
                                              const char    *token,
                                              const char    *id,
                                              const char    *type,
                                              gint64         base,
                                              gboolean       deleted,
                                              const char    *data);
gint64             library_version           (Server        *srv,
                                              const char    *token);
JsonObject        *get_record                (Server        *srv,
                                              const char    *token,
                                              const char    *id);
GHashTable        *changes_all               (Server        *srv,
                                              const char    *token,
                                              gint64         since,
                                              guint          limit,
                                              guint         *n_pages);
GSocketConnection *raw_connect_with_timeout  (guint16        port,
                                              guint          timeout);
GSocketConnection *raw_connect               (guint16        port);
char              *raw_exchange              (guint16        port,
                                              const char    *request,
                                              guint          timeout,
                                              double        *seconds);
guint              raw_status                (const char    *answer);
guint              count_fds                 (GPid           pid);
char              *login_body                (const char    *user,
                                              const char    *password);
Reply             *server_login              (Server        *srv,
                                              const char    *user,
                                              const char    *password);
char              *login_token               (Server        *srv,
                                              const char    *user,
                                              const char    *password);
void               add_org                   (Server        *srv,
                                              const char    *slug,
                                              const char    *name);
Server            *shared_server             (void);
gboolean           output_has                (Server        *srv,
                                              gsize          from,
                                              const char    *needle);
void               server_test_init          (int           *argc,
                                              char        ***argv);
int                server_test_run           (void);

G_END_DECLS
