// CRFsuite baseline for Marsad's NER tagger (npm `crfsuite`, the C CRFsuite library).
// Reads the same CoNLL train file, holds out the same dev split (the last floor(n * fraction)
// sentences), trains with a classic feature set (word, prefixes/suffixes 1-3, shape, window ±2,
// bigrams), tags dev, and prints one JSON line: F1 (conlleval chunks) and tagging tokens/s
// (feature extraction + tagging, one thread, after one untimed warm-up pass; fastest of three passes
// and tokens per CPU-second — the same protocol as `marsad eval ner`).
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const crfsuite = require('crfsuite');

const [trainFile, fractionArg = '0.1', iterArg = '100'] = process.argv.slice(2);
if (!trainFile) {
  console.error('usage: node crf.js TRAIN.conll [dev-fraction=0.1] [max-iterations=100]');
  process.exit(2);
}

function readConll(file) {
  const sentences = [];
  let tokens = [], tags = [];
  for (const raw of fs.readFileSync(file, 'utf8').split('\n')) {
    const line = raw.replace(/[\u200e\u200f\ufeff\r]/g, '').trim();
    if (!line) {
      if (tokens.length) sentences.push({ tokens, tags });
      tokens = []; tags = [];
      continue;
    }
    const parts = line.split(/[ \t]+/);
    tokens.push(parts[0]);
    tags.push((parts[1] || 'O').replace('-PERS', '-PER'));
  }
  if (tokens.length) sentences.push({ tokens, tags });
  return sentences;
}

function shape(w) {
  let s = '', last = '';
  for (const c of w) {
    const k = /[\u0621-\u064a]/.test(c) ? 'a' : /[0-9\u0660-\u0669]/.test(c) ? 'd' : /[A-Za-z]/.test(c) ? 'x' : c;
    if (k !== last) s += k;
    last = k;
  }
  return s;
}

function features(tokens) {
  const n = tokens.length;
  const xseq = new Array(n);
  for (let i = 0; i < n; i++) {
    const w = tokens[i];
    const f = ['bias', 'w=' + w, 'shape=' + shape(w), 'len=' + Math.min(w.length, 12)];
    for (let k = 1; k <= 3 && k <= w.length; k++) {
      f.push('p' + k + '=' + w.slice(0, k));
      f.push('s' + k + '=' + w.slice(-k));
    }
    for (const d of [-2, -1, 1, 2]) {
      const j = i + d;
      f.push('w[' + d + ']=' + (j >= 0 && j < n ? tokens[j] : '<pad>'));
    }
    f.push('w[-1]|w=' + (i > 0 ? tokens[i - 1] : '<pad>') + '|' + w);
    f.push('w|w[1]=' + w + '|' + (i + 1 < n ? tokens[i + 1] : '<pad>'));
    if (i === 0) f.push('first');
    xseq[i] = f;
  }
  return xseq;
}

function chunks(tags) {
  const out = [];
  let i = 0;
  while (i < tags.length) {
    const t = tags[i];
    if (t === 'O') { i++; continue; }
    const type = t.slice(2);
    let j = i + 1;
    while (j < tags.length && tags[j] === 'I-' + type) j++;
    out.push(i + ':' + j + ':' + type);
    i = j;
  }
  return out;
}

const all = readConll(trainFile);
const devCount = Math.floor(all.length * parseFloat(fractionArg));
const train = all.slice(0, all.length - devCount);
const dev = all.slice(all.length - devCount);

const modelFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'crfsuite-')), 'ner.crfsuite');
const trainer = new crfsuite.Trainer({ debug: false });
trainer.set_params({ c1: '0.1', c2: '0.01', max_iterations: iterArg, 'feature.possible_transitions': '1' });
const t0 = process.hrtime.bigint();
for (const s of train) trainer.append(features(s.tokens), s.tags);
trainer.train(modelFile);
const trainSeconds = Number(process.hrtime.bigint() - t0) / 1e9;

const tagger = new crfsuite.Tagger();
if (!tagger.open(modelFile)) throw new Error('cannot open ' + modelFile);
for (const s of dev) tagger.tag(features(s.tokens)); // warm-up: one full untimed pass
// Three timed passes: the fastest (wall clock) and tokens per CPU-second over the three, as `marsad eval ner`.
let predicted = [], best = Infinity;
const cpu0 = process.cpuUsage();
for (let pass = 0; pass < 3; pass++) {
  const t1 = process.hrtime.bigint();
  const out = new Array(dev.length); // tag() returns the label array (index.d.ts says an object)
  for (let k = 0; k < dev.length; k++) out[k] = tagger.tag(features(dev[k].tokens));
  best = Math.min(best, Number(process.hrtime.bigint() - t1) / 1e9);
  predicted = out;
}
const cpu = process.cpuUsage(cpu0);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
let gold = 0, found = 0, correct = 0, tokens = 0;
for (let k = 0; k < dev.length; k++) {
  tokens += dev[k].tokens.length;
  const g = new Set(chunks(dev[k].tags));
  const p = chunks(predicted[k]);
  gold += g.size; found += p.length;
  for (const c of p) if (g.has(c)) correct++;
}
const precision = found ? correct / found : 0, recall = gold ? correct / gold : 0;
const f1 = precision + recall ? 2 * precision * recall / (precision + recall) : 0;
console.log(JSON.stringify({
  system: 'crfsuite', train_sentences: train.length, dev_sentences: dev.length, tokens,
  precision: +precision.toFixed(4), recall: +recall.toFixed(4), f1: +f1.toFixed(4),
  tokens_per_second: Math.round(tokens / best), tokens_per_cpu_second: Math.round(3 * tokens / cpuSeconds), train_seconds: +trainSeconds.toFixed(1),
}));
