// The peer of `hindsight when --batch`: chrono-node on the same phrase<TAB>date
// lines. Prints one JSON object a line ({"phrase","start","end"}) like hindsight, so
// that tools/bench can time both and score both on temporal-cases.tsv.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";

const require = createRequire(process.env.BENCH_NODE_MODULES + "/");
const chrono = require("chrono-node");

const day = (d) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;

const lines = readFileSync(process.argv[2], "utf8").split("\n").filter((l) => l.length > 0);
const out = [];
for (const line of lines) {
  const [phrase, anchor] = line.split("\t");
  const ref = new Date(anchor + "T12:00:00");
  const results = chrono.parse(phrase, ref, { forwardDate: true });
  if (results.length === 0) {
    out.push(JSON.stringify({ phrase, start: null, end: null }));
    continue;
  }
  const r = results[0];
  const start = r.start.date();
  const end = r.end ? r.end.date() : start;
  out.push(JSON.stringify({ phrase, start: day(start), end: day(end) }));
}
process.stdout.write(out.join("\n") + "\n");
