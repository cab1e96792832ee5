// TL oracle backed by GramJS (npm telegram@2.26.22, layer 198): an independent serializer/parser that Spectra's
// generated TL code is checked against. Reads one JSON request per line on stdin, writes one JSON answer per line.
//
//   {"op":"serialize","obj":SPEC}            -> {"hex":"..."}   GramJS builds SPEC and serializes it (boxed)
//   {"op":"parse","hex":"..."}               -> {"hex":"...","name":"..."}   GramJS parses and re-serializes
//   {"op":"parseMany","hexes":["..."]}       -> {"results":[{"hex"}|{"error"}...]}   the same for many buffers
//   {"op":"random","seed":N,"kind":"constructors"|"methods","depth":D}
//                                            -> {"items":[{"name","id","hex"}...]}  one random instance of every
//                                               constructor (or method) GramJS knows
//   {"op":"layer"}                           -> {"layer":198}
//
// SPEC: {"_":"tl.name", field: value...} with TL (snake_case) field names. Values: int/double as JSON numbers,
// long/int128/int256 as decimal strings, string as JSON string, bytes as {"$bytes":"hex"}, Bool/true as booleans,
// vectors as arrays, objects as nested SPECs. Any failure is answered as {"error":"..."}.
"use strict";
const readline = require("readline");
const bigInt = require("big-integer");
const { tlobjects, LAYER } = require("telegram/tl/AllTLObjects");
const { BinaryReader } = require("telegram/extensions");
const gh = require("telegram/tl/generationHelpers");
const apiTl = require("telegram/tl/apiTl.js");
const schemaTl = require("telegram/tl/schemaTl.js");

// TL name -> id from the schema text (GramJS's own configs only keep camel-cased names).
const idByName = {};
for (const text of [apiTl, schemaTl]) {
    for (const line of text.split("\n")) {
        const m = line.match(/^([A-Za-z_][\w.]*)#([0-9a-f]+)\s/);
        if (m) idByName[m[1]] = parseInt(m[2], 16);
    }
}

// id -> parsed config (argsConfig with flag/vector info), and boxed type -> constructor configs.
const configById = {};
const ctorsByType = {};
for (const [text, isApi] of [[apiTl, true], [schemaTl, false]]) {
    for (const def of gh.parseTl(text, LAYER)) {
        if (!tlobjects[def.constructorId]) continue;
        def.isApi = isApi;
        configById[def.constructorId] = def;
        if (!def.isFunction) (ctorsByType[def.result] = ctorsByType[def.result] || []).push(def);
    }
}
const nameById = {};
for (const [name, id] of Object.entries(idByName)) nameById[id] = name;

function camel(name) {
    return gh.variableSnakeToCamelCase(name);
}

function argKey(config, tlField) {
    const c = camel(tlField);
    if (c in config.argsConfig) return c;
    const alt = camel("is_" + tlField);
    if (alt in config.argsConfig) return alt;
    throw new Error(`${nameById[config.constructorId]} has no field ${tlField}`);
}

// ---- SPEC -> GramJS object ------------------------------------------------------------------------------------
function build(spec) {
    const id = idByName[spec._];
    if (id === undefined || !tlobjects[id]) throw new Error(`unknown TL name ${spec._}`);
    const config = configById[id];
    const args = {};
    for (const [field, value] of Object.entries(spec)) {
        if (field === "_") continue;
        const key = argKey(config, field);
        const arg = config.argsConfig[key];
        args[key] = arg.isVector ? value.map((v) => convert(arg.type, v)) : convert(arg.type, value);
    }
    return new tlobjects[id](args);
}

function convert(type, value) {
    if (value === null || value === undefined) return value;
    switch (type) {
        case "long":
        case "int128":
        case "int256":
            return bigInt(String(value));
        case "bytes":
            return Buffer.from(value.$bytes, "hex");
        case "int":
        case "double":
        case "string":
        case "Bool":
        case "true":
            return value;
        default:
            if (Array.isArray(value)) return value.map((v) => build(v));
            return build(value);
    }
}

// ---- random instances -----------------------------------------------------------------------------------------
function mulberry32(seed) {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

// Cheapest way to finish a value of each boxed type (so deep random objects terminate): fixed point over
// "1 + the costliest required object argument".
const typeCost = {};
const ctorCost = {};
function requiredObjectTypes(def) {
    const out = [];
    for (const arg of Object.values(def.argsConfig)) {
        if (arg.flagIndicator || arg.isFlag || arg.isVector) continue;
        if (ctorsByType[arg.type]) out.push(arg.type);
        else if (arg.type === "X") out.push("X");
    }
    return out;
}
(function computeCosts() {
    let changed = true;
    while (changed) {
        changed = false;
        for (const [type, defs] of Object.entries(ctorsByType)) {
            for (const def of defs) {
                let cost = 1;
                for (const t of requiredObjectTypes(def)) cost = Math.max(cost, 1 + (t === "X" ? 1 : typeCost[t] ?? Infinity));
                if (cost < (ctorCost[def.constructorId] ?? Infinity)) {
                    ctorCost[def.constructorId] = cost;
                    changed = true;
                }
                if (cost < (typeCost[type] ?? Infinity)) {
                    typeCost[type] = cost;
                    changed = true;
                }
            }
        }
    }
})();

const simpleMethodId = idByName["help.getConfig"];

function randomObject(def, rnd, depth, maxDepth) {
    const args = {};
    const deep = depth >= maxDepth;
    const bits = {};
    for (const [key, arg] of Object.entries(def.argsConfig)) {
        if (arg.flagIndicator) continue;
        if (arg.isFlag) {
            // Fields sharing a flag bit are present or absent together (the bit promises each of them).
            const bit = arg.flagName + "." + arg.flagIndex;
            if (!(bit in bits)) bits[bit] = !deep && rnd() < 0.6;
            if (!bits[bit]) {
                if (arg.type === "true") args[key] = false;
                continue;
            }
        }
        if (arg.type === "true") {
            args[key] = true;
            continue;
        }
        if (arg.isVector) {
            const n = deep ? 0 : Math.floor(rnd() * 3);
            const items = [];
            for (let i = 0; i < n; i++) items.push(randomValue(arg, rnd, depth, maxDepth));
            args[key] = items;
        } else {
            args[key] = randomValue(arg, rnd, depth, maxDepth);
        }
    }
    return new tlobjects[def.constructorId](args);
}

function randomBig(rnd, bits) {
    let v = bigInt.zero;
    for (let i = 0; i < bits / 16; i++) v = v.shiftLeft(16).add(Math.floor(rnd() * 65536));
    return rnd() < 0.5 ? v.shiftRight(1) : v.shiftRight(1).negate().subtract(1);
}

const SAMPLE_TEXT = ["", "a", "hello", "Привет мир", "emoji \u{1F600}", "日本語テキスト", "x".repeat(260)];

function randomValue(arg, rnd, depth, maxDepth) {
    switch (arg.type) {
        case "int":
            return (Math.floor(rnd() * 4294967296) | 0);
        case "long":
            return randomBig(rnd, 64);
        case "int128":
            return randomBig(rnd, 128);
        case "int256":
            return randomBig(rnd, 256);
        case "double":
            return (rnd() - 0.5) * 1e6;
        case "string":
            return SAMPLE_TEXT[Math.floor(rnd() * SAMPLE_TEXT.length)];
        case "bytes": {
            const n = [0, 1, 3, 16, 253, 254, 300][Math.floor(rnd() * 7)];
            const b = Buffer.alloc(n);
            for (let i = 0; i < n; i++) b[i] = Math.floor(rnd() * 256);
            return b;
        }
        case "Bool":
            return rnd() < 0.5;
        case "X": {
            return randomObject(configById[simpleMethodId], rnd, depth + 1, maxDepth);
        }
        default: {
            const type = arg.type === "FutureSalt" ? "FutureSalt" : arg.type;
            const defs = ctorsByType[type];
            if (!defs) throw new Error(`no constructors for type ${arg.type}`);
            let def;
            if (depth + 1 >= maxDepth) {
                def = defs.reduce((a, b) => (ctorCost[b.constructorId] < ctorCost[a.constructorId] ? b : a));
            } else {
                def = defs[Math.floor(rnd() * defs.length)];
            }
            return randomObject(def, rnd, depth + 1, maxDepth);
        }
    }
}

function randomAll(seed, kind, maxDepth) {
    const rnd = mulberry32(seed);
    const items = [];
    for (const def of Object.values(configById)) {
        if (nameById[def.constructorId] === undefined) continue; // GramJS-only helpers without a schema id (tlsBlock*)
        if (!def.isApi && kind !== "mtproto") continue;
        if (def.isApi && kind === "mtproto") continue;
        if ((kind === "methods") !== def.isFunction && kind !== "mtproto") continue;
        const obj = randomObject(def, rnd, 0, maxDepth);
        items.push({ name: nameById[def.constructorId], id: def.constructorId, method: def.isFunction, hex: hex(obj.getBytes()) });
    }
    return items;
}

function hex(buf) {
    return Buffer.from(buf).toString("hex");
}

function serializeParsed(value) {
    if (typeof value === "boolean") return Buffer.from(value ? "b5757299" : "379779bc", "hex");
    return value.getBytes();
}

function handle(req) {
    switch (req.op) {
        case "layer":
            return { layer: LAYER };
        case "serialize":
            return { hex: hex(build(req.obj).getBytes()) };
        case "parse": {
            const reader = new BinaryReader(Buffer.from(req.hex, "hex"));
            const obj = reader.tgReadObject();
            return { hex: hex(serializeParsed(obj)), name: obj && obj.CONSTRUCTOR_ID !== undefined ? nameById[obj.CONSTRUCTOR_ID] : typeof obj };
        }
        case "parseMany":
            return {
                results: req.hexes.map((h) => {
                    try {
                        return handle({ op: "parse", hex: h });
                    } catch (e) {
                        return { error: String(e).slice(0, 300) };
                    }
                }),
            };
        case "random":
            return { items: randomAll(req.seed | 0, req.kind || "constructors", req.depth || 3) };
        default:
            throw new Error(`unknown op ${req.op}`);
    }
}

const rl = readline.createInterface({ input: process.stdin, terminal: false });
rl.on("line", (line) => {
    if (!line.trim()) return;
    let answer;
    try {
        answer = handle(JSON.parse(line));
    } catch (e) {
        answer = { error: String((e && e.stack) || e).slice(0, 2000) };
    }
    process.stdout.write(JSON.stringify(answer) + "\n");
});
