/* helder-server-connections.c: accepting connections, their limits and timeouts
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-server"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#include "helder-server-private.h"
#include "sync/helder-protocol.h"

/* helder-server accepts its connections itself and hands each to libsoup
 * with soup_server_accept_iostream(), because libsoup 3.2's listener
 * cannot be bounded: it accepts whatever comes until descriptors run
 * out, and when accept() then fails it removes its watch and never
 * accepts again.  Here:
 *
 * - at most max-connections are open (below the descriptor limit); past
 *   that the listening socket is not watched, so new clients wait in the
 *   kernel's backlog, and accepting resumes when one closes.  An accept
 *   that still fails (EMFILE from elsewhere) is retried a second later.
 * - each connection has a deadline for its request's headers, then one
 *   for its body, and an idle timeout on every read and write (the
 *   socket's timeout), so a slow or silent client is dropped.  A
 *   WebSocket stream has no deadline; libsoup pings it instead.
 * - request headers are counted before libsoup reads them: a header block
 *   over HELDER_SERVER_MAX_HEADER is answered 431 (libsoup 3.2 would
 *   drop the connection with a reset), a Content-Length that is not a
 *   number or a Transfer-Encoding other than chunked 400 (libsoup 3.2
 *   leaks the request's path on those), and the rest of what the client
 *   sends is read and thrown away before the socket closes.
 *
 * libsoup gets a stream whose close does not close the socket; the
 * socket closes when libsoup lets go of that stream.  One request per
 * connection: without a listener of its own libsoup never keeps a
 * connection alive, which also keeps clear of libsoup 3.2's leak of
 * closed keep-alive connections. */

#define DESCRIPTOR_RESERVE   64      /* database, blob files, log, PostgreSQL */
#define LINGER_AFTER_REFUSAL 10      /* seconds */
#define WEBSOCKET_PING       30      /* seconds */

/* The header guard: a pollable filter over the connection's input */

#define HELDER_TYPE_HEADER_GUARD (helder_header_guard_get_type ())
G_DECLARE_FINAL_TYPE (HelderHeaderGuard, helder_header_guard, HELDER, HEADER_GUARD, GFilterInputStream)

struct _HelderHeaderGuard
{
  GFilterInputStream  parent_instance;

  gsize               header_bytes;
  guint               match;      /* how much of "\r\n\r\n" was just seen */
  gboolean            done;       /* the headers are complete */
  gboolean            overflow;
  GOutputStream      *out;        /* for the 431 */
  char                line[160];  /* the start of the request line, for the log */
  guint               line_len;
  gboolean            line_done;
  char                header[64]; /* the start of the current header line */
  guint               header_len;
  gboolean            header_truncated;
  char                content_length[20];
  gboolean            chunked;
};

static void helder_header_guard_pollable_init (GPollableInputStreamInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HelderHeaderGuard, helder_header_guard, G_TYPE_FILTER_INPUT_STREAM,
                               G_IMPLEMENT_INTERFACE (G_TYPE_POLLABLE_INPUT_STREAM,
                                                      helder_header_guard_pollable_init))

static GPollableInputStream *
guard_base (HelderHeaderGuard *self)
{
  return G_POLLABLE_INPUT_STREAM (g_filter_input_stream_get_base_stream (G_FILTER_INPUT_STREAM (self)));
}

/* Answers the request in place of libsoup (which never saw it whole) and
 * reports end of input, so libsoup lets go of the connection. */
static gssize
guard_refuse (HelderHeaderGuard *self,
              guint              status,
              const char        *code,
              const char        *message)
{
  g_autofree char *body = g_strdup_printf ("{\"" HELDER_MEMBER_ERROR "\":\"%s\",\"" HELDER_MEMBER_MESSAGE
                                           "\":\"%s\"}", code, message);
  g_autofree char *response =
    g_strdup_printf ("HTTP/1.1 %u %s\r\nServer: helder-server/" PACKAGE_VERSION "\r\nConnection: close\r\n"
                     "Content-Type: " HELDER_MEDIA_TYPE_JSON "\r\nContent-Length: %" G_GSIZE_FORMAT "\r\n\r\n%s",
                     status, status == 431 ? "Request Header Fields Too Large" : soup_status_get_phrase (status),
                     strlen (body), body);
  g_auto(GStrv) words = g_strsplit (self->line, " ", 3);

  self->done = self->overflow = TRUE;
  g_output_stream_write_all (self->out, response, strlen (response), NULL, NULL, NULL);
  /* METHOD PATH, without the query, which could carry anything */
  if (words[0] != NULL && words[1] != NULL && strchr (words[1], '?') != NULL)
    *strchr (words[1], '?') = '\0';
  fprintf (stdout, "%s %s %u 0.0ms -\n", words[0] && *words[0] ? words[0] : "?",
           words[0] && words[1] ? words[1] : "?", status);
  return 0;
}

/* Space and tab only: what HTTP calls optional white space (libsoup
 * keeps a form feed, and then cannot read the number). */
static char *
trim_ows (const char *start,
          const char *end)
{
  while (start < end && (*start == ' ' || *start == '\t'))
    start++;
  while (end > start && (end[-1] == ' ' || end[-1] == '\t'))
    end--;
  return g_strndup (start, end - start);
}

/* A header line that libsoup 3.2 cannot frame the body by: it answers
 * those, but leaks the request's path each time (found by fuzz-server).
 * Stricter than libsoup: one Content-Length of digits, one
 * Transfer-Encoding, chunked. */
static gboolean
bad_framing (HelderHeaderGuard *self)
{
  const char *line = self->header;
  const char *colon = strchr (line, ':');
  g_autofree char *name = NULL;
  g_autofree char *value = NULL;

  /* A folded line (obs-fold) continues the header before it: refused
   * (RFC 9112, 5.2), as it could continue a Content-Length. */
  if (line[0] == ' ' || line[0] == '\t')
    return TRUE;
  if (colon == NULL)
    return FALSE;
  name = trim_ows (line, colon);
  value = trim_ows (colon + 1, line + strlen (line));
  if (g_ascii_strcasecmp (name, "Content-Length") == 0)
    {
      if (self->header_truncated || *value == '\0' || strlen (value) > 18)
        return TRUE;
      for (const char *p = value; *p; p++)
        if (!g_ascii_isdigit (*p))
          return TRUE;
      if (self->content_length[0] != '\0' && !g_str_equal (self->content_length, value))
        return TRUE;
      g_strlcpy (self->content_length, value, sizeof self->content_length);
      return FALSE;
    }
  if (g_ascii_strcasecmp (name, "Transfer-Encoding") == 0)
    {
      if (self->header_truncated || self->chunked || g_ascii_strcasecmp (value, "chunked") != 0)
        return TRUE;
      self->chunked = TRUE;
    }
  return FALSE;
}

/* Counts header bytes in what was read and checks the lines that frame
 * the body, before libsoup parses them. */
static gssize
guard_scan (HelderHeaderGuard *self,
            const guint8      *buffer,
            gssize             n)
{
  static const char end[] = "\r\n\r\n";

  if (n <= 0 || self->done)
    return n;
  for (gssize i = 0; i < n; i++)
    {
      guint8 c = buffer[i];

      if (!self->line_done)
        {
          if (c == '\r' || c == '\n' || self->line_len == sizeof self->line - 1)
            self->line_done = TRUE;
          else
            self->line[self->line_len++] = g_ascii_isprint (c) ? c : '?';
        }
      else if (c == '\n')
        {
          /* The line's own CR goes; libsoup reads another CR inside a
           * line as a space. */
          if (self->header_len > 0 && self->header[self->header_len - 1] == '\r')
            self->header_len--;
          self->header[self->header_len] = '\0';
          g_strdelimit (self->header, "\r", ' ');
          if (bad_framing (self))
            return guard_refuse (self, SOUP_STATUS_BAD_REQUEST, HELDER_CODE_BAD_REQUEST,
                                 "Content-Length must be a number, Transfer-Encoding chunked");
          self->header_len = 0;
          self->header_truncated = FALSE;
        }
      else
        {
          if (self->header_len < sizeof self->header - 1)
            self->header[self->header_len++] = c;
          else
            self->header_truncated = TRUE;
        }
      self->match = c == (guint8) end[self->match] ? self->match + 1 : c == '\r' ? 1 : 0;
      if (self->match == 4)
        {
          self->done = TRUE;
          return n;
        }
      if (++self->header_bytes > HELDER_SERVER_MAX_HEADER)
        return guard_refuse (self, 431, HELDER_CODE_HEADERS_TOO_LARGE, "The request headers are too large");
    }
  return n;
}

static gssize
guard_read (GInputStream  *stream,
            void          *buffer,
            gsize          count,
            GCancellable  *cancellable,
            GError       **error)
{
  HelderHeaderGuard *self = HELDER_HEADER_GUARD (stream);

  if (self->overflow)
    return 0;
  return guard_scan (self, buffer,
                     g_input_stream_read (G_INPUT_STREAM (guard_base (self)), buffer, count, cancellable, error));
}

static gssize
guard_read_nonblocking (GPollableInputStream  *stream,
                        void                  *buffer,
                        gsize                  count,
                        GError               **error)
{
  HelderHeaderGuard *self = HELDER_HEADER_GUARD (stream);

  if (self->overflow)
    return 0;
  return guard_scan (self, buffer, g_pollable_input_stream_read_nonblocking (guard_base (self), buffer, count,
                                                                             NULL, error));
}

static gboolean
guard_can_poll (GPollableInputStream *stream)
{
  return TRUE;
}

static gboolean
guard_is_readable (GPollableInputStream *stream)
{
  HelderHeaderGuard *self = HELDER_HEADER_GUARD (stream);

  return self->overflow || g_pollable_input_stream_is_readable (guard_base (self));
}

static GSource *
guard_create_source (GPollableInputStream *stream,
                     GCancellable         *cancellable)
{
  HelderHeaderGuard *self = HELDER_HEADER_GUARD (stream);
  g_autoptr(GSource) base = g_pollable_input_stream_create_source (guard_base (self), NULL);

  return g_pollable_source_new_full (stream, base, cancellable);
}

/* Closing it leaves the socket open: the connection closes it. */
static gboolean
guard_close (GInputStream  *stream,
             GCancellable  *cancellable,
             GError       **error)
{
  return TRUE;
}

static void
helder_header_guard_finalize (GObject *object)
{
  g_clear_object (&HELDER_HEADER_GUARD (object)->out);

  G_OBJECT_CLASS (helder_header_guard_parent_class)->finalize (object);
}

static void
helder_header_guard_class_init (HelderHeaderGuardClass *klass)
{
  GInputStreamClass *input_class = G_INPUT_STREAM_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = helder_header_guard_finalize;
  input_class->read_fn = guard_read;
  input_class->close_fn = guard_close;
}

static void
helder_header_guard_pollable_init (GPollableInputStreamInterface *iface)
{
  iface->can_poll = guard_can_poll;
  iface->is_readable = guard_is_readable;
  iface->create_source = guard_create_source;
  iface->read_nonblocking = guard_read_nonblocking;
}

static void
helder_header_guard_init (HelderHeaderGuard *self)
{
}

/* An output stream whose close leaves the socket open */

#define HELDER_TYPE_KEEP_OPEN_OUTPUT (helder_keep_open_output_get_type ())
G_DECLARE_FINAL_TYPE (HelderKeepOpenOutput, helder_keep_open_output, HELDER, KEEP_OPEN_OUTPUT, GFilterOutputStream)

struct _HelderKeepOpenOutput
{
  GFilterOutputStream parent_instance;
};

static void helder_keep_open_output_pollable_init (GPollableOutputStreamInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HelderKeepOpenOutput, helder_keep_open_output, G_TYPE_FILTER_OUTPUT_STREAM,
                               G_IMPLEMENT_INTERFACE (G_TYPE_POLLABLE_OUTPUT_STREAM,
                                                      helder_keep_open_output_pollable_init))

static GPollableOutputStream *
output_base (gpointer self)
{
  return G_POLLABLE_OUTPUT_STREAM (g_filter_output_stream_get_base_stream (G_FILTER_OUTPUT_STREAM (self)));
}

static gssize
output_write (GOutputStream  *stream,
              const void     *buffer,
              gsize           count,
              GCancellable   *cancellable,
              GError        **error)
{
  return g_output_stream_write (G_OUTPUT_STREAM (output_base (stream)), buffer, count, cancellable, error);
}

static gboolean
output_flush (GOutputStream  *stream,
              GCancellable   *cancellable,
              GError        **error)
{
  return g_output_stream_flush (G_OUTPUT_STREAM (output_base (stream)), cancellable, error);
}

static gboolean
output_close (GOutputStream  *stream,
              GCancellable   *cancellable,
              GError        **error)
{
  return TRUE;
}

static gboolean
output_can_poll (GPollableOutputStream *stream)
{
  return TRUE;
}

static gboolean
output_is_writable (GPollableOutputStream *stream)
{
  return g_pollable_output_stream_is_writable (output_base (stream));
}

static GSource *
output_create_source (GPollableOutputStream *stream,
                      GCancellable          *cancellable)
{
  g_autoptr(GSource) base = g_pollable_output_stream_create_source (output_base (stream), NULL);

  return g_pollable_source_new_full (stream, base, cancellable);
}

static gssize
output_write_nonblocking (GPollableOutputStream  *stream,
                          const void             *buffer,
                          gsize                   count,
                          GError                **error)
{
  return g_pollable_output_stream_write_nonblocking (output_base (stream), buffer, count, NULL, error);
}

static void
helder_keep_open_output_class_init (HelderKeepOpenOutputClass *klass)
{
  GOutputStreamClass *output_class = G_OUTPUT_STREAM_CLASS (klass);

  output_class->write_fn = output_write;
  output_class->flush = output_flush;
  output_class->close_fn = output_close;
}

static void
helder_keep_open_output_pollable_init (GPollableOutputStreamInterface *iface)
{
  iface->can_poll = output_can_poll;
  iface->is_writable = output_is_writable;
  iface->create_source = output_create_source;
  iface->write_nonblocking = output_write_nonblocking;
}

static void
helder_keep_open_output_init (HelderKeepOpenOutput *self)
{
}

/* Connections */

struct _HelderServerConnection
{
  HelderServer      *server;       /* not owned */
  GSocket           *socket;       /* owned */
  GIOStream         *base;         /* owned: the socket connection, or TLS over it */
  HelderHeaderGuard *guard;        /* owned */
  guint              deadline_id;
  gboolean           tls;
};

static GQuark connection_quark;

static void start_accepting (HelderServer *self);

static void
connection_closed (HelderServerConnection *c)
{
  HelderServer *self = c->server;

  g_clear_handle_id (&c->deadline_id, g_source_remove);
  g_io_stream_close (c->base, NULL, NULL);
  g_clear_object (&c->guard);
  g_clear_object (&c->base);
  g_clear_object (&c->socket);
  g_free (c);

  self->n_connections--;
  if (self->accept_paused && self->n_connections < self->max_connections)
    {
      fprintf (stdout, "helder-server: %u connections open; accepting again\n", self->n_connections);
      fflush (stdout);
      start_accepting (self);
    }
}

static void
linger_done (gpointer data)
{
  connection_closed (data);
}

/* libsoup let go of the connection. */
static void
connection_released (gpointer  data,
                     GObject  *where_the_object_was)
{
  HelderServerConnection *c = data;

  if (c->guard != NULL && c->guard->overflow)
    {
      helder_server_linger (c->base, c->socket, c->tls, LINGER_AFTER_REFUSAL, linger_done, c);
      return;
    }
  connection_closed (c);
}

/* A deadline passed: the socket is shut down, which libsoup reads as the
 * client going away. */
static gboolean
deadline_passed (gpointer data)
{
  HelderServerConnection *c = data;

  c->deadline_id = 0;
  g_socket_shutdown (c->socket, TRUE, TRUE, NULL);
  return G_SOURCE_REMOVE;
}

static void
set_deadline (HelderServerConnection *c,
              guint                   seconds)
{
  g_clear_handle_id (&c->deadline_id, g_source_remove);
  if (seconds > 0)
    c->deadline_id = g_timeout_add_seconds (seconds, deadline_passed, c);
}

static void
accept_one (HelderServer *self,
            GSocket      *socket)
{
  HelderServerConnection *c = g_new0 (HelderServerConnection, 1);
  g_autoptr(GSocketAddress) local = g_socket_get_local_address (socket, NULL);
  g_autoptr(GSocketAddress) remote = g_socket_get_remote_address (socket, NULL);
  g_autoptr(GIOStream) stream = NULL;
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(GError) error = NULL;

  c->server = self;
  c->socket = g_object_ref (socket);
  c->base = G_IO_STREAM (g_socket_connection_factory_create_connection (socket));
  self->n_connections++;

  g_socket_set_timeout (socket, self->idle_timeout);
  if (self->tls_certificate != NULL)
    {
      GIOStream *tls = g_tls_server_connection_new (c->base, self->tls_certificate, &error);

      if (tls == NULL)
        {
          g_message ("TLS: %s", error->message);
          connection_closed (c);
          return;
        }
      g_object_set (tls, "require-close-notify", FALSE, NULL);
      g_object_unref (c->base);
      c->base = tls;
      c->tls = TRUE;
    }

  c->guard = g_object_new (HELDER_TYPE_HEADER_GUARD,
                           "base-stream", g_io_stream_get_input_stream (c->base),
                           "close-base-stream", FALSE, NULL);
  c->guard->out = g_object_ref (g_io_stream_get_output_stream (c->base));
  out = g_object_new (HELDER_TYPE_KEEP_OPEN_OUTPUT,
                      "base-stream", g_io_stream_get_output_stream (c->base),
                      "close-base-stream", FALSE, NULL);
  stream = g_simple_io_stream_new (G_INPUT_STREAM (c->guard), out);
  g_object_weak_ref (G_OBJECT (stream), connection_released, c);
  set_deadline (c, self->header_timeout);

  /* libsoup starts the connection's request at once, in this call: the
   * request-started handler picks the connection up from here. */
  self->accepting = c;
  if (!soup_server_accept_iostream (self->soup, stream, local, remote, &error))
    g_message ("Could not take a connection: %s", error->message);
  self->accepting = NULL;
}

static gboolean
resume_accepting (gpointer data)
{
  HelderServer *self = data;

  self->retry_id = 0;
  start_accepting (self);
  return G_SOURCE_REMOVE;
}

static void
stop_accepting (HelderServer *self)
{
  if (self->accept_source != NULL)
    {
      g_source_destroy (self->accept_source);
      g_clear_pointer (&self->accept_source, g_source_unref);
    }
  self->accept_paused = TRUE;
}

static gboolean
accept_ready (GSocket      *listener,
              GIOCondition  condition,
              gpointer      data)
{
  HelderServer *self = data;

  /* Several at a time: desks reconnect in bursts. */
  for (guint i = 0; i < 64; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GSocket) socket = NULL;

      if (self->n_connections >= self->max_connections)
        {
          fprintf (stdout, "helder-server: %u connections open, the most it takes (max-connections); "
                   "new ones wait until one closes\n", self->n_connections);
          fflush (stdout);
          stop_accepting (self);
          return G_SOURCE_REMOVE;
        }
      socket = g_socket_accept (listener, NULL, &error);
      if (socket == NULL)
        {
          if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
            return G_SOURCE_CONTINUE;
          /* Out of descriptors (or memory): try again in a second, or when
           * a connection closes. */
          fprintf (stdout, "helder-server: cannot accept a connection (%s) with %u open; retrying\n",
                   error->message, self->n_connections);
          fflush (stdout);
          stop_accepting (self);
          self->retry_id = g_timeout_add_seconds (1, resume_accepting, self);
          return G_SOURCE_REMOVE;
        }
      accept_one (self, socket);
    }
  return G_SOURCE_CONTINUE;
}

static void
start_accepting (HelderServer *self)
{
  if (self->listener == NULL || self->accept_source != NULL)
    return;
  g_clear_handle_id (&self->retry_id, g_source_remove);
  self->accept_paused = FALSE;
  self->accept_source = g_socket_create_source (self->listener, G_IO_IN, NULL);
  g_source_set_callback (self->accept_source, (GSourceFunc) G_CALLBACK (accept_ready), self, NULL);
  g_source_attach (self->accept_source, NULL);
}

/* The most connections the descriptor limit leaves room for */
static guint
connections_for_descriptors (void)
{
  struct rlimit limit;

  if (getrlimit (RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY)
    return 65536;
  if (limit.rlim_cur <= 2 * DESCRIPTOR_RESERVE)
    return MAX (limit.rlim_cur / 2, 1);
  return limit.rlim_cur - DESCRIPTOR_RESERVE;
}

void
helder_server_connections_init (HelderServer *self)
{
  struct rlimit limit;

  /* The soft limit up to the hard one: systemd's LimitNOFILE sets both. */
  if (getrlimit (RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max)
    {
      limit.rlim_cur = limit.rlim_max;
      setrlimit (RLIMIT_NOFILE, &limit);
    }
  connection_quark = g_quark_from_static_string ("helder-server-connection");
  self->descriptor_cap = connections_for_descriptors ();
  self->max_connections = self->descriptor_cap;
  self->header_timeout = HELDER_SERVER_HEADER_TIMEOUT;
  self->body_timeout = HELDER_SERVER_BODY_TIMEOUT;
  self->idle_timeout = HELDER_SERVER_IDLE_TIMEOUT;
}

void
helder_server_connections_dispose (HelderServer *self)
{
  stop_accepting (self);
  g_clear_handle_id (&self->retry_id, g_source_remove);
  if (self->listener != NULL)
    g_socket_close (self->listener, NULL);
  g_clear_object (&self->listener);
  g_clear_object (&self->tls_certificate);
}

/**
 * helder_server_listen:
 * @socket: a bound, listening socket
 * @certificate: (nullable): for HTTPS
 *
 * Serves connections that arrive on @socket.
 */
gboolean
helder_server_listen (HelderServer     *self,
                      GSocket          *socket,
                      GTlsCertificate  *certificate,
                      GError          **error)
{
  g_return_val_if_fail (HELDER_IS_SERVER (self), FALSE);
  g_return_val_if_fail (G_IS_SOCKET (socket), FALSE);
  g_return_val_if_fail (self->listener == NULL, FALSE);

  g_socket_set_blocking (socket, FALSE);
  self->listener = g_object_ref (socket);
  g_set_object (&self->tls_certificate, certificate);
  start_accepting (self);
  return TRUE;
}

/**
 * helder_server_set_limits:
 * @max_connections: 0 for as many as the descriptor limit allows; never
 *   more than that
 * @header_timeout, @body_timeout, @idle_timeout: seconds; 0 keeps the
 *   default
 */
void
helder_server_set_limits (HelderServer *self,
                          guint         max_connections,
                          guint         header_timeout,
                          guint         body_timeout,
                          guint         idle_timeout)
{
  g_return_if_fail (HELDER_IS_SERVER (self));

  self->max_connections = max_connections > 0 ? MIN (max_connections, self->descriptor_cap)
                                              : self->descriptor_cap;
  if (header_timeout > 0)
    self->header_timeout = header_timeout;
  if (body_timeout > 0)
    self->body_timeout = body_timeout;
  if (idle_timeout > 0)
    self->idle_timeout = idle_timeout;
}

guint
helder_server_get_max_connections (HelderServer *self)
{
  g_return_val_if_fail (HELDER_IS_SERVER (self), 0);

  return self->max_connections;
}

/* request-started: the message belongs to the connection being accepted
 * (one request per connection). */
void
helder_server_connection_started (HelderServer      *self,
                                  SoupServerMessage *msg)
{
  if (self->accepting != NULL)
    g_object_set_qdata (G_OBJECT (msg), connection_quark, self->accepting);
}

static HelderServerConnection *
connection_of (SoupServerMessage *msg)
{
  return connection_quark ? g_object_get_qdata (G_OBJECT (msg), connection_quark) : NULL;
}

/* The headers are in: the body has its own deadline. */
void
helder_server_connection_headers_read (SoupServerMessage *msg)
{
  HelderServerConnection *c = connection_of (msg);

  if (c != NULL)
    set_deadline (c, c->server->body_timeout);
}

/* The whole request is in: the handler answers in its own time. */
void
helder_server_connection_body_read (SoupServerMessage *msg)
{
  HelderServerConnection *c = connection_of (msg);

  if (c != NULL)
    set_deadline (c, 0);
}

/* An authenticated WebSocket request: from here on no read or write
 * times out (sources libsoup creates from now on see no socket timeout;
 * the stream's reads start after this), and once upgraded the stream
 * stays open as long as it answers libsoup's pings. */
void
helder_server_connection_upgrading (SoupServerMessage *msg)
{
  HelderServerConnection *c = connection_of (msg);

  if (c != NULL)
    g_socket_set_timeout (c->socket, 0);
}

void
helder_server_connection_upgraded (SoupServerMessage       *msg,
                                   SoupWebsocketConnection *websocket)
{
  HelderServerConnection *c = connection_of (msg);

  if (c != NULL)
    set_deadline (c, 0);
  soup_websocket_connection_set_keepalive_interval (websocket, WEBSOCKET_PING);
}

/* The message's socket and whether it is TLS, for a lingering close. */
GSocket *
helder_server_connection_socket (SoupServerMessage *msg,
                                 gboolean          *tls)
{
  HelderServerConnection *c = connection_of (msg);

  if (tls != NULL)
    *tls = c != NULL && c->tls;
  return c ? c->socket : NULL;
}
