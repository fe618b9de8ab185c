import { shippedStages } from '../../src/dockerfile/chain.js';
import { runCommands } from '../../src/dockerfile/commands.js';
import type { DockerfileModel, Stage } from '../../src/dockerfile/types.js';
import { defineRule, type Span } from '../../src/engine/types.js';
import type { SimpleCommand, Word } from '../../src/shell/types.js';

/** CLI subcommands that download model weights. */
const CLI_DOWNLOADS: readonly { names: readonly string[]; sub: string; what: string }[] = [
  { names: ['huggingface-cli', 'hf'], sub: 'download', what: 'a Hugging Face model' },
  { names: ['ollama'], sub: 'pull', what: 'an Ollama model' },
  { names: ['ollama'], sub: 'run', what: 'an Ollama model' },
];
/** Python calls that fetch weights into the Hugging Face cache. */
const PYTHON_LOADERS = /\b(?:from_pretrained|snapshot_download|hf_hub_download|SentenceTransformer|CrossEncoder)\s*\(/;
/** URLs of weight files, or of a model repository on the Hub. */
const WEIGHTS_URL = /^(?:https?|hf):\/\/.*(?:\.(?:gguf|ggml|safetensors|ckpt|pth?|onnx)|(?:^|[/_-])(?:pytorch_)?model[^/]*\.bin|huggingface\.co\/(?!docs\b)[^/]+\/[^/?#]+\/?)(?:[?#].*)?$/i;
const FETCHERS = new Set(['wget', 'curl', 'aria2c']);
/** Copied files and folders that hold weights or a model cache. */
const WEIGHTS_FILE = /\.(?:gguf|ggml|safetensors|ckpt|pth?|onnx)$/i;
const MODEL_FOLDERS = new Set(['models', '.ollama', 'hf_cache', 'hf-cache', 'model_cache', 'model-cache']);
const CACHE_PATH = /(?:^|\/)\.cache\/(?:huggingface|torch)(?:\/|$)/;

const ADVICE = 'keep models on a volume or model cache (HF_HOME, OLLAMA_MODELS) and fetch them at deploy time';

/** Where the file lands, for messages: `the image` when there is one stage. */
function where(model: DockerfileModel, s: Stage): string {
  if (model.stages.length === 1) return 'the image';
  return `${s.name ? `stage "${s.name}"` : `stage ${s.index} (line ${s.from.span.line})`}, which ships`;
}

/** What a command downloads, and the words to point at. */
function download(c: SimpleCommand): { what: string; from: Word; to: Word } | undefined {
  const first = c.args[0];
  const cli = CLI_DOWNLOADS.find((d) => d.names.includes(c.name) && first?.text === d.sub);
  if (cli && first) return { what: cli.what, from: c.words[0]!, to: first };
  if (/^python[\d.]*$/.test(c.name)) {
    const code = c.args.findIndex((a) => a.text === '-c');
    const body = c.args[code + 1];
    if (code !== -1 && body && PYTHON_LOADERS.test(body.text)) return { what: 'model weights', from: body, to: body };
  }
  if (FETCHERS.has(c.name) || (c.name === 'git' && first?.text === 'clone')) {
    const url = c.args.find((a) => WEIGHTS_URL.test(a.text));
    if (url) return { what: 'model weights', from: url, to: url };
  }
  return undefined;
}

function isModelSource(text: string): boolean {
  const path = text.replace(/\/+\**$/, '');
  const last = path.slice(path.lastIndexOf('/') + 1);
  return WEIGHTS_FILE.test(last) || MODEL_FOLDERS.has(last) || CACHE_PATH.test(path);
}

export default defineRule({
  meta: {
    id: 'no-models-baked-in',
    category: 'size',
    summary: 'Model weights live on a volume or model cache, not in image layers',
    severity: 'warning',
  },
  checkDockerfile({ dockerfile, runtimeStages, report }) {
    const { file } = dockerfile;
    const at = (from: Word, to: Word): Span => file.span(from.start, to.end);
    // Index loops: every command of every shipped RUN, mostly before this is optimised, where
    // for…of allocates an iterator result per step.
    const stages = shippedStages(dockerfile, runtimeStages);
    for (let s = 0; s < stages.length; s++) {
      const stage = stages[s]!;
      for (let r = 0; r < stage.runs.length; r++) {
        const run = stage.runs[r]!;
        const commands = runCommands(run);
        for (let i = 0; i < commands.length; i++) {
          const c = commands[i]!;
          const found = download(c);
          if (found) report({ span: at(found.from, found.to), message: `RUN downloads ${found.what} into a layer of ${where(dockerfile, stage)}; ${ADVICE}` });
        }
        // `python <<EOF … from_pretrained(…) EOF`: the body is data to the shell parser.
        if (run.heredocs.some((h) => PYTHON_LOADERS.test(h.body))) {
          const py = runCommands(run).find((c) => /^python[\d.]*$/.test(c.name));
          if (py) report({ span: at(py.words[0]!, py.words[0]!), message: `RUN downloads model weights into a layer of ${where(dockerfile, stage)}; ${ADVICE}` });
        }
      }
      for (const copy of stage.copies) {
        for (const source of copy.sources) {
          if (isModelSource(source.text)) report({ span: source.span, message: `${copy.keyword} ${source.text} bakes model weights into ${where(dockerfile, stage)}; ${ADVICE}` });
        }
      }
    }
  },
});
