// The peer of `hindsight resolve`: the same synthetic rules (tools/gen-corpus
// --rules K --rules-json F) over the same claims and events, in json-rules-engine.
//
//   node bench/rules.mjs RULES.json CLAIMS.jsonl EVENTS.jsonl AS_OF [LIMIT]
//
// It gets the indexing hindsight has: events grouped by kind and sorted by date
// (a binary search finds the window), and each claim is run only against the rules
// of its topic. A clause of a hindsight rule is a json-rules-engine rule; the
// highest priority that succeeds wins, as the first clause that holds does in
// hindsight. The event selection (kind, window, known by as_of, where level >= L)
// is a dynamic fact, cached per run by the almanac like any fact.
//
// Prints one JSON object: {"claims", "evaluated", "seconds", "per_second",
// "outcomes": {"true": n, ...}} — seconds counts the evaluation loop only (not
// node's start-up or reading the files), which favours the peer.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";

const require = createRequire(process.env.BENCH_NODE_MODULES + "/");
const { Engine, Rule } = require("json-rules-engine");

const [rulesPath, claimsPath, eventsPath, asOfText, limitText] = process.argv.slice(2);
const limit = limitText ? Number(limitText) : Infinity;
const DAY = 86400000;
const dayOf = (iso) => Date.parse(iso + "T00:00:00Z") / DAY;
const asOf = dayOf(asOfText);

const lines = (path) => readFileSync(path, "utf8").split("\n").filter((l) => l.length > 0);

// Events by kind, sorted by date.
const byKind = new Map();
for (const line of lines(eventsPath)) {
  const e = JSON.parse(line);
  const ev = { id: e.id, day: dayOf(e.date), known: dayOf(e.known_on), level: e.level ?? null };
  if (!byKind.has(e.kind)) byKind.set(e.kind, []);
  byKind.get(e.kind).push(ev);
}
for (const list of byKind.values()) list.sort((a, b) => a.day - b.day || (a.id < b.id ? -1 : 1));

// The events of `kind` from day `from` to day `to` that were known by as_of and
// pass level >= minLevel, oldest first.
function select(kind, from, to, minLevel) {
  const list = byKind.get(kind) ?? [];
  let lo = 0, hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].day < from) lo = mid + 1;
    else hi = mid;
  }
  const out = [];
  for (let i = lo; i < list.length && list[i].day <= to; ++i) {
    const e = list[i];
    if (e.known <= asOf && e.level !== null && e.level >= minLevel) out.push(e);
  }
  return out;
}

function clauses(r) {
  const hits = { fact: "hits", params: { kind: r.kind, minLevel: r.min_level } };
  const past = { fact: "daysPastWindow", operator: "greaterThan", value: r.settle_days };
  const some = (n) => ({ ...hits, operator: "countAtLeast", value: n });
  const rule = (priority, outcome, all) =>
    new Rule({ priority, conditions: { all }, event: { type: outcome } });
  if (r.shape === "happens") return [rule(3, "true", [some(1)]), rule(2, "false", [past])];
  if (r.shape === "avoided") return [rule(3, "false", [some(1)]), rule(2, "true", [past])];
  return [rule(4, "true", [some(2)]), rule(3, "partial", [some(1), past]), rule(2, "false", [past])];
}

// One engine per topic, holding that topic's rules.
const engines = new Map();
for (const r of JSON.parse(readFileSync(rulesPath, "utf8"))) {
  const engine = new Engine([], { allowUndefinedFacts: false });
  engine.addOperator("countAtLeast", (events, n) => events.length >= n);
  engine.addFact("hits", async (params, almanac) => {
    const claim = await almanac.factValue("claim");
    return select(params.kind, claim.from, claim.to, params.minLevel);
  });
  for (const c of clauses(r)) engine.addRule(c);
  engines.set(r.topic, { engine, rule: r });
}

const claims = [];
for (const line of lines(claimsPath)) {
  if (claims.length >= limit) break;
  const c = JSON.parse(line);
  if (c.kind !== "prediction" || !c.deadline || !c.deadline.end) continue;
  claims.push({ id: c.id, topics: c.topics, from: dayOf(c.stated_on), to: dayOf(c.deadline.end) });
}

const outcomes = {};
let evaluated = 0;
const started = process.hrtime.bigint();
for (const claim of claims) {
  for (const topic of claim.topics) {
    const entry = engines.get(topic);
    if (!entry) continue;
    ++evaluated;
    const { results, almanac } = await entry.engine.run({
      claim,
      daysPastWindow: asOf - claim.to,
    });
    let best = null;
    for (const r of results) if (!best || r.priority > best.priority) best = r;
    let outcome = best ? best.event.type : "pending";
    if (outcome === "partial" || outcome === "true" || outcome === "false") {
      // The evidence and credit hindsight records with the verdict.
      const hits = await almanac.factValue("hits", {
        kind: entry.rule.kind,
        minLevel: entry.rule.min_level,
      });
      claim.evidence = hits.length ? hits[0].id : null;
      if (outcome === "partial") claim.credit = Math.min(hits.length / 2, 1);
    }
    outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
  }
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
process.stdout.write(
  JSON.stringify({
    claims: claims.length,
    evaluated,
    seconds,
    per_second: evaluated / seconds,
    outcomes,
  }) + "\n",
);
