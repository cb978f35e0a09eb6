/* helder-server-reader.c: storage reads off the main loop
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "helder-server"

#include "config.h"

#include "helder-server-private.h"

/* The main loop only speaks HTTP.  A request that reads (a page of
 * changes, the index) is paused; a worker thread with a storage
 * connection of its own (SQLite: its own connection to the file, which
 * WAL lets read beside the writer; PostgreSQL: its own session) does the
 * lookups and makes the whole answer; the main loop sends it and unpauses
 * the request.  Writes (pushes, logins, blobs) stay on the main loop's
 * storage, where they are serialised. */

struct _HelderServerReader
{
  GThreadPool  *pool;
  GAsyncQueue  *idle;      /* HelderServerStorage, one per thread */
  GAsyncQueue  *finished;  /* Job, to answer on the main loop */
  GSource      *answer;    /* made ready by a worker; answers them all */
};

typedef struct
{
  HelderServerReader *reader;
  SoupServerMessage  *msg;
  gulong              disconnected_id;
  gboolean            gone;        /* the client went away meanwhile */
  HelderServerReadFunc work;
  HelderServerDoneFunc done;
  gpointer            data;
} Job;

static void
job_disconnected (SoupServerMessage *msg,
                  Job               *job)
{
  job->gone = TRUE;
}

static void
job_finish (Job *job)
{
  if (job->msg == NULL)
    {
      /* A read for the server itself */
      job->done (NULL, job->data);
      g_free (job);
      return;
    }
  g_signal_handler_disconnect (job->msg, job->disconnected_id);
  if (!job->gone)
    {
      job->done (job->msg, job->data);
      soup_server_message_unpause (job->msg);
    }
  else
    job->done (NULL, job->data);
  g_object_unref (job->msg);
  g_free (job);
}

/* One source for every answer: under load one wake-up of the main loop
 * sends several, and no source is made per request. */
static gboolean
answer_dispatch (GSource     *source,
                 GSourceFunc  callback,
                 gpointer     user_data)
{
  HelderServerReader *reader = user_data;
  Job *job;

  g_source_set_ready_time (source, -1);
  while ((job = g_async_queue_try_pop (reader->finished)) != NULL)
    job_finish (job);
  return G_SOURCE_CONTINUE;
}

static GSourceFuncs answer_funcs = { NULL, NULL, answer_dispatch, NULL, NULL, NULL };

static void
job_run (gpointer data,
         gpointer user_data)
{
  Job *job = data;
  HelderServerReader *reader = user_data;
  HelderServerStorage *storage = g_async_queue_pop (reader->idle);

  job->work (storage, job->data);
  g_async_queue_push (reader->idle, storage);
  g_async_queue_push (reader->finished, job);
  g_source_set_ready_time (reader->answer, 0);
}

/**
 * helder_server_reader_new:
 * @storages: (transfer none): one storage per thread, used by nothing else
 */
HelderServerReader *
helder_server_reader_new (GPtrArray *storages)
{
  HelderServerReader *reader = g_new0 (HelderServerReader, 1);

  g_return_val_if_fail (storages != NULL && storages->len > 0, NULL);

  reader->idle = g_async_queue_new_full (g_object_unref);
  for (guint i = 0; i < storages->len; i++)
    g_async_queue_push (reader->idle, g_object_ref (storages->pdata[i]));
  reader->finished = g_async_queue_new ();
  reader->answer = g_source_new (&answer_funcs, sizeof (GSource));
  g_source_set_callback (reader->answer, NULL, reader, NULL);
  g_source_set_name (reader->answer, "helder-server answers");
  g_source_attach (reader->answer, g_main_context_get_thread_default ());
  reader->pool = g_thread_pool_new (job_run, reader, storages->len, TRUE, NULL);
  return reader;
}

void
helder_server_reader_free (HelderServerReader *reader)
{
  /* Jobs under way finish; their answers go nowhere */
  Job *job;

  g_thread_pool_free (reader->pool, FALSE, TRUE);
  g_source_destroy (reader->answer);
  g_source_unref (reader->answer);
  while ((job = g_async_queue_try_pop (reader->finished)) != NULL)
    {
      job->gone = TRUE;
      job_finish (job);
    }
  g_async_queue_unref (reader->finished);
  g_async_queue_unref (reader->idle);
  g_free (reader);
}

/**
 * helder_server_read:
 * @work: runs with a storage of its own, in a worker thread when the
 *   server has readers; it must not touch @msg
 * @done: runs on the main loop with @msg, or with NULL when the client
 *   went away (or @msg was NULL); it frees @data
 *
 * @msg (nullable) is paused meanwhile; a read with no message is the
 * server's own.  Without readers @work runs at once on the server's
 * storage.
 */
void
helder_server_read (HelderServer         *self,
                    SoupServerMessage    *msg,
                    HelderServerReadFunc  work,
                    HelderServerDoneFunc  done,
                    gpointer              data)
{
  Job *job;

  if (self->reader == NULL)
    {
      work (self->storage, data);
      done (msg, data);
      return;
    }
  job = g_new0 (Job, 1);
  job->reader = self->reader;
  job->work = work;
  job->done = done;
  job->data = data;
  if (msg != NULL)
    {
      job->msg = g_object_ref (msg);
      job->disconnected_id = g_signal_connect (msg, "disconnected", G_CALLBACK (job_disconnected), job);
      soup_server_message_pause (msg);
    }
  g_thread_pool_push (self->reader->pool, job, NULL);
}
