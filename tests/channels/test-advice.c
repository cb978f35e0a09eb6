/* test-advice.c: the channel advice and its hard rules
 *
 * Copyright 2026 The Helder authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <glib/gi18n-lib.h>

#include "channels-fixture.h"
#include "channels/helder-channel-choice.h"

/* A message of the tables: audiences and channels by key. */
typedef struct
{
  const char *name;
  const char *audiences;
  gboolean    local;
  int         urgency;
  gboolean    legal_effect;
  gboolean    deadline;
  int         complexity;
  int         sensitivity;
  gboolean    two_way;
  gboolean    omgevingswet;
  int         text_level;
} Message;

static void
input_init (HelderAdviceInput     *input,
            const Message         *m,
            HelderChannelSettings *settings,
            GStrv                 *audiences)
{
  *audiences = fixture_audience_ids (settings, m->audiences);
  memset (input, 0, sizeof *input);
  input->audiences = (const char * const *) *audiences;
  input->local = m->local;
  input->urgency = m->urgency ? m->urgency : 1;
  input->legal_effect = m->legal_effect;
  input->deadline = m->deadline;
  input->complexity = m->complexity ? m->complexity : 1;
  input->sensitivity = m->sensitivity ? m->sensitivity : 1;
  input->two_way = m->two_way;
  input->omgevingswet = m->omgevingswet;
  input->text_level = m->text_level;
}

static gboolean *
proposed_set (HelderChannelAdvice *advice)
{
  gboolean *chosen = g_new0 (gboolean, advice->n_scores + 1);

  for (guint c = 0; c < advice->n_scores; c++)
    chosen[c] = advice->scores[c].proposed;
  return chosen;
}

/* The invariants of every advice: scores are the sum of their reasons,
 * the ranking is best first, the proposal breaks no rule the settings
 * can meet, every proposed channel says why. */
static void
assert_sound (HelderChannelSettings   *settings,
              const HelderAdviceInput *input,
              HelderChannelAdvice     *advice)
{
  g_autofree gboolean *chosen = proposed_set (advice);
  guint n = 0;

  for (guint c = 0; c < advice->n_scores; c++)
    {
      const HelderChannelScore *score = &advice->scores[c];
      double sum = 0;

      for (guint r = 0; r < score->n_reasons; r++)
        {
          g_autofree char *text = helder_advice_reason_describe (settings, &score->reasons[r]);

          g_assert_cmpfloat (score->reasons[r].points, !=, 0);
          g_assert_true (text != NULL && text[0] != '\0');
          sum += score->reasons[r].points;
        }
      g_assert_cmpfloat_with_epsilon (sum, score->score, 1e-9);
      if (score->proposed)
        {
          g_autofree char *summary = helder_channel_advice_summary (advice, c);

          g_assert_true (score->n_reasons > 0 || score->added_by != 0);
          g_assert_true (summary != NULL && summary[0] != '\0');
          n++;
        }
    }
  for (guint i = 1; i < advice->n_scores; i++)
    g_assert_cmpfloat (advice->scores[advice->ranking[i - 1]].score, >=,
                       advice->scores[advice->ranking[i]].score);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (helder_channel_rules_check (settings, input, chosen) & ~advice->unmet, ==, 0);
}

/* Proposals: what must be in the set and what must not. */
typedef struct
{
  Message     message;
  const char *in;      /* each of these is proposed */
  const char *out;     /* none of these is */
} ProposalCase;

static const ProposalCase proposals[] = {
  { { "all residents: digital first, with a route on paper", "inwoners" }, "website", "omgevingsloket,informatieavond" },
  { { "65+: a route without internet", "ouderen" }, "lokale-krant", "inbox,webcare,omgevingsloket" },
  { { "young people: social media, no paper", "jongeren" }, "sociale-media", "post,bewonersbrief,lokale-krant,receptie" },
  { { "low literacy: personal or spoken", "laaggeletterden" }, "telefonie", "omgevingsloket,inbox" },
  { { "low digital skills", "digitaal-minder-vaardig" }, "post", "inbox,webcare" },
  { { "newcomers", "nieuwkomers" }, "contactfunctionarissen", "omgevingsloket" },
  { { "entrepreneurs", "ondernemers" }, "website", "receptie,informatieavond" },
  { { "institutions", "instellingen" }, "inbox", "receptie,informatieavond,fixi" },
  { { "associations", "verenigingen" }, "inbox", "receptie,omgevingsloket" },
  { { "the council", "raad" }, "newsroom", "receptie,fixi,omgevingsloket" },
  { { "staff", "medewerkers" }, "inbox", "receptie,informatieavond,bewonersbrief" },
  { { "works in a street: a letter to the addresses", "omwonenden", .local = TRUE }, "bewonersbrief", "omgevingsloket,receptie" },
  { { "works, two-way: people can come and ask", "omwonenden", .local = TRUE, .two_way = TRUE },
    "bewonersbrief,contactfunctionarissen", "omgevingsloket" },
  { { "crisis: fast channels", "inwoners", .urgency = 3 }, "sociale-media", "informatieavond,omgevingsloket,post" },
  { { "soon, for entrepreneurs", "ondernemers", .urgency = 2 }, "website", "informatieavond" },
  { { "legal effect: a formal channel on paper", "inwoners", .legal_effect = TRUE }, "post", "" },
  { { "legal effect for entrepreneurs", "ondernemers", .legal_effect = TRUE }, "post", "" },
  { { "legal effect and a deadline: never MijnOverheid alone", "inwoners", .legal_effect = TRUE, .deadline = TRUE },
    "post", "" },
  { { "a deadline for young people: also a route without internet", "jongeren", .deadline = TRUE }, "sociale-media", "" },
  { { "Omgevingswet: the Omgevingsloket", "ondernemers", .omgevingswet = TRUE }, "omgevingsloket", "" },
  { { "Omgevingswet with legal effect and a deadline", "inwoners,ondernemers", .legal_effect = TRUE, .deadline = TRUE,
      .omgevingswet = TRUE, .complexity = 3 }, "omgevingsloket,post", "" },
  { { "complex and two-way for associations", "verenigingen", .complexity = 3, .two_way = TRUE },
    "contactfunctionarissen", "sociale-media" },
  { { "sensitive: personal contact", "inwoners,ouderen", .sensitivity = 3, .two_way = TRUE }, "telefonie", "" },
  { { "a hard text for all residents", "inwoners", .text_level = 4 }, "website", "" },
  { { "no audience at all", "" }, "", "" },
};

static void
test_proposals (void)
{
  g_autoptr(HelderChannelSettings) settings = fixture_default_settings ();
  g_autoptr(GString) failures = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (proposals); i++)
    {
      const ProposalCase *t = &proposals[i];
      g_auto(GStrv) audiences = NULL;
      g_auto(GStrv) in = g_strsplit (t->in, ",", -1);
      g_auto(GStrv) out = g_strsplit (t->out, ",", -1);
      g_autoptr(HelderChannelAdvice) advice = NULL;
      g_autofree gboolean *chosen = NULL;
      g_autofree char *set = NULL;
      HelderAdviceInput input;

      input_init (&input, &t->message, settings, &audiences);
      advice = helder_channel_advise (settings, &input);
      chosen = proposed_set (advice);
      set = fixture_describe_set (settings, chosen);
      g_test_message ("%s: %s", t->message.name, set);

      assert_sound (settings, &input, advice);
      g_assert_cmpuint (advice->unmet, ==, 0);
      for (guint j = 0; in[j] != NULL; j++)
        if (in[j][0] != '\0' && !chosen[helder_channel_settings_find_channel (settings, in[j])])
          g_string_append_printf (failures, "%s: %s is not proposed (%s)\n", t->message.name, in[j], set);
      for (guint j = 0; out[j] != NULL; j++)
        if (out[j][0] != '\0' && chosen[helder_channel_settings_find_channel (settings, out[j])])
          g_string_append_printf (failures, "%s: %s is proposed (%s)\n", t->message.name, out[j], set);
    }
  if (failures->len > 0)
    g_error ("%s", failures->str);
}

/* Hand choices against the hard rules. */
typedef struct
{
  Message     message;
  const char *set;
  guint       broken;
} RuleCase;

#define R(x) HELDER_CHANNEL_RULE_##x

static const RuleCase rule_cases[] = {
  { { "nothing chosen", "inwoners" }, "", R (NO_CHANNEL) },
  { { "digital and paper for all residents", "inwoners" }, "website,lokale-krant", 0 },
  { { "only digital, while the 65+ need paper", "inwoners" }, "website,sociale-media", R (NON_DIGITAL_ROUTE) },
  { { "only digital for young people is fine", "jongeren" }, "website,sociale-media", 0 },
  { { "only the phone: not digital first", "jongeren" }, "telefonie", R (DIGITAL_FIRST) },
  { { "only paper for the 65+: still digital first", "ouderen" }, "post,lokale-krant", R (DIGITAL_FIRST) },
  { { "a deadline needs paper too, even for the young", "jongeren", .deadline = TRUE }, "sociale-media",
    R (NON_DIGITAL_ROUTE) },
  { { "legal effect needs paper", "ondernemers", .legal_effect = TRUE }, "mijnoverheid,website",
    R (NON_DIGITAL_ROUTE) },
  { { "legal effect through an informal channel only", "raad", .legal_effect = TRUE }, "website,telefonie",
    R (FORMAL) },
  { { "legal effect: letter and website", "inwoners", .legal_effect = TRUE }, "post,website", 0 },
  { { "legal effect: the residents' letter is not formal", "omwonenden", .legal_effect = TRUE },
    "bewonersbrief,website", R (FORMAL) },
  { { "MijnOverheid alone with a deadline", "jongeren", .deadline = TRUE }, "mijnoverheid",
    R (MIJNOVERHEID) | R (NON_DIGITAL_ROUTE) },
  { { "MijnOverheid and website with a deadline", "jongeren", .deadline = TRUE }, "mijnoverheid,website",
    R (NON_DIGITAL_ROUTE) },
  { { "MijnOverheid and the phone with a deadline", "jongeren", .deadline = TRUE }, "mijnoverheid,telefonie", 0 },
  { { "MijnOverheid the only formal channel of a legal deadline", "inwoners", .legal_effect = TRUE, .deadline = TRUE },
    "mijnoverheid,lokale-krant", R (MIJNOVERHEID) },
  { { "MijnOverheid with a letter for a legal deadline", "inwoners", .legal_effect = TRUE, .deadline = TRUE },
    "mijnoverheid,post", 0 },
  { { "MijnOverheid alone without a deadline, for the young", "jongeren" }, "mijnoverheid", 0 },
  { { "Omgevingswet without the Omgevingsloket", "ondernemers", .omgevingswet = TRUE }, "website,post",
    R (OMGEVINGSLOKET) },
  { { "Omgevingswet through the Omgevingsloket", "ondernemers", .omgevingswet = TRUE }, "omgevingsloket", 0 },
  { { "Omgevingswet with legal effect: loket and letter", "inwoners", .omgevingswet = TRUE, .legal_effect = TRUE },
    "omgevingsloket,post", 0 },
  { { "everything broken at once", "ouderen", .legal_effect = TRUE, .deadline = TRUE, .omgevingswet = TRUE },
    "telefonie", R (DIGITAL_FIRST) | R (FORMAL) | R (OMGEVINGSLOKET) },
};

static void
test_rules (void)
{
  g_autoptr(HelderChannelSettings) settings = fixture_default_settings ();

  for (guint i = 0; i < G_N_ELEMENTS (rule_cases); i++)
    {
      const RuleCase *t = &rule_cases[i];
      g_auto(GStrv) audiences = NULL;
      g_autofree gboolean *chosen = fixture_chosen (settings, t->set);
      HelderAdviceInput input;
      guint broken;

      input_init (&input, &t->message, settings, &audiences);
      broken = helder_channel_rules_check (settings, &input, chosen);
      if (broken != t->broken)
        g_error ("%s: broken 0x%x, expected 0x%x", t->message.name, broken, t->broken);
    }
}

/* Every rule has a name that reads back and a sentence. */
static void
test_rule_names (void)
{
  for (guint r = 0; r < HELDER_N_CHANNEL_RULES; r++)
    {
      HelderChannelRule rule = 1u << r;

      g_assert_nonnull (helder_channel_rule_get_name (rule));
      g_assert_cmpint (helder_channel_rule_from_name (helder_channel_rule_get_name (rule)), ==, rule);
      g_assert_nonnull (helder_channel_rule_describe (rule));
    }
  g_assert_cmpint (helder_channel_rule_from_name ("no-such-rule"), ==, 0);
}

/* The rules add what they need; the channel they add says so. */
static void
test_rule_adds_channel (void)
{
  g_autoptr(HelderChannelSettings) settings = fixture_default_settings ();
  Message m = { "Omgevingswet for the young", "jongeren", .omgevingswet = TRUE };
  g_auto(GStrv) audiences = NULL;
  g_autoptr(HelderChannelAdvice) advice = NULL;
  g_autofree char *summary = NULL;
  HelderAdviceInput input;
  int loket = helder_channel_settings_find_channel (settings, "omgevingsloket");

  input_init (&input, &m, settings, &audiences);
  advice = helder_channel_advise (settings, &input);
  g_assert_true (advice->scores[loket].proposed);
  summary = helder_channel_advice_summary (advice, loket);
  g_assert_nonnull (summary);
  assert_sound (settings, &input, advice);
}

/* Without the channels a rule needs, the advice says it cannot meet it. */
static void
test_unmet (void)
{
  const char *no_loket[] = { "omgevingsloket", NULL };
  const char *all_paper[] = { "post", "telefonie", "receptie", "contactfunctionarissen", "lokale-krant",
                              "bewonersbrief", "informatieavond", NULL };
  const char *formal[] = { "post", "omgevingsloket", NULL };
  struct {
    const char * const *without;
    Message message;
    guint unmet;
  } cases[] = {
    { no_loket, { "Omgevingswet, no loket", "ondernemers", .omgevingswet = TRUE }, R (OMGEVINGSLOKET) },
    { all_paper, { "65+, no paper", "ouderen" }, R (NON_DIGITAL_ROUTE) },
    { formal, { "legal deadline, only MijnOverheid formal", "jongeren", .legal_effect = TRUE, .deadline = TRUE },
      R (MIJNOVERHEID) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(HelderChannelSettings) settings = fixture_settings_without (cases[i].without);
      g_auto(GStrv) audiences = NULL;
      g_autoptr(HelderChannelAdvice) advice = NULL;
      HelderAdviceInput input;

      input_init (&input, &cases[i].message, settings, &audiences);
      advice = helder_channel_advise (settings, &input);
      g_assert_cmpuint (advice->unmet, ==, cases[i].unmet);
      assert_sound (settings, &input, advice);
    }
}

static const HelderAdviceReason *
find_reason (const HelderChannelScore *score,
             HelderCriterion           criterion)
{
  for (guint r = 0; r < score->n_reasons; r++)
    if (score->reasons[r].criterion == criterion)
      return &score->reasons[r];
  return NULL;
}

static const HelderChannelScore *
score_of (HelderChannelSettings *settings,
          HelderChannelAdvice   *advice,
          const char            *key)
{
  return &advice->scores[helder_channel_settings_find_channel (settings, key)];
}

/* The criteria each give their reason, and the points go the right way. */
static void
test_criteria (void)
{
  g_autoptr(HelderChannelSettings) settings = fixture_default_settings ();
  Message m = { "all criteria", "ouderen", .local = TRUE, .urgency = 3, .legal_effect = TRUE, .deadline = TRUE,
                .complexity = 3, .sensitivity = 3, .two_way = TRUE, .omgevingswet = TRUE, .text_level = 3 };
  g_auto(GStrv) audiences = NULL;
  g_autoptr(HelderChannelAdvice) advice = NULL;
  HelderAdviceInput input;
  const HelderAdviceReason *r;

  input_init (&input, &m, settings, &audiences);
  advice = helder_channel_advise (settings, &input);

  g_assert_nonnull ((r = find_reason (score_of (settings, advice, "post"), HELDER_CRITERION_REACH)));
  g_assert_cmpint (r->value, ==, 95);
  g_assert_cmpfloat (find_reason (score_of (settings, advice, "website"), HELDER_CRITERION_DIGITAL_FIRST)->points, >, 0);
  g_assert_cmpfloat (find_reason (score_of (settings, advice, "telefonie"), HELDER_CRITERION_NON_DIGITAL)->points, >, 0);
  g_assert_cmpfloat (find_reason (score_of (settings, advice, "inbox"), HELDER_CRITERION_NON_DIGITAL)->points, <, 0);
  g_assert_cmpfloat (find_reason (score_of (settings, advice, "sociale-media"), HELDER_CRITERION_SPEED)->points, >, 0);
  g_assert_cmpfloat (find_reason (score_of (settings, advice, "informatieavond"), HELDER_CRITERION_SPEED)->points, <, 0);
  g_assert_cmpfloat (find_reason (score_of (settings, advice, "webcare"), HELDER_CRITERION_TWO_WAY)->points, >, 0);
  g_assert_cmpfloat (find_reason (score_of (settings, advice, "newsroom"), HELDER_CRITERION_TWO_WAY)->points, <, 0);
  g_assert_cmpfloat (find_reason (score_of (settings, advice, "post"), HELDER_CRITERION_FORMAL)->points, >, 0);
  g_assert_cmpfloat (find_reason (score_of (settings, advice, "website"), HELDER_CRITERION_FORMAL)->points, <, 0);
  g_assert_cmpfloat (find_reason (score_of (settings, advice, "bewonersbrief"), HELDER_CRITERION_AREA)->points, >, 0);
  g_assert_cmpfloat (find_reason (score_of (settings, advice, "inbox"), HELDER_CRITERION_AREA)->points, <, 0);
  g_assert_cmpfloat (find_reason (score_of (settings, advice, "contactfunctionarissen"), HELDER_CRITERION_COMPLEXITY)->points, >, 0);
  g_assert_cmpfloat (find_reason (score_of (settings, advice, "contactfunctionarissen"), HELDER_CRITERION_SENSITIVITY)->points, >, 0);
  g_assert_cmpfloat (find_reason (score_of (settings, advice, "sociale-media"), HELDER_CRITERION_SENSITIVITY)->points, <, 0);
  g_assert_cmpfloat (find_reason (score_of (settings, advice, "receptie"), HELDER_CRITERION_EFFORT)->points, <, 0);
  g_assert_null (find_reason (score_of (settings, advice, "fixi"), HELDER_CRITERION_EFFORT));
  g_assert_nonnull ((r = find_reason (score_of (settings, advice, "website"), HELDER_CRITERION_TEXT_LEVEL)));
  g_assert_cmpint (r->value, ==, 3);
  g_assert_cmpint (r->detail, ==, 2);
  g_assert_null (find_reason (score_of (settings, advice, "omgevingsloket"), HELDER_CRITERION_TEXT_LEVEL));
  g_assert_cmpfloat (find_reason (score_of (settings, advice, "mijnoverheid"), HELDER_CRITERION_FORMAL)->points, >, 0);
  g_assert_cmpuint (advice->too_hard, >, 0);
  assert_sound (settings, &input, advice);
}

/* A weight of 0 silences its criterion; 2 doubles it. */
static void
test_weights (void)
{
  g_autoptr(HelderChannelSettings) plain = fixture_default_settings ();
  g_autoptr(HelderChannelSettings) settings = fixture_settings_without (NULL);
  Message m = { "weights", "inwoners", .two_way = TRUE };
  g_auto(GStrv) audiences = NULL;
  g_autoptr(HelderChannelAdvice) a = NULL;
  g_autoptr(HelderChannelAdvice) b = NULL;
  HelderAdviceInput input;
  int website;

  /* the settings are sealed: weights are set before, so make new ones */
  g_clear_pointer (&settings, helder_channel_settings_unref);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) records = helder_channel_defaults_records (&error);

    settings = helder_channel_settings_new ();
    for (guint i = 0; i < records->len; i++)
      if (HELDER_IS_AUDIENCE (records->pdata[i]))
        helder_channel_settings_add_audience (settings, records->pdata[i]);
      else if (HELDER_IS_CHANNEL (records->pdata[i]))
        helder_channel_settings_add_channel (settings, records->pdata[i]);
    g_assert_true (helder_channel_settings_set_weights_json (settings, "{\"reach\": 2, \"two_way\": 0}"));
    g_assert_false (helder_channel_settings_set_weights_json (settings, "not json"));
    helder_channel_settings_seal (settings);
  }
  g_assert_cmpfloat (helder_channel_settings_get_weight (settings, HELDER_CRITERION_REACH), ==, 2);
  g_assert_cmpfloat (helder_channel_settings_get_weight (settings, HELDER_CRITERION_SPEED), ==, 1);

  input_init (&input, &m, plain, &audiences);
  a = helder_channel_advise (plain, &input);
  b = helder_channel_advise (settings, &input);
  website = helder_channel_settings_find_channel (plain, "website");
  g_assert_cmpfloat (find_reason (&b->scores[website], HELDER_CRITERION_REACH)->points, ==,
                     2 * find_reason (&a->scores[website], HELDER_CRITERION_REACH)->points);
  g_assert_nonnull (find_reason (&a->scores[website], HELDER_CRITERION_TWO_WAY));
  g_assert_null (find_reason (&b->scores[website], HELDER_CRITERION_TWO_WAY));
  assert_sound (settings, &input, b);
}

/* Default weights read from the data file and back through JSON. */
static void
test_default_weights (void)
{
  double weights[HELDER_N_CRITERIA];
  g_autofree char *json = NULL;
  g_autoptr(HelderChannelSettings) settings = helder_channel_settings_new ();

  helder_channel_default_weights (weights);
  for (guint i = 0; i < HELDER_N_CRITERIA; i++)
    {
      g_assert_cmpfloat (weights[i], ==, 1.0);
      g_assert_nonnull (helder_criterion_get_name (i));
      g_assert_nonnull (helder_criterion_get_label (i));
    }
  weights[HELDER_CRITERION_EFFORT] = 3.5;
  json = helder_channel_weights_to_json (weights);
  g_assert_true (helder_channel_settings_set_weights_json (settings, json));
  g_assert_cmpfloat (helder_channel_settings_get_weight (settings, HELDER_CRITERION_EFFORT), ==, 3.5);
}

/* A full channel loses points and says so. */
static void
test_capacity (void)
{
  g_autoptr(HelderChannelSettings) settings = fixture_default_settings ();
  Message m = { "capacity", "inwoners" };
  g_auto(GStrv) audiences = NULL;
  g_autoptr(HelderChannelAdvice) free_week = NULL;
  g_autoptr(HelderChannelAdvice) full_week = NULL;
  g_autofree guint *load = g_new0 (guint, helder_channel_settings_get_n_channels (settings));
  g_autofree char *text = NULL;
  HelderAdviceInput input;
  int website = helder_channel_settings_find_channel (settings, "website");
  const HelderAdviceReason *r;

  input_init (&input, &m, settings, &audiences);
  free_week = helder_channel_advise (settings, &input);
  load[website] = helder_channel_settings_get_channel (settings, website)->weekly_capacity;
  input.channel_load = load;
  full_week = helder_channel_advise (settings, &input);

  g_assert_null (find_reason (&free_week->scores[website], HELDER_CRITERION_CAPACITY));
  g_assert_nonnull ((r = find_reason (&full_week->scores[website], HELDER_CRITERION_CAPACITY)));
  g_assert_cmpfloat (r->points, <, 0);
  g_assert_cmpfloat (full_week->scores[website].score, <, free_week->scores[website].score);
  text = helder_advice_reason_describe (settings, r);
  g_assert_nonnull (strstr (text, "20"));
  assert_sound (settings, &input, full_week);
}

/* Property: over many generated messages, the proposal never breaks a
 * hard rule, and every advice is sound. */
static void
test_generated (void)
{
  g_autoptr(HelderChannelSettings) settings = fixture_default_settings ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  guint n_audiences = helder_channel_settings_get_n_audiences (settings);
  guint n_channels = helder_channel_settings_get_n_channels (settings);

  for (guint i = 0; i < 3000; i++)
    {
      const char *ids[5] = { NULL };
      g_autofree guint *load = g_new0 (guint, n_channels);
      g_autoptr(HelderChannelAdvice) advice = NULL;
      HelderAdviceInput input = { 0 };
      guint n = g_rand_int_range (rand, 0, 5);

      for (guint j = 0; j < n; j++)
        ids[j] = helder_channel_settings_get_audience (settings, g_rand_int_range (rand, 0, n_audiences))->id;
      for (guint c = 0; c < n_channels; c++)
        load[c] = g_rand_int_range (rand, 0, 30);
      input.audiences = ids;
      input.local = g_rand_boolean (rand);
      input.urgency = g_rand_int_range (rand, 1, 4);
      input.legal_effect = g_rand_boolean (rand);
      input.deadline = g_rand_boolean (rand);
      input.complexity = g_rand_int_range (rand, 1, 4);
      input.sensitivity = g_rand_int_range (rand, 1, 4);
      input.two_way = g_rand_boolean (rand);
      input.omgevingswet = g_rand_int_range (rand, 0, 4) == 0;
      input.text_level = g_rand_int_range (rand, 0, 5);
      input.channel_load = g_rand_boolean (rand) ? load : NULL;

      advice = helder_channel_advise (settings, &input);
      g_assert_cmpuint (advice->unmet, ==, 0);
      assert_sound (settings, &input, advice);
    }
}

/* Property: random weights change the scores, never the rules. */
static void
test_generated_weights (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = helder_channel_defaults_records (&error);

  for (guint i = 0; i < 200; i++)
    {
      g_autoptr(HelderChannelSettings) settings = helder_channel_settings_new ();
      double weights[HELDER_N_CRITERIA];
      g_autofree char *json = NULL;
      const char *ids[3] = { NULL };
      g_autoptr(HelderChannelAdvice) advice = NULL;
      HelderAdviceInput input = { 0 };

      for (guint j = 0; j < records->len; j++)
        if (HELDER_IS_AUDIENCE (records->pdata[j]))
          helder_channel_settings_add_audience (settings, records->pdata[j]);
        else if (HELDER_IS_CHANNEL (records->pdata[j]))
          helder_channel_settings_add_channel (settings, records->pdata[j]);
      for (guint w = 0; w < HELDER_N_CRITERIA; w++)
        weights[w] = g_rand_double_range (rand, 0, 5);
      json = helder_channel_weights_to_json (weights);
      helder_channel_settings_set_weights_json (settings, json);
      helder_channel_settings_seal (settings);

      ids[0] = helder_channel_settings_get_audience (settings, g_rand_int_range (rand, 0, 12))->id;
      ids[1] = helder_channel_settings_get_audience (settings, g_rand_int_range (rand, 0, 12))->id;
      input.audiences = ids;
      input.urgency = g_rand_int_range (rand, 1, 4);
      input.legal_effect = g_rand_boolean (rand);
      input.deadline = g_rand_boolean (rand);
      input.omgevingswet = g_rand_boolean (rand);
      input.two_way = g_rand_boolean (rand);
      advice = helder_channel_advise (settings, &input);
      g_assert_cmpuint (advice->unmet, ==, 0);
      assert_sound (settings, &input, advice);
    }
}

/* The defaults: fifteen channels and twelve audiences, all with a key,
 * the segments part of the residents, each channel with a reach. */
static void
test_defaults (void)
{
  g_autoptr(HelderChannelSettings) settings = fixture_default_settings ();
  const char *keys[] = { "newsroom", "post", "inbox", "webcare", "fixi", "telefonie", "receptie", "mijnoverheid",
                         "omgevingsloket", "contactfunctionarissen", "website", "sociale-media", "lokale-krant",
                         "bewonersbrief", "informatieavond" };
  int inwoners = helder_channel_settings_find_audience (settings, "inwoners");
  int ouderen = helder_channel_settings_find_audience (settings, "ouderen");

  g_assert_cmpuint (helder_channel_settings_get_n_channels (settings), ==, 15);
  g_assert_cmpuint (helder_channel_settings_get_n_audiences (settings), ==, 12);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      int c = helder_channel_settings_find_channel (settings, keys[i]);

      g_assert_cmpint (c, >=, 0);
      g_assert_cmpint (helder_channel_settings_get_channel (settings, c)->area_reach, >=, 0);
    }
  g_assert_cmpint (helder_channel_settings_get_audience (settings, ouderen)->parent, ==, inwoners);
  g_assert_cmpint (helder_channel_settings_get_audience (settings, inwoners)->route_segment, >=, 0);
  g_assert_cmpint (helder_channel_settings_get_audience (settings, ouderen)->route_segment, ==, ouderen);
  g_assert_cmpint (helder_channel_settings_get_reach (settings, helder_channel_settings_find_channel (settings, "post"),
                                                      ouderen), ==, 95);
  g_assert_cmpint (helder_channel_settings_get_budget (settings, inwoners), ==, 2);
  g_assert_cmpint (helder_channel_level_from_text ("A2"), ==, 1);
  g_assert_cmpint (helder_channel_level_from_text ("B1"), ==, 2);
  g_assert_cmpint (helder_channel_level_from_text ("B2"), ==, 3);
  g_assert_cmpint (helder_channel_level_from_text ("C1"), ==, 4);
  g_assert_cmpint (helder_channel_level_from_text (NULL), ==, 0);
}

/* A reach keyed by a parent audience serves its segments. */
static void
test_reach_by_parent (void)
{
  g_autoptr(HelderChannelSettings) settings = helder_channel_settings_new ();
  g_autoptr(HelderRecord) parent = helder_record_new (HELDER_TYPE_AUDIENCE);
  g_autoptr(HelderRecord) child = helder_record_new (HELDER_TYPE_AUDIENCE);
  g_autoptr(HelderRecord) channel = helder_record_new (HELDER_TYPE_CHANNEL);

  helder_record_set_id (parent, "00000000-0000-4000-8000-000000000001");
  g_object_set (parent, "name", "Inwoners", "key", "inwoners", NULL);
  helder_record_set_id (child, "00000000-0000-4000-8000-000000000002");
  g_object_set (child, "name", "Wijk", "parent", "00000000-0000-4000-8000-000000000001", "low-digital", TRUE, NULL);
  helder_record_set_id (channel, "00000000-0000-4000-8000-000000000003");
  g_object_set (channel, "name", "MijnOverheid", "reach", "{\"inwoners\": 40, \"area\": 70}", NULL);
  helder_channel_settings_add_audience (settings, parent);
  helder_channel_settings_add_audience (settings, child);
  helder_channel_settings_add_channel (settings, channel);
  helder_channel_settings_seal (settings);

  g_assert_cmpint (helder_channel_settings_get_reach (settings, 0, 1), ==, 40);
  g_assert_cmpint (helder_channel_settings_get_channel (settings, 0)->area_reach, ==, 70);
  /* found by its name without a key */
  g_assert_cmpint (helder_channel_settings_find_channel (settings, "mijnoverheid"), ==, 0);
  g_assert_cmpint (helder_channel_settings_get_audience (settings, 0)->route_segment, ==, 1);
}

/* The reasons read in Dutch. */
static void
test_dutch (void)
{
  g_autoptr(HelderChannelSettings) settings = fixture_default_settings ();
  HelderAdviceReason reason = { HELDER_CRITERION_DIGITAL_FIRST, 8, 1, -1 };
  g_autofree char *text = NULL;
  const char *before = g_getenv ("LANGUAGE");
  g_autofree char *saved = g_strdup (before);

  g_setenv ("LANGUAGE", "nl", TRUE);
  setlocale (LC_ALL, "");
  text = helder_advice_reason_describe (settings, &reason);
  if (g_strcmp0 (text, "Digital unless: a digital channel comes first.") == 0)
    {
      g_test_skip ("no Dutch locale");
      return;
    }
  g_assert_cmpstr (text, ==, "Digitaal, tenzij: een digitaal kanaal gaat voor.");
  if (saved)
    g_setenv ("LANGUAGE", saved, TRUE);
  else
    g_unsetenv ("LANGUAGE");
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("HELDER_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/channels/defaults", test_defaults);
  g_test_add_func ("/channels/default-weights", test_default_weights);
  g_test_add_func ("/channels/reach-by-parent", test_reach_by_parent);
  g_test_add_func ("/channels/advice/proposals", test_proposals);
  g_test_add_func ("/channels/advice/criteria", test_criteria);
  g_test_add_func ("/channels/advice/weights", test_weights);
  g_test_add_func ("/channels/advice/capacity", test_capacity);
  g_test_add_func ("/channels/advice/rule-adds-channel", test_rule_adds_channel);
  g_test_add_func ("/channels/advice/unmet", test_unmet);
  g_test_add_func ("/channels/advice/generated", test_generated);
  g_test_add_func ("/channels/advice/generated-weights", test_generated_weights);
  g_test_add_func ("/channels/rules", test_rules);
  g_test_add_func ("/channels/rules/names", test_rule_names);
  g_test_add_func ("/channels/dutch", test_dutch);
  return g_test_run ();
}
