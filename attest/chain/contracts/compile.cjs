// compile.cjs compiles every .sol file in this folder with the pinned solc-js
// and OpenZeppelin Contracts from $AIPROV_NODE_DIR/node_modules, writing
// NAME.abi and NAME.bin for each contract defined here into OUTDIR.
// Usage: node compile.cjs OUTDIR. Run through generate.sh.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { createRequire } = require("node:module");

const nodeDir = process.env.AIPROV_NODE_DIR;
if (!nodeDir) throw new Error("AIPROV_NODE_DIR is not set");
const req = createRequire(path.join(nodeDir, "node_modules", "noop.js"));
const solc = req("solc");
const modules = path.join(nodeDir, "node_modules");
const ozVersion = JSON.parse(fs.readFileSync(path.join(modules, "@openzeppelin/contracts/package.json"))).version;
const wantSolc = "0.8.37", wantOZ = "5.7.0";
if (!solc.version().startsWith(wantSolc + "+")) throw new Error(`solc-js ${solc.version()}, want ${wantSolc}`);
if (ozVersion !== wantOZ) throw new Error(`@openzeppelin/contracts ${ozVersion}, want ${wantOZ}`);

const here = __dirname;
const out = process.argv[2];
if (!out) throw new Error("usage: node compile.cjs OUTDIR");
const files = fs.readdirSync(here).filter((f) => f.endsWith(".sol")).sort();
const sources = {};
for (const f of files) sources[f] = { content: fs.readFileSync(path.join(here, f), "utf8") };

const input = {
  language: "Solidity",
  sources,
  settings: {
    // cancun: what geth, the simulated backend and the L2s in use all run.
    evmVersion: "cancun",
    // Many calls per deployment: optimise for call gas, not code size.
    optimizer: { enabled: true, runs: 10000 },
    // The IR pipeline: Distributor.publish has more live values than the
    // legacy code generator can reach on the stack.
    viaIR: true,
    // No metadata hash: the bytecode depends on the sources only, not on
    // file paths or comments, so regeneration is reproducible.
    metadata: { bytecodeHash: "none", appendCBOR: false },
    outputSelection: { "*": { "*": ["abi", "evm.bytecode.object"] } },
  },
};
function findImports(p) {
  const local = path.join(here, p);
  if (fs.existsSync(local)) return { contents: fs.readFileSync(local, "utf8") };
  const mod = path.join(modules, p);
  if (fs.existsSync(mod)) return { contents: fs.readFileSync(mod, "utf8") };
  return { error: `not found: ${p}` };
}
const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
let failed = false;
for (const e of output.errors || []) {
  process.stderr.write(e.formattedMessage + "\n");
  if (e.severity === "error") failed = true;
}
if (failed) process.exit(1);
fs.mkdirSync(out, { recursive: true });
for (const f of files) {
  for (const [name, c] of Object.entries(output.contracts[f] || {})) {
    if (!c.evm.bytecode.object) continue; // interfaces and abstract contracts
    fs.writeFileSync(path.join(out, name + ".abi"), JSON.stringify(c.abi, null, 1) + "\n");
    fs.writeFileSync(path.join(out, name + ".bin"), c.evm.bytecode.object + "\n");
  }
}
